import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ImportError, parseScriptExport, type ImportedScript } from "../../engine/import/exports";

const FIXTURES = fileURLToPath(new URL("../fixtures/exports/", import.meta.url));

function fixtureText(relative: string): string {
  return readFileSync(join(FIXTURES, relative), "utf8");
}

/** Parses a fixture the way the CLI does: `file://` references resolve beside the export. */
function importFixture(relative: string): ImportedScript[] {
  const file = join(FIXTURES, relative);
  return parseScriptExport(readFileSync(file, "utf8"), basename(file), (sibling) => {
    try {
      return readFileSync(join(dirname(file), sibling), "utf8");
    } catch {
      return undefined;
    }
  });
}

/** Runs `parse` and returns the ImportError it must throw. */
function importErrorOf(parse: () => unknown): ImportError {
  try {
    parse();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError, but the export was accepted");
}

const parseInline = (value: unknown, readSibling?: (p: string) => string | undefined) =>
  parseScriptExport(JSON.stringify(value, null, 2), "customer.json", readSibling);

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

describe("Frodo exports", () => {
  it("imports the AIC alpha default script from its extracted form, text read from the .script.js beside it", () => {
    const [script, ...rest] = importFixture("frodo-extracted/Alpha-OAuth2-Access-Token-Modification-Script.script.json");
    expect(rest).toEqual([]);
    expect(script).toEqual({
      id: "39c08084-1238-43e8-857f-2e11005eac49",
      name: "Alpha OAuth2 Access Token Modification Script",
      description: "Default alpha realm script for OAuth2 Access Token Modification",
      language: "JAVASCRIPT",
      context: "OAUTH2_ACCESS_TOKEN_MODIFICATION",
      evaluator: "legacy",
      format: "frodo",
      source: fixtureText("frodo-extracted/Alpha-OAuth2-Access-Token-Modification-Script.script.js"),
      warnings: [],
    });
    expect(script.source).toContain("/* EXAMPLE");
  });

  it("imports the classic AM Groovy default with its text kept and a warning that Groovy does not run here", () => {
    const [script] = importFixture("frodo-extracted/OAuth2-Access-Token-Modification-Script.script.json");
    expect(script.language).toBe("GROOVY");
    expect(script.evaluator).toBe("legacy");
    expect(script.source).toBe(fixtureText("frodo-extracted/OAuth2-Access-Token-Modification-Script.script.groovy"));
    expect(script.warnings).toHaveLength(1);
    expect(script.warnings[0]).toMatch(/Groovy.*JavaScript only.*cannot run this script.*text is kept/);
  });

  it("imports every script of a single-file (-a) export: line arrays, one string, Base64", () => {
    const scripts = importFixture("frodo-allAlphaScripts.script.json");
    const raw = JSON.parse(fixtureText("frodo-allAlphaScripts.script.json")).script;
    expect(scripts.map((s) => s.name)).toEqual([
      "Alpha Department Token Script",
      "Alpha Next-Gen Mail Claim",
      "Format Username",
      "Alpha Region Claim",
    ]);
    const [department, nextGen, formatUsername, region] = scripts;
    expect(department.source).toBe(raw[department.id!].script.join("\n"));
    expect(department.source.split("\n")[2]).toBe("    var departments = identity.getAttribute('departmentNumber');");
    expect(department.warnings).toEqual([]);

    expect(nextGen.evaluator).toBe("next-gen");
    expect(nextGen.description).toBeUndefined(); // Frodo writes a missing description as "null"
    expect(nextGen.source).toContain("identity.getAttributeValues('mail')");

    expect(formatUsername.source).toBe(raw[formatUsername.id!].script);
    expect(formatUsername.warnings).toHaveLength(1);
    expect(formatUsername.warnings[0]).toContain("AUTHENTICATION_TREE_DECISION_NODE is not an access-token modification context");

    expect(region.source).toBe("// Stored Base64-encoded in the Frodo export (frodo import accepts that)\naccessToken.setField('region', 'eu-west-1');\n");
    expect(region.warnings).toEqual([]);
    expect(scripts.every((s) => s.format === "frodo")).toBe(true);
  });

  it("imports the scripts of a full configuration export (frodo config export -a) with their realms", () => {
    const scripts = importFixture("frodo-config-export.json");
    expect(scripts.map((s) => [s.realm, s.name])).toEqual([
      ["/alpha", "ForgeRock Internal: OAuth2 Access Token Modification Script"],
      ["/alpha", "Alpha endUserUIClient OAuth2 Access Token Modification Script"],
      ["/bravo", "ForgeRock Internal: OAuth2 Access Token Modification Script"],
    ]);
    expect(scripts[1].source).toContain("scopes.contains('fr:idc:analytics:*')");
  });

  it("uses the map key as the id when a Frodo entry has no _id", () => {
    const [script] = parseInline({ script: { "k-1": { name: "N", context: "OAUTH2_ACCESS_TOKEN_MODIFICATION", language: "JAVASCRIPT", script: ["a();"] } } });
    expect(script.id).toBe("k-1");
  });

  it("reads a file:// reference in a subfolder beside the export", () => {
    const asked: string[] = [];
    const [script] = parseInline(
      { script: { x: { name: "N", context: "OAUTH2_ACCESS_TOKEN_MODIFICATION", language: "JAVASCRIPT", script: "file://scripts/N.script.js" } } },
      (p) => (asked.push(p), p === "scripts/N.script.js" ? "\uFEFFaccessToken.setField('a', 'b');" : undefined),
    );
    expect(asked).toEqual(["scripts/N.script.js"]);
    expect(script.source).toBe("accessToken.setField('a', 'b');");
  });

  it("infers GROOVY from an extracted .groovy file when the export omits the language", () => {
    const [script] = parseInline(
      { script: { x: { name: "N", context: "OAUTH2_ACCESS_TOKEN_MODIFICATION", script: "file://N.script.groovy" } } },
      () => "accessToken.setField('a', 'b')",
    );
    expect(script.language).toBe("GROOVY");
    expect(script.warnings.join("\n")).toMatch(/does not say the script's language; GROOVY is assumed/);
  });
});

describe("AM REST exports", () => {
  it("decodes the Base64 script of a single REST script, UTF-8 included", () => {
    const [script] = importFixture("am-rest-script.json");
    expect(script).toMatchObject({
      id: "7e3d2c1b-4a5f-4e6d-8c7b-9a0f1e2d3c4b",
      name: "Acme Employee Number Token Script",
      description: "Adds employee number (customer ticket 12345)",
      language: "JAVASCRIPT",
      context: "OAUTH2_ACCESS_TOKEN_MODIFICATION",
      evaluator: "legacy",
      format: "am-rest",
      warnings: [],
    });
    expect(script.source).toContain("accessToken.addExtraJsonData('tenant', { name: 'acme', tier: 'gold' });");
    expect(script.source).toContain("— ünïcödé ok");
  });

  it("imports a next-gen script as next-gen", () => {
    const [script] = importFixture("am-rest-next-gen.json");
    expect(script.evaluator).toBe("next-gen");
    expect(script.context).toBe("OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN");
    expect(script.source).toContain("httpClient.send('https://api.example.com/entitlements', { method: 'GET' }).get()");
    expect(script.warnings).toEqual([]);
  });

  it("imports every script of a query response, warning about the one that is not a token script", () => {
    const scripts = importFixture("am-rest-query.json");
    expect(scripts.map((s) => s.name)).toEqual(["Acme Employee Number Token Script", "Authentication Tree Decision Node Script"]);
    expect(scripts[0].warnings).toEqual([]);
    expect(scripts[1].source).toBe("outcome = 'true';\n");
    expect(scripts[1].warnings.join("\n")).toContain("AUTHENTICATION_TREE_DECISION_NODE is not an access-token modification context");
  });

  it("accepts Base64 with line breaks and without padding, as hand-copied values have", () => {
    const encoded = b64("accessToken.setField('k', 'v');").replace(/=+$/, "");
    const wrapped = encoded.slice(0, 10) + "\n" + encoded.slice(10);
    const [script] = parseInline({ name: "N", context: "OAUTH2_ACCESS_TOKEN_MODIFICATION", language: "JAVASCRIPT", script: wrapped });
    expect(script.source).toBe("accessToken.setField('k', 'v');");
  });
});

describe("Amster exports", () => {
  it("reads the Scripts entity with a Base64 script and the realm from its metadata", () => {
    const [script] = importFixture("amster-script.json");
    expect(script).toEqual({
      id: "4d3c2b1a-0f9e-4d8c-b7a6-a5b4c3d2e1f0",
      name: "Amster Source Claim",
      description: "Exported with amster export-config",
      language: "JAVASCRIPT",
      context: "OAUTH2_ACCESS_TOKEN_MODIFICATION",
      evaluator: "legacy",
      format: "amster",
      realm: "/alpha",
      source: "// Imported through Amster\naccessToken.setField('source', 'amster');\n",
      warnings: [],
    });
  });

  it("accepts a plain-text script without comment when it cannot be Base64", () => {
    const [script] = importFixture("amster-script-plain.json");
    expect(script.source).toBe("accessToken.setField('source', 'amster-plain');\n");
    expect(script.warnings).toEqual([]);
  });

  it("warns when the text could be either Base64 or plain source, saying how it was read", () => {
    const document = JSON.parse(fixtureText("amster-script.json"));
    document.data.script = "YWJj"; // Base64 of "abc", and also a valid one-word script
    const [script] = parseInline(document);
    expect(script.source).toBe("abc");
    expect(script.warnings).toHaveLength(1);
    expect(script.warnings[0]).toMatch(/"YWJj" is valid Base64 and could also be plain source; it was decoded as Base64 to "abc"/);
  });
});

describe("evaluator and context rules", () => {
  const record = (fields: Record<string, unknown>) =>
    parseInline({ name: "N", language: "JAVASCRIPT", script: b64("x();"), ...fields })[0];

  it('follows evaluatorVersion: "2.0" is next-gen, "1.0" or none is legacy', () => {
    expect(record({ context: "OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN", evaluatorVersion: "2.0" }).evaluator).toBe("next-gen");
    expect(record({ context: "OAUTH2_ACCESS_TOKEN_MODIFICATION", evaluatorVersion: "1.0" }).evaluator).toBe("legacy");
    const silent = record({ context: "OAUTH2_ACCESS_TOKEN_MODIFICATION" });
    expect(silent.evaluator).toBe("legacy");
    expect(silent.warnings).toEqual([]);
  });

  it("treats a *_NEXT_GEN context as next-gen even when evaluatorVersion is missing", () => {
    const script = record({ context: "OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN" });
    expect(script.evaluator).toBe("next-gen");
    expect(script.warnings).toEqual([]);
  });

  it("flags contradictions and unknown versions but still imports", () => {
    const contradiction = record({ context: "OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN", evaluatorVersion: "1.0" });
    expect(contradiction.evaluator).toBe("next-gen");
    expect(contradiction.warnings.join("\n")).toContain('next-generation only, but evaluatorVersion says "1.0"');

    const unknown = record({ context: "OAUTH2_ACCESS_TOKEN_MODIFICATION", evaluatorVersion: "3.0" });
    expect(unknown.evaluator).toBe("legacy");
    expect(unknown.warnings.join("\n")).toContain('evaluatorVersion "3.0" is not "1.0" or "2.0"');

    const legacyContextNextGen = record({ context: "OAUTH2_ACCESS_TOKEN_MODIFICATION", evaluatorVersion: "2.0" });
    expect(legacyContextNextGen.evaluator).toBe("next-gen");
    expect(legacyContextNextGen.warnings.join("\n")).toContain("OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN");
  });

  it("warns when the export does not name a context", () => {
    const script = record({});
    expect(script.warnings.join("\n")).toContain("does not say the script's context");
  });
});

describe("bad exports name the file and the place", () => {
  it("invalid JSON: line and column of the first syntax error", () => {
    const error = importErrorOf(() => importFixture("bad/invalid-json.json"));
    expect(error.file).toBe("invalid-json.json");
    expect(error.path).toBe("$");
    expect([error.line, error.column]).toEqual([6, 7]);
    expect(error.message).toBe("invalid-json.json, line 6, column 7: invalid JSON: expected ',' or '}' after a property value but found \"\\\"\"");
  });

  it("an empty file is invalid JSON at line 1, column 1", () => {
    const error = importErrorOf(() => parseScriptExport("", "empty.json"));
    expect(error.message).toBe("empty.json, line 1, column 1: invalid JSON: expected a value but found the end of the file");
  });

  it("unknown format", () => {
    const error = importErrorOf(() => importFixture("bad/unknown-format.json"));
    expect(error.path).toBe("$");
    expect(error.message).toMatch(/^unknown-format\.json at \$: unknown export format; expected an AM REST script/);
  });

  it("a top-level array is not an export", () => {
    const error = importErrorOf(() => parseInline([{ name: "x" }]));
    expect(error.message).toMatch(/^customer\.json at \$: expected a JSON object, found an array/);
  });

  it("missing script field in a Frodo entry", () => {
    const error = importErrorOf(() => importFixture("bad/missing-script.json"));
    expect(error.path).toBe('$.script["abc"].script');
    expect(error.message).toBe('missing-script.json at $.script["abc"].script: missing the "script" field that holds the script text');
  });

  it("missing script field in a REST script and in an Amster envelope", () => {
    expect(importErrorOf(() => parseInline({ name: "N", language: "JAVASCRIPT" })).path).toBe("$.script");
    const amster = JSON.parse(fixtureText("amster-script.json"));
    delete amster.data.script;
    expect(importErrorOf(() => parseInline(amster)).message).toContain("customer.json at $.data.script: missing");
  });

  it("plain text where AM REST requires Base64", () => {
    const error = importErrorOf(() => importFixture("bad/bad-base64.json"));
    expect(error.path).toBe("$.script");
    expect(error.message).toMatch(/^bad-base64\.json at \$\.script: not valid Base64: character "\." at offset 11 is not in the Base64 alphabet \(AM's REST API always Base64-encodes script text\)$/);
  });

  it("Base64 that decodes to bytes that are not UTF-8", () => {
    const error = importErrorOf(() => parseInline({ result: [{ name: "N", language: "JAVASCRIPT", script: "//79" }] }));
    expect(error.path).toBe("$.result[0].script");
    expect(error.message).toContain("not UTF-8 text");
  });

  it("an Amster file for another entity", () => {
    const error = importErrorOf(() => importFixture("bad/amster-wrong-entity.json"));
    expect(error.message).toBe('amster-wrong-entity.json at $.metadata.entityType: this Amster export holds a "OAuth2Provider" entity, not "Scripts"');
  });

  it("an extracted script whose file is missing names that file", () => {
    const error = importErrorOf(() => importFixture("frodo-extracted/Missing-Sibling.script.json"));
    expect(error.path).toBe('$.script["5b5e2a0e-8d0a-4f4c-9c51-0f6f3a3b7d11"].script');
    expect(error.message).toContain('"Customer-Token-Script.script.js", which was not found beside Missing-Sibling.script.json');
  });

  it("an extracted script with no way to read siblings (pasted text) says where the text is", () => {
    const text = fixtureText("frodo-extracted/Alpha-OAuth2-Access-Token-Modification-Script.script.json");
    const error = importErrorOf(() => parseScriptExport(text, "pasted.json"));
    expect(error.message).toContain('the script text is in the separate file "Alpha-OAuth2-Access-Token-Modification-Script.script.js"');
  });

  it("file:// references may not leave the export's folder", () => {
    let read = false;
    const error = importErrorOf(() =>
      parseInline({ script: { x: { name: "N", language: "JAVASCRIPT", script: "file://../../etc/passwd" } } }, () => ((read = true), "")),
    );
    expect(read).toBe(false);
    expect(error.path).toBe('$.script["x"].script');
    expect(error.message).toContain('no absolute paths, no ".."');
  });

  it("a line of a line-array that is not a string", () => {
    const error = importErrorOf(() => parseInline({ script: { x: { name: "N", language: "JAVASCRIPT", script: ["a();", "b();", 3] } } }));
    expect(error.message).toBe('customer.json at $.script["x"].script[2]: expected a line of script text, found the number 3');
  });

  it("an unknown language", () => {
    const error = importErrorOf(() => parseInline({ script: { x: { name: "N", language: "PYTHON", script: ["a();"] } } }));
    expect(error.message).toBe('customer.json at $.script["x"].language: expected "JAVASCRIPT" or "GROOVY", found the string "PYTHON"');
  });

  it("empty exports", () => {
    expect(importErrorOf(() => parseInline({ meta: {}, script: {} })).message).toBe("customer.json at $.script: the export holds no scripts");
    expect(importErrorOf(() => parseInline({ result: [], resultCount: 0 })).message).toBe("customer.json at $.result: the query response holds no scripts");
    expect(importErrorOf(() => parseInline({ meta: {} })).path).toBe("$.script");
  });

  it("a query response entry that is not an object", () => {
    const error = importErrorOf(() => parseInline({ result: [{ name: "N", language: "JAVASCRIPT", script: b64("a();") }, "oops"] }));
    expect(error.path).toBe("$.result[1]");
  });
});
