/**
 * Same input, same output: one case run twice in one process gives byte-identical results (timings aside), for
 * both evaluators — including what a script prints from Java identity hashes and the Java exceptions it raised.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine/run";
import type { Evaluator } from "../../engine/scenario/schema";

function withoutTimings(result: Awaited<ReturnType<typeof run>>): string {
  return JSON.stringify({ ...result, timings: null });
}

const LEGACY_HASHES = [
  "var parts = accessToken.getClientId().split('-');",
  "var bytes = new java.lang.String('ab').getBytes();",
  "logger.message('arrays: ' + parts + ' ' + bytes + ' ' + new java.util.ArrayList().toArray());",
  "accessToken.setField('printed', String(parts));",
  "try { new java.lang.String('x').charAt(5); } catch (e) { logger.message('caught ' + e.message); }",
  "new java.lang.String('x').charAt(9);",
].join("\n");

const NEXT_GEN = [
  "var id = java.util.UUID ? 'java' : 'none';",
  "logger.info('random ' + Math.random() + ' ' + new Date().getTime());",
  "accessToken.setField('n', Math.random());",
].join("\n");

describe("the same case twice in one process", () => {
  const cases: [Evaluator, string][] = [
    ["legacy", LEGACY_HASHES],
    ["next-gen", NEXT_GEN],
  ];
  for (const [evaluator, script] of cases) {
    it(`gives byte-identical results (${evaluator})`, async () => {
      const first = await run(script, { seed: 7 }, { evaluator });
      // A run in between must not shift the second run's hashes or error wording.
      await run(script, { seed: 8 }, { evaluator });
      const second = await run(script, { seed: 7 }, { evaluator });
      expect(withoutTimings(second)).toBe(withoutTimings(first));
    });
  }

  it("prints Java identity hashes that follow the scenario's seed", async () => {
    const script = "logger.message(String(accessToken.getClientId().split('-')));";
    const a = await run(script, { seed: 1 }, { evaluator: "legacy" });
    const b = await run(script, { seed: 1 }, { evaluator: "legacy" });
    const c = await run(script, { seed: 2 }, { evaluator: "legacy" });
    expect(a.logs[0].message).toMatch(/^\[Ljava\.lang\.String;@[0-9a-f]{6,8}$/);
    expect(b.logs[0].message).toBe(a.logs[0].message);
    expect(c.logs[0].message).not.toBe(a.logs[0].message);
  });
});

describe("a Java exception's wording belongs to its own run", () => {
  it("an uncaught Java exception reads 'Wrapped …' whatever other runs raised", async () => {
    const script = "new java.lang.String('x').charAt(9);";
    const first = await run(script, {}, { evaluator: "legacy" });
    expect(first.error?.message).toBe("Wrapped java.lang.StringIndexOutOfBoundsException: String index out of range: 9");
    const second = await run(script, {}, { evaluator: "legacy" });
    expect(second.error).toEqual(first.error);
  });
});
