/**
 * Next-generation libraries (require): AM runs a library with the common bindings only, so no spelling of a
 * context binding reaches it; a library that requires itself (directly or through others) is refused with
 * an error naming the cycle instead of recursing until the guest's stack overflows.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import { observeRestores, setSandboxSnapshots } from "../../engine/sandbox/snapshot";

const ng = (script: string, libraries: Record<string, string>) => run(script, { evaluator: "next-gen", libraries });

const SPELLINGS = `{
  free: typeof accessToken,
  globalThis: typeof globalThis.accessToken,
  self: typeof this.accessToken,
  viaFunction: Function('return typeof accessToken')(),
  viaEval: (0, eval)('typeof identity'),
  inGlobal: 'identity' in globalThis,
  keys: Object.keys(globalThis).filter(function (k) { return ['accessToken', 'identity', 'scopes', 'clientProperties', 'requestProperties'].indexOf(k) >= 0; }),
  logger: typeof logger,
  scriptName: scriptName
}`;

describe("a library sees no context binding, in any spelling", () => {
  it("while it loads", async () => {
    const result = await ng("accessToken.setField('seen', require('lib').seen);", { lib: `exports.seen = ${SPELLINGS};` });
    expect(result.error).toBeNull();
    expect(result.introspection?.seen).toEqual({
      free: "undefined",
      globalThis: "undefined",
      self: "undefined",
      viaFunction: "undefined",
      viaEval: "undefined",
      inGlobal: false,
      keys: [],
      logger: "object",
      scriptName: "Access Token Modification Script",
    });
  });

  it("in a library function the script calls later (free names)", async () => {
    const result = await ng("accessToken.setField('t', require('lib').later());", { lib: "exports.later = function () { return typeof accessToken + '/' + typeof scopes; };" });
    expect(result.introspection?.t).toBe("undefined/undefined");
  });

  it("in a library function the script calls later, through a global object the library kept", async () => {
    const lib =
      "var g = globalThis, self = this; exports.later = function () { return [typeof g.accessToken, typeof self.identity, " +
      "typeof Function('return this')().scopes, Function('return typeof clientProperties')(), (0, eval)('typeof requestProperties'), " +
      "typeof (function () { return this; })().accessToken].join(); };";
    const result = await ng("accessToken.setField('t', require('lib').later());", { lib });
    expect(result.error).toBeNull();
    expect(result.introspection?.t).toBe("undefined,undefined,undefined,undefined,undefined,undefined");
  });

  it("through a global object the library kept, `in` and its own keys say the bindings are not there", async () => {
    const lib =
      "var g = this; var names = ['accessToken', 'identity', 'scopes', 'clientProperties', 'requestProperties']; exports.probe = function () { " +
      "var f = Function('return this')(); return ['accessToken' in g, 'identity' in f, g.hasOwnProperty('scopes'), " +
      "Object.getOwnPropertyNames(g).filter(function (k) { return names.indexOf(k) >= 0; }).length, " +
      "Object.getOwnPropertyDescriptor(f, 'requestProperties') === undefined].join(); };";
    const result = await ng("accessToken.setField('t', require('lib').probe());", { lib });
    expect(result.error).toBeNull();
    expect(result.introspection?.t).toBe("false,false,false,0,true");
  });

  it("nor through the functions of a common binding (their constructor is the library realm's Function)", async () => {
    const lib =
      "exports.probe = function () { return [logger.info.constructor('return typeof accessToken')(), utils.base64.encode.constructor('return typeof identity')(), " +
      "typeof utils.constructor, logger.info.constructor === Function].join(); };";
    const result = await ng("accessToken.setField('t', require('lib').probe());", { lib });
    expect(result.error).toBeNull();
    expect(result.introspection?.t).toBe("undefined,undefined,undefined,true");
  });

  it("a library function the script hands its bindings to uses them (the usual way to share code)", async () => {
    const result = await ng("var l = require('lib'); l.stamp(accessToken, ['BJensen@Example.COM']);", {
      lib: "exports.stamp = function (token, mails) { token.setField('stamped', String(mails[0]).toLowerCase()); token.setField('n', mails.length); };",
    });
    expect(result.error).toBeNull();
    expect(result.introspection).toMatchObject({ stamped: "bjensen@example.com", n: 1 });
  });

  it("a library has the common bindings and the same Rhino surface and clock as the script", async () => {
    const result = await ng(
      "var l = require('lib'); var seen = l.surface(); accessToken.setField('t', seen.join() + ',' + (l.now() === Date.now()) + ',' + Array.isArray(l.list()) + ',' + JSON.stringify(l.list()));",
      {
        lib:
          "exports.surface = function () { logger.info('from the library'); return [typeof Map, typeof Proxy, typeof Promise, typeof logger, typeof utils, typeof require, scriptName]; };" +
          "\nexports.now = function () { return Date.now(); };\nexports.list = function () { return [1, 'a', { b: true }]; };",
      },
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.t).toBe('undefined,undefined,undefined,object,object,function,Access Token Modification Script,true,true,[1,"a",{"b":true}]');
    expect(result.logs).toContainEqual(expect.objectContaining({ level: "info", message: "from the library" }));
  });

  it("a library's write to a kept global does not replace the script's binding; the script's own reads and writes still work", async () => {
    const result = await ng(
      "var l = require('lib'); l.clobber(); var mine = accessToken; accessToken = mine; accessToken.setField('t', typeof globalThis.accessToken + ',' + typeof identity + ',' + (globalThis.accessToken === mine));",
      { lib: "var g = this; exports.clobber = function () { g.accessToken = 'from library'; g.identity = null; };" },
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.t).toBe("object,object,true");
  });

  it("a library named like the script's own file is still a library", async () => {
    const result = await ng("accessToken.setField('t', require('script').later());", { script: "var g = globalThis; exports.later = function () { return typeof g.accessToken; };" });
    expect(result.introspection?.t).toBe("undefined");
  });

  it("the script has its bindings back after the library loaded, failed, or tampered with builtins", async () => {
    const result = await ng(
      `require('ok');
       try { require('fails'); } catch (e) { accessToken.setField('caught', e.message); }
       require('tamper');
       accessToken.setField('after', [typeof accessToken, typeof identity, typeof scopes, typeof clientProperties, typeof requestProperties].join());`,
      {
        ok: "exports.x = 1;",
        fails: "throw new Error('library failed');",
        tamper: "Array.prototype.push = function () { throw new Error('no push'); }; Object.prototype.hasOwnProperty = null; exports.y = 2;",
      },
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.caught).toBe("library failed");
    expect(result.introspection?.after).toBe("object,object,object,object,object");
  });

  it("an error a library raised reads as Rhino words it, caught by the script or not", async () => {
    const lib = "exports.bad = function () { var o = null; return o.x; };";
    const caught = await ng("try { require('lib').bad(); } catch (e) { accessToken.setField('m', e.message); }", { lib });
    expect(caught.error).toBeNull();
    expect(caught.introspection?.m).toBe('Cannot read property "x" from null');
    const uncaught = await ng("require('lib').bad();", { lib });
    expect(uncaught.error?.message).toBe('TypeError: Cannot read property "x" from null');
  });

  it("a library's first line is still line 1 of its file in errors", async () => {
    const result = await ng("require('lib');", { lib: "var a = 1;\nnull.x;" });
    expect(result.error?.message).toMatch(/TypeError/);
    expect(result.error?.message).not.toMatch(/__pg/);
  });
});

describe("a value the script hands a library does not lead the library back to the script's global", () => {
  const REACH = {
    objectConstructor: "o.constructor.constructor('return typeof accessToken')()",
    prototypeChain: "new (Object.getPrototypeOf(o).constructor.constructor)('return typeof identity')()",
    handedFunction: "f.constructor('return typeof scopes')()",
    handedBinding: "token.setField.constructor('return typeof clientProperties')()",
    throughANative: "['return typeof requestProperties'].map(o.constructor.constructor)[0]()",
    throughAScriptCallback: "apply(o.constructor.constructor, 'return typeof accessToken')()",
    throughItsOwnTrampoline: "trampoline(o)",
    anError: "err.constructor.constructor('return typeof accessToken')()",
  };
  const lib =
    "var trampoline = Function('o', 'return typeof o.constructor.constructor(\"return accessToken\")()');\n" +
    "exports.probe = function (o, f, token, apply, err) { var out = {};\n" +
    Object.entries(REACH).map(([k, expr]) => `  try { out.${k} = ${expr}; } catch (e) { out.${k} = e.message; }\n`).join("") +
    "  return out; };";
  const script =
    "var seen = require('lib').probe({}, function () {}, accessToken, function (fn, a) { return fn(a); }, new Error('x'));\n" +
    "for (var k in seen) accessToken.setField(k, seen[k]);";

  it("every path to the script realm's Function constructor is refused, saying the closure is an inference", async () => {
    const result = await ng(script, { lib });
    expect(result.error).toBeNull();
    for (const key of Object.keys(REACH)) {
      expect(result.introspection?.[key], key).toMatch(/^Library script "lib" cannot use the calling script's Function constructor/);
    }
    expect(result.introspection?.objectConstructor).toContain("AM's behaviour on it is not documented");
    const warnings = result.warnings.filter((w) => w.code === "library-scope");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain("infers");
  });

  it("uncaught, the refusal is the run's error, naming the library", async () => {
    const result = await ng("require('lib').reach({});", { lib: "exports.reach = function (o) { return o.constructor.constructor('return this')().accessToken; };" });
    expect(result.error?.message).toMatch(/^Error: Library script "lib" cannot use the calling script's Function constructor/);
  });

  it("a library still uses what it was handed: reads, writes, methods, callbacks, arrays, errors, its own Function", async () => {
    const result = await ng(
      "var box = { n: 1, list: [3, 1, 2] }; var l = require('lib');\n" +
        "var got = l.use(box, function (x) { return x * 10; }, accessToken, new TypeError('bad'));\n" +
        "accessToken.setField('t', got + '|' + box.n + '|' + box.list.join() + '|' + box.added);",
      {
        lib:
          "exports.use = function (box, cb, token, err) { box.n++; box.list.sort(); box.added = { deep: [cb(4)] };\n" +
          "  token.setField('fromLib', Object.keys(box).join()); var own = Function('a', 'return a * 2')(21);\n" +
          "  return [Array.isArray(box.list), box instanceof Object, typeof box.constructor, JSON.stringify(box), err.name, err.message, err instanceof Error, own, typeof Function('return this')().accessToken].join(); };",
      },
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.t).toBe('true,false,function,{"n":2,"list":[1,2,3],"added":{"deep":[40]}},TypeError,bad,false,42,undefined|2|1,2,3|[object Object]');
    expect(result.introspection?.fromLib).toBe("n,list,added");
    expect(result.warnings.filter((w) => w.code === "library-scope")).toEqual([]);
  });

  it("the script's own Function constructor works and looks the same after a library loaded", async () => {
    const probe =
      "accessToken.setField('t', [Function('return typeof accessToken')(), new Function('a', 'b', 'return a + b')(1, 2), (function () {}).constructor === Function, " +
      "Function.prototype.constructor === Function, Function.name, Function.length, Function instanceof Function].join()); accessToken.setField('text', String(Function));";
    const result = await ng(`require('lib'); ${probe}`, { lib: "exports.x = 1;" });
    const withoutLibrary = await ng(probe, {});
    expect(result.error).toBeNull();
    expect(result.introspection?.t).toBe("object,3,true,true,Function,1,true");
    // Rhino's own text of the native (the script prints functions, so the function-text extra is loaded).
    expect(result.introspection?.text).toBe("function Function() { [native code for Function.Function, arity=1] }\n");
    expect(result.introspection?.text).toBe(withoutLibrary.introspection?.text);
  });
});

describe("loading a library leaves the script's world as it was", () => {
  it("the script's bindings stay plain values (no accessor, so a read costs what it cost before)", async () => {
    const result = await ng(
      "require('lib'); var d = Object.getOwnPropertyDescriptor(globalThis, 'accessToken'); accessToken.setField('t', [typeof d.get, 'value' in d, d.value === accessToken, 'identity' in globalThis].join());",
      { lib: "var g = globalThis; exports.x = 1;" },
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.t).toBe("undefined,true,true,true");
  });

  it("the next run starts from byte-identical guest memory after a run that loaded libraries", async () => {
    const libraries = { a: "exports.f = function () { return require('b').g(); };", b: "var kept = globalThis; exports.g = function () { return 2; };" };
    const script = "var a = require('a'); accessToken.setField('v', a.f());";
    const digest = async (): Promise<string> => {
      const seen: string[] = [];
      observeRestores((region) => seen.push(createHash("sha256").update(region).digest("hex")));
      try {
        const result = await ng(script, libraries);
        expect(result.introspection?.v).toBe(2);
      } finally {
        observeRestores(null);
      }
      expect(seen).toHaveLength(1);
      return seen[0]!;
    };
    await ng("accessToken.setField('warm', 1);", {});
    const first = await digest();
    expect(await digest()).toBe(first);
  });
});

describe("a library's realm is held to the run's limits and goes with the run", () => {
  it("memory a library allocates counts against the run's limit and ends in a memory error", async () => {
    const result = await ng("require('lib').grow();", { lib: "exports.grow = function () { var a = []; var s = new Array(16384).join('y'); for (;;) a.push(s + a.length); };" });
    expect(result.error?.kind).toBe("memory");
    const next = await ng("accessToken.setField('v', require('lib').x);", { lib: "exports.x = 'fine';" });
    expect(next.error).toBeNull();
    expect(next.introspection?.v).toBe("fine");
  });

  it("a sandbox built for the run (snapshots off) loads libraries the same way", async () => {
    setSandboxSnapshots(false);
    try {
      const result = await ng("var l = require('lib'); accessToken.setField('t', l.probe() + ',' + l.add(2, 3));", {
        lib: "var g = this; exports.probe = function () { return 'accessToken' in g; }; exports.add = function (a, b) { return a + b; };",
      });
      expect(result.error).toBeNull();
      expect(result.introspection?.t).toBe("false,5");
    } finally {
      setSandboxSnapshots(true);
    }
  });
});

describe("require cycles are refused, naming the cycle", () => {
  it("a library that requires itself", async () => {
    const result = await ng("require('lib');", { lib: "var me = require('lib');\nexports.x = 1;" });
    expect(result.error?.message).toBe(
      'Error: Library script "lib" requires itself while it is loading ("lib" → "lib"); a library cannot require a library that is still loading.',
    );
  });

  it("a cycle through other libraries", async () => {
    const result = await ng("require('a');", { a: "require('b');", b: "require('c');", c: "require('a');" });
    expect(result.error?.message).toContain('("a" → "b" → "c" → "a")');
  });

  it("the script can catch it, and every library loads again afterwards", async () => {
    const result = await ng(
      `try { require('a'); } catch (e) { accessToken.setField('caught', /requires itself/.test(e.message)); }
       accessToken.setField('b', require('b').x);`,
      { a: "exports.x = require('a');", b: "exports.x = 'b';" },
    );
    expect(result.error).toBeNull();
    expect(result.introspection).toMatchObject({ caught: true, b: "b" });
  });

  it("requiring the same library twice in a row, or from a function called later, is no cycle", async () => {
    const result = await ng(
      "var a = require('lib'); var b = require('lib'); accessToken.setField('v', a.x + b.x + a.again().x);",
      { lib: "exports.x = 1; exports.again = function () { return require('lib'); };" },
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.v).toBe(3);
  });
});
