import { describe, expect, it } from "vitest";
import golden from "./goldens/rhino-date-parse.json";
import { run } from "../../engine";

// Goldens: test/unit/goldens/record-date-parse.mjs (real Rhino 1.7.14, interpreted, in UTC as AM runs).
describe("Date.parse and new Date(text) read a text as AM's Rhino reads it", () => {
  for (const evaluator of ["legacy", "next-gen"] as const) {
    it(`${evaluator}: ${golden.parse.length} texts (strict ISO, then Rhino's older parser: no hyphenated dates, no milliseconds)`, async () => {
      const texts = golden.parse.map(([t]) => t);
      const script = `var t = ${JSON.stringify(texts)}, out = [];\nfor (var i = 0; i < t.length; i++) out.push(String(Date.parse(t[i])) + "/" + String(new Date(t[i]).getTime()));\naccessToken.setField("out", JSON.stringify(out));`;
      const result = await run(script, { evaluator });
      expect(result.error).toBeNull();
      const observed = JSON.parse(String(result.introspection?.out)) as string[];
      const differing = golden.parse.flatMap(([text, rhino], i) => (observed[i] === `${rhino}/${rhino}` ? [] : [{ text, rhino, playground: observed[i] }]));
      expect(differing).toEqual([]);
    });
  }
  it("a year below 1000 or negative prints with four digits, as Rhino writes it", async () => {
    const years = golden.years.map(([y]) => y);
    const script = `var y = ${JSON.stringify(years)}, out = [];\nfor (var j = 0; j < y.length; j++) { var d = new Date(0); d.setUTCFullYear(y[j]); out.push(String(d) + " | " + d.toDateString()); }\naccessToken.setField("out", JSON.stringify(out));`;
    const result = await run(script, { evaluator: "legacy" });
    expect(JSON.parse(String(result.introspection?.out))).toEqual(golden.years.map(([, shown]) => shown));
  });
});
