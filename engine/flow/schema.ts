/**
 * A scenario's `flow`: the requests a client makes, in order, against one grant (product.md, "A grant's whole
 * life"). Without a flow a scenario is the single token request it always was.
 */
import { z } from "zod";
import type { ProductId } from "../../contracts/catalog";
import { ownValue } from "../util/own-keys";
import { dischargeMacaroonsSchema } from "../token/discharge";

/** The grant types a client posts to /oauth2/access_token, as AM names them (also the scenario token's, with "implicit"). */
export const FLOW_GRANT_TYPES = [
  "authorization_code",
  "refresh_token",
  "client_credentials",
  "password",
  "urn:ietf:params:oauth:grant-type:token-exchange",
  "urn:ietf:params:oauth:grant-type:device_code",
  "urn:ietf:params:oauth:grant-type:jwt-bearer",
] as const;

export const TOKEN_REFERENCES = ["access_token", "refresh_token", "previous_refresh_token", "id_token"] as const;
export type TokenReference = (typeof TOKEN_REFERENCES)[number];

const after = z
  .number()
  .min(0)
  .optional()
  .describe("Seconds after the previous step (the clock advances by this much before the request)");
const scopes = z
  .array(z.string())
  .optional()
  .describe("The scopes the request asks for; defaults to the scenario's scopes (on refresh: the grant's scopes)");
const params = z
  .record(z.string(), z.array(z.string()))
  .optional()
  .describe("Extra request parameters the client posts (they reach requestProperties.requestParams)");

const authorizeStep = z.strictObject({
  request: z.literal("authorize").describe("An authorization request (/oauth2/authorize)"),
  responseType: z
    .string()
    .default("code")
    .describe('"code" (the script runs later, at the token endpoint), or "token" / "id_token token" / "code token" (implicit and hybrid: the token is issued at /authorize)'),
  scopes,
  params,
  after,
});

const tokenStep = z.strictObject({
  request: z.literal("token").describe("A token request (/oauth2/access_token)"),
  grantType: z.enum(FLOW_GRANT_TYPES).describe("The grant_type the client posts to /oauth2/access_token"),
  scopes,
  params,
  clientId: z.string().optional().describe(
      "The client that makes the request; defaults to the scenario's client, and on a code exchange or refresh to the client the code or refresh token was issued to (another one is refused with invalid_grant). On token exchange: the acting client, whose client_id and aud the token gets",
    ),
  lifetimeSeconds: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("The access token lifetime of the client making the request (its OAuth2 Provider override; on token exchange the acting client's); defaults to the scenario's token.lifetimeSeconds"),
  after,
});

const introspectStep = z.strictObject({
  request: z.literal("introspect").describe("An introspection request (/oauth2/introspect)"),
  token: z.enum(TOKEN_REFERENCES).default("access_token").describe("Which of the grant's tokens is introspected"),
  dischargeMacaroons: dischargeMacaroonsSchema
    .optional()
    .describe("X-Discharge-Macaroon for this request (macaroon tokens with third-party caveats); defaults to the scenario's token.dischargeMacaroons"),
  after,
});

const revokeStep = z.strictObject({
  request: z.literal("revoke").describe("A revocation request (/oauth2/token/revoke)"),
  token: z.enum(TOKEN_REFERENCES).default("refresh_token").describe("Which of the grant's tokens is revoked"),
  after,
});

const userinfoStep = z.strictObject({
  request: z
    .literal("userinfo")
    .describe(
      "A userinfo request with the grant's current access token. Product ibm-verify-access only: IBM's mapping rules run there too (request_type userinfo); AM's access-token modification script does not",
    ),
  after,
});

/** The products whose token customisation runs at /userinfo, so a flow can show that request. */
export const USERINFO_PRODUCTS = ["ibm-verify-access"] as const;

/**
 * Why each other product's script shows nothing at /userinfo, for the error a userinfo step of its scenario
 * gets. Keyed by the catalog's product ids, so the compiler asks a new product for its reason (or for a place in
 * USERINFO_PRODUCTS).
 */
export const NO_USERINFO_REASONS: Readonly<Record<Exclude<ProductId, (typeof USERINFO_PRODUCTS)[number]>, string>> = {
  am: "AM's access-token modification script does not run at /userinfo (its claims come from the OIDC claims script, which the playground does not run)",
  onewelcome: "OneWelcome's token hook does not run at /userinfo",
};

/** Why a product's script shows nothing at /userinfo, or undefined for one whose script runs there. */
export function noUserinfoReason(product: ProductId): string | undefined {
  return ownValue<string>(NO_USERINFO_REASONS, product);
}

export const flowStepSchema = z
  .discriminatedUnion("request", [authorizeStep, tokenStep, introspectStep, revokeStep, userinfoStep])
  .describe("One request of the flow");
export type FlowStep = z.output<typeof flowStepSchema>;

/**
 * At most this many requests: each may run the script at its full time limit, and the watchdog allows the
 * flow that many limits, so an unbounded list (a generated file, a paste gone wrong) would hold a worker for
 * hours. A grant's whole life is a dozen requests.
 */
export const MAX_FLOW_STEPS = 200;

export const flowSchema = z
  .array(flowStepSchema)
  .min(1, "a flow needs at least one request (leave out \"flow\" for the single token request)")
  .max(MAX_FLOW_STEPS, `a flow has at most ${MAX_FLOW_STEPS} requests`)
  .describe("Requests made in order against one grant: authorize, token, introspect, revoke, userinfo (IBM) (see docs/flows.md)");
