/**
 * java.lang.Integer's and Boolean's statics a legacy script calls, and a HashMap given a JS number key, as Rhino
 * 1.7.14 answers them under AM's class shutter. Goldens: test/conformance/legacy/legacy.golden.json, probes box.*
 * and coll.* (npm run conformance:record:legacy).
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";

async function lines(script: string) {
  const result = await run(script, {}, { evaluator: "legacy" });
  expect(result.error).toBeNull();
  return { logs: result.logs.map((l) => l.message), warnings: result.warnings.map((w) => w.code) };
}

describe("boxed-number statics", () => {
  it("Integer.toString(i, radix) is a java.lang.String in that radix; Boolean.valueOf hands out a java.lang.Boolean", async () => {
    const out = await lines(
      'var h = java.lang.Integer.toString(255, 16), b = java.lang.Boolean.valueOf("TRUE");\nlogger.error([typeof h, h, java.lang.Integer.toString(7), java.lang.Integer.toString(7, 99), typeof b, b].join(" "));',
    );
    expect(out.logs).toEqual(["object ff 7 7 object true"]);
  });
});

describe("a HashMap keyed by a JS number", () => {
  it("warns that AM keys it by a java.lang.Double, which the playground's text keys do not reproduce", async () => {
    const out = await lines('var m = new java.util.HashMap(); m.put("a", 1); logger.error(String(m.get("a")));');
    expect(out.warnings).not.toContain("java-map-non-string-key");
    const numeric = await lines('var m = new java.util.HashMap(); m.put(1, "one"); logger.error(String(m.get(1)));');
    expect(numeric.warnings).toContain("java-map-non-string-key");
  });
});
