/**
 * A script's undefined handed to a Java parameter typed Object (or String) reaches Java as the String "undefined":
 * Rhino 1.7.14's NativeJavaObject.coerceTypeImpl converts Undefined so for both types. Goldens: real Rhino
 * (goldens/rhino-undefined-to-java.json, its `recorded` says how); for the token, the legacy recorder's
 * AM-typed token (published case kyid-aic-legacy#kyid-attributes-missing: setField(name, undefined) lists
 * `name=undefined` and reads back as an object, a java.lang.String).
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import golden from "./goldens/rhino-undefined-to-java.json";

async function values(exprs: string[]): Promise<string[]> {
  const script = exprs.map((e) => `logger.message(JSON.stringify(String(${e})));`).join("\n");
  const result = await run(script, {}, { evaluator: "legacy" });
  expect(result.error).toBeNull();
  return result.logs.map((l) => JSON.parse(l.message) as string);
}

describe("undefined handed to Java, as Rhino converts it", () => {
  it("java.util collections and arrays hold, find and remove it as the String \"undefined\"", async () => {
    expect(await values(golden.cases.map((c) => c.expr))).toEqual(golden.cases.map((c) => c.rhino));
  });

  it("setField(name, undefined) stores the String \"undefined\", with no warning left to give", async () => {
    const result = await run(
      `accessToken.setField("f", undefined);
var v = accessToken.getField("f");
logger.message(typeof v + " " + v + " " + accessToken.getCustomFields());`,
      {},
      { evaluator: "legacy" },
    );
    expect(result.logs.map((l) => l.message)).toEqual(["object undefined {f=undefined}"]);
    expect(result.warnings.map((w) => w.code)).not.toContain("undefined-in-java-field");
  });
});
