import { describe, expect, it } from "vitest";
import { run } from "../../engine";

const ng = (script: string, scenario: Record<string, unknown> = {}) => run(script, { evaluator: "next-gen", ...scenario });

async function timed(script: string) {
  const started = performance.now();
  const result = await ng(script);
  return { result, ms: performance.now() - started };
}

describe("hostile scripts end in a clear error and the next run works", () => {
  const cases: [string, string, string][] = [
    ["endless loop", "while (true) {}", "timeout"],
    ["memory bomb (strings)", "var a = []; for (;;) a.push('x'.repeat(10000) + a.length);", "memory"],
    ["memory bomb (one huge string)", "var s = 'x'.repeat(5e8);", "memory"],
    ["deep recursion", "function f(n) { return f(n + 1) + 1; } f(0);", "runtime"],
    ["catastrophic regex", "/(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!');", "timeout"],
  ];
  for (const [name, script, kind] of cases) {
    it(`${name} → ${kind}`, async () => {
      const { result, ms } = await timed(script);
      expect(result.ok).toBe(false);
      expect(result.error?.kind).toBe(kind);
      expect(ms).toBeLessThan(2000);
      const next = await ng("accessToken.setField('after', 'ok');");
      expect(next.ok).toBe(true);
      expect(next.introspection?.after).toBe("ok");
    });
  }

  it("a cyclic value handed to a binding is refused as a binding error", async () => {
    const result = await ng("var o = {};\no.self = o;\naccessToken.setField('x', o);");
    expect(result.error).toMatchObject({ kind: "binding", line: 3 });
    expect(result.error?.message).toMatch(/Cyclic/);
  });

  it("a throwing getter in a value handed to a binding raises the script's own error", async () => {
    const result = await ng("var o = { get bad() { throw new Error('boom'); } };\naccessToken.setField('x', o);");
    expect(result.ok).toBe(false);
    expect(result.error?.message).toMatch(/boom/);
  });

  it("escape attempts find nothing of the host", async () => {
    const script = `
      var seen = {};
      try { require('fs'); seen.require = 'loaded a host module'; } catch (e) { seen.require = 'refused'; }
      seen.process = typeof process;
      seen.fetch = typeof fetch;
      seen.fnProcess = Function('return typeof process')();
      seen.globalProcess = typeof (0, eval)('this').process;
      seen.ctorProcess = accessToken.setField.constructor('return typeof process')();
      seen.proto = Object.getPrototypeOf(accessToken);
      seen.keys = Object.keys(accessToken).length;
      accessToken.setField('seen', seen);`;
    const result = await ng(script);
    expect(result.error).toBeNull();
    expect(result.introspection?.seen).toEqual({
      require: "refused",
      process: "undefined",
      fetch: "undefined",
      fnProcess: "undefined",
      globalProcess: "undefined",
      ctorProcess: "undefined",
      proto: null,
      keys: 0,
    });
  });

  it("prototype tampering does not break the bindings", async () => {
    const script = `
      Object.prototype.toJSON = function () { return 'hacked'; };
      Array.prototype.push = function () { throw new Error('no push'); };
      Function.prototype.apply = function () { throw new Error('no apply'); };
      JSON.parse = function () { return 'hacked'; };
      accessToken.setField('list', ['a', 'b']);
      accessToken.setField('obj', { k: 'v' });`;
    const result = await ng(script);
    expect(result.error).toBeNull();
    expect(result.introspection).toMatchObject({ list: ["a", "b"], obj: { k: "v" } });
  });

  it("Date and Math.random are the scenario's clock and seed", async () => {
    const result = await ng("accessToken.setField('now', Date.now()); accessToken.setField('iso', new Date().toISOString()); accessToken.setField('r', Math.random());", { clock: "2030-01-02T03:04:05Z" });
    expect(result.introspection).toMatchObject({ now: Date.parse("2030-01-02T03:04:05Z"), iso: "2030-01-02T03:04:05.000Z" });
    const again = await ng("accessToken.setField('r', Math.random());", { clock: "2030-01-02T03:04:05Z" });
    expect(again.introspection?.r).toBe(result.introspection?.r);
  });
});
