/**
 * The legacy evaluator's Java-value traps get a hint that names the fix (engine/dialect/java-values.ts), and
 * each hint says what the run really does: every claim is checked here against the playground's legacy
 * evaluator, whose Java views are conformance-tested against real Rhino (legacy goldens str.strict-eq,
 * str.typeof, str.length-prop-typeof, str.toString-typeof, str.split-elem-typeof, set.*).
 */
import { describe, expect, it } from "vitest";
import { check } from "../../engine/check";
import { run } from "../../engine";

const scenario = { evaluator: "legacy", identity: { attributes: { tier: ["gold"], groups: ["a", "b"] } } };

function hints(source: string, evaluator: "legacy" | "next-gen" = "legacy") {
  return check(source, evaluator).warnings.filter((w) => w.code.startsWith("java-"));
}

async function field(source: string, name = "out"): Promise<unknown> {
  const result = await run(source, scenario);
  expect(result.error).toBeNull();
  return result.token?.after[name];
}

describe("hints for Java values used as JS values (legacy)", () => {
  const tier = 'var tier = identity.getAttribute("tier").iterator().next();\n';

  it("=== against a string literal: the hint names String(x) and .equals, and both fixes work", async () => {
    const source = `${tier}if (tier === 'gold') { accessToken.setField("out", "gold"); }`;
    const [hint] = hints(source);
    expect(hint).toMatchObject({ code: "java-string-equality", line: 2 });
    expect(hint.message).toContain("tier holds a java.lang.String (from identity.getAttribute(\"tier\").iterator().next())");
    expect(hint.message).toContain("is always false");
    expect(hint.message).toContain("Use String(tier) === 'gold' or tier.equals('gold')");
    expect(await field(source)).toBeUndefined();
    expect(await field(`${tier}accessToken.setField("out", String(String(tier) === 'gold') + String(tier.equals('gold')));`)).toBe("truetrue");
  });

  it("toString() of a request parameter's Java list: === never matches it, the hint says so, and String(…) works", async () => {
    // Cloudflare's PingOne AIC MCP demo (published/cloudflare-mcp-aic.json) compares grant_type's text this way;
    // Rhino 1.7.14: typeof new java.util.ArrayList().toString() is "object", and === "[a]" is false.
    const read = "var gt = requestProperties.requestParams.get('grant_type');\n";
    const source = `${read}if (gt.toString() === '[authorization_code]') { accessToken.setField("out", "matched"); }`;
    const [hint] = hints(source);
    expect(hint).toMatchObject({ code: "java-string-equality", line: 2 });
    expect(hint.message).toContain("gt.toString() is a java.lang.String");
    expect(await field(source)).toBeUndefined();
    expect(await field(`${read}accessToken.setField("out", String(String(gt.toString()) === '[authorization_code]'));`)).toBe("true");
    expect(hints("if (requestProperties.get('requestHeaders').get('accept').toString() !== '[x]') {}").map((h) => h.code)).toEqual(["java-string-equality"]);
    expect(hints("if (requestProperties.requestHeaders['accept'].toString() !== '[x]') {}").map((h) => h.code)).toEqual(["java-string-equality"]);
    expect(hints("var p = requestProperties.requestParams;\nif (p.get('grant_type').toString() === 'x') {}", "next-gen")).toEqual([]);
  });

  it(".length of a Java String: the hint says it is a method, and .length() works", async () => {
    const source = `${tier}accessToken.setField("out", typeof tier.length);`;
    const [hint] = hints(source);
    expect(hint).toMatchObject({ code: "java-string-length", line: 2 });
    expect(hint.message).toContain("a Java String's length is a method: tier.length()");
    expect(await field(source)).toBe("function");
    expect(await field(`${tier}accessToken.setField("out", String(tier.length()));`)).toBe("4");
  });

  it("accessToken getters, session properties, toUpperCase() and split() elements are Java Strings too", () => {
    expect(hints('if (accessToken.getClientId() === "myClient") {}').map((h) => h.code)).toEqual(["java-string-equality"]);
    expect(hints('var h = session.getProperty("Host");\nif (h !== "x") {}').map((h) => h.line)).toEqual([2]);
    expect(hints(`${tier}var up = tier.toUpperCase();\nif (up === "GOLD") {}`).map((h) => h.line)).toEqual([3]);
    expect(hints('var part = accessToken.getClientId().split("-")[0];\nif (part === "my") {}').map((h) => h.line)).toEqual([2]);
  });

  it("switch, typeof and [..].indexOf compare strictly too", async () => {
    const codes = hints(`${tier}switch (tier) { case "gold": break; }\nif (typeof tier === "string") {}\nif (["gold"].indexOf(tier) >= 0) {}`).map((h) => h.code);
    expect(codes).toEqual(["java-string-switch", "java-string-typeof", "java-string-equality"]);
    expect(await field(`${tier}var out = "none"; switch (tier) { case "gold": out = "gold"; }\naccessToken.setField("out", out + "," + typeof tier + "," + ["gold"].indexOf(tier));`)).toBe("none,object,-1");
  });

  it("a java.util.Set has no .length: the hint names size()", async () => {
    const source = 'var groups = identity.getAttribute("groups");\naccessToken.setField("out", String(groups.length) + "," + groups.size());';
    const [hint] = hints(source);
    expect(hint).toMatchObject({ code: "java-collection-length", line: 2 });
    expect(hint.message).toContain("use groups.size()");
    expect(await field(source)).toBe("undefined,2");
  });

  it("no hint once the value is converted, is reassigned a JS string, or in the next-generation evaluator", () => {
    expect(hints(`${tier}if (String(tier) === "gold") {}`)).toEqual([]);
    expect(hints(`var tier = String(identity.getAttribute("tier").iterator().next());\nif (tier === "gold") {}`)).toEqual([]);
    expect(hints(`${tier}tier = "plain";\nif (tier === "gold") {}`)).toEqual([]);
    expect(hints(`function f(t) { return t === "gold"; }`)).toEqual([]);
    expect(hints('var t = identity.getAttributeValues("tier")[0];\nif (t === "gold") {}', "next-gen")).toEqual([]);
  });

  it("a long chain of aliases is followed a bounded way (no host recursion per alias)", () => {
    const aliases = Array.from({ length: 20000 }, (_, i) => `var a${i + 1} = a${i};`).join("\n");
    const source = `var a0 = accessToken.getClientId();\n${aliases}\nif (a20000 === "x") {}`;
    expect(() => hints(source)).not.toThrow();
  });
});
