/**
 * A scenario key named "__proto__" is an ordinary key, as AM keeps it in a Java map (engine/README.md "Keys"):
 * zod drops such keys from records and objects, so validation crosses them under a stand-in name and gives them
 * back (engine/scenario/proto-keys.ts). Checked through validateScenario (the app's editor and the CLI call it),
 * through a run that reads the keys, and through the built CLI reading a scenario file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateScenario } from "../../engine/scenario/validate";
import { run } from "../../engine/run";

/** Scenario text with "__proto__" keys in the records a script reads (JSON.parse keeps them as own keys). */
const SCENARIO_TEXT = `{
  "identity": { "attributes": { "__proto__": ["attr"], "mail": ["m@example.com"] } },
  "session": { "properties": { "__proto__": "session-value" } },
  "request": { "headers": { "__proto__": ["header-value"] }, "params": { "__proto__": ["param-value"] } },
  "client": { "customProperties": { "__proto__": "client-value" } },
  "systemEnv": { "__proto__": "env-value" },
  "secrets": { "__proto__": "secret-value" },
  "openidm": { "managed/alpha_user/u1": { "__proto__": { "deep": 1 }, "userName": "b" } }
}`;

const own = (record: unknown, key: string) => (record && Object.hasOwn(record as object, key) ? (record as Record<string, unknown>)[key] : "<absent>");

describe("scenario keys named __proto__", () => {
  it("survive validation as own keys, in their place and order, without changing the caller's object", () => {
    const input = JSON.parse(SCENARIO_TEXT) as Record<string, unknown>;
    const outcome = validateScenario(input);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const s = outcome.scenario;
    expect(Object.keys(s.identity.attributes)).toEqual(["__proto__", "mail"]);
    expect(own(s.identity.attributes, "__proto__")).toEqual(["attr"]);
    expect(own(s.session?.properties, "__proto__")).toBe("session-value");
    expect(own(s.request.headers, "__proto__")).toEqual(["header-value"]);
    expect(own(s.request.params, "__proto__")).toEqual(["param-value"]);
    expect(own(s.client?.customProperties, "__proto__")).toBe("client-value");
    expect(own(s.systemEnv, "__proto__")).toBe("env-value");
    expect(own(s.secrets, "__proto__")).toBe("secret-value");
    expect(own(s.openidm["managed/alpha_user/u1"], "__proto__")).toEqual({ deep: 1 });
    // No prototype was replaced anywhere, and the caller's object is as it was.
    expect(Object.getPrototypeOf(s.identity.attributes)).toBe(Object.prototype);
    expect(input).toEqual(JSON.parse(SCENARIO_TEXT));
    expect(JSON.stringify(s)).not.toContain("__proto__#");
  });

  it("a stand-in name a scenario already uses is not taken", () => {
    const outcome = validateScenario(JSON.parse('{"secrets": {"__proto__": "a", "__proto__#": "b"}}'));
    expect(outcome.ok && Object.entries(outcome.scenario.secrets)).toEqual([["__proto__", "a"], ["__proto__#", "b"]]);
  });

  it("an invalid value under a __proto__ key is reported at that key", () => {
    const outcome = validateScenario(JSON.parse('{"identity": {"attributes": {"__proto__": 5}}}'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues.map((i) => i.path)).toEqual(["$.identity.attributes.__proto__"]);
  });

  it("reach a legacy script as ordinary keys", async () => {
    const result = await run(
      "logger.message(identity.getAttribute('__proto__') + ' ' + session.getProperty('__proto__') + ' ' + requestProperties.get('requestHeaders').get('__proto__') + ' ' + clientProperties.get('customProperties').get('__proto__'));",
      JSON.parse(SCENARIO_TEXT),
      { evaluator: "legacy" },
    );
    expect(result.error).toBeNull();
    expect(result.logs.map((l) => l.message)).toEqual(["[attr] session-value [header-value] client-value"]);
  });

  it("reach a next-generation script as ordinary keys (IDM object, secret)", async () => {
    const result = await run(
      "var u = openidm.read('managed/alpha_user/u1'); logger.info(JSON.stringify(u['__proto__']) + ' ' + systemEnv.getProperty('__proto__'));",
      JSON.parse(SCENARIO_TEXT),
      { evaluator: "next-gen" },
    );
    expect(result.error).toBeNull();
    expect(result.logs.map((l) => l.message)).toEqual(['{"deep":1} env-value']);
  });
});

describe("the CLI reads a scenario file's __proto__ keys", () => {
  let dir = "";
  beforeAll(() => {
    if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli");
    dir = mkdtempSync(join(tmpdir(), "tp-proto-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("run --scenario with a __proto__ attribute sets the claim from it", () => {
    writeFileSync(join(dir, "s.js"), "accessToken.setField('fromProto', String(identity.getAttribute('__proto__')));\n");
    writeFileSync(join(dir, "scenario.json"), SCENARIO_TEXT);
    const result = spawnSync(process.execPath, [join(process.cwd(), "bin/token-playground.js"), "run", "s.js", "--scenario", "scenario.json", "--evaluator", "legacy", "--json"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as { introspection: Record<string, unknown> };
    expect(out.introspection.fromProto).toBe("[attr]");
  });
});
