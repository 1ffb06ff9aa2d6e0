/**
 * Third-party caveats and their discharge macaroons (X-Discharge-Macaroon), as a resource server introspecting a
 * macaroon access token meets them: the script's addThirdPartyCaveat holds the token inactive until the request
 * carries a discharge made with the caveat's key and identifier, whose own caveats hold.
 */
import { describe, expect, it } from "vitest";
import { run, runFlow } from "../../engine";
import { addFirstPartyCaveat, addThirdPartyCaveat, bindForRequest, createMacaroon, deserializeV2, fromBase64, serializeV2, toBase64Url } from "../../engine/token/macaroon";
import { validateScenario } from "../../engine/scenario/validate";

const clock = "2025-08-13T17:57:40Z";
const issuedAt = Date.parse(clock) / 1000;
const script = 'accessToken.setField("tier", "gold"); accessToken.addThirdPartyCaveat("https://terms.example/", "caveat key", "terms-accepted");';
const scenario = (dischargeMacaroons?: unknown[]) => ({
  evaluator: "legacy",
  scopes: ["openid", "profile"],
  clock,
  token: { storage: "macaroon", ...(dischargeMacaroons ? { dischargeMacaroons } : {}) },
});
const unsatisfied = (result: { warnings: { code: string; message: string }[] }) => result.warnings.find((w) => w.code === "macaroon-caveat-unsatisfied")?.message;

describe("introspecting a macaroon with a third-party caveat", () => {
  it("without a discharge the token is inactive, and the warning says where a discharge goes", async () => {
    const result = await run(script, scenario());
    expect(result.introspection).toEqual({ active: false });
    expect(unsatisfied(result)).toMatch(/third-party caveat "terms-accepted" at https:\/\/terms\.example\/: no discharge macaroon.*X-Discharge-Macaroon.*token\.dischargeMacaroons/);
    // What AM holds for the token is still shown: the caveat restricts, the fields are there.
    expect(result.macaroon?.unrestrictedIntrospection).toMatchObject({ active: true, tier: "gold", scope: "openid profile" });
    expect(result.macaroon?.dischargeMacaroons).toEqual([]);
  });

  it("a discharge the third party mints with the caveat key and identifier, sent unbound, makes it active", async () => {
    const result = await run(script, scenario([{ identifier: "terms-accepted", key: "caveat key" }]));
    expect(result.introspection).toMatchObject({ active: true, tier: "gold", scope: "openid profile" });
    expect(result.warnings.map((w) => w.code)).not.toContain("macaroon-caveat-unsatisfied");
    // The header value is the discharge as sent: a macaroon at the caveat's location, with its identifier.
    const [value] = result.macaroon?.dischargeMacaroons ?? [];
    const discharge = deserializeV2(fromBase64(value));
    expect(discharge.location).toBe("https://terms.example/");
    expect(new TextDecoder().decode(discharge.identifier)).toBe("terms-accepted");
    // The same value given back as a serialized discharge answers the same.
    const again = await run(script, scenario([value]));
    expect(again.introspection).toEqual(result.introspection);
  });

  it("a discharge signed with another key, or for another identifier, leaves the token inactive and says why", async () => {
    const wrongKey = await run(script, scenario([{ identifier: "terms-accepted", key: "another key" }]));
    expect(wrongKey.introspection).toEqual({ active: false });
    expect(unsatisfied(wrongKey)).toMatch(/discharge macaroon for "terms-accepted" is not signed with that caveat's key/);
    const wrongId = await run(script, scenario([{ identifier: "terms-declined", key: "caveat key" }]));
    expect(wrongId.introspection).toEqual({ active: false });
    expect(unsatisfied(wrongId)).toMatch(/no discharge macaroon with this identifier/);
    expect(wrongId.warnings.find((w) => w.code === "macaroon-discharge-unused")?.message).toMatch(/value 1 discharged no third-party caveat/);
  });

  it("a discharge's own caveats must hold: an expired exp on it makes the token inactive", async () => {
    const expired = await run(script, scenario([{ identifier: "terms-accepted", key: "caveat key", caveats: [{ exp: issuedAt - 1 }] }]));
    expect(expired.introspection).toEqual({ active: false });
    expect(unsatisfied(expired)).toMatch(/expired/);
    const unknown = await run(script, scenario([{ identifier: "terms-accepted", key: "caveat key", caveats: ["time < 2030-01-01"] }]));
    expect(unsatisfied(unknown)).toMatch(/first-party caveat "time < 2030-01-01".*on the discharge macaroon for "terms-accepted"/);
    const later = await run(script, scenario([{ identifier: "terms-accepted", key: "caveat key", caveats: [{ exp: issuedAt + 60 }] }]));
    expect(later.introspection).toMatchObject({ active: true, exp: issuedAt + 60 });
  });

  it("a discharge bound to the token (libmacaroons' form) is accepted, marked as resting on an inference; bound to another token it is refused", async () => {
    const bound = await run(script, scenario([{ identifier: "terms-accepted", key: "caveat key", bindToToken: true }]));
    expect(bound.introspection).toMatchObject({ active: true });
    expect(bound.warnings.find((w) => w.code === "macaroon-discharge-bound")?.message).toMatch(/inference/);
    const other = bindForRequest(new Uint8Array(32).fill(9), createMacaroon("caveat key", "terms-accepted", "https://terms.example/"));
    const elsewhere = await run(script, scenario([toBase64Url(serializeV2(other))]));
    expect(elsewhere.introspection).toEqual({ active: false });
    expect(unsatisfied(elsewhere)).toMatch(/bound to another token/);
  });

  it("two third-party caveats need one discharge each, in any order", async () => {
    const two = `${script} accessToken.addThirdPartyCaveat("https://mfa.example/", "mfa key", "mfa-done");`;
    const one = await run(two, scenario([{ identifier: "terms-accepted", key: "caveat key" }]));
    expect(unsatisfied(one)).toMatch(/"mfa-done" at https:\/\/mfa\.example\/: no discharge/);
    const both = await run(two, scenario([{ identifier: "mfa-done", key: "mfa key" }, { identifier: "terms-accepted", key: "caveat key" }]));
    expect(both.introspection).toMatchObject({ active: true });
  });

  it("a discharge that is not a macaroon is refused by the scenario, naming where it is", () => {
    const checked = validateScenario(scenario(["not a macaroon"]));
    expect(checked).toEqual({ ok: false, issues: [{ path: "$.token.dischargeMacaroons[0]", message: "is not a version-2 binary macaroon in base64 or base64url" }] });
  });
});

describe("discharges in a flow", () => {
  it("each introspection carries its own X-Discharge-Macaroon; the step shows the header and says what it rests on", async () => {
    const result = await runFlow(script, {
      ...scenario(),
      flow: [
        { request: "token", grantType: "authorization_code" },
        { request: "introspect", token: "access_token" },
        { request: "introspect", token: "access_token", dischargeMacaroons: [{ identifier: "terms-accepted", key: "caveat key", caveats: [{ exp: issuedAt + 120 }] }] },
        { request: "introspect", token: "access_token", after: 121, dischargeMacaroons: [{ identifier: "terms-accepted", key: "caveat key", caveats: [{ exp: issuedAt + 120 }] }] },
        { request: "token", grantType: "refresh_token" },
        { request: "introspect", token: "access_token", dischargeMacaroons: [{ identifier: "terms-accepted", key: "caveat key" }] },
      ],
    });
    expect(result.steps.map((s) => s.body.active ?? s.status)).toEqual([200, false, true, false, 200, true]);
    expect(result.steps[1].requestHeaders).toBeUndefined();
    expect(result.steps[2].requestHeaders?.["X-Discharge-Macaroon"]).toHaveLength(1);
    expect(result.steps[2].body).toMatchObject({ tier: "gold", exp: issuedAt + 120 });
    expect(result.steps[3].warnings.find((w) => w.code === "macaroon-caveat-unsatisfied")?.message).toMatch(/expired/);
    expect(result.steps[2].notes.map((n) => n.evidence)).toEqual(["documented", "observed", "inferred"]);
    expect(result.steps[1].notes.map((n) => n.evidence)).toEqual(["documented"]);
    // The refreshed token is a new macaroon with the script's caveat again: the same discharge key opens it.
    expect(result.steps[5].body).toMatchObject({ active: true, tier: "gold" });
  });
});

describe("a macaroon laid out as AM's documented example", () => {
  it("the token starts as AM's does (version 2, an empty location field) and inspect's signature is base64url", async () => {
    const result = await run("", scenario());
    const bytes = fromBase64(String(result.tokenResponse?.access_token));
    expect(Array.from(bytes.subarray(0, 4))).toEqual([2, 1, 0, 2]);
    expect(result.macaroon?.signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.macaroon?.identifier).toHaveLength(27);
    // A discharge minted by a library for the playground's token verifies the same whichever layout the token has.
    const token = deserializeV2(bytes);
    const caveated = addThirdPartyCaveat(addFirstPartyCaveat(token, '{"scope":"profile"}'), "https://x/", "k", "id", new Uint8Array(24));
    expect(deserializeV2(serializeV2(caveated, { emptyLocationField: true }))).toEqual(caveated);
  });
});
