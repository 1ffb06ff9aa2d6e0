/**
 * Issue 11, third hostile pass: what host code does on the guest's behalf (converting a value for a binding,
 * serving a host call, calling back into the script) ends in a clear error of the run (memory, timeout, binding,
 * runtime) with a message, never a crashed worker (V8's fatal "invalid size" error), a host loop of hours or
 * an empty message; and the next run works.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine/run";
import { conversionLimit } from "../../engine/sandbox/sandbox";

type Evaluator = "legacy" | "next-gen";
const go = (script: string, evaluator: Evaluator, scenario: Record<string, unknown> = {}) => run(script, { timeoutMs: 5000, ...scenario }, { evaluator });

async function expectFailure(script: string, evaluator: Evaluator, kind: string, message: RegExp, scenario: Record<string, unknown> = {}) {
  const result = await go(script, evaluator, scenario);
  expect(result.error?.kind, JSON.stringify(result.error)).toBe(kind);
  expect(result.error?.message).toMatch(message);
  const next = await go("accessToken.setField('after', 'ok');", evaluator);
  expect(next.error).toBeNull();
  expect(next.introspection?.after).toBe("ok");
}

const HOST_COPY = /^InternalError: out of memory: a value handed to a binding needs more than \d+ elements, keys and objects in the host .*memory limit of 32 MB/;

describe("a value converted for a binding is bounded by the run's memory limit, holes and repeated references included", () => {
  const cases: [string, Evaluator, string][] = [
    ["a sparse array with an element at 1e9", "next-gen", "var a = []; a[1e9] = 1; accessToken.setField('x', a);"],
    ["an empty array of length 2^32 - 1", "next-gen", "var a = []; a.length = 4294967295; accessToken.setField('x', a);"],
    ["an empty array of length 2^32 - 1 (legacy)", "legacy", "var a = []; a.length = 4294967295; accessToken.setField('x', a);"],
    ["an empty array of length 2^32 - 1 added to a Java list", "legacy", "var a = []; a.length = 4294967295; new java.util.ArrayList().addAll(a);"],
    ["one array referenced twice, thirty levels down (2^30 copies)", "next-gen", "var x = [1]; for (var i = 0; i < 30; i++) x = [x, x]; accessToken.addExtraJsonData('x', x);"],
    ["a 10,000-element array referenced 1,000 times", "next-gen", "var a = []; for (var i = 0; i < 10000; i++) a.push(i); var b = []; for (var j = 0; j < 1000; j++) b.push(a); accessToken.setField('x', b);"],
    ["an object whose values repeat one large array", "next-gen", "var a = new Array(100000).join('x').split(''); var o = {}; for (var i = 0; i < 100; i++) o['k' + i] = a; openidm.create('managed/user', null, o);"],
    ["a huge-length array behind getters that call a binding (each a conversion of its own)", "next-gen",
      "var a = []; a.length = 4294967295; for (var i = 0; i < 3000; i++) Object.defineProperty(a, i * 1000000, { get: function () { accessToken.setField('inner', [1]); return 1; } }); logger.info('{}', a);"],
  ];
  for (const [what, evaluator, script] of cases) {
    // A generous time limit: under load the guest's own building of the value must not end in a timeout first.
    it(`${what} → memory`, async () => expectFailure(script, evaluator, "memory", HOST_COPY, { timeoutMs: 60_000 }), 120_000);
  }

  it("values far below the bound still cross whole", async () => {
    const result = await go("var a = []; for (var i = 0; i < 50000; i++) a.push(i % 7); var b = [a, a, a]; accessToken.setField('n', b); accessToken.setField('len', b.length);", "next-gen");
    expect(result.error).toBeNull();
    expect((result.introspection?.n as number[][])[2]).toHaveLength(50000);
    expect(conversionLimit(32 * 1024 * 1024)).toBeGreaterThan(3 * 50000);
  });
});

describe("cyclic, deep or throwing values handed to any binding end in the script's own or a binding error", () => {
  const cases: [string, string, string, RegExp][] = [
    ["a cycle in setFields", "binding", "var o = {}; o.o = o; accessToken.setFields({ a: o });", /Cyclic value/],
    ["a cycle in addExtraJsonData", "binding", "var o = []; o.push(o); accessToken.addExtraJsonData('x', o);", /Cyclic value/],
    ["a cycle in an openidm object", "binding", "var o = {}; o.o = o; openidm.create('managed/user', null, o);", /Cyclic value/],
    ["a cycle in an HTTP body", "binding", "var o = {}; o.o = o; httpClient.send('https://x.example/a', { method: 'POST', body: o }).get();", /Cyclic value/],
    ["a cycle in a log argument", "binding", "var o = {}; o.o = o; logger.info('{}', o);", /Cyclic value/],
    ["10,000 nested arrays in setField", "binding", "var a = []; for (var i = 0; i < 10000; i++) a = [a]; accessToken.setField('x', a);", /nested more than 65/],
    ["10,000 nested objects in addExtraJsonData", "binding", "var a = {}; for (var i = 0; i < 10000; i++) a = { a: a }; accessToken.addExtraJsonData('x', a);", /nested more than 65/],
    ["a throwing getter in setFields", "runtime", "accessToken.setFields({ get a() { throw new Error('getter boom'); } });", /getter boom/],
    ["a throwing getter in an openidm object", "runtime", "openidm.create('managed/user', null, { get a() { throw new Error('getter boom'); } });", /getter boom/],
    ["a throwing getter in HTTP options", "runtime", "httpClient.send('https://x.example/a', { get method() { throw new Error('getter boom'); } }).get();", /getter boom/],
    ["a toString that throws, handed as a string", "binding", "accessToken.addExtraData('k', { toString: function () { throw new Error('ts boom'); } });", /\S/],
    ["JSON.parse of 100,000 nested arrays", "runtime", "JSON.parse(new Array(100000).join('[') + new Array(100000).join(']'));", /StackOverflowError/],
    ["JSON.stringify of 100,000 nested arrays", "runtime", "var a = []; for (var i = 0; i < 100000; i++) a = [a]; JSON.stringify(a);", /StackOverflowError/],
    ["requiring ever new unknown libraries", "binding", "for (var i = 0; ; i++) require('nope' + i);", /Library script "nope0" not found/],
  ];
  for (const [what, kind, script, message] of cases) {
    it(`${what} → ${kind}`, async () => expectFailure(script, "next-gen", kind, message), 60_000);
  }

  const legacy: [string, string, string, RegExp][] = [
    ["a map's forEach recursing through Java", "runtime", "var m = new java.util.HashMap(); m.put('a', 'b'); function f(k, v) { m.forEach(f); } m.forEach(f);", /java\.lang\.StackOverflowError/],
    ["throw null from a Java callback", "runtime", "var l = new java.util.ArrayList(); l.add('a'); l.forEach(function () { throw null; });", /null/],
    // The script's own error, as Rhino's ScriptRuntime.toNumber / toString run its valueOf / toString for a long or
    // String parameter: rhino -version 0 -e 'try { java.lang.Long.toString({ valueOf: function () { throw new
    // Error("vo boom"); } }); } catch (e) { print(e.name + ": " + e.message); }' → Error: vo boom
    // (test/unit/host-callback-errors.test.ts has the goldens).
    ["a valueOf that throws, handed as a Java long", "runtime", "accessToken.setExpiryTime({ valueOf: function () { throw new Error('vo boom'); } });", /^Error: vo boom$/],
    ["a toString that throws, handed as an attribute name", "runtime", "identity.getAttribute({ toString: function () { throw new Error('attr boom'); } });", /^Error: attr boom$/],
  ];
  for (const [what, kind, script, message] of legacy) {
    it(`${what} (legacy) → ${kind}`, async () => expectFailure(script, "legacy", kind, message), 60_000);
  }
});

describe("the time limit holds across host calls", () => {
  it("a loop whose every turn is a slow host call ends in a timeout (QuickJS asks its interrupt handler too rarely)", async () => {
    await expectFailure("var s = new Array(256 * 1024).join('x'); for (;;) utils.base64.encode(s);", "next-gen", "timeout", /ran longer than 300 ms/, { timeoutMs: 300 });
  }, 120_000);

  it("a script that catches the refused host call still timed out", async () => {
    const script = "var s = new Array(256 * 1024).join('x'); try { for (;;) utils.base64.encode(s); } catch (e) { accessToken.setField('caught', String(e)); }";
    const result = await go(script, "next-gen", { timeoutMs: 300 });
    expect(result.error?.kind).toBe("timeout");
    expect(result.introspection?.caught).toBeUndefined();
  }, 120_000);

  it("a Java callback loop (legacy) ends in a timeout", async () => {
    await expectFailure("var l = new java.util.ArrayList(); l.add('a'); l.forEach(function () { while (true) {} });", "legacy", "timeout", /ran longer than 300 ms/, { timeoutMs: 300 });
  }, 120_000);
});
