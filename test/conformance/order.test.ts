import { describe, expect, it } from "vitest";
import golden from "./order/order.golden.json";
import { run } from "../../engine";
import { ORDER_GAPS } from "./order/known-gaps";
import { checkFigure, ratioFigure } from "./figures";

/** Agreement per evaluator and snippet, filled by the cases below (they run in order) for the README's figure. */
const agreed = new Map<string, boolean>();

/** print() as the recorder's rhino shell has it, through each evaluator's logger. */
const PRINT = {
  legacy: "function print(s) { logger.message(String(s)); }\n",
  "next-gen": "function print(s) { logger.info(String(s)); }\n",
} as const;

describe("property order is Rhino 1.7.14's: insertion order, integer-like keys included (goldens from rhino -version 0)", () => {
  for (const evaluator of ["legacy", "next-gen"] as const) {
    for (const entry of golden) {
      const gap = ORDER_GAPS[entry.id];
      it(`${evaluator} ${entry.id}: ${entry.rhino.replace(/\n/g, "\\n")}${gap ? " (known gap)" : ""}`, async () => {
        const result = await run(PRINT[evaluator] + entry.source, { evaluator });
        expect(result.error ?? null).toBeNull();
        const printed = result.logs.map((l) => l.message).join("\n");
        agreed.set(`${evaluator} ${entry.id}`, printed === entry.rhino);
        if (gap) expect(printed).not.toBe(entry.rhino);
        else expect(printed).toBe(entry.rhino);
      });
    }
  }
  it("the README's figure is what these runs measured", () => {
    expect(agreed.size).toBe(golden.length * 2);
    checkFigure("order-agreement", ratioFigure([...agreed.values()].filter(Boolean).length, agreed.size));
  });
});
