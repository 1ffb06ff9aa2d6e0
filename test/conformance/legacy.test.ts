/**
 * The legacy evaluator against real Rhino 1.7.14: every probe's observations (recorded by
 * test/conformance/legacy/record.mjs with AM-typed bindings and AM's class allow-list) must be what the
 * playground's script observes — or the probe must be a listed, warned limitation.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine/run";
import golden from "./legacy/legacy.golden.json";
import scenario from "./legacy/scenario.json";
// @ts-expect-error plain ESM modules shared with the Node recorder
import { PRELUDE } from "./legacy/probes.mjs";
// @ts-expect-error plain ESM modules shared with the Node recorder
import { normalizeObservation } from "./legacy/normalize.mjs";
import { KNOWN_GAPS } from "./legacy/known-gaps";
import { checkFigure, ratioFigure } from "./figures";

interface Probe {
  id: string;
  source: string;
  observed: string[];
}

async function observe(source: string): Promise<string[]> {
  const result = await run(PRELUDE + source, scenario, { evaluator: "legacy" });
  const lines = result.logs.map((l) => `${l.level === "debug" ? "OUT" : l.level === "warn" ? "WARN" : "ERROR"} ${l.message}`);
  if (result.error) lines.push(`ERR ${result.error.message}`);
  return lines.map((l) => normalizeObservation(l) as string);
}

const probes = (golden as { probes: Probe[] }).probes;

describe("legacy evaluator vs real Rhino 1.7.14", () => {
  it("has at least 150 recorded probes", () => {
    expect(probes.length).toBeGreaterThanOrEqual(150);
  });

  it("agrees with the goldens except for the listed gaps", async () => {
    const mismatched: string[] = [];
    const details: string[] = [];
    for (const probe of probes) {
      const seen = await observe(probe.source);
      if (JSON.stringify(seen) !== JSON.stringify(probe.observed)) {
        mismatched.push(probe.id);
        details.push(`${probe.id}\n  rhino:      ${probe.observed.join(" | ")}\n  playground: ${seen.join(" | ")}`);
      }
    }
    const agreement = ((probes.length - mismatched.length) / probes.length) * 100;
    console.log(`legacy agreement: ${probes.length - mismatched.length}/${probes.length} (${agreement.toFixed(1)}%)`);
    if (process.env.LEGACY_GAPS) console.log(details.join("\n"));
    checkFigure("legacy-agreement", ratioFigure(probes.length - mismatched.length, probes.length));
    const unexpected = mismatched.filter((id) => !(id in KNOWN_GAPS));
    expect(unexpected, details.filter((d) => unexpected.includes(d.split("\n")[0])).join("\n")).toEqual([]);
    const healed = Object.keys(KNOWN_GAPS).filter((id) => !mismatched.includes(id));
    expect(healed, "listed gaps that now agree: remove them from known-gaps.ts").toEqual([]);
  }, 120_000);

  for (const [id, gap] of Object.entries(KNOWN_GAPS)) {
    it(`warns (${gap.warning}) when a script hits the listed gap ${id}`, async () => {
      const probe = probes.find((p) => p.id === id);
      expect(probe, `${id} is not a recorded probe`).toBeDefined();
      const result = await run(PRELUDE + probe!.source, scenario, { evaluator: "legacy" });
      expect(result.warnings.map((w) => w.code)).toContain(gap.warning);
    });
  }
});

describe("legacy limitations are visible in the run result", () => {
  const cases: [string, string, string][] = [
    ["a class AM's allow-list blocks", "try { new java.io.File('/tmp'); } catch (e) {}", "java-class-blocked"],
    ["an allow-listed class the playground lacks", "try { java.util.Locale.getDefault(); } catch (e) {}", "java-class-not-emulated"],
    ["a JS array with a member JSON cannot hold stored with setField", "accessToken.setField('a', ['x', undefined]);", "js-value-in-java-field"],
    ["for…in over the scopes Set", "for (var k in scopes) {}", "java-set-for-in"],
    ["a failed call on a function's local value", "(function () { var o = { a: 1 }; try { o.a(); } catch (e) {} })();", "rhino-message-approximate"],
  ];
  for (const [what, source, code] of cases) {
    it(`warns (${code}) when a script hits ${what}`, async () => {
      const result = await run(source, scenario, { evaluator: "legacy" });
      expect(result.warnings.map((w) => w.code)).toContain(code);
    });
  }

  it("does not warn about classes the playground emulates", async () => {
    const result = await run("var m = new java.util.HashMap(); java.util.Collections.sort(new java.util.ArrayList());", scenario, { evaluator: "legacy" });
    expect(result.warnings.filter((w) => w.code.startsWith("java-class"))).toEqual([]);
  });
});

describe("Java object identity survives the sandbox", () => {
  it("a CHF Status constant is the same object the response returns (=== holds, as in AM)", async () => {
    const source = [
      "var request = new org.forgerock.http.protocol.Request();",
      "request.setUri('https://api.example.com/x');",
      "var response = httpClient.send(request).get();",
      "accessToken.setField('same', response.getStatus() === org.forgerock.http.protocol.Status.CREATED);",
    ].join("\n");
    const result = await run(source, { ...scenario, http: [{ request: { url: "https://api.example.com/x" }, response: { status: 201 } }] }, { evaluator: "legacy" });
    expect(result.error).toBeNull();
    expect(result.introspection?.same).toBe(true);
  });
});
