/**
 * Issue 11: java.lang.String's regex methods (matches, split, replaceAll) take the script's pattern and ran it on
 * the host's RegExp, outside the sandbox's interrupt. They run on the bounded matcher now: ordinary patterns
 * answer as Rhino does, and a runaway one ends the run with the method and the pattern named.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";

async function legacy(script: string, timeoutMs = 5000) {
  return run(script, { evaluator: "legacy", timeoutMs });
}

describe("java.lang.String's regular expressions", () => {
  it("answer as Rhino 1.7.14 does for ordinary patterns", async () => {
    // Golden: rhino -version 0 -e 'var s = new java.lang.String("a1b22c"); print(s.replaceAll("(\\d)", "<$1>")); print(s.split("\\d").length); print(s.matches("a.*c"))'
    // → a<1>b<2><2>c, 4, true
    const result = await legacy(
      'var s = new java.lang.String("a1b22c");\naccessToken.setField("out", [String(s.replaceAll("(\\\\d)", "<$1>")), s.split("\\\\d").length, s.matches("a.*c")]);',
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.out).toEqual(["a<1>b<2><2>c", 4, true]);
  });

  it.each([
    ["matches", 's.matches("(.*a){12}b")'],
    ["split", 's.split("(.*a){12}b")'],
    ["replaceAll", 's.replaceAll("(.*a){12}b", "")'],
  ])("%s with a runaway pattern ends the run naming the method and the pattern, well within its time", async (method, call) => {
    // Java's own matcher runs without end on this one too: `timeout 10 rhino -version 0 -e "print(new
    // java.lang.String('<40 a>').matches('(.*a){12}b'))"` is still running after 10 s, so AM ends it at its
    // script timeout; the host's RegExp would have hung the worker instead.
    const started = Date.now();
    const result = await legacy(`var s = new java.lang.String(new Array(41).join("a"));\ntry { ${call}; } catch (e) { accessToken.setField("caught", String(e)); }`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.ok).toBe(false);
    expect(result.error?.message).toContain(`java.lang.String.${method}: the regular expression`);
    expect(result.error?.message).toContain("(.*a){12}b");
    expect(result.error?.message).toMatch(/backtracks without bound/);
    expect(result.introspection?.caught).toBeUndefined();
  });
});
