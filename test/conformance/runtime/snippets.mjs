// Runtime failures whose wording scripts authors see in AM's logs; recorded from real Rhino 1.7.14.
export const SNIPPETS = [
  { id: "read-null", source: "var a = 1;\nnull.foo;" },
  { id: "read-undefined", source: "var o;\no.foo;" },
  { id: "read-nested-undefined", source: "var o = {};\no.a.b();" },
  { id: "undefined-variable", source: "undefinedVar + 1;" },
  { id: "assign-undeclared-member", source: "x.y = 1;" },
  { id: "missing-method", source: "var o = {};\no.bar();" },
  { id: "missing-method-string", source: "var s = 'abc';\ns.nope();" },
  { id: "call-number", source: "var f = 3;\nf();" },
  { id: "call-undefined-global", source: "undefinedFn();" },
  { id: "set-on-undefined", source: "var a = {};\na.b.c = 1;" },
  { id: "bad-array-length", source: "new Array(-1);" },
  { id: "throw-string", source: "throw 'plain string';" },
  { id: "throw-error", source: "throw new Error('boom');" },
  { id: "throw-type-error", source: "throw new TypeError('bad type');" },
];
