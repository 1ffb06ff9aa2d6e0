/**
 * Proof by running both: the legacy script under the legacy evaluator and its rewrite under the next-generation
 * one, on the same scenario (same clock, same seed), compared on what the client and a resource server see: the
 * token response, the introspection and the JWT claims, each value rendered as AM renders it (42.0 for a double).
 */
import { run, type RunOptions } from "../run";
import type { RunResult } from "../result";
import { formatAmJson } from "../token/values";
import { migrateScript, type MigrationResult } from "./migrate";

export interface Difference {
  path: string;
  legacy: unknown;
  nextGen: unknown;
  /** Why the two differ, when the difference is of a kind no rewrite can remove. */
  why?: string;
}

/** The same JSON value printed differently: only a number's form (a Java double's 42.0 against 42) tells them apart. */
const SAME_NUMBER_OTHER_FORM =
  "The same number in another form: legacy Rhino hands a JS number to AM as a java.lang.Double, which the token prints as 42.0 (observed on AIC), while the playground's next-generation evaluator issues a whole number as 42 (inferred: its wrapper converts script values itself, and no published next-generation token shows such a number). A client that parses the claim as a number reads the same value; one that compares its text does not.";

function sameValueOtherForm(left: string, right: string): boolean {
  return JSON.stringify(JSON.parse(left)) === JSON.stringify(JSON.parse(right));
}

export interface MigrationReport extends MigrationResult {
  /** Null without a scenario to run; true only when both runs issued the same. */
  equivalent: boolean | null;
  differences: Difference[];
  runs?: { legacy: RunResult; nextGen: RunResult };
}

const SECTIONS = [
  ["tokenResponse", "/tokenResponse"],
  ["introspection", "/introspection"],
] as const;

/** A value as AM prints it, so a Java double (42.0) and an integer (42) differ as they do on the wire. */
function rendered(result: RunResult, value: unknown, pointer: string): string {
  return formatAmJson(value, result.javaDoubles ?? [], 0, pointer);
}

/** The value for the report: plain JSON when that says it all, else AM's text (a double shows as "42.0"). */
function shown(renderedText: string): unknown {
  const value = JSON.parse(renderedText) as unknown;
  return JSON.stringify(value) === renderedText ? value : renderedText;
}

function compareObjects(path: string, a: RunResult, av: Record<string, unknown> | null | undefined, b: RunResult, bv: Record<string, unknown> | null | undefined, base: string, out: Difference[], skip: Set<string> = new Set()): void {
  if (!av || !bv) {
    if (av !== bv) out.push({ path, legacy: av ?? null, nextGen: bv ?? null });
    return;
  }
  const keys = new Set([...Object.keys(av), ...Object.keys(bv)]);
  for (const key of keys) {
    if (skip.has(key)) continue;
    const left = key in av ? rendered(a, av[key], `${base}/${key}`) : undefined;
    const right = key in bv ? rendered(b, bv[key], `${base}/${key}`) : undefined;
    if (left === right) continue;
    const difference: Difference = { path: `${path}.${key}`, legacy: left === undefined ? "(absent)" : shown(left), nextGen: right === undefined ? "(absent)" : shown(right) };
    if (left !== undefined && right !== undefined && sameValueOtherForm(left, right)) difference.why = SAME_NUMBER_OTHER_FORM;
    out.push(difference);
  }
}

export function compareRuns(legacy: RunResult, nextGen: RunResult): Difference[] {
  const out: Difference[] = [];
  if (legacy.ok !== nextGen.ok || legacy.error?.message !== nextGen.error?.message) {
    out.push({ path: "error", legacy: legacy.error?.message ?? null, nextGen: nextGen.error?.message ?? null });
  }
  for (const [section, base] of SECTIONS) {
    // A client-side access token is the JWT itself: its claims are compared below, not its compact form.
    const skip = new Set(section === "tokenResponse" && legacy.jwt && nextGen.jwt ? ["access_token", "id_token"] : []);
    compareObjects(section, legacy, legacy[section], nextGen, nextGen[section], base, out, skip);
  }
  if (legacy.jwt || nextGen.jwt) compareObjects("jwt.claims", legacy, legacy.jwt?.claims, nextGen, nextGen.jwt?.claims, "/jwt/claims", out);
  return out;
}

/** Runs one of the two scripts; the CLI hands in its supervised worker pool. */
export type MigrationExecutor = (script: string, scenario: unknown, options: RunOptions) => Promise<RunResult>;

export async function migrateAndCompare(legacyScript: string, scenario?: unknown, execute: MigrationExecutor = run): Promise<MigrationReport> {
  const migration = migrateScript(legacyScript);
  if (scenario === undefined) return { ...migration, equivalent: null, differences: [] };
  const [legacy, nextGen] = await Promise.all([
    execute(legacyScript, scenario, { evaluator: "legacy" }),
    execute(migration.script, scenario, { evaluator: "next-gen" }),
  ]);
  const differences = compareRuns(legacy, nextGen);
  return { ...migration, equivalent: differences.length === 0 && legacy.ok, differences, runs: { legacy, nextGen } };
}
