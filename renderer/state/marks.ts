/**
 * Which fields the script touched, per panel: the token (added / changed / removed against the token AM
 * built), the token endpoint response (extra data the script added) and introspection (the script's fields).
 */
import type { TokenSnapshot } from "../../engine/api";

export type FieldMark = "added" | "changed" | "removed" | "extra" | "custom" | "native";

export interface MarkedField {
  key: string;
  value: unknown;
  mark: FieldMark;
  /** The value before the script ran, for changed and removed fields. */
  before?: unknown;
}

/** Token fields after the script, then the ones it removed (with their old value), each marked. */
export function markTokenFields(token: TokenSnapshot): MarkedField[] {
  const added = new Set(token.changes.added);
  const changed = new Set(token.changes.changed);
  const rows: MarkedField[] = Object.entries(token.after).map(([key, value]) => {
    if (added.has(key)) return { key, value, mark: "added" };
    if (changed.has(key)) return { key, value, mark: "changed", before: token.before[key] };
    return { key, value, mark: "native" };
  });
  for (const key of token.changes.removed) {
    if (key in token.after) continue;
    rows.push({ key, value: undefined, mark: "removed", before: token.before[key] });
  }
  return rows;
}

/** The /access_token response in its order, with the script's extra data marked. */
export function markTokenResponse(
  response: Record<string, unknown>,
  extraData: Record<string, unknown> | undefined,
): MarkedField[] {
  const extra = new Set(Object.keys(extraData ?? {}));
  return Object.entries(response).map(([key, value]) => ({ key, value, mark: extra.has(key) ? "extra" : "native" }));
}

/** Introspection output with the fields the script added or changed marked as custom. */
export function markIntrospection(
  introspection: Record<string, unknown>,
  token: TokenSnapshot | null,
): MarkedField[] {
  const scripted = new Set([...(token?.changes.added ?? []), ...(token?.changes.changed ?? [])]);
  return Object.entries(introspection).map(([key, value]) => ({
    key,
    value,
    mark: scripted.has(key) ? "custom" : "native",
  }));
}

/** Counts for a panel's summary line ("2 added · 1 changed"). */
export function summarizeMarks(rows: readonly MarkedField[]): string {
  const counts = new Map<FieldMark, number>();
  for (const row of rows) if (row.mark !== "native") counts.set(row.mark, (counts.get(row.mark) ?? 0) + 1);
  return [...counts].map(([mark, n]) => `${n} ${mark}`).join(" · ");
}
