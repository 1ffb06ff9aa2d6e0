/** Human-readable output of a run result for the terminal. */
import { formatAmJson } from "../engine/token/values";
import type { RunResult } from "../engine/result";

function block(title: string, value: unknown, result: RunResult, base: string): string {
  return `${title}\n${formatAmJson(value, result.javaDoubles ?? [], 2, base)}\n`;
}

/** The whole run result as JSON, Java doubles printed as AM prints them (42.0). */
export function formatRunResultJson(result: RunResult): string {
  return `${formatAmJson(result, result.javaDoubles ?? [])}\n`;
}

export function formatError(result: RunResult, file: string): string {
  const e = result.error;
  if (!e) return "";
  const where = e.line ? `${file}:${e.line}${e.column ? `:${e.column}` : ""}: ` : `${file}: `;
  return `${where}${e.kind} error: ${e.message}\n`;
}

export function formatRunResult(result: RunResult, file: string): string {
  let out = "";
  out += result.ok
    ? `✔ ${file} ran (${result.evaluator}) in ${result.timings.totalMs.toFixed(1)} ms\n\n`
    : `✖ ${formatError(result, file)}\n`;
  if (result.tokenResponse) out += block("Token response (/oauth2/access_token):", result.tokenResponse, result, "/tokenResponse");
  if (result.introspection) out += `\n${block("Introspection (/oauth2/introspect):", result.introspection, result, "/introspection")}`;
  if (result.jwt) out += `\n${block(`JWT (${result.jwt.bytes} bytes) claims:`, result.jwt.claims, result, "/jwt/claims")}`;
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
