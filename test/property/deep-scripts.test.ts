/**
 * Scripts nested or chained far deeper than anyone writes by hand (generated code, minified bundles) must not
 * crash, hang or get a false verdict from anything that reads the script before it runs: the Rhino syntax
 * check, the lint, the analysis. The verdict follows Rhino 1.7.14's recorded limits (dialect/rhino-depth.ts):
 * below what Rhino always compiled, no error; beyond what it always refused, Rhino's error; in between, a warning.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../../engine/check";
import { amLintOf } from "../../engine/products/am/lint";
import { AM_LINT_PROFILES } from "../../engine/products/am/lint-profiles";

const lintOf = (source: string, evaluator: "legacy" | "next-gen") => amLintOf(source, AM_LINT_PROFILES[evaluator]);
import { RHINO_DEPTH_LIMITS } from "../../engine/dialect/rhino-depth";

const operator = fc.constantFrom(" + ", " - ", " * ", " || ", " && ", " == ", " | ", " < ");
const term = fc.constantFrom('"a"', "1", "x", "o.p", "f(1)", "(y)", "[1][0]");

/** A chain of n terms: the tree acorn builds from it is n levels deep. */
const chain = fc.tuple(fc.integer({ min: 2, max: 30000 }), operator, term).map(([n, op, t]) => ({ n, source: `var r = ${Array(n).fill(t).join(op)};` }));

/** n nested blocks (statement level: one unit of Rhino's parser depth each). */
const blocks = fc.integer({ min: 1, max: 30000 }).map((n) => ({ n, source: `var x = 0;\n${"{".repeat(n)}x++;${"}".repeat(n)}` }));

/** n nested function expressions, each called: five units for the paren and five for the body inside it. */
const functions = fc.integer({ min: 1, max: 6000 }).map((n) => ({ n, source: `var v = ${"(function(){ return ".repeat(n)}1${"; })()".repeat(n)};` }));

function verdict(source: string) {
  const started = performance.now();
  const result = check(source);
  const ms = performance.now() - started;
  return { result, ms, warned: result.warnings.some((w) => w.code === "rhino-deep-nesting") };
}

describe("deep scripts: no crash, no hang, Rhino's verdict", () => {
  it("operator chains of any length", () => {
    fc.assert(
      fc.property(chain, ({ n, source }) => {
        const { result, ms, warned } = verdict(source);
        expect(ms).toBeLessThan(5000);
        const operators = n - 1 + 1; // the terms' operators and the `=`
        if (operators < RHINO_DEPTH_LIMITS.chain.compiles) {
          expect(result.error).toBeNull();
          expect(warned).toBe(false);
        } else if (operators >= RHINO_DEPTH_LIMITS.chain.fails) {
          expect(result.error?.message).toMatch(/^java\.lang\.StackOverflowError/);
          expect(result.error?.line).toBe(1);
        } else if (result.error) {
          // Rhino's outcome varies here; the playground may only refuse it in Rhino's words.
          expect(result.error.message).toMatch(/^java\.lang\.StackOverflowError/);
        } else {
          expect(warned).toBe(true);
        }
        expect(() => lintOf(source, "legacy")).not.toThrow();
      }),
      { numRuns: 40 },
    );
  });

  it("nested blocks of any depth", () => {
    fc.assert(
      fc.property(blocks, ({ n, source }) => {
        const { result, ms, warned } = verdict(source);
        expect(ms).toBeLessThan(5000);
        if (n <= RHINO_DEPTH_LIMITS.parser.compiles) {
          expect(result.error).toBeNull();
          expect(warned).toBe(false);
        } else if (n >= RHINO_DEPTH_LIMITS.parser.fails) {
          expect(result.error).toMatchObject({ kind: "syntax", message: "Too deep recursion while parsing", line: 2 });
        } else {
          expect(result.error).toBeNull();
          expect(warned).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("nested function expressions of any depth", () => {
    fc.assert(
      fc.property(functions, ({ n, source }) => {
        const { result, ms } = verdict(source);
        expect(ms).toBeLessThan(5000);
        const depth = n * 10;
        if (depth <= RHINO_DEPTH_LIMITS.parser.compiles) expect(result.ok).toBe(true);
        else if (depth >= RHINO_DEPTH_LIMITS.parser.fails) expect(result.error?.message).toBe("Too deep recursion while parsing");
        else expect(result.warnings.some((w) => w.code === "rhino-deep-nesting")).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it("many statements, with or without semicolons, are not one long chain", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8000 }), fc.constantFrom("\n", ";\n", "; "), (n, separator) => {
        const source = Array.from({ length: n }, (_, i) => `total = total + ${i}`).join(separator);
        const { result, warned } = verdict(`var total = 0;\n${source}`);
        expect(result.error).toBeNull();
        expect(warned).toBe(false);
      }),
      { numRuns: 15 },
    );
  });

  it("random mixes of brackets, blocks and chains never throw and always answer in time", () => {
    const piece = fc.oneof(
      fc.integer({ min: 1, max: 3000 }).map((n) => `(${Array(n).fill("1").join("+")})`),
      fc.integer({ min: 1, max: 800 }).map((n) => `${"[".repeat(n)}0${"]".repeat(n)}`),
      fc.integer({ min: 1, max: 800 }).map((n) => `${"(".repeat(n)}0${")".repeat(n)}`),
      fc.integer({ min: 1, max: 800 }).map((n) => `${"{a:".repeat(n)}0${"}".repeat(n)}`),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (pieces) => {
        const source = pieces.map((p, i) => `var v${i} = ${p};`).join("\n");
        const { result, ms } = verdict(source);
        expect(ms).toBeLessThan(5000);
        if (!result.ok) expect(["Too deep recursion while parsing"]).toContain(result.error?.message);
      }),
      { numRuns: 40 },
    );
  });
});
