import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import { RHINO_OBJECT_STATICS } from "../../engine/sandbox/rhino-object-statics";

// What `rhino -version 0` (1.7.14) prints for each ES5 Object function given a primitive (recorded 2026-12-02):
// every one throws this TypeError; null reads as type object.
const RHINO = (type: string) => `TypeError: Expected argument of type object, but instead had type ${type}`;

describe("Rhino's ES5 Object functions refuse primitives", () => {
  for (const evaluator of ["legacy", "next-gen"] as const) {
    it(`${evaluator}: each function, each primitive`, async () => {
      const script = `var fns = ${JSON.stringify(RHINO_OBJECT_STATICS)}, vals = ["s", 5, true, null, undefined], out = [];
for (var i = 0; i < fns.length; i++) for (var j = 0; j < vals.length; j++) {
  try { Object[fns[i]](vals[j], "length", {}); out.push("ok"); } catch (e) { out.push(String(e)); }
}
accessToken.setField("out", out.join("|"));`;
      const result = await run(script, { evaluator });
      expect(result.error).toBeNull();
      const expected = RHINO_OBJECT_STATICS.flatMap(() => ["string", "number", "boolean", "object", "undefined"].map(RHINO));
      const out = result.introspection?.out;
      expect(typeof out === "string" ? out.split("|") : out).toEqual(expected);
    });
  }

  it("still answer for objects, functions and arrays", async () => {
    const result = await run('accessToken.setField("out", [Object.keys({a: 1}).join(), Object.keys([5]).join(), Object.getOwnPropertyNames(function f() {}).length > 0, Object.isFrozen(Object.freeze({}))].join(";"));', { evaluator: "next-gen" });
    expect(result.introspection?.out).toBe("a;0;true;true");
  });
});
