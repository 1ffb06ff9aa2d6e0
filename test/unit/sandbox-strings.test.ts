/**
 * Strings cross the sandbox boundary with every UTF-16 code unit, both ways, as Java strings hold them in AM:
 * a NUL no longer cuts a claim name ('role\u0000admin' became 'role'), and a lone surrogate no longer turns
 * into three U+FFFD. Nothing here is refused: asked directly, Jackson's UTF-8 generator (jackson-core 2.17.2 and
 * 2.20.1, the JSON writer family AM uses) writes {"a\uD800b":"x\u0000y"} for such strings, keeping both.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";

const ng = (script: string, scenario: Record<string, unknown> = {}) => run(script, { evaluator: "next-gen", ...scenario });
const legacy = (script: string, scenario: Record<string, unknown> = {}) => run(script, { evaluator: "legacy", ...scenario });

const TRICKY: [string, string][] = [
  ["a NUL inside", "role\u0000admin"],
  ["a NUL at the start", "\u0000x"],
  ["a lone high surrogate", "a\ud800b"],
  ["a lone low surrogate", "\udc00"],
  ["a reversed pair", "\udc00\ud800"],
  ["a surrogate then NUL", "\ud800\u0000a"],
  ["a real U+FFFD", "\ufffd"],
  ["an emoji (a valid pair)", "😀"],
  ["U+2028 and U+2029", "\u2028\u2029"],
];

describe("script strings reach the host intact", () => {
  for (const [what, text] of TRICKY) {
    it(`${what}: as a claim name and a value, in both evaluators`, async () => {
      const literal = JSON.stringify(text);
      for (const runner of [ng, legacy]) {
        const result = await runner(`accessToken.setField(${literal}, ${literal} + '|');`);
        expect(result.error).toBeNull();
        expect(Object.keys(result.introspection ?? {})).toContain(text);
        expect((result.introspection as Record<string, unknown>)[text]).toBe(`${text}|`);
      }
    });
  }

  it("nested keys and values, arrays and setFields keep every code unit", async () => {
    const result = await ng(`
      accessToken.setField('n', { 'k\\u0000': ['v\\ud800', { 'x\\udc00y': 'z\\u0000' }] });
      accessToken.setFields({ 'f\\u0000g': 'h\\ud83d' });`);
    expect(result.error).toBeNull();
    expect(result.introspection?.n).toEqual({ "k\u0000": ["v\ud800", { "x\udc00y": "z\u0000" }] });
    expect((result.introspection as Record<string, unknown>)["f\u0000g"]).toBe("h\ud83d");
  });

  it("a logger message keeps a NUL", async () => {
    const result = await ng("logger.error('before\\u0000after');");
    expect(result.logs.map((l) => l.message)).toContain("before\u0000after");
  });

  it("the message of a script's own uncaught error keeps every code unit", async () => {
    const result = await ng("throw new Error('bad\\u0000input\\ud800');");
    expect(result.error?.message).toBe("Error: bad\u0000input\ud800");
  });
});

describe("host strings reach the script intact", () => {
  it("getField gives back exactly what setField stored", async () => {
    const result = await ng(`
      var s = 'a\\u0000b\\ud800c\\udc00';
      accessToken.setField('k', s);
      accessToken.setField('same', accessToken.getField('k') === s);
      accessToken.setField('length', accessToken.getField('k').length);`);
    expect(result.introspection).toMatchObject({ same: true, length: 6 });
  });

  it("scenario data (identity attributes, secrets) keeps every code unit", async () => {
    const result = await ng(
      `accessToken.setField('attr', identity.getAttributeValues('odd')[0] === 'x\\u0000y\\ud800');
       accessToken.setField('secret', secrets.getGenericSecret('scripted.node.s').getAsUtf8() === 'p\\u0000q');`,
      { identity: { attributes: { odd: ["x\u0000y\ud800"] } }, secrets: { "scripted.node.s": "p\u0000q" } },
    );
    expect(result.error).toBeNull();
    expect(result.introspection).toMatchObject({ attr: true, secret: true });
  });

  it("a host error message quoting a script string keeps it", async () => {
    const result = await ng("try { secrets.getGenericSecret('a\\u0000b'); } catch (e) { accessToken.setField('m', e.message); }");
    expect(result.introspection?.m).toBe("org.forgerock.secrets.NoSuchSecretException: No secret configured for purpose a\u0000b");
  });

  it("a legacy Java map key with a NUL reads back", async () => {
    const result = await legacy(`
      var m = new java.util.HashMap(); m.put('k\\u0000', 'v\\ud800');
      accessToken.setField('v', String(m.get('k\\u0000')) === 'v\\ud800');
      accessToken.setField('w', String(m['k\\u0000']) === 'v\\ud800');`);
    expect(result.error).toBeNull();
    expect(result.introspection).toMatchObject({ v: true, w: true });
  });
});
