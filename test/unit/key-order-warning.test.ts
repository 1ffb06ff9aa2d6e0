import { describe, expect, it } from "vitest";
import { run } from "../../engine";

/** An object with integer-like keys reaches the token, where the host lists them first (AM: in creation order). */
describe("rhino-key-order: the token may list an object's keys in another order than AM", () => {
  for (const evaluator of ["legacy", "next-gen"] as const) {
    it(`${evaluator}: setField with {b, "2"} warns, naming the field`, async () => {
      const result = await run('var o = {b: 1}; o["2"] = 2;\naccessToken.setField("claims", o);', { evaluator });
      expect(result.error ?? null).toBeNull();
      const warning = result.warnings.find((w) => w.code === "rhino-key-order");
      expect(warning?.message).toContain('setField("claims")');
      expect(warning?.line).toBe(2);
    });
    it(`${evaluator}: a nested one is named where it sits`, async () => {
      const result = await run('accessToken.setFields({outer: {name: "n", "10": "x"}});', { evaluator });
      expect(result.error ?? null).toBeNull();
      expect(result.warnings.find((w) => w.code === "rhino-key-order")?.message).toContain("the object at outer");
    });
    it(`${evaluator}: objects with only named keys, or only one key, stay quiet`, async () => {
      const result = await run('accessToken.setField("a", {b: 1, c: [1, 2]});\naccessToken.setField("n", {"7": 1});', { evaluator });
      expect(result.warnings.filter((w) => w.code === "rhino-key-order")).toEqual([]);
    });
  }
  it("next-gen: addExtraJsonData warns too", async () => {
    const result = await run('accessToken.addExtraJsonData("x", {name: "n", "10": "x"});', { evaluator: "next-gen" });
    expect(result.warnings.find((w) => w.code === "rhino-key-order")?.message).toContain("addExtraJsonData");
  });
});
