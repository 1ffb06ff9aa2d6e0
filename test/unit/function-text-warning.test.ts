/**
 * A script's function turned into text gets Rhino's re-printed source (engine/dialect/rhino-decompile.ts, goldens
 * from `rhino -version 0`); where the function has a shape whose re-printing is not recorded, the playground gives
 * the text as written and says so at the line.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine/run";
import { functionTextWarnings } from "../../engine/dialect/function-text";

const code = (r: Awaited<ReturnType<typeof run>>) => r.warnings.filter((w) => w.code === "function-source-text").map((w) => w.line);

describe("function-source-text", () => {
  // Every shape real Rhino 1.7.14 accepts that was tried is recorded, so the warning is reached by shapes the
  // playground's parser takes and the decompiler has no recording of; checked on the lint pass directly.
  for (const [what, script, shape] of [
    ["f.toString()", "function f(x) { let y = x; return y; }\nlogger.message(f.toString());", "VariableDeclaration"],
    ["String(f)", "var f = function (x = 1) { return x; };\nlogger.message(String(f));", "AssignmentPattern"],
    ['f + ""', "function f(x) { return [...x]; }\nlogger.message(f + '');", "SpreadElement"],
    ["a function expression's toString()", "\nlogger.message((function* () { yield 1; }).toString());", "FunctionExpression"],
    ["uneval(f)", "function f(x) { return { x }; }\nlogger.message(uneval(f));", "Property"],
    ["one of two functions of that name", "function f() { return 1; }\nlogger.message(String(f));\nfunction f() { let a; }", "VariableDeclaration"],
  ] as const) {
    it(`warns at ${what} of an unrecorded shape, at its line, naming the shape`, () => {
      const warnings = functionTextWarnings(script);
      expect(warnings.map((w) => [w.code, w.line])).toEqual([["function-source-text", 2]]);
      expect(warnings[0].message).toContain(`contains a ${shape}`);
    });
  }

  for (const [what, script] of [
    ["f.toString()", "function f(x) { return x; }\nlogger.message(f.toString());"],
    ["String(f)", "var f = function (x) { return x; };\nlogger.message(String(f));"],
    ['f + ""', "function f(x) { return x; }\nlogger.message(f + '');"],
  ] as const) {
    it(`stays quiet at ${what} of a recorded shape, whose text is Rhino's`, async () => {
      const result = await run(script, {}, { evaluator: "legacy" });
      expect(code(result)).toEqual([]);
      expect(result.logs[0].message).toBe("\nfunction f(x) {\n    return x;\n}\n".replace("function f", script.startsWith("var") ? "function " : "function f"));
    });
  }

  it("stays quiet for other values turned into text, and for calling a function", async () => {
    expect(functionTextWarnings("function f(x) { let y = x; return y; }\nvar n = 1; logger.message(n.toString() + String(n) + f(2) + '' + String(f(3)));")).toEqual([]);
  });
});
