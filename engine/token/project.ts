/**
 * The three ways AM shows an issued token: its fields (client-side JWT claims / CTS fields), the
 * /oauth2/access_token response, and the /oauth2/introspect response. Orders follow AM's examples.
 */
import type { Scenario } from "../scenario/schema";
import type { TokenState } from "./state";
import { setOwn } from "../util/own-keys";

function present(value: unknown): boolean {
  return value !== null && value !== undefined;
}

function put(out: Record<string, unknown>, key: string, value: unknown): void {
  if (present(value)) out[key] = value;
}

/** Copies script-chosen keys as own keys: AM shows a "__proto__" claim like any other (see util/own-keys.ts). */
function putAll(out: Record<string, unknown>, entries: Iterable<[string, unknown]>): void {
  for (const [key, value] of entries) setOwn(out, key, value);
}

/** Native fields as client-side token claims (also how the Token panel names server-side fields). */
export function nativeClaims(state: TokenState): Record<string, unknown> {
  const n = state.native;
  const out: Record<string, unknown> = {};
  put(out, "sub", n.sub);
  if (state.clientSide) out.cts = "OAUTH2_STATELESS_GRANT";
  put(out, "auth_level", n.auth_level);
  put(out, "auditTrackingId", n.auditTrackingId);
  put(out, "subname", n.subname);
  put(out, "iss", n.iss);
  put(out, "tokenName", n.tokenName);
  put(out, "token_type", n.token_type);
  put(out, "authGrantId", n.authGrantId);
  put(out, "client_id", n.client_id);
  if (n.aud) out.aud = n.aud.length === 1 ? n.aud[0] : [...n.aud];
  put(out, "nbf", n.nbf);
  put(out, "grant_type", n.grant_type);
  if (n.scope) out.scope = [...n.scope];
  put(out, "auth_time", n.auth_time);
  put(out, "realm", n.realm);
  out.exp = Math.floor(n.expiryTime / 1000);
  put(out, "iat", n.iat);
  out.expires_in = Math.max(0, Math.floor(n.expiryTime / 1000) - n.iat);
  put(out, "nonce", n.nonce);
  put(out, "claims", n.claims);
  put(out, "cnf", n.cnf);
  put(out, "permissions", n.permissions);
  put(out, "act", n.act);
  put(out, "may_act", n.may_act);
  if (state.clientSide) out.jti = n.id;
  return out;
}

/** Native claims followed by the script's custom fields (a custom field wins over a native one). */
export function tokenFields(state: TokenState): Record<string, unknown> {
  const out = nativeClaims(state);
  putAll(out, state.custom);
  return out;
}

/** Seconds left at response time, as AM computes it: (expiry - now) / 1000, integer division. */
export function expiresInAt(state: TokenState, responseTimeMs: number): number {
  return Math.trunc((state.native.expiryTime - responseTimeMs) / 1000);
}

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

export function tokenEndpointResponse(
  state: TokenState,
  scenario: Scenario,
  accessTokenValue: string,
  idToken: string | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = { access_token: accessTokenValue };
  if (state.refreshToken) out.refresh_token = state.refreshToken;
  // RFC 8693 §2.2.1; AIC's exchanged-token responses carry it (am-token-modification.md §4.3).
  if (state.native.grant_type === TOKEN_EXCHANGE) out.issued_token_type = "urn:ietf:params:oauth:token-type:access_token";
  if (state.native.scope && state.native.scope.length > 0) out.scope = state.native.scope.join(" ");
  if (idToken) out.id_token = idToken;
  putAll(out, state.extraData);
  out.token_type = state.native.token_type ?? "Bearer";
  out.expires_in = expiresInAt(state, state.issuedAt + scenario.token.responseDelayMs);
  return out;
}

export function introspectionResponse(state: TokenState): Record<string, unknown> {
  const n = state.native;
  const out: Record<string, unknown> = { active: true };
  if (n.scope) out.scope = n.scope.join(" ");
  put(out, "realm", n.realm);
  put(out, "client_id", n.client_id);
  put(out, "user_id", n.sub);
  put(out, "username", n.sub);
  put(out, "token_type", n.token_type);
  out.exp = Math.floor(n.expiryTime / 1000);
  put(out, "sub", n.sub);
  put(out, "subname", n.subname);
  put(out, "iss", n.iss);
  put(out, "auth_level", n.auth_level);
  put(out, "authGrantId", n.authGrantId);
  put(out, "auditTrackingId", n.auditTrackingId);
  put(out, "nonce", n.nonce);
  put(out, "cnf", n.cnf);
  put(out, "permissions", n.permissions);
  put(out, "may_act", n.may_act);
  putAll(out, state.custom);
  return out;
}

/** What the script added, changed or removed, comparing two field views. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { added: string[]; changed: string[]; removed: string[] } {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const key of Object.keys(after)) {
    if (!Object.hasOwn(before, key)) added.push(key);
    else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed.push(key);
  }
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) removed.push(key);
  return { added, changed, removed };
}
