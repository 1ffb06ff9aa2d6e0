/**
 * A script's function turned into text gets Rhino's re-printed source in AM, not the text as written
 * (engine/dialect/function-text.ts keeps what `rhino -version 0 -opt -1` printed); the playground says so.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine/run";

const code = (r: Awaited<ReturnType<typeof run>>) => r.warnings.filter((w) => w.code === "function-source-text").map((w) => w.line);

describe("function-source-text", () => {
  for (const [what, script] of [
    ["f.toString()", "function f(x) { return x; }\nlogger.message(f.toString());"],
    ["String(f)", "var f = function (x) { return x; };\nlogger.message(String(f));"],
    ['f + ""', "function f(x) { return x; }\nlogger.message(f + '');"],
    ["a function expression's toString()", "\nlogger.message((function () { return 1; }).toString());"],
  ] as const) {
    it(`warns at ${what}, at its line`, async () => {
      const result = await run(script, {}, { evaluator: "legacy" });
      expect(code(result)).toEqual([2]);
      expect(result.warnings.find((w) => w.code === "function-source-text")?.message).toContain("four-space indentation");
    });
  }

  it("stays quiet for other values turned into text, and for calling a function", async () => {
    const result = await run("function f(x) { return x; }\nvar n = 1; logger.message(n.toString() + String(n) + f(2) + '' + String(f(3)));", {}, { evaluator: "legacy" });
    expect(code(result)).toEqual([]);
  });
});
