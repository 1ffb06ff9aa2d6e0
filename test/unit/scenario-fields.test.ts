/**
 * Fields whose values AM would never hold are validation errors naming their path, not values that turn
 * into null or "Invalid Date" during the run: dates, URLs, regular expressions, positive counts.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { validateScenario } from "../../engine/scenario/validate";

function issuesOf(value: unknown): { path: string; message: string }[] {
  const outcome = validateScenario(value);
  return outcome.ok ? [] : outcome.issues;
}

describe("scenario fields AM would refuse", () => {
  const refused: [string, unknown, string][] = [
    ["token.authTime not a date", { token: { authTime: "not a date" } }, "$.token.authTime"],
    ["token.authTime without its offset", { token: { authTime: "2025-08-13T17:57:40" } }, "$.token.authTime"],
    ["token.authTime on 30 February", { token: { authTime: "2025-02-30T00:00:00Z" } }, "$.token.authTime"],
    ["clock not a date", { clock: "yesterday" }, "$.clock"],
    ["issuer not a URL", { issuer: "not a url" }, "$.issuer"],
    ["request.uri not a URL", { request: { uri: "::::" } }, "$.request.uri"],
    ["a redirect URI that is no URI", { client: { redirectUris: ["https://ok.example/cb", "callback"] } }, "$.client.redirectUris[1]"],
    ["a mock's url that no request can have", { http: [{ request: { url: "api/users" } }] }, "$.http[0].request.url"],
    ["a mock's urlPattern that is no regular expression", { http: [{ request: { urlPattern: "((" } }] }, "$.http[0].request.urlPattern"],
    ["a negative session time", { session: { maxSessionTime: -5 } }, "$.session.maxSessionTime"],
    ["a zero idle time", { session: { maxIdleTime: 0 } }, "$.session.maxIdleTime"],
    ["a lifetime whose expiry no Date can hold", { token: { lifetimeSeconds: 9007199254740991 } }, "$.token.lifetimeSeconds"],
    ["a response delay longer than the lifetime", { token: { lifetimeSeconds: 60, responseDelayMs: 60000 } }, "$.token.responseDelayMs"],
  ];
  for (const [what, scenario, path] of refused) {
    it(`refuses ${what}, naming ${path}`, () => {
      expect(issuesOf(scenario).map((i) => i.path)).toContain(path);
    });
  }

  it("says what a date must look like", () => {
    expect(issuesOf({ token: { authTime: "not a date" } })[0].message).toMatch(/ISO 8601 date and time, e\.g\. 2025-08-13T17:57:40Z/);
  });

  it("accepts what AM holds: offsets, custom-scheme redirect URIs, a valid pattern, the last representable expiry", () => {
    const scenario = {
      clock: "2025-08-13T19:57:40+02:00",
      issuer: "https://am.example.com/am/oauth2/realms/root/realms/alpha",
      request: { uri: "https://am.example.com/am/oauth2/access_token?realm=/alpha" },
      client: { redirectUris: ["com.example.app:/oauth2redirect", "http://localhost:8080/cb"] },
      token: { authTime: "2025-08-13T17:50:00.123Z", lifetimeSeconds: 3600, responseDelayMs: 1 },
      session: { maxSessionTime: 1, maxIdleTime: 1 },
      http: [{ request: { urlPattern: "https://api\\.example\\.com/users/\\d+", url: "https://api.example.com/users/1" } }],
    };
    expect(issuesOf(scenario)).toEqual([]);
  });

  it("property: any authTime string is either a valid ISO date-time or an issue at $.token.authTime, never accepted as junk", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), (authTime) => {
        const outcome = validateScenario({ token: { authTime } });
        if (outcome.ok) expect(Number.isNaN(Date.parse(authTime))).toBe(false);
        else expect(outcome.issues.map((i) => i.path)).toContain("$.token.authTime");
      }),
      { numRuns: 300 },
    );
  });
});
