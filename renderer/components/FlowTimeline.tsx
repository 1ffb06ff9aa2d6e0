/**
 * A grant's whole life above the result panels: one chip per request of the flow, coloured by the HTTP status
 * AM answered, marked when the step's answer rests on an inferred fact. The chosen step's panels show below;
 * here is what changed in the token since the previous issuance and the step's warnings.
 */
import { useId, type KeyboardEvent } from "react";
import type { FlowResult, FlowStepResult, IbmRequestView } from "../../engine/api";
import { statusTone, stepLabel, stepWarnings } from "../state/flowResult";

export interface FlowTimelineProps {
  flow: FlowResult;
  selected: number;
  onSelect: (index: number) => void;
  /** Greyed with the panels: the flow shown is the last good one, not the current input's. */
  stale?: boolean;
}

/** The step a new flow result opens on: the first failed one (what needs fixing), else the last. */
export function defaultStep(flow: FlowResult): number {
  const failed = flow.steps.findIndex((s) => s.status >= 400);
  return failed >= 0 ? failed : Math.max(0, flow.steps.length - 1);
}

function timeOf(at: string): string {
  const match = /T(\d\d:\d\d:\d\d)/.exec(at);
  return match ? match[1]! : at;
}

function inferredNotes(step: FlowStepResult): string[] {
  return step.notes.filter((n) => n.evidence === "inferred").map((n) => `${n.message} (${n.source})`);
}

/** An IBM step's request view: the rules run at every request, so each step has its own STSUU changes. */
function ibmViewOf(step: FlowStepResult): IbmRequestView | null {
  return (step.run as { ibm?: IbmRequestView } | null)?.ibm ?? null;
}

/** What the rule under edit changed in the STSUU at this request, by attribute name (the IBM panel lists the values). */
function StsuuChanges({ ibm }: { ibm: IbmRequestView }) {
  const stage = ibm.rules.find((r) => r.file === "script")?.stage;
  if (!stage || !ibm.stsuuChanges) return <p className="flow-note" data-testid="flow-changes">The rule under edit did not run at this request.</p>;
  const kinds = [
    ["added", ibm.stsuuChanges.filter((c) => c.before === null)],
    ["changed", ibm.stsuuChanges.filter((c) => c.before !== null && c.after !== null)],
    ["removed", ibm.stsuuChanges.filter((c) => c.after === null)],
  ] as const;
  return (
    <p className="flow-note" data-testid="flow-changes">
      <span className="flow-note-label">The {stage} rule changed in the STSUU: </span>
      {ibm.stsuuChanges.length
        ? kinds
            .filter(([, list]) => list.length)
            .map(([what, list]) => (
              <span key={what} className={`flow-change ${what}`} data-testid={`flow-changes-${what}`}>
                {what} {list.map((c) => `${c.container} ${c.name}`).join(", ")}
              </span>
            ))
        : "nothing."}
    </p>
  );
}

/** Headers the request carried that its answer depends on (a macaroon's discharges), as the client sends them. */
function RequestHeaders({ headers }: { headers: Record<string, string[]> }) {
  const lines = Object.entries(headers).flatMap(([name, values]) => values.map((value) => `${name}: ${value}`));
  return (
    <details className="flow-request-headers" data-testid="flow-request-headers">
      <summary>
        Request headers: {Object.entries(headers).map(([name, values]) => `${name} (${values.length})`).join(", ")}
      </summary>
      <pre className="value">{lines.join("\n")}</pre>
    </details>
  );
}

function Changes({ step }: { step: FlowStepResult }) {
  const ibm = ibmViewOf(step);
  if (ibm) return <StsuuChanges ibm={ibm} />;
  if (!step.changes) return <p className="flow-note" data-testid="flow-changes">{step.run ? "First token of this flow: nothing to compare with." : "No token issued at this step."}</p>;
  const { added, changed, removed } = step.changes;
  const parts: [string, string[]][] = [
    ["added", added],
    ["changed", changed],
    ["removed", removed],
  ];
  const any = parts.some(([, keys]) => keys.length > 0);
  return (
    <p className="flow-note" data-testid="flow-changes">
      <span className="flow-note-label">Since the previous token: </span>
      {any
        ? parts
            .filter(([, keys]) => keys.length)
            .map(([what, keys]) => (
              <span key={what} className={`flow-change ${what}`} data-testid={`flow-changes-${what}`}>
                {what} {keys.join(", ")}
              </span>
            ))
        : "no field changed."}
    </p>
  );
}

export function FlowTimeline({ flow, selected, onSelect, stale }: FlowTimelineProps) {
  const base = useId();
  const step = flow.steps[selected];
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = flow.steps.length - 1;
    const next =
      event.key === "ArrowRight" || event.key === "ArrowDown"
        ? Math.min(last, selected + 1)
        : event.key === "ArrowLeft" || event.key === "ArrowUp"
          ? Math.max(0, selected - 1)
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    onSelect(next);
  };
  return (
    <section className={`flow${stale ? " stale" : ""}`} aria-label="Flow" data-stale={stale ? "true" : "false"}>
      <div
        className="flow-timeline"
        data-testid="flow-timeline"
        role="listbox"
        aria-label="Flow steps (arrow keys choose a step)"
        aria-orientation="horizontal"
        tabIndex={0}
        aria-activedescendant={step ? `${base}-step-${selected}` : undefined}
        onKeyDown={move}
      >
        {flow.steps.map((s, i) => {
          const inferred = inferredNotes(s);
          return (
            <div
              key={i}
              id={`${base}-step-${i}`}
              role="option"
              aria-selected={i === selected}
              className={`flow-chip ${statusTone(s.status)}${i === selected ? " selected" : ""}`}
              data-testid={`flow-step-${i}`}
              data-status={s.status}
              onClick={() => onSelect(i)}
            >
              <span className="flow-chip-request">{stepLabel(s)}</span>
              <span className="flow-chip-status" data-testid={`flow-step-${i}-status`}>
                {s.status}
              </span>
              <span className="flow-chip-time">{timeOf(s.at)}</span>
              {inferred.length ? (
                <span className="flow-chip-inferred" data-testid={`flow-step-${i}-inferred`} title={inferred.join("\n")}>
                  inferred
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      {step ? (
        <div className="flow-detail" data-testid="flow-step-detail" data-step={selected}>
          <Changes step={step} />
          {step.requestHeaders && Object.keys(step.requestHeaders).length ? <RequestHeaders headers={step.requestHeaders} /> : null}
          {stepWarnings(step).length ? (
            // Focusable: a long list scrolls in its own box (it would push the panels off screen), and keyboard users must reach it.
            <ul className="flow-warnings" data-testid="flow-warnings" aria-label="Warnings of this step" tabIndex={0}>
              {stepWarnings(step).map((w, i) => (
                <li key={i} data-code={w.code}>
                  <code>{w.code}</code> {w.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
