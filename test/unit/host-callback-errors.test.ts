/**
 * Issue 11: host code that turns a script's value into text or a number on the script's behalf runs the
 * script's own toString / valueOf as Rhino does, and what that code throws (or a callback the host calls) reaches
 * the script unchanged: catchable, the same message, never V8's "Cannot convert object to primitive value" about
 * a host copy. Where Rhino hands the object itself to Java (an Object parameter), Java's toString shows it as
 * "[object Object]" and the script's code does not run.
 *
 * The goldens are Rhino 1.7.14's answers at version 0, from plain Java classes (AM's logger and accessToken are
 * not in Debian's rhino). Each probe runs as
 *   rhino -version 0 probe.js
 * with
 *   var obj = { toString: function () { throw new Error("boom"); } };
 *   var hi = { toString: function () { return "hi"; } };
 *   var vo = { valueOf: function () { throw new Error("boomv"); }, toString: function () { throw new Error("boom"); } };
 *   function t(f) { try { return "-> " + f(); } catch (e) { return "!! " + e.name + ": " + e.message; } }
 *   print(t(function () { return <expression>; }));
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";

const PRELUDE = [
  'var obj = { toString: function () { throw new Error("boom"); } };',
  'var hi = { toString: function () { return "hi"; } };',
  'var vo = { valueOf: function () { throw new Error("boomv"); }, toString: function () { throw new Error("boom"); } };',
  'function t(f) { try { return "-> " + f(); } catch (e) { return "!! " + e.name + ": " + e.message; } }',
].join("\n");

async function probe(evaluator: "legacy" | "next-gen", expressions: string[]): Promise<string[]> {
  const script = `${PRELUDE}\nvar out = [];\n${expressions.map((e) => `out.push(t(function () { return ${e}; }));`).join("\n")}\naccessToken.setField("out", out.join("\\n"));`;
  const result = await run(script, { evaluator, timeoutMs: 5000 });
  expect(result.error).toBeNull();
  return String(result.introspection?.out).split("\n");
}

/** [expression, Rhino 1.7.14's answer]. */
const RHINO_GOLDENS: [string, string][] = [
  // String parameters: ScriptRuntime.toString runs the script's toString.
  ["new java.lang.String(obj)", "!! Error: boom"],
  ["new java.lang.String(hi)", "-> hi"],
  ['new java.lang.String("x").concat(obj)', "!! Error: boom"],
  ['new java.lang.String("a").indexOf(obj)', "!! Error: boom"],
  ['new java.lang.String("a").startsWith(obj)', "!! Error: boom"],
  ['"" + new java.lang.String("x") + obj', "!! Error: boom"],
  ["java.lang.Integer.parseInt(obj)", "!! Error: boom"],
  ["java.lang.Long.parseLong(obj)", "!! Error: boom"],
  ["java.lang.Integer.valueOf(vo)", "!! Error: boom"],
  // A number parameter: ScriptRuntime.toNumber runs valueOf first.
  ["java.lang.Math.abs(vo)", "!! Error: boomv"],
  // Object parameters: Java holds the NativeObject, whose Java toString is "[object Object]".
  ["java.lang.String.valueOf(obj)", "-> [object Object]"],
  ["java.lang.String.valueOf(hi)", "-> [object Object]"],
  ['java.lang.String.format("%s", obj)', "-> [object Object]"],
  ["(function () { var l = new java.util.ArrayList(); l.add(obj); return l.toString(); })()", "-> [[object Object]]"],
  ["(function () { var l = new java.util.ArrayList(); l.add(hi); return l.get(0) === hi; })()", "-> true"],
  ['(function () { var m = new java.util.HashMap(); m.put("k", obj); return m.toString(); })()', "-> {k=[object Object]}"],
  ["(function () { var m = new java.util.HashMap(); return m.get(obj); })()", "-> null"],
  ["(function () { var m = new java.util.HashMap(); m.put(obj, 1); return m.size(); })()", "-> 1"],
  ['(function () { var l = new java.util.ArrayList(); l.add("a"); return l.contains(obj); })()', "-> false"],
  ['new java.lang.String("a").equals(obj)', "-> false"],
  // Callbacks the host calls: what they throw reaches the script.
  ['(function () { var l = new java.util.ArrayList(); l.add(1); l.forEach(function (x) { throw new Error("boom"); }); return "done"; })()', "!! Error: boom"],
  ['(function () { var l = new java.util.ArrayList(); l.add("b"); l.add("a"); java.util.Collections.sort(l, function (a, b) { throw new Error("cmp"); }); return l; })()', "!! Error: cmp"],
  // Neither toString nor valueOf gives a primitive.
  ["new java.lang.String({ toString: 5, valueOf: function () { return {}; } })", "!! TypeError: Cannot find default value for object."],
];

describe("a script object converted by host code, as Rhino 1.7.14 converts it", () => {
  it("legacy: every golden", async () => {
    const answers = await probe("legacy", RHINO_GOLDENS.map(([e]) => e));
    expect(answers.map((a, i) => [RHINO_GOLDENS[i][0], a])).toEqual(RHINO_GOLDENS);
  });

  it("the script's own error object reaches its catch block (e.message, instanceof Error, the same object)", async () => {
    const result = await run(
      'var err = new Error("boom"); var obj = { toString: function () { throw err; } };\nvar seen;\ntry { new java.lang.String(obj); } catch (e) { seen = [e === err, e instanceof Error, e.message === "boom"]; }\naccessToken.setField("out", seen);',
      { evaluator: "legacy" },
    );
    expect(result.introspection?.out).toEqual([true, true, true]);
  });

  it.each([
    ["legacy", "logger.message(obj);"],
    ["legacy", "logger.error(obj);"],
    ["legacy", "new java.lang.String(obj);"],
    ["next-gen", "logger.info(obj);"],
    ["next-gen", "httpClient.send('https://api.example.com/', { headers: { a: obj } });"],
    ["next-gen", "identity.setAttribute('a', [obj]);"],
    ["next-gen", "systemEnv.getProperty(obj);"],
  ] as const)("%s: uncaught, `%s` is reported with the script's message and the line that threw", async (evaluator, call) => {
    const result = await run(`var x = 1;\nvar obj = { toString: function () {\n  throw new Error("boom"); } };\n${call}`, { evaluator, timeoutMs: 5000 });
    expect(result.error).toMatchObject({ kind: "runtime", message: "Error: boom", line: 3 });
  });

  it.each([
    // rhino -version 0 u.js → js: "u.js", line 4: exception from uncaught JavaScript throw: str
    ["a Java callback", 'var x = 1;\nvar l = new java.util.ArrayList(); l.add(1);\nl.forEach(function (x) {\n throw "str"; });', 4],
    // the toString's own line: js: "u.js", line 1: exception from uncaught JavaScript throw: str
    ["a toString host code ran", 'var obj = { toString: function () { throw "str"; } };\nnew java.lang.String(obj);', 1],
    ["the script itself", 'var x = 1;\nthrow "str";', 2],
  ])("a string thrown from %s is reported at the line Rhino names", async (_where, script, line) => {
    const result = await run(script, { evaluator: "legacy" });
    expect(result.error).toMatchObject({ kind: "runtime", message: "str", line });
  });

  it("next-gen: a logged {} argument is Java's toString of the object, which never runs the script's code", async () => {
    const result = await run(`${PRELUDE}\nlogger.info("a {}", obj);`, { evaluator: "next-gen" });
    expect(result.error).toBeNull();
    expect(result.logs.map((l) => l.message)).toEqual(["a [object Object]"]);
  });

  it("a toString that never returns is the run's timeout, not a hung worker", async () => {
    const started = Date.now();
    const result = await run("var obj = { toString: function () { for (;;) {} } };\nnew java.lang.String(obj);", { evaluator: "legacy", timeoutMs: 300 });
    expect(result.error?.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("no probe answers with V8's wording about a host copy", async () => {
    const answers = await probe("next-gen", ["utils.base64.encode(obj)", "openidm.read(obj)", "secrets.getGenericSecret(obj)", "requestProperties.get(obj)"]);
    for (const a of answers) expect(a).not.toMatch(/Cannot convert object to primitive value|Cannot return a script function/);
  });
});
