/**
 * The access token as AM holds it while the script runs: native fields AM sets for the grant, custom
 * fields from setField, and extra data for the token endpoint response. Both evaluators' accessToken
 * bindings read and write this state; the projections (response, introspection, JWT) read it afterwards.
 */
import type { Scenario } from "../scenario/schema";
import { issuerOf } from "../scenario/validate";
import type { SeededRandom } from "../util/random";
import { isPlainRecord } from "../util/own-keys";
import { scenarioClientId } from "../scenario/client-id";

/** Native token fields, named as AM names them in client-side token claims. */
export interface NativeFields {
  sub: string | null;
  subname: string | null;
  iss: string;
  aud: string[] | null;
  client_id: string | null;
  scope: string[] | null;
  grant_type: string | null;
  realm: string | null;
  auth_level: number | null;
  auth_time: number | null;
  /** Expiry in epoch milliseconds (exp claims show seconds). */
  expiryTime: number;
  iat: number;
  nbf: number;
  tokenName: string | null;
  token_type: string | null;
  authGrantId: string | null;
  auditTrackingId: string | null;
  nonce: string | null;
  claims: string | null;
  cnf: unknown;
  permissions: unknown;
  act: unknown;
  may_act: unknown;
  /** The token's id: the opaque value for server-side tokens, the jti for client-side ones. */
  id: string;
}

/** A caveat a script added to a macaroon token (token.storage "macaroon"), before it is applied to the macaroon. */
export type ScriptCaveat =
  | { type: "first-party"; identifier: string }
  | { type: "third-party"; location: string; key: Uint8Array; identifier: string };

export interface TokenState {
  native: NativeFields;
  /** Fields set by the script (setField/setFields), in insertion order. */
  custom: Map<string, unknown>;
  /** addExtraData / addExtraJsonData entries, in insertion order. */
  extraData: Map<string, unknown>;
  clientSide: boolean;
  /** token.storage "macaroon": the caveats the script added, in order; null for other storage. */
  macaroon: ScriptCaveat[] | null;
  refreshToken: string | null;
  /** Issue time in epoch ms. */
  issuedAt: number;
}

export function createTokenState(scenario: Scenario, random: SeededRandom): TokenState {
  const issuedAt = Date.parse(scenario.clock);
  const clientCredentials = scenario.token.grantType === "client_credentials";
  const clientId = scenarioClientId(scenario);
  const owner = clientCredentials ? clientId : scenario.identity.username;
  const authTime = scenario.token.authTime ? Date.parse(scenario.token.authTime) : issuedAt;
  const clientSide = scenario.token.storage === "client-side";
  const native: NativeFields = {
    sub: owner,
    subname: owner,
    iss: issuerOf(scenario),
    aud: [clientId],
    client_id: clientId,
    scope: [...scenario.scopes],
    grant_type: scenario.token.grantType,
    realm: scenario.realm,
    auth_level: clientCredentials ? null : scenario.token.authLevel,
    auth_time: clientCredentials ? null : Math.floor(authTime / 1000),
    expiryTime: issuedAt + scenario.token.lifetimeSeconds * 1000,
    iat: Math.floor(issuedAt / 1000),
    nbf: Math.floor(issuedAt / 1000),
    tokenName: "access_token",
    token_type: "Bearer",
    authGrantId: scenario.token.authGrantId ?? random.tokenId(),
    auditTrackingId: scenario.token.auditTrackingId ?? `${random.uuid()}-${(random.nextUint32() % 900000) + 100000}`,
    nonce: null,
    claims: null,
    cnf: null,
    permissions: null,
    act: null,
    may_act: null,
    id: random.tokenId(),
  };
  const refreshToken = scenario.token.refreshToken && !clientCredentials ? random.tokenId() : null;
  const macaroon = scenario.token.storage === "macaroon" ? [] : null;
  return { native, custom: new Map(), extraData: new Map(), clientSide, macaroon, refreshToken, issuedAt };
}

/** Native field names a script may remove or overwrite (AM then may reject its own token). */
export const NATIVE_FIELD_NAMES = [
  "sub",
  "subname",
  "iss",
  "aud",
  "client_id",
  "scope",
  "grant_type",
  "realm",
  "auth_level",
  "auth_time",
  "exp",
  "iat",
  "nbf",
  "tokenName",
  "token_type",
  "authGrantId",
  "auditTrackingId",
  "nonce",
  "claims",
  "cnf",
  "permissions",
  "act",
  "may_act",
  "jti",
  "expires_in",
  "cts",
] as const;

export function isNativeFieldName(name: string): boolean {
  return (NATIVE_FIELD_NAMES as readonly string[]).includes(name);
}

/** Deep-copies a state so `before` can be kept while the script mutates `after`. */
export function cloneTokenState(state: TokenState): TokenState {
  return {
    native: structuredCloneJson(state.native),
    custom: new Map([...state.custom].map(([k, v]) => [k, structuredCloneJson(v)])),
    extraData: new Map([...state.extraData].map(([k, v]) => [k, structuredCloneJson(v)])),
    clientSide: state.clientSide,
    macaroon: state.macaroon ? [...state.macaroon] : null,
    refreshToken: state.refreshToken,
    issuedAt: state.issuedAt,
  };
}

/** Copies arrays and plain objects; keeps other objects (immutable value types such as Java doubles). */
function structuredCloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => structuredCloneJson(v)) as T;
  if (isPlainRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneJson(v)])) as T;
  }
  return value;
}
