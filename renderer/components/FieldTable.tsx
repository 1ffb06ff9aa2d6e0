import type { FieldMark, MarkedField } from "../state/marks";

const MARK_LABEL: Record<FieldMark, string> = {
  added: "added",
  changed: "changed",
  removed: "removed",
  extra: "extra data",
  custom: "set by script",
  native: "",
};

/** A JSON value as text: short values on one line, longer ones pretty-printed. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "—";
  const compact = JSON.stringify(value);
  if (compact === undefined) return String(value);
  return compact.length <= 60 ? compact : JSON.stringify(value, null, 2);
}

/** Key/value rows with the script's touches marked (colour plus a text badge, so colour is not the only cue). */
export function FieldTable({ rows, label }: { rows: MarkedField[]; label: string }) {
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
                <del title="removed by the script">{formatValue(row.before)}</del>
              ) : (
                <pre className="value">{formatValue(row.value)}</pre>
              )}
              {row.mark === "changed" ? <div className="was">was {formatValue(row.before)}</div> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
