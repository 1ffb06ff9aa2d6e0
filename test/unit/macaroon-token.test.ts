/**
 * token.storage "macaroon" (AM's "Use Macaroon Access and Refresh Tokens"): the access and refresh tokens are
 * real macaroons, the script's caveats are in the token and narrow what introspection answers as AM's docs
 * describe, and every run says which parts are the playground's choice.
 */
import { describe, expect, it } from "vitest";
import { run, runFlow } from "../../engine";
import { deserializeV2, fromBase64, verifySignature } from "../../engine/token/macaroon";
import { playgroundMacaroonKey } from "../../engine/token/macaroon-token";

const scenario = { scopes: ["openid", "profile", "email"], token: { storage: "macaroon" }, clock: "2025-08-13T17:57:40Z" };
const issuedAt = Date.parse("2025-08-13T17:57:40Z") / 1000;
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("macaroon access tokens", () => {
  it("carry the script's caveats in a macaroon signed by the chain; scope and exp caveats narrow introspection", async () => {
    for (const evaluator of ["legacy", "next-gen"] as const) {
      const caveat = evaluator === "legacy" ? `JSON.stringify({ scope: "profile email", exp: ${issuedAt + 600} })` : `{ scope: ["profile", "email"], exp: ${issuedAt + 600} }`;
      const result = await run(`accessToken.setField("tier", "gold"); accessToken.addFirstPartyCaveat(${caveat});`, { ...scenario, evaluator });
      expect(result.ok).toBe(true);
      const token = deserializeV2(fromBase64(String(result.tokenResponse?.access_token)));
      expect(verifySignature(token, playgroundMacaroonKey(1))).not.toBeNull();
      expect(token.location).toBe("");
      expect(token.caveats.map((c) => JSON.parse(text(c.identifier)))).toEqual([{ scope: evaluator === "legacy" ? "profile email" : ["profile", "email"], exp: issuedAt + 600 }]);
      // Fields stay server-side, the caveats narrow what the token may do: scope ∩, the earlier expiry.
      expect(result.introspection).toMatchObject({ active: true, scope: "profile email", exp: issuedAt + 600, tier: "gold" });
      // The grant's scope in the token response is the request's: caveats restrict the token, not the grant.
      expect(result.tokenResponse?.scope).toBe("openid profile email");
      expect(result.macaroon).toMatchObject({ location: "", caveats: [{ type: "first-party" }], format: "libmacaroons-v2-binary-base64url" });
      // The refresh token is a macaroon too, without caveats (the script never touches it).
      expect(deserializeV2(fromBase64(String(result.tokenResponse?.refresh_token))).caveats).toEqual([]);
      expect(result.warnings.find((w) => w.code === "macaroon-emulation")?.message).toMatch(/documented example.*does not document its key.*X-Discharge-Macaroon.*Not emulated: macaroons over client-side tokens/s);
    }
  });

  it("a legacy script's JS object caveat becomes \"[object Object]\" as Rhino hands it to a String parameter, with the warning", async () => {
    const result = await run(`accessToken.addFirstPartyCaveat({ scope: "profile" });`, { ...scenario, evaluator: "legacy" });
    expect(result.macaroon?.caveats).toEqual([{ type: "first-party", identifier: "[object Object]" }]);
    expect(result.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["macaroon-caveat-js-object", "macaroon-caveat-unsatisfied"]));
    expect(result.introspection).toEqual({ active: false });
  });

  it("an unsatisfiable caveat, an expired exp and a third-party caveat make the token inactive, each named", async () => {
    const cases: [string, RegExp][] = [
      ['accessToken.addFirstPartyCaveat("time < 2030-01-01");', /plain condition/],
      [`accessToken.addFirstPartyCaveat(JSON.stringify({ exp: ${issuedAt - 1} }));`, /expired/],
      ['accessToken.addFirstPartyCaveat(JSON.stringify({ ip: "10.0.0.1" }));', /caveat field "ip"/],
      ['accessToken.addFirstPartyCaveat(JSON.stringify({ aud: "https://other.example" }));', /not a subset of the token's audience/],
      ['accessToken.addThirdPartyCaveat("https://tp.example/", "0123456789abcdef0123456789abcdef", "terms-accepted");', /X-Discharge-Macaroon/],
    ];
    for (const [script, why] of cases) {
      const result = await run(script, { ...scenario, evaluator: "next-gen" });
      expect(result.introspection, script).toEqual({ active: false });
      expect(result.warnings.find((w) => w.code === "macaroon-caveat-unsatisfied")?.message, script).toMatch(why);
    }
    const thirdParty = await run('accessToken.addThirdPartyCaveat("https://tp.example/", "caveat key", "terms-accepted");', { ...scenario, evaluator: "legacy" });
    const token = deserializeV2(fromBase64(String(thirdParty.tokenResponse?.access_token)));
    expect(token.caveats[0]).toMatchObject({ location: "https://tp.example/" });
    expect(verifySignature(token, playgroundMacaroonKey(1))?.thirdPartyKeys).toHaveLength(1);
  });

  it("the caveat methods exist only on macaroon tokens, failing elsewhere as Rhino fails a missing method", async () => {
    const legacy = await run('accessToken.addFirstPartyCaveat("x");', { evaluator: "legacy" });
    expect(legacy.error?.message).toMatch(/^TypeError: Cannot find function addFirstPartyCaveat in object org\.forgerock\.openam\.oauth2\.OpenAMAccessToken@/);
    const wrongCount = await run('accessToken.addThirdPartyCaveat("a", "b");', { ...scenario, evaluator: "legacy" });
    expect(wrongCount.error?.message).toMatch(/Can't find method org\.forgerock\.openam\.oauth2\.token\.macaroon\.MacaroonAccessToken\.addThirdPartyCaveat\(string,string\)/);
  });

  it("in a flow, each issuance is a new macaroon; the exp caveat ends the token early; the refresh token never has caveats", async () => {
    const result = await runFlow(`accessToken.addFirstPartyCaveat(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 300 }));`, {
      ...scenario,
      evaluator: "next-gen",
      flow: [
        { request: "token", grantType: "authorization_code" },
        { request: "introspect", token: "access_token", after: 200 },
        { request: "introspect", token: "access_token", after: 200 },
        { request: "token", grantType: "refresh_token" },
        { request: "introspect", token: "access_token" },
        { request: "introspect", token: "refresh_token" },
      ],
    });
    expect(result.steps.map((s) => s.body.active ?? s.status)).toEqual([200, true, false, 200, true, true]);
    expect(result.steps[3].body.access_token).not.toBe(result.steps[0].body.access_token);
    expect(result.steps[5].body).not.toHaveProperty("exp", result.steps[4].body.exp);
    expect(deserializeV2(fromBase64(String(result.steps[3].body.refresh_token))).caveats).toEqual([]);
  });
});
