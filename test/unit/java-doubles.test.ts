import { describe, expect, it } from "vitest";
import { formatAmJson, run } from "../../engine";

describe("Java doubles render as AM renders them", () => {
  it("a legacy setField('n', 42) shows as 42.0 in introspection and the token; next-generation keeps 42", async () => {
    const legacy = await run("accessToken.setField('n', 42);\naccessToken.setField('list', [1, 2.5]);", { evaluator: "legacy" });
    expect(legacy.javaDoubles).toEqual(expect.arrayContaining(["/introspection/n", "/introspection/list/0", "/introspection/list/1", "/token/after/n"]));
    expect(formatAmJson(legacy.introspection, legacy.javaDoubles, 2, "/introspection")).toMatch(/"n": 42\.0,\n\s+"list": \[\n\s+1\.0,\n\s+2\.5\n/);
    expect(legacy.introspection?.n).toBe(42);

    const nextGen = await run("accessToken.setField('n', 42);", { evaluator: "next-gen" });
    expect(nextGen.javaDoubles).toEqual([]);
    expect(formatAmJson(nextGen.introspection, nextGen.javaDoubles)).toMatch(/"n": 42\n/);
  });

  it("a client-side token's signed payload carries 42.0, byte for byte", async () => {
    const result = await run("accessToken.setField('n', 42);", { evaluator: "legacy", token: { storage: "client-side" } });
    const payload = Buffer.from(result.jwt!.compact.split(".")[1], "base64url").toString("utf8");
    expect(payload).toContain('"n":42.0');
    expect(result.javaDoubles).toContain("/jwt/claims/n");
  });

  it("a Java Integer object stays an integer; a long getter's value is a JS number, so it comes back a Double", async () => {
    const result = await run("accessToken.setField('i', java.lang.Integer.valueOf(5));\naccessToken.setField('exp', accessToken.getExpiryTime());", { evaluator: "legacy" });
    expect(result.error).toBeNull();
    expect(result.javaDoubles).not.toContain("/introspection/i");
    expect(result.javaDoubles).toContain("/introspection/exp");
    const text = formatAmJson(result.introspection, result.javaDoubles, 0, "/introspection");
    expect(text).toContain('"i":5');
    expect(text).toContain('"exp":1.75511146E12');
  });

  it("formats Java's Double.toString forms", () => {
    expect(formatAmJson({ a: 1e7, b: 0.0001, c: -3 }, ["/a", "/b", "/c"], 0)).toBe('{"a":1.0E7,"b":1.0E-4,"c":-3.0}');
  });
});
