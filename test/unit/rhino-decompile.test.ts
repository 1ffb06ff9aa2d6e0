/**
 * Rhino 1.7.14 re-prints a function from its compiled form. The goldens are what `rhino -version 0` printed for
 * String(f) and f.toSource() of each recorded shape (test/unit/goldens/rhino-function-text.json).
 */
import { describe, expect, it } from "vitest";
import { parse } from "acorn";
import { decompileFunction, UnsupportedShape, type AnyNode } from "../../engine/dialect/rhino-decompile";
import goldens from "./goldens/rhino-function-text.json";

function functionOf(source: string): AnyNode {
  const program = parse(`(${source})`, { ecmaVersion: "latest", preserveParens: true }) as unknown as AnyNode;
  return program.body[0].expression.expression as AnyNode;
}

describe("Rhino's function text", () => {
  for (const shape of [...goldens.shapes, ...goldens.published.shapes]) {
    it(`re-prints ${JSON.stringify(shape.source).slice(0, 70)}`, () => {
      const node = functionOf(shape.source);
      expect(decompileFunction(node, "pretty", `(${shape.source})`)).toBe(shape.toString);
      expect(decompileFunction(node, "compact", `(${shape.source})`)).toBe(shape.toSource);
    });
  }

  it("says where a shape is not recorded instead of guessing", () => {
    for (const source of ["function () { let x = 1; }", "function (a = 1) { return a; }", "function () { return [...a]; }", "function* () { yield 1; }", "function () { return {a}; }"]) {
      expect(() => decompileFunction(functionOf(source), "pretty", `(${source})`), source).toThrow(UnsupportedShape);
    }
  });
});
