/**
 * Proof by running both: the legacy script under the legacy evaluator and its rewrite under the next-generation
 * one, on the same scenario (same clock, same seed), compared on what the client and a resource server see: the
 * token response, the introspection and the JWT claims, each value rendered as AM renders it (42.0 for a double).
 */
import { run, type RunOptions } from "../run";
import type { RunResult } from "../result";
import { formatAmJson } from "../token/values";
import { migrateScript, type MigrationResult } from "./migrate";
import { MEMBERSHIPS_WHY } from "./memberships";
import { nextGenScenario, type MigrationNote } from "./scenario-for-rewrite";

export type { MigrationNote };

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

/**
 * Next-generation access-token scripts have no session (reference §7.1: AM's docs list a ScriptedSession, AIC's
 * binding metadata for the context lists none, and no run on a tenant settles it). The playground keeps the
 * observed side, so a scenario's session reaches only the legacy run.
 */
const SESSION_WHY =
  "Only the legacy run sees the scenario's session: next-generation access-token scripts get no session binding (observed: AIC's binding metadata for OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN, 2026-07, lists none; AM's docs list a ScriptedSession, whose presence at run time is unverified, and the playground keeps the observed behaviour). Run again without the session, the legacy script issues what the rewrite issues here, so this difference is the session's alone.";

export interface MigrationReport extends MigrationResult {
  /** Null without a scenario to run; true only when both runs issued the same. */
  equivalent: boolean | null;
  differences: Difference[];
  /** What the verdict rests on beyond the two runs: data the playground derived, a run without the session. */
  notes: MigrationNote[];
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

function hasSession(scenario: unknown): boolean {
  if (!scenario || typeof scenario !== "object") return false;
  const session = (scenario as Record<string, unknown>).session;
  return session !== undefined && session !== null;
}

export async function migrateAndCompare(legacyScript: string, scenario?: unknown, execute: MigrationExecutor = run): Promise<MigrationReport> {
  const migration = migrateScript(legacyScript);
  // An unparseable script was not rewritten: running it and its "rewrite" would compare two syntax errors.
  if (scenario === undefined || migration.unreadable) return { ...migration, equivalent: null, differences: [], notes: [] };
  const readsIdmGroups = migration.changes.some((c) => c.why === MEMBERSHIPS_WHY);
  const forNextGen = nextGenScenario(scenario, readsIdmGroups);
  const [legacy, nextGen] = await Promise.all([
    execute(legacyScript, scenario, { evaluator: "legacy" }),
    execute(migration.script, forNextGen.scenario, { evaluator: "next-gen" }),
  ]);
  // The IDM data matters to the verdict only when the rewrite read the user's groups on this scenario.
  const readTheGroups = nextGen.openidm.some((call) => call.op === "read" && call.id === forNextGen.userPath);
  const notes = readTheGroups ? [...forNextGen.notes] : [];
  const differences = compareRuns(legacy, nextGen);
  if (differences.length > 0 && hasSession(scenario) && migration.unresolved.some((u) => /\bsession\b/.test(u.message))) {
    await explainBySession(legacyScript, scenario as Record<string, unknown>, nextGen, differences, notes, execute);
  }
  return { ...migration, equivalent: differences.length === 0 && legacy.ok, differences, notes, runs: { legacy, nextGen } };
}

/**
 * A third run, the legacy script without the session: each difference it removes is the session's, and when it
 * removes them all the report says the script migrates to an equivalent one for requests without a session.
 */
async function explainBySession(legacyScript: string, scenario: Record<string, unknown>, nextGen: RunResult, differences: Difference[], notes: MigrationNote[], execute: MigrationExecutor): Promise<void> {
  const withoutSession = await execute(legacyScript, { ...scenario, session: null }, { evaluator: "legacy" });
  const remaining = new Set(compareRuns(withoutSession, nextGen).map((d) => d.path));
  for (const d of differences) if (!d.why && !remaining.has(d.path)) d.why = SESSION_WHY;
  notes.push({
    inferred: false,
    message:
      remaining.size === 0
        ? "Without a session (session: null), the legacy script issues the same token response, introspection and JWT claims as the rewrite: on requests without a session cookie the rewrite is equivalent (checked by running the legacy script again without the session)."
        : `Without a session (session: null) the legacy script still differs from the rewrite at ${[...remaining].join(", ")}: the session is not the only cause.`,
  });
}
