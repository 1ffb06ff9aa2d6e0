import { describe, expect, it } from "vitest";
import { run } from "../../engine";

describe("instanceof against Java classes (legacy)", () => {
  it("answers as Rhino does for Java strings, collections and JS values", async () => {
    const result = await run(
      [
        "var id = accessToken.getClientId();",
        "var out = [id instanceof java.lang.String, 'js' instanceof java.lang.String, scopes instanceof java.util.HashSet,",
        "  scopes instanceof java.util.HashMap, new java.util.HashMap() instanceof java.util.HashMap];",
        "accessToken.setField('out', String(out));",
      ].join("\n"),
      { evaluator: "legacy" },
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.out).toBe("true,false,true,false,true");
  });
});
