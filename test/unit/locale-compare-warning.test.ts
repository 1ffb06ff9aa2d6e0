import { describe, expect, it } from "vitest";
import { run } from "../../engine";

describe("localeCompare says which locale its answer rests on", () => {
  it("warns once, at the first comparison, and sorts as Java's en-US collator does", async () => {
    const script = `var g = ["b", "B", "a", "A"];\ng.sort(function (x, y) { return x.localeCompare(y); });\naccessToken.setField("g", g.join() + ";" + "a".localeCompare("b"));`;
    const result = await run(script, { evaluator: "legacy" });
    expect(result.introspection?.g).toBe("a,A,b,B;-1");
    const warnings = result.warnings.filter((w) => w.code === "locale-compare-locale");
    expect(warnings.map((w) => w.line)).toEqual([2]);
    expect(warnings[0]?.message).toMatch(/JVM's default locale.*en-US/);
  });
  it("says nothing to a script that does not compare", async () => {
    const result = await run(`accessToken.setField("g", ["b", "a"].sort().join());`, { evaluator: "next-gen" });
    expect(result.warnings.some((w) => w.code === "locale-compare-locale")).toBe(false);
  });
});
