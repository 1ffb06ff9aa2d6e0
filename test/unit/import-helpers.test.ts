import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64Text, decodeIfBase64 } from "../../engine/import/base64-text";
import { planScriptFiles, scenarioStub, scriptSlug } from "../../engine/import/file-names";
import type { ImportedScript } from "../../engine/import/exports";
import { findJsonSyntaxError, lineAndColumn } from "../../engine/import/json-text";

const jsonIsValid = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("JSON syntax error locator", () => {
  it("agrees with JSON.parse on which texts are valid JSON, including near-misses", () => {
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom("", ",", "}", "]", '"', ":", "\n", "\\", "x", "0"), fc.boolean())
      .map(([text, at, insert, remove]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(remove ? i + 1 : i);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated), (text) => {
        expect(findJsonSyntaxError(text) === null).toBe(jsonIsValid(text));
      }),
      { numRuns: 800 },
    );
  });

  it("points at the first offending character", () => {
    expect(findJsonSyntaxError('{"a": 1,}')).toEqual({ offset: 8, problem: "trailing comma before '}'" });
    expect(findJsonSyntaxError("{'a': 1}")).toEqual({ offset: 1, problem: "expected a property name in double quotes but found \"'\"" });
    expect(findJsonSyntaxError('{"a": "x\ny"}')?.problem).toBe("line break inside a string (write it as \\n)");
    expect(findJsonSyntaxError('{"a": 1} {')).toEqual({ offset: 9, problem: 'unexpected "{" after the end of the JSON value' });
    expect(lineAndColumn("ab\ncd\nef", 7)).toEqual({ line: 3, column: 2 });
  });
});

describe("Base64 decoding", () => {
  it("round-trips any text, whatever its characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(decodeBase64Text(Buffer.from(text, "utf8").toString("base64"))).toEqual({ ok: true, text });
      }),
    );
  });

  it("refuses padding in the middle and impossible lengths", () => {
    expect(decodeBase64Text("YQ==YQ==")).toEqual({ ok: false, problem: "'=' padding appears before the end" });
    expect(decodeBase64Text("YWJjZ")).toEqual({ ok: false, problem: "its length is not a whole number of Base64 groups" });
  });

  it("only decodes optional-Base64 fields when the result is readable text", () => {
    expect(decodeIfBase64(Buffer.from("var a = 1;").toString("base64"))).toBe("var a = 1;");
    expect(decodeIfBase64(Buffer.from([0, 1, 2, 3, 200, 10]).toString("base64"))).toBeNull();
    expect(decodeIfBase64("var a = 1;")).toBeNull();
    expect(decodeIfBase64("")).toBeNull();
  });
});

describe("file names for imported scripts", () => {
  it("slugs names as Frodo names its export files", () => {
    expect(scriptSlug("OAuth2 Access Token Modification Script")).toBe("OAuth2-Access-Token-Modification-Script");
    expect(scriptSlug("ADFS Profile Normalization (JS)")).toBe("ADFS-Profile-Normalization-(JS)");
    expect(scriptSlug("Bravo OIDC Claims Script - imported (1)")).toBe("Bravo-OIDC-Claims-Script-imported-(1)");
    expect(scriptSlug("ForgeRock Internal: OAuth2 Access Token Modification Script")).toBe(
      "ForgeRock-Internal-OAuth2-Access-Token-Modification-Script",
    );
  });

  it("never yields path separators or characters Windows refuses", () => {
    expect(scriptSlug("Café  Token/Script*?<v2>")).toBe("Cafe-TokenScriptv2");
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(scriptSlug(name)).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]|^\.|\.$/);
      }),
    );
  });

  const script = (name: string, language: ImportedScript["language"] = "JAVASCRIPT", id?: string): ImportedScript => ({
    name,
    language,
    evaluator: "legacy",
    source: "",
    format: "frodo",
    warnings: [],
    ...(id ? { id } : {}),
  });

  it("gives every script its own files, even when names collide", () => {
    const planned = planScriptFiles([script("Token Script"), script("token script", "GROOVY"), script("Token Script"), script("???", "JAVASCRIPT", "abc-1")]);
    expect(planned.map((p) => [p.sourceFile, p.scenarioFile])).toEqual([
      ["Token-Script.js", "Token-Script.scenario.json"],
      ["token-script-2.groovy", "token-script-2.scenario.json"],
      ["Token-Script-3.js", "Token-Script-3.scenario.json"],
      ["abc-1.js", "abc-1.scenario.json"],
    ]);
  });

  it("writes a scenario stub with the script's name, evaluator and realm", () => {
    const imported = { ...script("Alpha Script"), evaluator: "next-gen" as const, description: "d", realm: "/alpha" };
    expect(scenarioStub(imported, "../schema/scenario.schema.json")).toEqual({
      $schema: "../schema/scenario.schema.json",
      name: "Alpha Script",
      description: "d",
      evaluator: "next-gen",
      scriptName: "Alpha Script",
      realm: "/alpha",
    });
    expect(Object.keys(scenarioStub(script("X")))).toEqual(["name", "evaluator", "scriptName"]);
  });
});
