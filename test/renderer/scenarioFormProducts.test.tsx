/**
 * The scenario form speaks of the product picked (issue 14): the token lifetime and storage in each product's
 * own terms, and for IBM the other mapping rule, loaded from a file since the page reads no paths.
 */
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { readFileSync } from "node:fs";
import { run } from "../../engine";
import { ScenarioForm, lifetimeProblem } from "../../renderer/components/ScenarioForm";
import { RULE_FILE_MAX_BYTES, otherRuleView, readRuleFile, ruleFileTarget, withIbm } from "../../renderer/state/ruleFile";
import { readScenario } from "../../renderer/state/scenarioState";

function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, " ");
}

describe("the scenario form's token wording", () => {
  const form = (doc: Record<string, unknown>) => text(renderToStaticMarkup(<ScenarioForm doc={doc} onChange={() => {}} files={new Map()} onFileLoaded={() => {}} />));

  it("a lifetime of 0 is refused in each product's own terms, marked inferred where the vendor says nothing", () => {
    expect(lifetimeProblem("0", "am")).toBe("The lifetime must be at least 1 second (AM refuses 0 and negative lifetimes).");
    for (const product of ["ibm-verify-access", "onewelcome"] as const) {
      const problem = lifetimeProblem("-5", product)!;
      expect(problem).toContain("at least 1 second");
      expect(problem).toContain("(inferred)");
      expect(problem).not.toMatch(/\bAM\b/);
    }
    expect(lifetimeProblem("0", "ibm-verify-access")).toContain("API protection definition");
    expect(lifetimeProblem("0", "onewelcome")).toContain("hook's contract");
    expect(lifetimeProblem("120", "onewelcome")).toBeNull();
  });

  it("AM's form offers AM's token storage; IBM's and OneWelcome's say what they issue instead, and never name AM or CTS", () => {
    const am = form({});
    expect(am).toContain("Server-side (opaque, CTS)");
    expect(am).toContain("OAuth2 provider's access token lifetime");
    const ibm = form({ product: "ibm-verify-access" });
    expect(ibm).toContain("API protection definition's access token lifetime");
    expect(ibm).toContain("opaque token values");
    expect(ibm).toContain("IBM mapping rules");
    const ow = form({ product: "onewelcome" });
    expect(ow).toContain("issues the access token as a JWT");
    expect(ow).not.toContain("IBM mapping rules");
    for (const shown of [ibm, ow]) expect(shown).not.toMatch(/\bAM\b|CTS/);
  });
});

const TRACE = "importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtUtils);\n";
const preRule = `${TRACE}IDMappingExtUtils.traceString("pre-token rule from the loaded file");\n`;
const postRule = `${TRACE}IDMappingExtUtils.traceString("post-token rule under edit");\n`;
const bytes = (text: string) => new TextEncoder().encode(text);
const ibmDoc = (otherRule?: string) => ({ product: "ibm-verify-access", ibm: { rule: "post-token", ...(otherRule === undefined ? {} : { otherRule }) } });

describe("IBM's other rule from a file in the page", () => {
  it("reads a .js file's text and refuses what is not a rule, naming the file", () => {
    expect(readRuleFile("pre.js", bytes(`\uFEFF${preRule}`))).toEqual({ ok: true, name: "pre.js", text: preRule });
    expect(readRuleFile("pre.json", bytes("{}"))).toEqual({ ok: false, message: "pre.json: not a mapping rule: IBM's rules are JavaScript files (.js)." });
    expect(readRuleFile("big.js", new Uint8Array(RULE_FILE_MAX_BYTES + 1))).toMatchObject({ ok: false, message: expect.stringMatching(/^big\.js: 513 KB is more than a mapping rule \(at most 512 KB\)/) });
    expect(readRuleFile("latin1.js", new Uint8Array([0x76, 0x61, 0x72, 0xe9]))).toMatchObject({ ok: false, message: expect.stringContaining("latin1.js: not UTF-8 text") });
    expect(readRuleFile("bin.js", new Uint8Array([0x61, 0, 0x62]))).toMatchObject({ ok: false, message: expect.stringContaining("bin.js: a binary file (a NUL character at offset 1)") });
    expect(readRuleFile("empty.js", bytes("  \n"))).toMatchObject({ ok: false, message: expect.stringContaining("empty.js: the file is empty") });
  });

  it("a file name the page has no file for is a scenario issue at $.ibm.otherRule saying how to load it, and nothing runs the name", () => {
    const read = readScenario(JSON.stringify(ibmDoc("rules/pre.js")), new Map());
    expect(read.issues).toEqual([{ path: "$.ibm.otherRule", message: expect.stringContaining('file "rules/pre.js" is not loaded: the page cannot read paths. Load it in Scenario › Form › IBM mapping rules') }]);
    expect(otherRuleView(read.doc, new Map())).toEqual({ kind: "file", name: "rules/pre.js", loaded: false, lines: null, from: null });
    // Another product's scenario never uses ibm.otherRule, so it is no issue there.
    expect(readScenario(JSON.stringify({ ibm: { otherRule: "pre.js" } }), new Map()).issues).toEqual([]);
  });

  it("a loaded file runs as the pre-token rule before the script, while the scenario keeps only its name", async () => {
    const files = new Map([["pre.js", preRule]]);
    const read = readScenario(JSON.stringify(ibmDoc("pre.js")), files);
    expect(read.issues).toEqual([]);
    expect((read.doc as { ibm: { otherRule: string } }).ibm.otherRule).toBe("pre.js");
    const result = await run(postRule, read.runDoc as Record<string, unknown>);
    expect(result.logs.map((l) => l.message)).toEqual(["pre-token rule from the loaded file", "post-token rule under edit"]);
    expect(otherRuleView(read.doc, files)).toEqual({ kind: "file", name: "pre.js", loaded: true, lines: 3, from: "loaded" });
  });

  it("a path the scenario already names keeps its folder when the same file is loaded (the CLI still finds it); another file replaces it by name", () => {
    expect(ruleFileTarget(ibmDoc("rules/pre.js"), "pre.js")).toEqual({ key: "rules/pre.js", otherRule: "rules/pre.js" });
    expect(ruleFileTarget(ibmDoc("rules/pre.js"), "other.js")).toEqual({ key: "other.js", otherRule: "other.js" });
    expect(ruleFileTarget(ibmDoc("var inline = 1;"), "pre.js")).toEqual({ key: "pre.js", otherRule: "pre.js" });
    expect(withIbm(ibmDoc("pre.js"), { otherRule: undefined })).toEqual({ product: "ibm-verify-access", ibm: { rule: "post-token" } });
  });

  it("a sample names its other rule relative to samples/, as the CLI reads it, and the page resolves it from the bundled samples", () => {
    const read = readScenario(JSON.stringify(ibmDoc("ibm-default-pre.js")), new Map());
    expect(read.issues).toEqual([]);
    expect((read.runDoc as { ibm: { otherRule: string } }).ibm.otherRule).toBe(readFileSync("samples/ibm-default-pre.js", "utf8"));
    expect(otherRuleView(read.doc, new Map())).toMatchObject({ kind: "file", loaded: true, from: "sample" });
  });

  it("the form tells what the other rule is: none, source in the scenario, or the file by name", () => {
    const form = (doc: Record<string, unknown>, files = new Map<string, string>()) =>
      text(renderToStaticMarkup(<ScenarioForm doc={doc} onChange={() => {}} files={files} onFileLoaded={() => {}} />));
    expect(form(ibmDoc())).toContain("None: only the post-token rule runs.");
    expect(form(ibmDoc("var a = 1;\nvar b = 2;"))).toContain("Source in the scenario (2 lines).");
    expect(form(ibmDoc("pre.js"), new Map([["pre.js", preRule]]))).toContain("pre.js (3 lines, loaded)");
    expect(form(ibmDoc("pre.js"))).toContain("pre.js: not loaded in this page. Pick or drop the file to run it.");
  });
});
