/**
 * The bounded matcher (engine/util/bounded-regexp.ts) against the host's RegExp: the same answers for ordinary
 * patterns (a table of URL patterns and Annex B oddities, and a property over generated patterns), and a bounded,
 * named end for the catastrophic ones that hang V8.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileBoundedRegExp, matchesWhole, regExpBudget, RegExpBudgetExceeded } from "../../engine/util/bounded-regexp";

/** What V8's exec answers, in the bounded matcher's shape. */
function v8(source: string, input: string, from = 0) {
  const re = new RegExp(source, "g");
  re.lastIndex = from;
  const m = re.exec(input);
  return m ? { index: m.index, end: m.index + m[0].length, groups: m.slice(1) } : null;
}

function bounded(source: string, input: string, from = 0) {
  return compileBoundedRegExp(source).exec(input, from, regExpBudget());
}

describe("the bounded matcher answers as V8 does", () => {
  it.each([
    ["^https?://[^/]+/users/\\d+$", "https://api.example.com/users/42"],
    ["^https?://[^/]+/users/\\d+$", "https://api.example.com/users/42x"],
    ["^https://api\\.example\\.com/users\\?id=.*$", "https://api.example.com/users?id=7"],
    ["^https?://[^/]+\\/entitlements\\/014c54bd(\\?.*)?$", "https://h/entitlements/014c54bd?x=1"],
    ["(a|ab)(c|bcd)(d*)", "abcd"],
    ["(z)((a+)?(b+)?(c))*", "zaacbbbcac"],
    ["(a*)*", "b"],
    ["(a*)b\\1+", "baaaac"],
    ["(?=(a+))a*b\\1", "baaabac"],
    ["(?=(a+))", "baaabac"],
    ["(.*?)a(?!(a+)b\\2c)\\2(.*)", "baaabaac"],
    ["(?<=\\$)\\d+(\\.\\d*)?", "cost $10.53"],
    ["(?<!\\$)\\b\\d+", "cost $10 or 20"],
    ["(?<=(\\d+)(\\d+))$", "1053"],
    ["(?<=\\1(a))b", "aab"],
    ["(?<year>\\d{4})-(?<m>\\d\\d)\\k<m>", "2024-1212"],
    ["\\k<x>", "k<x>"],
    ["a{2,3}?b{,2}", "aaab{,2}"],
    ["x{", "x{"],
    ["]}", "]}"],
    ["\\8\\9\\1", "89\u0001"],
    ["[\\1-\\7]\\0", "\u0003\u0000"],
    ["\\cJ\\c1", "\n\\c1"],
    ["[\\c1\\c_]", "\u0011"],
    ["\\x4\\u00411", "x4A1"],
    ["[\\d-z]+", "1-z-2"],
    ["[^\\s\\w]", "a b!"],
    ["\\bfoo\\B.", "a foox"],
    ["[\\b]", "\b"],
    ["\\u{2}", "uu"],
    ["(?:)|a", "a"],
    ["(a)|b", "b"],
    ["(?=a)*a", "a"],
    ["((a)|b)+", "ab"],
    ["(a?)+?b", "aab"],
    ["^.$", "\n"],
    ["\\s+", "a\u00a0\ufeffb"],
  ])("/%s/ on %j", (source, input) => {
    expect(bounded(source, input)).toEqual(v8(source, input));
  });

  it("refuses an invalid pattern with the host's own SyntaxError", () => {
    expect(() => compileBoundedRegExp("(a")).toThrow(SyntaxError);
    expect(matchesWhole("[", "x")).toEqual({ kind: "invalid", message: expect.stringMatching(/Invalid regular expression/) });
  });

  it("matches a long URL under `.*` and `[^/]+` without nesting a call per character", () => {
    const url = `https://h/${"a".repeat(200_000)}/end`;
    expect(matchesWhole("https://h/[^/]+/.*", url)).toEqual({ kind: "match" });
    expect(matchesWhole("https://h/.*?x", url)).toEqual({ kind: "no-match" });
  });

  it("a property: generated patterns and inputs give V8's matches (index, end and every group)", () => {
    const atom = fc.constantFrom("a", "b", ".", "[ab]", "[^a]", "\\w", "\\b", "^", "$", "\\1", "(?=a)", "(?!b)", "(?<=a)", "(?<!b)");
    const pattern: fc.Arbitrary<string> = fc.letrec<{ p: string; term: string }>((tie) => ({
      p: fc.oneof({ depthSize: "small" }, tie("term"), fc.tuple(tie("term"), tie("p")).map(([a, b]) => a + b), fc.tuple(tie("term"), tie("p")).map(([a, b]) => `${a}|${b}`)),
      term: fc.oneof(
        { depthSize: "small" },
        atom,
        fc.tuple(tie("p"), fc.constantFrom("", "*", "+", "?", "*?", "+?", "{1,2}", "{2}")).map(([p, q]) => `(${p})${q}`),
        fc.tuple(tie("p"), fc.constantFrom("*", "?", "{0,3}?")).map(([p, q]) => `(?:${p})${q}`),
      ),
    })).p;
    fc.assert(
      fc.property(pattern, fc.stringMatching(/^[ab ]{0,8}$/), (source, input) => {
        let valid = true;
        try {
          new RegExp(source);
        } catch {
          valid = false;
        }
        fc.pre(valid);
        let mine;
        try {
          mine = bounded(source, input);
        } catch (e) {
          if (e instanceof RegExpBudgetExceeded) return;
          throw e;
        }
        expect(mine).toEqual(v8(source, input));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("a pattern that backtracks without bound ends in a bounded, named failure", () => {
  it.each([
    ["http://h/(a+)+$", "http://h/" + "a".repeat(40) + "!"],
    ["(x|x)*y", "x".repeat(40)],
    ["(a|aa)*b", "a".repeat(60)],
    ["(.*a){12}", "a".repeat(40) + "b"],
    ["http://h/(\\w+\\w+)+!", "http://h/" + "a".repeat(40)],
  ])("/%s/ on %j", (pattern, subject) => {
    const started = Date.now();
    expect(matchesWhole(pattern, subject)).toEqual({ kind: "too-slow", steps: 2_000_000, why: "steps" });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
