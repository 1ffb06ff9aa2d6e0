import { useState, type ReactNode } from "react";
import type { FieldMark, MarkedField } from "../state/marks";
import { amJsonAt, NO_DOUBLES, pointerTo, type DoublePointers } from "../state/doubles";
import { copyText } from "./clipboard";
import { readableTime } from "../state/claimDates";

const MARK_LABEL: Record<FieldMark, string> = {
  added: "added",
  changed: "changed",
  removed: "removed",
  extra: "extra data",
  custom: "set by script",
  native: "",
};

/** A value longer than this (characters or lines) is shown collapsed, with Expand and Copy. */
export const LONG_VALUE_CHARS = 200;
export const LONG_VALUE_LINES = 12;

/**
 * A JSON value as text: short values on one line, longer ones pretty-printed. Numbers the result lists
 * as Java doubles (at `pointer`) print as AM writes them (`42.0`).
 */
export function formatValue(value: unknown, doubles: DoublePointers = NO_DOUBLES, pointer = ""): string {
  if (value === undefined) return "—";
  if (JSON.stringify(value) === undefined) return String(value);
  const compact = amJsonAt(value, doubles, pointer, 0);
  return compact.length <= 60 ? compact : amJsonAt(value, doubles, pointer, 2);
}

/**
 * The text with each run of non-space characters kept on one line: lines wrap between words only, never at
 * the hyphens of a UUID or the slashes of a URL (a browser would break there). The text itself is unchanged.
 */
function unbroken(text: string): ReactNode[] {
  return text.split(/(\s+)/).map((part, i) => (i % 2 === 1 || part === "" ? part : <span key={i} className="tok">{part}</span>));
}

export function isLongValue(text: string): boolean {
  return text.length > LONG_VALUE_CHARS || text.split("\n").length > LONG_VALUE_LINES;
}

/**
 * One value. Short values show whole; a long one (a 5 KB claim) shows its start on one line, with Expand to
 * read it all and Copy to take exactly this value, so one field cannot turn a panel into a blank slab.
 */
function Value({ name, text, className }: { name: string; text: string; className?: string }) {
  const [expanded, setExpanded] = useState(false);
  const [copied, setCopied] = useState(false);
  if (!isLongValue(text)) return <pre className={`value ${className ?? ""}`}>{unbroken(text)}</pre>;
  return (
    <div className="long-value">
      {/* Expanded, it scrolls within its own box, so it takes focus for keyboard scrolling. */}
      <pre className={`value ${expanded ? "expanded" : "collapsed"} ${className ?? ""}`} tabIndex={expanded ? 0 : undefined} aria-label={expanded ? `Value of ${name}` : undefined}>
        {expanded ? text : unbroken(text.slice(0, LONG_VALUE_CHARS))}
      </pre>
      <div className="value-actions">
        <button type="button" className="link" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? "Collapse" : `Expand (${text.length.toLocaleString("en")} characters)`}
        </button>
        <button
          type="button"
          className="link"
          aria-label={copied ? `Copied: value of ${name}` : `Copy value of ${name}`}
          onClick={async () => {
            await copyText(text);
            setCopied(true);
            setTimeout(() => setCopied(false), 1200);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

function shortened(text: string): string {
  return isLongValue(text) ? `${text.slice(0, LONG_VALUE_CHARS)}… (${text.length.toLocaleString("en")} characters)` : text;
}

/** Key/value rows with the script's touches marked (colour plus a text badge, so colour is not the only cue). */
export interface FieldTableProps {
  rows: MarkedField[];
  label: string;
  /** Java-double pointers of the run result, and where these rows' values (and old values) sit in it. */
  doubles?: DoublePointers;
  base?: string;
  beforeBase?: string;
}

export function FieldTable({ rows, label, doubles = NO_DOUBLES, base = "", beforeBase = "" }: FieldTableProps) {
  return (
    <table className="fields" aria-label={label}>
      <colgroup>
        <col className="key-column" />
        <col />
      </colgroup>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={`mark-${row.mark}`} data-field={row.key} data-mark={row.mark}>
            <th scope="row" title={row.key}>
              {row.key}
              {row.mark !== "native" ? <span className={`badge badge-${row.mark}`}>{MARK_LABEL[row.mark]}</span> : null}
            </th>
            <td>
              {row.mark === "removed" ? (
                <del title="removed by the script">
                  <Value name={row.key} text={formatValue(row.before, doubles, pointerTo(beforeBase, row.key))} />
                </del>
              ) : (
                <Value name={row.key} text={formatValue(row.value, doubles, pointerTo(base, row.key))} />
              )}
              {readableTime(row.key, row.value) ? <div className="value-note">{readableTime(row.key, row.value)}</div> : null}
              {row.mark === "changed" ? (
                <div className="was">was {shortened(formatValue(row.before, doubles, pointerTo(beforeBase, row.key)))}</div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
