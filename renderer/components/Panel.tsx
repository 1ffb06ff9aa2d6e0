import { useId, useState, type ReactNode } from "react";
import { amJsonAt, NO_DOUBLES } from "../state/doubles";
import { copyText } from "./clipboard";

export interface PanelProps {
  testId: string;
  title: string;
  /** A short line under the title (counts, sizes). */
  summary?: string;
  /** What "Copy JSON" puts on the clipboard; no button when undefined. */
  copyValue?: unknown;
  /** Java-double pointers within copyValue, so Copy JSON writes `42.0` where AM does. */
  copyDoubles?: ReadonlySet<string>;
  /** Greyed: what is shown is the last good result, not the current input's. */
  stale?: boolean;
  /** Says why the panel is greyed (shown when stale). */
  staleLabel?: string;
  className?: string;
  children: ReactNode;
}

/** A named region of the results with a title, an optional summary and a Copy JSON action. */
export function Panel({ testId, title, summary, copyValue, copyDoubles, stale, staleLabel, className, children }: PanelProps) {
  const headingId = useId();
  const [copied, setCopied] = useState(false);
  return (
    <section
      className={`panel ${className ?? ""} ${stale ? "stale" : ""}`}
      data-testid={testId}
      data-stale={stale ? "true" : "false"}
      role="region"
      aria-labelledby={headingId}
      aria-busy={false}
    >
      <header className="panel-header">
        <h2 id={headingId}>{title}</h2>
        {summary ? <span className="panel-summary">{summary}</span> : <span className="panel-summary" />}
        {stale ? (
          <span className="stale-label" data-testid="stale-label">
            {staleLabel ?? "not the current input"}
          </span>
        ) : null}
        {copyValue !== undefined ? (
          <button
            type="button"
            className="copy-button"
            // The visible words start the accessible name (WCAG 2.5.3, label in name).
            aria-label={copied ? `Copied: JSON of ${title}` : `Copy JSON of ${title}`}
            onClick={async () => {
              await copyText(amJsonAt(copyValue, copyDoubles ?? NO_DOUBLES, "", 2));
              setCopied(true);
              setTimeout(() => setCopied(false), 1200);
            }}
          >
            {copied ? "Copied" : "Copy JSON"}
          </button>
        ) : null}
      </header>
      <div className="panel-body" tabIndex={0} aria-label={`${title} content`}>
        {children}
      </div>
    </section>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty-state">{children}</p>;
}
