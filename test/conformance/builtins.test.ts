import { describe, expect, it } from "vitest";
import golden from "./builtins/builtins.golden.json";
import snippets from "./builtins/snippets.mjs";
import { builtinsScript } from "./builtins/script.mjs";
import collation from "./builtins/locale-compare.golden.json";
import { LOCALE_COMPARE_PAIRS } from "./builtins/locale-compare-pairs.mjs";
import { run } from "../../engine";
import { javaCollatorCompare } from "../../engine/evaluators/java-collator";
import { checkFigure, ratioFigure } from "./figures";

type Evaluator = "legacy" | "next-gen";

/** What the playground observes for these snippets, run together in one script as record.mjs ran them in Rhino. */
async function observe(list: typeof snippets, evaluator: Evaluator): Promise<string[]> {
  const result = await run(`${builtinsScript(list)}\naccessToken.setField("out", JSON.stringify(out));`, { evaluator });
  expect(result.error).toBeNull();
  return JSON.parse(String(result.introspection?.out)) as string[];
}

const rhino = new Map(golden.snippets.map((s) => [s.id, s.rhino]));

// Rhino's built-ins QuickJS lacks (String.prototype.equals, Array/String generics, RegExp's legacy statics) and its
// for…in over strings. In one script the RegExp statics carry over from snippet to snippet, as recorded.
describe("Rhino-only built-ins answer as in real Rhino 1.7.14 (goldens: test/conformance/builtins)", () => {
  it("the goldens were recorded from the current snippets", () => {
    expect(golden.snippets.map((s) => s.expr)).toEqual(snippets.map((s) => s.expr));
  });
  for (const evaluator of ["legacy", "next-gen"] as const) {
    // java.lang.String is on the legacy allow-list only; without those two the statics' sequence is unchanged.
    const list = snippets.filter((s) => evaluator === "legacy" || !s.java);
    it(`${evaluator}: each snippet, in one script`, async () => {
      const observed = await observe(list, evaluator);
      const differing = list.flatMap((s, i) => (observed[i] === rhino.get(s.id) ? [] : [{ id: s.id, rhino: rhino.get(s.id), playground: observed[i] }]));
      expect(differing).toEqual([]);
    });
    // Alone, a for…in takes the plain path: the script then creates no integer-like key, so no key-order hooks.
    it(`${evaluator}: each for…in snippet alone`, async () => {
      const loops = list.filter((s) => s.id.startsWith("for-"));
      expect(loops.length).toBeGreaterThan(0);
      for (const s of loops) expect({ id: s.id, observed: (await observe([s], evaluator))[0] }).toEqual({ id: s.id, observed: rhino.get(s.id) });
    });
  }
});

describe("localeCompare orders as Java's Collator does in Rhino 1.7.14 (goldens: builtins/locale-compare.golden.json)", () => {
  it("the goldens were recorded from the current pairs", () => {
    expect(collation.pairs.map(([a, b]) => [a, b])).toEqual(LOCALE_COMPARE_PAIRS);
  });
  it("every recorded pair: case, accents, ignorable spaces and hyphens, punctuation, other scripts, random words", () => {
    const differing = collation.pairs.filter(([a, b, rhino]) => javaCollatorCompare(String(a), String(b)) !== rhino);
    expect(differing).toEqual([]);
  });
});

// The README's figure: every recorded snippet (legacy, all in one script) and every recorded localeCompare pair.
describe("the built-ins figure comes from this run", () => {
  it("builtins-agreement", async () => {
    const observed = await observe(snippets, "legacy");
    const snippetsAgreeing = snippets.filter((s, i) => observed[i] === rhino.get(s.id)).length;
    const pairsAgreeing = collation.pairs.filter(([a, b, r]) => javaCollatorCompare(String(a), String(b)) === r).length;
    checkFigure("builtins-agreement", ratioFigure(snippetsAgreeing + pairsAgreeing, snippets.length + collation.pairs.length));
  });
});
