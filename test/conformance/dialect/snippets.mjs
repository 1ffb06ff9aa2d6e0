/**
 * Inputs for the Rhino dialect goldens. Each snippet is compiled by real Rhino 1.7.14 (-version 0) in
 * record.mjs; the answers land in syntax.golden.json. Ids are stable: add new snippets, do not rename.
 *
 * Features are placed in several positions so the checker's line (and column) must follow the source:
 * top level, inside a function body, after a few lines of ordinary code, and inside a realistic
 * access-token modification script.
 */

/** Statement-level fragments: [id, source]. Each is placed in every position below. */
const features = [
  // let / const
  ["let-decl", "let x = 1;"],
  ["let-no-init", "let total;"],
  ["let-object-pattern", "let {a} = o;"],
  ["let-array-index", "let [a] = arr;"],
  ["let-multi", "let a = 1, b = 2;"],
  ["const-decl", "const limit = 10;"],
  ["const-object-pattern", "const {a} = o;"],
  ["const-renamed-pattern", "const {a: b} = o;"],
  ["const-array-pattern", "const [first] = arr;"],
  ["for-const-in", "for (const k in o) { n++; }"],
  ["for-const-classic", "for (const i = 0; i < 2; ) { break; }"],
  ["for-let-classic", "for (let i = 0; i < 2; i++) { n++; }"],
  ["for-let-in", "for (let k in o) { n++; }"],
  // for...of
  ["for-var-of", "for (var v of list) { n++; }"],
  ["for-bare-of", "for (v of list) { n++; }"],
  ["for-const-of", "for (const v of list) { n++; }"],
  ["for-let-of", "for (let v of list) { n++; }"],
  // destructuring
  ["var-object-shorthand-pattern", "var {a, b} = o;"],
  ["var-object-renamed-pattern", "var {a: x, b: y} = o;"],
  ["var-array-pattern", "var [a, b] = arr;"],
  ["var-array-default", "var [a = 1] = arr;"],
  ["var-array-rest", "var [a, ...rest] = arr;"],
  ["var-object-default", "var {a = 1} = o;"],
  ["var-object-renamed-default", "var {a: x = 1} = o;"],
  ["var-nested-pattern", "var {a: {b: c}} = o;"],
  ["assign-object-pattern", "({a: x} = o);"],
  ["assign-array-swap", "[a, b] = [b, a];"],
  // object literals
  ["object-shorthand", "var o = {a};"],
  ["object-shorthand-mixed", "var o = {a, b: 1};"],
  ["object-computed-key", "var o = {[k]: 1};"],
  ["object-method", "var o = {m() { return 1; }};"],
  ["object-getter-setter", "var o = {get x() { return 1; }, set x(v) { this._x = v; }};"],
  ["object-spread", "var o = {a: 1, ...rest};"],
  ["object-async-method", "var o = {async m() {}};"],
  ["object-generator-method", "var o = {*g() {}};"],
  ["object-quoted-numeric-keys", "var o = {'quoted': 1, 2: 'n', get: 3, set: 4};"],
  ["object-keyword-keys", "var o = {if: 1, class: 2, new: 3, default: 4};"],
  // parameters
  ["param-default", "function f(a, b = 1) { return a; }"],
  ["param-rest", "function f(a, ...rest) { return rest; }"],
  ["param-object-shorthand", "function f({a}) { return a; }"],
  ["param-object-renamed", "function f({a: x}) { return x; }"],
  ["param-array", "function f([a, b]) { return a; }"],
  ["param-trailing-comma", "function f(a, b,) { return a; }"],
  ["arrow-default", "var g = (a = 1) => a;"],
  ["arrow-rest", "var g = (...a) => a;"],
  ["arrow-object-param", "var g = ({a}) => a;"],
  ["arrow-trailing-comma", "var g = (a, b,) => a;"],
  ["arrow-duplicate-params", "var g = (a, a) => a;"],
  // spread
  ["call-spread", "f(...args);"],
  ["array-spread", "var a = [1, ...b];"],
  ["new-spread", "var d = new F(...args);"],
  // classes
  ["class-decl", "class A {}"],
  ["class-extends", "class A extends B { constructor() { super(); } }"],
  ["class-expr", "var C = class {};"],
  // generators
  ["generator-decl", "function* g() { yield 1; }"],
  ["generator-decl-space", "function *g() {}"],
  ["generator-expr-empty", "var g = function* () {};"],
  ["generator-expr-yield", "var g = function* () { yield 1; };"],
  // async
  ["async-function", "async function f() {}"],
  ["async-function-expr", "var f = async function () {};"],
  ["async-arrow", "var f = async () => 1;"],
  ["async-arrow-await", "var f = async (x) => { await x; };"],
  ["await-identifier-call", "var x = await(y);"],
  // operators
  ["exponent", "var x = 2 ** 10;"],
  ["exponent-assign", "x **= 2;"],
  ["optional-member", "var x = a?.b;"],
  ["optional-index", "var x = a?.[0];"],
  ["optional-call", "var x = f?.();"],
  ["nullish", "var x = a ?? b;"],
  ["nullish-assign", "a ??= b;"],
  ["or-assign", "a ||= b;"],
  ["and-assign", "a &&= b;"],
  ["ternary-chain", "var x = a ? b : c ? d : e;"],
  // catch
  ["catch-optional-binding", "try { f(); } catch { n++; }"],
  ["catch-object-pattern", "try { f(); } catch ({message}) { n++; }"],
  ["catch-array-pattern", "try { f(); } catch ([a]) { n++; }"],
  ["catch-plain", "try { f(); } catch (e) { n++; }"],
  ["catch-guard", "try { f(); } catch (e if e instanceof TypeError) { n++; }"],
  // numbers
  ["numeric-separator", "var x = 1_000_000;"],
  ["bigint", "var x = 10n;"],
  ["octal-0o", "var x = 0o17;"],
  ["binary-0b", "var x = 0b101;"],
  ["legacy-octal", "var x = 017 + 08;"],
  ["hex-and-exponent-numbers", "var x = 0x1F + 1e3 + .5e-3 + 1.;"],
  // misc ES2015+
  ["new-target", "function F() { return new.target; }"],
  ["tagged-template", "var t = tag`a${b}`;"],
  ["string-raw", "var t = String.raw`a\\nb`;"],
  ["template-literal", "var t = `Hello ${name}!`;"],
  ["template-multiline", "var t = `line one\nline two ${x}`;"],
  ["template-nested", "var t = `${`${a}`}`;"],
  ["arrow-expression", "var g = (a, b) => a + b;"],
  ["arrow-block", "var g = a => { return a; };"],
  ["arrow-object-body", "var g = () => ({a: 1});"],
  ["arrow-curried", "var g = a => b => a + b;"],
  ["arrow-newline-before-arrow", "var g = (a)\n  => a;"],
  ["arrow-newline-after-arrow", "var g = a =>\n  a + 1;"],
  ["trailing-comma-call", "f(1, 2,);"],
  ["trailing-comma-array", "var a = [1, 2,];"],
  ["trailing-comma-object", "var o = {a: 1,};"],
  ["regex-flag-u", "var r = /a/u;"],
  ["regex-flag-s", "var r = /a/s;"],
  ["regex-flag-y", "var r = /a/y;"],
  ["regex-flag-d", "var r = /a/d;"],
  ["regex-flag-v", "var r = /a/v;"],
  ["regex-duplicate-flag", "var r = /a/gg;"],
  ["regex-named-group", "var r = /(?<name>a)/;"],
  ["regex-lookbehind", "var r = /(?<=a)b/;"],
  ["import-decl", "import x from \"y\";"],
  ["export-decl", "export var x = 1;"],
  ["dynamic-import", "var p = import(\"x\");"],
  ["import-meta", "var m = import.meta;"],
  ["for-each-in", "for each (var v in o) { n++; }"],
  ["e4x-literal", "var x = <a>b</a>;"],
  ["anonymous-function-statement", "function () { return 1; }"],
  ["reserved-word-class-identifier", "var class = 1;"],
  ["reserved-word-enum-identifier", "var enum = 1;"],
  ["strict-identifier-names", "var interface = 1, static = 2, yield = 3, let = 4, await = 5;"],
  ["with-statement", "with (o) { x = 1; }"],
  ["labelled-break", "outer: for (;;) { break outer; }"],
  ["getter-with-param", "var o = {get x(a) { return a; }};"],
  ["setter-without-param", "var o = {set x() {}};"],
  ["block-function", "if (a) { function inner() {} }"],
  ["unicode-escape-identifier", "var \\u0061b = 1;"],
  ["unicode-codepoint-escape-string", "var s = \"\\u{1F600}\";"],
  ["octal-escape-template", "var t = `\\01`;"],
  ["debugger-statement", "debugger;"],
  ["html-comment", "x = 1; <!-- old browsers\n"],
  ["strict-with", "(function () { \"use strict\"; with (o) {} })();"],
  ["strict-duplicate-property", "(function () { \"use strict\"; var o = {a: 1, a: 2}; })();"],
  ["strict-octal", "(function () { \"use strict\"; return 010; })();"],
  ["strict-eval-binding", "(function () { \"use strict\"; var eval = 1; })();"],
  ["strict-delete-identifier", "(function () { \"use strict\"; delete x; })();"],
  ["getter-duplicate", "var o = {get a() {}, get a() {}};"],
  ["proto-duplicate", "var o = {__proto__: null, __proto__: 1};"],
  ["yield-outside-generator", "function f() { yield 1; }"],
  ["yield-bare-expression", "function f() { var y = yield; }"],
];

/** Places a statement-level fragment so its first line is the given line of the script. */
const positions = [
  ["top", (f) => f],
  ["fn", (f) => `function wrapper(o, arr, list, args) {\n    var n = 0;\n    ${f}\n    return n;\n}`],
  [
    "lines",
    (f) =>
      `var a = 1;\n// a comment mentioning let x = 1 and class A {}\nvar s = "for (var v of list)";\n\n${f}\nvar after = 2;`,
  ],
  [
    "token",
    (f) =>
      [
        "/*",
        " * Access token modification script",
        " */",
        'var name = identity.getName();',
        'var roles = identity.getAttribute("roles");',
        "var n = 0;",
        'if (scopes.contains("profile")) {',
        `    ${f.replace(/\n/g, "\n    ")}`,
        '    accessToken.setField("name", name);',
        "}",
      ].join("\n"),
  ],
];

/** The positions each feature gets: every feature at top level and in the token script; most also elsewhere. */
const snippets = [];
features.forEach(([id, source], index) => {
  for (const [pos, place] of positions) {
    if ((pos === "fn" || pos === "lines") && index % 2 === (pos === "fn" ? 1 : 0)) continue;
    snippets.push({ id: `${id}@${pos}`, source: place(source) });
  }
});

/** Traps: modern syntax that is only text (strings, comments, regexes, templates) must not be rejected. */
const traps = [
  ["trap-let-in-string", 'var s = "let x = 1; const {a} = o;";'],
  ["trap-arrow-in-single-quotes", "var s = 'a => b ?? c ?. d';"],
  ["trap-line-comment", "// for (const v of list) { let x = 1; }\nvar x = 1;"],
  ["trap-block-comment", "/* class A extends B { async *gen() {} } */\nvar x = 1;"],
  ["trap-multiline-comment", "/*\n * let [a, ...b] = c;\n * x ??= y;\n */\nvar x = 1;"],
  ["trap-regex-spread", "var r = /\\.\\.\\.rest/g;"],
  ["trap-regex-class-slash", "var r = /[/]...[?.]/;"],
  ["trap-regex-after-paren", "if (/let x/.test(s)) { n = 1; }"],
  ["trap-template-text", "var t = `let x = ${1} ?? class`;"],
  ["trap-division-not-regex", "var x = a / b / c;"],
  ["trap-json-string", "var j = JSON.parse('{\"a\": [1, 2, {\"b\": null}]}');"],
  ["trap-property-named-let", "var o = {let: 1, const: 2, of: 3}; o.let = o.of;"],
  ["trap-identifier-of", "var of = 1; for (of in o) { n++; }"],
  ["trap-identifier-async", "var async = 1; async = async + 1;"],
  ["trap-identifier-let", "var let = 1; let = let + 1;"],
  ["trap-let-then-newline", "let\nx = 1;"],
  ["trap-let-index", "let[0] = 1;"],
  ["trap-string-escape-line-continuation", "var s = 'a\\\nlet x';"],
  ["trap-question-dot-number", "var x = a ?.5 : 1;"],
  ["trap-conditional-dot", "var x = a ? .5 : b;"],
  ["trap-comment-in-template", "var t = `/* ${x} */ // not a comment`;"],
  ["trap-url-in-string", 'var u = "https://example.com/a?b=c//d";'],
  ["trap-arrow-in-comment-after-code", "var x = 1; // => ?? ?.\nvar y = 2;"],
  ["trap-get-set-identifiers", "var get = 1, set = 2; var o = {get: get, set: set};"],
  ["trap-static-method-name", "var o = {static: 1, yield: 2, await: 3};"],
];
for (const [id, source] of traps) snippets.push({ id, source });

/** Plain syntax errors both engines reject: Rhino's wording and line are the target. */
const errors = [
  ["err-missing-close-paren-call", "f(1, 2;"],
  ["err-missing-close-paren-if", "if (a { b(); }"],
  ["err-missing-brace-eof", "function f() {\n  var x = 1;\n"],
  ["err-missing-brace-if-eof", "if (a) {\n  b();\n"],
  ["err-extra-close-brace", "var x = 1;\n}\n"],
  ["err-var-no-name", "var = 1;"],
  ["err-var-number-name", "var 1a = 2;"],
  ["err-missing-operand", "x = ;"],
  ["err-call-open", "f(;"],
  ["err-unterminated-string", 'var s = "abc;'],
  ["err-unterminated-single-string", "var s = 'abc;\nvar t = 1;"],
  ["err-unterminated-comment", "var x = 1;\n/* never closed\nvar y = 2;"],
  ["err-unterminated-template", "var t = `abc;\nvar y = 2;"],
  ["err-unterminated-regex", "var r = /abc;\nvar y = 2;"],
  ["err-object-missing-comma", "var o = {a: 1\n  b: 2};"],
  ["err-object-missing-comma-one-line", "var o = {a: 1 b: 2};"],
  ["err-array-missing-comma", "var a = [1 2];"],
  ["err-params-missing-comma", "function f(a b) {}"],
  ["err-else-without-if", "else { x = 1; }"],
  ["err-dot-nothing", "a.;"],
  ["err-return-top-level", "var x = 1;\nreturn x;"],
  ["err-break-outside-loop", "break;"],
  ["err-continue-outside-loop", "continue;"],
  ["err-illegal-char-at", "var x = @y;"],
  ["err-illegal-char-hash", "var x = #y;"],
  ["err-two-strings", "var x = 'a' 'b';"],
  ["err-two-identifiers", "foo bar;"],
  ["err-assign-to-call", "f() = 1;"],
  ["err-assign-to-literal", "1 = 2;"],
  ["err-increment-literal", "5++;"],
  ["err-double-default", "switch (a) { default: break; default: break; }"],
  ["err-duplicate-label", "l: l: x;"],
  ["err-undefined-label", "while (1) { continue foo; }"],
  ["err-try-alone", "try { x(); }\nvar y = 1;"],
  ["err-throw-newline", "throw\nnew Error('x');"],
  ["err-missing-paren-while", "while (a { }"],
  ["err-for-missing-semicolon", "for (var i = 0 i < 2; i++) {}"],
  ["err-missing-colon-ternary", "var x = a ? b;"],
  ["err-bad-member-bracket", "var x = a[1;"],
  ["err-new-no-ctor", "var x = new;"],
  ["err-function-no-body", "function f()\nvar x = 1;"],
  ["err-catch-no-paren", "try {} catch e {}"],
  ["err-if-no-paren", "if a { b(); }"],
  ["err-case-outside-switch", "case 1: x = 1;"],
  ["err-var-keyword-name", "var if = 1;"],
  ["err-function-keyword-name", "function if() {}"],
  ["err-unicode-char-identifier", "var \u2118x = 1;"],
  ["err-deep-line", "var a = 1;\nvar b = 2;\nvar c = 3;\nvar d = 4;\nvar e = 5;\nvar f = (6;\nvar g = 7;"],
  ["err-unclosed-paren-multiline", "var x = (1 +\n  2 +\n  3;\nvar y = 1;"],
  ["err-unclosed-array-eof", "var a = [1, 2,\n  3"],
  ["err-unclosed-object-eof", "var o = {\n  a: 1,\n  b: 2\n"],
  ["err-unclosed-call-eof", "f(1,\n  2"],
  ["err-missing-semicolon-same-line", "var a = 1 var b = 2;"],
  ["err-operator-end", "var x = 1 +;"],
  ["err-double-operator", "var x = 1 * * 2;"],
  ["err-getter-keyword-ident", "var o = {get 1a() {}};"],
  ["err-comma-only-object", "var o = {,};"],
  ["err-label-on-expression", "a + b: c;"],
];
for (const [id, source] of errors) snippets.push({ id, source });

/** Realistic token-script fragments in the dialect AM users write. */
const scripts = [
  [
    "script-default-legacy-ok",
    [
      "/*",
      " * Copyright 2019-2022 ForgeRock AS.",
      " */",
      "(function () {",
      '    var fields = ["mail", "givenName"];',
      "    fields.forEach(function (field) {",
      "        var values = identity.getAttribute(field);",
      "        if (values && !values.isEmpty()) {",
      "            accessToken.setField(field, values.iterator().next());",
      "        }",
      "    });",
      '    accessToken.setField("custom", { iss: "playground", when: new Date().getTime() });',
      "}());",
    ].join("\n"),
  ],
  [
    "script-arrow-template-ok",
    [
      'var roles = ["a", "b"].map((r) => `role:${r}`);',
      'accessToken.setField("roles", roles);',
      'var joined = roles.filter(r => r.indexOf("a") >= 0).join(",");',
    ].join("\n"),
  ],
  [
    "script-let-in-loop",
    [
      'var groups = identity.getAttribute("isMemberOf");',
      "var out = [];",
      "var it = groups.iterator();",
      "while (it.hasNext()) {",
      "    let g = String(it.next());",
      "    out.push(g);",
      "}",
      'accessToken.setField("groups", out);',
    ].join("\n"),
  ],
  [
    "script-for-of-scopes",
    [
      'var granted = [];',
      "for (var s of scopes.toArray()) {",
      "    granted.push(String(s));",
      "}",
    ].join("\n"),
  ],
  [
    "script-destructuring-claims",
    [
      "var claims = JSON.parse(requestProperties.get('claims') || '{}');",
      "var { sub, aud } = claims;",
      'accessToken.setField("sub2", sub);',
    ].join("\n"),
  ],
  [
    "script-default-param-helper",
    [
      "function addClaim(name, value = null) {",
      "    if (value !== null) { accessToken.setField(name, value); }",
      "}",
      'addClaim("a", 1);',
    ].join("\n"),
  ],
  [
    "script-optional-chaining",
    [
      "var cfg = JSON.parse(systemEnv.getProperty('esv.cfg') || '{}');",
      "var tenant = cfg.tenant",
      "    ? cfg.tenant.name",
      "    : cfg?.fallback;",
    ].join("\n"),
  ],
  [
    "script-object-shorthand-result",
    [
      "var sub = identity.getName();",
      "var aud = clientProperties.get('clientId');",
      "accessToken.setField('ctx', {",
      "    sub,",
      "    aud: aud",
      "});",
    ].join("\n"),
  ],
  [
    "script-const-top-level",
    ["const PREFIX = 'urn:x:';", "var v = PREFIX + identity.getName();", "accessToken.setField('v', v);"].join("\n"),
  ],
  [
    "script-class-helper",
    ["var x = 1;", "class ClaimBuilder {", "    constructor() { this.c = {}; }", "}"].join("\n"),
  ],
  [
    "script-spread-merge",
    ["var base = {a: 1};", "var extra = {b: 2};", "var merged = Object.assign({}, base, extra);", "var arr = [].concat([1], [2]);", "var all = [...arr];"].join("\n"),
  ],
  [
    "script-nullish-default",
    ["var locale = identity.getAttribute('locale');", "var first = locale.isEmpty() ? null : locale.iterator().next();", "accessToken.setField('locale', first ?? 'en');"].join("\n"),
  ],
  [
    "script-java-interop-ok",
    [
      "var map = new java.util.HashMap();",
      "map.put('a', 'b');",
      "var list = new java.util.ArrayList();",
      "list.add(map);",
      "accessToken.setField('list', list);",
      "logger.message('done: ' + list.size());",
    ].join("\n"),
  ],
  [
    "script-async-http",
    ["async function fetchProfile() {", "    var r = await httpClient.send(request);", "    return r;", "}"].join("\n"),
  ],
  [
    "script-getter-object-ok",
    ["var info = {", "    get name() { return identity.getName(); },", "    toString: function () { return 'x'; }", "};", "accessToken.setField('n', info.name);"].join("\n"),
  ],
  [
    "script-try-catch-ok",
    ["try {", "    var r = httpClient.send(request).get();", "} catch (e) {", "    logger.error('failed: ' + e.message);", "} finally {", "    n = 1;", "}"].join("\n"),
  ],
  [
    "script-exponent-in-expiry",
    ["var expiresIn = 60 * 60;", "var big = 2 ** 31;"].join("\n"),
  ],
  [
    "script-switch-ok",
    ["switch (grantType) {", "case 'client_credentials':", "    accessToken.setField('m2m', true);", "    break;", "default:", "    accessToken.setField('m2m', false);", "}"].join("\n"),
  ],
];
for (const [id, source] of scripts) snippets.push({ id, source });

/**
 * Written after the checker was built and recorded once before any fix, to measure how well it
 * generalises (see engine/dialect/README.md for the first-run figure).
 */
const holdout = [
  ["holdout-let-in-if", "if (ok) {\n  let count = 0;\n}"],
  ["holdout-const-destructure-call", "const {data} = JSON.parse(body);"],
  ["holdout-for-of-entries", "var out = [];\nfor (var [k, v] of Object.entries(o)) { out.push(k); }"],
  ["holdout-spread-push", "var list = [];\nlist.push(...other);"],
  ["holdout-arrow-default-object", "var f = (opts = {}) => opts.a;"],
  ["holdout-class-method", "var x = 1;\n\nclass Token { get sub() { return 1; } }"],
  ["holdout-shorthand-return", "function claims(sub, aud) {\n  return { sub, aud };\n}"],
  ["holdout-template-in-call", "logger.message(`user ${identity.getName()} has ${n} roles`);"],
  ["holdout-optional-deep", "var email = user?.profile?.email;"],
  ["holdout-nullish-paren", "var v = (a ?? b) || c;"],
  ["holdout-exponent-math", "var big = Math.pow(2, 10) + 2 ** 3;"],
  ["holdout-async-arrow-callback", "items.forEach(async (i) => { await i; });"],
  ["holdout-generator-method-name", "function* ids() {}"],
  ["holdout-catch-no-binding-multiline", "try {\n  risky();\n} catch {\n  n = 0;\n}"],
  ["holdout-bigint-in-call", "f(1n);"],
  ["holdout-getter-ok", "var o = { get a() { return 1; }, b: 2, 'c-d': 3 };"],
  ["holdout-regex-u-in-call", "var ok = /^[a-z]+$/u.test(name);"],
  ["holdout-unclosed-function-call", "accessToken.setField('a', f(1, 2);\nvar b = 1;"],
  ["holdout-missing-paren-if-multiline", "if (a &&\n    b {\n  c();\n}"],
  ["holdout-object-trailing-missing-brace", "var o = {\n  a: 1,\n  b: [1, 2\n};"],
  ["holdout-keyword-property-access", "var x = o.default + o.class + o.new;"],
  ["holdout-labelled-continue", "outer:\nfor (var i = 0; i < 3; i++) {\n  for (;;) { continue outer; }\n}"],
  ["holdout-arrow-body-object-no-paren", "var f = () => { a: 1 };"],
  ["holdout-new-target-in-ctor", "function T() {\n  if (!new.target) { return new T(); }\n}"],
  ["holdout-numeric-sep-hex", "var mask = 0xFF_FF;"],
  ["holdout-default-param-second-line", "var x = 1;\nfunction g(a,\n  b = 2) { return a + b; }"],
  ["holdout-rest-object-pattern", "var {a, ...others} = o;"],
  ["holdout-computed-method", "var o = { ['x' + 1]() { return 1; } };"],
  ["holdout-import-call-ok", "var mod = require('x');"],
  ["holdout-semicolonless-ok", "var a = 1\nvar b = a\n++b\nb"],
];
for (const [id, source] of holdout) snippets.push({ id, source });

/** const as Rhino 1.7.14 scopes it: per function, so a name declared twice in one function is a compile error. */
const constScoping = [
  ["const-two-blocks-fn", "function g() {\n  if (a) { const t = 1; }\n  if (b) { const t = 2; }\n  return t;\n}"],
  ["const-two-blocks-top", "if (a) { const t = 1; }\nif (b) { const t = 2; }"],
  ["const-then-var", "const a = 1;\nvar a = 2;"],
  ["var-then-const", "var a = 2;\nconst a = 1;"],
  ["const-twice-fn", "function g() {\n  const a = 1;\n  const a = 2;\n}"],
  ["const-param", "function g(a) {\n  const a = 1;\n  return a;\n}"],
  ["const-after-function-decl", "function g() {\n  function a() {}\n  const a = 1;\n}"],
  ["function-decl-after-const", "function g() {\n  const a = 1;\n  function a() {}\n}"],
  ["const-in-two-functions-ok", "function f() { const a = 1; return a; }\nfunction g() { const a = 2; return a; }"],
  ["const-shadows-outer-ok", "const a = 1;\nfunction g() { const a = 2; return a; }"],
  ["const-in-loop-ok", "for (var i = 0; i < 2; i++) {\n  const y = i + 10;\n}"],
  ["const-in-catch-ok", "try { x(); } catch (e) {\n  const m = e.message;\n}"],
  ["const-assigned-ok", "function g() {\n  const a = 1;\n  a = 2;\n  a++;\n  return a;\n}"],
  ["const-multi-dup", "const a = 1, a = 2;"],
  ["const-same-name-as-catch-ok", "function g() {\n  try { x(); } catch (a) { const a = 2; }\n}"],
  ["const-then-var-in-loop", "function g() {\n  for (var i = 0; i < 2; i++) { const v = i; }\n  var v = 3;\n}"],
  ["const-dup-nested-fn-ok", "function g() {\n  const a = 1;\n  function h() { const a = 2; return a; }\n  return h();\n}"],
  ["const-no-init-twice", "const a;\nconst a;"],
  ["var-twice-ok", "var a = 1;\nvar a = 2;"],
  ["let-after-const", "const a = 1;\nlet a = 2;"],
  ["const-no-init-ok", "const a;\nvar b = a;"],
  ["const-unbraced-if", "if (x) const a = 1;"],
  ["const-named-const", "var const = 1;"],
];
for (const [id, source] of constScoping) snippets.push({ id, source });

export default snippets;
