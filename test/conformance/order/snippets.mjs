/**
 * Property order as AM's Rhino 1.7.14 (default language version) shows it: a plain object lists its keys in the
 * order they were created, integer-like keys ("2") included, where ES2015 engines (QuickJS, V8, and Rhino itself
 * at -version 200) list integer-like keys first, ascending. Each snippet reports through print(); record.mjs
 * asks `rhino -version 0`, order.test.ts runs each one under both evaluators with print() as logger output.
 */
const BUILD = 'var o = {b: 1}; o["2"] = 2; o.a = 3; o["1"] = 4;\n';

export const SNIPPETS = [
  { id: "keys", source: `${BUILD}print(Object.keys(o).join(","));` },
  { id: "for-in", source: `${BUILD}var s = []; for (var k in o) s.push(k); print(s.join(","));` },
  { id: "for-in-values", source: `${BUILD}var s = []; for (var k in o) s.push(o[k]); print(s.join(","));` },
  { id: "json", source: `${BUILD}print(JSON.stringify(o));` },
  { id: "json-indent", source: `${BUILD}print(JSON.stringify(o, null, 2));` },
  { id: "json-replacer-fn", source: `${BUILD}print(JSON.stringify(o, function (k, v) { return typeof v === "number" ? v * 10 : v; }));` },
  { id: "json-replacer-list", source: `${BUILD}print(JSON.stringify(o, ["a", "1", "b"]));` },
  { id: "json-nested", source: `${BUILD}print(JSON.stringify({outer: o, list: [o]}));` },
  { id: "own-names", source: `${BUILD}print(Object.getOwnPropertyNames(o).join(","));` },
  { id: "literal", source: 'var p = {z: 1, 3: 2, y: 3, "1": 4};\nprint(Object.keys(p).join(",") + " " + JSON.stringify(p));' },
  { id: "literal-nested", source: 'print(JSON.stringify({claims: {"10": "x", name: "n", "2": "y"}}));' },
  { id: "delete-readd", source: 'var q = {x: 1}; q[5] = 1; q[0] = 2; delete q[5]; q[5] = 3;\nprint(Object.keys(q).join(","));' },
  { id: "delete-string-readd", source: 'var q = {b: 1, c: 2}; q[1] = 3; delete q.b; q.b = 4;\nprint(Object.keys(q).join(","));' },
  { id: "overwrite-keeps-place", source: 'var q = {a: 1}; q[7] = 1; q.b = 2; q[7] = 3; q["a"] = 4;\nprint(JSON.stringify(q));' },
  { id: "loop-ids", source: 'var ids = ["30", "4", "200"], byId = {};\nfor (var i = 0; i < ids.length; i++) byId[ids[i]] = i;\nprint(Object.keys(byId).join(",") + " " + JSON.stringify(byId));' },
  { id: "not-index-keys", source: 'var r = {}; r[10] = 1; r[2] = 1; r["-1"] = 1; r["01"] = 1; r[1.5] = 1; r[4294967295] = 1; r[4294967294] = 1;\nprint(Object.keys(r).join(","));' },
  { id: "assign", source: 'var v = Object.assign({}, {b: 1, 1: 2});\nprint(Object.keys(v).join(","));' },
  { id: "assign-into", source: 'var t = {x: 1}; Object.assign(t, {"9": 1}, {y: 2, "3": 3});\nprint(JSON.stringify(t));' },
  { id: "for-each", source: `${BUILD}var s = []; for each (var v in o) s.push(v); print(s.join(","));` },
  { id: "array-dense", source: 'var a = [1, 2]; a.x = 1; a[2] = 3;\nprint(Object.keys(a).join(","));' },
  { id: "array-sparse", source: 'var a = [1, 2]; a.x = 1; a[5] = 3;\nprint(Object.keys(a).join(","));' },
  { id: "json-parse", source: 'var j = JSON.parse(\'{"b": 1, "2": 2, "a": {"9": 0, "c": 1}}\');\nprint(Object.keys(j).join(",") + " " + JSON.stringify(j));' },
  { id: "string-keys-only", source: 'var s = {b: 1}; s.a = 2; s["c"] = 3;\nprint(Object.keys(s).join(",") + " " + JSON.stringify(s));' },
];
