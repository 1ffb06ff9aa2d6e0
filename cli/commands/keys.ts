import { DEMO_EC_PRIVATE_JWK, DEMO_RSA_PRIVATE_JWK } from "../../engine/api";

/** Only the public members of a JWK: what a verifier needs, never the private parts. */
function publicJwk(jwk: Record<string, string>, members: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...members, "kid", "alg"]) out[name] = jwk[name];
  out.use = "sig";
  return out;
}

/** The JWKS of the demo keys that sign RS256 and ES256 tokens (HS256 tokens use a shared secret instead). */
export function demoJwks(): { keys: Record<string, string>[] } {
  return {
    keys: [publicJwk(DEMO_RSA_PRIVATE_JWK, ["kty", "n", "e"]), publicJwk(DEMO_EC_PRIVATE_JWK, ["kty", "crv", "x", "y"])],
  };
}
