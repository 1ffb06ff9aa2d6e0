/**
 * Legacy addExtraData(String, String | Supplier<String>) and addExtraJsonData(String, Supplier<JsonValue>) with
 * each kind of script value, as Rhino 1.7.14 converts it (engine/evaluators/legacy/supplier-args.ts). The `rhino`
 * column is what `rhino -version 0 -opt -1` printed over a stand-in class with AM's two overloads (the Supplier's
 * get() result recorded, or the error), on 2026-12-01:
 *   addExtraData('k', ['a', 'b'])            → String overload "a,b"
 *   addExtraData('k', {a: 1})                → Supplier overload, get() null
 *   addExtraData('k', {get: function…'g'})   → Supplier overload, "g"
 *   addExtraData('k', 5) / true / undefined  → "5" / "true" / "undefined"
 *   addExtraData('k', null)                  → InternalError: The choice of Java method ….addExtraData matching
 *                                              JavaScript argument types (string,null) is ambiguous; …
 *   addExtraJsonData('k', ['a'])             → InternalError: Cannot convert org.mozilla.javascript.NativeArray@… to
 *                                              java.util.function.Supplier
 *   addExtraJsonData('k', 'value') / 5       → InternalError: Can't find method ….addExtraJsonData(string,string). / (string,number).
 *   addExtraJsonData('k', new java.util.HashMap()) → Can't find method ….addExtraJsonData(string,java.util.HashMap).
 *   addExtraJsonData('k', {a: 1})            → Supplier, get() null
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine/run";

const TOKEN = "org.forgerock.openam.oauth2.OpenAMAccessToken";

const stored: [string, string, unknown][] = [
  ["an array takes the String overload", "accessToken.addExtraData('k', ['a', 'b']);", "a,b"],
  ["a plain object becomes a Supplier without get(): null", "accessToken.addExtraData('k', {a: 1});", null],
  ["an object's own get function is the Supplier's get()", "accessToken.addExtraData('k', {get: function () { return 'g'; }});", "g"],
  ["a number is String()'d as JavaScript does", "accessToken.addExtraData('k', 5);", "5"],
  ["undefined is the text undefined", "accessToken.addExtraData('k', undefined);", "undefined"],
  ["a function is the Supplier", "accessToken.addExtraData('k', function () { return 'v'; });", "v"],
  ["addExtraJsonData: a plain object becomes a Supplier without get(): null", "accessToken.addExtraJsonData('k', {a: 1});", null],
];

const refused: [string, string, string][] = [
  [
    "addExtraData(k, null) matches both overloads",
    "accessToken.addExtraData('k', null);",
    `The choice of Java method ${TOKEN}.addExtraData matching JavaScript argument types (string,null) is ambiguous; candidate methods are: \n    void addExtraData(java.lang.String,java.util.function.Supplier)\n    void addExtraData(java.lang.String,java.lang.String)`,
  ],
  ["addExtraJsonData(k, string)", "accessToken.addExtraJsonData('k', 'value');", `Can't find method ${TOKEN}.addExtraJsonData(string,string).`],
  ["addExtraJsonData(k, number)", "accessToken.addExtraJsonData('k', 5);", `Can't find method ${TOKEN}.addExtraJsonData(string,number).`],
  ["addExtraJsonData(k, a Java map)", "accessToken.addExtraJsonData('k', new java.util.HashMap());", `Can't find method ${TOKEN}.addExtraJsonData(string,java.util.HashMap).`],
];

describe("legacy addExtraData / addExtraJsonData take what Rhino hands a Supplier or String parameter", () => {
  for (const [what, script, value] of stored) {
    it(what, async () => {
      const result = await run(script, {}, { evaluator: "legacy" });
      expect(result.error).toBeNull();
      expect(result.token?.extraData).toEqual({ k: value });
    });
  }
  for (const [what, script, message] of refused) {
    it(`${what}: refused as Rhino refuses it`, async () => {
      const result = await run(script, {}, { evaluator: "legacy" });
      expect(result.error?.message).toContain(message);
      expect(result.error?.line).toBe(1);
    });
  }
  it("addExtraJsonData(k, JS array) cannot become a Supplier", async () => {
    const result = await run("try { accessToken.addExtraJsonData('k', ['a']); } catch (e) { logger.message(String(e)); }", {}, { evaluator: "legacy" });
    expect(result.logs.map((l) => l.message)).toEqual([expect.stringMatching(/^InternalError: Cannot convert org\.mozilla\.javascript\.NativeArray@[0-9a-f]+ to java\.util\.function\.Supplier \(<Unknown source>#1\)$/)]);
  });
  it("warns when a supplier returns no String / JsonValue, which AM's code may not accept", async () => {
    const result = await run("accessToken.addExtraData('k', function () { return 5; }); accessToken.addExtraJsonData('j', function () { return ['a']; });", {}, { evaluator: "legacy" });
    const warnings = result.warnings.filter((w) => w.code === "supplier-result-type").map((w) => w.message);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("not a java.lang.String");
    expect(warnings[1]).toContain("a JavaScript array, not a JsonValue");
    expect(result.warnings.filter((w) => w.code === "supplier-result-type").every((w) => w.line === 1)).toBe(true);
  });
  it("stays quiet for a supplier of a string, as AM's docs write it", async () => {
    const result = await run("accessToken.addExtraData('k', function () { return 'v' + 1; });", {}, { evaluator: "legacy" });
    expect(result.warnings.map((w) => w.code)).not.toContain("supplier-result-type");
    expect(result.token?.extraData).toEqual({ k: "v1" });
  });
});
