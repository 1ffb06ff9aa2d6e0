/**
 * IBM's other mapping rule from a file: `ibm.otherRule` naming a .js file is read relative to the scenario (or
 * case) file and confined to its folder tree like a library; `--other-rule FILE` gives it on the command line.
 * A bad path is bad input: exit 2, naming the file and the place. Spawns the built CLI (npm run build:cli).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { watchTargets } from "../../cli/watch";
import { parseCommand } from "../../cli/args";
import { cli } from "./cli-helpers";


beforeAll(() => {
  if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli");
});

const TRACE = "importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtUtils);\n";
const PRE = `${TRACE}IDMappingExtUtils.traceString("pre-token rule from its file");\n`;
const POST = `${TRACE}IDMappingExtUtils.traceString("post-token rule");\n`;

/** A project: the post rule at the top, the scenario and the pre rule in folders of their own. */
function project(otherRule: string): string {
  const dir = mkdtempSync(join(tmpdir(), "tp-other-rule-"));
  mkdirSync(join(dir, "scenarios", "rules"), { recursive: true });
  writeFileSync(join(dir, "post.js"), POST);
  writeFileSync(join(dir, "scenarios", "rules", "pre.js"), PRE);
  writeFileSync(join(dir, "scenarios", "s.scenario.json"), JSON.stringify({ product: "ibm-verify-access", ibm: { rule: "post-token", otherRule } }));
  return dir;
}

const traces = (stdout: string) => (JSON.parse(stdout) as { logs: { level: string; message: string }[] }).logs.filter((l) => l.level === "trace").map((l) => l.message);

describe("ibm.otherRule as a file path", () => {
  it("is read relative to the scenario file, not the current folder, and both rules run", () => {
    const dir = project("rules/pre.js");
    const result = cli(["run", "post.js", "--scenario", "scenarios/s.scenario.json", "--json"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(traces(result.stdout)).toEqual(["pre-token rule from its file", "post-token rule"]);
  });

  it("a missing file is bad input naming the scenario file and $.ibm.otherRule", () => {
    const dir = project("rules/missing.js");
    const result = cli(["run", "post.js", "--scenario", "scenarios/s.scenario.json"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/s\.scenario\.json: \$\.ibm\.otherRule: cannot read .*missing\.js: no such file/);
  });

  it("stays in the scenario's folder tree unless --allow-outside", () => {
    const dir = project("../post.js");
    const refused = cli(["run", "post.js", "--scenario", "scenarios/s.scenario.json"], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/s\.scenario\.json: \$\.ibm\.otherRule: .*post\.js is outside .*--allow-outside/);
    const allowed = cli(["run", "post.js", "--scenario", "scenarios/s.scenario.json", "--allow-outside", "--json"], dir);
    expect(allowed.code).toBe(0);
    expect(traces(allowed.stdout)).toEqual(["post-token rule", "post-token rule"]);
  });

  it("works for a case file under test", () => {
    const dir = project("rules/pre.js");
    writeFileSync(
      join(dir, "scenarios", "both.case.json"),
      JSON.stringify({ name: "both rules", script: "../post.js", product: "ibm-verify-access", ibm: { otherRule: "rules/pre.js" }, expect: { logs: [{ level: "trace", message: "pre-token rule from its file" }] } }),
    );
    // The case's script lies outside its folder: allowed explicitly, the otherRule is inside.
    const result = cli(["test", "scenarios", "--allow-outside"], dir);
    expect(result.stdout).toContain("1 passed, 0 failed");
    expect(result.code).toBe(0);
  });
});

describe("--other-rule FILE", () => {
  it("gives the other rule on the command line (relative to the current folder), in place of the scenario's", () => {
    const dir = project("rules/missing.js");
    writeFileSync(join(dir, "mine-pre.js"), `${TRACE}IDMappingExtUtils.traceString("pre from the command line");\n`);
    writeFileSync(join(dir, "s.scenario.json"), JSON.stringify({ product: "ibm-verify-access" }));
    const result = cli(["run", "post.js", "--scenario", "s.scenario.json", "--other-rule", "mine-pre.js", "--json"], dir);
    expect(result.code).toBe(0);
    expect(traces(result.stdout)).toEqual(["pre from the command line", "post-token rule"]);
    const flow = cli(["flow", "post.js", "--scenario", "s.scenario.json", "--other-rule", "mine-pre.js"], dir);
    expect(flow.stderr).toBe("");
    expect(flow.code).toBe(0);
  });

  it("a missing file or a scenario of another product is bad input, exit 2", () => {
    const dir = project("rules/pre.js");
    writeFileSync(join(dir, "s.scenario.json"), JSON.stringify({ product: "ibm-verify-access" }));
    const missing = cli(["run", "post.js", "--scenario", "s.scenario.json", "--other-rule", "nope.js"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.js: cannot read the other mapping rule \(--other-rule\): no such file/);
    writeFileSync(join(dir, "am.scenario.json"), JSON.stringify({}));
    const am = cli(["run", "post.js", "--scenario", "am.scenario.json", "--other-rule", "post.js"], dir);
    expect(am.code).toBe(2);
    expect(am.stderr).toContain('--other-rule post.js: the other mapping rule is for IBM Verify Access, and the scenario\'s product is "am"');
  });
});

describe("run --watch", () => {
  it("watches the other rule's file, named in the scenario or on the command line", () => {
    const dir = project("rules/pre.js");
    writeFileSync(join(dir, "cli-pre.js"), PRE);
    const watched = (argv: string[]) => [...watchTargets("run", parseCommand("run", argv), dir).files].flatMap(([folder, names]) => [...names].map((n) => join(folder, n)));
    expect(watched(["post.js", "--scenario", "scenarios/s.scenario.json"])).toContain(join(dir, "scenarios", "rules", "pre.js"));
    expect(watched(["post.js", "--scenario", "scenarios/s.scenario.json", "--other-rule", "cli-pre.js"])).toContain(join(dir, "cli-pre.js"));
  });
});
