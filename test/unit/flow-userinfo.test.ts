/**
 * /userinfo as a step of a flow (issue 14, "IBM userinfo as a flow step"): IBM's mapping rules run there with
 * request_type userinfo, so a flow shows authorize → token → userinfo; AM's script does not run there, so an AM
 * flow with a userinfo step is refused naming the step.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { runFlow } from "../../engine";
import { resolveScenario } from "../../engine/scenario/validate";

const rule = readFileSync(new URL("../../samples/ibm-userinfo-flow.js", import.meta.url), "utf8");
const ibm = {
  product: "ibm-verify-access",
  scopes: ["openid"],
  ibm: { rule: "post-token", attributes: { emailAddress: ["bjensen@example.com"], groups: ["staff"] } },
};

describe("userinfo steps", () => {
  it("run IBM's rules at /userinfo with request_type userinfo, and what /authorize saved answers there, after a refresh too", async () => {
    // A probe rule that reports the request_type and state_id it sees at each request.
    const probe = `
importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute);
var c = stsuu.getContextAttributes();
var rt = c.getAttributeValueByNameAndType("request_type", "urn:ibm:names:ITFIM:oauth:request");
if (rt == "userinfo") stsuu.addContextAttribute(new Attribute("seen_state", "urn:ibm:names:ITFIM:oauth:response:attribute", "" + c.getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state")));
`;
    const probed = await runFlow(probe, { ...ibm, ibm: { rule: "post-token", stateId: "grant-1" }, flow: [{ request: "token", grantType: "password" }, { request: "userinfo" }] });
    expect(probed.steps[1]).toMatchObject({ request: "userinfo", status: 200, body: { sub: "bjensen", seen_state: "grant-1" } });

    const result = await runFlow(rule, {
      ...ibm,
      flow: [
        { request: "authorize", responseType: "code" },
        { request: "token", grantType: "authorization_code" },
        { request: "userinfo", after: 5 },
        { request: "token", grantType: "refresh_token", after: 600 },
        { request: "userinfo" },
      ],
    });
    expect(result.ok).toBe(true);
    const [, , first, , afterRefresh] = result.steps;
    expect(first).toMatchObject({ request: "userinfo", at: "2025-08-13T17:57:45Z", status: 200, body: { sub: "bjensen", email: "bjensen@example.com", groups: ["staff"] } });
    expect(afterRefresh.body).toEqual(first.body);
    expect(first.notes.map((n) => n.message).join(" ")).toMatch(/rules run at \/userinfo/);
    expect(first.run).toMatchObject({ ibm: { requestType: "userinfo" } });
  });

  it("answer 401 invalid_token without an access token, and once the grant is revoked", async () => {
    const result = await runFlow(rule, {
      ...ibm,
      flow: [{ request: "userinfo" }, { request: "token", grantType: "password" }, { request: "revoke", token: "refresh_token" }, { request: "userinfo" }],
    });
    expect(result.steps.map((s) => [s.status, s.body.error])).toEqual([
      [401, "invalid_token"],
      [200, undefined],
      [200, undefined],
      [401, "invalid_token"],
    ]);
  });

  it("are refused for AM and OneWelcome, naming the step and why", () => {
    const flow = [{ request: "token", grantType: "authorization_code" }, { request: "userinfo" }];
    expect(() => resolveScenario({ flow })).toThrow(/flow\.1\.request|flow\[1\]\.request|\$\.flow\[1\]/);
    expect(() => resolveScenario({ flow })).toThrow(/access-token modification script does not run at \/userinfo/);
    expect(() => resolveScenario({ product: "onewelcome", flow })).toThrow(/OneWelcome's token hook does not run at \/userinfo/);
  });
});
