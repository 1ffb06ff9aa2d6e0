/**
 * Script callbacks that Java calls (list.forEach, map.forEach, a Comparator): recursion through them ends the
 * script as Rhino's JVM does, with a java.lang.StackOverflowError the script cannot catch — a runtime error,
 * not an empty binding error — and the next run works.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine/run";

const RECURSIONS: [string, string][] = [
  ["list.forEach", "var l = new java.util.ArrayList(); l.add(1); function f() { l.forEach(f); } f();"],
  ["map.forEach", "var m = new java.util.HashMap(); m.put('a', 1); function f() { m.forEach(f); } f();"],
  ["a Collections.sort comparator", "var l = new java.util.ArrayList(); l.add(1); l.add(2); function c() { java.util.Collections.sort(l, c); return 0; } c();"],
];

describe("callback recursion through Java", () => {
  for (const [what, script] of RECURSIONS) {
    it(`through ${what} ends in Rhino's java.lang.StackOverflowError, and the next run works`, async () => {
      const result = await run(script, {}, { evaluator: "legacy" });
      expect(result.error).toMatchObject({ kind: "runtime", message: "java.lang.StackOverflowError" });
      expect(result.warnings.map((w) => w.code)).toContain("callback-stack-overflow");
      const next = await run("var l = new java.util.ArrayList(); l.add('a'); var seen = []; l.forEach(function (v) { seen.push(v); }); accessToken.setField('seen', seen.join());", {}, { evaluator: "legacy" });
      expect(next.error).toBeNull();
      expect(next.introspection?.seen).toBe("a");
    });
  }

  it("cannot be caught by the script", async () => {
    const result = await run("var l = new java.util.ArrayList(); l.add(1); function f() { l.forEach(f); } try { f(); } catch (e) { accessToken.setField('caught', String(e)); }", {}, { evaluator: "legacy" });
    expect(result.error?.message).toBe("java.lang.StackOverflowError");
    expect(result.token?.after.caught).toBeUndefined();
  });

  it("a callback nested a few levels deep still works", async () => {
    const script = "var l = new java.util.ArrayList(); l.add(1); var depth = 0; function f() { if (++depth < 20) l.forEach(f); } f(); accessToken.setField('depth', depth);";
    const result = await run(script, {}, { evaluator: "legacy" });
    expect(result.error).toBeNull();
    expect(result.introspection?.depth).toBe(20);
  });
});
