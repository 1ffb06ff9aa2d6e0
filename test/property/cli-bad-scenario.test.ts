/**
 * A bad scenario file given to the command line always ends in exit 2 (bad input) with the file's name
 * on stderr, so a CI log points at the file to fix. Few runs: each one spawns the built CLI.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = join(process.cwd(), "bin/token-playground.js");
const SCRIPT = join(process.cwd(), "samples/seed-legacy.js");
let dir = "";

beforeAll(() => {
  if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli");
  dir = mkdtempSync(join(tmpdir(), "tp-bad-scenario-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const notJson = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
});
const notAnObject = fc.oneof(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.integer(), fc.string(), fc.boolean()).map((v) => JSON.stringify(v));
const unknownField = fc
  .tuple(fc.stringMatching(/^[a-z][a-zA-Z]{2,10}$/), fc.jsonValue({ maxDepth: 1 }))
  .filter(([key]) => !["name", "description", "evaluator", "clock", "seed", "realm", "issuer", "client", "identity", "request", "scopes", "session", "token", "http", "openidm", "systemEnv", "secrets", "timeoutMs", "script", "expect", "scriptName", "cookieName"].includes(key))
  .map(([key, value]) => JSON.stringify({ [key]: value }));
const wrongType = fc.constantFrom(
  { evaluator: "rhino" },
  { timeoutMs: -5 },
  { timeoutMs: "fast" },
  { scopes: "openid" },
  { clock: "yesterday" },
  { identity: { attributes: { mail: "not-a-list" } } },
  { token: { storage: "cookie" } },
  { http: [{ response: { status: 42 } }] },
).map((v) => JSON.stringify(v));

const badScenarioText = fc.oneof(notJson, notAnObject, unknownField, wrongType);
const fileName = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/).map((stem) => `${stem}.scenario.json`);

describe("token-playground run with a bad scenario file", () => {
  it("exits 2 and names the file on stderr", () => {
    fc.assert(
      fc.property(badScenarioText, fileName, (text, name) => {
        const file = join(dir, name);
        writeFileSync(file, text);
        const child = spawnSync(process.execPath, [BIN, "run", SCRIPT, "--scenario", file], { encoding: "utf8", timeout: 60000 });
        expect(child.status, child.stderr).toBe(2);
        expect(child.stderr).toContain(name);
      }),
      { numRuns: 8 },
    );
  });
});
