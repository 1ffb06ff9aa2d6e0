/**
 * js-value-in-java-field warns only where AM's outcome differs from what the author expects: a JS array or
 * object handed to setField reaches AM as Rhino's NativeArray / NativeObject, a java.util.List / Map that AM's
 * JSON serialisation writes as the JSON array / object it holds (the playground does the same, numbers as the
 * Doubles they are). Members JSON has no value for (functions, undefined, NaN, Infinity) are what differ.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../../engine/run";

const FIELD_WARNING = "js-value-in-java-field";

describe("js-value-in-java-field", () => {
  it("stays quiet for AIC's shipped groups script (a JS array of group names)", async () => {
    const script = readFileSync("samples/groups-to-claims.js", "utf8");
    const result = await run(script, { scopes: ["fr:iga:*"], identity: { groups: [{ id: "admins" }] } }, { evaluator: "legacy" });
    expect(result.error).toBeNull();
    expect(result.introspection?.groups).toEqual(["admins"]);
    expect(result.warnings.map((w) => w.code)).not.toContain(FIELD_WARNING);
  });

  it("stays quiet for AM's default script (setFields with an object parsed from JSON)", async () => {
    const script = readFileSync("samples/am-default-example.js", "utf8");
    const scenario = JSON.parse(readFileSync("samples/am-default-example.case.json", "utf8")).scenario;
    const result = await run(script, scenario, { evaluator: "legacy" });
    expect(result.warnings.map((w) => w.code)).not.toContain(FIELD_WARNING);
  });

  it("stays quiet for nested arrays and objects of strings, numbers, booleans and null", async () => {
    const result = await run("accessToken.setField('x', { a: [1, 'b', true, null], c: { d: 'e' } });", {}, { evaluator: "legacy" });
    expect(result.warnings.map((w) => w.code)).not.toContain(FIELD_WARNING);
    expect(result.introspection?.x).toEqual({ a: [1, "b", true, null], c: { d: "e" } });
  });

  const differing: [string, string, RegExp][] = [
    ["an undefined element", "accessToken.setField('x', ['a', undefined]);", /\[1\] is undefined/],
    ["a function member", "accessToken.setField('x', { f: function () {} });", /\.f is a function/],
    ["a NaN deep inside", "accessToken.setField('x', { a: [{ n: 0 / 0 }] });", /\.a\[0\]\.n is NaN/],
  ];
  for (const [what, script, problem] of differing) {
    it(`warns for ${what}, showing the script's own value`, async () => {
      const result = await run(script, {}, { evaluator: "legacy" });
      const warning = result.warnings.find((w) => w.code === FIELD_WARNING);
      expect(warning?.message).toMatch(problem);
      expect(warning?.message).not.toContain('"a,b"');
      expect(warning?.line).toBe(1);
    });
  }

  it("shows the value the script stored", async () => {
    const result = await run("accessToken.setField('x', ['first', undefined]);", {}, { evaluator: "legacy" });
    expect(result.warnings.find((w) => w.code === FIELD_WARNING)?.message).toContain('(["first", undefined])');
  });
});
