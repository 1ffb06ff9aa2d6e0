/**
 * Published scripts with the output AM gave them: each file under published/ names its source (repository, path,
 * commit or page) and keeps, per script, what the live AM printed or answered. The playground must produce the
 * same, or the case must be a listed gap whose run carries the warning that tells the user.
 * Each case says what its `observed` is the truth of (published/truth.mjs): the live AM or AIC ("live-am", the
 * default), the output the vendor's docs print for it ("docs"), or, where the source shows no output, real Rhino
 * 1.7.14 with AM-typed bindings ("rhino-1.7.14", recorded by published/record.mjs and run with its epilogue), or,
 * for next-generation scripts, real Rhino 1.7.14 with bindings modelled on AM's next-generation ones
 * ("rhino-1.7.14-nextgen", recorded by the same script with nextgen/Recorder.java and run with NEXTGEN_EPILOGUE).
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { run, type RunResult } from "../../engine";
import { PUBLISHED_GAPS } from "./published/known-gaps";
import { checkFigure, ratioFigure } from "./figures";
import { ACCESS_TOKEN_NEXT_GEN_MEMBERS } from "../../engine/bindings/tables/access-token";
import { LIVE_TRUTH, NEXTGEN_EPILOGUE, RHINO_EPILOGUE, RHINO_NEXTGEN_TRUTH, RHINO_TRUTH } from "./published/truth.mjs";
import { scenarioOf } from "./published/scenario-of.mjs";
// @ts-expect-error plain ESM module shared with the Node recorder
import { normalizeObservation } from "./legacy/normalize.mjs";

const TRUTHS = [LIVE_TRUTH, "docs", RHINO_TRUTH, RHINO_NEXTGEN_TRUTH] as const;
type Truth = (typeof TRUTHS)[number];

interface PublishedCase {
  id: string;
  section: string;
  script: string;
  scenario?: Record<string, unknown>;
  truth?: Truth;
  /** Rhino-truth only: run before the script in the recorder so its fixed bindings match the case's scenario. */
  rhinoPrologue?: string;
  observed: {
    logs?: { level: string; message: string }[];
    introspection?: Record<string, unknown>;
    tokenResponse?: Record<string, unknown>;
    /** The message of the error that stopped the script; null: it ran to the end. Absent: no error either. */
    error?: string | null;
    /** Parts of that message, in order, where the source shows only parts of it (the rest names an object). */
    errorIncludes?: string | string[];
  };
}
interface PublishedSource {
  /** indexFile: the public-code index's file ids, where the index shows a file's text but not its repository or commit. */
  source: { what: string; repository?: string; path?: string; commit?: string; url?: string; indexFile?: string };
  scenario: Record<string, unknown>;
  cases: PublishedCase[];
}

const dir = new URL("./published/", import.meta.url);
const sources = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((file) => ({ file, data: JSON.parse(readFileSync(new URL(file, dir), "utf8")) as PublishedSource }));

/** Differences between what AM gave and what the playground gives, in words. */
function differences(observed: PublishedCase["observed"], result: RunResult, truth: Truth): string[] {
  const out: string[] = [];
  if (observed.errorIncludes !== undefined) {
    const parts = ([] as string[]).concat(observed.errorIncludes);
    const message = result.error?.message ?? "";
    let at = 0;
    const inOrder = result.error !== null && parts.every((p) => (at = message.indexOf(p, at)) !== -1 && (at += p.length) > 0);
    if (!inOrder) out.push(`error: AM's contains ${JSON.stringify(parts)}, playground ${JSON.stringify(result.error?.message ?? null)}`);
  } else if (typeof observed.error === "string") {
    if (result.error?.message !== observed.error) out.push(`error: AM ${JSON.stringify(observed.error)}, playground ${JSON.stringify(result.error?.message ?? null)}`);
  } else if (result.error) out.push(`error: ${result.error.message}`);
  if (observed.logs) {
    // The recorder wrote Rhino's identity hashes as @HASH (legacy/normalize.mjs); the playground's are normalised alike.
    const shown = (message: string) => (truth === RHINO_TRUTH || truth === RHINO_NEXTGEN_TRUTH ? (normalizeObservation(message) as string) : message);
    const seen = result.logs.map((l) => `${l.level} ${shown(l.message)}`);
    const wanted = observed.logs.map((l) => `${l.level} ${l.message}`);
    if (JSON.stringify(seen) !== JSON.stringify(wanted)) out.push(`logs\n    AM:         ${wanted.join(" | ")}\n    playground: ${seen.join(" | ")}`);
  }
  for (const part of ["introspection", "tokenResponse"] as const) {
    const wanted = observed[part];
    if (!wanted) continue;
    for (const [key, value] of Object.entries(wanted)) {
      const got = result[part]?.[key];
      if (JSON.stringify(got) !== JSON.stringify(value)) out.push(`${part}.${key}: AM ${JSON.stringify(value)}, playground ${JSON.stringify(got)}`);
    }
  }
  return out;
}

describe("published scripts against the output AM gave them", () => {
  it("every source names where it comes from", () => {
    expect(sources.length).toBeGreaterThan(0);
    for (const { file, data } of sources) {
      expect(data.source.what, file).toBeTruthy();
      expect(data.source.commit ?? data.source.url ?? data.source.indexFile, `${file}: a commit, a URL or the index's file ids`).toBeTruthy();
      expect(data.cases.length, file).toBeGreaterThan(0);
      for (const c of data.cases) expect(TRUTHS, `${file}#${c.id}: truth`).toContain(c.truth ?? LIVE_TRUTH);
    }
  });

  // The next-generation recorder plays AM's AccessTokenScriptWrapper: a script must find the same members there as in
  // the playground (both lists come from AIC's binding metadata, reference Appendix C).
  it("the next-generation recorder's accessToken has the playground's members", () => {
    const java = readFileSync(new URL("./nextgen/Recorder.java", import.meta.url), "utf8");
    const body = java.slice(java.indexOf("public static final class NgAccessToken"), java.indexOf("public static final class NgIdentity"));
    const methods = new Set([...body.matchAll(/^ {4}public (?!static)[\w<>?, ]+? (\w+)\(/gm)].map((m) => m[1]));
    expect([...methods].sort()).toEqual([...ACCESS_TOKEN_NEXT_GEN_MEMBERS.names].sort());
  });

  const all = sources.flatMap(({ file, data }) => data.cases.map((c) => ({ key: `${file.replace(/\.json$/, "")}#${c.id}`, c, base: data.scenario, truth: c.truth ?? LIVE_TRUTH })));
  it("agree with AM except for the listed gaps, each warned in the run", async () => {
    const report: string[] = [];
    const disagreeing: string[] = [];
    for (const { key, c, base, truth } of all) {
      const epilogue = truth === RHINO_TRUTH ? RHINO_EPILOGUE : truth === RHINO_NEXTGEN_TRUTH ? NEXTGEN_EPILOGUE : "";
      const result = await run(c.script + epilogue, scenarioOf(base, c.scenario));
      const diff = differences(c.observed, result, truth);
      if (diff.length === 0) continue;
      disagreeing.push(key);
      report.push(`${key} (${c.section}; truth ${truth})\n  ${diff.join("\n  ")}`);
      const gap = PUBLISHED_GAPS[key];
      if (gap) expect(result.warnings.map((w) => w.code), `${key} is a listed gap: its run must warn`).toContain(gap.warning);
    }
    const byTruth = TRUTHS.map((t) => {
      const mine = all.filter((a) => a.truth === t);
      return `${t} ${mine.filter((a) => !disagreeing.includes(a.key)).length}/${mine.length}`;
    });
    console.log(`published scripts: ${all.length - disagreeing.length}/${all.length} agree with AM (${byTruth.join(", ")})`);
    checkFigure("published-agreement", ratioFigure(all.length - disagreeing.length, all.length));
    if (process.env.PUBLISHED_GAPS) console.log(report.join("\n"));
    const unexpected = disagreeing.filter((k) => !(k in PUBLISHED_GAPS));
    expect(unexpected, report.join("\n")).toEqual([]);
    const healed = Object.keys(PUBLISHED_GAPS).filter((k) => !disagreeing.includes(k));
    expect(healed, "listed gaps that now agree: remove them from published/known-gaps.ts").toEqual([]);
  }, 120_000);
});
