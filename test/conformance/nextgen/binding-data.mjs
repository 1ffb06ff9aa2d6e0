/**
 * The data the next-generation recorder (Recorder.java) builds its bindings from, derived from a case's scenario as
 * the playground's next-generation bindings derive theirs (engine/evaluators/nextgen/bindings.ts, token/state.ts):
 * the same client and request properties, scopes, identity and native token values, so that a disagreement is one
 * of behaviour, never of data. Only the scenario fields the published next-generation cases set are read; a case
 * that relies on another default fails here rather than being recorded on different data.
 */
const DEMO_USER_ID = "014c54bd-6078-4639-8316-8ce0e7746fa4"; // engine/scenario/schema.ts identity.id default

function need(value, what) {
  if (value === undefined) throw new Error(`next-generation recorder: the scenario must set ${what}`);
  return value;
}

/** The reason phrases the playground gives a mock that sets none (engine/http/mocks.ts), for the statuses cases use. */
const REASONS = { 200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error" };

/**
 * One http mock as the recorder matches it (method, url or urlPattern, query, headers, exact body) and answers it (status,
 * reason, headers as lists, the body text; a json body is its JSON text with Content-Type application/json unless
 * the mock sets one, as the playground answers). What the recorder does not model fails here.
 */
function mockData(mock, i) {
  const request = mock.request ?? {};
  for (const key of ["bodyContains", "json"]) if (key in request) throw new Error(`next-generation recorder: http[${i}].request.${key} is not modelled`);
  const response = mock.response ?? {};
  if (response.fault || mock.times !== undefined) throw new Error(`next-generation recorder: http[${i}] faults and times are not modelled`);
  const status = response.status ?? 200;
  const headers = {};
  for (const [k, v] of Object.entries(response.headers ?? {})) headers[k] = Array.isArray(v) ? v : [v];
  let body = response.body ?? "";
  if (response.json !== undefined) {
    body = JSON.stringify(response.json);
    if (!Object.keys(headers).some((k) => k.toLowerCase() === "content-type")) headers["Content-Type"] = ["application/json"];
  }
  return {
    request: { method: request.method, url: request.url, urlPattern: request.urlPattern, query: request.query, headers: request.headers, body: request.body },
    response: { status, statusText: response.statusText ?? need(REASONS[status], `http[${i}].response.statusText`), headers, body },
  };
}

export function nextGenBindingData(s) {
  const token = need(s.token, "token");
  const grantType = need(token.grantType, "token.grantType");
  const clientCredentials = grantType === "client_credentials";
  const clientId = s.client?.clientId ?? "unknown-client";
  const identity = need(s.identity, "identity");
  const username = need(identity.username, "identity.username");
  const realm = need(s.realm, "realm");
  const clock = Date.parse(need(s.clock, "clock"));
  const request = need(s.request, "request");
  const attributes = { ...(identity.attributes ?? {}) };
  if (!("_id" in attributes)) attributes._id = [identity.id ?? DEMO_USER_ID];
  const scriptName = need(s.scriptName, "scriptName");
  return {
    valuesType: request.valuesType ?? "array",
    clientProperties: s.client
      ? {
          clientId,
          allowedGrantTypes: need(s.client.allowedGrantTypes, "client.allowedGrantTypes"),
          allowedResponseTypes: need(s.client.allowedResponseTypes, "client.allowedResponseTypes"),
          allowedScopes: need(s.client.allowedScopes, "client.allowedScopes"),
          customProperties: s.client.customProperties ?? {},
          redirectUris: need(s.client.redirectUris, "client.redirectUris"),
        }
      : null,
    requestProperties: {
      requestUri: request.uri ?? `${need(s.issuer, "issuer")}/access_token`,
      realm,
      requestParams: { grant_type: [grantType], ...(request.params ?? {}) },
      requestHeaders: request.headers ?? {},
    },
    scopes: need(s.scopes, "scopes"),
    identity: {
      name: username,
      universalId: `id=${username},ou=user,o=${realm.split("/").filter(Boolean).pop() ?? "root"},ou=services,ou=am-config`,
      exists: identity.exists ?? true,
      attributes,
    },
    token: {
      clientId,
      realm,
      grantType,
      tokenName: "access_token",
      tokenType: "Bearer",
      resourceOwnerId: clientCredentials ? clientId : username,
      nonce: null,
      claims: null,
      scope: s.scopes,
      audience: [clientId],
      issuedAt: clock,
      expiryTime: clock + need(token.lifetimeSeconds, "token.lifetimeSeconds") * 1000,
      // engine/scenario/schema.ts token.storage defaults to server-side.
      clientSide: token.storage === "client-side",
      // The playground draws these from its seed; the recorder's are placeholders no case may print.
      tokenId: "recorder-token-id",
      authGrantId: token.authGrantId ?? "recorder-auth-grant-id",
      auditTrackingId: token.auditTrackingId ?? "recorder-audit-tracking-id",
      authTimeSeconds: clientCredentials ? 0 : Math.floor((token.authTime ? Date.parse(token.authTime) : clock) / 1000),
      authLevel: clientCredentials ? null : (token.authLevel ?? 0),
    },
    // httpClient, openidm and require answer from the scenario's http mocks, IDM objects and library scripts, as
    // the playground's do (engine/http/mocks.ts, engine/openidm/store.ts, sandbox/library.ts).
    http: (s.http ?? []).map(mockData),
    openidm: s.openidm ?? {},
    libraries: s.libraries ?? {},
    loggerName: `scripts.OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN.playground.(${scriptName})`,
    realm,
    scriptName,
    cookieName: s.cookieName ?? "iPlanetDirectoryPro",
  };
}
