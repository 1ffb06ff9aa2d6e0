/**
 * From a customer's evidence to a scenario (product.md): each file recognised by its content, the fields it fills,
 * what it ignored, and secrets kept out. The fixtures are written in the real formats (AM REST, Amster, Frodo, IDM,
 * AM identity REST, JWT, introspection, HAR 1.2, MockServer, WireMock).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { buildScenarioFromEvidence, recogniseEvidence, run, EvidenceError, type EvidenceFile } from "../../engine";

function fixture(name: string): EvidenceFile {
  return { name, text: readFileSync(new URL(`../fixtures/evidence/${name}`, import.meta.url), "utf8") };
}

describe("evidence is recognised by its content", () => {
  it("reads an OAuth2 client from Frodo, AM REST and Amster exports", () => {
    const frodo = recogniseEvidence(fixture("frodo-oauth2-client.json"));
    expect(frodo.kind).toBe("OAuth2 client (Frodo export)");
    expect(frodo.scenario.client).toEqual({
      clientId: "myClient",
      allowedGrantTypes: ["authorization_code", "refresh_token"],
      allowedResponseTypes: ["code"],
      allowedScopes: ["access"],
      redirectUris: ["https://www.example.com:443/callback"],
      customProperties: { tier: "gold", limits: { daily: "100" }, regions: ["eu", "us"] },
    });
    // The client's own lifetime is 0 (use the provider's); the client overrides the provider's storage.
    expect(frodo.scenario.token).toEqual({ lifetimeSeconds: 3600, refreshLifetimeSeconds: 604800, storage: "server-side", refreshToken: true, signing: { alg: "HS256" } });
    expect(frodo.notes.join(" ")).toContain("d22f9a0c-426a-4466-b95e-d0f125b0d5fa");

    const rest = recogniseEvidence(fixture("am-rest-oauth2-client.json"));
    expect(rest.kind).toBe("OAuth2 client (AM REST)");
    expect(rest.scenario.client).toMatchObject({ clientId: "myClient", allowedScopes: ["access", "profile"], customProperties: { tier: "silver" } });
    expect(rest.scenario.token).toEqual({ lifetimeSeconds: 300 });
    expect(JSON.stringify(rest.scenario)).not.toContain("mySecret");
    expect(rest.redactions).toEqual([{ file: "am-rest-oauth2-client.json", place: "$.coreOAuth2ClientConfig.userpassword", placeholder: "<redacted:client_secret>" }]);

    const amster = recogniseEvidence(fixture("amster-oauth2-client.json"));
    expect(amster.kind).toBe("OAuth2 client (Amster export)");
    expect(amster.scenario).toMatchObject({ realm: "/alpha", client: { clientId: "billing-service", allowedGrantTypes: ["client_credentials"] } });
  });

  it("reads users from IDM and AM's identity REST, without their passwords", () => {
    const idm = recogniseEvidence(fixture("idm-user.json"));
    expect(idm.scenario.identity).toEqual({
      id: "014c54bd-6078-4639-8316-8ce0e7746fa4",
      username: "bjensen",
      attributes: {
        userName: ["bjensen"],
        givenName: ["Barbara"],
        sn: ["Jensen"],
        cn: ["Barbara Jensen"],
        mail: ["user@example.com"],
        telephoneNumber: ["(555) 323-1234"],
        accountStatus: ["active"],
      },
    });
    expect(Object.keys(idm.scenario.openidm as object)).toEqual(["managed/alpha_user/014c54bd-6078-4639-8316-8ce0e7746fa4"]);
    expect(JSON.stringify(idm.scenario)).not.toContain("Ch4ngeIt!");
    expect(idm.redactions.map((r) => r.place)).toEqual(["$.password"]);
    expect(idm.ignored.join(" ")).toContain("effectiveRoles");

    const am = recogniseEvidence(fixture("am-user.json"));
    expect(am.kind).toBe("user (AM identity REST)");
    expect(am.scenario.identity).toMatchObject({ id: "bjensen", username: "bjensen", attributes: { mail: ["user@example.com", "barbara@example.org"] } });
    expect(JSON.stringify(am.scenario)).not.toContain("PBKDF2");
  });

  it("decodes a JWT without verifying it, and tells the script's claims from AM's", () => {
    const jwt = recogniseEvidence(fixture("access-token.jwt"));
    expect(jwt.kind).toBe("JWT access token (decoded, not verified)");
    expect(jwt.scenario).toMatchObject({
      clock: "2025-08-13T17:57:40Z",
      scopes: ["access"],
      realm: "/alpha",
      client: { clientId: "myClient" },
      identity: { id: "014c54bd-6078-4639-8316-8ce0e7746fa4" },
      token: { grantType: "authorization_code", lifetimeSeconds: 3600, storage: "client-side", signing: { alg: "HS256" }, authTime: "2025-08-13T17:57:30Z" },
    });
    const scriptSet = jwt.notes.find((n) => n.startsWith("set by the customer's script"));
    expect(scriptSet).toContain("mail");
    expect(scriptSet).toContain("phone");
    expect(scriptSet).not.toContain("cts");

    const response = recogniseEvidence(fixture("token-response.json"));
    expect(response.notes.join(" ")).toContain('extra data the customer\'s script added: hello = "world"');
    expect(response.scenario.token).toMatchObject({ refreshToken: true, storage: "client-side" });
  });

  it("reads an introspection response: native fields fill the scenario, custom ones are reported", () => {
    const intro = recogniseEvidence(fixture("seed-introspection.json"));
    expect(intro.scenario).toMatchObject({ scopes: ["access"], client: { clientId: "myClient" }, realm: "/alpha", token: { authLevel: 0 } });
    expect(intro.ignored.join(" ")).toContain("without iat");
    expect(intro.notes.join(" ")).toMatch(/mail.*phone/);
  });

  it("reads a HAR: the token request's params and headers with secrets replaced, other calls as mocks", () => {
    const har = recogniseEvidence(fixture("seed-flow.har"));
    expect(har.scenario.request).toEqual({
      uri: "https://openam-example.forgeblocks.com/am/oauth2/realms/root/realms/alpha/access_token",
      params: { grant_type: ["authorization_code"], code: ["<redacted:code>"], redirect_uri: ["https://www.example.com:443/callback"] },
      headers: { authorization: ["<redacted:authorization>"], "content-type": ["application/x-www-form-urlencoded"], "user-agent": ["curl/8.5.0"] },
    });
    expect(har.scenario.token).toMatchObject({ grantType: "authorization_code", refreshToken: true, storage: "server-side" });
    expect(har.scenario.http).toEqual([
      { name: "HAR entry 3", request: { method: "GET", url: "https://dummyjson.com/ip" }, response: { status: 200, headers: { "Content-Type": "application/json; charset=utf-8" }, json: { ip: "1.70.145.10" } } },
    ]);
    expect(har.ignored.join(" ")).toContain("authorize");
    const text = JSON.stringify(har.scenario);
    for (const secret of ["bXlDbGllbnQ6bXlTZWNyZXQ=", "abc123", "d7bEnXH0mPZ0FN6KEn9Yc8bMLWs", "iPlanetDirectoryPro"]) expect(text).not.toContain(secret);
    expect(har.redactions.map((r) => r.place)).toEqual(
      expect.arrayContaining(["entry 2 request header authorization", "entry 2 form parameter code"]),
    );
  });

  it("turns MockServer expectations and WireMock mappings into http mocks and names what it cannot play back", () => {
    const ms = recogniseEvidence(fixture("mockserver-expectations.json"));
    expect(ms.scenario.http).toEqual([
      {
        name: "entitlements",
        request: {
          method: "GET",
          urlPattern: "^https?://[^/]+\\/entitlements\\/014c54bd-6078-4639-8316-8ce0e7746fa4(\\?.*)?$",
          headers: { Authorization: "<redacted:authorization>", Accept: "application/json" },
        },
        response: { status: 200, headers: { "Content-Type": "application/json" }, json: { entitlements: ["reports", "billing"] } },
        times: 1,
      },
      { name: "MockServer expectation 2", request: { method: "POST", urlPattern: "^https?://[^/]+\\/audit(\\?.*)?$", json: { event: "token" } }, response: { status: 202, statusText: "Accepted" } },
    ]);
    expect(ms.ignored).toEqual(["expectation 3: the httpForward action (only httpResponse is played back)"]);
    expect(new RegExp((ms.scenario.http as { request: { urlPattern: string } }[])[0].request.urlPattern).test("https://api.example.com/entitlements/014c54bd-6078-4639-8316-8ce0e7746fa4?x=1")).toBe(true);

    const wm = recogniseEvidence(fixture("wiremock-mappings.json"));
    expect(wm.scenario.http).toEqual([
      {
        name: "profile lookup",
        request: { method: "GET", urlPattern: "^https?://[^/]+\\/profiles\\/bjensen(\\?.*)?$", headers: { "X-API-Key": "<redacted:x-api-key>" }, query: { fields: "tier" } },
        response: { status: 200, headers: { "Content-Type": "application/json" }, json: { tier: "gold" } },
      },
      { name: "WireMock mapping 2", request: { urlPattern: "^https?://[^/]+/health.*$" }, response: { status: 503, body: "down" } },
    ]);
    expect(wm.ignored).toEqual(['mapping 1: header Accept matcher {"contains":"json"} (only equalTo is played back)', "mapping 2: response delay"]);
  });

  it("refuses what it cannot read, naming the file and the place", () => {
    expect(() => recogniseEvidence({ name: "broken.json", text: '{\n  "a": 1,\n  "b": \n}' })).toThrow(/broken\.json: line 4, column 1/);
    expect(() => recogniseEvidence({ name: "other.json", text: '{"hello": "world"}' })).toThrow(EvidenceError);
    expect(() => recogniseEvidence({ name: "other.json", text: '{"hello": "world"}' })).toThrow(/other\.json: \$: not a kind of evidence.*top level: hello/);
  });
});

describe("a scenario from several files", () => {
  it("merges field by field, later files winning, and reports every conflict", () => {
    const outcome = buildScenarioFromEvidence([fixture("frodo-oauth2-client.json"), fixture("am-rest-oauth2-client.json")]);
    expect(outcome.scenario.client).toMatchObject({ clientId: "myClient", allowedGrantTypes: ["authorization_code", "client_credentials"] });
    expect(outcome.conflicts.map((c) => c.path)).toEqual(
      expect.arrayContaining(["$.client.allowedGrantTypes", "$.client.allowedScopes", "$.client.customProperties", "$.token.lifetimeSeconds"]),
    );
    expect(outcome.reports.map((r) => r.kind)).toEqual(["OAuth2 client (Frodo export)", "OAuth2 client (AM REST)"]);
    expect(outcome.reports[0].filled).toContain("$.client.allowedScopes");
  });

  it("reproduces the seed's documented introspection from a client export, a user profile and the customer's introspection", async () => {
    const { scenario, redactions } = buildScenarioFromEvidence([fixture("frodo-oauth2-client.json"), fixture("idm-user.json"), fixture("seed-introspection.json")]);
    expect(redactions.map((r) => r.place)).toEqual(["$.password"]);
    const script = readFileSync(new URL("../../samples/seed-legacy.js", import.meta.url), "utf8");
    const result = await run(script, { ...scenario, evaluator: "legacy" });
    expect(result.ok).toBe(true);
    // The seed's documented outputs: hello beside the token, mail and phone in introspection.
    expect(result.tokenResponse).toMatchObject({ scope: "access", hello: "world", token_type: "Bearer", expires_in: 3599 });
    expect(result.introspection).toMatchObject({ active: true, scope: "access", client_id: "myClient", mail: ["user@example.com"], phone: "(555) 323-1234" });
  });
});
