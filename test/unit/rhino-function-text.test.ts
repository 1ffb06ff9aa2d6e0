/**
 * A script turning functions and values into text (toString, String(f), f + "", toSource, uneval) gets what AM's
 * Rhino 1.7.14 gives. The expected values were printed by `rhino -version 0` for the same setup and expressions
 * (test/unit/goldens/rhino-function-values.json).
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine/run";
import goldens from "./goldens/rhino-function-values.json";

async function valuesOf(setup: string, exprs: readonly string[]): Promise<unknown[]> {
  const script = `${setup}\nvar out = [];\n${exprs.map((e) => `out.push(${e});`).join("\n")}\nlogger.message(JSON.stringify(out));`;
  const result = await run(script, {}, { evaluator: "legacy" });
  expect(result.error).toBeNull();
  return JSON.parse(result.logs[0].message) as unknown[];
}

describe("function text and toSource as Rhino 1.7.14 prints them", () => {
  it("matches every recorded value", async () => {
    const got = await valuesOf(goldens.setup, goldens.cases.map((c) => c.expr));
    goldens.cases.forEach((c, i) => expect({ expr: c.expr, value: got[i] }).toEqual({ expr: c.expr, value: c.rhino }));
  });

  it("re-prints functions that contain the playground's own rewrites (catch hooks, ==, const) as written in the script", async () => {
    const [text] = await valuesOf("function h(a) { try { a(); } catch (e) { return a == e; } }", ["String(h)"]);
    expect(text).toBe("\nfunction h(a) {\n    try {\n        a();\n    }\n    catch (e) {\n        return a == e;\n    }\n}\n");
  });

  it("re-prints `for each`, which Rhino runs and the playground rewrites before QuickJS sees it", async () => {
    const [text, source] = await valuesOf("var f = function (a) { for each (var v in a) { a = v; } for each (k in a) a++; };", ["String(f)", "f.toSource()"]);
    // As rhino -version 0 printed them.
    expect([text, source]).toEqual([
      "\nfunction (a) {\n    for each (var v in a) {\n        a = v;\n    }\n    for each (k in a) {\n        a++;\n    }\n}\n",
      "(function (a) {for each (var v in a) {a = v;}for each (k in a) {a++;}})",
    ]);
  });

  it("finds a function reached through an object, or handed to Function.prototype.toString", async () => {
    for (const script of [
      "var o = {f: function (x) { return x+1; }};\nlogger.message(String(o.f));",
      "var o = {};\no.f = function (x) { return x+1; };\nlogger.message('' + o.f);",
      "var f = function (x) { return x+1; };\nlogger.message(Function.prototype.toString.call(f));",
    ]) {
      const result = await run(script, {}, { evaluator: "legacy" });
      expect(result.logs[0]?.message, script).toBe("\nfunction (x) {\n    return x + 1;\n}\n");
    }
  });

  it("re-prints a function whose source is not plain ASCII", async () => {
    const [text] = await valuesOf('function g(a) { return "café " + a; }', ["String(g) + uneval(g)"]);
    // As rhino -version 0 printed it.
    expect(text).toBe('\nfunction g(a) {\n    return "caf\\xe9 " + a;\n}\nfunction g(a) {return "caf\\xe9 " + a;}');
  });

  it("does not warn where the text is Rhino's", async () => {
    const covered = await run("function f(x) { debugger; return x; }\nlogger.message(String(f) + uneval(f));", {}, { evaluator: "legacy" });
    expect(covered.warnings.filter((w) => w.code === "function-source-text")).toEqual([]);
    // As rhino -version 0 printed it, the unindented `return` included.
    expect(covered.logs[0].message).toBe("\nfunction f(x) {\n    debugger;\nreturn x;\n}\nfunction f(x) {debugger;\nreturn x;}");
  });

  it("gives the same text on the next-generation evaluator, whose engine is Rhino too", async () => {
    const result = await run("var f = function (x) { return x+1; };\nlogger.info(String(f) + f.toSource());", {}, { evaluator: "next-gen" });
    expect(result.error).toBeNull();
    expect(result.logs[0].message).toBe("\nfunction (x) {\n    return x + 1;\n}\n(function (x) {return x + 1;})");
  });
});
