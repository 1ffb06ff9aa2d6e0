/**
 * zod (v4) drops every "__proto__" key from the records and objects it parses, so a scenario's claim, identity
 * attribute, IDM object, header or mock named "__proto__" would silently vanish; AM keeps such a name as an
 * ordinary map key (engine/README.md "Keys"). The scenario therefore crosses zod with each such key renamed to a
 * stand-in no key of the scenario uses, and gets it back afterwards, in place and in its original order.
 */
import type { z } from "zod";
import { setOwn } from "../util/own-keys";

const PROTO = "__proto__";

/** Every object and array in the value (a flat walk: the value was already checked for depth). */
function objectsIn(value: unknown): object[] {
  const out: object[] = [];
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length) {
    const current = stack.pop();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    out.push(current);
    for (const child of Object.values(current)) stack.push(child);
  }
  return out;
}

/** Renames `from` to `to` among the object's own keys, keeping their order. */
function renameKey(target: object, from: string, to: string): void {
  const record = target as Record<string, unknown>;
  const entries = Object.entries(record);
  for (const [key] of entries) delete record[key];
  for (const [key, value] of entries) setOwn(record, key === from ? to : key, value);
}

/**
 * The value to hand zod: the value itself when it holds no "__proto__" key, else a JSON copy of it (the
 * caller's object is never changed) with each such key renamed to `standIn`.
 */
export function hideProtoKeys(value: unknown): { value: unknown; standIn: string | null } {
  if (!objectsIn(value).some((o) => !Array.isArray(o) && Object.hasOwn(o, PROTO))) return { value, standIn: null };
  // JSON.parse defines "__proto__" as an own key, so the copy keeps it until it is renamed.
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const objects = objectsIn(copy);
  const keys = new Set(objects.flatMap((o) => (Array.isArray(o) ? [] : Object.keys(o))));
  let standIn = `${PROTO}#`;
  for (let n = 1; keys.has(standIn); n++) standIn = `${PROTO}#${n}`;
  for (const holder of objects) if (!Array.isArray(holder) && Object.hasOwn(holder, PROTO)) renameKey(holder, PROTO, standIn);
  return { value: copy, standIn };
}

/** Gives back the "__proto__" keys hideProtoKeys renamed, in a value zod produced (or the input it kept). */
export function restoreProtoKeys(value: unknown, standIn: string): void {
  for (const holder of objectsIn(value)) if (!Array.isArray(holder) && Object.hasOwn(holder, standIn)) renameKey(holder, standIn, PROTO);
}

/** A path element as the scenario file spells it. */
export function scenarioKey<K extends PropertyKey>(key: K, standIn: string | null): K | string {
  return standIn !== null && key === standIn ? PROTO : key;
}

/** A zod schema's safeParse that keeps "__proto__" keys (issue paths still name the stand-in: map them with scenarioKey). */
export function safeParseKeepingProtoKeys<S extends z.ZodType>(schema: S, value: unknown): { parsed: z.ZodSafeParseResult<z.output<S>>; standIn: string | null } {
  const hidden = hideProtoKeys(value);
  const parsed = schema.safeParse(hidden.value);
  if (parsed.success && hidden.standIn !== null) restoreProtoKeys(parsed.data, hidden.standIn);
  return { parsed, standIn: hidden.standIn };
}
