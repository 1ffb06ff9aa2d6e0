/**
 * A Rhino syntax error caused by ES6+ syntax keeps Rhino's message (recorded, dialect/syntax.golden.json) and
 * gets a rhino-es6-syntax warning naming the construct and the ES5 way to write it; a plain mistake gets none.
 */
import { describe, expect, it } from "vitest";
import golden from "./dialect/syntax.golden.json";
import { check } from "../../engine/check";
import { run } from "../../engine";

type Snippet = { id: string; source: string; rhino: { ok: boolean; message?: string; line?: number } };
const snippets = golden.snippets as Snippet[];

/** Feature id (before "@") → what its hint must say. Every placement of the feature is checked. */
const EXPECTED: Record<string, RegExp> = {
  "let-decl": /has no let.*use var/,
  "let-multi": /has no let.*use var/,
  "for-let-classic": /has no let.*use var/,
  "for-const-in": /const in a for head.*use var/,
  "for-var-of": /for…of is not in Rhino 1\.7\.14/,
  "for-bare-of": /for…of/,
  "object-shorthand": /write each property as name: value/,
  "object-computed-key": /computed key/,
  "object-spread": /spread and rest/,
  "param-default": /default parameter values.*if \(b === undefined\)/,
  "param-rest": /spread and rest/,
  "param-trailing-comma": /comma after the last parameter/,
  "call-spread": /fn\.apply/,
  "class-decl": /no classes.*constructor function/,
  "generator-decl": /function\* generators/,
  "async-function": /async functions and await/,
  exponent: /Math\.pow/,
  "optional-member": /optional chaining/,
  nullish: /\?\?/,
  "or-assign": /\|\|=/,
  "catch-optional-binding": /catch \(e\)/,
  bigint: /BigInt/,
  "octal-0o": /0o\/0b/,
};

function hintsOf(source: string) {
  return check(source).warnings.filter((w) => w.code === "rhino-es6-syntax");
}

describe("ES6 syntax hints beside Rhino's syntax errors", () => {
  for (const [feature, expected] of Object.entries(EXPECTED)) {
    it(`${feature}: Rhino's message stays, the hint names the fix`, () => {
      const placed = snippets.filter((s) => s.id.split("@")[0] === feature && !s.rhino.ok);
      expect(placed.length).toBeGreaterThan(0);
      for (const s of placed) {
        const result = check(s.source);
        expect(result.error?.message).toBe(s.rhino.message);
        const hints = hintsOf(s.source);
        expect(hints, s.id).toHaveLength(1);
        expect(hints[0].message).toMatch(expected);
        expect(hints[0].line).toBe(s.rhino.line);
      }
    });
  }

  it("plain syntax mistakes get no ES6 hint", () => {
    const plain = snippets.filter((s) => s.id.startsWith("err-") && !s.rhino.ok);
    expect(plain.length).toBeGreaterThan(30);
    expect(plain.filter((s) => hintsOf(s.source).length > 0).map((s) => s.id)).toEqual([]);
  });

  it("run() returns the hint with the syntax error too", async () => {
    const result = await run("var a = 1;\nlet b = 2;", {});
    expect(result.error).toMatchObject({ kind: "syntax", message: "missing ; before statement", line: 2 });
    expect(result.warnings).toEqual([expect.objectContaining({ code: "rhino-es6-syntax", line: 2, message: expect.stringMatching(/use var/) })]);
  });
});
