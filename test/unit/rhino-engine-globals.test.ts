import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import { RHINO_JAVA_GLOBALS } from "../../engine/dialect/rhino-surface";

// Recorded with the legacy recorder (real Rhino 1.7.14, AM's class shutter, an ImporterTopLevel scope), 2026-12-02:
//   var seen = []; for (var k in this) seen.push(k); … Object.keys(this) … importPackage = 5;
// for…in and Object.keys list the bindings and the script's own variables only; java, Packages, importPackage, …
// are there (typeof "object" / "function", "java" in this) but DONTENUM, and a script may still assign them.
const SCRIPT = `var seen = []; for (var k in this) seen.push(k);
var listed = Object.keys(this);
var java_ = typeof java, imp = typeof importPackage, has = "java" in this;
importPackage = 5;
accessToken.setField("out", JSON.stringify({ forIn: seen, keys: listed, java: java_, importPackage: imp, has: has, assigned: String(importPackage) }));`;

describe("Rhino's Java globals are not enumerable, as in an ImporterTopLevel scope", () => {
  for (const evaluator of ["legacy", "next-gen"] as const) {
    it(`${evaluator}: for…in and Object.keys over the global list none of them`, async () => {
      const result = await run(SCRIPT, { evaluator });
      expect(result.error).toBeNull();
      const out = JSON.parse(String(result.introspection?.out)) as { forIn: string[]; keys: string[]; java: string; importPackage: string; has: boolean; assigned: string };
      expect(out.forIn.filter((k) => RHINO_JAVA_GLOBALS.includes(k))).toEqual([]);
      expect(out.keys.filter((k) => RHINO_JAVA_GLOBALS.includes(k))).toEqual([]);
      expect(out.forIn).toContain("accessToken");
      if (evaluator === "legacy") expect({ java: out.java, importPackage: out.importPackage, has: out.has, assigned: out.assigned }).toEqual({ java: "object", importPackage: "function", has: true, assigned: "5" });
    });
  }
});
