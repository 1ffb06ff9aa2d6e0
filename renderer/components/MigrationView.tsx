/**
 * "Migrate to next-generation": the legacy script beside its rewrite (Monaco's diff editor), each change marked
 * on its line with the reason on hover and listed below, what could not be translated with its line, and the
 * proof: both scripts run on the current scenario, their results side by side, the differences and the verdict.
 */
import { useEffect, useRef } from "react";
import type { monaco as Monaco } from "../monaco/setup";
import { loadMonaco } from "../monaco/load";
import type { MigrationReport, RunResult } from "../../engine/api";
import type { MigrationState } from "../state/pageState";

export type { MigrationState };

export interface MigrationViewProps {
  legacy: string;
  state: MigrationState;
  onUse: (script: string) => void;
  onClose: () => void;
}

export function MigrationView({ legacy, state, onUse, onClose }: MigrationViewProps) {
  const report = state.status === "done" ? state.report : null;
  const verdict = report === null ? null : report.equivalent === true ? "equivalent" : report.equivalent === false ? "differs" : "not run";
  return (
    <section className="migration-view" role="region" aria-label="Migration to next-generation" data-testid="migration-view" data-status={state.status}>
      <div className="migration-head">
        <h2>Migrate to next-generation</h2>
        <span className="migration-verdict" data-testid="migration-verdict" data-verdict={verdict ?? state.status} role="status">
          {state.status === "running" ? "Running both scripts…" : state.status === "failed" ? `Migration failed — ${state.message}` : verdictText(report!)}
        </span>
        <span className="spacer" />
        <button type="button" className="primary" data-testid="migration-use" disabled={report === null} onClick={() => report && onUse(report.script)}>
          Use the rewrite
        </button>
        <button type="button" data-testid="migration-close" onClick={onClose}>
          Close
        </button>
      </div>
      {report ? (
        <>
          <MigrationDiff legacy={legacy} report={report} />
          <div className="migration-lists">
            <div>
              <h3>Changes ({report.changes.length})</h3>
              <ol className="migration-changes" data-testid="migration-changes">
                {report.changes.map((c, i) => (
                  <li key={i} data-line={c.line}>
                    Line {c.line}: <code>{c.from}</code> → <code>{c.to}</code> — {c.why}
                  </li>
                ))}
              </ol>
            </div>
            <div>
              <h3>Not translated ({report.unresolved.length})</h3>
              <ul className="migration-unresolved" data-testid="migration-unresolved">
                {report.unresolved.map((u, i) => (
                  <li key={i} data-line={u.line}>
                    Line {u.line}: {u.message}
                  </li>
                ))}
              </ul>
            </div>
          </div>
          {report.notes.length ? (
            <div className="migration-notes">
              <h3>What the verdict rests on</h3>
              <ul data-testid="migration-notes">
                {report.notes.map((n, i) => (
                  <li key={i} data-inferred={n.inferred ? "true" : "false"}>
                    {n.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {report.runs ? <RunsSideBySide report={report} runs={report.runs} /> : null}
        </>
      ) : null}
    </section>
  );
}

function verdictText(report: MigrationReport): string {
  if (report.unreadable) return `Not rewritten: the script cannot be read as JavaScript (line ${report.unreadable.line}, column ${report.unreadable.column}: ${report.unreadable.message})`;
  if (report.equivalent === null) return "Not run: no scenario";
  if (report.equivalent) return "Equivalent: both issue the same token on this scenario";
  if (report.differences.length === 0) return `Not equivalent: the legacy script failed on this scenario (${report.runs?.legacy.error?.message ?? "no result"})`;
  return `Differs: ${report.differences.length} difference${report.differences.length === 1 ? "" : "s"} on this scenario`;
}

const show = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

function RunsSideBySide({ report, runs }: { report: MigrationReport; runs: { legacy: RunResult; nextGen: RunResult } }) {
  return (
    <div className="migration-runs">
      {report.differences.length ? (
        <table className="migration-differences" data-testid="migration-differences">
          <caption>Differences</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Legacy</th>
              <th scope="col">Next-generation</th>
            </tr>
          </thead>
          <tbody>
            {report.differences.map((d) => (
              <tr key={d.path} data-path={d.path}>
                <th scope="row">
                  <code>{d.path}</code>
                </th>
                <td>{show(d.legacy)}</td>
                <td>
                  {show(d.nextGen)}
                  {d.why ? <p className="migration-why">{d.why}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="migration-results">
        <RunColumn title="Legacy (1.0): the original" result={runs.legacy} testId="migration-run-legacy" />
        <RunColumn title="Next-generation (2.0): the rewrite" result={runs.nextGen} testId="migration-run-next-gen" />
      </div>
    </div>
  );
}

function RunColumn({ title, result, testId }: { title: string; result: RunResult; testId: string }) {
  return (
    <div className="migration-run" data-testid={testId} data-ok={result.ok ? "true" : "false"}>
      <h3>{title}</h3>
      {result.error ? <p className="migration-run-error">{result.error.message}</p> : null}
      <pre tabIndex={0} aria-label={`${title}: introspection`}>{JSON.stringify(result.introspection, null, 2)}</pre>
    </div>
  );
}

/** The diff editor: read-only, original left, rewrite right; each change's original line marked with its reason. */
function MigrationDiff({ legacy, report }: { legacy: string; report: MigrationReport }) {
  const host = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    let dispose: (() => void) | null = null;
    let cancelled = false;
    void loadMonaco().then(({ monaco }) => {
      if (!cancelled && host.current) dispose = createDiff(monaco, host.current, legacy, report);
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [legacy, report]);
  return <div className="migration-diff" ref={host} data-testid="migration-diff" />;
}

/** Builds the diff editor in `host` with each change's reason on its original line; returns its disposal. */
function createDiff(monaco: typeof Monaco, host: HTMLDivElement, legacy: string, report: MigrationReport): () => void {
  const original = monaco.editor.createModel(legacy, "javascript");
  const modified = monaco.editor.createModel(report.script, "javascript");
  const diff = monaco.editor.createDiffEditor(host, {
    readOnly: true,
    originalEditable: false,
    renderSideBySide: true,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    glyphMargin: true,
    // Each side's own name for screen readers (the two editable-looking areas need one each).
    originalAriaLabel: "Legacy script (original), read-only",
    modifiedAriaLabel: "Next-generation rewrite, read-only",
  });
  diff.setModel({ original, modified });
  // The inner editors' text areas take their names from their own options, not the diff editor's.
  diff.getOriginalEditor().updateOptions({ ariaLabel: "Legacy script (original), read-only" });
  diff.getModifiedEditor().updateOptions({ ariaLabel: "Next-generation rewrite, read-only" });
  const hovers = new Map<number, string[]>();
  for (const c of report.changes) hovers.set(c.line, [...(hovers.get(c.line) ?? []), `**${c.from} → ${c.to}**: ${c.why}`]);
  for (const u of report.unresolved) hovers.set(u.line, [...(hovers.get(u.line) ?? []), `**Not translated**: ${u.message}`]);
  const decorations = diff.getOriginalEditor().createDecorationsCollection(
    [...hovers].map(([line, texts]) => ({
      range: new monaco.Range(line, 1, line, 1),
      options: {
        isWholeLine: true,
        // No line background of its own: over the diff's removed-line colour it would dim the text below AA.
        glyphMarginClassName: "migration-glyph",
        hoverMessage: texts.map((value) => ({ value })),
        glyphMarginHoverMessage: texts.map((value) => ({ value })),
      },
    })),
  );
  return () => {
    decorations.clear();
    diff.dispose();
    original.dispose();
    modified.dispose();
  };
}
