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
      auditTrackingId: "recorder-audit-tracking-id",
      authTimeSeconds: clientCredentials ? 0 : Math.floor((token.authTime ? Date.parse(token.authTime) : clock) / 1000),
      authLevel: clientCredentials ? null : (token.authLevel ?? 0),
    },
    loggerName: `scripts.OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN.playground.(${scriptName})`,
    realm,
    scriptName,
    cookieName: s.cookieName ?? "iPlanetDirectoryPro",
  };
}
