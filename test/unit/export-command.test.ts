import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseScriptExport } from "../../engine/import/exports";
import { cli } from "./cli-helpers";

// Each test spawns the built CLI several times; on two shared cores that can take longer than the default 20 s.
vi.setConfig({ testTimeout: 120000 });

const FIXTURES = fileURLToPath(new URL("../fixtures/exports/", import.meta.url));
const EXTRACTED = join(FIXTURES, "frodo-extracted/Alpha-OAuth2-Access-Token-Modification-Script.script.json");
const EXTRACTED_JS = "Alpha-OAuth2-Access-Token-Modification-Script.script.js";

let work: string;

beforeAll(() => {
  if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli (npm test does)");
});
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "export-command-"));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) out[name] = readFileSync(join(dir, name), "utf8");
  return out;
}

describe("token-playground import → export closes the loop", () => {
  const fixtures = [
    "am-rest-script.json",
    "am-rest-next-gen.json",
    "am-rest-query.json",
    "amster-script.json",
    "amster-script-plain.json",
    "frodo-allAlphaScripts.script.json",
    "frodo-config-export.json",
  ];

  it.each(fixtures)("%s: every imported .js exported unedited gives the original file, byte for byte", (name) => {
    const original = join(FIXTURES, name);
    const imported = cli(["import", original, "--out", join(work, "scripts")]);
    expect(imported.code, imported.stderr).toBe(0);
    const scripts = readdirSync(join(work, "scripts")).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBe(parseScriptExport(readFileSync(original, "utf8"), name).filter((s) => s.language === "JAVASCRIPT").length);
    for (const script of scripts) {
      const exported = cli(["export", join(work, "scripts", script), "--like", original]);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toBe(readFileSync(original, "utf8"));
      expect(exported.stderr).toContain("no changes: the export is the original");
    }
  });

  it("an edited, migrated script goes out as next-gen in the same AM REST record", () => {
    const original = join(FIXTURES, "am-rest-script.json");
    const script = join(work, "edited.js");
    const source = "// migrated\r\naccessToken.setField('employee', 'ü\t42');\n";
    writeFileSync(script, source);
    const out = join(work, "out.json");
    const result = cli(["export", script, "--like", original, "--out", out, "--evaluator", "next-gen"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('changed: script text; context OAUTH2_ACCESS_TOKEN_MODIFICATION → OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN; evaluatorVersion "1.0" → "2.0"');
    const written = readFileSync(out, "utf8");
    const [reread] = parseScriptExport(written, "out.json");
    expect(reread).toMatchObject({ source, evaluator: "next-gen", context: "OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN", id: "7e3d2c1b-4a5f-4e6d-8c7b-9a0f1e2d3c4b" });
    expect(JSON.parse(written).script).toBe(Buffer.from(source, "utf8").toString("base64"));
    expect(Object.keys(JSON.parse(written))).toEqual(Object.keys(JSON.parse(readFileSync(original, "utf8"))));
  });

  it("a many-script export finds the edited script by --script when its file name says nothing", () => {
    const original = join(FIXTURES, "frodo-allAlphaScripts.script.json");
    const script = join(work, "mine.js");
    writeFileSync(script, "accessToken.setField('a', 1);");
    const refused = cli(["export", script, "--like", original]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/frodo-allAlphaScripts\.script\.json: holds \d scripts and the file name mine\.js is not the one import gave any of them/);
    const chosen = cli(["export", script, "--like", original, "--script", "Alpha Department Token Script"]);
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(JSON.parse(chosen.stdout).script["6a4e2b7c-1f0d-4a55-9d4e-0c2b8f1e7a01"].script).toEqual(["accessToken.setField('a', 1);"]);
  });
});

describe("token-playground export: Frodo's extracted file:// text", () => {
  it("writes the .json and the .js beside it, never replaces without --force, and all or nothing", () => {
    const script = join(work, "edited.js");
    writeFileSync(script, "accessToken.setField('edited', true);\n");
    const noOut = cli(["export", script, "--like", EXTRACTED]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain(`keeps the script text in the separate file ${EXTRACTED_JS}`);

    const outDir = join(work, "out");
    const out = join(outDir, "Alpha.script.json");
    const first = cli(["export", script, "--like", EXTRACTED, "--out", out]);
    expect(first.code, first.stderr).toBe(0);
    expect(files(outDir)).toEqual({ "Alpha.script.json": readFileSync(EXTRACTED, "utf8"), [EXTRACTED_JS]: "accessToken.setField('edited', true);\n" });
    const reread = parseScriptExport(readFileSync(out, "utf8"), out, (p) => readFileSync(join(outDir, p), "utf8"));
    expect(reread[0].source).toBe("accessToken.setField('edited', true);\n");

    writeFileSync(script, "accessToken.setField('edited', 'again');\n");
    const again = cli(["export", script, "--like", EXTRACTED, "--out", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${EXTRACTED_JS} exists already; nothing was written (use --force to replace it)`);
    expect(readFileSync(join(outDir, EXTRACTED_JS), "utf8")).toBe("accessToken.setField('edited', true);\n");

    // Only the .js would change; with the .json gone, a refused run must not write the .json either.
    rmSync(out);
    const partial = cli(["export", script, "--like", EXTRACTED, "--out", out]);
    expect(partial.code).toBe(2);
    expect(existsSync(out)).toBe(false);

    const forced = cli(["export", script, "--like", EXTRACTED, "--out", out, "--force"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(outDir, EXTRACTED_JS), "utf8")).toBe("accessToken.setField('edited', 'again');\n");
    expect(readdirSync(outDir).sort()).toEqual(["Alpha.script.json", EXTRACTED_JS].sort());
  });

  it("editing the extracted .js in place: exporting over the original folder leaves the unchanged .js alone", () => {
    cpSync(join(FIXTURES, "frodo-extracted"), join(work, "tenant"), { recursive: true });
    const js = join(work, "tenant", EXTRACTED_JS);
    writeFileSync(js, "accessToken.setField('in', 'place');\n");
    const out = join(work, "tenant", "Alpha-next-gen.script.json");
    const result = cli(["export", js, "--like", join(work, "tenant", "Alpha-OAuth2-Access-Token-Modification-Script.script.json"), "--out", out, "--evaluator", "next-gen"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`unchanged ${js}`);
    expect(JSON.parse(readFileSync(out, "utf8")).script["39c08084-1238-43e8-857f-2e11005eac49"]).toMatchObject({
      evaluatorVersion: "2.0",
      context: "OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN",
      script: `file://${EXTRACTED_JS}`,
    });
  });
});

describe("token-playground export: bad input exits 2 naming the file and the place", () => {
  function edited(): string {
    const script = join(work, "edited.js");
    writeFileSync(script, "accessToken.setField('a', 1);");
    return script;
  }

  it.each([
    ["bad/missing-script.json", 'bad/missing-script.json at $.script["abc"].script: missing the "script" field'],
    ["bad/invalid-json.json", "bad/invalid-json.json, line 6, column 7: invalid JSON"],
    ["bad/amster-wrong-entity.json", "bad/amster-wrong-entity.json at $.metadata.entityType"],
    ["bad/bad-base64.json", "bad/bad-base64.json at $.script: not valid Base64"],
  ])("%s", (name, message) => {
    const result = cli(["export", edited(), "--like", `test/fixtures/exports/${name}`, "--out", join(work, "out.json")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(join(work, "out.json"))).toBe(false);
  });

  it("a missing --like, a missing script, a bad --evaluator, an existing --out", () => {
    const script = edited();
    const noLike = cli(["export", script]);
    expect([noLike.code, noLike.stderr]).toEqual([2, expect.stringContaining("export needs --like <original-export.json>")]);
    const noScript = cli(["export", join(work, "nope.js"), "--like", join(FIXTURES, "am-rest-script.json")]);
    expect([noScript.code, noScript.stderr]).toEqual([2, expect.stringContaining(`${join(work, "nope.js")}: cannot read the edited script: no such file`)]);
    const badEvaluator = cli(["export", script, "--like", join(FIXTURES, "am-rest-script.json"), "--evaluator", "2.0"]);
    expect([badEvaluator.code, badEvaluator.stderr]).toEqual([2, expect.stringContaining('--evaluator must be "legacy" or "next-gen"')]);
    const out = join(work, "taken.json");
    writeFileSync(out, "mine");
    const taken = cli(["export", script, "--like", join(FIXTURES, "am-rest-script.json"), "--out", out]);
    expect([taken.code, taken.stderr]).toEqual([2, expect.stringContaining(`${out} exists already; nothing was written`)]);
    expect(readFileSync(out, "utf8")).toBe("mine");
  });

  it("a next-gen move a context cannot make", () => {
    const original = join(work, "library.json");
    writeFileSync(original, JSON.stringify({ _id: "l", name: "Lib", language: "JAVASCRIPT", context: "LIBRARY", evaluatorVersion: "2.0", script: "YQ==" }, null, 2));
    const result = cli(["export", edited(), "--like", original, "--evaluator", "legacy"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${original} at $.context: cannot move to legacy: the context LIBRARY exists for the next-generation evaluator only`);
  });
});
