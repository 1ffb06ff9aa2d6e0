/**
 * Published legacy scripts (test/conformance/published/, each file naming its source) migrated to next-generation
 * and run both ways on the scenario their source describes: the verdict must be honest (equivalent only when the
 * runs agree) and at least 80 % must migrate to equivalent scripts. Only legacy cases that run to the end in AM
 * count: a next-generation case has nothing to migrate, and a case whose source shows AM stopping it with an error
 * (a parse error, a missing binding) documents that failure, not a script a user would migrate.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { migrateAndCompare } from "../../engine";
import { checkFigure, ratioFigure } from "./figures";

interface PublishedCase {
  id: string;
  script: string;
  scenario?: Record<string, unknown>;
  observed: { error?: string | null; errorIncludes?: string | string[] };
}
const dir = new URL("./published/", import.meta.url);
const cases = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .flatMap((file) => {
    const data = JSON.parse(readFileSync(new URL(file, dir), "utf8")) as { scenario: Record<string, unknown>; cases: PublishedCase[] };
    return data.cases.map((c) => {
      const scenario: Record<string, unknown> = { ...data.scenario, ...(c.scenario ?? {}) };
      for (const key of ["token", "client"]) {
        if (data.scenario[key] && c.scenario?.[key]) scenario[key] = { ...(data.scenario[key] as object), ...(c.scenario[key] as object) };
      }
      return { key: `${file.replace(/\.json$/, "")}#${c.id}`, script: c.script, scenario, c };
    });
  })
  .filter(({ scenario, c }) => (scenario.evaluator ?? "legacy") === "legacy" && typeof c.observed.error !== "string" && c.observed.errorIncludes === undefined);

describe("published legacy scripts migrate to next-generation", () => {
  it("with an honest verdict for each, equivalent for at least 80 %", async () => {
    const verdicts: string[] = [];
    let equivalent = 0;
    for (const c of cases) {
      const report = await migrateAndCompare(c.script, c.scenario);
      // Honest: equivalent exactly when the two runs show no difference and the legacy script ran.
      expect(report.equivalent, c.key).toBe(report.differences.length === 0 && report.runs!.legacy.ok);
      if (report.equivalent) equivalent++;
      // A run that differs says why: something the rewrite could not translate, or a difference no rewrite removes.
      else expect(report.unresolved.length > 0 || report.differences.every((d) => d.why), `${c.key}: differs with no reason given`).toBe(true);
      // What the verdict rests on beyond the runs (derived IDM data) shows beside it.
      const inferred = report.notes.filter((n) => n.inferred).length ? " (on inferred data: see its notes)" : "";
      verdicts.push(`${c.key}: ${report.equivalent ? `equivalent${inferred}` : `differs (${report.differences.map((d) => d.path).join(", ")}; unresolved: ${report.unresolved.map((u) => u.message.slice(0, 60)).join(" | ")})`}`);
    }
    console.log(`migration: ${equivalent}/${cases.length} published scripts equivalent\n  ${verdicts.join("\n  ")}`);
    checkFigure("migration-equivalent", ratioFigure(equivalent, cases.length));
    expect(equivalent / cases.length, verdicts.join("\n")).toBeGreaterThanOrEqual(0.8);
  }, 120_000);
});
