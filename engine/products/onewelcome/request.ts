/**
 * The hook request the playground sends, built from the scenario exactly as the contract says: the user (when
 * there is one), the client, the requested scopes, the user's claims, the execution context, and the context's
 * custom parameters; with the configured authentication.
 */
import { SignJWT, importJWK, type JWK } from "jose";
import type { Scenario } from "../../scenario/schema";
import { DEMO_RSA_PRIVATE_JWK } from "../../token/demo-keys";
import { base64, utf8 } from "../../util/random";
import { HOOK_PATH, type HookRequest } from "./contract";
import { scenarioClientId } from "../../scenario/client-id";

export interface HookHttpRequest {
  method: "POST";
  url: string;
  headers: Record<string, string>;
  body: HookRequest;
}

/** The OAuth client the Access service uses for its own web hook calls (seen by receivers, reference §D.1). */
export const HOOK_CLIENT_ID = "onewelcomeAccessWebHookClient";

function userClaims(scenario: Scenario): Record<string, unknown> {
  const out: Record<string, unknown> = { sub: scenario.identity.id };
  for (const [name, values] of Object.entries(scenario.identity.attributes)) {
    out[name] = values.length === 1 ? values[0] : [...values];
  }
  return out;
}

export function buildHookBody(scenario: Scenario, triggeredBy: string): HookRequest {
  const ow = scenario.onewelcome;
  const clientCredentials = scenario.token.grantType === "client_credentials";
  return {
    ...(clientCredentials ? {} : { user: { id: scenario.identity.id } }),
    client: { id: scenarioClientId(scenario) },
    scopes: [...scenario.scopes],
    ...(clientCredentials ? {} : { userClaims: userClaims(scenario) }),
    executionContext: { ipAddress: scenario.session?.ipAddress ?? "127.0.0.1", triggeredBy: [triggeredBy] },
    contextCustomParams: ow.contextCustomParams ?? null,
  };
}

async function bearerToken(scenario: Scenario, audience: string): Promise<string> {
  const key = await importJWK(DEMO_RSA_PRIVATE_JWK as unknown as JWK, "RS256");
  const iat = Math.floor(Date.parse(scenario.clock) / 1000);
  return new SignJWT({ client_id: HOOK_CLIENT_ID, scope: `onewelcome_webhooks_${scenario.onewelcome.hookName}` })
    .setProtectedHeader({ alg: "RS256", kid: DEMO_RSA_PRIVATE_JWK.kid, typ: "JWT" })
    .setIssuer(scenario.issuer ?? "https://onewelcome.example.com/oauth")
    .setSubject(HOOK_CLIENT_ID)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .sign(key);
}

export async function buildHookRequest(scenario: Scenario, triggeredBy: string): Promise<HookHttpRequest> {
  const ow = scenario.onewelcome;
  const base = (ow.hookUrl ?? "http://hook.example.com").replace(/\/+$/, "");
  const url = `${base}${HOOK_PATH}`;
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
  if (ow.authentication === "basic") headers.Authorization = `Basic ${base64(utf8.encode(`${ow.username ?? ""}:${ow.password ?? ""}`))}`;
  if (ow.authentication === "jwt") headers.Authorization = `Bearer ${await bearerToken(scenario, url)}`;
  return { method: "POST", url, headers, body: buildHookBody(scenario, triggeredBy) };
}
