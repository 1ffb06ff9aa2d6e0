/**
 * Rhino 1.7.14 built-ins QuickJS lacks, as a script meets them: JavaScript strings' Java-style equals and
 * equalsIgnoreCase, the static generics (Array.forEach(a, f), String.toUpperCase(s)) and RegExp's legacy statics
 * (RegExp.$1, lastMatch, leftContext, …). Each snippet is an expression evaluated in order in ONE script (the
 * RegExp statics carry over from one to the next, as they do in a script), recorded by record.mjs with
 * `rhino -version 0 -opt -1` and compared by test/conformance/builtins.test.ts under both evaluators.
 */
const snippets = [];
/** `java: true`: the snippet builds a java.lang.String, which only the legacy evaluator's allow-list lets a script reach. */
function e(id, expr, java = false) {
  snippets.push(java ? { id, expr, java } : { id, expr });
}

// String.prototype.equals / equalsIgnoreCase: Java's String.equals of both sides' ToString
e("equals.same", `"abc".equals("abc")`);
e("equals.differs", `"abc".equals("abd")`);
e("equals.number", `"1".equals(1)`);
e("equals.null", `"null".equals(null)`);
e("equals.none", `"undefined".equals()`);
e("equals.object", `"[object Object]".equals({})`);
e("equals.extra-args", `"a".equals("a", "b")`);
e("equals.this-number", `String.prototype.equals.call(5, "5")`);
e("equals.java-string", `"abc".equals(new java.lang.String("abc"))`, true);
e("equals.length", `String.prototype.equals.length`);
e("equals.text", `String(String.prototype.equals)`);
e("equalsIgnoreCase.same", `"ABC".equalsIgnoreCase("abc")`);
e("equalsIgnoreCase.null", `"NULL".equalsIgnoreCase(null)`);
e("equalsIgnoreCase.sharp-s", `"\\u00df".equalsIgnoreCase("SS")`);
e("equalsIgnoreCase.titlecase", `"\\u01c5".equalsIgnoreCase("\\u01c6")`);
e("equalsIgnoreCase.dotless-i", `"I".equalsIgnoreCase("\\u0131")`);
e("equalsIgnoreCase.differs", `"abc".equalsIgnoreCase("abd")`);
e("equalsIgnoreCase.length", `String.prototype.equalsIgnoreCase.length`);
e("equals.next-gen-style", `(function () { var gt = ["client_credentials"]; return gt[0].equals("client_credentials"); })()`);

// Array generics: Array.m(thisArg, ...args) is Array.prototype.m called on thisArg
e("array.forEach", `(function () { var o = []; Array.forEach([1, 2], function (v, i) { o.push(v + ":" + i); }); return o.join(); })()`);
e("array.map", `Array.map([1, 2], function (x) { return x * 2; }).join()`);
e("array.filter", `Array.filter([1, 2, 3], function (x) { return x > 1; }).join()`);
e("array.join", `Array.join([1, 2], "-")`);
e("array.join-string", `Array.join("abc", "-")`);
e("array.slice", `Array.slice([1, 2, 3], 1).join()`);
e("array.indexOf", `Array.indexOf(["a", "b"], "b")`);
e("array.some-every", `Array.some([1, 2], function (x) { return x > 1; }) + "," + Array.every([1, 2], function (x) { return x > 1; })`);
e("array.reduce", `Array.reduce([1, 2, 3], function (a, b) { return a + b; })`);
e("array.push", `(function () { var a = [1]; var n = Array.push(a, 2, 3); return n + ":" + a.join(); })()`);
e("array.concat", `Array.concat([1], [2, 3], 4).join()`);
e("array.sort", `Array.sort([3, 1, 2]).join()`);
e("array.find", `Array.find([1, 2, 3], function (x) { return x > 1; })`);
e("array.arguments", `(function () { return Array.slice(arguments, 1).join(); })(1, 2, 3)`);
e("array.null", `Array.join(null, "-")`);
e("array.undefined", `Array.map(undefined, function (x) { return x; })`);
e("array.lengths", `[Array.forEach.length, Array.map.length, Array.join.length, Array.slice.length, Array.splice.length, Array.push.length, Array.concat.length, Array.reduce.length, Array.indexOf.length, Array.sort.length].join()`);
e("array.text", `String(Array.forEach)`);
e("array.typeof", `typeof Array.forEach + typeof Array.findIndex + typeof Array.reduceRight + typeof Array.unshift`);

// String generics: String.m(s, ...args) is String.prototype.m called on ToString(s)
e("string.toUpperCase", `String.toUpperCase("abc")`);
e("string.charAt", `String.charAt("abc", 1)`);
e("string.indexOf", `String.indexOf("abc", "c")`);
e("string.split", `String.split("a,b", ",").length`);
e("string.replace", `String.replace("aa", "a", "b")`);
e("string.substr", `String.substr("abcdef", 2, 2)`);
e("string.number", `String.toLowerCase(12) + String.concat(1, 2)`);
e("string.null", `String.toUpperCase(null)`);
e("string.equalsIgnoreCase", `String.equalsIgnoreCase("AB", "ab")`);
e("string.equals-static", `typeof String.equals`);
e("string.lengths", `[String.charAt.length, String.replace.length, String.split.length, String.substring.length, String.match.length, String.concat.length, String.toUpperCase.length, String.localeCompare.length].join()`);
e("string.text", `String(String.toUpperCase)`);

// RegExp's legacy statics: set by every successful match (exec, test, match, replace, search, split), kept on a miss
e("regexp.test", `(function () { /(\\d+)-(\\w+)/.test("ab12-xy!"); return [RegExp.$1, RegExp.$2, RegExp.$3, RegExp.lastMatch, RegExp["$&"], RegExp.lastParen, RegExp["$+"], RegExp.leftContext, RegExp["$\`"], RegExp.rightContext, RegExp["$'"]].join("|"); })()`);
e("regexp.input-multiline", `RegExp.input + "|" + RegExp["$_"] + "|" + RegExp.multiline + "|" + RegExp["$*"]`);
e("regexp.match", `(function () { "hello world".match(/o (w)/); return RegExp.$1 + "|" + RegExp.leftContext + "|" + RegExp.rightContext; })()`);
e("regexp.replace", `(function () { "k=v".replace(/(\\w)=(\\w)/, "$2"); return RegExp.$1 + RegExp.$2; })()`);
e("regexp.replace-fn", `(function () { var seen = []; "a1b2".replace(/(\\d)/g, function (m) { seen.push(RegExp.$1); return m; }); return seen.join() + "|" + RegExp.$1; })()`);
e("regexp.search", `(function () { "abc".search(/b/); return RegExp.lastMatch + "|" + RegExp["$\`"] + "|" + RegExp["$'"] + "|[" + RegExp.$1 + "]"; })()`);
e("regexp.miss-keeps", `(function () { /zz(q)/.test("nomatch"); return "[" + RegExp.$1 + "]" + RegExp.lastMatch; })()`);
e("regexp.split", `(function () { "a1b2".split(/(\\d)/); return RegExp.$1 + "|" + RegExp.lastMatch; })()`);
e("regexp.exec-global", `(function () { /(x)/g.exec("axbx"); return RegExp.$1 + "|" + RegExp.leftContext; })()`);
e("regexp.match-global", `(function () { "axbxc".match(/x(.)/g); return RegExp.$1 + "|" + RegExp.lastMatch + "|" + RegExp.rightContext; })()`);
e("regexp.empty-global", `(function () { "ab".replace(/(?:)/g, "-"); return "[" + RegExp.lastMatch + "]" + RegExp.leftContext; })()`);
e("regexp.unmatched-group", `(function () { /(a)|(b)/.test("b"); return typeof RegExp.$1 + "[" + RegExp.$1 + "]" + RegExp.$2 + "|" + RegExp.lastParen; })()`);
e("regexp.assign-ignored", `(function () { /(q)/.test("q"); RegExp.$1 = "set"; return RegExp.$1; })()`);
e("regexp.input-assign", `(function () { RegExp.input = "inp"; var r = RegExp.input + "|" + RegExp["$_"]; RegExp.input = ""; return r; })()`);
e("regexp.nine", `(function () { /(1)(2)(3)(4)(5)(6)(7)(8)(9)(0)/.test("1234567890"); return RegExp.$9 + RegExp.$1 + "|" + RegExp.lastParen; })()`);
e("regexp.keys", `Object.keys(RegExp).join()`);
e("regexp.java-string", `(function () { /(\\w+)@(\\w+)/.test(new java.lang.String("joe@ex")); return RegExp.$2; })()`, true);
e("regexp.typeof", `typeof RegExp.$1 + typeof RegExp.lastMatch`);
e("regexp.email", `(function () { var mail = "jane.doe@example.com"; return /^([^@]+)@(.+)$/.test(mail) ? RegExp.$1 + " at " + RegExp.$2 : "no"; })()`);

// for…in and for each…in over a string: Rhino 1.7.14 lists none of its indexes (an own added key it does)
e("for-in.string", `(function () { var k = []; for (var x in "ab") k.push(x); return "[" + k.join() + "]"; })()`);
e("for-in.string-var", `(function () { var s = "abc", k = []; for (var x in s) k.push(x); return "[" + k.join() + "]"; })()`);
e("for-in.string-object", `(function () { var s = new String("ab"), k = []; s.extra = 1; for (var x in s) k.push(x); return "[" + k.join() + "]"; })()`);
e("for-in.array", `(function () { var k = []; for (var x in ["a", "b"]) k.push(x); return "[" + k.join() + "]"; })()`);
e("for-each.string", `(function () { var k = []; for each (var v in "ab") k.push(v); return "[" + k.join() + "]"; })()`);
e("for-in.string-ordered", `(function () { var o = {}; o[2] = 1; o.a = 2; var k = []; for (var x in "xy") k.push(x); for (var y in o) k.push(y); return "[" + k.join() + "]"; })()`);
e("for-in.string-in", `"0" in new String("ab")`);

// localeCompare: Java's Collator (en-US here; record-collation.mjs checks 8,000 more pairs), -1, 0 or 1
e("localeCompare.case", `["b", "A", "a", "B"].sort(function (x, y) { return x.localeCompare(y); }).join()`);
e("localeCompare.values", `["a".localeCompare("B"), "B".localeCompare("a"), "a".localeCompare("a"), "ab".localeCompare("a b"), "r\u00e9sum\u00e9".localeCompare("resume")].join()`);
e("localeCompare.groups", `["group-2", "Group 1", "group_1", "admins", "Admin"].sort(function (x, y) { return x.localeCompare(y); }).join("|")`);
e("localeCompare.none", `"undefined".localeCompare() + "," + "null".localeCompare(null)`);
e("localeCompare.length", `String.prototype.localeCompare.length`);
e("localeCompare.generic", `String.localeCompare("a", "B")`);

// parseInt at the default language version: a leading zero and a digit read as octal from the digit on
e("parseInt.octal", `(function () { var c = ["0", "00", "08", "09", "019", "0.5", "09.5", " 09", "-08", "+010", "0x10", "0X1f", "0e1", "0a", "\\t012", "010", "012345678", "0777", "0008", "-00", "0_7"], out = []; for (var i = 0; i < c.length; i++) out.push(parseInt(c[i]) + "/" + parseInt(c[i], 0) + "/" + parseInt(c[i], undefined) + "/" + parseInt(c[i], 10)); return out.join(" "); })()`);
e("parseInt.date-parts", `(function () { var p = "2024-08-09".split("-"); return [parseInt(p[0]), parseInt(p[1]), parseInt(p[2]), parseInt(p[1], 10), Number(p[1])].join(); })()`);
e("parseInt.radix-8", `parseInt("08", 8) + "," + parseInt(8) + "," + parseInt(010)`);
e("parseInt.number-static", `Number.parseInt === parseInt ? Number.parseInt("09") : "differs"`);
e("parseInt.text", `parseInt.length + " " + String(parseInt)`);

// Array.prototype.sort as Rhino sorts: not stable, and what a true/false comparator leaves; the comparator's calls
// are counted, which only the same algorithm reproduces. LCG-made arrays of many sizes, powers of two among them.
const SORT_SETUP = `var lcg = function (seed) { var s = seed; return function () { s = (s * 1103515245 + 12345) % 2147483648; return s; }; };
var made = function (n, seed, mod) { var r = lcg(seed), a = []; for (var i = 0; i < n; i++) a.push(r() % mod); return a; };
var sizes = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 18, 19, 20, 31, 32, 33, 50, 64, 65, 100, 128, 200, 256, 513, 1024];`;
function sortCase(id, body) {
  e(id, `(function () { ${SORT_SETUP} var out = []; for (var k = 0; k < sizes.length; k++) { var n = sizes[k], calls = 0; ${body} } return out.join(" | "); })()`);
}
sortCase("sort.numeric", `var a = made(n, 11 + k, 1000); a.sort(function (x, y) { calls++; return x - y; }); out.push(a.join(",") + "#" + calls);`);
sortCase("sort.boolean-greater", `var a = made(n, 3 + k, 20); a.sort(function (x, y) { calls++; return x > y; }); out.push(a.join(",") + "#" + calls);`);
sortCase("sort.boolean-less", `var a = made(n, 5 + k, 20); a.sort(function (x, y) { calls++; return x < y; }); out.push(a.join(",") + "#" + calls);`);
sortCase("sort.ties-by-key", `var a = made(n, 7 + k, 4).map(function (v, i) { return { v: v, i: i }; }); a.sort(function (x, y) { calls++; return x.v - y.v; }); out.push(a.map(function (o) { return o.i; }).join(",") + "#" + calls);`);
sortCase("sort.constant-zero", `var a = made(n, 9 + k, 50); a.sort(function () { calls++; return 0; }); out.push(a.join(",") + "#" + calls);`);
sortCase("sort.default-text", `var a = made(n, 13 + k, 300); a.sort(); out.push(a.join(","));`);
sortCase("sort.nan-and-negative-zero", `var a = made(n, 17 + k, 30); a.sort(function (x, y) { calls++; return x === y ? -0 : x % 7 === 0 ? NaN : x - y; }); out.push(a.join(",") + "#" + calls);`);
e("sort.undefined-and-holes", `(function () { var a = [3, undefined, 1, , null, 2, undefined, , "b", "a"]; a.sort(); var b = [3, undefined, 1, , 2]; b.sort(function (x, y) { return y - x; }); return a.length + ":" + a.map(function (v) { return v === undefined ? "u" : String(v); }).join(",") + "/" + (9 in a) + (8 in a) + "|" + b.length + ":" + b.join(",") + "/" + (4 in b); })()`);
e("sort.returns-and-generic", `(function () { var a = [2, 1]; var same = a.sort() === a; var o = { 0: "b", 1: "a", length: 2 }; Array.prototype.sort.call(o); return same + " " + o[0] + o[1] + " " + Array.sort([3, 2, 1]).join() + " " + Array.prototype.sort.length; })()`);
e("sort.not-a-function", `(function () { var out = []; var vals = [5, 2.5, "x", null, true, {}]; for (var i = 0; i < vals.length; i++) { try { [2, 1].sort(vals[i]); out.push("sorted"); } catch (e) { out.push(e.message); } } return out.join(" | "); })()`);

export default snippets;
