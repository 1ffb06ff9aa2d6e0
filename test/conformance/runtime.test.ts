import { describe, expect, it } from "vitest";
import golden from "./runtime/runtime.golden.json";
import { run } from "../../engine";

describe("runtime error messages read as Rhino 1.7.14 writes them (goldens from real Rhino)", () => {
  for (const entry of golden) {
    it(`${entry.id}: ${entry.rhino.message}`, async () => {
      const result = await run(entry.source, { evaluator: "next-gen" });
      expect(result.ok).toBe(false);
      expect(result.error?.message).toBe(entry.rhino.message);
    });
  }
});
