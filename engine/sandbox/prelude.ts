import { CATCH_HOOK, EACH_HOOK, EQUALITY_HOOK, FOR_IN_HOOK, THROWN_HOOK, THROW_HOOK } from "./instrument";

/**
 * The guest-side prelude, evaluated in every fresh context before the user's script. QuickJS compiles
 * source on every run and this build cannot cache bytecode, so the prelude is kept as small as possible:
 * binding logic lives on the host; the guest only gets one shared Proxy handler for opaque host objects,
 * a fixed clock, a seeded Math.random and the Rhino surface (globals Rhino lacks removed). Everything it
 * relies on is captured before the user's script can tamper with prototypes.
 *
 * A proxy's target carries its host id (i), method table (m), method cache (c) and whether it answers
 * property-style access (d); the target itself is never reachable from the script.
 */
/*
 * Notes on the guest code below (kept out of it, since the prelude is parsed on every run):
 * - mk(): names marked "~" are JavaScript String.prototype methods applied to String(this) in the guest
 *   (Rhino lets them reach a java.lang.String; regular expressions never cross to the host).
 * - get(): callable host objects (Java classes) and those listing "#instanceof" (JavaPackages) answer
 *   `instanceof`; one listing "#primitive" converts itself by hint (Symbol.toPrimitive), as Rhino's
 *   getDefaultValue does for boxed numbers; every uncached read is remembered (lastObject/lastName) so a
 *   failed call on it can be worded as Rhino words it.
 * - classify(): >= 0 is a host object's id (only our proxies answer the per-run secret KEY), -1 a plain
 *   object, -2 an array, -3 an object whose toString or valueOf is not Object.prototype's (or cannot be read):
 *   its conversion to text or a number is the script's code, which convert() runs when the host asks.
 * - hidden: [[ownerPath, [names...]], ...] as JSON, grouped on the host so each owner is resolved once.
 * - configure(): sets the per-run clock, seed and secret key in a prepared sandbox restored from a
 *   snapshot (snapshot.ts), whose prelude ran once with placeholders.
 * - mk(id, at, ...): `at` >= 0 is a proxy shape (member table and class) that addShapes() built into the
 *   prepared sandbox before its snapshot was taken; -1 builds the shape from `names` and `cls` in the run
 *   (cached by names for the run), as a library's realm and a shape not yet in the snapshot do.
 * - guardFunction(): installed in the script's realm once a library realm exists (library.ts): every path a
 *   value offers to this realm's Function constructor (x.constructor.constructor, the global name) goes through
 *   a proxy that asks the host (id -1, "#fn") whether the calling frames may compile code with this realm's
 *   global; a string answer is the refusal. Reflect and the original Function are captured here, before the
 *   hidden globals go and before any script code runs.
 * - HOOKS_SOURCE, caught: an error of a library's realm (library.ts) is no instance of this realm's Error, so
 *   an error is also told by its tag. The host answers a string (Rhino's message), or true for an error the script's
 *   catch blocks cannot catch (Rhino lets it pass; finally blocks still run). JSON.parse: a failure asks the
 *   host for the engine's own wording of it (Rhino's JSON parser messages).
 */
export const PRELUDE_SOURCE = String.raw`(function (g, call, clockMs, seed, hidden, KEY) {
  var P = Proxy, HAS_INSTANCE = Symbol.hasInstance, TO_PRIMITIVE = Symbol.toPrimitive, tables = {}, shapes = [], RealDate = Date, isArray = Array.isArray, parse = JSON.parse, S = "string", OTS = Object.prototype.toString, OVO = Object.prototype.valueOf;
  var methods = Object.create(null), IE = typeof InternalError === "function" ? InternalError : Error;
  var lastObject = null, lastName = "", SP = String.prototype, toStr = String, slice = Array.prototype.slice;
  var RealFunction = Function, FP = Function.prototype, E = Error, TE = TypeError, apply = Reflect.apply, build = Reflect.construct;
  function FixedDate(a, b, c, d, e, f, h) {
    var n = arguments.length;
    if (!new.target) return new RealDate(clockMs).toString();
    if (n === 0) return new RealDate(clockMs);
    if (n === 1) return new RealDate(typeof a === S ? FixedDate.parse(a) : a);
    return new RealDate(RealDate.UTC(a, b, n > 2 ? c : 1, n > 3 ? d : 0, n > 4 ? e : 0, n > 5 ? f : 0, n > 6 ? h : 0) + new RealDate(clockMs).getTimezoneOffset() * 60000);
  }
  FixedDate.prototype = RealDate.prototype;
  FixedDate.now = function now() { return clockMs; };
  FixedDate.UTC = RealDate.UTC;
  FixedDate.parse = RealDate.parse;
  Object.defineProperty(RealDate.prototype, "constructor", { value: FixedDate, writable: true, configurable: true });
  g.Date = FixedDate;
  var s = seed >>> 0;
  Math.random = function random() {
    s = (s + 0x6d2b79f5) >>> 0;
    var t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  function get(t, name, self) {
    if (typeof name !== S) {
      if (name === HAS_INSTANCE && (typeof t === "function" || t.m["#instanceof"])) return function (v) { return call(t.i, "#instanceof", 1, v); };
      if (name === TO_PRIMITIVE && t.m["#primitive"]) return function (hint) { return call(t.i, "#primitive", 1, hint); };
      return undefined;
    }
    if (name === KEY) return t.i;
    var fn = t.c[name], id = t.i;
    if (fn) return fn;
    lastObject = self; lastName = name;
    // A Java class's methods are static: Rhino calls them without a "this" (var f = java.lang.String.format; f(...)),
    // so a class (the callable host objects) gets its own, bound to it, where instances share one per class.
    if (t.m[name]) return (t.c[name] = typeof t === "function" ? method(id, name, t.k, t.m[name] === 2, id) : t.s[name] || (t.s[name] = method(id, name, t.k, t.m[name] === 2)));
    return t.d ? call(id, "#get", 1, name) : undefined;
  }
  var realFnToString = Function.prototype.toString;
  function nativeToString() { return "function toString() { [native code for Function.toString, arity=0] }\n"; }
  var fnToString = new P(function toString() {}, {
    apply: function (f, self) { var src = self !== null && (typeof self === "function" || typeof self === "object") ? self[KEY] : undefined; return typeof src === "function" ? src() : realFnToString.call(self); },
    get: function (f, k) { return k === KEY ? nativeToString : f[k]; }
  });
  Object.defineProperty(Function.prototype, "toString", { value: fnToString, writable: true, configurable: true });
  function method(id, name, cls, stringMethod, staticOwner) {
    var text;
    function source() {
      if (text === undefined) { text = call(id, "#source", 1, name); if (typeof text !== S) text = "function " + name + "() {\n    [native code]\n}"; }
      return text;
    }
    return new P(() => {}, {
      apply: function (f, self, a) {
        if (stringMethod) return SP[name].apply(toStr(self), a);
        var n = a.length, to = self !== null && (typeof self === "object" || typeof self === "function") ? self[KEY] : undefined;
        if (typeof to !== "number" && staticOwner !== undefined) to = staticOwner;
        if (typeof to !== "number") throw call(-1, "#evaluator", 1, new IE("Java method \"" + name + "\" was invoked with " + (self == null || self === g ? "[object global]" : toStr(self)) + " as \"this\" value that can not be converted to Java type " + cls + "."));
        return n > 6 ? call(to, name, -1, slice.call(a)) : call(to, name, n, a[0], a[1], a[2], a[3], a[4], a[5]);
      },
      get: function (f, k) { return k === KEY ? source : k === "name" ? name : k === "length" ? 0 : f[k]; }
    });
  }
  function construct(t, a) { return call(t.i, "#new", a.length, a[0], a[1], a[2], a[3], a[4], a[5]); }
  var handler = {
    get: get,
    set: function (t, name, value) { if (typeof name === S && t.d) call(t.i, "#set", 2, name, value); return true; },
    has: function (t, name) { return typeof name === S && (!!t.m[name] || (t.d && get(t, name) !== undefined)); },
    ownKeys: function (t) { return t.d ? call(t.i, "#keys", 0) : []; },
    getOwnPropertyDescriptor: function (t, name) {
      var v = t.d && typeof name === S ? get(t, name) : undefined;
      return v === undefined ? undefined : { value: v, writable: true, enumerable: true, configurable: true };
    },
    defineProperty: function () { return false; },
    deleteProperty: function () { return false; },
    getPrototypeOf: function () { return null; },
    setPrototypeOf: function () { return false; },
    apply: function (t, self, a) { return construct(t, a); },
    construct: construct
  };
  function shape(names, cls) {
    var m = tables[names];
    if (!m) {
      m = tables[names] = Object.create(null);
      var list = names ? names.split(",") : [];
      for (var i = 0; i < list.length; i++) if (list[i].charAt(0) === "~") m[list[i].slice(1)] = 2; else m[list[i]] = true;
    }
    return { m: m, k: cls, s: methods[cls] || (methods[cls] = Object.create(null)) };
  }
  function mk(id, at, dynamic, callable, names, cls) {
    var sh = at >= 0 ? shapes[at] : shape(names, cls);
    var t = callable ? function () {}.bind(null) : {};
    t.i = id; t.m = sh.m; t.c = Object.create(null); t.d = dynamic; t.k = sh.k; t.s = sh.s;
    return new P(t, handler);
  }
  function addShapes(json) { var list = parse(json); for (var i = 0; i < list.length; i++) shapes.push(shape(list[i][0], list[i][1])); }
  function classify(value) {
    var id = value[KEY];
    if (typeof id === "number") return id;
    if (isArray(value)) return -2;
    try { return value.toString === OTS && value.valueOf === OVO ? -1 : -3; } catch (e) { return -3; }
  }
  // Rhino's getDefaultValue: toString first for text, valueOf first for a number (and for "+", but on a Date), with the
  // functions the script gave the object, called through the captured apply; neither giving a primitive is Rhino's TypeError.
  function convert(value, hint) {
    var first = hint === "string" || (hint === "default" && value instanceof RealDate) ? "toString" : "valueOf";
    var order = first === "toString" ? ["toString", "valueOf"] : ["valueOf", "toString"];
    for (var i = 0; i < 2; i++) {
      var f = value[order[i]];
      if (typeof f !== "function") continue;
      var r = apply(f, value, []);
      if (r === null || (typeof r !== "object" && typeof r !== "function")) return hint === "number" ? +r : hint === "string" ? toStr(r) : r;
    }
    throw new TE("Cannot find default value for object.");
  }
  function fromJson(text) { return parse(text); }
  function read(object, key) { return object[key]; }
  var groups = parse(hidden);
  for (var k = 0; k < groups.length; k++) {
    var owner = g, path = groups[k][0] ? groups[k][0].split(".") : [], names = groups[k][1];
    for (var j = 0; j < path.length && owner; j++) owner = owner[path[j]];
    if (owner) for (var n = 0; n < names.length; n++) delete owner[names[n]];
  }
  function lastRead() { return [lastObject, lastName]; }
  function configure(c, sd, k) { clockMs = c; s = sd >>> 0; KEY = k; lastObject = null; lastName = ""; }
  function guardFunction() {
    function check() { var refused = call(-1, "#fn", 1, new E().stack); if (typeof refused === S) throw new E(refused); }
    function nativeText() { return realFnToString.call(RealFunction); }
    var guarded = new P(RealFunction, {
      apply: function (f, self, a) { check(); return apply(f, self, a); },
      construct: function (f, a, nt) { check(); return build(f, a, nt === guarded ? f : nt); },
      get: function (f, k) { return k === KEY ? nativeText : f[k]; }
    });
    Object.defineProperty(FP, "constructor", { value: guarded, writable: true, configurable: true });
    if (g.Function === RealFunction) g.Function = guarded;
  }
  return [mk, classify, fromJson, read, lastRead, configure, addShapes, guardFunction, convert];
})`;

/**
 * The hooks an instrumented script calls (instrument.ts) and the JSON.parse wrapper, compiled only for scripts
 * that need them (each function compiled costs every run). `which` holds "c" (catch), "e" (for each),
 * "q" (==), "t" (throw), "s" (for…in), "l" (localeCompare) and "j" (JSON.parse). Run right after the prelude, before any script code, with Error and
 * SyntaxError still the engine's own.
 */
export const HOOKS_SOURCE = String.raw`(function (g, call, KEY, lastRead, which) {
  var E = Error, SE = SyntaxError, S = "string", tag = Object.prototype.toString;
  if (which.indexOf("c") >= 0) Object.defineProperty(g, "${CATCH_HOOK}", { value: function (x) {
    if (x instanceof E || (x !== null && typeof x === "object" && tag.call(x) === "[object Error]")) {
      // The sandbox's memory running out is AM's OutOfMemoryError, which no catch block of a script keeps; asked
      // here, before the host call, which needs memory of its own.
      if (x.name === "InternalError" && x.message === "out of memory") throw x;
      var m, last = lastRead();
      try { m = call(-1, "#caught", 6, x.name, x.message, x.stack, last[0], last[1], x); } catch (e) {}
      if (m === true) throw x;
      // [message, stack]: the engine's own text of the stack as well (SandboxProfile.formatStack).
      // [message, stack, line, file]: the engine's own text of the stack as well (SandboxProfile.formatStack), and
      // for an error the engine raised its own fileName and lineNumber, enumerable as Rhino's are.
      if (m !== null && typeof m === "object") {
        if (typeof m[1] === S) x.stack = m[1];
        if (typeof m[2] === "number") {
          Object.defineProperty(x, "fileName", { value: m[3], writable: true, enumerable: true, configurable: true });
          Object.defineProperty(x, "lineNumber", { value: m[2], writable: true, enumerable: true, configurable: true });
        }
        m = m[0];
      }
      if (typeof m === S) x.message = m;
    }
    return x;
  } });
  if (which.indexOf("t") >= 0) {
    var none = {}, thrown = none, thrownStack = "";
    Object.defineProperty(g, "${THROW_HOOK}", { value: function (x) {
      if (!(x instanceof E || (x !== null && typeof x === "object" && tag.call(x) === "[object Error]"))) { thrown = x; thrownStack = new E().stack; }
      return x;
    } });
    Object.defineProperty(g, "${THROWN_HOOK}", { value: function () { return [thrown, thrownStack]; } });
  }
  // Rhino 1.7.14 enumerates no index of a string, primitive or object (its own other keys it does).
  function isStr(o) { return typeof o === S || (o !== null && typeof o === "object" && tag.call(o) === "[object String]"); }
  function stringIndex(o, k) { return k !== "" && +k >= 0 && +k < o.length && String(+k) === k; }
  if (which.indexOf("e") >= 0) Object.defineProperty(g, "${EACH_HOOK}", { value: function (o) {
    var out = [], s = isStr(o);
    for (var k in o) if (!s || !stringIndex(o, k)) out.push(o[k]);
    return out;
  } });
  if (which.indexOf("s") >= 0) Object.defineProperty(g, "${FOR_IN_HOOK}", { value: function (o) {
    if (!isStr(o)) return o;
    var keys = {};
    for (var k in o) if (!stringIndex(o, k)) keys[k] = true;
    return keys;
  } });
  if (which.indexOf("q") >= 0) Object.defineProperty(g, "${EQUALITY_HOOK}", { value: function (a, b) {
    if (a !== b && a !== null && b !== null && typeof a === "object" && typeof b === "object" && typeof a[KEY] === "number" && typeof b[KEY] === "number") return call(-1, "#eq", 2, a, b);
    return a == b;
  } });
  // The engine's collation, asked of the host; Rhino's arity (1) and the name a native prints with.
  if (which.indexOf("l") >= 0) Object.defineProperty(String.prototype, "localeCompare", { value: { localeCompare: function (that) {
    return call(-1, "#collate", 2, String(this), String(that));
  } }.localeCompare, writable: true, configurable: true });
  if (which.indexOf("j") >= 0) {
    var realParse = JSON.parse;
    Object.defineProperty(JSON, "parse", { value: function parse(text, reviver) {
      try { return realParse(text, reviver); } catch (e) {
        if (e instanceof SE) { var m = call(-1, "#json", 1, String(text)); if (typeof m === S) e.message = m; }
        throw e;
      }
    }, writable: true, configurable: true });
  }
})`;
