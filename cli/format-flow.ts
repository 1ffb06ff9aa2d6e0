/** Human-readable output of a flow: one block per request, with its status and what changed since the last issuance. */
import { formatAmJson, type FlowResult, type FlowStepResult } from "../engine/api";
import { formatError, stsuuChangesLine } from "./format";

const EVIDENCE_MARK = { documented: "documented", observed: "observed", inferred: "INFERRED" } as const;

/** The openidm calls that change what IDM holds, which the flow's later requests then see. */
const WRITES = new Set(["create", "update", "patch", "delete"]);

function title(step: FlowStepResult, index: number): string {
  const what =
    step.request === "token"
      ? `token (${step.grantType})`
      : step.request === "introspect" || step.request === "revoke"
        ? `${step.request} ${step.token}`
        : step.request;
  return `── ${index + 1}. ${what} at ${step.at} → ${step.status}`;
}

function changesLine(step: FlowStepResult): string {
  const c = step.changes;
  if (!c) return "";
  const parts = [
    c.added.length ? `added ${c.added.join(", ")}` : "",
    c.removed.length ? `removed ${c.removed.join(", ")}` : "",
    c.changed.length ? `changed ${c.changed.join(", ")}` : "",
  ].filter(Boolean);
  return `  since the previous token: ${parts.length ? parts.join("; ") : "no field changed"}\n`;
}

function formatStep(step: FlowStepResult, index: number, file: string): string {
  let out = `${title(step, index)}\n`;
  for (const [name, values] of Object.entries(step.requestHeaders ?? {})) {
    for (const value of values) out += `  sent ${name}: ${value}\n`;
  }
  if (step.run && !step.run.ok) out += `  ✖ ${formatError(step.run, file)}`;
  const indented = formatAmJson(step.body, step.bodyDoubles, 2)
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
  out += `${indented}\n`;
  out += changesLine(step);
  for (const call of step.run?.openidm ?? []) {
    if (WRITES.has(call.op)) out += `  IDM ${call.op} ${call.id}${call.error ? ` failed: ${call.error}` : ""}\n`;
  }
  out += stsuuChangesLine(step.run);
  for (const log of step.run?.logs ?? []) out += `  [${log.level}] ${log.message}\n`;
  for (const w of [...(step.run?.warnings ?? []), ...step.warnings]) out += `  ⚠ ${w.line ? `line ${w.line}: ` : ""}${w.message} [${w.code}]\n`;
  for (const note of step.notes) out += `  ${EVIDENCE_MARK[note.evidence]}: ${note.message} (${note.source})\n`;
  return out;
}

export function formatFlowResult(result: FlowResult, file: string): string {
  const failed = result.steps.filter((s) => s.run && !s.run.ok).length;
  const head = result.ok
    ? `✔ ${file}: ${result.steps.length} requests\n\n`
    : `✖ ${file}: the script failed at ${failed} of ${result.steps.length} requests\n\n`;
  const idm = result.openidm
    ? `\n── IDM after the flow (--json prints the objects)\n${Object.entries(result.openidm)
        .map(([id, obj]) => `  ${id}${obj._rev !== undefined ? ` (_rev ${String(obj._rev)})` : ""}\n`)
        .join("")}`
    : "";
  return head + result.steps.map((s, i) => formatStep(s, i, file)).join("\n") + idm;
}
