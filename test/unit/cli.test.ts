import { describe, expect, it, beforeAll } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = "bin/token-playground.js";

function cli(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [join(process.cwd(), BIN), ...args], { cwd, encoding: "utf8", timeout: 60000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli (npm test does)");
});

describe("token-playground command line", () => {
  it("run --json prints the run result contract and exits 0", () => {
    const { code, stdout } = cli(["run", "samples/seed-legacy.js", "--scenario", "samples/seed-legacy.scenario.json", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    for (const key of ["evaluator", "ok", "error", "tokenResponse", "introspection", "token", "jwt", "idToken", "logs", "http", "openidm", "warnings", "timings"]) {
      expect(result).toHaveProperty(key);
    }
    expect(result.tokenResponse).toMatchObject({ hello: "world", expires_in: 3599 });
  });

  it("run picks up the scenario beside the script and prints a readable summary", () => {
    const { code, stdout } = cli(["run", "samples/seed-next-gen.js"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Token response \(\/oauth2\/access_token\)/);
    expect(stdout).toMatch(/"expires_in": 299/);
  });

  it("run exits 1 when the script fails, still printing the result", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-"));
    writeFileSync(join(dir, "bad.js"), "var x = 1;\nnull.foo;\n");
    const { code, stdout } = cli(["run", "bad.js", "--json"], dir);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error).toMatchObject({ kind: "runtime", line: 2 });
  });

  it("bad input exits 2 naming the file and the JSON path", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-"));
    writeFileSync(join(dir, "s.js"), "");
    writeFileSync(join(dir, "bad.scenario.json"), JSON.stringify({ token: { lifetimeSeconds: "soon" } }));
    const invalid = cli(["run", "s.js", "--scenario", "bad.scenario.json"], dir);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("bad.scenario.json");
    expect(invalid.stderr).toContain("$.token.lifetimeSeconds");
    const missing = cli(["run", "nope.js"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.js.*no such file/);
    expect(cli(["run", "s.js", "--evaluator", "v3"], dir).code).toBe(2);
    expect(cli(["frobnicate"], dir).code).toBe(2);
  });

  it("a builtin that ignores the time limit is stopped by the watchdog, within about 2 s", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-"));
    writeFileSync(join(dir, "stuck.js"), "new Array(1e9).join();\n");
    const started = Date.now();
    const { code, stdout } = cli(["run", "stuck.js", "--json"], dir);
    const elapsed = Date.now() - started;
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error.kind).toBe("timeout");
    expect(elapsed).toBeLessThan(4000);
  });

  it("check reports a Rhino syntax error at its line with exit 1, and --json has the contract's shape", () => {
    const human = cli(["check", "samples/rhino-syntax-mistake.js"]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/rhino-syntax-mistake\.js:5/);
    const json = JSON.parse(cli(["check", "samples/seed-legacy.js", "--json"]).stdout);
    expect(json).toEqual({ ok: true, error: null, warnings: [] });
  });

  it("test runs every sample case and ends with the summary line", () => {
    const { code, stdout } = cli(["test", "samples"]);
    expect(stdout.trim().split("\n").pop()).toMatch(/^\d+ passed, 0 failed$/);
    expect(code).toBe(0);
  });

  it("test fails (exit 1) on an unmet expectation and says where", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-"));
    writeFileSync(join(dir, "s.js"), "accessToken.addExtraData('hello', 'world');");
    writeFileSync(join(dir, "s.case.json"), JSON.stringify({ name: "greets", script: "s.js", expect: { tokenResponse: { hello: "there" } } }));
    const { code, stdout } = cli(["test", "."], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('$.tokenResponse.hello: expected "there", got "world"');
    expect(stdout).toMatch(/0 passed, 1 failed/);
    const junit = cli(["test", ".", "--reporter", "junit"], dir);
    expect(junit.stdout).toMatch(/<testsuites tests="1" failures="1" errors="0">/);
  });
});
