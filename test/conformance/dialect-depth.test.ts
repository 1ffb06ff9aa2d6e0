/**
 * Deep scripts: the playground's verdict against what real Rhino 1.7.14 said for the same script
 * (dialect/depth.golden.json, recorded by dialect/record-depth.mjs). Rhino's own limits come from its Java
 * stack, so where its outcome varies between runs the playground must at least warn; it must never crash,
 * never call a script Rhino compiled an error, and never let a script Rhino refused pass silently.
 */
import { describe, expect, it } from "vitest";
import golden from "./dialect/depth.golden.json";
import { DEPTH_SHAPES } from "./dialect/depth-shapes.mjs";
import { check } from "../../engine/check";

type Entry = { shape: string; size: number; compiled: boolean; rhino: string };

function rhinoMessage(entry: Entry): string {
  return entry.rhino.replace(/^js: line \d+: /, "");
}

describe("deep scripts get Rhino 1.7.14's verdict (goldens from real Rhino)", () => {
  for (const entry of golden as Entry[]) {
    it(`${entry.shape} × ${entry.size}: ${entry.compiled ? "compiles" : rhinoMessage(entry)}`, () => {
      const result = check(DEPTH_SHAPES[entry.shape](entry.size));
      const warned = result.warnings.some((w) => w.code === "rhino-deep-nesting");
      if (entry.compiled) {
        expect(result.error).toBeNull();
      } else if (result.ok) {
        // Only allowed in the band where Rhino's outcome depends on its stack: then the user is warned.
        expect(warned).toBe(true);
      } else {
        expect(result.error?.message.startsWith(rhinoMessage(entry))).toBe(true);
      }
    });
  }

  it("the warning names the line where the nesting passed what Rhino always compiled", () => {
    const source = `var a = 1;\nvar b = 2;\nvar x = ${Array(3000).fill('"a"').join(" +\n")};`;
    const warning = check(source).warnings.find((w) => w.code === "rhino-deep-nesting");
    // The run counts `=` and then one `+` per line from line 3: operator 2,001 is the 2,000th `+`, on line 2,002.
    expect(warning?.line).toBe(2002);
  });

  it("the error names the line Rhino's tokenizer had reached", () => {
    const blocks = check(DEPTH_SHAPES.blocks(5000));
    expect(blocks.error).toMatchObject({ kind: "syntax", message: "Too deep recursion while parsing", line: 2 });
  });
});
