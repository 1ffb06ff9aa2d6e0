/**
 * Java doubles on screen. The run result is plain JSON and lists, as JSON Pointers from its root
 * (`javaDoubles`), the numbers AM holds as java.lang.Double and prints as `42.0`. The panels and Copy JSON
 * print a value through these helpers so a legacy `setField('n', 42)` shows as AM would write it.
 */
import { formatAmJson } from "../../engine/api";

export type DoublePointers = ReadonlySet<string>;

export const NO_DOUBLES: DoublePointers = new Set();

export function doublesOf(result: { javaDoubles?: string[] } | null | undefined): DoublePointers {
  return result?.javaDoubles?.length ? new Set(result.javaDoubles) : NO_DOUBLES;
}

/** One key as a JSON Pointer segment. */
export function pointerTo(base: string, key: string | number): string {
  return `${base}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** A value found at `pointer` in the result, as AM would write it (indent 0 = one line). */
export function amJsonAt(value: unknown, doubles: DoublePointers, pointer: string, indent = 2): string {
  return formatAmJson(value, doubles, indent, pointer);
}

/**
 * Pointers moved from one place to another, for values copied into a new shape
 * (e.g. the token panel's `{ fields: token.after }` takes `/token/after/n` to `/fields/n`).
 */
export function rebaseDoubles(doubles: DoublePointers, moves: readonly (readonly [from: string, to: string])[]): Set<string> {
  const out = new Set<string>();
  for (const pointer of doubles) {
    for (const [from, to] of moves) {
      if (pointer === from || pointer.startsWith(`${from}/`)) out.add(to + pointer.slice(from.length));
    }
  }
  return out;
}
