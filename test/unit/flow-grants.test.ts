/**
 * Each grant's request as the script meets it in a flow (flows-and-hooks.md §A.1–§A.4, §A.7): what is bound on
 * refresh, ROPC and token exchange, and the client-side tokens every issuance signs anew.
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { runFlow } from "../../engine";

const probe = [
  'accessToken.setField("seenScopes", String(scopes));',
  'accessToken.setField("seenGrant", String(requestProperties.requestParams.get("grant_type").get(0)));',
  'accessToken.setField("seenUser", String(identity.getName()));',
  'accessToken.setField("hasSession", session != null);',
  'accessToken.setField("seenParams", String(requestProperties.requestParams.keySet()));',
].join("\n");

/** OpenID Connect's at_hash: the left half of the SHA-256 of the access token, base64url. */
function atHashOf(token: string): string {
  return createHash("sha256").update(token).digest().subarray(0, 16).toString("base64url");
}

describe("what a flow's requests bind", () => {
  it("on refresh: the user, no session, grant_type refresh_token, the narrower scopes asked for; the grant id stays, the old refresh token goes", async () => {
    const result = await runFlow(probe, {
      evaluator: "legacy",
      scopes: ["openid", "profile"],
      session: { properties: {} },
      flow: [
        { request: "authorize", responseType: "code" },
        { request: "token", grantType: "authorization_code" },
        { request: "token", grantType: "refresh_token", scopes: ["profile"], after: 60 },
        { request: "introspect", token: "previous_refresh_token" },
      ],
    });
    const [, code, refresh, previous] = result.steps;
    expect(code.run?.token?.after).toMatchObject({ seenScopes: "[openid, profile]", seenGrant: "authorization_code", seenUser: "bjensen", hasSession: true });
    expect(refresh.run?.token?.after).toMatchObject({ seenScopes: "[profile]", seenGrant: "refresh_token", seenUser: "bjensen", hasSession: false, grant_type: "refresh_token" });
    expect(refresh.body.scope).toBe("profile");
    expect(refresh.run?.token?.after.authGrantId).toBe(code.run?.token?.after.authGrantId);
    expect(previous.body).toEqual({ active: false });
  });

  it("ROPC: no session, the username among the request's parameters but never the password, and a refresh token", async () => {
    const result = await runFlow(probe, {
      evaluator: "legacy",
      session: { properties: {} },
      flow: [{ request: "token", grantType: "password" }],
    });
    const [step] = result.steps;
    expect(step.run?.token?.after).toMatchObject({ hasSession: false, seenGrant: "password" });
    expect(String(step.run?.token?.after.seenParams)).toContain("username");
    expect(String(step.run?.token?.after.seenParams)).not.toContain("password");
    expect(step.body).toHaveProperty("refresh_token");
    expect(step.notes.map((n) => [n.evidence, n.message])).toContainEqual(["documented", "This grant has no session: `session` is null."]);
  });

  it("token exchange: the acting client's client_id, aud and lifetime, extra posted parameters in requestParams, issued_token_type in the response", async () => {
    const script = 'accessToken.setField("details", String(requestProperties.requestParams.get("request_details").get(0)));';
    const result = await runFlow(script, {
      evaluator: "legacy",
      flow: [
        {
          request: "token",
          grantType: "urn:ietf:params:oauth:grant-type:token-exchange",
          clientId: "actingApp",
          lifetimeSeconds: 60,
          params: {
            subject_token: ["subject-token-value"],
            subject_token_type: ["urn:ietf:params:oauth:token-type:access_token"],
            request_details: ["transfer 5 EUR"],
          },
        },
        { request: "introspect", token: "access_token" },
      ],
    });
    const [exchange, introspect] = result.steps;
    expect(exchange.body).toMatchObject({ issued_token_type: "urn:ietf:params:oauth:token-type:access_token", expires_in: 59, token_type: "Bearer" });
    // aud is a string unless an audience= parameter was accepted (flows-and-hooks.md §A.4).
    expect(exchange.run?.token?.after).toMatchObject({ client_id: "actingApp", aud: "actingApp", details: "transfer 5 EUR" });
    expect(introspect.body).toMatchObject({ active: true, client_id: "actingApp", details: "transfer 5 EUR" });
    // No source shows the session on token exchange: the step says the null rests on an inference.
    expect(exchange.notes.map((n) => n.evidence)).toContain("inferred");
  });

  it("a code or refresh token presented by another client is refused with invalid_grant; the acting client refreshes its own exchanged token", async () => {
    const result = await runFlow("", {
      flow: [
        { request: "authorize", responseType: "code" },
        { request: "token", grantType: "authorization_code", clientId: "otherApp" },
        { request: "token", grantType: "authorization_code" },
        { request: "token", grantType: "refresh_token", clientId: "otherApp" },
        { request: "token", grantType: "urn:ietf:params:oauth:grant-type:token-exchange", clientId: "actingApp" },
        { request: "token", grantType: "refresh_token" },
      ],
    });
    expect(result.steps.map((s) => [s.status, s.body.error ?? null])).toEqual([
      [302, null],
      [400, "invalid_grant"],
      [200, null],
      [400, "invalid_grant"],
      [200, null],
      [200, null],
    ]);
    expect(result.steps[3].body.error_description).toBe("The refresh token was issued to myClient, not otherApp");
    expect(result.steps[3].notes.map((n) => n.evidence)).toEqual(["inferred"]);
    // The exchanged token's refresh token is the acting client's: its refresh issues for actingApp.
    expect(result.steps[5].run?.token?.after.client_id).toBe("actingApp");
  });

  it("client-side tokens: each issuance signs its own JWT, decoded and sized, with an ID token whose at_hash is that token's", async () => {
    const result = await runFlow('accessToken.setField("step", String(requestProperties.requestParams.get("grant_type").get(0)));', {
      evaluator: "legacy",
      scopes: ["openid", "profile"],
      token: { storage: "client-side" },
      flow: [
        { request: "token", grantType: "authorization_code" },
        { request: "token", grantType: "refresh_token", after: 30 },
      ],
    });
    const issued = result.steps.map((s) => {
      const run = s.run;
      expect(run?.jwt?.compact).toBe(s.body.access_token);
      expect(run?.jwt?.bytes).toBe(String(s.body.access_token).length);
      expect(run?.idToken?.compact).toBe(s.body.id_token);
      expect(run?.idToken?.claims.at_hash).toBe(atHashOf(String(s.body.access_token)));
      return run?.jwt?.claims;
    });
    expect(issued.map((c) => [c?.step, c?.grant_type])).toEqual([
      ["authorization_code", "authorization_code"],
      ["refresh_token", "refresh_token"],
    ]);
    expect(result.steps[0].body.access_token).not.toBe(result.steps[1].body.access_token);
  });
});
