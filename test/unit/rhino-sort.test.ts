import { describe, expect, it } from "vitest";
import { run } from "../../engine";

// Recorded with `rhino -version 0 -opt -1` (the sort.* snippets of test/conformance/builtins hold many more sizes).
describe("Array.prototype.sort sorts as AM's Rhino does", () => {
  it("a true/false comparator leaves a 20-element array as Rhino leaves it, and is warned", async () => {
    const script = `var a = [];\nfor (var i = 0; i < 20; i++) a.push((i * 7) % 5);\na.sort(function (x, y) { return x > y; });\naccessToken.setField("a", a.join(","));`;
    const result = await run(script, { evaluator: "legacy" });
    // What Rhino 1.7.14 prints for the same script: a quicksort pass, then insertion sorts a boolean answer half orders.
    expect(result.introspection?.a).toBe("3,0,2,0,0,0,1,1,1,1,2,2,2,3,3,3,4,4,4,4");
    expect(result.warnings.filter((w) => w.code === "sort-boolean-comparator").map((w) => w.line)).toEqual([3]);
  });
  it("elements that compare equal can change places (Rhino's sort is not stable)", async () => {
    const script = `var a = [];\nfor (var i = 0; i < 30; i++) a.push({ k: i % 3, i: i });\na.sort(function (x, y) { return x.k - y.k; });\naccessToken.setField("a", a.map(function (o) { return o.i; }).join(","));`;
    const result = await run(script, { evaluator: "next-gen" });
    expect(result.introspection?.a).toBe("21,18,0,3,15,24,6,12,27,9,10,25,7,13,28,4,16,22,1,19,29,20,17,23,14,11,26,8,5,2");
    expect(result.warnings.some((w) => w.code === "sort-boolean-comparator")).toBe(false);
  });
});
