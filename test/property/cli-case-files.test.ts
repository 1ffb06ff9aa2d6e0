/**
 * Whatever a case file holds, `test` runs the good cases beside it, reports the bad file by name and
 * exits 2, never 70 or a signal. Few runs: each one spawns the built CLI over a fresh folder.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = join(process.cwd(), "bin/token-playground.js");
let root = "";
let run = 0;

beforeAll(() => {
  if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli");
  root = mkdtempSync(join(tmpdir(), "tp-case-files-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const GOOD_CASE = JSON.stringify({ name: "good", script: "good.js", expect: { tokenResponse: { claim: "yes" } } });

/** Contents that are not a valid case: not JSON, JSON of the wrong shape, too deep, unknown fields, bad values. */
const notJson = fc.string({ minLength: 1, maxLength: 60 }).filter((text) => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
});
const deep = fc.tuple(fc.integer({ min: 1001, max: 20_000 }), fc.constantFrom("[", '{"a":'), fc.boolean()).map(([depth, opener, closed]) => {
  const close = opener === "[" ? "]" : "}";
  const inner = opener === "[" ? "" : "1";
  return `{"name": "deep", "script": "good.js", "systemEnv": {"x": ${opener.repeat(depth)}${inner}${closed ? close.repeat(depth) : ""}}}`;
});
const wrongShape = fc.jsonValue({ maxDepth: 2 }).filter((v) => v === null || typeof v !== "object" || Array.isArray(v)).map((v) => JSON.stringify(v));
const badField = fc
  .constantFrom<Record<string, unknown>>(
    { script: "good.js", token: { authTime: "not a date" } },
    { script: "good.js", expectt: {} },
    { script: "good.js", clock: "soon" },
    { script: "../outside.js" },
    { script: "/etc/hostname" },
    { script: "missing.js" },
    { script: "good.js", evaluator: "next-gen", libraries: { l: "/etc/passwd.js" } },
    { name: "no script" },
    { script: 42 },
  )
  .map((v) => JSON.stringify(v));
const badCase = fc.oneof(notJson, deep, wrongShape, badField);

describe("test with one bad case file among good ones", () => {
  it("runs and passes the good cases, names the bad file, exits 2", () => {
    fc.assert(
      fc.property(badCase, fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), (contents, stem) => {
        const dir = join(root, `run-${run++}`);
        mkdirSync(dir);
        writeFileSync(join(dir, "good.js"), 'accessToken.addExtraData("claim", "yes");\n');
        writeFileSync(join(dir, "a-good.case.json"), GOOD_CASE);
        writeFileSync(join(dir, "z-good.case.json"), GOOD_CASE);
        writeFileSync(join(dir, `${stem}.bad.case.json`), contents);
        const child = spawnSync(process.execPath, [BIN, "test", "."], { cwd: dir, encoding: "utf8", timeout: 60000 });
        expect(child.signal, child.stderr).toBeNull();
        expect(child.status, child.stdout + child.stderr).toBe(2);
        expect(child.stdout).toMatch(/✔ good \(a-good\.case\.json\)/);
        expect(child.stdout).toMatch(/✔ good \(z-good\.case\.json\)/);
        expect(child.stdout.trim().split("\n").pop()).toBe("2 passed, 0 failed, 1 invalid case file");
        expect(child.stderr).toContain(`${stem}.bad.case.json`);
      }),
      { numRuns: 10 },
    );
  }, 180_000);
});
