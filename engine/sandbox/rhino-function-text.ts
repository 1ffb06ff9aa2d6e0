/**
 * Function text and toSource as AM's Rhino 1.7.14 has them, for a script that may turn a function into text
 * (function-text.ts decides, and builds the table of the script's functions' texts Rhino would print).
 * Asked of `rhino -version 0` (goldens: test/unit/rhino-function-text.test.ts):
 * - toString()/String(f)/f + "": the re-printed text from the table; a function not in it keeps its text as written.
 *   `f.toString(n)` / `f.toSource(n)` with a positive n: the same text with every line n spaces in.
 * - toSource() and uneval(x): functions in their compact form in parentheses; objects `({a:1, 'b c':2})` (keys
 *   that are not identifiers or indexes in single quotes; nested objects without the parentheses), arrays
 *   `[1, , true]` (null and undefined elements print empty), a cycle as `{}` / `[]`, boxed primitives and dates
 *   `(new Number(5))`, `(new Date(0))`, regular expressions as written, strings in double quotes with Rhino's
 *   escapes, -0 as `-0`, errors `(new Error("m", ""))`, Math and JSON by name.
 * - A bound function prints "function () {\n\t[native code, arity=0]\n}\n", whatever it was bound from.
 * - The functions added here print as Rhino's natives ("function toSource() { [native code for Object.toSource, arity=0] }\n").
 * Plain ASCII: QuickJS parses non-ASCII source on a slower path (the table's text is escaped by the host).
 */
import type { FunctionTextTable } from "../dialect/function-text";

const GUEST = String.raw`(function (g, T) {
  var F = Function.prototype, O = Object.prototype, prev = F.toString, apply = F.call.bind(F.apply), has = O.hasOwnProperty;
  var def = Object.defineProperty, keys = Object.keys, isArray = Array.isArray, proto = Object.getPrototypeOf, str = String;
  var nativeFns = [], nativeTexts = [], pretty = T.pretty, compact = T.compact, ES = Error.prototype;
  var RESERVED = /^(?:break|case|catch|class|const|continue|debugger|default|delete|do|else|enum|export|extends|false|finally|for|function|if|import|in|instanceof|new|null|return|super|switch|this|throw|true|try|typeof|var|void|while|with)$/;
  var MATH = Math, JSON_ = JSON;
  var tag = function (v) { return apply(O.toString, v, []); };
  function written(f) { return apply(prev, f, []); }
  function indented(text, n) {
    var pad = ""; for (var i = 0; i < n; i++) pad += " ";
    return text.split("\n").map(function (l) { return l ? pad + l : l; }).join("\n");
  }
  function quote(s, q) {
    var out = q;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i), ch = s.charAt(i);
      if (c >= 32 && c <= 126 && ch !== q && ch !== "\\") { out += ch; continue; }
      var e = { 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r", 92: "\\" }[c];
      if (e) out += "\\" + e;
      else if (ch === q) out += "\\" + q;
      else { var h = c.toString(16); out += c < 256 ? "\\x" + ("00" + h).slice(-2) : "\\u" + ("0000" + h).slice(-4); }
    }
    return out + q;
  }
  function fnText(f, n) {
    var t = written(f);
    if (typeof t === "string" && has.call(pretty, t)) t = pretty[t];
    return n > 0 ? indented(t, n) : t;
  }
  function fnSource(f, n) {
    var t = written(f);
    if (n > 0) return fnText(f, n);
    if (typeof t === "string" && has.call(compact, t)) return compact[t];
    var builtIn = nativeText(f) || builtInText(f);
    if (builtIn !== null) return builtIn;
    if (isBound(f)) return BOUND;
    if (/\[native code/.test(t)) return t;
    return "(" + t + ")";
  }
  function keyText(k) {
    if (/^(?:0|[1-9][0-9]*)$/.test(k) || (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) && !RESERVED.test(k))) return k;
    return quote(k, "'");
  }
  function source(v, seen, top) {
    if (v === undefined) return "undefined";
    if (v === null) return "null";
    var t = typeof v;
    if (t === "string") return quote(v, "\"");
    if (t === "number") return v === 0 && 1 / v < 0 ? "-0" : str(v);
    if (t === "boolean") return str(v);
    if (t === "function") return fnSource(v, 0);
    if (t !== "object") return str(v);
    if (proto(v) === null) return str(v);
    if (v === MATH) return "Math";
    if (v === JSON_) return "JSON";
    var k = tag(v);
    if (k === "[object Number]") return "(new Number(" + source(Number.prototype.valueOf.call(v)) + "))";
    if (k === "[object String]") return "(new String(" + quote(String.prototype.valueOf.call(v), "\"") + "))";
    if (k === "[object Boolean]") return "(new Boolean(" + Boolean.prototype.valueOf.call(v) + "))";
    if (k === "[object Date]") return "(new Date(" + source(Date.prototype.getTime.call(v)) + "))";
    if (k === "[object RegExp]") return str(v);
    if (k === "[object Error]") return "(new " + v.name + "(" + quote(str(v.message), "\"") + ", \"\"))";
    var array = isArray(v);
    if (seen.indexOf(v) >= 0) return array ? "[]" : "{}";
    seen.push(v);
    var parts = [], out;
    if (array) {
      for (var i = 0; i < v.length; i++) parts.push(v[i] == null ? "" : source(v[i], seen, false));
      // Rhino ends an array whose last element prints empty with one more separator: [1, null] is "[1, , ]".
      out = "[" + parts.join(", ") + (parts.length && parts[parts.length - 1] === "" ? ", " : "") + "]";
    } else {
      var ks = keys(v);
      for (var j = 0; j < ks.length; j++) parts.push(keyText(ks[j]) + ":" + source(v[ks[j]], seen, false));
      out = "{" + parts.join(", ") + "}";
      if (top) out = "(" + out + ")";
    }
    seen.pop();
    return out;
  }
  var OWNERS = "Object,Function,Array,String,Boolean,Number,Date,RegExp,Error,TypeError,RangeError,SyntaxError,ReferenceError,EvalError,URIError,Math,JSON".split(",").map(function (n) { return [n, g[n]]; });
  var GLOBAL_FUNCTIONS = "parseInt,parseFloat,isNaN,isFinite,encodeURI,encodeURIComponent,decodeURI,decodeURIComponent,escape,unescape,eval".split(",").map(function (n) { return [n, g[n]]; });
  function rhinoNative(name, label, arity) { return "function " + name + "() { [native code for " + label + ", arity=" + arity + "] }\n"; }
  function builtInText(f) {
    for (var i = 0; i < GLOBAL_FUNCTIONS.length; i++) if (GLOBAL_FUNCTIONS[i][1] === f) return rhinoNative(GLOBAL_FUNCTIONS[i][0], GLOBAL_FUNCTIONS[i][0], f.length);
    for (var j = 0; j < OWNERS.length; j++) {
      var name = OWNERS[j][0], owner = OWNERS[j][1];
      if (!owner) continue;
      // g[name] too: once a library realm exists the global Function is a guard in front of the real one (library.ts).
      if (owner === f || g[name] === f) return rhinoNative(name, name + "." + name, f.length);
      var places = typeof owner === "function" ? [owner, owner.prototype] : [owner];
      for (var p = 0; p < places.length; p++) {
        var ks = Object.getOwnPropertyNames(places[p]);
        for (var k = 0; k < ks.length; k++) {
          var d = Object.getOwnPropertyDescriptor(places[p], ks[k]);
          if (d && d.value === f) return rhinoNative(ks[k], name + "." + ks[k], f.length);
        }
      }
    }
    return null;
  }
  // Recorded: every bound function prints the same, whatever it was bound from.
  var BOUND = "function () {\n\t[native code, arity=0]\n}\n";
  function isBound(f) { var n = f.name; return typeof n === "string" && n.indexOf("bound ") === 0 && /\[native code\]/.test(written(f)); }
  function nativeText(f) { var i = nativeFns.indexOf(f); return i < 0 ? null : nativeTexts[i]; }
  function native(owner, name, label, arity, fn) {
    nativeFns.push(fn); nativeTexts.push(rhinoNative(name, label, arity));
    def(owner, name, { value: fn, writable: true, configurable: true });
  }
  native(F, "toString", "Function.toString", 0, function toString(n) {
    var own = nativeText(this);
    if (own !== null) return own;
    if (typeof this !== "function") return apply(prev, this, []);
    var t = written(this);
    if (typeof t === "string" && has.call(pretty, t)) return fnText(this, n | 0);
    var builtIn = builtInText(this);
    return builtIn !== null ? builtIn : isBound(this) ? BOUND : t;
  });
  native(F, "toSource", "Function.toSource", 1, function toSource(n) { return fnSource(this, n | 0); });
  native(O, "toSource", "Object.toSource", 0, function toSource() { return source(this, [], true); });
  native(Array.prototype, "toSource", "Array.toSource", 0, function toSource() { return source(this, [], true); });
  native(Number.prototype, "toSource", "Number.toSource", 0, function toSource() { return source(Object(this), [], true); });
  native(String.prototype, "toSource", "String.toSource", 0, function toSource() { return source(Object(this), [], true); });
  native(Boolean.prototype, "toSource", "Boolean.toSource", 0, function toSource() { return source(Object(this), [], true); });
  native(Date.prototype, "toSource", "Date.toSource", 0, function toSource() { return source(this, [], true); });
  native(RegExp.prototype, "toSource", "RegExp.toSource", 0, function toSource() { return source(this, [], true); });
  native(ES, "toSource", "Error.toSource", 0, function toSource() { return source(this, [], true); });
  native(g, "uneval", "uneval", 1, function uneval(v) { return source(v, [], true); });
})`;

/** The guest extra for this script's table: evaluated after the prelude, before the script. */
export function rhinoFunctionTextSource(table: FunctionTextTable): string {
  const json = JSON.stringify(table).replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  return `${GUEST}(globalThis, ${json})`;
}
