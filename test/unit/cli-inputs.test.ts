/**
 * What the command line reads: only regular files, within size limits, and only inside a case's or
 * scenario's folder unless --allow-outside; bad case files are reported (all of them) and exit 2 while
 * the good cases still run. Spawns the built CLI (npm run build:cli).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_SCENARIO_BYTES, MAX_SCRIPT_BYTES, confinedPath, readRegularFile } from "../../cli/files";
import { UsageError } from "../../cli/io";

const BIN = join(process.cwd(), "bin/token-playground.js");
let root = "";

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60000 });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

function folder(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const PASSING_CASE = JSON.stringify({ name: "good", script: "good.js", expect: { tokenResponse: { claim: "yes" } } });
const GOOD_SCRIPT = 'accessToken.addExtraData("claim", "yes");\n';

beforeAll(() => {
  if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli");
  root = mkdtempSync(join(tmpdir(), "tp-inputs-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("reading only regular files, within limits", () => {
  it("run /dev/zero and --scenario /dev/zero exit 2 at once, naming the file", () => {
    const dir = folder("devzero");
    writeFileSync(join(dir, "s.js"), GOOD_SCRIPT);
    const script = cli(["run", "/dev/zero"], dir);
    expect(script.code).toBe(2);
    expect(script.stderr).toMatch(/\/dev\/zero: cannot read script: is a device, not a regular file/);
    const scenario = cli(["run", "s.js", "--scenario", "/dev/zero"], dir);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toMatch(/\/dev\/zero: cannot read scenario: is a device/);
  });

  it("a FIFO given as the scenario is refused without blocking", () => {
    const dir = folder("fifo-run");
    writeFileSync(join(dir, "s.js"), GOOD_SCRIPT);
    execFileSync("mkfifo", [join(dir, "pipe.scenario.json")]);
    const started = Date.now();
    const result = cli(["run", "s.js", "--scenario", "pipe.scenario.json"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pipe\.scenario\.json: cannot read scenario: is a FIFO/);
    expect(Date.now() - started).toBeLessThan(10000);
  });

  it("test skips a /dev/zero link and a FIFO found in a folder, with a message, and runs the rest", () => {
    const dir = folder("skips");
    writeFileSync(join(dir, "good.js"), GOOD_SCRIPT);
    writeFileSync(join(dir, "good.case.json"), PASSING_CASE);
    symlinkSync("/dev/zero", join(dir, "zero.case.json"));
    execFileSync("mkfifo", [join(dir, "pipe.case.json")]);
    symlinkSync(join(dir, "missing"), join(dir, "dangling.case.json"));
    symlinkSync("loop.case.json", join(dir, "loop.case.json"));
    const result = cli(["test", "."], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✔ good/);
    expect(result.stdout.trim().split("\n").pop()).toBe("1 passed, 0 failed");
    expect(result.stderr).toMatch(/zero\.case\.json: skipped: is a device/);
    expect(result.stderr).toMatch(/pipe\.case\.json: skipped: is a FIFO/);
    expect(result.stderr).toMatch(/dangling\.case\.json: skipped: a link to nothing/);
    expect(result.stderr).toMatch(/loop\.case\.json: skipped: a loop of symbolic links/);
    const named = cli(["test", "loop.case.json"], dir);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/loop\.case\.json: a loop of symbolic links/);
  });

  it("test exits 2 on a FIFO or a device named on the command line", () => {
    const dir = folder("named");
    execFileSync("mkfifo", [join(dir, "pipe.case.json")]);
    const fifo = cli(["test", "pipe.case.json"], dir);
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toMatch(/pipe\.case\.json: cannot read test case: is a FIFO/);
    const zero = cli(["test", "/dev/zero"], dir);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/\/dev\/zero: cannot read test case: is a device/);
  });

  it("a link to a parent folder is walked once, not forever", () => {
    const dir = folder("loop");
    writeFileSync(join(dir, "good.js"), GOOD_SCRIPT);
    writeFileSync(join(dir, "good.case.json"), PASSING_CASE);
    symlinkSync(dir, join(dir, "again"));
    const result = cli(["test", "."], dir);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n").pop()).toBe("1 passed, 0 failed");
  });

  it("files over the limits are refused naming the limit: scripts 1 MiB, scenarios 10 MiB", () => {
    const dir = folder("limits");
    writeFileSync(join(dir, "big.js"), `// ${"x".repeat(MAX_SCRIPT_BYTES)}\n`);
    writeFileSync(join(dir, "s.js"), GOOD_SCRIPT);
    writeFileSync(join(dir, "big.scenario.json"), JSON.stringify({ description: "x".repeat(MAX_SCENARIO_BYTES) }));
    const script = cli(["run", "big.js"], dir);
    expect(script.code).toBe(2);
    expect(script.stderr).toMatch(/big\.js: cannot read script: is 1\.0 MiB, larger than the 1 MiB limit/);
    const scenario = cli(["run", "s.js", "--scenario", "big.scenario.json"], dir);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toMatch(/big\.scenario\.json: cannot read scenario: is 10\.0 MiB, larger than the 10 MiB limit/);
  });

  it("readRegularFile reads to the limit exactly and refuses one byte more", () => {
    const dir = folder("exact");
    writeFileSync(join(dir, "at.txt"), "a".repeat(100));
    writeFileSync(join(dir, "over.txt"), "a".repeat(101));
    expect(readRegularFile(join(dir, "at.txt"), 100)).toEqual({ ok: true, text: "a".repeat(100) });
    expect(readRegularFile(join(dir, "over.txt"), 100)).toMatchObject({ ok: false, problem: expect.stringMatching(/larger than the 100 bytes limit/) });
    expect(readRegularFile(dir, 100)).toEqual({ ok: false, problem: "is a directory" });
    expect(readRegularFile(join(dir, "nope"), 100)).toEqual({ ok: false, problem: "no such file" });
  });
});

describe("a case's script and libraries stay in its folder tree", () => {
  it("refuses a script outside the case's folder, and /etc/hostname as a library, without reading them", () => {
    const dir = folder("confine/cases");
    writeFileSync(join(root, "confine", "outside.js"), GOOD_SCRIPT);
    writeFileSync(join(dir, "good.js"), GOOD_SCRIPT);
    writeFileSync(join(dir, "up.case.json"), JSON.stringify({ name: "up", script: "../outside.js" }));
    writeFileSync(join(dir, "etc.case.json"), JSON.stringify({ name: "etc", script: "good.js", evaluator: "next-gen", libraries: { host: "/etc/hostname.js" } }));
    symlinkSync("/etc/hostname", join(dir, "hostname.js"));
    writeFileSync(join(dir, "link.case.json"), JSON.stringify({ name: "link", script: "good.js", evaluator: "next-gen", libraries: { host: "hostname.js" } }));
    writeFileSync(join(dir, "scriptlink.case.json"), JSON.stringify({ name: "scriptlink", script: "hostname.js" }));
    const result = cli(["test", "."], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/up\.case\.json: \$\.script: .*outside\.js is outside .*--allow-outside/);
    expect(result.stdout).toMatch(/etc\.case\.json: \$\.libraries\.host: cannot read \/etc\/hostname\.js: no such file/);
    expect(result.stdout).toMatch(/link\.case\.json: \$\.libraries\.host: .*hostname\.js is outside/);
    expect(result.stdout).toMatch(/scriptlink\.case\.json: \$\.script: .*hostname\.js is outside/);
    const hostname = execFileSync("cat", ["/etc/hostname"], { encoding: "utf8" }).trim().split(/\s/)[0];
    if (hostname.length > 2) expect(result.stdout + result.stderr).not.toContain(hostname);
  });

  it("--allow-outside lifts the confinement", () => {
    const dir = folder("allow/cases");
    writeFileSync(join(root, "allow", "outside.js"), GOOD_SCRIPT);
    writeFileSync(join(dir, "up.case.json"), JSON.stringify({ name: "up", script: "../outside.js", expect: { tokenResponse: { claim: "yes" } } }));
    expect(cli(["test", "."], dir).code).toBe(2);
    const allowed = cli(["test", ".", "--allow-outside"], dir);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/1 passed, 0 failed/);
  });

  it("run --scenario confines the scenario's libraries the same way", () => {
    const dir = folder("run-confine/s");
    writeFileSync(join(root, "run-confine", "lib.js"), "exports.x = 1;\n");
    writeFileSync(join(dir, "s.js"), GOOD_SCRIPT);
    writeFileSync(join(dir, "s.scenario.json"), JSON.stringify({ evaluator: "next-gen", libraries: { lib: "../lib.js" } }));
    const refused = cli(["run", "s.js"], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/s\.scenario\.json: \$\.libraries\.lib: .*lib\.js is outside/);
    expect(cli(["run", "s.js", "--allow-outside"], dir).code).toBe(0);
  });

  it("confinedPath: inside is fine, a sibling folder with the same prefix is not", () => {
    const base = folder("prefix");
    const inner = folder("prefix/cases");
    folder("prefix/cases-other");
    writeFileSync(join(inner, "a.js"), "");
    writeFileSync(join(base, "cases-other", "b.js"), "");
    const confinement = { root: inner, allowOutside: false };
    expect(confinedPath(join(inner, "a.js"), confinement, "x.case.json", "$.script")).toBe(join(inner, "a.js"));
    expect(() => confinedPath(join(base, "cases-other", "b.js"), confinement, "x.case.json", "$.script")).toThrow(UsageError);
    expect(confinedPath(join(base, "cases-other", "b.js"), { ...confinement, allowOutside: true }, "x.case.json", "$.script")).toBe(join(base, "cases-other", "b.js"));
  });
});

describe("bad case files", () => {
  it("are all reported, the good cases still run and pass, and test exits 2", () => {
    const dir = folder("bad-cases");
    writeFileSync(join(dir, "good.js"), GOOD_SCRIPT);
    writeFileSync(join(dir, "a-good.case.json"), PASSING_CASE);
    writeFileSync(join(dir, "b-syntax.case.json"), '{"name": "x", "script": "good.js",}');
    writeFileSync(join(dir, "c-unknown.case.json"), JSON.stringify({ name: "c", script: "good.js", expectt: {} }));
    writeFileSync(join(dir, "d-noscript.case.json"), JSON.stringify({ name: "d" }));
    writeFileSync(join(dir, "e-missing.case.json"), JSON.stringify({ name: "e", script: "missing.js" }));
    writeFileSync(join(dir, "f-date.case.json"), JSON.stringify({ name: "f", script: "good.js", token: { authTime: "not a date" } }));
    const text = cli(["test", "."], dir);
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/✔ good \(a-good\.case\.json\)/);
    expect(text.stdout).toMatch(/b-syntax\.case\.json: invalid scenario\n\s+line 1, column 35: invalid JSON: trailing comma/);
    expect(text.stdout).toMatch(/c-unknown\.case\.json: invalid scenario\n\s+\$\.expectt: unknown field "expectt"/);
    expect(text.stdout).toMatch(/d-noscript\.case\.json: \$\.script: a test case needs "script"/);
    expect(text.stdout).toMatch(/e-missing\.case\.json: \$\.script: cannot read .*missing\.js: no such file/);
    expect(text.stdout).toMatch(/f-date\.case\.json: invalid scenario\n\s+\$\.token\.authTime:/);
    expect(text.stdout.trim().split("\n").pop()).toBe("1 passed, 0 failed, 5 invalid case files");
    for (const name of ["b-syntax", "c-unknown", "d-noscript", "e-missing", "f-date"]) expect(text.stderr).toContain(`${name}.case.json`);

    const json = cli(["test", ".", "--reporter", "json"], dir);
    expect(json.code).toBe(2);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ passed: 1, failed: 0, invalid: 5 });
    expect(parsed.cases.filter((c: { invalid: boolean }) => c.invalid)).toHaveLength(5);

    const junit = cli(["test", ".", "--reporter", "junit"], dir);
    expect(junit.code).toBe(2);
    expect(junit.stdout).toMatch(/<testsuites tests="6" failures="0" errors="5">/);
    expect(junit.stdout.match(/<error message=/g)).toHaveLength(5);
  });

  it("a deeply nested case file is one bad case among good ones, not the end of the run", () => {
    const dir = folder("deep-case");
    writeFileSync(join(dir, "good.js"), GOOD_SCRIPT);
    writeFileSync(join(dir, "a-good.case.json"), PASSING_CASE);
    writeFileSync(join(dir, "deep.case.json"), `{"name": "deep", "script": "good.js", "systemEnv": {"x": ${"[".repeat(100_000)}${"]".repeat(100_000)}}}`);
    writeFileSync(join(dir, "deep-expect.case.json"), `{"name": "deep", "script": "good.js", "expect": {"token": ${"[".repeat(4000)}${"]".repeat(4000)}}}`);
    writeFileSync(join(dir, "z-good.case.json"), PASSING_CASE.replace('"good"', '"good too"'));
    const result = cli(["test", "."], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/✔ good \(a-good/);
    expect(result.stdout).toMatch(/✔ good too \(z-good/);
    expect(result.stdout).toMatch(/deep\.case\.json: invalid scenario\n\s+line 1, column \d+: invalid JSON: objects and arrays nested deeper than 1000 levels/);
    expect(result.stdout).toMatch(/deep-expect\.case\.json: invalid scenario\n\s+line 1, column \d+: .*1000 levels/);
    expect(result.stdout.trim().split("\n").pop()).toBe("2 passed, 0 failed, 2 invalid case files");
  });
});

describe("JUnit report", () => {
  it("stays well-formed XML whatever a script's error message or a case's name holds (control characters)", () => {
    const dir = folder("junit-chars");
    writeFileSync(join(dir, "bad.js"), 'throw new Error("bell\\u0007 esc\\u001b lone\\uD800 <&> \\"q\\"");\n');
    writeFileSync(join(dir, "bad.case.json"), JSON.stringify({ name: "bad \u0001 name", script: "bad.js" }));
    const junit = cli(["test", ".", "--reporter", "junit"], dir);
    expect(junit.code).toBe(1);
    // Nothing XML 1.0 forbids is left raw; each is spelled out instead.
    expect(junit.stdout).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDFFF]/);
    expect(junit.stdout).toContain('message="bad.js:1:16: runtime error: Error: bell\\u0007 esc\\u001b lone');
    expect(junit.stdout).toContain("&lt;&amp;&gt; &quot;q&quot;");
    expect(junit.stdout).toContain('name="bad \\u0001 name"');
  });
});

describe("JUnit time", () => {
  it("is the run's own time in its worker, not start-up and queueing", () => {
    const dir = folder("timing");
    writeFileSync(join(dir, "good.js"), GOOD_SCRIPT);
    const cases = 12;
    for (let i = 0; i < cases; i++) writeFileSync(join(dir, `c${String(i).padStart(2, "0")}.case.json`), PASSING_CASE);
    const started = performance.now();
    const junit = cli(["test", ".", "--reporter", "junit", "--jobs", "1"], dir);
    const wallSeconds = (performance.now() - started) / 1000;
    expect(junit.code).toBe(0);
    const times = [...junit.stdout.matchAll(/time="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(times).toHaveLength(cases);
    // One worker runs them one after another, so their own times add up to less than the command took;
    // times that counted start-up or waiting in the queue (the k-th case waits for k-1) would add up to more.
    const sum = times.reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThan(wallSeconds);
    expect(Math.max(...times)).toBeLessThan(wallSeconds / 2);
  });
});
