import { describe, expect, it } from "vitest";
import { ScenarioError, issuerOf, parseScenarioText, resolveScenario, validateScenario } from "../../engine";

describe("scenario files", () => {
  it("accepts {} and fills every default (the seed's client, user and clock)", () => {
    const s = resolveScenario({});
    expect(s.evaluator).toBe("legacy");
    expect(s.clock).toBe("2025-08-13T17:57:40Z");
    expect(s.client?.clientId).toBe("myClient");
    expect(s.scopes).toEqual(["access"]);
    expect(s.token).toMatchObject({ storage: "server-side", lifetimeSeconds: 3600, signing: { alg: "HS256" } });
    expect(s.session).toBeNull();
  });

  it("names every bad path, including unknown fields (typos)", () => {
    const outcome = validateScenario({ evaluator: "v3", identity: { attributes: { mail: "x@example.com" } }, scopez: [] });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const paths = outcome.issues.map((i) => i.path);
    expect(paths).toContain("$.evaluator");
    expect(paths).toContain("$.identity.attributes.mail");
    expect(paths).toContain("$.scopez");
    expect(outcome.issues.find((i) => i.path === "$.scopez")?.message).toMatch(/unknown field/);
  });

  it("reports invalid JSON with the file, line and column", () => {
    let error: unknown;
    try {
      parseScenarioText('{\n  "name": "x",\n  "scopes": [\n}', "cases/broken.scenario.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const message = (error as Error).message;
    expect(message).toContain("cases/broken.scenario.json");
    expect(message).toMatch(/line 4, column 1/);
  });

  it("derives the issuer from the realm like AM's realm paths", () => {
    expect(issuerOf(resolveScenario({ realm: "/alpha" }))).toBe("https://am.example.com/am/oauth2/realms/root/realms/alpha");
    expect(issuerOf(resolveScenario({ realm: "/" }))).toBe("https://am.example.com/am/oauth2/realms/root");
  });
});

describe("a scenario validated again (same JSON text) is the same scenario, and each run gets its own", () => {
  it("gives an equal result with the same prototypes, every own key ('__proto__' too), and no shared objects", () => {
    const text = '{"identity":{"attributes":{"__proto__":["x"],"mail":["a@example.com"]}},"scopes":["openid","profile"],"seed":5}';
    const first = resolveScenario(JSON.parse(text));
    const second = resolveScenario(JSON.parse(text));
    expect(second).toStrictEqual(first);
    expect(Object.getPrototypeOf(second.identity.attributes)).toBe(Object.getPrototypeOf(first.identity.attributes));
    expect(Object.hasOwn(second.identity.attributes, "__proto__")).toBe(true);
    expect(second).not.toBe(first);
    second.scopes.push("changed");
    second.identity.attributes.mail!.push("b@example.com");
    const third = resolveScenario(JSON.parse(text));
    expect(third.scopes).toEqual(["openid", "profile"]);
    expect(third.identity.attributes.mail).toEqual(["a@example.com"]);
  });

  it("still refuses what is not the JSON it looks like (undefined, a Date), naming the field", () => {
    resolveScenario({ clock: "2026-01-02T03:04:05Z" });
    expect(() => resolveScenario({ clock: new Date("2026-01-02T03:04:05Z") })).toThrow(/clock/);
    resolveScenario({});
    expect(() => resolveScenario({ bogus: undefined })).toThrow(/bogus/);
  });
});
