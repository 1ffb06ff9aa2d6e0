/**
 * Property order as AM's Rhino 1.7.14 (default language version) has it: a plain object lists its keys in the
 * order they were created, integer-like keys ("2") too, where QuickJS (as ES2015 asks) lists integer-like keys
 * first, ascending. Goldens: test/conformance/order/order.golden.json (`rhino -version 0`).
 *
 * QuickJS keeps the insertion order internally but does not show it, so for a script that can create such keys
 * (instrument.ts decides, by its text) the instrumentation calls these hooks and this guest code keeps the order
 * of each object that got an integer-like key:
 * - `{b: 1, 2: 2}` becomes `__playgroundLit({b: 1, 2: 2}, ["b", "2"])` (the literal's own order);
 * - `o[k] = v` and `o.k = v` (and `+=`, `++`) become `o[__playgroundKey(o, k)] = v`: the key is noted before the
 *   write, in O(1);
 * - `delete o[k]` / `delete o.k` become `delete o[__playgroundDel(o, k)]`, so a key deleted and created again
 *   moves to the end, as in Rhino;
 * - `for (k in o)` becomes `for (k of __playgroundIn(o))`: o's keys in that order, then its inherited ones;
 *   `for each (v in o)` becomes `for (v of __playgroundValues(o))`.
 * JSON.parse records the text's order where it has an integer-like key. Object.keys, Object.getOwnPropertyNames,
 * Object.assign and JSON.stringify consult it (Object.entries / values do
 * not exist in Rhino 1.7.14 and are hidden). A key created where no hook runs (Object.defineProperty, a library's
 * code, a write through a call `f().k = v`) is listed after the noted ones, in QuickJS's order. Arrays are left
 * alone: a dense array lists its indexes first in both engines (a sparse one differs: see the known gaps).
 * Compiled only for the scripts that need it (each function compiled costs every run).
 */
export const ORDER_KEY_HOOK = "__playgroundKey";
export const ORDER_LITERAL_HOOK = "__playgroundLit";
export const ORDER_DELETE_HOOK = "__playgroundDel";
export const ORDER_IN_HOOK = "__playgroundIn";
export const ORDER_VALUES_HOOK = "__playgroundValues";

export const PROPERTY_ORDER_SOURCE = String.raw`(function (g) {
  var O = Object, names = O.getOwnPropertyNames, nativeSymbols = O.getOwnPropertySymbols;
  var nativeKeys = O.keys, nativeAssign = O.assign, has = O.prototype.hasOwnProperty, isEnumerable = O.prototype.propertyIsEnumerable;
  var isArray = Array.isArray, proto = O.getPrototypeOf, str = String, def = O.defineProperty, stringify = JSON.stringify, nativeStringify = stringify;
  var apply = function (f, self) { return f.call(self); };
  // Rhino has no WeakMap or Symbol (the prelude hid them): each object keeps its order under a symbol of its own,
  // made with the Symbol constructor a built-in symbol still leads to; no listing of keys shows it.
  var MakeSymbol = nativeSymbols(Array.prototype)[0].constructor, ORDER = MakeSymbol("order"), ITERATOR = MakeSymbol.iterator;
  function symbols(o) { return nativeSymbols(o).filter(function (s) { return s !== ORDER; }); }
  function own(o, mark) { return has.call(o, mark) ? o[mark] : undefined; }
  function keep(o, mark, value) { try { def(o, mark, { value: value, writable: true, configurable: true }); } catch (e) {} }
  var order = { get: function (o) { return own(o, ORDER); }, has: function (o) { return has.call(o, ORDER); }, set: function (o, list) { keep(o, ORDER, list); } };
  // Without a regular expression: RegExp's legacy statics (rhino-builtins.ts) follow every match, and Rhino's for…in makes none.
  function isIndex(k) { var n = +k; return n >= 0 && n <= 4294967294 && n % 1 === 0 && str(n) === k; }
  // Objects whose order can be kept: not arrays, not the playground's host objects (they have no prototype).
  function keepable(o) { return o !== null && (typeof o === "object" || typeof o === "function") && !isArray(o) && proto(o) !== null; }
  function toKey(k) { return typeof k === "symbol" ? k : str(k); }
  // The object's own string keys in creation order: the recorded ones still there, then those created since.
  function ordered(o, list) {
    var now = names(o), present = O.create(null), seen = O.create(null), out = [], i;
    for (i = 0; i < now.length; i++) present[now[i]] = true;
    for (i = 0; i < list.length; i++) if (present[list[i]] === true && seen[list[i]] !== true) { seen[list[i]] = true; out.push(list[i]); }
    for (i = 0; i < now.length; i++) if (seen[now[i]] !== true) out.push(now[i]);
    order.set(o, out);
    return out;
  }
  function ownNames(o) { var list = order.get(o); return list ? ordered(o, list).slice() : names(o); }
  function enumerableKeys(o) {
    var all = ownNames(o), out = [];
    for (var i = 0; i < all.length; i++) if (isEnumerable.call(o, all[i])) out.push(all[i]);
    return out;
  }
  function noteKey(o, k) {
    if (!keepable(o)) return k;
    var key = toKey(k);
    if (typeof key !== "string" || has.call(o, key)) return key;
    var list = order.get(o);
    if (!list) {
      if (!isIndex(key)) return key;
      order.set(o, (list = names(o)));
    }
    list.push(key);
    return key;
  }
  // for…in as Rhino walks it: the own keys in creation order, then inherited ones; a key deleted meanwhile is skipped.
  function forIn(o) {
    var ks = [], i = 0, obj = o === null || o === undefined ? null : O(o), k;
    if (obj !== null) {
      // Rhino 1.7.14 lists no index of a string (primitive or object).
      var text = typeof o === "string" || apply(O.prototype.toString, obj) === "[object String]";
      for (k in obj) if (!text || !(isIndex(k) && +k < obj.length)) ks.push(k);
      if (keepable(obj) && order.has(obj)) {
        var inherited = ks.filter(function (n) { return !has.call(obj, n); });
        ks = enumerableKeys(obj).concat(inherited);
      }
    }
    var it = { next: function () {
      while (i < ks.length) { k = ks[i++]; if (k in obj) return { value: k, done: false }; }
      return { value: undefined, done: true };
    } };
    it[ITERATOR] = function () { return it; };
    return it;
  }
  // Whether a value handed to JSON.stringify reaches an object whose order is kept (own data properties only).
  function reachesKept(v, seen) {
    if (v === null || typeof v !== "object" || seen.indexOf(v) >= 0) return false;
    if (keepable(v) && order.has(v)) return true;
    if (proto(v) === null) return false;
    seen.push(v);
    var ks = names(v);
    for (var i = 0; i < ks.length; i++) {
      var d = O.getOwnPropertyDescriptor(v, ks[i]);
      if (d && "value" in d && reachesKept(d.value, seen)) return true;
    }
    return false;
  }
  var TAG = O.prototype.toString;
  // JSON.stringify (ES5.1 15.12.3) listing each object's keys as Rhino does; used only where a kept order is reached.
  function serialize(value, fn, space) {
    var gap = "", stack = [], c = space !== null && typeof space === "object" ? apply(TAG, space) : "";
    if (c === "[object Number]") space = Number(space); else if (c === "[object String]") space = str(space);
    if (typeof space === "number") { for (var n = Math.min(10, Math.floor(space)); n >= 1; n--) gap += " "; }
    else if (typeof space === "string") gap = space.slice(0, 10);
    function one(holder, key, indent) {
      var v = holder[key];
      if (v !== null && (typeof v === "object" || typeof v === "function") && typeof v.toJSON === "function") v = v.toJSON(key);
      if (fn) v = fn.call(holder, key, v);
      if (v !== null && typeof v === "object") {
        var t = apply(TAG, v);
        if (t === "[object Number]") v = Number(v); else if (t === "[object String]") v = str(v); else if (t === "[object Boolean]") v = v.valueOf();
      }
      if (v === null || typeof v !== "object") return typeof v === "function" ? undefined : stringify(v);
      // A host object: as the engine's own JSON.stringify gives it.
      if (proto(v) === null) { var h = stringify(v, null, gap); return h === undefined ? h : h.split("\n").join("\n" + indent); }
      if (stack.indexOf(v) >= 0) stringify(v);
      stack.push(v);
      var inner = indent + gap, parts = [], i, out;
      if (isArray(v)) {
        for (i = 0; i < v.length; i++) { var item = one(v, str(i), inner); parts.push(item === undefined ? "null" : item); }
        out = parts.length === 0 ? "[]" : gap ? "[\n" + inner + parts.join(",\n" + inner) + "\n" + indent + "]" : "[" + parts.join(",") + "]";
      } else {
        var ks = order.has(v) ? enumerableKeys(v) : nativeKeys(v);
        for (i = 0; i < ks.length; i++) { var m = one(v, ks[i], inner); if (m !== undefined) parts.push(stringify(ks[i]) + (gap ? ": " : ":") + m); }
        out = parts.length === 0 ? "{}" : gap ? "{\n" + inner + parts.join(",\n" + inner) + "\n" + indent + "}" : "{" + parts.join(",") + "}";
      }
      stack.pop();
      return out;
    }
    return one({ "": value }, "", "");
  }
  function hook(name, fn) { def(g, name, { value: fn }); }
  hook("${ORDER_KEY_HOOK}", noteKey);
  hook("${ORDER_LITERAL_HOOK}", function (o, list) {
    var kept = [], seen = O.create(null);
    for (var i = 0; i < list.length; i++) if (seen[list[i]] !== true && has.call(o, list[i])) { seen[list[i]] = true; kept.push(list[i]); }
    order.set(o, kept);
    return o;
  });
  hook("${ORDER_DELETE_HOOK}", function (o, k) {
    var key = toKey(k), list = keepable(o) ? order.get(o) : undefined;
    if (list && typeof key === "string") { var at = list.indexOf(key); if (at >= 0) list.splice(at, 1); }
    return key;
  });
  hook("${ORDER_IN_HOOK}", forIn);
  // for each…in: the values, taken at the start (as the sandbox's plain for each hook takes them).
  hook("${ORDER_VALUES_HOOK}", function (o) {
    var it = forIn(o), out = [], step, obj = O(o);
    while (!(step = it.next()).done) out.push(obj[step.value]);
    return out;
  });
  function method(owner, name, fn) { def(owner, name, { value: fn, writable: true, configurable: true }); }
  method(O, "keys", function keys(o) { return keepable(o) && order.has(o) ? enumerableKeys(o) : nativeKeys(o); });
  method(O, "getOwnPropertyNames", function getOwnPropertyNames(o) { return keepable(o) && order.has(o) ? ownNames(o) : names(o); });
  method(O, "getOwnPropertySymbols", function getOwnPropertySymbols(o) { return symbols(o); });
  method(O, "assign", function assign(target) {
    var to = O(target);
    for (var i = 1; i < arguments.length; i++) {
      var from = arguments[i];
      if (from === null || from === undefined) continue;
      from = O(from);
      var ks = keepable(from) && order.has(from) ? enumerableKeys(from) : nativeKeys(from);
      for (var j = 0; j < ks.length; j++) to[noteKey(to, ks[j])] = from[ks[j]];
      nativeAssign(to, symbolsOnly(from));
    }
    return to;
  });
  function symbolsOnly(from) {
    var out = {}, s = symbols(from);
    for (var i = 0; i < s.length; i++) if (isEnumerable.call(from, s[i])) out[s[i]] = from[s[i]];
    return out;
  }
  // JSON.parse: Rhino's parser creates each object's keys in the text's order. The keys of each object, in the order
  // the objects open in the text (the parsed value is walked in the same order); null when a key repeats.
  function keysInText(text) {
    var lists = [], stack = [], i = 0, n = text.length, ch, start, list;
    while (i < n) {
      ch = text.charAt(i);
      if (ch === "{") { stack.push(lists.length); lists.push([]); i++; }
      else if (ch === "[") { stack.push(-1); i++; }
      else if (ch === "}" || ch === "]") { stack.pop(); i++; }
      else if (ch === '"') {
        start = i++;
        while (i < n && text.charAt(i) !== '"') i += text.charAt(i) === "\\" ? 2 : 1;
        var token = text.slice(start, ++i), j = i;
        while (j < n && /\s/.test(text.charAt(j))) j++;
        if (text.charAt(j) === ":" && stack.length && stack[stack.length - 1] >= 0) {
          list = lists[stack[stack.length - 1]];
          var key = nativeParse(token);
          if (list.indexOf(key) >= 0) return null;
          list.push(key);
        }
      } else i++;
    }
    return lists;
  }
  var nativeParse = JSON.parse, INDEX_IN_TEXT = /"(?:0|[1-9][0-9]*)"\s*:/;
  method(JSON, "parse", function parse(text, reviver) {
    var value = nativeParse.apply(JSON, arguments);
    if (typeof reviver === "function" || typeof text !== "string" || !INDEX_IN_TEXT.test(text)) return value;
    var lists = keysInText(text), next = 0;
    if (lists === null) return value;
    (function walk(v) {
      if (v === null || typeof v !== "object") return;
      if (isArray(v)) { for (var a = 0; a < v.length; a++) walk(v[a]); return; }
      var list = lists[next++] || [];
      if (list.some(isIndex)) order.set(v, list.slice());
      for (var k = 0; k < list.length; k++) walk(v[list[k]]);
    })(value);
    return value;
  });
  method(JSON, "stringify", function stringify(value, replacer, space) {
    if (isArray(replacer) || !reachesKept(value, [])) return nativeStringify(value, replacer, space);
    return serialize(value, typeof replacer === "function" ? replacer : null, space);
  });
})(globalThis)`;
