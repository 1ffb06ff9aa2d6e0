import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExportError, exportScript } from "../../engine/export/exports";
import { encodeBase64Text } from "../../engine/export/base64-encode";
import { decodeBase64Text } from "../../engine/import/base64-text";
import { ImportError, parseScriptExport } from "../../engine/import/exports";
import { planScriptFiles } from "../../engine/import/file-names";

const FIXTURES = fileURLToPath(new URL("../fixtures/exports/", import.meta.url));

/** Every well-formed export fixture (the bad/ ones and the one whose sibling is missing are for errors). */
const GOOD_FIXTURES = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith(".json")),
  ...readdirSync(join(FIXTURES, "frodo-extracted"))
    .filter((f) => f.endsWith(".json") && f !== "Missing-Sibling.script.json")
    .map((f) => `frodo-extracted/${f}`),
];

function fixture(name: string) {
  const file = join(FIXTURES, name);
  const folder = join(file, "..");
  const readSibling = (relativePath: string) => {
    try {
      return readFileSync(join(folder, relativePath), "utf8");
    } catch {
      return undefined;
    }
  };
  const text = readFileSync(file, "utf8");
  return { file, text, readSibling, scripts: parseScriptExport(text, name, readSibling) };
}

describe("export: an unedited script gives the original file back byte for byte", () => {
  it("covers every format the importer reads", () => {
    const formats = new Set(GOOD_FIXTURES.flatMap((name) => fixture(name).scripts.map((s) => s.format)));
    expect([...formats].sort()).toEqual(["am-rest", "amster", "frodo"]);
    expect(GOOD_FIXTURES.length).toBeGreaterThanOrEqual(9);
  });

  for (const name of GOOD_FIXTURES) {
    it(name, () => {
      const { text, readSibling, scripts } = fixture(name);
      const planned = planScriptFiles(scripts);
      scripts.forEach((script, i) => {
        const exported = exportScript({
          originalText: text,
          originalFile: name,
          source: script.source,
          sourceFile: planned[i].sourceFile,
          script: script.id,
          readSibling,
        });
        expect(exported.exportText).toBe(text);
        expect(exported.changes).toEqual([]);
        expect(exported.script.name).toBe(script.name);
        for (const sibling of exported.siblings) expect(sibling.text).toBe(readSibling(sibling.relativePath));
      });
    });
  }
});

describe("export: an edited script, in the format it came from", () => {
  const EDIT = "accessToken.setField('edited', 'ü — 🎉');\n";

  it("AM REST: Base64 of the UTF-8 text, every other byte kept", () => {
    const { text } = fixture("am-rest-script.json");
    const { exportText, changes } = exportScript({ originalText: text, originalFile: "am-rest-script.json", source: EDIT, sourceFile: "a.js" });
    const record = JSON.parse(exportText);
    expect(decodeBase64Text(record.script)).toEqual({ ok: true, text: EDIT });
    // Node's own encoder is the independent oracle for the engine's host-free one.
    expect(record.script).toBe(Buffer.from(EDIT, "utf8").toString("base64"));
    expect(exportText.replace(/"script": "[^"]*"/, "")).toBe(text.replace(/"script": "[^"]*"/, ""));
    expect(changes).toEqual(["script text"]);
  });

  it("Amster: the same envelope, Base64 stays Base64 and plain stays plain", () => {
    for (const [name, plain] of [["amster-script.json", false], ["amster-script-plain.json", true]] as const) {
      const { text } = fixture(name);
      const { exportText } = exportScript({ originalText: text, originalFile: name, source: EDIT, sourceFile: "a.js" });
      const document = JSON.parse(exportText);
      expect(document.data.script).toBe(plain ? EDIT : encodeBase64Text(EDIT));
      expect(exportText).toContain('"script" : ');
      expect(Object.keys(document.data)).toEqual(Object.keys(JSON.parse(text).data));
      expect(document.metadata).toEqual(JSON.parse(text).metadata);
    }
  });

  it("Frodo string array: lines laid out as Frodo writes them, the other scripts untouched", () => {
    const name = "frodo-allAlphaScripts.script.json";
    const { text, scripts } = fixture(name);
    const target = scripts[0];
    const source = "(function () {\n\taccessToken.setField('x', 1);\r\n\n}());";
    const { exportText } = exportScript({ originalText: text, originalFile: name, source, sourceFile: "a.js", script: target.name });
    const document = JSON.parse(exportText);
    expect(document.script[target.id!].script).toEqual(["(function () {", "\taccessToken.setField('x', 1);\r", "", "}());"]);
    expect(exportText).toContain('      "script": [\n        "(function () {",\n        "\\taccessToken');
    const original = JSON.parse(text);
    for (const id of Object.keys(original.script).filter((id) => id !== target.id)) expect(document.script[id]).toEqual(original.script[id]);
    expect(Object.keys(document.script)).toEqual(Object.keys(original.script));
  });

  it("Frodo extracted: the .json stays as it was and the text goes to the file:// file beside it", () => {
    const name = "frodo-extracted/Alpha-OAuth2-Access-Token-Modification-Script.script.json";
    const { text } = fixture(name);
    const exported = exportScript({ originalText: text, originalFile: name, source: EDIT, sourceFile: "a.js" });
    expect(exported.exportText).toBe(text);
    expect(exported.siblings).toEqual([{ relativePath: "Alpha-OAuth2-Access-Token-Modification-Script.script.js", text: EDIT }]);
  });

  it("Frodo extracted with its .js missing: the export still writes it (the text is what is being replaced)", () => {
    const name = "frodo-extracted/Missing-Sibling.script.json";
    const text = readFileSync(join(FIXTURES, name), "utf8");
    const exported = exportScript({ originalText: text, originalFile: name, source: "a();\n", sourceFile: "a.js", readSibling: () => undefined });
    expect(exported.exportText).toBe(text);
    expect(exported.siblings).toHaveLength(1);
    expect(exported.siblings[0].text).toBe("a();\n");
    expect(text).toContain(`"file://${exported.siblings[0].relativePath}"`);
  });

  it("a Groovy script cannot move to next-gen", () => {
    const { text, scripts } = fixture("frodo-extracted/OAuth2-Access-Token-Modification-Script.script.json");
    expect(scripts[0].language).toBe("GROOVY");
    expect(() => exportScript({ originalText: text, originalFile: "g.json", source: "x", sourceFile: "a.groovy", evaluator: "next-gen" })).toThrow(
      /^g\.json at \$\.script\["[^"]+"\]\.language: a Groovy script cannot move to the next-generation evaluator/,
    );
  });

  it("a plain-text single string that the importer would take for Base64 is written as Base64, so it reads back", () => {
    const { text } = fixture("amster-script-plain.json");
    const { exportText, script } = exportScript({ originalText: text, originalFile: "x.json", source: "YWJj", sourceFile: "a.js" });
    expect(JSON.parse(exportText).data.script).toBe(encodeBase64Text("YWJj"));
    expect(script.source).toBe("YWJj");
  });
});

describe("export: the file's own layout is kept", () => {
  const FRODO = "frodo-allAlphaScripts.script.json";

  it("a file saved with CRLF line breaks gets CRLF in the new array too, and is unchanged when unedited", () => {
    const text = fixture(FRODO).text.replace(/\n/g, "\r\n");
    const [target] = parseScriptExport(text, FRODO);
    expect(exportScript({ originalText: text, originalFile: FRODO, source: target.source, sourceFile: "a.js", script: target.id }).exportText).toBe(text);
    const { exportText } = exportScript({ originalText: text, originalFile: FRODO, source: "a();\nb();", sourceFile: "a.js", script: target.id });
    expect(exportText.replace(/\r\n/g, "")).not.toContain("\n");
    expect(exportText).toContain('"script": [\r\n        "a();",\r\n        "b();"\r\n      ]');
  });

  it("a byte-order mark stays, and a one-line (minified) export stays on one line", () => {
    const minified = JSON.stringify(JSON.parse(fixture(FRODO).text));
    const withBom = `\ufeff${minified}`;
    const [target] = parseScriptExport(withBom, FRODO);
    expect(exportScript({ originalText: withBom, originalFile: FRODO, source: target.source, sourceFile: "a.js", script: target.id }).exportText).toBe(withBom);
    const { exportText } = exportScript({ originalText: withBom, originalFile: FRODO, source: "a();\nb();", sourceFile: "a.js", script: target.id });
    expect(exportText.startsWith("\ufeff{")).toBe(true);
    expect(exportText).not.toContain("\n");
    expect(exportText).toContain('"script":["a();","b();"]');
  });
});

describe("export: moving to the next-generation evaluator", () => {
  it("sets evaluatorVersion 2.0 and the _NEXT_GEN context in place", () => {
    const { text } = fixture("am-rest-script.json");
    const { exportText, script, changes } = exportScript({
      originalText: text, originalFile: "am-rest-script.json", source: "accessToken.setField('a', 'b');\n", sourceFile: "a.js", evaluator: "next-gen",
    });
    const record = JSON.parse(exportText);
    expect(record.evaluatorVersion).toBe("2.0");
    expect(record.context).toBe("OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN");
    expect(script.evaluator).toBe("next-gen");
    expect(script.warnings).toEqual([]);
    expect(changes).toEqual(["script text", "context OAUTH2_ACCESS_TOKEN_MODIFICATION → OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN", 'evaluatorVersion "1.0" → "2.0"']);
    expect(Object.keys(record)).toEqual(Object.keys(JSON.parse(text)));
  });

  it("adds a missing evaluatorVersion where Frodo's alphabetical order puts it", () => {
    const original = '{\n  "script": {\n    "x1": {\n      "_id": "x1",\n      "context": "OAUTH2_ACCESS_TOKEN_MODIFICATION",\n      "language": "JAVASCRIPT",\n      "name": "N",\n      "script": ["a();"]\n    }\n  }\n}\n';
    const { exportText } = exportScript({ originalText: original, originalFile: "n.json", source: "a();", sourceFile: "N.js", evaluator: "next-gen" });
    expect(exportText).toBe(original.replace('"OAUTH2_ACCESS_TOKEN_MODIFICATION",\n', '"OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN",\n      "evaluatorVersion": "2.0",\n'));
  });

  it("an already next-gen script is left as it is", () => {
    const { text, scripts } = fixture("am-rest-next-gen.json");
    const exported = exportScript({ originalText: text, originalFile: "n.json", source: scripts[0].source, sourceFile: "a.js", evaluator: "next-gen" });
    expect(exported.exportText).toBe(text);
  });

  it("a script that says 2.0 under the legacy context gets the _NEXT_GEN context, and its warning goes", () => {
    const original = JSON.stringify({ _id: "1", name: "x", language: "JAVASCRIPT", context: "OAUTH2_ACCESS_TOKEN_MODIFICATION", evaluatorVersion: "2.0", script: encodeBase64Text("a();") }, null, 2);
    expect(parseScriptExport(original, "m.json")[0].warnings.join(" ")).toContain("OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN");
    const { exportText, script, changes } = exportScript({ originalText: original, originalFile: "m.json", source: "a();", sourceFile: "a.js", evaluator: "next-gen" });
    expect(changes).toEqual(["context OAUTH2_ACCESS_TOKEN_MODIFICATION → OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN"]);
    expect(exportText).toBe(original.replace('"OAUTH2_ACCESS_TOKEN_MODIFICATION"', '"OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN"'));
    expect(script.warnings).toEqual([]);
  });

  it("back to legacy: evaluatorVersion 1.0 and the legacy context", () => {
    const { text, scripts } = fixture("am-rest-next-gen.json");
    const { exportText, script } = exportScript({ originalText: text, originalFile: "n.json", source: scripts[0].source, sourceFile: "a.js", evaluator: "legacy" });
    expect(JSON.parse(exportText)).toMatchObject({ evaluatorVersion: "1.0", context: "OAUTH2_ACCESS_TOKEN_MODIFICATION" });
    expect(script.evaluator).toBe("legacy");
  });

  it("refuses a context that has no next-gen counterpart, naming the place", () => {
    const original = JSON.stringify({ _id: "1", name: "x", language: "JAVASCRIPT", context: "POLICY_CONDITION", evaluatorVersion: "1.0", script: encodeBase64Text("a") }, null, 2);
    expect(() => exportScript({ originalText: original, originalFile: "p.json", source: "b", sourceFile: "a.js", evaluator: "next-gen" })).toThrow(
      "p.json at $.context: cannot move to next-gen: the context POLICY_CONDITION has no known next-gen counterpart",
    );
  });
});

describe("export: errors name the file and the place", () => {
  it("a broken original", () => {
    const run = () => exportScript({ originalText: '{"script": {"a": 1}}', originalFile: "orig.json", source: "x", sourceFile: "a.js" });
    expect(run).toThrow(ImportError);
    expect(run).toThrow('orig.json at $.script["a"]: expected a script object, found the number 1');
  });

  it("a many-script export and a file name that matches none", () => {
    const { text } = fixture("frodo-allAlphaScripts.script.json");
    const run = () => exportScript({ originalText: text, originalFile: "all.json", source: "x", sourceFile: "mine.js" });
    expect(run).toThrow(ExportError);
    expect(run).toThrow(/^all\.json: holds \d scripts and the file name mine\.js is not the one import gave any of them/);
  });

  it("a many-script export finds the script by the file name import wrote", () => {
    const { text, scripts } = fixture("frodo-allAlphaScripts.script.json");
    const exported = exportScript({ originalText: text, originalFile: "all.json", source: "x();", sourceFile: "/tmp/Alpha-Next-Gen-Mail-Claim.js" });
    expect(exported.script.name).toBe("Alpha Next-Gen Mail Claim");
    expect(exported.script.id).toBe(scripts.find((s) => s.name === "Alpha Next-Gen Mail Claim")!.id);
  });

  it("a lone surrogate in the edited text", () => {
    const { text } = fixture("am-rest-script.json");
    expect(() => exportScript({ originalText: text, originalFile: "o.json", source: "a;\nb = '\ud800';", sourceFile: "e.js" })).toThrow(
      "e.js at line 2, column 6: a lone UTF-16 surrogate has no UTF-8 form",
    );
  });
});

/** The `script` value of the record with this id, wherever the format keeps it. */
function valueOf(node: unknown, id: string): unknown {
  if (typeof node !== "object" || node === null) return undefined;
  const record = node as Record<string, unknown>;
  if (record._id === id && "script" in record) return record.script;
  for (const child of Object.values(record)) {
    const found = valueOf(child, id);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe("property: import → edit → export → import gives the edited text back, in every format", () => {
  const pieces = fc.constantFrom("\t", "\r\n", "\n", "\n\n", " ", "ü", "—", "🎉", "€", "\\", '"', "'", "abcd", "YWJj", "=", "accessToken.setField('k', 'v');");
  const sources = fc.oneof(
    fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join("")),
    fc.string({ unit: "grapheme", maxLength: 60 }),
    fc.string({ unit: "binary", maxLength: 40 }).filter((s) => !/[\ud800-\udfff]/u.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))),
  );

  for (const name of GOOD_FIXTURES) {
    it(name, () => {
      const { text, readSibling, scripts } = fixture(name);
      const planned = planScriptFiles(scripts);
      fc.assert(
        fc.property(sources, fc.nat({ max: scripts.length - 1 }), (source, i) => {
          const target = scripts[i];
          const exported = exportScript({ originalText: text, originalFile: name, source, sourceFile: planned[i].sourceFile, script: target.id, readSibling });
          const sibling = (p: string) => exported.siblings.find((s) => s.relativePath === p)?.text ?? readSibling(p);
          const reread = parseScriptExport(exported.exportText, name, sibling);
          expect(exported.script.source).toBe(source);
          expect(reread[i].source).toBe(source);
          expect(reread[i].id).toBe(target.id);
          expect(reread[i].name).toBe(target.name);
          expect(reread.map((s) => s.source).filter((_, k) => k !== i)).toEqual(scripts.map((s) => s.source).filter((_, k) => k !== i));
          // And back again: where the value's style cannot be lost (AM REST is always Base64, a Frodo array
          // stays an array), exporting the original text restores the original file byte for byte.
          const keepsStyle = target.format === "am-rest" || Array.isArray(valueOf(JSON.parse(text), target.id!));
          if (keepsStyle) {
            const restored = exportScript({ originalText: exported.exportText, originalFile: name, source: target.source, sourceFile: planned[i].sourceFile, script: target.id, readSibling: sibling });
            expect(restored.exportText).toBe(text);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
