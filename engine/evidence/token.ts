/**
 * Tokens a customer can send: a JWT access token (decoded, never verified: we do not hold the customer's keys), a
 * token endpoint response (`access_token`, …, and extra data a script added), or an `/oauth2/introspect` response.
 * Native fields fill the scenario; fields AM does not set itself are reported as set by the customer's script.
 */
import { decodeJwt, decodeProtectedHeader } from "jose";
import { FLOW_GRANT_TYPES } from "../flow/schema";
import { isNativeFieldName } from "../token/state";
import { contribution, isRecord, type Contribution } from "./types";

/** The grant types a client posts to /access_token (the scenario's own list). */
const GRANT_TYPES = new Set<string>(FLOW_GRANT_TYPES);
/** Introspection and response members AM writes itself, beside the token's native fields. */
const PROTOCOL_MEMBERS = new Set(["active", "user_id", "username", "expires_in", "access_token", "refresh_token", "id_token", "token_type", "scope", "issued_token_type", "macaroon"]);

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function looksLikeJwt(text: string): boolean {
  return JWT_SHAPE.test(text.trim());
}

function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
}

/** Scenario fields from a token's claims or an introspection; shared because both name AM's fields alike. */
function fromFields(fields: Record<string, unknown>, out: Contribution, what: string): void {
  const token: Record<string, unknown> = {};
  const scope = fields.scope;
  if (typeof scope === "string") out.scenario.scopes = scope.split(" ").filter(Boolean);
  else if (Array.isArray(scope)) out.scenario.scopes = scope.map(String);
  if (typeof fields.client_id === "string") out.scenario.client = { clientId: fields.client_id };
  if (typeof fields.iss === "string") out.scenario.issuer = fields.iss;
  if (typeof fields.realm === "string") out.scenario.realm = fields.realm;
  if (typeof fields.grant_type === "string" && GRANT_TYPES.has(fields.grant_type)) token.grantType = fields.grant_type;
  if (typeof fields.auth_level === "number") token.authLevel = fields.auth_level;
  if (typeof fields.auth_time === "number") token.authTime = isoSeconds(fields.auth_time);
  if (typeof fields.authGrantId === "string") token.authGrantId = fields.authGrantId;
  if (typeof fields.iat === "number") {
    out.scenario.clock = isoSeconds(fields.iat);
    if (typeof fields.exp === "number" && fields.exp > fields.iat) token.lifetimeSeconds = fields.exp - fields.iat;
  } else if (typeof fields.exp === "number") {
    out.ignored.push(`exp ${fields.exp} without iat: the issue time (clock) cannot be known from ${what}`);
  }
  const clientCredentials = fields.grant_type === "client_credentials" || (fields.sub !== undefined && fields.sub === fields.client_id);
  if (typeof fields.sub === "string" && !clientCredentials) out.scenario.identity = { id: fields.sub, username: typeof fields.subname === "string" ? fields.subname : fields.sub };
  if (clientCredentials && !token.grantType) token.grantType = "client_credentials";
  if (Object.keys(token).length > 0) out.scenario.token = token;
  const custom = Object.keys(fields).filter((k) => !isNativeFieldName(k) && !PROTOCOL_MEMBERS.has(k) && k !== "subname" && k !== "exp");
  if (custom.length > 0) {
    out.notes.push(`set by the customer's script (not scenario inputs): ${custom.map((k) => `${k} = ${JSON.stringify(fields[k])}`).join(", ")}`);
  }
}

export function recogniseJwt(file: string, text: string): Contribution | null {
  if (!looksLikeJwt(text)) return null;
  let claims: Record<string, unknown>;
  let header: Record<string, unknown>;
  try {
    claims = decodeJwt(text.trim());
    header = decodeProtectedHeader(text.trim());
  } catch {
    return null;
  }
  const out = contribution(file, "JWT access token (decoded, not verified)");
  fromFields(claims, out, "the token");
  const token = (out.scenario.token ?? {}) as Record<string, unknown>;
  token.storage = "client-side";
  if (header.alg === "HS256" || header.alg === "RS256" || header.alg === "ES256") token.signing = { alg: header.alg };
  out.scenario.token = token;
  out.notes.push("the signature was not checked: the playground re-signs with its demo keys");
  return out;
}

export function recogniseTokenResponse(file: string, json: unknown): Contribution | null {
  if (!isRecord(json) || typeof json.access_token !== "string" || typeof json.token_type !== "string") return null;
  const fromJwt = recogniseJwt(file, json.access_token);
  const out = fromJwt ?? contribution(file, "token endpoint response");
  out.kind = fromJwt ? "token endpoint response with a JWT access token (decoded, not verified)" : "token endpoint response";
  if (typeof json.scope === "string" && !out.scenario.scopes) out.scenario.scopes = json.scope.split(" ").filter(Boolean);
  const token = (out.scenario.token ?? {}) as Record<string, unknown>;
  token.refreshToken = typeof json.refresh_token === "string";
  if (!fromJwt) token.storage = "server-side";
  out.scenario.token = token;
  const extra = Object.keys(json).filter((k) => !PROTOCOL_MEMBERS.has(k) && k !== "nonce");
  if (extra.length > 0) out.notes.push(`extra data the customer's script added: ${extra.map((k) => `${k} = ${JSON.stringify(json[k])}`).join(", ")}`);
  return out;
}

export function recogniseIntrospection(file: string, json: unknown): Contribution | null {
  if (!isRecord(json) || typeof json.active !== "boolean") return null;
  const out = contribution(file, "introspection response");
  if (!json.active) {
    out.notes.push("the token was inactive when introspected: nothing else in the response");
    return out;
  }
  fromFields(json, out, "an introspection response");
  return out;
}
