/**
 * However much straight-line code (binding calls included) surrounds an endless loop, and however deep the
 * functions it sits in, the timeout names timeoutMs and points at the loop's own line.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import { withDeadline } from "./deadline";

const plain = fc.constantFrom(
  "var a = 1;",
  "accessToken.setField('x', 'y');",
  "logger.info('hello');",
  "var s = String(accessToken.getField('x'));",
  "// a comment",
  "",
  "function helper() { return 1; }",
);
const loop = fc.constantFrom("while (true) {}", "for (;;) { a = Math.abs(-1); }", "do { var z = 0; } while (true);", "while (1) {\n  var q = helper ? 1 : 0;\n}");

describe("a timeout points at the endless loop's line", () => {
  it("with code before and after it, inside nested functions or not", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(plain, { maxLength: 5 }), loop, fc.array(plain, { maxLength: 3 }), fc.integer({ min: 0, max: 2 }), async (before, body, after, depth) => {
        const lines = ["var a = 0;", "function helper() { return 1; }", ...before];
        for (let d = 0; d < depth; d++) lines.push(`function level${d}() {`);
        const loopLine = lines.length + 1;
        lines.push(body, ...after);
        for (let d = depth - 1; d >= 0; d--) lines.push("}", `level${d}();`);
        const result = await withDeadline(run(lines.join("\n"), { evaluator: "next-gen", timeoutMs: 50 }), 10_000);
        expect(result.error).toEqual({ kind: "timeout", message: "The script ran longer than 50 ms (timeoutMs in the scenario) and was stopped.", line: loopLine });
      }),
      { numRuns: 25 },
    );
  });
});
