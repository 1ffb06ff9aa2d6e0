/**
 * Importing a script export either succeeds or throws ImportError whose message names the file, so a
 * support engineer always knows which of a customer's files to open.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ImportError, parseScriptExport } from "../../engine/import/exports";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

const fileName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}\.json$/);
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
const anyField = fc.oneof(scalar, fc.jsonValue({ maxDepth: 2 }));

/** Script records with each field either plausible or random. */
const scriptRecord = fc.record(
  {
    _id: fc.oneof(fc.uuid(), anyField),
    name: fc.oneof(fc.constantFrom("Token Mod", "a/b:c*?", ""), anyField),
    context: fc.oneof(fc.constantFrom("OAUTH2_ACCESS_TOKEN_MODIFICATION", "AUTHENTICATION_TREE_DECISION_NODE"), anyField),
    language: fc.oneof(fc.constantFrom("JAVASCRIPT", "GROOVY"), anyField),
    evaluatorVersion: fc.oneof(fc.constantFrom("1.0", "2.0", "V1_0", "V2_0"), anyField),
    script: fc.oneof(
      fc.constant(b64("accessToken.setField('a', 1);")),
      fc.constant(["accessToken.setField('a', 1);", "logger.info('x');"]),
      fc.constantFrom("file://scripts/x.js", "file://../etc/passwd", "file:///abs.js", "!!notbase64!!"),
      anyField,
    ),
  },
  { requiredKeys: [] },
);

const exportDocument = fc.oneof(
  fc.record({ result: fc.oneof(fc.array(scriptRecord, { maxLength: 3 }), anyField) }, { requiredKeys: [] }),
  fc.record({
    metadata: fc.oneof(fc.record({ entityType: fc.oneof(fc.constant("Scripts"), anyField), realm: anyField }, { requiredKeys: [] }), anyField),
    data: fc.oneof(scriptRecord, anyField),
  }, { requiredKeys: [] }),
  fc.record({ script: fc.oneof(fc.dictionary(fc.string({ maxLength: 6 }), scriptRecord, { maxKeys: 3 }), anyField) }, { requiredKeys: [] }),
  fc.record({
    global: fc.oneof(fc.record({ script: fc.dictionary(fc.string({ maxLength: 6 }), scriptRecord, { maxKeys: 2 }) }), anyField),
    realm: fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), fc.record({ script: fc.dictionary(fc.string({ maxLength: 6 }), scriptRecord, { maxKeys: 2 }) })), anyField),
  }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A well-formed AM REST export, so every run of the property also exercises the accepting path. */
const validExport = fc
  .record({
    _id: fc.uuid(),
    name: fc.constantFrom("Token Mod", "Claims"),
    context: fc.constant("OAUTH2_ACCESS_TOKEN_MODIFICATION"),
    language: fc.constant("JAVASCRIPT"),
    evaluatorVersion: fc.constantFrom("1.0", "2.0"),
    script: fc.constant(b64("accessToken.setField('a', 1);")),
  })
  .map((record) => ({ result: [record] }));

const exportText = fc.oneof(
  { weight: 2, arbitrary: validExport.map((d) => JSON.stringify(d, null, 2)) },
  { weight: 5, arbitrary: exportDocument.map((d) => JSON.stringify(d, null, 2)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: exportDocument.chain((d) => fc.nat().map((cut) => { const t = JSON.stringify(d); return t.slice(0, cut % (t.length + 1)); })) },
);

const sibling = fc.option(fc.constantFrom("var a = 1;", ""), { nil: undefined });

describe("parseScriptExport over generated export files", () => {
  it("throws only ImportError, and its message names the file", () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(exportText, fileName, sibling, (text, name, siblingText) => {
        try {
          const scripts = parseScriptExport(text, name, () => siblingText);
          expect(Array.isArray(scripts)).toBe(true);
          accepted++;
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          expect(error.message).toContain(name);
          expect(error.file).toBe(name);
          rejected++;
        }
      }),
      { numRuns: 400 },
    );
    // Some generated exports must be importable, or only the rejection path was tested.
    expect(accepted).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });
});
