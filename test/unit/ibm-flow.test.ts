/**
 * IBM mapping rules across a grant's life (runFlow with product ibm-verify-access): both rules at every
 * request, one state_id for the grant, associations that survive refresh — where AM carries nothing into a
 * refreshed token — and a grant that ends when a rule deletes it or the client revokes it.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { checkFlowExpectation, runFlow, type IbmRunResult } from "../../engine";

const IMPORTS = `importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtUtils);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.OAuthMappingExtUtils);
var ctx = stsuu.getContextAttributes();
var request_type = ctx.getAttributeValueByNameAndType("request_type", "urn:ibm:names:ITFIM:oauth:request");
var state_id = ctx.getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");
`;

function sample(name: string): string {
  return readFileSync(`samples/${name}`, "utf8");
}

describe("IBM flows", () => {
  it("passes the state-sharing flow sample: the associated level is still returned after a refresh", async () => {
    const scenario = JSON.parse(sample("ibm-state-sharing-flow.case.json"));
    const result = await runFlow(sample(scenario.script), scenario);
    expect(checkFlowExpectation(scenario.expect, result)).toEqual([]);
    const ids = result.steps.slice(0, 4).map((s) => (s.run as IbmRunResult).ibm.stateId);
    expect(new Set(ids).size).toBe(1);
    expect(result.steps[2].notes.map((n) => n.message).join(" ")).toContain("does not change on refresh");
  });

  it("shows the contrast with AM: the same value, taken from the session at authorization, is gone after AM's refresh", async () => {
    // AM: the legacy script reads the session, which refresh requests do not carry (flows-and-hooks.md §A.2).
    const am = await runFlow(
      `if (session != null) accessToken.setField("authentication_level", "" + session.getAuthLevel());`,
      {
        session: { authLevel: 2 },
        flow: [
          { request: "authorize", responseType: "code" },
          { request: "token", grantType: "authorization_code" },
          { request: "introspect", token: "access_token" },
          { request: "token", grantType: "refresh_token", after: 1800 },
          { request: "introspect", token: "access_token" },
        ],
      },
    );
    expect(am.steps[2].body).toHaveProperty("authentication_level", "2");
    expect(am.steps[4].body).not.toHaveProperty("authentication_level");
    expect(am.steps[3].warnings.map((w) => w.code)).toContain("claim-lost-on-refresh");
    const scenario = JSON.parse(sample("ibm-state-sharing-flow.case.json"));
    const ibm = await runFlow(sample(scenario.script), scenario);
    expect(ibm.steps[3].body).toHaveProperty("authentication_level", "2");
  });

  it("runs both rules at every request, pre-token before post-token, with that request's inputs", async () => {
    const trace = (stage: string) => `${IMPORTS}IDMappingExtUtils.traceString("${stage} " + request_type + " " + (state_id != null));`;
    const result = await runFlow(trace("post"), {
      product: "ibm-verify-access",
      ibm: { rule: "post-token", otherRule: trace("pre") },
      flow: [
        { request: "authorize" },
        { request: "token", grantType: "authorization_code" },
        { request: "introspect", token: "access_token" },
        { request: "token", grantType: "refresh_token" },
        { request: "revoke", token: "refresh_token" },
      ],
    });
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.run?.logs.map((l) => l.message))).toEqual([
      ["pre authorization false", "post authorization true"],
      ["pre access_token false", "post access_token true"],
      ["pre introspect false", "post introspect true"],
      ["pre access_token false", "post access_token true"],
      ["pre revoke false", "post revoke true"],
    ]);
    expect(result.steps.map((s) => s.status)).toEqual([302, 200, 200, 200, 200]);
  });

  it("ends the grant when a rule calls deleteGrant: the next refresh is invalid_grant and its associations are gone", async () => {
    const rule = `${IMPORTS}
      if (request_type == "authorization") OAuthMappingExtUtils.associate(state_id, "k", "v");
      if (request_type == "introspect") OAuthMappingExtUtils.deleteGrant(state_id);`;
    const result = await runFlow(rule, {
      product: "ibm-verify-access",
      flow: [
        { request: "authorize" },
        { request: "token", grantType: "authorization_code" },
        { request: "introspect", token: "access_token" },
        { request: "token", grantType: "refresh_token" },
        { request: "introspect", token: "access_token" },
      ],
    });
    expect((result.steps[1].run as IbmRunResult).ibm.associations).toEqual({ k: "v" });
    expect(result.steps[3]).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect((result.steps[3].run as IbmRunResult).ibm.rules.map((r) => r.stage)).toEqual([]);
    expect(result.steps[4].body).toEqual({ active: false });
  });

  it("keeps IDMappingExtCache entries across requests until their lifetime runs out", async () => {
    const rule = `${IMPORTS}
      var cache = IDMappingExtUtils.getIDMappingExtCache();
      if (request_type == "authorization") cache.put("nonce:" + state_id, "n-1", 60);
      else IDMappingExtUtils.traceString("" + cache.get("nonce:" + state_id));`;
    const result = await runFlow(rule, {
      product: "ibm-verify-access",
      flow: [
        { request: "authorize" },
        { request: "token", grantType: "authorization_code", after: 30 },
        { request: "introspect", token: "access_token", after: 31 },
      ],
    });
    expect(result.steps.slice(1).map((s) => s.run?.logs.map((l) => l.message))).toEqual([["n-1"], ["null"]]);
  });

  it("fails only the request whose rule throws, with IBM's documented answer, and carries on", async () => {
    const rule = `${IMPORTS}
      if (request_type == "introspect") OAuthMappingExtUtils.throwSTSUserMessageException("no introspection here");`;
    const result = await runFlow(rule, {
      product: "ibm-verify-access",
      flow: [
        { request: "token", grantType: "client_credentials" },
        { request: "introspect", token: "access_token" },
      ],
    });
    expect(result.ok).toBe(false);
    expect(result.steps[0]).toMatchObject({ status: 200, body: { token_type: "bearer" } });
    expect(result.steps[0].body).not.toHaveProperty("refresh_token");
    expect(result.steps[1]).toMatchObject({ status: 400, body: { error_description: "no introspection here" } });
  });
});
