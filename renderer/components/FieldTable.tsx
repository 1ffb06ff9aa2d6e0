import type { FieldMark, MarkedField } from "../state/marks";
import { amJsonAt, NO_DOUBLES, pointerTo, type DoublePointers } from "../state/doubles";

const MARK_LABEL: Record<FieldMark, string> = {
  added: "added",
  changed: "changed",
  removed: "removed",
  extra: "extra data",
  custom: "set by script",
  native: "",
};

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
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={`mark-${row.mark}`} data-field={row.key} data-mark={row.mark}>
            <th scope="row">
              {row.key}
              {row.mark !== "native" ? <span className={`badge badge-${row.mark}`}>{MARK_LABEL[row.mark]}</span> : null}
            </th>
            <td>
              {row.mark === "removed" ? (
                <del title="removed by the script">{formatValue(row.before, doubles, pointerTo(beforeBase, row.key))}</del>
              ) : (
                <pre className="value">{formatValue(row.value, doubles, pointerTo(base, row.key))}</pre>
              )}
              {row.mark === "changed" ? <div className="was">was {formatValue(row.before, doubles, pointerTo(beforeBase, row.key))}</div> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
