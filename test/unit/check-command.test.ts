/**
 * `check` on the built command line: it judges the script for the evaluator its scenario names (found beside
 * the script as `run` finds it, or given with --scenario), prints the hints, and a script nested too deep for
 * Rhino gets Rhino's verdict with exit 1, never a crash or exit 70.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./cli-helpers";


beforeAll(() => {
  if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli");
});

const NEXT_GEN_SCRIPT = 'var mail = identity.getAttributeValues("mail");\nif (mail[0] === "a@b") { accessToken.setField("m", mail[0]); }\n';

describe("token-playground check", () => {
  it("checks a rule or hook by the scenario's product: IBM's and OneWelcome's own rules, not AM's", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-check-"));
    writeFileSync(join(dir, "rule.js"), 'var m = OAuthMappingExtUtils.getEmptyMap();\nvar t = accessToken.getScope();\n');
    writeFileSync(join(dir, "rule.scenario.json"), JSON.stringify({ product: "ibm-verify-access", ibm: { rule: "pre-token" } }));
    const ibm = cli(["check", "rule.js"], dir);
    expect(ibm.code).toBe(0);
    expect(ibm.stdout).toContain("rule.js:1: warning: OAuthMappingExtUtils is used but never imported");
    expect(ibm.stdout).toContain("rule.js:2: warning: accessToken is an AM binding; an IBM mapping rule has none");
    writeFileSync(join(dir, "hook.js"), "function answer(request) { return {}; }\n");
    writeFileSync(join(dir, "hook.scenario.json"), JSON.stringify({ product: "onewelcome" }));
    const hook = cli(["check", "hook.js"], dir);
    expect(hook.code).toBe(1);
    expect(hook.stdout).toContain("hook.js:1: error: The hook script must define function handle(request)");
  });

  it("reads the evaluator from the scenario beside the script, as run does", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-check-"));
    writeFileSync(join(dir, "ng.js"), NEXT_GEN_SCRIPT);
    // Without a scenario the script is judged as legacy: the next-generation API is flagged.
    const alone = cli(["check", "ng.js", "--json"], dir);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stdout).warnings.map((w: { code: string }) => w.code)).toContain("wrong-evaluator-api");
    writeFileSync(join(dir, "ng.scenario.json"), JSON.stringify({ evaluator: "next-gen" }));
    const beside = cli(["check", "ng.js", "--json"], dir);
    expect(beside.code).toBe(0);
    expect(JSON.parse(beside.stdout).warnings).toEqual([]);
    // --evaluator still wins over the scenario.
    expect(JSON.parse(cli(["check", "ng.js", "--json", "--evaluator", "legacy"], dir).stdout).warnings.length).toBeGreaterThan(0);
  });

  it("--scenario names the scenario explicitly; a bad one is bad input (exit 2, naming the file)", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-check-"));
    writeFileSync(join(dir, "s.js"), NEXT_GEN_SCRIPT);
    writeFileSync(join(dir, "other.json"), JSON.stringify({ evaluator: "next-gen" }));
    expect(JSON.parse(cli(["check", "s.js", "--scenario", "other.json", "--json"], dir).stdout).warnings).toEqual([]);
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ evaluator: "v3" }));
    const bad = cli(["check", "s.js", "--scenario", "bad.json"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("bad.json");
  });

  it("prints the legacy Java String hint and the ES6 hint", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-check-"));
    writeFileSync(join(dir, "tier.js"), 'var tier = identity.getAttribute("tier").iterator().next();\nif (tier === "gold") {}\n');
    const tier = cli(["check", "tier.js"], dir);
    expect(tier.code).toBe(0);
    expect(tier.stdout).toContain('tier.js:2: warning: tier holds a java.lang.String');
    expect(tier.stdout).toContain('Use String(tier) === "gold" or tier.equals("gold")');
    writeFileSync(join(dir, "let.js"), "let x = 1;\n");
    const es6 = cli(["check", "let.js"], dir);
    expect(es6.code).toBe(1);
    expect(es6.stdout).toContain("let.js:1:6: syntax error: missing ; before statement");
    expect(es6.stdout).toContain("Rhino 1.7.14 has no let");
  });

  it('a 20,000-term "a" + "b" + … script: check and run give Rhino\'s verdict, exit 1, no signal', () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-check-"));
    writeFileSync(join(dir, "long.js"), `var x = ${Array(20000).fill('"a"').join(" + ")};\naccessToken.setField("n", x.length);\n`);
    for (const command of ["check", "run"]) {
      const result = cli([command, "long.js", "--json"], dir);
      expect(result.signal).toBeNull();
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout).error.message).toMatch(/^java\.lang\.StackOverflowError/);
    }
  });
});
