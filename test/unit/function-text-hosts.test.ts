/**
 * A function turned into text where the script's own table of function texts does not reach: handed to a Java
 * method that takes a String (the logger), made by the Function constructor, or written in a next-generation
 * library. Goldens asked of `rhino -opt -1 -version 0` (AM's interpreted Rhino 1.7.14): a String parameter gets
 * the decompiler's text (`java.util.regex.Pattern.quote(f)` showed it), an Object parameter Java's toString of the
 * function object (`java.lang.String.valueOf(f)` → `org.mozilla.javascript.InterpretedFunction@6df97b55`).
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";

const F_TEXT = "\nfunction f(a) {\n    return a + 1;\n}\n";
const LOG = { legacy: "message", "next-gen": "info" } as const;

describe("functions print as Rhino prints them outside the script's own table", () => {
  for (const evaluator of ["legacy", "next-gen"] as const) {
    const log = LOG[evaluator];
    it(`${evaluator}: logger.${log}(f) logs the function's Rhino text, not null`, async () => {
      const result = await run(`function f(a) { return a + 1; }\nlogger.${log}(f);\nlogger.error(function () { return 2; });`, { evaluator });
      expect(result.logs.map((l) => l.message)).toEqual([F_TEXT, "\nfunction () {\n    return 2;\n}\n"]);
    });
    it(`${evaluator}: a function in a {} placeholder prints as Java prints Rhino's function object`, async () => {
      const result = await run(`function f(a) { return a + 1; }\nlogger.${log}("got {}", f);`, { evaluator });
      expect(result.logs[0]?.message).toMatch(/^got org\.mozilla\.javascript\.InterpretedFunction@[0-9a-f]+$/);
    });
    it(`${evaluator}: new Function(…) prints Rhino's text, in String(), toSource() and the logger`, async () => {
      const script = [
        `logger.${log}(String(new Function("a, b", "var c = a + b; return c * 2;")));`,
        `logger.${log}(String(Function("x", "return x")));`,
        `logger.${log}(String(new Function()));`,
        `logger.${log}(new Function("a", "return a").toSource());`,
        `logger.${log}(new Function("a", "return a"));`,
      ].join("\n");
      const result = await run(script, { evaluator });
      expect(result.error ?? null).toBeNull();
      expect(result.logs.map((l) => l.message)).toEqual([
        "\nfunction anonymous(a, b) {\n    var c = a + b;\n    return c * 2;\n}\n",
        "\nfunction anonymous(x) {\n    return x;\n}\n",
        "\nfunction anonymous() {\n}\n",
        "(function anonymous(a) {return a;})",
        "\nfunction anonymous(a) {\n    return a;\n}\n",
      ]);
    });
  }
  it("next-gen: a library's function prints as Rhino prints it", async () => {
    const library = "function helper(x) { /* c */ return x * 2; }\nexports.helper = helper;\nexports.double = function (x) { return x * 2; };";
    const script = "var lib = require('lib');\nlogger.info(String(lib.helper));\nlogger.info('' + lib.double);\nlogger.info(lib.helper);";
    const result = await run(script, { evaluator: "next-gen", libraries: { lib: library } });
    expect(result.error ?? null).toBeNull();
    expect(result.logs.map((l) => l.message)).toEqual([
      "\nfunction helper(x) {\n    return x * 2;\n}\n",
      "\nfunction (x) {\n    return x * 2;\n}\n",
      "\nfunction helper(x) {\n    return x * 2;\n}\n",
    ]);
  });
});
