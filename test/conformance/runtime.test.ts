import { describe, expect, it } from "vitest";
import golden from "./runtime/runtime.golden.json";
import { run } from "../../engine";

/** A Java identity hash (org.mozilla.javascript.Undefined@306a30c7) differs on every JVM run; the rest must agree. */
const withoutHash = (message: string | undefined): string | undefined => message?.replace(/@[0-9a-f]{6,8}\b/g, "@HASH");

describe("runtime error messages read as Rhino 1.7.14 writes them (goldens from real Rhino)", () => {
  for (const entry of golden) {
    it(`${entry.id}: ${entry.rhino.message}`, async () => {
      const result = await run(entry.source, { evaluator: "next-gen" });
      expect(result.ok).toBe(false);
      expect(withoutHash(result.error?.message)).toBe(withoutHash(entry.rhino.message));
    });
  }
});

// A catch block reads the same words (without "Name: "), in both evaluators: scripts log e.message.
describe("a caught error's message is Rhino's too", () => {
  const caught = golden.filter((entry) => /^(?:TypeError|RangeError|URIError|ReferenceError): /.test(entry.rhino.message) && !entry.source.includes("throw"));
  for (const evaluator of ["legacy", "next-gen"] as const) {
    it(`${evaluator}: ${caught.length} snippets inside try/catch`, async () => {
      // At the top level, as recorded: a function's local variables would be named differently by Rhino.
      const lines = caught.map((entry, i) => `try {\n${entry.source}\nout[${i}] = "no error"; } catch (e) { out[${i}] = e.message; }`);
      const result = await run(`var out = [];\n${lines.join("\n")}\naccessToken.setField("out", JSON.stringify(out));`, { evaluator });
      expect(result.error).toBeNull();
      const observed = JSON.parse(String(result.introspection?.out)) as string[];
      const differing = caught.flatMap((entry, i) => {
        const expected = withoutHash(entry.rhino.message.replace(/^\w+: /, ""));
        return withoutHash(observed[i]) === expected ? [] : [{ id: entry.id, rhino: expected, playground: observed[i] }];
      });
      expect(differing).toEqual([]);
    });
  }
});
