/**
 * A grant's whole life (product.md, "A grant's whole life"; flows-and-hooks.md §A): each request answered as AM
 * answers it, the script re-run at every issuance with that request's bindings, and what AM keeps between them.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { MAX_FLOW_STEPS, run, runFlow, validateScenario, type FlowStep } from "../../engine";

const seedScript = readFileSync(new URL("../../samples/seed-legacy.js", import.meta.url), "utf8");
const seedScenario = JSON.parse(readFileSync(new URL("../../samples/seed-legacy.scenario.json", import.meta.url), "utf8"));

const seedFlow: FlowStep[] = [
  { request: "authorize", responseType: "code", scopes: ["access"] },
  { request: "token", grantType: "authorization_code" },
  { request: "introspect", token: "access_token" },
  { request: "token", grantType: "refresh_token", after: 600 },
  { request: "introspect", token: "access_token" },
  { request: "introspect", token: "refresh_token" },
  { request: "introspect", token: "previous_refresh_token" },
];

describe("flows", () => {
  it("answers the seed's authorize → token → introspect → refresh → introspect as AM does", async () => {
    const result = await runFlow(seedScript, { ...seedScenario, flow: seedFlow });
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.status)).toEqual([302, 200, 200, 200, 200, 200, 200]);
    const [authorize, code, introspect, refresh, introspectAgain, refreshIntrospection, previous] = result.steps;
    expect(authorize.body.code).toEqual(expect.any(String));
    expect(authorize.run).toBeNull();
    // The script ran at the code exchange and again at the refresh, each time with its own bindings.
    expect(code.run?.tokenResponse?.hello).toBe("world");
    expect(code.run?.token?.after.grant_type).toBe("authorization_code");
    expect(refresh.run?.token?.after.grant_type).toBe("refresh_token");
    expect(refresh.at).toBe("2025-08-13T18:07:40Z");
    // The grant keeps its id; the refreshed token is a new token with a new refresh token.
    expect(refresh.run?.token?.after.authGrantId).toBe(code.run?.token?.after.authGrantId);
    expect(refresh.body.access_token).not.toBe(code.body.access_token);
    expect(refresh.body.refresh_token).not.toBe(code.body.refresh_token);
    // Custom fields show in the access token's introspection, never in the refresh token's.
    expect(introspect.body).toMatchObject({ active: true, mail: expect.anything(), phone: "(555) 323-1234" });
    expect(introspectAgain.body).toMatchObject({ active: true, phone: "(555) 323-1234" });
    expect(refreshIntrospection.body).toMatchObject({ active: true, token_type: "refresh_token", scope: "access" });
    expect(refreshIntrospection.body).not.toHaveProperty("phone");
    expect(refreshIntrospection.notes.map((n) => n.evidence)).toContain("inferred");
    // The replaced refresh token is no longer valid.
    expect(previous.body).toEqual({ active: false });
  });

  it("runs the refresh without a session, so a session-derived claim disappears, with the warning that says why", async () => {
    const script = "if (session) { accessToken.setField('host', String(session.getProperty('Host'))); }";
    const result = await runFlow(script, {
      session: { properties: { Host: "am.example.com" } },
      flow: [
        { request: "authorize", responseType: "code" },
        { request: "token", grantType: "authorization_code" },
        { request: "token", grantType: "refresh_token", after: 60 },
      ],
    });
    const [, first, refreshed] = result.steps;
    expect(first.run?.token?.after.host).toBe("am.example.com");
    expect(refreshed.run?.token?.after).not.toHaveProperty("host");
    expect(refreshed.changes?.removed).toContain("host");
    expect(refreshed.warnings.map((w) => w.code)).toEqual(["claim-lost-on-refresh"]);
    expect(refreshed.warnings[0].message).toContain('"host"');
    expect(refreshed.warnings[0].message).toContain("session");
  });

  it("refuses a refresh for wider scopes, an expired refresh token and a revoked one", async () => {
    const result = await runFlow("", {
      scopes: ["access"],
      token: { refreshLifetimeSeconds: 100 },
      flow: [
        { request: "token", grantType: "authorization_code" },
        { request: "token", grantType: "refresh_token", scopes: ["access", "admin"] },
        { request: "token", grantType: "refresh_token", after: 101 },
      ],
    });
    expect(result.steps.map((s) => [s.status, s.body.error])).toEqual([
      [200, undefined],
      [400, "invalid_scope"],
      [400, "invalid_grant"],
    ]);
    const revoked = await runFlow("", {
      flow: [
        { request: "token", grantType: "authorization_code" },
        { request: "revoke", token: "refresh_token" },
        { request: "introspect", token: "access_token" },
        { request: "token", grantType: "refresh_token" },
      ],
    });
    expect(revoked.steps.map((s) => s.status)).toEqual([200, 200, 200, 400]);
    expect(revoked.steps[2].body).toEqual({ active: false });
    expect(revoked.steps[3].body.error_description).toContain("revoked");
  });

  it("introspects an expired access token as inactive", async () => {
    const result = await runFlow("", {
      token: { lifetimeSeconds: 60 },
      flow: [
        { request: "token", grantType: "authorization_code" },
        { request: "introspect", token: "access_token", after: 59 },
        { request: "introspect", token: "access_token", after: 1 },
      ],
    });
    expect(result.steps[1].body.active).toBe(true);
    expect(result.steps[2].body).toEqual({ active: false });
  });

  it("issues no refresh token for client credentials and binds no session", async () => {
    const result = await runFlow("accessToken.setField('hasSession', session !== null);", {
      client: { clientId: "service", allowedGrantTypes: ["client_credentials"] },
      flow: [
        { request: "token", grantType: "client_credentials" },
        { request: "token", grantType: "refresh_token" },
      ],
    });
    expect(result.steps[0].body).not.toHaveProperty("refresh_token");
    expect(result.steps[0].run?.token?.after).toMatchObject({ sub: "service", hasSession: false });
    expect(result.steps[1].body.error).toBe("invalid_grant");
  });

  it("a failing script fails that token request with AM's 500 and the flow goes on", async () => {
    const script = "if (String(requestProperties.requestParams.grant_type[0]) === 'refresh_token') { throw new Error('boom'); }";
    const result = await runFlow(script, {
      flow: [
        { request: "token", grantType: "authorization_code" },
        { request: "token", grantType: "refresh_token" },
        { request: "introspect", token: "access_token" },
      ],
    });
    expect(result.ok).toBe(false);
    expect(result.steps[1]).toMatchObject({
      status: 500,
      body: { error: "server_error", error_description: "Error running access token modification plugin" },
    });
    expect(result.steps[1].run?.error?.message).toContain("boom");
    // The client never received a new token, so the first access token is still the one that introspects.
    expect(result.steps[2].body.active).toBe(true);
  });

  it("issues implicit tokens at /authorize with the browser's session and no refresh token", async () => {
    const result = await runFlow("accessToken.setField('hasSession', session !== null);", {
      flow: [{ request: "authorize", responseType: "token" }],
    });
    expect(result.steps[0].status).toBe(302);
    expect(result.steps[0].body).toHaveProperty("access_token");
    expect(result.steps[0].body).not.toHaveProperty("refresh_token");
    expect(result.steps[0].run?.token?.after.hasSession).toBe(true);
    expect(result.steps[0].notes.some((n) => n.evidence === "inferred")).toBe(true);
  });

  it("the same flow twice gives the same answers", async () => {
    const strip = (r: unknown) => JSON.stringify(r, (k, v) => (k === "timings" ? undefined : v));
    const a = await runFlow(seedScript, { ...seedScenario, flow: seedFlow });
    const b = await runFlow(seedScript, { ...seedScenario, flow: seedFlow });
    expect(strip(a)).toBe(strip(b));
  });

  it("without a flow, runs the grant's usual life", async () => {
    const result = await runFlow(seedScript, seedScenario);
    expect(result.steps.map((s) => `${s.request}:${s.grantType ?? s.token ?? ""}`)).toEqual([
      "authorize:",
      "token:authorization_code",
      "introspect:access_token",
      "token:refresh_token",
      "introspect:access_token",
      "introspect:refresh_token",
      "introspect:previous_refresh_token",
    ]);
  });
});

describe("flow test cases", () => {
  it("match expect.steps as a deep subset, in order, and fail on an unexpected script failure", async () => {
    const { checkFlowExpectation } = await import("../../engine");
    const result = await runFlow("if (String(requestProperties.requestParams.grant_type[0]) === 'refresh_token') throw new Error('x');", {
      flow: [
        { request: "token", grantType: "authorization_code" },
        { request: "token", grantType: "refresh_token" },
      ],
    });
    expect(checkFlowExpectation({ steps: [{ status: 200 }, { status: 500 }] }, result)).toEqual([]);
    expect(checkFlowExpectation({ steps: [{ status: 200 }] }, result).map((m) => m.path)).toEqual(["$.steps[1].run.error"]);
    expect(checkFlowExpectation({ ok: false, steps: [{ status: 200 }, { status: 200 }] }, result).map((m) => m.path)).toEqual([
      "$.steps[1].status",
    ]);
  });
});

describe("a single request binds a session only where AM does", () => {
  it("a refresh request has no session, even when the scenario gives one, and says so", async () => {
    const script = "accessToken.setField('hasSession', session !== null);";
    const refresh = await run(script, { evaluator: "legacy", session: { properties: {} }, token: { grantType: "refresh_token" } });
    expect(refresh.token?.after.hasSession).toBe(false);
    expect(refresh.warnings.map((w) => w.code)).toContain("session-not-bound");
    const code = await run(script, { evaluator: "legacy", session: { properties: {} } });
    expect(code.token?.after.hasSession).toBe(true);
    expect(code.warnings.map((w) => w.code)).not.toContain("session-not-bound");
  });
});

describe("a flow's length", () => {
  const issues = (flow: unknown[]) => {
    const outcome = validateScenario({ flow });
    return outcome.ok ? [] : outcome.issues.map((i) => `${i.path}: ${i.message}`);
  };
  it("an empty flow is refused, saying how to ask for the single token request", () => {
    expect(issues([])).toEqual(['$.flow: a flow needs at least one request (leave out "flow" for the single token request)']);
  });
  it(`more than ${MAX_FLOW_STEPS} requests are refused (each may take the script's whole time limit)`, () => {
    expect(issues(Array(MAX_FLOW_STEPS).fill({ request: "introspect" }))).toEqual([]);
    expect(issues(Array(MAX_FLOW_STEPS + 1).fill({ request: "introspect" }))).toEqual([`$.flow: a flow has at most ${MAX_FLOW_STEPS} requests`]);
  });
});
