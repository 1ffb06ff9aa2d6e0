import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { scenarioJsonSchema } from "../../engine";

describe("published scenario JSON Schema", () => {
  it("schema/scenario.schema.json is the engine's schema (regenerate with npm run schema)", () => {
    const published = JSON.parse(readFileSync("schema/scenario.schema.json", "utf8"));
    expect(published).toEqual(scenarioJsonSchema());
  });

  it("describes every top-level scenario field users write, with defaults", () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, { default?: unknown }> };
    for (const field of ["evaluator", "clock", "seed", "realm", "client", "identity", "request", "scopes", "session", "token", "http", "openidm", "systemEnv", "secrets"]) {
      expect(schema.properties, field).toHaveProperty(field);
    }
    expect(schema.properties.evaluator.default).toBe("legacy");
    expect(schema.properties.scopes.default).toEqual(["access"]);
  });
});
