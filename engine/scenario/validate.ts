import { scenarioSchema, type Scenario } from "./schema";
import { MAX_JSON_DEPTH, lineAndColumn, parseJsonWithLimits } from "../import/json-text";
import { safeParseKeepingProtoKeys, scenarioKey } from "./proto-keys";

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

/** Validates a parsed JSON value as a scenario, naming every bad path. */
export function validateScenario(value: unknown): ParseOutcome {
  if (value && typeof value === "object" && resolved.has(value)) return { ok: true, scenario: value as Scenario };
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
