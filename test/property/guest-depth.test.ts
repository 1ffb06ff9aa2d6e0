/**
 * Nested values cross the boundary intact at every depth up to the sandbox's limit (65 levels of objects and
 * arrays), both ways (setField, then getField in the script); deeper ones are refused with an error that says
 * so, never a crash, a hang or a silently shortened value.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import { withDeadline } from "./deadline";

const LIMIT = 65;

/** A value `depth` objects/arrays deep, alternating by the bits of `shape`, with a string leaf. */
function nested(depth: number, shape: number, leaf: string): unknown {
  let value: unknown = leaf;
  for (let d = depth - 1; d >= 0; d--) value = (shape >> d % 30) & 1 ? [value] : { [`k${d}`]: value };
  return value;
}

describe("nested values cross the boundary at any depth up to the limit", () => {
  it("setField stores them whole and getField gives them back whole; deeper ones are refused clearly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: LIMIT + 10 }), fc.integer({ min: 0, max: 2 ** 30 - 1 }), fc.constantFrom("next-gen", "legacy"), async (depth, shape, evaluator) => {
        const value = nested(depth, shape, "leaf\u0000\ud800");
        const json = JSON.stringify(value);
        const script = `var v = JSON.parse(${JSON.stringify(json)});
          accessToken.setField('v', v);
          accessToken.setField('same', JSON.stringify(accessToken.getField('v')) === JSON.stringify(v));`;
        const result = await withDeadline(run(script, { evaluator }), 10_000);
        if (depth <= LIMIT) {
          expect(result.error).toBeNull();
          expect(JSON.stringify(result.introspection?.v)).toBe(json);
          if (evaluator === "next-gen") expect(result.introspection?.same).toBe(true);
        } else {
          expect(result.error).toMatchObject({ kind: "binding", line: 2 });
          expect(result.error?.message).toBe(
            `TypeError: A value nested more than ${LIMIT} objects or arrays deep cannot be handed to a binding (a playground limit; AM has none so low).`,
          );
        }
      }),
      { numRuns: 40 },
    );
  });

  it("the limit itself: 65 levels cross, 66 are refused", async () => {
    for (const [depth, ok] of [[LIMIT, true], [LIMIT + 1, false]] as const) {
      const json = JSON.stringify(nested(depth, 0b1010, "x"));
      const result = await run(`accessToken.setField('v', JSON.parse(${JSON.stringify(json)}));`, { evaluator: "next-gen" });
      expect(result.error === null).toBe(ok);
      if (ok) expect(JSON.stringify(result.introspection?.v)).toBe(json);
    }
  });
});
