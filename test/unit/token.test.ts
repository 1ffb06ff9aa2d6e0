import { describe, expect, it } from "vitest";
import { jwtVerify, importJWK, type JWK } from "jose";
import { createHash } from "node:crypto";
import { run } from "../../engine";
import { DEMO_HMAC_SECRET, DEMO_RSA_PRIVATE_JWK } from "../../engine/token/demo-keys";

const ISSUED = new Date("2025-08-13T17:57:41Z");
const ng = (script: string, scenario: Record<string, unknown> = {}) => run(script, { evaluator: "next-gen", ...scenario });

describe("client-side tokens", () => {
  it("issue a real HS256 JWT whose claims carry the script's fields", async () => {
    const result = await ng("accessToken.setField('department', 'finance');", { token: { storage: "client-side" } });
    const jwt = result.jwt!;
    expect(result.tokenResponse?.access_token).toBe(jwt.compact);
    expect(jwt.header).toMatchObject({ alg: "HS256", typ: "JWT", zip: "NONE" });
    const verified = await jwtVerify(jwt.compact, new TextEncoder().encode(DEMO_HMAC_SECRET), { currentDate: ISSUED });
    expect(verified.payload).toMatchObject({ department: "finance", client_id: "myClient", scope: ["access"], tokenName: "access_token" });
    expect(jwt.bytes).toBe(jwt.compact.length);
  });

  it("can be signed RS256 and verified with the demo public key", async () => {
    const result = await ng("", { token: { storage: "client-side", signing: { alg: "RS256" } } });
    const { d, p, q, dp, dq, qi, ...publicJwk } = DEMO_RSA_PRIVATE_JWK as unknown as Record<string, string>;
    void [d, p, q, dp, dq, qi];
    const key = await importJWK(publicJwk as JWK, "RS256");
    const verified = await jwtVerify(result.jwt!.compact, key, { currentDate: ISSUED });
    expect(verified.protectedHeader.alg).toBe("RS256");
  });

  it("with openid in scope, issue an ID token whose at_hash matches the final access token", async () => {
    const result = await ng("accessToken.setField('x', 1);", { scopes: ["openid", "access"], token: { storage: "client-side" } });
    const accessToken = String(result.tokenResponse?.access_token);
    const digest = createHash("sha256").update(accessToken, "ascii").digest();
    const expected = digest.subarray(0, 16).toString("base64url");
    expect(result.idToken?.claims.at_hash).toBe(expected);
    expect(result.tokenResponse?.id_token).toBe(result.idToken?.compact);
  });

  it("warn, naming the limit, when the token grows past common size limits", async () => {
    const big = "x".repeat(5000);
    const result = await ng(`accessToken.setField('blob', '${big}');`, { token: { storage: "client-side" } });
    const warning = result.warnings.find((w) => w.code === "token-size-over-limit");
    expect(warning?.message).toMatch(/4 KB cookie limit/);
  });
});

describe("what the script changes", () => {
  it("setExpiryTime moves expires_in (computed at response time) and exp", async () => {
    const result = await ng("accessToken.setExpiryTime(Date.now() + 120000);");
    expect(result.tokenResponse?.expires_in).toBe(119);
    expect(result.introspection?.exp).toBe(Date.parse("2025-08-13T17:57:40Z") / 1000 + 120);
  });

  it("removing a native field is marked and warned about at its line", async () => {
    const result = await ng("var a = 1;\naccessToken.removeTokenName();");
    expect(result.token?.changes.removed).toContain("tokenName");
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: "native-field-removed", line: 2 }));
  });

  it("extra data goes to the token endpoint response only, custom fields to introspection only", async () => {
    const result = await ng("accessToken.addExtraJsonData('obj', {a: [1, 2]}); accessToken.setField('claim', 'v');");
    expect(result.tokenResponse).toMatchObject({ obj: { a: [1, 2] } });
    expect(result.tokenResponse).not.toHaveProperty("claim");
    expect(result.introspection).toMatchObject({ claim: "v" });
    expect(result.introspection).not.toHaveProperty("obj");
  });

  it("client_credentials tokens have the client as owner and no refresh token", async () => {
    const result = await ng("", { token: { grantType: "client_credentials" } });
    expect(result.tokenResponse).not.toHaveProperty("refresh_token");
    expect(result.introspection).toMatchObject({ sub: "myClient", user_id: "myClient" });
  });

  it("a failing script issues no token (AM answers the token request with an error)", async () => {
    const result = await ng("accessToken.setField('a', 1);\nthrow new Error('policy says no');");
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ kind: "runtime", line: 2 });
    expect(result.error?.message).toMatch(/policy says no/);
    expect(result.tokenResponse).toBeNull();
    expect(result.token?.after).toMatchObject({ a: 1 });
  });
});
