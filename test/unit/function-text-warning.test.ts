/**
 * A script's function turned into text gets Rhino's re-printed source (engine/dialect/rhino-decompile.ts, goldens
 * from `rhino -version 0`); where the function has a shape whose re-printing is not recorded, the playground gives
 * the text as written and says so at the line.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine/run";
import { functionTextWarnings, mayPrintFunctions } from "../../engine/dialect/function-text";

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

describe("which scripts get Rhino's function texts compiled in", () => {
  it("finds a script that turns one of its functions into text", () => {
    for (const script of [
      "function f(x) { return x; }\nlogger.message(f.toString());",
      "var f = function (x) { return x; };\nlogger.message(String(f));",
      "function f(x) { return x; }\nlogger.message('f: ' + f);",
      "function f(x) { return x; }\nlogger.message(f + '');",
      "var $f = function () {};\nlogger.message(String($f));",
      "logger.message((function () { return 1; }).toString());",
      "logger.message(String(function () { return 1; }));",
      "logger.message(uneval({a: 1}));",
      "logger.message([1].toSource());",
      "var o = {f: function (x) { return x; }};\nlogger.message(String(o.f));",
      "var o = {};\no.f = function (x) { return x; };\nlogger.message('text: ' + o.f);",
      "function f(x) { return x; }\nlogger.message(Function.prototype.toString.call(f));",
    ]) {
      expect(mayPrintFunctions(script), script).toBe(true);
    }
  });

  it("leaves out a script whose functions are only called, however it builds its strings", () => {
    for (const script of [
      "function name(i) { return String(i.getName()); }\nlogger.message('user ' + name(identity) + String(1));",
      "var f = function (x) { return x.toString(); };\naccessToken.setField('a', 'x' + f(1));",
      "function pick(a) { return a; }\nvar s = 'v' + pick.length;",
    ]) {
      expect(mayPrintFunctions(script), script).toBe(false);
    }
  });
});
