/**
 * Client-side tokens and ID tokens: real JWS compact tokens signed with jose (HS256 by default,
 * RS256/ES256 selectable), with `at_hash` computed as OIDC Core specifies.
 */
import { CompactSign, decodeProtectedHeader, decodeJwt, importJWK, type JWK } from "jose";
import { formatAmJson } from "./values";
import { sha256 } from "@noble/hashes/sha2.js";
import type { SigningAlg } from "../scenario/schema";
import { DEMO_EC_PRIVATE_JWK, DEMO_HMAC_SECRET, DEMO_RSA_PRIVATE_JWK } from "./demo-keys";
import { base64url, utf8 } from "../util/random";
import type { JwtView } from "../result";

const keyCache = new Map<string, Promise<CryptoKey | Uint8Array>>();

function signingKey(alg: SigningAlg, secret: string | undefined): Promise<CryptoKey | Uint8Array> {
  if (alg === "HS256") return Promise.resolve(utf8.encode(secret ?? DEMO_HMAC_SECRET));
  const cacheKey = alg;
  let key = keyCache.get(cacheKey);
  if (!key) {
    const jwk = (alg === "RS256" ? DEMO_RSA_PRIVATE_JWK : DEMO_EC_PRIVATE_JWK) as unknown as JWK;
    key = importJWK(jwk, alg) as Promise<CryptoKey | Uint8Array>;
    keyCache.set(cacheKey, key);
  }
  return key;
}

function keyId(alg: SigningAlg): string | undefined {
  if (alg === "RS256") return DEMO_RSA_PRIVATE_JWK.kid;
  if (alg === "ES256") return DEMO_EC_PRIVATE_JWK.kid;
  return undefined;
}

const signed = new Map<string, string>();
const SIGNED_CACHE_SIZE = 128;

/**
 * Signs claims as AM does for client-side access tokens (`typ: JWT`, `zip: NONE`). RSA and HMAC
 * signatures are deterministic, so the same input is signed once and remembered (RS256 costs milliseconds,
 * and run-as-you-type signs the same token over and over); ES256 then also gives reproducible output.
 */
export async function signJwt(
  claims: Record<string, unknown>,
  alg: SigningAlg,
  secret: string | undefined,
  headerExtras: Record<string, unknown> = {},
): Promise<string> {
  const key = `${JSON.stringify([alg, secret ?? null, headerExtras])}${formatAmJson(claims, [], 0)}`;
  const cached = signed.get(key);
  if (cached) return cached;
  const compact = await signUncached(claims, alg, secret, headerExtras);
  if (signed.size >= SIGNED_CACHE_SIZE) signed.delete(signed.keys().next().value as string);
  signed.set(key, compact);
  return compact;
}

async function signUncached(
  claims: Record<string, unknown>,
  alg: SigningAlg,
  secret: string | undefined,
  headerExtras: Record<string, unknown> = {},
): Promise<string> {
  const kid = keyId(alg);
  const header = { typ: "JWT", ...headerExtras, alg, ...(kid ? { kid } : {}) };
  // The payload is written as AM's JSON writer writes it (Java doubles as 42.0), so the signed bytes match.
  const payload = utf8.encode(formatAmJson(claims, [], 0));
  return new CompactSign(payload).setProtectedHeader(header).sign(await signingKey(alg, secret));
}

export function viewJwt(compact: string): JwtView {
  return {
    compact,
    header: decodeProtectedHeader(compact) as Record<string, unknown>,
    claims: decodeJwt(compact) as Record<string, unknown>,
    bytes: utf8.encode(compact).length,
  };
}

/** OIDC at_hash: base64url of the left half of SHA-256 over the access token's ASCII bytes. */
export function atHash(accessToken: string): string {
  const digest = sha256(utf8.encode(accessToken));
  return base64url(digest.slice(0, digest.length / 2));
}
