import { describe, expect, it } from "vitest";
import { run } from "../../engine";

// Recorded with `rhino -version 0 -opt -1` (more in test/conformance/builtins: parseInt.*).
describe("parseInt reads a leading zero as octal, as AM's Rhino does, and says how to avoid it", () => {
  for (const evaluator of ["legacy", "next-gen"] as const) {
    it(`${evaluator}: a month from a date string is NaN without a radix, and the first such call is warned`, async () => {
      const script = `var parts = "2024-08-09".split("-");\nvar month = parseInt(parts[1]);\nvar day = parseInt(parts[2], 10);\naccessToken.setField("d", [month, day, parseInt("010")].join());`;
      const result = await run(script, { evaluator });
      expect(result.introspection?.d).toBe("NaN,9,8");
      const warned = result.warnings.filter((w) => w.code === "parse-int-radix");
      expect(warned.map((w) => w.line)).toEqual([2]);
      expect(warned[0]?.message).toMatch(/parseInt\(text, 10\)/);
    });
  }
  it("a script that passes the radix is not warned", async () => {
    const result = await run(`accessToken.setField("d", parseInt("08", 10));`, { evaluator: "legacy" });
    expect(result.warnings.some((w) => w.code === "parse-int-radix")).toBe(false);
  });
});
