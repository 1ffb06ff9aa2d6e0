/**
 * The maps next-generation bindings hand a script (`clientProperties`, `requestProperties` and the maps inside
 * them), as AM's Rhino shows a Java map with map access enabled.
 *
 * What is DOCUMENTED (Ping's access-token-modification and may-act API pages, AM 8.1 / AIC):
 *  - `map.get(key)`: the next-generation "Set values" example calls `clientProperties.get('customProperties')`,
 *    `customProperties.get('testCustomProp')`, `clientProperties.get('clientId')`, `requestProperties.get('requestUri')`.
 *  - property reads: `requestProperties.requestHeaders["X-Forwarded-For"][0]` ("a map of <String, List<String>>
 *    as a native JavaScript object"); a live-tenant probe read all four request properties as properties.
 *  - values: `requestUri` and `realm` are strings; `requestParams` maps each name to an array of values;
 *    header values are lists indexed with `[0]`; `customProperties` is a map (`customMap[key1]=v` entries nest).
 *  - the maps are read-only.
 *
 * What is INFERRED from Rhino 1.7.14's Java map access (recorded with real Rhino, see test/unit/nextgen-maps.test.ts
 * and test/conformance/nextgen/NextGenProbe.java), not from AM's documentation: the java.util.Map methods
 * `containsKey`, `keySet`, `values`, `entrySet`, `size`, `isEmpty`, `getOrDefault`, and enumeration (`for…in`,
 * `Object.keys`, `JSON.stringify` list the keys in the map's order). It is only an inference: behind AM's
 * next-generation allow-list Rhino refuses to wrap a java.util map at all ("Access to Java class
 * java.util.Collections$UnmodifiableMap is prohibited."), so AM hands scripts its own map wrapper, whose other
 * members are undocumented. A script that relies on one of them runs as Rhino's Java map would, and the result
 * carries one warning ("nextgen-map-inferred") saying so; ordinary `.get()` and property reads stay quiet.
 */
import { GuestError, HiddenJavaException, HostObject, isGuestFunction } from "../../sandbox/host";
import { warn, type RunContext } from "../context";
import type { MemberTable } from "../../bindings/members";
import {
  SCRIPT_COLLECTION_MEMBERS,
  SCRIPT_ITERATOR_MEMBERS,
  SCRIPT_LIST_MEMBERS,
  SCRIPT_MAP_ENTRY_MEMBERS,
  SCRIPT_MAP_MEMBERS,
} from "../../bindings/tables/nextgen";

/** Java's AbstractMap/AbstractCollection rendering, used by toString() and Rhino's messages. */
function javaText(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof HostObject) return value.toString();
  if (Array.isArray(value)) return `[${value.map(javaText).join(", ")}]`;
  if (typeof value === "object") return `{${Object.entries(value).map(([k, v]) => `${k}=${javaText(v)}`).join(", ")}}`;
  return String(value);
}

/** One warning per line and member: JSON.stringify over nested maps would otherwise warn once per map. */
function inferred(ctx: RunContext, label: string, what: string): void {
  const line = ctx.currentLine();
  if (ctx.warnings.some((w) => w.code === "nextgen-map-inferred" && w.line === line && w.message.includes(`: ${what} answers`))) return;
  warn(
    ctx,
    "nextgen-map-inferred",
    `${label}: ${what} answers here as Rhino's Java map access answers it; AM's documentation shows only get(key) and property reads on next-generation maps, so check this on a tenant before relying on it.`,
  );
}

/** A read-only java.util.Map as a next-generation script sees it: `.get(k)`, `map.k`, `map[k]`. */

export class ScriptMap extends HostObject {
  /**
   * A key wins over a method of the same name, as in Rhino's NativeJavaMap (recorded: with a key "get",
   * `map.get` is that value and `map.get("k")` fails "Cannot call property get … It is not a function").
   */
  readonly members: MemberTable;
  override readonly javaClass = "java.util.Collections$UnmodifiableMap";
  private readonly entries: Map<string, unknown>;

  constructor(
    private readonly ctx: RunContext,
    /** How the script reaches this map, for warnings ("clientProperties.customProperties"). */
    readonly label: string,
    entries: Record<string, unknown>,
    /** Wraps nested values (maps inside become ScriptMaps); given by the binding that builds the map. */
    wrap: (value: unknown, label: string) => unknown = (v) => v,
  ) {
    super();
    this.entries = new Map(Object.entries(entries).map(([k, v]) => [k, wrap(v, `${label}.${k}`)]));
    const shadowed = SCRIPT_MAP_MEMBERS.names.filter((m) => this.entries.has(m));
    this.members = shadowed.length ? SCRIPT_MAP_MEMBERS.without(shadowed) : SCRIPT_MAP_MEMBERS;
  }

  get(key: unknown): unknown {
    const value = this.entries.get(String(key));
    return value === undefined ? null : value;
  }
  override guestGet(name: string): unknown {
    return this.entries.get(name);
  }
  override guestSet(name: string): void {
    throw readOnly(this.label, `${this.label}.${name} = …`);
  }
  override guestKeys(): string[] {
    inferred(this.ctx, this.label, "enumerating the keys (for…in, Object.keys, JSON.stringify)");
    return [...this.entries.keys()];
  }
  containsKey(key: unknown): boolean {
    inferred(this.ctx, this.label, "containsKey()");
    return this.entries.has(String(key));
  }
  getOrDefault(key: unknown, fallback: unknown): unknown {
    inferred(this.ctx, this.label, "getOrDefault()");
    return this.entries.has(String(key)) ? this.entries.get(String(key)) : fallback;
  }
  size(): number {
    inferred(this.ctx, this.label, "size()");
    return this.entries.size;
  }
  isEmpty(): boolean {
    inferred(this.ctx, this.label, "isEmpty()");
    return this.entries.size === 0;
  }
  keySet(): ScriptCollection {
    inferred(this.ctx, this.label, "keySet()");
    return new ScriptCollection([...this.entries.keys()]);
  }
  values(): ScriptCollection {
    inferred(this.ctx, this.label, "values()");
    return new ScriptCollection([...this.entries.values()]);
  }
  entrySet(): ScriptCollection {
    inferred(this.ctx, this.label, "entrySet()");
    return new ScriptCollection([...this.entries].map(([k, v]) => new ScriptMapEntry(k, v)));
  }
  put(key: unknown): never {
    throw readOnly(this.label, `${this.label}.put("${String(key)}", …)`);
  }
  remove(key: unknown): never {
    throw readOnly(this.label, `${this.label}.remove("${String(key)}")`);
  }
  /**
   * The entries as plain JSON, for values a script stores in the token.
   * @host storing the value in the token flattens it; scripts cannot call it.
   */
  toPlain(): Record<string, unknown> {
    return Object.fromEntries([...this.entries].map(([k, v]) => [k, plainOf(v)]));
  }
  override toString(): string {
    return `{${[...this.entries].map(([k, v]) => `${k}=${javaText(v)}`).join(", ")}}`;
  }
}

function readOnly(label: string, what: string): GuestError {
  return new GuestError(`${what}: ${label} is read-only (java.lang.UnsupportedOperationException)`, "InternalError", {
    javaExceptionClass: "java.lang.UnsupportedOperationException",
  });
}

/** A key/value pair of `entrySet()` (inferred, as the whole view is). */
export class ScriptMapEntry extends HostObject {
  readonly members = SCRIPT_MAP_ENTRY_MEMBERS;
  override readonly javaClass = "java.util.AbstractMap$SimpleImmutableEntry";
  constructor(
    private readonly key: string,
    private readonly value: unknown,
  ) {
    super();
  }
  getKey(): string {
    return this.key;
  }
  getValue(): unknown {
    return this.value;
  }
  override toString(): string {
    return `${this.key}=${javaText(this.value)}`;
  }
}

/** The read-only Set/Collection views `keySet()`, `values()` and `entrySet()` return. */
export class ScriptCollection extends HostObject {
  readonly members = SCRIPT_COLLECTION_MEMBERS;
  override readonly javaClass = "java.util.Collections$UnmodifiableSet";
  constructor(private readonly items: unknown[]) {
    super();
  }
  size(): number {
    return this.items.length;
  }
  isEmpty(): boolean {
    return this.items.length === 0;
  }
  contains(value: unknown): boolean {
    return this.items.includes(value);
  }
  toArray(): unknown[] {
    return [...this.items];
  }
  iterator(): ScriptIterator {
    return new ScriptIterator(this.items);
  }
  forEach(fn: unknown): void {
    if (!isGuestFunction(fn)) throw new GuestError("forEach expects a function", "TypeError");
    for (const item of this.items) fn.call(item);
  }
  /**
   * @host storing the value in the token flattens it; scripts cannot call it.
   */
  toPlain(): unknown[] {
    return this.items.map(plainOf);
  }
  override toString(): string {
    return `[${this.items.map(javaText).join(", ")}]`;
  }
}

/**
 * A read-only java.util.List as Rhino's Java list access shows it, for request parameter and header values when
 * the scenario says AM hands them over as lists (`request.valuesType: "java.util.List"`). Recorded in Rhino
 * 1.7.14: `l[0]`, `l.length`, `l.get(1)`, `l.size()`, `l.indexOf(v)`, `l.contains(v)`, for…in gives the indices,
 * JSON.stringify gives an array, String(l) is "[a, b]", `Array.isArray(l)` is false and there is no `l.join`/`l.map`
 * (Array.prototype.join.call(l) and Array.from(l) work).
 */
export class ScriptList extends HostObject {
  readonly members = SCRIPT_LIST_MEMBERS;
  override readonly javaClass = "java.util.Collections$UnmodifiableRandomAccessList";
  constructor(
    private readonly items: unknown[],
    private readonly label: string,
  ) {
    super();
  }
  get(index: unknown): unknown {
    const i = Number(index);
    if (!Number.isInteger(i) || i < 0 || i >= this.items.length) {
      throw new HiddenJavaException(`java.lang.IndexOutOfBoundsException: Index ${String(index)} out of bounds for length ${this.items.length}`);
    }
    return this.items[i];
  }
  override guestGet(name: string): unknown {
    if (name === "length") return this.items.length;
    return /^\d+$/.test(name) ? this.items[Number(name)] : undefined;
  }
  override guestSet(name: string): void {
    throw readOnly(this.label, `${this.label}[${name}] = …`);
  }
  override guestKeys(): string[] {
    return this.items.map((_, i) => String(i));
  }
  size(): number {
    return this.items.length;
  }
  isEmpty(): boolean {
    return this.items.length === 0;
  }
  contains(value: unknown): boolean {
    return this.items.includes(value);
  }
  indexOf(value: unknown): number {
    return this.items.indexOf(value);
  }
  lastIndexOf(value: unknown): number {
    return this.items.lastIndexOf(value);
  }
  toArray(): unknown[] {
    return [...this.items];
  }
  iterator(): ScriptIterator {
    return new ScriptIterator(this.items);
  }
  toJSON(): unknown[] {
    return this.toPlain();
  }
  /**
   * @host storing the value in the token flattens it; scripts cannot call it.
   */
  toPlain(): unknown[] {
    return this.items.map(plainOf);
  }
  override toString(): string {
    return `[${this.items.map(javaText).join(", ")}]`;
  }
}

class ScriptIterator extends HostObject {
  readonly members = SCRIPT_ITERATOR_MEMBERS;
  override readonly javaClass = "java.util.Collections$UnmodifiableCollection$1";
  private at = 0;
  constructor(private readonly items: unknown[]) {
    super();
  }
  hasNext(): boolean {
    return this.at < this.items.length;
  }
  next(): unknown {
    if (this.at >= this.items.length) throw new HiddenJavaException("java.util.NoSuchElementException");
    return this.items[this.at++];
  }
}

/** A map value as plain JSON (nested maps and views unwrapped). */
export function plainOf(value: unknown): unknown {
  if (value instanceof ScriptMap || value instanceof ScriptCollection || value instanceof ScriptList) return value.toPlain();
  if (value instanceof ScriptMapEntry) return { [value.getKey()]: plainOf(value.getValue()) };
  if (Array.isArray(value)) return value.map(plainOf);
  return value;
}
