/**
 * rewriteConstForRhino, evaluated directly (plain JS, no sandbox): the rewritten source behaves as recorded in
 * Rhino (runtime/const.golden.json), keeps every line where it was, and, for a source that becomes a function's
 * body (a next-generation library), gives its top-level consts a function's semantics instead of AM's script scope.
 */
import { describe, expect, it } from "vitest";
import golden from "../conformance/runtime/const.golden.json";
import { rewriteConstForRhino } from "../../engine/dialect/rhino-const";

function evaluate(source: string): string {
  const outputs: string[] = [];
  const out = (...args: unknown[]) => outputs.push(args.map(String).join(" "));
  // Sloppy-mode function body, as the scripts run; `this` is a fresh object like AM's scope for this.c reads.
  new Function("out", source).call({}, out);
  return outputs.join("|");
}

describe("rewriteConstForRhino", () => {
  it("keeps the line of every statement", () => {
    for (const entry of golden) expect(rewriteConstForRhino(entry.source).split("\n").length).toBe(entry.source.split("\n").length + 1);
  });

  it("as a function body, the recorded in-function behaviour holds for a top-level const too", () => {
    const loop = 'const x = 5; var s = String(x);\nfor (var i = 0; i < 2; i++) { const y = i + 10; s += "," + y; }\nx = 9;\nout(s, x);';
    expect(evaluate(rewriteConstForRhino(loop, { topLevel: "function" }))).toBe("5,10,10 5");
    expect(evaluate(rewriteConstForRhino(loop))).toBe("undefined,undefined,undefined 9");
  });

  it("leaves a script without const, or one that does not parse, as it is", () => {
    expect(rewriteConstForRhino("var a = 1;")).toBe("var a = 1;");
    expect(rewriteConstForRhino("const a = ;")).toBe("const a = ;");
  });

  it("matches the recorded results for the in-function snippets without a sandbox", () => {
    const inFunction = golden.filter((g) => g.id.startsWith("function-") || g.id === "nested-functions" || g.id === "arrow-function");
    expect(inFunction.length).toBeGreaterThan(10);
    for (const entry of inFunction) expect(evaluate(rewriteConstForRhino(entry.source)), entry.id).toBe(entry.am);
  });
});
