/**
 * "Save as test case": the current script's result as a `*.case.json` the CLI and "Run all cases" check.
 * `expect` holds what the script decides (its fields, extra data, logs, the error it fails with), not the
 * values every run draws anew or AM sets whatever the script does (token ids, timestamps), so the case keeps
 * passing while the script does the same thing and fails when it stops.
 */
import type { RunResult } from "../../engine/result";
import { markIntrospection, markTokenResponse } from "./marks";

export interface TestCaseFile {
  name: string;
  text: string;
}

/** The file name beside the script: `groups.js` → `groups.case.json`. */
export function caseFileName(scriptName: string): string {
  return `${scriptName.replace(/\.(js|json)$/i, "").replace(/\.(scenario|case)$/i, "") || "script"}.case.json`;
}

export function expectationOf(result: RunResult): Record<string, unknown> {
  if (result.error) {
    return { ok: false, error: { kind: result.error.kind, ...(result.error.line !== undefined ? { line: result.error.line } : {}) } };
  }
  const expect: Record<string, unknown> = { ok: true };
  const pick = (rows: { key: string; mark: string; value: unknown }[]) =>
    Object.fromEntries(rows.filter((r) => r.mark !== "native" && r.mark !== "removed").map((r) => [r.key, r.value]));
  if (result.introspection) {
    const fields = pick(markIntrospection(result.introspection, result.token));
    if (Object.keys(fields).length) expect.introspection = fields;
  }
  if (result.tokenResponse) {
    const extra = pick(markTokenResponse(result.tokenResponse, result.token?.extraData));
    if (Object.keys(extra).length) expect.tokenResponse = extra;
  }
  if (result.logs.length) expect.logs = result.logs;
  expect.warnings = result.warnings.map((w) => ({ code: w.code }));
  return expect;
}

/** The scenario with `script` (the script's file name) and `expect` from the result; "$schema" first as written. */
export function testCaseFrom(scenarioDoc: unknown, scriptName: string, result: RunResult): TestCaseFile {
  const scenario = scenarioDoc && typeof scenarioDoc === "object" && !Array.isArray(scenarioDoc) ? { ...(scenarioDoc as Record<string, unknown>) } : {};
  delete scenario.expect;
  delete scenario.script;
  const script = /\.js$/i.test(scriptName) ? scriptName : `${scriptName}.js`;
  const doc = { ...scenario, evaluator: result.evaluator, script, expect: expectationOf(result) };
  return { name: caseFileName(script), text: JSON.stringify(doc, null, 2) + "\n" };
}
