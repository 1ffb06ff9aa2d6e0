/**
 * "Save as test case": the current script's result as a `*.case.json` the CLI and "Run all cases" check.
 * `expect` holds what the script decides (its fields, extra data, logs, the error it fails with), not the
 * values every run draws anew or AM sets whatever the script does (token ids, timestamps), so the case keeps
 * passing while the script does the same thing and fails when it stops.
 */
import type { FlowStepResult, RunResult } from "../../engine/api";
import { markIntrospection, markTokenResponse } from "./marks";
import { isFlowResult } from "./flowResult";

export interface TestCaseFile {
  name: string;
  text: string;
}

/** The file name beside the script: `groups.js` → `groups.case.json`. */
export function caseFileName(scriptName: string): string {
  return `${scriptName.replace(/\.(js|json)$/i, "").replace(/\.(scenario|case)$/i, "") || "script"}.case.json`;
}

/**
 * A flow's step as its case expects it: the request, AM's status and what the script decided there; an
 * introspection's activity and token type. Token values and codes are left out, as for a single run.
 */
function stepExpectation(step: FlowStepResult): Record<string, unknown> {
  const out: Record<string, unknown> = { request: step.request };
  if (step.grantType) out.grantType = step.grantType;
  out.status = step.status;
  if (step.run) {
    const run = expectationOf(step.run);
    if (run.tokenResponse) out.body = run.tokenResponse;
    if (step.run.error) out.run = { ok: false };
  } else if (step.request === "introspect") {
    out.body = { active: step.body.active, ...(step.body.token_type !== undefined ? { token_type: step.body.token_type } : {}) };
  } else if (step.status >= 400 && typeof step.body.error === "string") {
    out.body = { error: step.body.error };
  }
  if (step.warnings.length) out.warnings = step.warnings.map((w) => ({ code: w.code }));
  return out;
}

export function expectationOf(result: RunResult): Record<string, unknown> {
  // A flow's case is checked step by step (engine/flow/expect.ts): ok and steps are what it reads.
  if (isFlowResult(result)) return { ok: result.flow.ok, steps: result.flow.steps.map(stepExpectation) };
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
