/**
 * IBM Security Verify Access OAuth mapping rules (product ibm-verify-access; product.md "Other products' token
 * hooks"; reference flows-and-hooks.md §C): what a rule reads, where what it writes lands, and how the
 * appliance's helpers answer — as the user sees it in the run result.
 */
import { describe, expect, it } from "vitest";
import { run, type IbmRunResult } from "../../engine";

const IMPORTS = `importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtUtils);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.OAuthMappingExtUtils);
var RESPONSE = "urn:ibm:names:ITFIM:oauth:response:attribute";
var ctx = stsuu.getContextAttributes();
`;

async function ibm(script: string, scenario: Record<string, unknown> = {}): Promise<IbmRunResult> {
  const { ibm: ibmSection, ...rest } = scenario;
  return (await run(IMPORTS + script, { product: "ibm-verify-access", ...rest, ibm: { rule: "post-token", ...(ibmSection as object) } })) as IbmRunResult;
}

function traces(result: IbmRunResult): string[] {
  return result.logs.filter((l) => l.level === "trace").map((l) => l.message);
}

describe("IBM mapping rule inputs", () => {
  it("hands the token request to the rule as context attributes with IBM's types", async () => {
    const result = await ibm(`
      IDMappingExtUtils.traceString(ctx.getAttributeValueByNameAndType("request_type", "urn:ibm:names:ITFIM:oauth:request"));
      IDMappingExtUtils.traceString(ctx.getAttributeValueByNameAndType("grant_type", "urn:ibm:names:ITFIM:oauth:body:param"));
      IDMappingExtUtils.traceString(ctx.getAttributeValueByNameAndType("client_id", "urn:ibm:names:ITFIM:oauth:param"));
      IDMappingExtUtils.traceString("" + (ctx.getAttributeValueByNameAndType("code", "urn:ibm:names:ITFIM:oauth:body:param") != null));
      IDMappingExtUtils.traceString("" + ctx.getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state"));
      IDMappingExtUtils.traceString("" + ctx.getAttributeValueByNameAndType("grant_type", "urn:ibm:names:ITFIM:oauth:query:param"));
    `, { ibm: { stateId: "state-1" } });
    expect(result.ok).toBe(true);
    expect(traces(result)).toEqual(["access_token", "authorization_code", "myClient", "true", "state-1", "null"]);
  });

  it("gives the pre-token rule no state_id and the post-token rule the grant's, with the token response to read", async () => {
    const pre = `${IMPORTS}IDMappingExtUtils.traceString("pre " + ctx.getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state") + " " + ctx.getAttributeValueByNameAndType("scope", RESPONSE));
      stsuu.addContextAttribute(new Attribute("from_pre", "urn:example:stage", "saved in pre"));`;
    const result = await ibm(`
      IDMappingExtUtils.traceString("post " + ctx.getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state") + " " + ctx.getAttributeValueByNameAndType("scope", RESPONSE));
      IDMappingExtUtils.traceString("post sees " + ctx.getAttributeValueByNameAndType("from_pre", "urn:example:stage"));
      IDMappingExtUtils.traceString("expires_in " + ctx.getAttributeValueByNameAndType("expires_in", RESPONSE));
    `, { ibm: { stateId: "s-9", otherRule: pre } });
    expect(traces(result)).toEqual(["pre null null", "post s-9 access", "post sees saved in pre", "expires_in 3600"]);
    expect(result.ibm.rules.map((r) => `${r.stage}:${r.file}`)).toEqual(["pre-token:otherRule", "post-token:script"]);
  });

  it("reads values as a Java String[] of Java strings, as Rhino hands them (typeof object, == but not ===)", async () => {
    const result = await ibm(`
      var v = ctx.getAttributeValuesByNameAndType("request_type", "urn:ibm:names:ITFIM:oauth:request");
      IDMappingExtUtils.traceString([typeof v, Array.isArray(v), v.length, typeof v[0], v[0] == "access_token", v[0] === "access_token"].join(" "));
      IDMappingExtUtils.traceString("" + ctx.getAttributeValuesByNameAndType("nothing", RESPONSE));
      IDMappingExtUtils.traceString(typeof Map);
    `);
    // Goldens from rhino -version 0 (a java.lang.String[] element; no Map in Rhino's default language version).
    expect(traces(result)).toEqual(["object false 1 object true false", "null", "undefined"]);
  });

  it("puts the user's credential attributes in the attribute container only at /authorize", async () => {
    const script = `IDMappingExtUtils.traceString("" + stsuu.getAttributeContainer().getAttributeValueByName("AUTHENTICATION_LEVEL"));`;
    const atAuthorize = await ibm(script, { ibm: { requestType: "authorization", attributes: { AUTHENTICATION_LEVEL: ["2"] } } });
    const atToken = await ibm(script, { ibm: { attributes: { AUTHENTICATION_LEVEL: ["2"] } } });
    expect(traces(atAuthorize)).toEqual(["2"]);
    expect(atAuthorize.ibm.status).toBe(302);
    expect(traces(atToken)).toEqual(["null"]);
    expect(atToken.warnings.map((w) => w.code)).toContain("ibm-inferred");
  });

  it("hands the OIDC claims request to the rule as essential and voluntary claim attributes", async () => {
    const claims = JSON.stringify({ id_token: { acr: { essential: true, values: ["loa2", "loa3"] }, email: null } });
    const result = await ibm(`
      IDMappingExtUtils.traceString("" + ctx.getAttributeValuesByNameAndType("acr", "urn:ibm:names:ITFIM:oidc:claim:essential").join(","));
      IDMappingExtUtils.traceString("" + (ctx.getAttributeByNameAndType("email", "urn:ibm:names:ITFIM:oidc:claim:voluntary") != null));
    `, { ibm: { requestType: "authorization" }, request: { params: { claims: [claims] } } });
    expect(traces(result)).toEqual(["loa2,loa3", "true"]);
  });

  it("gives oauth_client and definition_id as globals", async () => {
    const result = await ibm(`
      IDMappingExtUtils.traceString(oauth_client.getClientId() + " " + oauth_client.isConfidential() + " " + JSON.parse(String(oauth_client.getExtendedData())).tier + " " + definition_id);
    `, { client: { clientId: "app" }, ibm: { definitionId: "3", client: { confidential: false, extendedData: { tier: "gold" } } } });
    expect(traces(result)).toEqual(["app false gold 3"]);
  });

  it("reaches IBM's classes only through importClass / importPackage, as on the appliance", async () => {
    const withoutImport = (await run(`OAuthMappingExtUtils.getEmptyMap();`, { product: "ibm-verify-access" })) as IbmRunResult;
    expect(withoutImport.ok).toBe(false);
    expect(withoutImport.error?.message).toContain("OAuthMappingExtUtils");
    const viaPackage = (await run(
      `importPackage(Packages.com.tivoli.am.fim.trustserver.sts.uuser);
       stsuu.addContextAttribute(new Attribute("via_package", "urn:ibm:names:ITFIM:oauth:response:attribute", "yes"));`,
      { product: "ibm-verify-access" },
    )) as IbmRunResult;
    expect(viaPackage.tokenResponse).toMatchObject({ via_package: "yes" });
  });

  it("has none of AM's bindings: a rule that reaches for them finds nothing", async () => {
    const result = await ibm(`IDMappingExtUtils.traceString([typeof accessToken, typeof identity, typeof logger, typeof scopes].join(" "));`);
    expect(traces(result)).toEqual(["undefined undefined undefined undefined"]);
  });

  it("reports a Rhino syntax error in the rule with its line, before any request runs", async () => {
    const result = (await run("var a = ;\n", { product: "ibm-verify-access" })) as IbmRunResult;
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ kind: "syntax", line: 1 });
  });

  it("refuses an otherRule given as a path the engine was not handed, naming the field", async () => {
    const result = (await run("var x = 1;", { product: "ibm-verify-access", ibm: { otherRule: "rules/pre.js" } })) as IbmRunResult;
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe("binding");
    expect(result.error?.message).toContain('ibm.otherRule is the file path "rules/pre.js"');
  });

  it("names the other rule, not a line of the script under edit, when the other rule fails", async () => {
    const result = await ibm("var fine = 1;", { ibm: { otherRule: "var x = 1;\nundefinedThing.call();" } });
    expect(result.ok).toBe(false);
    expect(result.error?.line).toBeUndefined();
    expect(result.error?.message).toMatch(/^pre-token rule \(ibm\.otherRule, line 2/);
    expect(result.ibm.status).toBe(500);
  });
});

describe("IBM mapping rule outputs", () => {
  it("routes a response attribute into the token response, and overrides expires_in as a number", async () => {
    const result = await ibm(`
      stsuu.addContextAttribute(new Attribute("department", RESPONSE, "Finance"));
      stsuu.addContextAttribute(new Attribute("expires_in", RESPONSE, 60));
    `);
    expect(result.ok).toBe(true);
    expect(result.tokenResponse).toMatchObject({ token_type: "bearer", department: "Finance", expires_in: 60 });
    expect(result.token?.changes).toEqual({ added: ["department"], changed: ["expires_in"], removed: [] });
    expect(result.warnings.filter((w) => w.code === "ibm-inferred").map((w) => w.message).join(" ")).toContain("replaces it");
  });

  it("takes a String[] built with java.lang.reflect.Array as a multi-valued attribute", async () => {
    const result = await ibm(`
      var roles = java.lang.reflect.Array.newInstance(java.lang.String, 2);
      roles[0] = "admin"; roles[1] = "auditor";
      IDMappingExtUtils.traceString([typeof roles, Array.isArray(roles), roles.length, typeof roles[0], roles[0] == "admin"].join(" "));
      stsuu.addContextAttribute(new Attribute("roles", RESPONSE, roles));
    `);
    // Golden from rhino -version 0: a java.lang.String[] and its elements.
    expect(traces(result)).toEqual(["object false 2 object true"]);
    expect(result.tokenResponse?.roles).toEqual(["admin", "auditor"]);
  });

  it("puts pre-token urn:ibm:jwt:claim attributes into the ID token, and warns about one added after it was made", async () => {
    const pre = `${IMPORTS}stsuu.addAttribute(new Attribute("acr", "urn:ibm:jwt:claim", "urn:example:loa:2"));`;
    const result = await ibm(`stsuu.addAttribute(new Attribute("late", "urn:ibm:jwt:claim", "too late"));`, { scopes: ["openid"], ibm: { otherRule: pre } });
    expect(result.idToken?.claims).toMatchObject({ acr: "urn:example:loa:2", sub: "bjensen", aud: "myClient" });
    expect(result.idToken?.claims).not.toHaveProperty("late");
    expect(result.warnings.find((w) => w.code === "ibm-claim-after-id-token")?.message).toContain("late");
  });

  it("overrides the subject with username typed urn:ibm:names:ITFIM:oauth:rule:decision", async () => {
    const pre = `${IMPORTS}stsuu.addContextAttribute(new Attribute("username", "urn:ibm:names:ITFIM:oauth:rule:decision", "alice"));`;
    const result = await ibm("", { scopes: ["openid"], ibm: { rule: "post-token", otherRule: pre } });
    expect(result.idToken?.claims.sub).toBe("alice");
  });

  it("issues a custom access-token value set in the pre-token rule", async () => {
    const result = await ibm(
      `stsuu.addContextAttribute(new Attribute("urn:ibm:ITFIM:oauth20:custom:token:access_token", "urn:ibm:ITFIM:oauth20:custom:token", "my-own-token-value"));`,
      { ibm: { rule: "pre-token" } },
    );
    expect(result.tokenResponse?.access_token).toBe("my-own-token-value");
  });

  it("answers introspection with only what the post-token rule leaves after stsuu.clear()", async () => {
    const result = await ibm(`stsuu.clear(); stsuu.addContextAttribute(new Attribute("active", RESPONSE, "false"));`, { ibm: { requestType: "introspect" } });
    expect(result.introspection).toEqual({ active: false });
  });
});

describe("IBM helpers", () => {
  it("stores associations against the state_id with the documented returns", async () => {
    const result = await ibm(`
      var s = ctx.getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");
      IDMappingExtUtils.traceString("" + OAuthMappingExtUtils.getAssociationKeys(s));
      IDMappingExtUtils.traceString("" + OAuthMappingExtUtils.associate(s, "a", "1"));
      IDMappingExtUtils.traceString("" + OAuthMappingExtUtils.getAssociationKeys(s).length);
      IDMappingExtUtils.traceString("" + OAuthMappingExtUtils.disassociate(s, "a") + " " + OAuthMappingExtUtils.disassociate(s, "a"));
      IDMappingExtUtils.traceString("" + OAuthMappingExtUtils.associate("no-such-grant", "a", "1"));
      OAuthMappingExtUtils.associate(s, "kept", "yes");
      var all = OAuthMappingExtUtils.retrieveAllAssociations(s);
      IDMappingExtUtils.traceString(all.get("kept") + " " + all.size());
    `);
    expect(traces(result)).toEqual(["null", "true", "1", "1 null", "false", "yes 1"]);
    expect(result.ibm.associations).toEqual({ kept: "yes" });
  });

  it("refuses a key or value over 256 characters, naming the limit and its source", async () => {
    const result = await ibm(`
      var s = ctx.getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");
      var k = new Array(258).join("k");
      IDMappingExtUtils.traceString("" + OAuthMappingExtUtils.associate(s, k, "v"));
      var ok = new Array(257).join("v");
      IDMappingExtUtils.traceString("" + OAuthMappingExtUtils.associate(s, "exact", ok));
      var m = OAuthMappingExtUtils.getEmptyMap(); m.put("big", ok + "v");
      IDMappingExtUtils.traceString("" + OAuthMappingExtUtils.batchCreate(s, m));
    `);
    const lines = traces(result);
    expect(lines.slice(0, 2)).toEqual(["false", "true"]);
    expect(lines[2]).toMatch(/257 characters, over the 256-character limit/);
    const warning = result.warnings.find((w) => w.code === "ibm-association-limit");
    expect(warning?.message).toContain("256");
    expect(warning?.message).toContain("OAuth: Custom token attributes");
    expect(Object.keys(result.ibm.associations)).toEqual(["exact"]);
  });

  it("batchDelete takes a java.util.ArrayList of keys", async () => {
    const result = await ibm(`
      var s = ctx.getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");
      var keys = new java.util.ArrayList(); keys.add("a"); keys.add("b");
      IDMappingExtUtils.traceString("" + OAuthMappingExtUtils.batchDelete(s, keys));
    `, { ibm: { associations: { a: "1", b: "2", c: "3" } } });
    expect(traces(result)).toEqual(["null"]);
    expect(result.ibm.associations).toEqual({ c: "3" });
  });

  it("fails the request with the message for throwSTSUserMessageException, marking the status inferred", async () => {
    const result = await ibm(`OAuthMappingExtUtils.throwSTSUserMessageException("The state parameter is too long.");`, { ibm: { rule: "pre-token" } });
    expect(result.ok).toBe(false);
    expect(result.tokenResponse).toBeNull();
    expect(result.error?.message).toBe("throwSTSUserMessageException: The state parameter is too long.");
    expect(result.ibm).toMatchObject({ status: 400, body: { error_description: "The state parameter is too long." } });
    expect(result.ibm.rules).toHaveLength(1);
    expect(result.warnings.find((w) => w.code === "ibm-inferred" && w.message.includes("not documented"))).toBeDefined();
  });

  it("keeps throwSTSException's message out of the response and in the log", async () => {
    const result = await ibm(`OAuthMappingExtUtils.throwSTSException("database is down");`);
    expect(result.ibm.status).toBe(500);
    expect(result.ibm.body).toEqual({ error: "server_error" });
    expect(result.logs).toContainEqual({ level: "error", message: "STSException: database is down" });
  });

  it("answers throwSTSCustomUserMessageException with the status and error the rule gives", async () => {
    const result = await ibm(`OAuthMappingExtUtils.throwSTSCustomUserMessageException("Step-up needed", 403, "insufficient_user_authentication");`);
    expect(result.ibm).toMatchObject({ status: 403, body: { error: "insufficient_user_authentication", error_description: "Step-up needed" } });
  });

  it("answers throwSTSAccessDeniedMessageException with IBM's 401, its error code marked inferred", async () => {
    const result = await ibm(`OAuthMappingExtUtils.throwSTSAccessDeniedMessageException("public clients may not introspect");`);
    expect(result.ibm).toMatchObject({ status: 401, body: { error: "access_denied", error_description: "public clients may not introspect" } });
    expect(result.failure?.note).toBe("IBM's rule comment gives 401; the error code (access_denied) is inferred.");
  });

  it("answers throwSTSCustomUserPageException with the status and error the rule gives", async () => {
    const result = await ibm(`OAuthMappingExtUtils.throwSTSCustomUserPageException("Bad request", 400, "invalid_request");`);
    expect(result.ibm).toMatchObject({ status: 400, body: { error: "invalid_request", error_description: "Bad request" } });
    expect(result.tokenResponse).toBeNull();
  });

  it("lets a rule catch a throwSTS* exception and carry on, as Rhino would", async () => {
    const result = await ibm(`try { OAuthMappingExtUtils.throwSTSUserMessageException("x"); } catch (e) { IDMappingExtUtils.traceString("caught"); }`);
    expect(result.ok).toBe(true);
    expect(traces(result)).toEqual(["caught"]);
    expect(result.ibm.status).toBe(200);
  });

  it("finds the grant of the code being exchanged with getToken (seed 003's pre-token snippet)", async () => {
    const pre = `
      var code = ctx.getAttributeValueByNameAndType("code", "urn:ibm:names:ITFIM:oauth:body:param");
      var token = OAuthMappingExtUtils.getToken(code);
      IDMappingExtUtils.traceString(token.getStateId() + " " + token.isExpired() + " " + OAuthMappingExtUtils.getAssociation(token.getStateId(), "lvl"));
      IDMappingExtUtils.traceString("" + OAuthMappingExtUtils.generateRandomString(12).length());
    `;
    const result = await ibm(pre, { ibm: { rule: "pre-token", stateId: "grant-7", associations: { lvl: "3" } } });
    expect(traces(result)).toEqual(["grant-7 false 3", "12"]);
  });
});
