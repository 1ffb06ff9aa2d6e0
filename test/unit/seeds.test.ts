import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { run } from "../../engine";

function sample(name: string): { script: string; scenario: unknown } {
  return {
    script: readFileSync(`samples/${name}.js`, "utf8"),
    scenario: JSON.parse(readFileSync(`samples/${name}.scenario.json`, "utf8")),
  };
}

describe("the seed documentation's examples", () => {
  it("legacy: hello beside the access token, mail as a one-element array, phone as a string, expires_in 3599", async () => {
    const { script, scenario } = sample("seed-legacy");
    const result = await run(script, scenario);
    expect(result.error).toBeNull();
    expect(Object.keys(result.tokenResponse ?? {})).toEqual(["access_token", "refresh_token", "scope", "hello", "token_type", "expires_in"]);
    expect(result.tokenResponse).toMatchObject({ scope: "access", hello: "world", token_type: "Bearer", expires_in: 3599 });
    expect(result.introspection).toMatchObject({
      active: true,
      scope: "access",
      realm: "/alpha",
      client_id: "myClient",
      user_id: "014c54bd-6078-4639-8316-8ce0e7746fa4",
      mail: ["user@example.com"],
      phone: "(555) 323-1234",
    });
    expect(result.introspection).not.toHaveProperty("hello");
    expect(result.token?.changes.added).toEqual(["mail", "phone"]);
    expect(result.token?.extraData).toEqual({ hello: "world" });
  });

  it("next-generation: uids, expires_in 299, exp five minutes after issue, ip and browser from the mock, the IDM update", async () => {
    const { script, scenario } = sample("seed-next-gen");
    const result = await run(script, scenario);
    expect(result.error).toBeNull();
    const response = result.tokenResponse ?? {};
    expect(response).toMatchObject({ scope: "access", token_type: "Bearer", expires_in: 299 });
    expect(response).not.toHaveProperty("refresh_token");
    const uids = response.uids as number[];
    expect(uids).toHaveLength(3);
    // Signed int32, as AIC's getRandomValues gives them (live; negatives included).
    for (const uid of uids) expect(Number.isInteger(uid) && uid >= -(2 ** 31) && uid < 2 ** 31).toBe(true);
    expect(result.introspection).toMatchObject({
      user_id: "bjensen",
      exp: Date.parse("2025-08-13T17:57:40Z") / 1000 + 300,
      browser: "Apache-HttpAsyncClient/4.1.4 (Java/17.0.10)",
      ip: "1.70.145.10",
    });
    expect(result.http).toEqual([expect.objectContaining({ method: "GET", url: "https://dummyjson.com/ip", status: 200, mock: 0 })]);
    expect(result.openidm.map((c) => c.op)).toEqual(["read", "update"]);
  });

  it("is reproducible: the same scenario gives the same token; another seed gives other ids", async () => {
    const { script, scenario } = sample("seed-next-gen");
    const a = await run(script, scenario);
    const b = await run(script, scenario);
    const c = await run(script, { ...(scenario as object), seed: 2 });
    expect(b.tokenResponse).toEqual(a.tokenResponse);
    expect(c.tokenResponse?.access_token).not.toEqual(a.tokenResponse?.access_token);
    expect(c.tokenResponse?.uids).not.toEqual(a.tokenResponse?.uids);
  });

  it("runs the next-generation seed under the legacy evaluator the way AM would fail it", async () => {
    const { script, scenario } = sample("seed-next-gen");
    const result = await run(script, scenario, { evaluator: "legacy" });
    expect(result.ok).toBe(false);
    expect(result.evaluator).toBe("legacy");
    expect(result.error?.line).toBe(8);
  });
});
