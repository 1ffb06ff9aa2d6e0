/**
 * Issue 11, third hostile pass over input files: odd bytes in scripts, deep JSON in a scenario's IDM data and
 * mocks, and import and evidence files of the right kind with the wrong shapes each end in a clear answer
 * (exit 2 naming the file and the place, or a script error), never exit 70 or a signal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./cli-helpers";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tp-hostile-inputs-"));
  writeFileSync(join(dir, "ok.js"), 'accessToken.setField("a", 1);\n');
  writeFileSync(join(dir, "slow.scenario.json"), JSON.stringify({ timeoutMs: 60000 }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return name;
}

const nested = (depth: number, leaf = "1") => `${'{"a":'.repeat(depth)}${leaf}${"}".repeat(depth)}`;

describe("script bytes", () => {
  it("a UTF-8 byte order mark before the script is no part of it", () => {
    const result = cli(["run", file("bom.js", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('accessToken.setField("bom", 1);\n')])), "--scenario", "slow.scenario.json", "--json"], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).introspection.bom).toBe(1);
  });

  it("a NUL byte in the script is Rhino's syntax error at its place (exit 1), not a crash", () => {
    const result = cli(["run", file("nul.js", 'accessToken.setField("a", 1);\u0000\n'), "--scenario", "slow.scenario.json"], dir);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/nul\.js:1:30: syntax error: illegal character/);
  });

  it("invalid UTF-8 in a string literal reads as U+FFFD, as Java's decoder reads it, and the script runs", () => {
    const result = cli(["run", file("latin1.js", Buffer.from('accessToken.setField("a", "\xff");\n', "latin1")), "--scenario", "slow.scenario.json", "--json"], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).introspection.a).toBe("\ufffd");
  });
});

describe("deep JSON in a scenario's data is refused with the file and the place (exit 2)", () => {
  const cases: [string, string][] = [
    ["IDM objects", `{"openidm": ${nested(3000)}}`],
    ["an HTTP mock's body", `{"http": {"mocks": [{"url": "https://x.example", "response": {"body": ${"[".repeat(3000)}${"]".repeat(3000)}}}]}}`],
    ["systemEnv", `{"systemEnv": {"x": ${nested(1500)}}}`],
  ];
  for (const [what, text] of cases) {
    it(what, () => {
      const name = file(`deep-${what.replace(/\W+/g, "-")}.scenario.json`, text);
      const result = cli(["run", "ok.js", "--scenario", name], dir);
      expect(result.signal).toBeNull();
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(name);
      expect(result.stderr).toMatch(/line 1, column \d+: invalid JSON: objects and arrays nested deeper than 1000 levels/);
    });
  }
});

describe("script exports of the right kind with the wrong shape (import, exit 2, nothing written)", () => {
  const cases: [string, unknown, RegExp][] = [
    ["a Frodo script entry that is null", { meta: {}, script: { x: null } }, /at \$\.script\["x"\]: expected a script object, found null/],
    ["a Frodo script list of numbers", { meta: {}, script: [1, 2] }, /at \$\.script: a Frodo export needs a "script" object keyed by script id, found an array/],
    ["a Frodo source line that is a number", { meta: {}, script: { x: { name: "n", script: ["a", 5], language: "JAVASCRIPT" } } }, /at \$\.script\["x"\]\.script\[1\]: expected a line of script text, found the number 5/],
    ["an Amster file whose data is null", { metadata: { entityType: "Scripts" }, data: null }, /at \$\.data: expected the script object, found null/],
    ["an Amster script that is an object", { metadata: { entityType: "Scripts" }, data: { name: { a: 1 }, script: { b: 2 } } }, /at \$\.data\.script: expected the script text as a string, found an object/],
  ];
  for (const [what, value, message] of cases) {
    it(what, () => {
      const name = file(`${what.replace(/\W+/g, "-")}.json`, JSON.stringify(value));
      const out = join(dir, `out-${what.replace(/\W+/g, "-")}`);
      const result = cli(["import", name, "--out", out], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(name);
      expect(result.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe("evidence files of the right kind with the wrong shape (scenario, exit 2)", () => {
  const cases: [string, unknown, RegExp][] = [
    ["a HAR whose entries are an object", { log: { entries: { a: 1 } } }, /: \$: not a kind of evidence the playground reads \(top level: log\)/],
    ["a HAR request whose URL is a number", { log: { entries: [{ request: { url: 5, method: [], headers: "x" }, response: { status: "x", content: { text: { a: 1 } } } }] } }, /\$\.http\[0\]\.request\.url: the evidence gives an invalid scenario/],
    ["a MockServer list of wrong expectations", [{ httpRequest: 5, httpResponse: "x" }], /: \$: not a kind of evidence the playground reads \(top level: a list\)/],
    ["WireMock mappings that are a string", { mappings: "x" }, /: \$: not a kind of evidence the playground reads \(top level: mappings\)/],
    ["a WireMock status of 99999", { request: { urlPattern: "/a", method: "GET" }, response: { status: 99999, body: 5, headers: [1] } }, /\$\.http\[0\]\.response\.status: the evidence gives an invalid scenario/],
  ];
  for (const [what, value, message] of cases) {
    it(what, () => {
      const name = file(`${what.replace(/\W+/g, "-")}.json`, JSON.stringify(value));
      const result = cli(["scenario", name, "--out", join(dir, `${what.replace(/\W+/g, "-")}.scenario.json`)], dir);
      expect(result.signal).toBeNull();
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(name);
      expect(result.stderr).toMatch(message);
    });
  }
});
