/**
 * Java doubles in AM's output. A legacy script's numbers reach AM as java.lang.Double, and AM's JSON writer
 * prints a Double as `42.0`. The token state keeps such values as `JavaDouble`; the run result stays plain
 * JSON (numbers) and lists where the doubles are (`javaDoubles`, JSON Pointers), so the CLI and the panels
 * can print `42.0` exactly where AM does.
 */
import { isPlainRecord } from "../util/own-keys";

export class JavaDouble {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
  valueOf(): number {
    return this.value;
  }
  /** As Rhino converts a number for a String parameter: 42 → "42". */
  toString(): string {
    return String(this.value);
  }
}

/** Java's Double.toString, which AM's JSON writer uses: 42 → "42.0", 1e7 → "1.0E7". */
export function javaDoubleString(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e7)) {
    const [mantissa, exp] = n.toExponential().split("e");
    return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}E${Number(exp)}`;
  }
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Replaces JavaDouble values by numbers, collecting the JSON Pointers (under `base`) where they were. */
export function plainWithDoubles(value: unknown, base: string, doubles: string[]): unknown {
  if (value instanceof JavaDouble) {
    doubles.push(base);
    return value.value;
  }
  if (Array.isArray(value)) return value.map((v, i) => plainWithDoubles(v, `${base}/${i}`, doubles));
  // Object.fromEntries defines own keys, so a "__proto__" key stays a key (see util/own-keys.ts).
  if (isPlainRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainWithDoubles(v, `${base}/${escapePointer(k)}`, doubles)]));
  }
  return value;
}

/**
 * JSON text as AM writes it: like JSON.stringify(value, null, indent), except that numbers at the given
 * pointers (relative to `base`) print as Java doubles (`42.0`).
 */
export function formatAmJson(value: unknown, doubles: Iterable<string> = [], indent = 2, base = ""): string {
  const marked = new Set(doubles);
  const pad = (depth: number) => (indent ? `\n${" ".repeat(indent * depth)}` : "");
  const write = (v: unknown, pointer: string, depth: number): string => {
    if (v instanceof JavaDouble) return javaDoubleString(v.value);
    if (typeof v === "number") return marked.has(pointer) && Number.isFinite(v) ? javaDoubleString(v) : JSON.stringify(v);
    if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      const items = v.map((item, i) => `${pad(depth + 1)}${write(item === undefined ? null : item, `${pointer}/${i}`, depth + 1)}`);
      return `[${items.join(",")}${pad(depth)}]`;
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(([, item]) => item !== undefined && typeof item !== "function");
    if (entries.length === 0) return "{}";
    const sep = indent ? ": " : ":";
    const items = entries.map(([k, item]) => `${pad(depth + 1)}${JSON.stringify(k)}${sep}${write(item, `${pointer}/${escapePointer(k)}`, depth + 1)}`);
    return `{${items.join(",")}${pad(depth)}}`;
  };
  return write(value, base, 0);
}
