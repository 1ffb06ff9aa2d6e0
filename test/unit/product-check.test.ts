/**
 * `check` per product: an IBM mapping rule is checked as IBM's appliance will run it, a OneWelcome hook file
 * against the hook's contract; what the lint predicts is what the run then does.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check, run, type IbmRunResult } from "../../engine";
import type { RunWarning } from "../../engine/result";

const IMPORTS = `importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.OAuthMappingExtUtils);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtUtils);
`;

const ibmCheck = (source: string, ibmRule?: "pre-token" | "post-token") => check(source, "legacy", { product: "ibm-verify-access", ibmRule });
const codes = (warnings: RunWarning[]) => warnings.map((w) => w.code);
const ibmRun = async (source: string, rule: "pre-token" | "post-token" = "post-token") =>
  (await run(source, { product: "ibm-verify-access", ibm: { rule } })) as IbmRunResult;

describe("check for an IBM mapping rule", () => {
  it("passes IBM's published idiom without a warning", () => {
    const result = ibmCheck(`${IMPORTS}
var RESPONSE = "urn:ibm:names:ITFIM:oauth:response:attribute";
var ctx = stsuu.getContextAttributes();
var state_id = ctx.getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");
var tier = OAuthMappingExtUtils.getAssociation(state_id, "tier");
IDMappingExtUtils.traceString("tier " + tier);
stsuu.addContextAttribute(new Attribute("tier", RESPONSE, tier));
`, "post-token");
    expect(result).toEqual({ ok: true, error: null, warnings: [] });
  });

  it("says a utility used without importClass is not defined, and the run agrees", async () => {
    const source = `var x = OAuthMappingExtUtils.getEmptyMap();`;
    const result = ibmCheck(source);
    expect(result.warnings).toEqual([expect.objectContaining({ code: "ibm-not-imported", line: 1 })]);
    expect(result.warnings[0].message).toContain("importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.OAuthMappingExtUtils)");
    expect((await ibmRun(source)).error?.message).toBe('ReferenceError: "OAuthMappingExtUtils" is not defined.');
  });

  it("takes importPackage of the class's package as an import, and a with(JavaImporter) block as unknowable", () => {
    expect(ibmCheck(`importPackage(Packages.com.tivoli.am.fim.trustserver.sts.utilities);\nIDMappingExtUtils.traceString("x");`).warnings).toEqual([]);
    expect(ibmCheck(`with (new JavaImporter(Packages.com.tivoli.am.fim.trustserver.sts.utilities)) { IDMappingExtUtils.traceString("x"); }`).warnings).toEqual([]);
  });

  it("names AM's bindings and the container runtime's objects as absent from a classic rule", async () => {
    const source = `${IMPORTS}var a = accessToken.getScope();\ntokenData.groups = ["x"];\nlogger.message("hi");`;
    const result = ibmCheck(source);
    expect(result.warnings.map((w) => `${w.code}@${w.line}`)).toEqual(["wrong-product-api@4", "wrong-product-api@5", "wrong-product-api@6"]);
    expect(result.warnings[2].message).toContain("IDMappingExtUtils.traceString");
    expect((await ibmRun(source)).error?.message).toBe('ReferenceError: "accessToken" is not defined.');
  });

  it("does not take a rule's own variable named like an AM binding for the binding", () => {
    expect(ibmCheck(`var scopes = ["a"]; var n = scopes.length;`).warnings).toEqual([]);
  });

  it("flags a method IBM's classes lack (with the near name) and one IBM documents but the playground does not emulate", async () => {
    const source = `${IMPORTS}var ctx = stsuu.getContextAttributes();\nvar v = ctx.getAttributeValueByNameAndTyp("a", "b");\nOAuthMappingExtUtils.updateToken("id", 10, 0, true);`;
    const result = ibmCheck(source);
    expect(result.warnings.map((w) => `${w.code}@${w.line}`)).toEqual(["ibm-unknown-method@5", "ibm-not-emulated@6"]);
    expect(result.warnings[0].message).toContain("did you mean getAttributeValueByNameAndType()?");
    const ran = await ibmRun(source);
    expect(ran.error?.message).toMatch(/Cannot find function getAttributeValueByNameAndTyp/);
  });

  it("flags an attribute type IBM does not document, with the type it was probably meant to be", () => {
    const result = ibmCheck(`${IMPORTS}var R = "urn:ibm:names:ITFIM:oauth:response:attributes";\nstsuu.addContextAttribute(new Attribute("x", R, "1"));`);
    expect(codes(result.warnings)).toEqual(["ibm-attribute-type"]);
    expect(result.warnings[0].message).toContain('did you mean "urn:ibm:names:ITFIM:oauth:response:attribute"?');
    expect(result.warnings[0].line).toBe(5);
  });

  it("knows the stage: no state_id in the pre-token rule, ID-token claims too late in the post-token rule", () => {
    const read = `${IMPORTS}var s = stsuu.getContextAttributes().getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");`;
    expect(codes(ibmCheck(read, "pre-token").warnings)).toEqual(["ibm-state-id-in-pre"]);
    expect(ibmCheck(read, "post-token").warnings).toEqual([]);
    const claim = `${IMPORTS}stsuu.addAttribute(new Attribute("acr", "urn:ibm:jwt:claim", "gold"));`;
    expect(codes(ibmCheck(claim, "post-token").warnings)).toEqual(["ibm-claim-after-id-token"]);
    expect(ibmCheck(claim, "pre-token").warnings).toEqual([]);
  });

  it("checks Rhino's syntax as the run does, with the hint for the ES6 construct", () => {
    const result = ibmCheck("let a = () => 1;");
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe("syntax");
    expect(result.error?.line).toBe(1);
  });

  it("does not give AM's lint to an IBM rule", () => {
    // AM's legacy lint says identity.getAttributeValues is next-generation API; for IBM identity is simply absent.
    const result = ibmCheck(`var v = identity.getAttributeValues("mail");`);
    expect(codes(result.warnings)).toEqual(["wrong-product-api"]);
  });
});

const owCheck = (text: string, onewelcome: Record<string, unknown> = {}) => check(text, "legacy", { product: "onewelcome", onewelcome });

describe("check for a OneWelcome hook", () => {
  it("passes the subscriptions sample's kind of handler", () => {
    const result = owCheck(`function handle(request) {\n  return { removeScopes: request.scopes.filter(function (s) { return s === "x"; }), additionalClaims: { plan: request.client.id } };\n}`);
    expect(result).toEqual({ ok: true, error: null, warnings: [] });
  });

  it("refuses a handler script without handle(), as the run does", async () => {
    const result = owCheck(`function answer(request) { return {}; }`);
    expect(result.ok).toBe(false);
    expect(result.error?.message).toContain("must define function handle(request)");
    const ran = await run(`function answer(request) { return {}; }`, { product: "onewelcome" });
    expect(ran.error?.message).toContain("must define function handle(request)");
  });

  it("names request fields the contract does not have and answer fields it ignores", () => {
    const result = owCheck(`function handle(req) {\n  var who = req.userId;\n  var ip = req.executionContext.ip;\n  return { removeScopes: "email", claims: {} };\n}`);
    expect(result.warnings.map((w) => `${w.code}@${w.line}`)).toEqual(["onewelcome-request-field@2", "onewelcome-request-field@3", "onewelcome-answer@4", "onewelcome-answer-field@4"]);
    expect(result.warnings[0].message).toContain("user, client, scopes, userClaims, executionContext, contextCustomParams");
  });

  it("gives a handler's syntax error its line", () => {
    const result = owCheck(`function handle(r) {\n  return { removeScopes: [ };\n}`);
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ kind: "syntax", line: 2 });
  });

  it("checks a MockServer expectation's matcher against what OneWelcome sends, and its answer against the contract", () => {
    const file = JSON.stringify(
      [{ httpRequest: { method: "GET", path: "/customize", headers: { Authorization: ["Basic aG9vazpob29r"] } }, httpResponse: { statusCode: 200, body: { type: "JSON", json: { removeScopes: "email" } } } }],
      null,
      2,
    );
    const result = owCheck(file, { authentication: "basic", username: "hook", password: "nope" });
    expect(codes(result.warnings)).toEqual(["onewelcome-matcher", "onewelcome-matcher", "onewelcome-matcher", "onewelcome-answer"]);
    expect(result.warnings[1].message).toContain("/v1/customize-access-token");
    expect(result.warnings[3].message).toContain("$.removeScopes");
    expect(result.warnings[1].line).toBe(5);
    // The seed's own expectation with the seed's credentials meets the request.
    const seed = file.replace('"GET"', '"POST"').replace('"/customize"', '"/v1/customize-access-token"').replace('"removeScopes": "email"', '"removeScopes": ["email"]');
    expect(owCheck(seed, { authentication: "basic", username: "hook", password: "hook" }).warnings).toEqual([]);
  });

  it("says what it cannot check when the hook is the user's own service", () => {
    const result = owCheck(`function handle(r) { return {}; }`, { hookUrl: "http://127.0.0.1:8080" });
    expect(result.warnings).toEqual([expect.objectContaining({ code: "onewelcome-hook-service" })]);
    expect(result.warnings[0].message).toContain("http://127.0.0.1:8080/v1/customize-access-token");
    expect(result.warnings[0].message).toContain("cannot tell whether that service is up");
  });

  it("gives broken expectation JSON its line", () => {
    const result = owCheck(`[\n  { "httpRequest": { "path": "/v1/customize-access-token" },\n  }\n]`);
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ kind: "syntax", line: 3 });
  });
});

describe("check for AM is unchanged by products", () => {
  it("still gives AM's evaluator hints for an AM script", () => {
    expect(codes(check(`identity.getAttributeValues("mail");`, "legacy").warnings)).toEqual(["wrong-evaluator-api"]);
  });
});

describe("the product samples check clean", () => {
  // Samples are modelled on IBM's published rules and seed 004: a warning on them would be a false alarm.
  const cases = readdirSync("samples").filter((f) => /^(ibm|onewelcome)-.*\.case\.json$/.test(f));
  it.each(cases)("%s", (file) => {
    const scenario = JSON.parse(readFileSync(`samples/${file}`, "utf8")) as { script?: string; product: "ibm-verify-access" | "onewelcome"; ibm?: { rule?: "pre-token" | "post-token" }; onewelcome?: Record<string, unknown> };
    expect(scenario.script, "the case names its rule or hook file").toMatch(/\.(js|json)$/);
    const text = readFileSync(`samples/${scenario.script!}`, "utf8");
    expect(check(text, "legacy", { product: scenario.product, ibmRule: scenario.ibm?.rule ?? "post-token", onewelcome: scenario.onewelcome ?? {} })).toEqual({ ok: true, error: null, warnings: [] });
  });
});

describe("Java values in an IBM rule", () => {
  it("says a stsuu value is a java.lang.String that === never matches, and the run agrees", async () => {
    const source = `${IMPORTS}var type = stsuu.getContextAttributes().getAttributeValueByName("request_type");
IDMappingExtUtils.traceString("" + (type === "access_token") + " " + (type == "access_token") + " " + (String(type) === "access_token"));`;
    const result = ibmCheck(source);
    expect(result.warnings.map((w) => `${w.code}@${w.line}`)).toEqual(["java-string-equality@5"]);
    expect(result.warnings[0].message).toContain("type holds a java.lang.String");
    const ran = await ibmRun(source);
    expect(ran.logs.filter((l) => l.level === "trace").map((l) => l.message)).toEqual(["false true true"]);
  });

  it("takes a String[]'s length as the array's and its element as a Java String", () => {
    const source = `${IMPORTS}var values = stsuu.getContextAttributes().getAttributeValuesByName("scope");
var n = values.length;
if (values[0] === "openid") { n = 0; }`;
    expect(ibmCheck(source).warnings.map((w) => `${w.code}@${w.line}`)).toEqual(["java-string-equality@6"]);
  });
});
