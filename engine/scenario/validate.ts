import { scenarioSchema, type Scenario } from "./schema";
import { findJsonSyntaxError, lineAndColumn } from "../import/json-text";

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

/** Validates a parsed JSON value as a scenario, naming every bad path. */
export function validateScenario(value: unknown): ParseOutcome {
  if (value && typeof value === "object" && resolved.has(value)) return { ok: true, scenario: value as Scenario };
  const parsed = scenarioSchema.safeParse(value ?? {});
  if (parsed.success) {
    resolved.add(parsed.data);
    return { ok: true, scenario: parsed.data };
  }
  const issues = parsed.error.issues.map((issue) => {
    const base = [...issue.path];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: jsonPath([...base, key]), message: `unknown field "${key}"` }));
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
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const failure = findJsonSyntaxError(body) ?? { offset: 0, problem: "not valid JSON" };
    const where = lineAndColumn(body, failure.offset);
    return { ok: false, issue: { path: `line ${where.line}, column ${where.column}`, message: `invalid JSON: ${failure.problem}` } };
  }
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
