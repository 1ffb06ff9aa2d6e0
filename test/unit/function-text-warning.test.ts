/**
 * A script's function turned into text gets Rhino's re-printed source (engine/dialect/rhino-decompile.ts, goldens
 * from `rhino -version 0`); where the function has a shape whose re-printing is not recorded, the playground gives
 * the text as written and says so at the line.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine/run";

const code = (r: Awaited<ReturnType<typeof run>>) => r.warnings.filter((w) => w.code === "function-source-text").map((w) => w.line);

describe("function-source-text", () => {
  for (const [what, script, shape] of [
    ["f.toString()", "function f(x) { const y = x; return y; }\nlogger.message(f.toString());", "VariableDeclaration"],
    ["String(f)", "var f = function (x) { return `${x}`; };\nlogger.message(String(f));", "TemplateLiteral"],
    ['f + ""', "function f(x) { debugger; return x; }\nlogger.message(f + '');", "DebuggerStatement"],
    ["an arrow's toString()", "\nlogger.message((() => 1).toString());", "ArrowFunctionExpression"],
    ["uneval(f)", "function f(x) { return - -x; }\nlogger.message(uneval(f));", "UnaryExpression"],
  ] as const) {
    it(`warns at ${what} of an unrecorded shape, at its line, naming the shape`, async () => {
      const result = await run(script, {}, { evaluator: "legacy" });
      expect(code(result)).toEqual([2]);
      expect(result.warnings.find((w) => w.code === "function-source-text")?.message).toContain(shape);
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
    const result = await run("function f(x) { debugger; return x; }\nvar n = 1; logger.message(n.toString() + String(n) + f(2) + '' + String(f(3)));", {}, { evaluator: "legacy" });
    expect(code(result)).toEqual([]);
  });
});
