import { scenarioSchema, type Scenario } from "./schema";
import { MAX_JSON_DEPTH, lineAndColumn, parseJsonWithLimits } from "../import/json-text";
import { safeParseKeepingProtoKeys, scenarioKey } from "./proto-keys";
import { isPlainRecord, setOwn } from "../util/own-keys";

export interface ScenarioIssue {
  /** JSON path in the file, e.g. `$.identity.attributes.mail[0]`. */
  path: string;
  message: string;
}

export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly issues: ScenarioIssue[],
  ) {
    super(`${source}: invalid scenario\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
    this.name = "ScenarioError";
  }
}

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

export type ParseOutcome = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Scenarios this module produced: already valid, with defaults, so they need no second parse. */
const resolved = new WeakSet<object>();

/**
 * The path of the first object or array nested deeper than `limit` levels in a value, or null. A flat walk
 * (no recursion), for values that did not come from JSON text (the desktop app hands over objects), so
 * the readers after validation (structured clone, the sandbox, the case matcher) never meet runaway depth.
 */
export function findTooDeepValue(value: unknown, limit = MAX_JSON_DEPTH): (string | number)[] | null {
  interface Visit {
    value: unknown;
    key: string | number | null;
    parent: Visit | null;
    depth: number;
  }
  const pathOf = (visit: Visit): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let v: Visit | null = visit; v && v.key !== null; v = v.parent) path.unshift(v.key);
    return path;
  };
  const stack: Visit[] = [{ value, key: null, parent: null, depth: 0 }];
  // The deepest level each object was already walked from: an object shared at several places (possible
  // in values built in memory) is walked again only from a deeper place, so the walk stays linear yet
  // finds the deepest nesting; a cycle counts as ever deeper nesting and is refused at the limit.
  const walkedAt = new Map<object, number>();
  while (stack.length) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (current === null || typeof current !== "object") continue;
    if ((walkedAt.get(current) ?? -1) >= visit.depth) continue;
    walkedAt.set(current, visit.depth);
    if (visit.depth >= limit) return pathOf(visit);
    const entries: [string | number, unknown][] = Array.isArray(current) ? current.map((v, i) => [i, v]) : Object.entries(current);
    for (const [key, child] of entries) stack.push({ value: child, key, parent: visit, depth: visit.depth + 1 });
  }
  return null;
}

/**
 * Scenarios already validated, by their JSON text: `test` runs many cases of one scenario and run-as-you-type
 * re-runs an unchanged one, and zod was 7 % of a run. Only values that are exactly their JSON (plain records,
 * arrays, strings, finite numbers, booleans, null) are keyed, so two values with one text are one scenario.
 */
const VALIDATED_TEXTS = 64;
/**
 * What the kept texts may hold together, in characters: each entry keeps its text and a copy of the scenario, and
 * `test` over a suite of multi-megabyte cases kept 64 of them per worker (1.8 GB peak RSS for 160 cases of 3 MB).
 * A text longer than an eighth of this is not kept: its zod pass is small beside its parse and copy anyway.
 */
const VALIDATED_CHARS = 4_000_000;
const validatedByText = new Map<string, Scenario>();
let validatedChars = 0;

function keepValidated(text: string, scenario: Scenario): void {
  if (text.length > VALIDATED_CHARS / 8) return;
  while (validatedByText.size > 0 && (validatedByText.size >= VALIDATED_TEXTS || validatedChars + text.length > VALIDATED_CHARS)) {
    const oldest = validatedByText.keys().next().value as string;
    validatedByText.delete(oldest);
    validatedChars -= oldest.length;
  }
  validatedByText.set(text, scenario);
  validatedChars += text.length;
}

const NOT_JSON = new Error("not exactly JSON");

/** The value's JSON text when the value is exactly what that text parses to, else null. */
function exactJsonText(value: unknown): string | null {
  try {
    return JSON.stringify(value, function (this: unknown, key: string, converted: unknown) {
      const raw = (this as Record<string, unknown>)[key];
      if (raw !== converted) throw NOT_JSON; // a toJSON() changed it (a Date, a class)
      if (raw === null || typeof raw === "string" || typeof raw === "boolean") return raw;
      if (typeof raw === "number" && Number.isFinite(raw)) return raw;
      if (Array.isArray(raw) || (isPlainRecord(raw) && Object.getPrototypeOf(raw) === Object.prototype)) return raw;
      throw NOT_JSON;
    });
  } catch {
    return null;
  }
}

/** A copy of plain data keeping each record's prototype and every own key ("__proto__" too); null when not plain data. */
function copyPlain(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object") return typeof value === "function" || typeof value === "symbol" ? NOT_JSON : value;
  if (depth > MAX_JSON_DEPTH + 8) return NOT_JSON;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const copied = copyPlain(item, depth + 1);
      if (copied === NOT_JSON) return NOT_JSON;
      out.push(copied);
    }
    return out;
  }
  if (!isPlainRecord(value)) return NOT_JSON;
  const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const copied = copyPlain(value[key], depth + 1);
    if (copied === NOT_JSON) return NOT_JSON;
    setOwn(out, key, copied);
  }
  return out;
}

/** Validates a parsed JSON value as a scenario, naming every bad path. */
export function validateScenario(value: unknown): ParseOutcome {
  if (value && typeof value === "object" && resolved.has(value)) return { ok: true, scenario: value as Scenario };
  const text = exactJsonText(value ?? {});
  const known = text === null ? undefined : validatedByText.get(text);
  if (known) {
    // Each caller gets its own copy: a run may not change what the next run of the same text is given.
    const scenario = copyPlain(known) as Scenario;
    resolved.add(scenario);
    return { ok: true, scenario };
  }
  const outcome = validateUncached(value);
  if (outcome.ok && text !== null) {
    const kept = copyPlain(outcome.scenario);
    if (kept !== NOT_JSON) keepValidated(text, kept as Scenario);
  }
  return outcome;
}

function validateUncached(value: unknown): ParseOutcome {
  const tooDeep = findTooDeepValue(value);
  if (tooDeep) {
    return { ok: false, issues: [{ path: jsonPath(tooDeep), message: `objects and arrays nested deeper than ${MAX_JSON_DEPTH} levels` }] };
  }
  // zod would drop "__proto__" keys: they cross under a stand-in name (proto-keys.ts).
  const { parsed, standIn } = safeParseKeepingProtoKeys(scenarioSchema, value ?? {});
  if (parsed.success) {
    resolved.add(parsed.data);
    return { ok: true, scenario: parsed.data };
  }
  const named = (key: PropertyKey) => scenarioKey(key, standIn);
  const issues = parsed.error.issues.map((issue) => {
    const base = issue.path.map(named);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map(named).map((key) => ({ path: jsonPath([...base, key]), message: `unknown field "${String(key)}"` }));
    }
    return [{ path: jsonPath(base), message: issue.message }];
  });
  return { ok: false, issues: issues.flat() };
}

/** Line and column (1-based) of a character offset in a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  return lineAndColumn(text, offset);
}

/** Parses JSON text; a syntax error becomes an issue with line and column from our own scan (engines word it differently). */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; issue: ScenarioIssue } {
  const parsed = parseJsonWithLimits(text);
  if (parsed.ok) return parsed;
  const { line, column, problem } = parsed.error;
  return { ok: false, issue: { path: `line ${line}, column ${column}`, message: `invalid JSON: ${problem}` } };
}

/** Parses and validates scenario text; throws ScenarioError naming the source and every bad place. */
export function parseScenarioText(text: string, source: string): Scenario {
  const json = parseJsonText(text);
  if (!json.ok) throw new ScenarioError(source, [json.issue]);
  const outcome = validateScenario(json.value);
  if (!outcome.ok) throw new ScenarioError(source, outcome.issues);
  return outcome.scenario;
}

/** Resolves a scenario value (already-parsed or partial) with defaults; throws ScenarioError. */
export function resolveScenario(value: unknown, source = "scenario"): Scenario {
  const outcome = validateScenario(value);
  if (!outcome.ok) throw new ScenarioError(source, outcome.issues);
  return outcome.scenario;
}

/** The issuer AM would put in tokens for the scenario's realm. */
export function issuerOf(scenario: Scenario): string {
  if (scenario.issuer) return scenario.issuer;
  const parts = scenario.realm.split("/").filter(Boolean);
  const realmPath = ["realms", "root", ...parts.flatMap((p) => ["realms", p])].join("/");
  return `https://am.example.com/am/oauth2/${realmPath}`;
}
