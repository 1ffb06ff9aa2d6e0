/**
 * Whatever a scenario file holds, run() either returns a result or throws ScenarioError naming the
 * problem: never a TypeError from deep inside, never a hang.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScenarioError, run } from "../../engine";
import { withDeadline } from "./deadline";

const SCRIPT = readFileSync(new URL("../../samples/seed-legacy.js", import.meta.url), "utf8");
const VALID = JSON.parse(readFileSync(new URL("../../samples/seed-legacy.scenario.json", import.meta.url), "utf8")) as Record<string, unknown>;

/** Keys the schema knows, so generated objects reach past "unknown field" into the field validators. */
const KNOWN_KEYS = [
  "name", "evaluator", "clock", "seed", "realm", "issuer", "client", "identity", "request", "scopes", "session",
  "token", "http", "openidm", "systemEnv", "secrets", "timeoutMs", "attributes", "groups", "storage", "signing",
  "alg", "lifetimeSeconds", "response", "status", "url", "customProperties", "clientId", "id", "params",
];

const key = fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 8 }));
const shape = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom(null, "", 0, -1, Number.NaN, "legacy", "next-gen", "client-side", "2025-08-13T17:57:40Z"),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** A valid scenario with one field somewhere replaced by a random shape: the error must still be ScenarioError. */
const mutatedScenario = fc
  .tuple(fc.constantFrom(...Object.keys(VALID)), fc.option(key, { nil: undefined }), shape)
  .map(([top, inner, value]) => {
    const copy = structuredClone(VALID);
    if (inner !== undefined && copy[top] && typeof copy[top] === "object" && !Array.isArray(copy[top])) {
      (copy[top] as Record<string, unknown>)[inner] = value;
    } else copy[top] = value;
    return copy;
  });

async function outcomeOf(scenario: unknown): Promise<"result" | "scenario-error"> {
  try {
    const result = await withDeadline(run(SCRIPT, scenario), 5000);
    expect(typeof result.ok).toBe("boolean");
    return "result";
  } catch (error) {
    if (error instanceof ScenarioError) {
      expect(error.issues.length).toBeGreaterThan(0);
      return "scenario-error";
    }
    throw error;
  }
}

describe("run() over arbitrary scenario objects", () => {
  it("throws nothing but ScenarioError for random JSON shapes", async () => {
    await fc.assert(fc.asyncProperty(shape, async (scenario) => void (await outcomeOf(scenario))), { numRuns: 150 });
  });

  it("throws nothing but ScenarioError when one field of a valid scenario is replaced", async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(mutatedScenario, async (scenario) => {
        seen.add(await outcomeOf(scenario));
      }),
      { numRuns: 150 },
    );
    // Both branches must have been exercised, or the property proved little.
    expect([...seen].sort()).toEqual(["result", "scenario-error"]);
  });
});
