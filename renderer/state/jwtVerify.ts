/**
 * Checks a shown JWT's signature in the page, as jwt.io does, with the keys the playground signs with: the
 * demo RSA / EC keys (their public halves, shown as a JWKS) or the HMAC secret (the scenario's or the demo
 * one). Loaded on demand, so the opening page does not carry jose.
 */
import { compactVerify, importJWK, type JWK } from "jose";
import { DEMO_EC_PRIVATE_JWK, DEMO_HMAC_SECRET, DEMO_RSA_PRIVATE_JWK } from "../../engine/api";

/** The demo keys' public halves: what a resource server would fetch from AM's jwk_uri. */
export function demoJwks(): { keys: JWK[] } {
  const publicOf = (jwk: Record<string, string>) => {
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest } = jwk;
    return { ...rest, use: "sig" } as JWK;
  };
  return { keys: [publicOf(DEMO_RSA_PRIVATE_JWK as unknown as Record<string, string>), publicOf(DEMO_EC_PRIVATE_JWK as unknown as Record<string, string>)] };
}

export interface Verification {
  verified: boolean;
  /** Which key was used, in words. */
  key: string;
  detail?: string;
}

export async function verifyJwt(compact: string, hmacSecret: string | undefined): Promise<Verification> {
  let alg = "";
  try {
    alg = String(JSON.parse(atob(compact.split(".")[0]!.replace(/-/g, "+").replace(/_/g, "/"))).alg);
  } catch {
    return { verified: false, key: "none", detail: "The header is not readable JSON." };
  }
  try {
    if (alg === "HS256") {
      const secret = hmacSecret ?? DEMO_HMAC_SECRET;
      await compactVerify(compact, new TextEncoder().encode(secret));
      return { verified: true, key: hmacSecret ? "the scenario's HMAC secret (token.signing.secret)" : "the demo HMAC secret" };
    }
    const jwk = demoJwks().keys.find((k) => k.alg === alg);
    if (!jwk) return { verified: false, key: "none", detail: `No demo key for ${alg}.` };
    await compactVerify(compact, await importJWK(jwk, alg));
    return { verified: true, key: `the demo public key "${jwk.kid}" (JWKS below)` };
  } catch (error) {
    return { verified: false, key: alg, detail: error instanceof Error ? error.message : String(error) };
  }
}
