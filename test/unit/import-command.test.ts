import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importCommand } from "../../cli/commands/import";
import type { CliIO } from "../../cli/io";
import { resolveScenario } from "../../engine/scenario/validate";

const FIXTURES = fileURLToPath(new URL("../fixtures/exports/", import.meta.url));
const ALPHA_JSON = join(FIXTURES, "frodo-extracted/Alpha-OAuth2-Access-Token-Modification-Script.script.json");
const ALPHA_JS = join(FIXTURES, "frodo-extracted/Alpha-OAuth2-Access-Token-Modification-Script.script.js");

let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "import-command-"));
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

function fakeIO(cwd = work): CliIO & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    cwd,
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
  };
  return io;
}

/** Every file under `dir` with its content, to prove a failed import changed nothing. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = join(entry.parentPath, entry.name);
      files[full] = readFileSync(full, "utf8");
    }
  }
  return files;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));

describe("token-playground import", () => {
  it("writes the script and a scenario stub for the AIC alpha default, printing one line per file", async () => {
    const out = join(work, "imported");
    const io = fakeIO();
    expect(await importCommand([ALPHA_JSON, "--out", out], io)).toBe(0);

    expect(readdirSync(out).sort()).toEqual([
      "Alpha-OAuth2-Access-Token-Modification-Script.js",
      "Alpha-OAuth2-Access-Token-Modification-Script.scenario.json",
    ]);
    expect(readFileSync(join(out, "Alpha-OAuth2-Access-Token-Modification-Script.js"), "utf8")).toBe(readFileSync(ALPHA_JS, "utf8"));
    expect(readJson(join(out, "Alpha-OAuth2-Access-Token-Modification-Script.scenario.json"))).toEqual({
      name: "Alpha OAuth2 Access Token Modification Script",
      description: "Default alpha realm script for OAuth2 Access Token Modification",
      evaluator: "legacy",
      scriptName: "Alpha OAuth2 Access Token Modification Script",
    });
    expect(io.out).toBe(
      "writing 2 files to imported:\n" +
        "wrote imported/Alpha-OAuth2-Access-Token-Modification-Script.js\n" +
        "wrote imported/Alpha-OAuth2-Access-Token-Modification-Script.scenario.json\n",
    );
    expect(io.err).toBe("");
  });

  it("writes into the current folder by default, resolving the export path against it", async () => {
    cpSync(join(FIXTURES, "am-rest-next-gen.json"), join(work, "customer.json"));
    const io = fakeIO();
    expect(await importCommand(["customer.json"], io)).toBe(0);
    expect(io.out).toMatch(/^writing 2 files to the current folder \(--out DIR writes elsewhere\):\n/);
    expect(readJson(join(work, "Next-Gen-Entitlements-Script.scenario.json")).evaluator).toBe("next-gen");
    expect(readFileSync(join(work, "Next-Gen-Entitlements-Script.js"), "utf8")).toContain("identity.getAttributeValues('isMemberOf')");
  });

  it("writes scenario stubs the scenario validator accepts", async () => {
    expect(await importCommand([join(FIXTURES, "frodo-config-export.json"), "--out", work], fakeIO())).toBe(0);
    const stubs = readdirSync(work).filter((f) => f.endsWith(".scenario.json"));
    expect(stubs).toHaveLength(3);
    for (const stub of stubs) {
      const scenario = resolveScenario(readJson(join(work, stub)), stub);
      expect(scenario.scriptName).toBe(readJson(join(work, stub)).name);
    }
  });

  it("gives colliding names distinct files and carries each script's realm into its stub", async () => {
    const io = fakeIO();
    expect(await importCommand([join(FIXTURES, "frodo-config-export.json"), "--out=" + work], io)).toBe(0);
    const base = "ForgeRock-Internal-OAuth2-Access-Token-Modification-Script";
    expect(readJson(join(work, `${base}.scenario.json`)).realm).toBe("/alpha");
    expect(readJson(join(work, `${base}-2.scenario.json`)).realm).toBe("/bravo");
    expect(io.out.trim().split("\n").filter((line) => line.startsWith("wrote "))).toHaveLength(6);
  });

  it("points $schema at the project's scenario schema when the output folder is inside the project", async () => {
    mkdirSync(join(work, "schema"));
    writeFileSync(join(work, "schema", "scenario.schema.json"), "{}");
    const out = join(work, "samples", "customer");
    expect(await importCommand([join(FIXTURES, "am-rest-script.json"), "--out", out], fakeIO())).toBe(0);
    const stub = readJson(join(out, "Acme-Employee-Number-Token-Script.scenario.json"));
    expect(stub.$schema).toBe("../../schema/scenario.schema.json");
    expect(Object.keys(stub)[0]).toBe("$schema");
  });

  it("writes Groovy scripts as .groovy and reports the importer's warnings on stderr", async () => {
    const io = fakeIO();
    const groovy = join(FIXTURES, "frodo-extracted/OAuth2-Access-Token-Modification-Script.script.json");
    expect(await importCommand([groovy, "--out", work], io)).toBe(0);
    expect(existsSync(join(work, "OAuth2-Access-Token-Modification-Script.groovy"))).toBe(true);
    expect(io.out).not.toContain("warning");
    expect(io.err).toMatch(/^warning: OAuth2 Access Token Modification Script: .*Groovy.*JavaScript only/);
  });

  it("refuses to overwrite, naming the file and writing nothing at all; --force overwrites", async () => {
    const existing = join(work, "Alpha-OAuth2-Access-Token-Modification-Script.scenario.json");
    writeFileSync(existing, "my edited scenario");
    const before = snapshot(work);

    const io = fakeIO();
    expect(await importCommand([ALPHA_JSON, "--out", work], io)).toBe(2);
    expect(io.err).toContain("Alpha-OAuth2-Access-Token-Modification-Script.scenario.json already exists");
    expect(io.err).toContain("--force");
    expect(io.out).toBe("");
    // The .js target did not exist, yet it was not written either: all or nothing.
    expect(snapshot(work)).toEqual(before);

    expect(await importCommand([ALPHA_JSON, "--out", work, "--force"], fakeIO())).toBe(0);
    expect(readJson(existing).evaluator).toBe("legacy");
  });

  it("returns 2 on a bad export, printing the file and place and leaving the folder unchanged", async () => {
    const out = join(work, "out");
    mkdirSync(out);
    writeFileSync(join(out, "keep.txt"), "untouched");
    const before = snapshot(work);
    for (const bad of ["bad/invalid-json.json", "bad/missing-script.json", "bad/bad-base64.json", "bad/unknown-format.json"]) {
      const io = fakeIO(FIXTURES);
      expect(await importCommand([bad, "--out", out], io)).toBe(2);
      expect(io.err).toMatch(new RegExp(`^import: ${bad.replace(/[.]/g, "\\.")}(, line \\d+, column \\d+| at \\$)`));
      expect(io.out).toBe("");
    }
    expect(snapshot(work)).toEqual(before);
  });

  it("does not create the output folder when the import fails", async () => {
    const out = join(work, "never-created");
    const io = fakeIO();
    expect(await importCommand([join(FIXTURES, "frodo-extracted/Missing-Sibling.script.json"), "--out", out], io)).toBe(2);
    expect(io.err).toContain('"Customer-Token-Script.script.js", which was not found beside');
    expect(existsSync(out)).toBe(false);
  });

  it("returns 2 naming a missing export file", async () => {
    const io = fakeIO();
    expect(await importCommand(["no-such-export.json"], io)).toBe(2);
    expect(io.err).toBe("import: cannot read the export file no-such-export.json: no such file\n");
    expect(readdirSync(work)).toEqual([]);
  });

  it("returns 2 with usage on bad arguments", async () => {
    for (const argv of [[], ["a.json", "b.json"], ["a.json", "--bogus"], ["a.json", "--out"]]) {
      const io = fakeIO();
      expect(await importCommand(argv, io)).toBe(2);
      expect(io.err).toContain("usage: token-playground import <export.json> [--out DIR] [--force]");
    }
    expect(readdirSync(work)).toEqual([]);
  });

  it("returns 2 when --out names a file", async () => {
    writeFileSync(join(work, "a-file"), "x");
    const io = fakeIO();
    expect(await importCommand([ALPHA_JSON, "--out", "a-file"], io)).toBe(2);
    expect(io.err).toContain("is a file, not a folder");
  });
});
