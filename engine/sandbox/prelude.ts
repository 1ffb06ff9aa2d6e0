/**
 * The guest-side prelude, evaluated in every fresh context before the user's script. It is kept tiny on
 * purpose: QuickJS compiles source on every run, so the binding logic lives on the host and the guest
 * only gets a factory for opaque proxies of host objects, a fixed clock, a seeded Math.random and the
 * Rhino surface (globals Rhino lacks removed). Everything it uses is captured before the user's script
 * can tamper with prototypes.
 */
export const PRELUDE_SOURCE = String.raw`(function (g, call, clockMs, seed, hiddenPaths) {
  var P = Proxy, WM = WeakMap, create = Object.create, defineProperty = Object.defineProperty;
  var ids = new WM();
  var RealDate = Date;
  function FixedDate(a, b, c, d, e, f, h) {
    var n = arguments.length;
    if (!new.target) return new RealDate(clockMs).toString();
    if (n === 0) return new RealDate(clockMs);
    if (n === 1) return new RealDate(a);
    return new RealDate(RealDate.UTC(a, b, n > 2 ? c : 1, n > 3 ? d : 0, n > 4 ? e : 0, n > 5 ? f : 0, n > 6 ? h : 0) + new RealDate(clockMs).getTimezoneOffset() * 60000);
  }
  FixedDate.prototype = RealDate.prototype;
  FixedDate.now = function now() { return clockMs; };
  FixedDate.UTC = RealDate.UTC;
  FixedDate.parse = RealDate.parse;
  defineProperty(RealDate.prototype, "constructor", { value: FixedDate, writable: true, configurable: true });
  g.Date = FixedDate;
  var s = seed >>> 0;
  function random() {
    s = (s + 0x6d2b79f5) >>> 0;
    var t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  Math.random = random;
  function mk(id, names, dynamic, callable) {
    var methods = create(null), cache = create(null), list = names ? names.split(",") : [];
    for (var i = 0; i < list.length; i++) methods[list[i]] = true;
    var target = callable ? function () {} : {};
    var handler = {
      get: function (t, name) {
        if (typeof name !== "string") return undefined;
        var fn = cache[name];
        if (fn) return fn;
        if (methods[name]) {
          fn = function (a, b, c, d, e, f) { return call(id, name, arguments.length, a, b, c, d, e, f); };
          cache[name] = fn;
          return fn;
        }
        if (dynamic) return call(id, "#get", 1, name);
        return undefined;
      },
      set: function (t, name, value) {
        if (typeof name === "string" && dynamic) call(id, "#set", 2, name, value);
        return true;
      },
      has: function (t, name) {
        if (typeof name !== "string") return false;
        return methods[name] === true || (dynamic && call(id, "#get", 1, name) !== undefined);
      },
      ownKeys: function () { return dynamic ? call(id, "#keys", 0) : []; },
      getOwnPropertyDescriptor: function (t, name) {
        if (!dynamic || typeof name !== "string") return undefined;
        var v = call(id, "#get", 1, name);
        return v === undefined ? undefined : { value: v, writable: true, enumerable: true, configurable: true };
      },
      defineProperty: function () { return false; },
      deleteProperty: function () { return false; },
      getPrototypeOf: function () { return null; },
      setPrototypeOf: function () { return false; }
    };
    if (callable) {
      handler.construct = function (t, args) { return call(id, "#new", args.length, args[0], args[1], args[2], args[3], args[4], args[5]); };
      handler.apply = function (t, self, args) { return call(id, "#new", args.length, args[0], args[1], args[2], args[3], args[4], args[5]); };
    }
    var p = new P(target, handler);
    ids.set(p, id);
    return p;
  }
  var isArray = Array.isArray;
  /* >= 0: a host object's id; -1: a plain object; -2: an array. */
  function classify(value) { var id = ids.get(value); return id !== undefined ? id : isArray(value) ? -2 : -1; }
  var parse = JSON.parse;
  function fromJson(text) { return parse(text); }
  var hidden = hiddenPaths ? hiddenPaths.split(",") : [];
  for (var k = 0; k < hidden.length; k++) {
    var path = hidden[k].split("."), owner = g;
    for (var j = 0; j < path.length - 1 && owner; j++) owner = owner[path[j]];
    if (owner) delete owner[path[path.length - 1]];
  }
  function read(object, key) { return object[key]; }
  return [mk, classify, fromJson, read];
})`;
