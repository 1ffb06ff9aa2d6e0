/**
 * Built-ins Rhino 1.7.14 has and QuickJS lacks, which scripts written by Java programmers reach for:
 * - `"text".equals(x)` / `equalsIgnoreCase(x)` on JavaScript strings (Rhino adds both to String.prototype: a
 *   next-generation script's `requestParams.grant_type[0].equals("client_credentials")` works in AM);
 * - the static generics `Array.forEach(list, f)`, `Array.join(arguments, ",")`, `String.toUpperCase(s)`, …;
 * - RegExp's legacy statics `RegExp.$1`…`$9`, `lastMatch`, `lastParen`, `leftContext`, `rightContext`, `input`,
 *   `multiline` (and `$&`, `$+`, `` $` ``, `$'`, `$_`, `$*`), set by every successful match.
 * Without them a script that works in AM fails here with "Cannot find function equals" or reads undefined.
 * Goldens: test/conformance/builtins (recorded with `rhino -version 0 -opt -1`). Each part is compiled in only
 * for scripts that name it (each function compiled costs every run).
 */

/** Rhino's static generics and their arities (`Array.slice.length` is 2, `String.split.length` 3: recorded). */
const ARRAY_GENERICS: Record<string, number> = {
  concat: 1, every: 1, filter: 1, find: 1, findIndex: 1, forEach: 1, indexOf: 1, join: 1, lastIndexOf: 1, map: 1, pop: 0,
  push: 1, reduce: 1, reduceRight: 1, reverse: 0, shift: 0, slice: 2, some: 1, sort: 1, splice: 2, unshift: 1,
};
const STRING_GENERICS: Record<string, number> = {
  charAt: 2, charCodeAt: 2, concat: 2, equalsIgnoreCase: 2, indexOf: 2, lastIndexOf: 2, localeCompare: 2, match: 2, replace: 2,
  search: 2, slice: 3, split: 3, substr: 3, substring: 3, toLocaleLowerCase: 1, toLowerCase: 1, toUpperCase: 1,
};

const GENERIC_CALL = new RegExp(
  `\\b(?:Array\\s*\\.\\s*(?:${Object.keys(ARRAY_GENERICS).join("|")})|String\\s*\\.\\s*(?:${Object.keys(STRING_GENERICS).join("|")}))\\b`,
);

/** Whether a script (or library) may use equals/equalsIgnoreCase on a JS string or a static generic. */
export function mayUseRhinoStringAndGenerics(source: string): boolean {
  return /\bequals(?:IgnoreCase)?\b/.test(source) || GENERIC_CALL.test(source);
}

/** Whether a script may read one of RegExp's legacy statics. */
export function mayReadRegExpStatics(source: string): boolean {
  return /\bRegExp\s*(?:\[|\.\s*(?:\$[1-9_*]|input|multiline|lastMatch|lastParen|leftContext|rightContext)\b)/.test(source);
}

export const RHINO_STRING_AND_GENERICS_SOURCE = String.raw`(function (g, AG, SG) {
  var SP = String.prototype, AP = Array.prototype, str = String, def = Object.defineProperty, slice = AP.slice, TE = TypeError;
  function method(owner, name, arity, fn) {
    def(fn, "name", { value: name });
    def(fn, "length", { value: arity });
    def(owner, name, { value: fn, writable: true, configurable: true });
  }
  // Java's Character.toUpperCase / toLowerCase map one char to one char ("\u00df" stays itself).
  function up(c) { var u = c.toUpperCase(); return u.length === 1 ? u : c; }
  function low(c) { var l = c.toLowerCase(); return l.length === 1 ? l : c; }
  method(SP, "equals", 1, function (other) { return str(this) === str(other); });
  method(SP, "equalsIgnoreCase", 1, function (other) {
    var a = str(this), b = str(other);
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) {
      var x = a.charAt(i), y = b.charAt(i);
      if (x !== y && up(x) !== up(y) && low(up(x)) !== low(up(y))) return false;
    }
    return true;
  });
  Object.keys(AG).forEach(function (name) {
    var inner = AP[name];
    method(g.Array, name, AG[name], function (self) {
      if (self === null || self === undefined) throw new TE("Cannot convert " + self + " to an object.");
      return inner.apply(self, slice.call(arguments, 1));
    });
  });
  Object.keys(SG).forEach(function (name) {
    var inner = SP[name];
    // With no argument Rhino's generic works on the String function itself, turned into text.
    method(g.String, name, SG[name], function (self) { return inner.apply(str(arguments.length ? self : g.String), slice.call(arguments, 1)); });
  });
})(this, ${JSON.stringify(ARRAY_GENERICS)}, ${JSON.stringify(STRING_GENERICS)})`;

/*
 * The statics follow the last successful match of any regular expression the script runs: exec and what goes
 * through it (test, match, replace, search, split), and a string pattern's match in replace, match and search.
 * Recorded in Rhino: a miss keeps them; a replace callback reads them all empty; they are read-only, but input
 * ($_) and multiline ($*) can be set; Object.keys(RegExp) lists them in the order defined below.
 */
export const RHINO_REGEXP_STATICS_SOURCE = String.raw`(function (g) {
  var R = g.RegExp, RP = R.prototype, SP = String.prototype, realExec = RP.exec, realReplace = SP.replace, str = String, def = Object.defineProperty;
  // The match is kept as found (its text, where it starts, the searched text); the contexts are cut only when read,
  // so a loop of matches over a long text costs no copy of it per match.
  var EMPTY = { found: [""], at: 0, text: "" }, last = EMPTY, input = "", multiline = false;
  function note(found, text) { last = { found: found, at: found.index, text: text }; }
  function group(i) { var v = last.found[i]; return v === undefined || v === null ? "" : str(v); }
  def(RP, "exec", { value: function exec(s) {
    var text = str(s), found = realExec.call(this, text);
    if (found) note(found, text);
    return found;
  }, writable: true, configurable: true });
  def(SP, "replace", { value: function replace(pattern, replacement) {
    var fn = replacement;
    if (typeof replacement === "function") fn = function () {
      var kept = last;
      last = EMPTY;
      try { return replacement.apply(this, arguments); } finally { last = kept; }
    };
    var text = str(this), result = realReplace.call(this, pattern, fn);
    if (!(pattern instanceof R)) {
      var p = str(pattern), at = text.indexOf(p);
      if (at >= 0) last = { found: [p], at: at, text: text };
    }
    return result;
  }, writable: true, configurable: true });
  def(SP.replace, "length", { value: 2 });
  function readOnly(name, read) { def(R, name, { get: read, set: function () {}, enumerable: true, configurable: true }); }
  for (var n = 9; n >= 1; n--) (function (i) { readOnly("$" + i, function () { return group(i); }); })(n);
  var right = function () { return last.text.slice(last.at + str(last.found[0]).length); }, left = function () { return last.text.slice(0, last.at); };
  var paren = function () { return last.found.length > 1 ? group(last.found.length - 1) : ""; }, match = function () { return group(0); };
  readOnly("$'", right); readOnly("rightContext", right);
  readOnly("$\u0060", left); readOnly("leftContext", left);
  readOnly("$+", paren); readOnly("lastParen", paren);
  readOnly("$&", match); readOnly("lastMatch", match);
  function settable(name, read, write) { def(R, name, { get: read, set: write, enumerable: true, configurable: true }); }
  var getInput = function () { return input; }, setInput = function (v) { input = str(v); };
  var getMulti = function () { return multiline; }, setMulti = function (v) { multiline = !!v; };
  settable("$_", getInput, setInput); settable("input", getInput, setInput);
  settable("$*", getMulti, setMulti); settable("multiline", getMulti, setMulti);
})(this)`;

/** Whether a script may call parseInt. */
export function mayCallParseInt(source: string): boolean {
  return /\bparseInt\b/.test(source);
}

/*
 * parseInt at Rhino's default language version reads a leading zero followed by a digit as octal, from the digit
 * on: parseInt("08") and parseInt("09") are NaN in AM (a month or day taken from a date string), "010" is 8 and
 * "019" is 1; "0x1F" is hex and "0.5" or "0a" stay decimal; an explicit radix is obeyed. Number.parseInt is the same
 * function. Recorded with `rhino -version 0 -opt -1`: test/conformance/builtins (parseInt.*).
 */
export const RHINO_PARSE_INT_SOURCE = String.raw`(function (g) {
  var real = g.parseInt, str = String;
  // StrWhiteSpaceChar, by code: a regular expression here would move RegExp's legacy statics.
  function space(c) { return c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 32 || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff; }
  var parseInt = { parseInt: function (text, radix) {
    if (radix === undefined || (radix | 0) === 0) {
      var s = str(text), i = 0, sign = "";
      while (i < s.length && space(s.charCodeAt(i))) i++;
      if (s.charAt(i) === "+" || s.charAt(i) === "-") sign = s.charAt(i++);
      var next = s.charAt(i + 1);
      if (s.charAt(i) === "0" && next >= "0" && next <= "9") return real(sign + s.slice(i + 1), 8);
    }
    return real(text, radix);
  } }.parseInt;
  Object.defineProperty(g, "parseInt", { value: parseInt, writable: true, configurable: true });
  if (g.Number && g.Number.parseInt === real) Object.defineProperty(g.Number, "parseInt", { value: parseInt, writable: true, configurable: true });
})(this)`;

/** Whether a script may sort an array. */
export function maySort(source: string): boolean {
  return /\bsort\b/.test(source);
}

/*
 * Array.prototype.sort as Rhino 1.7.14 sorts (what its Array.prototype.sort observably does, checked against real
 * Rhino: test/conformance/builtins, sort.*): a quicksort whose pivot is the median of the first, middle and last
 * elements, with insertion sort for ranges of at most 17 elements and once the recursion is 2·log2(n) deep.
 * It is not stable, so elements that compare equal can come out in another order than QuickJS's stable merge
 * sort gives; and a comparator that answers true/false (`return a > b`), which only some orders survive, leaves
 * the array as Rhino leaves it. A comparator's answer counts as Java's Double.compare(answer, 0) reads it (NaN is
 * "greater", -0 "less"); undefined values go last but for holes, which go after them.
 */
export const RHINO_SORT_SOURCE = String.raw`(function (g) {
  var AP = Array.prototype, str = String, TE = TypeError, isArray = Array.isArray, HOLE = {};
  function javaDouble(n) {
    if (n !== n) return "NaN";
    if (n === Infinity || n === -Infinity) return n > 0 ? "Infinity" : "-Infinity";
    if (n === 0) return 1 / n < 0 ? "-0.0" : "0.0";
    var a = n < 0 ? -n : n;
    if (a >= 1e-3 && a < 1e7) return n % 1 === 0 ? n + ".0" : str(n);
    var parts = n.toExponential().split("e"), m = parts[0];
    return (m.indexOf(".") < 0 ? m + ".0" : m) + "E" + (+parts[1]);
  }
  // Rhino names a comparator that is no function with Java's String.valueOf of it.
  function notFunction(v) {
    var t = v === null ? "object" : typeof v;
    var shown = v === null ? "null" : t === "number" ? javaDouble(v) : t === "object" ? (isArray(v) ? "org.mozilla.javascript.NativeArray@1b2c3d4e" : str(v)) : str(v);
    return shown + " is not a function, it is " + t + ".";
  }
  function elements(child) {
    return function (x, y) {
      if (x === undefined) return y === undefined ? 0 : y === HOLE ? -1 : 1;
      if (x === HOLE) return y === HOLE ? 0 : 1;
      if (y === HOLE || y === undefined) return -1;
      return child(x, y);
    };
  }
  function asText(x, y) { var a = str(x), b = str(y); return a < b ? -1 : a > b ? 1 : 0; }
  function byFunction(fn) {
    return function (x, y) {
      var d = +fn(x, y);
      return d < 0 || (d === 0 && 1 / d < 0) ? -1 : d > 0 || d !== d ? 1 : 0;
    };
  }
  function insertion(a, lo, hi, cmp) {
    for (var i = lo; i <= hi; i++) {
      var x = a[i], j = i - 1;
      for (; j >= lo && cmp(a[j], x) > 0; j--) a[j + 1] = a[j];
      a[j + 1] = x;
    }
  }
  function swap(a, i, j) { var t = a[i]; a[i] = a[j]; a[j] = t; }
  // The median of a[lo], a[mid] and a[hi]: the least of the three is found, then the lesser of the other two.
  function median(a, lo, hi, cmp) {
    var mid = lo + ((hi - lo) / 2 | 0), least = lo;
    if (cmp(a[least], a[mid]) > 0) least = mid;
    if (cmp(a[least], a[hi]) > 0) least = hi;
    if (least === lo) return cmp(a[mid], a[hi]) < 0 ? mid : hi;
    if (least === mid) return cmp(a[lo], a[hi]) < 0 ? lo : hi;
    return cmp(a[lo], a[mid]) < 0 ? lo : mid;
  }
  function partition(a, lo, hi, cmp) {
    var m = median(a, lo, hi, cmp), pivot = a[m];
    a[m] = a[lo]; a[lo] = pivot;
    var i = lo, j = hi + 1;
    for (;;) {
      while (cmp(a[++i], pivot) < 0) if (i === hi) break;
      while (cmp(a[--j], pivot) >= 0) if (j === lo) break;
      if (i >= j) break;
      swap(a, i, j);
    }
    swap(a, lo, j);
    return j;
  }
  function hybrid(a, lo, hi, cmp, depth) {
    if (lo >= hi) return;
    if (depth === 0 || hi - lo <= 16) { insertion(a, lo, hi, cmp); return; }
    var p = partition(a, lo, hi, cmp);
    hybrid(a, lo, p, cmp, depth - 1);
    hybrid(a, p + 1, hi, cmp, depth - 1);
  }
  var sort = { sort: function (comparefn) {
    if (this === null || this === undefined) throw new TE("Cannot convert " + this + " to an object.");
    var o = Object(this), cmp;
    if (comparefn !== undefined) {
      if (typeof comparefn !== "function") throw new TE(notFunction(comparefn));
      cmp = elements(byFunction(comparefn));
    } else cmp = elements(asText);
    var n = o.length >>> 0, a = new Array(n);
    for (var i = 0; i < n; i++) a[i] = i in o ? o[i] : HOLE;
    // (int) (log10(n) / log10(2)), twice: how deep the quicksort may go before insertion sort takes over.
    hybrid(a, 0, n - 1, cmp, n > 0 ? 2 * (Math.log10(n) / Math.log10(2) | 0) : 0);
    for (var k = 0; k < n; k++) { if (a[k] === HOLE) delete o[k]; else o[k] = a[k]; }
    return o;
  } }.sort;
  Object.defineProperty(AP, "sort", { value: sort, writable: true, configurable: true });
})(this)`;

/** Whether a script may read an error's fileName or lineNumber. */
export function mayReadErrorPosition(source: string): boolean {
  return /\b(?:fileName|lineNumber)\b/.test(source);
}

/*
 * Rhino's Error.prototype has fileName "" and lineNumber 0, which an error the script builds (new Error("m"))
 * shows; an error the engine raises has its own (the sandbox's catch hook sets them: SandboxProfile.scriptSourceName).
 */
export const RHINO_ERROR_POSITION_SOURCE = String.raw`(function (g) {
  var EP = g.Error.prototype;
  Object.defineProperty(EP, "fileName", { value: "", writable: true, configurable: true });
  Object.defineProperty(EP, "lineNumber", { value: 0, writable: true, configurable: true });
})(this)`;
