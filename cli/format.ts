/** Human-readable output of a run result for the terminal. */
import { formatAmJson } from "../engine/api";
import type { RunResult } from "../engine/api";
import type { Mismatch } from "../engine/api";
import { describeMismatch as describeMismatchInWords } from "../engine/api";

function block(title: string, value: unknown, result: RunResult, base: string): string {
  return `${title}\n${formatAmJson(value, result.javaDoubles ?? [], 2, base)}\n`;
}

/** The whole run result as JSON, Java doubles printed as AM prints them (42.0). */
export function formatRunResultJson(result: RunResult): string {
  return `${formatAmJson(result, result.javaDoubles ?? [])}\n`;
}

/** The scenario field that sets the time limit, named in every timeout so the user knows what to change. */
const DEFAULT_TIMEOUT_MS = 1000;

function timeoutHint(message: string, timeoutMs: number | undefined): string {
  if (/timeoutMs/.test(message)) return "";
  return timeoutMs === undefined
    ? ` (the time limit is the scenario's timeoutMs, ${DEFAULT_TIMEOUT_MS} ms by default)`
    : ` (the time limit is the scenario's timeoutMs: ${timeoutMs} ms)`;
}

/** `file:line:column: kind error: message`; a timeout also names its limit and the setting behind it. */
export function formatError(result: RunResult, file: string, timeoutMs?: number): string {
  const e = result.error;
  if (!e) return "";
  const where = e.line ? `${file}:${e.line}${e.column ? `:${e.column}` : ""}: ` : `${file}: `;
  return `${where}${e.kind} error: ${e.message}${e.kind === "timeout" ? timeoutHint(e.message, timeoutMs) : ""}\n`;
}

/** One failed expectation of a test case, in words (the CLI prints the run's error itself on the line above). */
export function describeMismatch(m: Mismatch): string {
  // The error is printed in full on the line above (formatError); repeating it as JSON helps nobody.
  if (m.path === "$.error" && m.expected === null && m.actual && typeof m.actual === "object") {
    return `$.error: the case expects the script to run without an error, and it failed (${(m.actual as { kind?: string }).kind ?? "an"} error above)`;
  }
  return describeMismatchInWords(m);
}

/**
 * An unmatched HTTP call's explanation is long and lands in three places of the result (the call, the
 * script's error, a warning); the text output prints it once, under HTTP calls, and points there.
 */
function withoutRepeatedMisses(result: RunResult): RunResult {
  const misses = result.http.map((h) => h.error).filter((e): e is string => typeof e === "string" && e.length > 0);
  if (misses.length === 0) return result;
  const seeBelow = (text: string) => misses.reduce((t, miss) => t.split(miss).join("no mock answered (see HTTP calls below)"), text);
  return {
    ...result,
    error: result.error ? { ...result.error, message: seeBelow(result.error.message) } : null,
    warnings: result.warnings.filter((w) => !misses.some((miss) => w.message.includes(miss))),
  };
}

/** The IBM request view's part the text output shows: the rule under edit and what it changed in the stsuu. */
interface IbmChangesView {
  rules: { stage: string; file: string }[];
  stsuuChanges: { container: string; name: string; type: string; before: string[] | null; after: string[] | null }[] | null;
}

/** IBM, one line for a flow step: the attributes the rule under edit added (+), changed (~) and removed (-). */
export function stsuuChangesLine(result: RunResult | null): string {
  const ibm = (result as (RunResult & { ibm?: IbmChangesView }) | null)?.ibm;
  const stage = ibm?.rules.find((r) => r.file === "script")?.stage;
  if (!ibm || !ibm.stsuuChanges || !stage) return "";
  const marks = ibm.stsuuChanges.map((c) => `${c.before === null ? "+" : c.after === null ? "-" : "~"}${c.name}`);
  return `  stsuu changed by the ${stage} rule: ${marks.length ? marks.join(" ") : "nothing"}\n`;
}

/** IBM: what the rule under edit changed in the stsuu (added +, changed ~, removed -), as AM's token changes are read. */
function formatStsuuChanges(result: RunResult): string {
  const ibm = (result as RunResult & { ibm?: IbmChangesView }).ibm;
  if (!ibm) return "";
  const stage = ibm.rules.find((r) => r.file === "script")?.stage;
  if (!ibm.stsuuChanges || !stage) return "\nSTSUU: the rule under edit did not run at this request.\n";
  const values = (v: string[]) => JSON.stringify(v.length === 1 ? v[0] : v);
  const lines = ibm.stsuuChanges.map((c) => {
    const what = `${c.container} ${c.name} (${c.type})`;
    if (c.before === null) return `  + ${what} = ${values(c.after ?? [])}`;
    if (c.after === null) return `  - ${what} (was ${values(c.before)})`;
    return `  ~ ${what}: ${values(c.before)} → ${values(c.after)}`;
  });
  return `\nSTSUU changed by the ${stage} rule:\n${lines.length ? lines.join("\n") : "  nothing"}\n`;
}

/** Whose endpoint answered: AM's paths are AM's only; an IBM or OneWelcome result says its product. */
function endpointNames(result: RunResult): { token: string; introspect: string } {
  if ("ibm" in result) return { token: "IBM Verify Access token endpoint", introspect: "IBM Verify Access introspection endpoint" };
  if ("hook" in result) return { token: "OneWelcome /oauth/token", introspect: "OneWelcome introspection" };
  return { token: "/oauth2/access_token", introspect: "/oauth2/introspect" };
}

export function formatRunResult(fullResult: RunResult, file: string, timeoutMs?: number): string {
  const result = withoutRepeatedMisses(fullResult);
  let out = "";
  out += result.ok
    ? `✔ ${file} ran (${result.evaluator}) in ${result.timings.totalMs.toFixed(1)} ms\n\n`
    : `✖ ${formatError(result, file, timeoutMs)}\n`;
  const endpoints = endpointNames(result);
  if (result.tokenResponse) out += block(`Token response (${endpoints.token}):`, result.tokenResponse, result, "/tokenResponse");
  if (result.introspection) out += `\n${block(`Introspection (${endpoints.introspect}):`, result.introspection, result, "/introspection")}`;
  if (result.jwt) {
    out += `\n${block(`JWT (${result.jwt.bytes} bytes) header:`, result.jwt.header, result, "/jwt/header")}`;
    out += block("JWT claims:", result.jwt.claims, result, "/jwt/claims");
  }
  if (result.idToken) {
    out += `\n${block(`ID token (${result.idToken.bytes} bytes) header:`, result.idToken.header, result, "/idToken/header")}`;
    out += block("ID token claims:", result.idToken.claims, result, "/idToken/claims");
  }
  out += formatStsuuChanges(result);
  if (result.logs.length) out += `\nLogs:\n${result.logs.map((l) => `  [${l.level}] ${l.message}`).join("\n")}\n`;
  if (result.http.length) {
    out += `\nHTTP calls:\n${result.http
      .map((h) => `  ${h.method} ${h.url} → ${h.status ?? "no response"}${h.mock !== null ? ` (mock #${h.mock})` : ""}${h.error ? `\n    ${h.error}` : ""}`)
      .join("\n")}\n`;
  }
  if (result.openidm.length) {
    out += `\nIDM calls:\n${result.openidm.map((c) => `  ${c.op} ${c.id}${c.error ? ` ✖ ${c.error}` : ""}`).join("\n")}\n`;
  }
  if (result.warnings.length) {
    out += `\nWarnings:\n${result.warnings.map((w) => `  ${w.line ? `line ${w.line}: ` : ""}${w.message} [${w.code}]`).join("\n")}\n`;
  }
  return out;
}

/** A path as it must be typed in a POSIX shell: bare when safe, else in single quotes. */
export function shellQuote(path: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(path)) return path;
  return `'${path.replace(/'/g, `'\\''`)}'`;
}
