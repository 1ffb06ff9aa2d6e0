/**
 * A test case's unmet expectation in words, for every front end that lists failures (CLI, workspace view):
 * a list item that was not found says so, with what the list held, instead of printing a placeholder as
 * if it were the value.
 */
import type { Mismatch } from "./cases";

/** Values in a failure line are shortened: a whole log list on one line helps nobody. */
function brief(value: unknown, max = 300): string {
  const text = value === undefined ? "undefined" : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One failed expectation of a test case, in words. */
export function describeMismatch(m: Mismatch): string {
  if (m.notFoundInOrder) {
    const list = m.path.replace(/\[\d+\]$/, "");
    const index = Number(/\[(\d+)\]$/.exec(m.path)?.[1] ?? 0);
    const after = index > 0 ? ` after the one matching item [${index - 1}]` : "";
    return `${m.path}: no item of ${list}${after} matched ${brief(m.expected)} (expected items must appear in order); got: ${brief(m.actual)}`;
  }
  return `${m.path}: expected ${brief(m.expected)}, got ${brief(m.actual)}`;
}
