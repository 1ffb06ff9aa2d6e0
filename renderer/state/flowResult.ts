/**
 * A flow's result as the page carries it, and the single-run view of one of its steps: the three result panels
 * show one run, so a step is turned into the run result those panels read (its script run, or for a step
 * where the script did not run, the body AM answered with in the panel where a user looks for it).
 */
import { emptyRunResult, type Evaluator, type FlowResult, type FlowStepResult, type RunResult } from "../../engine/api";

/** A run result that answers a whole flow: the last issuance's run at the top, every step in `flow`. */
export type FlowRunResult = RunResult & { flow: FlowResult };

export function hasFlow(scenario: unknown): boolean {
  const flow = (scenario as { flow?: unknown } | null)?.flow;
  return Array.isArray(flow) && flow.length > 0;
}

/** How many times the script may run for this scenario: once per flow step (or once without a flow). */
export function flowStepCount(scenario: unknown): number {
  const flow = (scenario as { flow?: unknown } | null)?.flow;
  return Array.isArray(flow) && flow.length > 0 ? flow.length : 1;
}

export function isFlowResult(result: RunResult | null | undefined): result is FlowRunResult {
  return Boolean(result && (result as Partial<FlowRunResult>).flow && Array.isArray((result as FlowRunResult).flow.steps));
}

/**
 * The flow's result carried as a run result, so the page's status, banner and markers keep working: its top is
 * the first failed run (what the user must fix) or else the last run, and its `ok` is the flow's.
 */
export function flowRunResult(flow: FlowResult, evaluator: Evaluator): FlowRunResult {
  const runs = flow.steps.map((s) => s.run).filter((r): r is RunResult => r !== null);
  const top = runs.find((r) => !r.ok) ?? runs[runs.length - 1] ?? emptyRunResult(evaluator, null);
  const totalMs = runs.reduce((sum, r) => sum + r.timings.totalMs, 0);
  const evalMs = runs.reduce((sum, r) => sum + r.timings.evalMs, 0);
  return { ...top, ok: flow.ok, timings: { evalMs, totalMs }, flow };
}

/** "token · refresh_token", "introspect · refresh_token", "authorize". */
export function stepLabel(step: FlowStepResult): string {
  if (step.request === "token" && step.grantType) return `token · ${step.grantType.replace(/^urn:ietf:params:oauth:grant-type:/, "")}`;
  if (step.token) return `${step.request} · ${step.token}`;
  return step.request;
}

export type StepTone = "ok" | "redirect" | "client-error" | "server-error";

export function statusTone(status: number): StepTone {
  if (status >= 500) return "server-error";
  if (status >= 400) return "client-error";
  if (status >= 300) return "redirect";
  return "ok";
}

/**
 * The step's own warnings (claim lost on refresh …) before its run's, each once: a product's flow may repeat
 * its run's warnings as the step's (IBM's step warnings are its run's, less the inferred notes).
 */
export function stepWarnings(step: FlowStepResult): RunResult["warnings"] {
  const same = (a: RunResult["warnings"][number], b: RunResult["warnings"][number]) => a.code === b.code && a.message === b.message && a.line === b.line;
  return [...step.warnings, ...(step.run?.warnings ?? []).filter((w) => !step.warnings.some((s) => same(s, w)))];
}

/** The run result the panels show for one step. */
export function stepRunResult(step: FlowStepResult, evaluator: Evaluator): RunResult {
  const warnings = stepWarnings(step);
  if (step.run) return { ...step.run, warnings };
  const base = emptyRunResult(evaluator, null);
  if (step.status >= 400) {
    const body = step.body as { error?: unknown; error_description?: unknown };
    const inferred = step.notes.filter((n) => n.evidence === "inferred");
    return {
      ...base,
      ok: false,
      error: { kind: "binding", message: `${step.request} answered HTTP ${step.status}: ${String(body.error ?? "error")}` },
      failure: {
        status: step.status,
        body: { error: String(body.error ?? ""), error_description: String(body.error_description ?? "") },
        inferred: inferred.length ? ["/body"] : [],
        note: step.notes.map((n) => `${n.message} (${n.evidence})`).join(" "),
      },
      warnings,
    };
  }
  if (step.request === "introspect") return { ...base, introspection: step.body, warnings };
  // authorize (code flow) and revoke: what the client received, where the token response normally is.
  return { ...base, tokenResponse: step.body, warnings };
}
