/**
 * Small edits of the scenario's JSON text that keep the user's formatting (the form rewrites whole
 * documents; the toolbar's evaluator switch changes one value).
 */
import { indexJsonPlaces } from "./jsonLocate";

/**
 * The text with `"evaluator"` set to `evaluator`: its value replaced where it is, or the key added first in
 * the top-level object. Text that is not a JSON object is returned unchanged (the scenario is invalid then,
 * and its issue is already shown).
 */
export function withEvaluator(text: string, evaluator: string): string {
  try {
    const doc: unknown = JSON.parse(text);
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) return text;
  } catch {
    return text;
  }
  const places = indexJsonPlaces(text);
  const root = places.get("$");
  if (!root || text[root.value.start] !== "{") return text;
  const quoted = JSON.stringify(evaluator);
  const existing = places.get("$.evaluator");
  if (existing) return text.slice(0, existing.value.start) + quoted + text.slice(existing.value.end);
  const open = root.value.start + 1;
  const rest = text.slice(open);
  const empty = /^\s*}/.test(rest);
  const indent = /^\s*\n([ \t]*)/.exec(rest)?.[1] ?? "  ";
  return empty
    ? `${text.slice(0, open)}\n${indent}"evaluator": ${quoted}\n${rest.replace(/^\s*/, "")}`
    : `${text.slice(0, open)}\n${indent}"evaluator": ${quoted},${rest.replace(/^[ \t]*\n?[ \t]*/, (m) => (m.includes("\n") ? "\n" + indent : " "))}`;
}
