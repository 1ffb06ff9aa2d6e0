/**
 * How a scenario was built from evidence: per file what it was recognised as, which scenario fields it filled
 * and what it ignored, the secrets kept out (their placeholders), and the fields two files disagreed on.
 * A bad file shows its error instead (the file and the place), and the scenario stays as it was.
 */
import type { EvidenceBuild } from "../state/evidenceFiles";

export function EvidenceReport({ build, onDismiss }: { build: EvidenceBuild; onDismiss: () => void }) {
  return (
    <section className={`notice evidence-report ${build.ok ? "info" : "warning"}`} aria-label="Evidence report" data-testid="evidence-report" data-ok={build.ok ? "true" : "false"}>
      <div className="evidence-head">
        <h2>{build.ok ? "Scenario built from evidence" : "Evidence not read: your scenario is unchanged"}</h2>
        <button type="button" className="link" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      {build.ok ? <Built outcome={build.outcome} /> : <Failed build={build} />}
    </section>
  );
}

function Failed({ build }: { build: Extract<EvidenceBuild, { ok: false }> }) {
  return (
    <p data-testid="evidence-error" data-file={build.file} data-place={build.place}>
      {build.message}
    </p>
  );
}

function Built({ outcome }: { outcome: Extract<EvidenceBuild, { ok: true }>["outcome"] }) {
  return (
    <>
      <ul className="evidence-files">
        {outcome.reports.map((r) => (
          <li key={r.file} data-testid="evidence-file" data-file={r.file}>
            <strong>{r.file}</strong>: {r.kind}
            {r.filled.length ? (
              <div>
                Filled: <code>{r.filled.join(", ")}</code>
              </div>
            ) : (
              <div>Filled nothing.</div>
            )}
            {r.ignored.length ? <div>Ignored: {r.ignored.join("; ")}</div> : null}
            {r.notes.length ? <div>Notes: {r.notes.join("; ")}</div> : null}
          </li>
        ))}
      </ul>
      {outcome.redactions.length ? (
        <div data-testid="evidence-redactions">
          Secrets kept out of the scenario:
          <ul>
            {outcome.redactions.map((r) => (
              <li key={`${r.file}|${r.place}`}>
                {r.file} <code>{r.place}</code> → <code>{r.placeholder}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {outcome.conflicts.length ? (
        <div data-testid="evidence-conflicts">
          Files disagreed (the later file wins):
          <ul>
            {outcome.conflicts.map((c) => (
              <li key={c.path}>
                <code>{c.path}</code>: kept {c.kept}, replaced {c.replaced}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
