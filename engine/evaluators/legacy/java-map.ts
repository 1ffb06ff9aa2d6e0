/**
 * java.util maps as a legacy script meets them: Java's methods, and `map[key]` / `map.key` as Rhino's
 * NativeJavaMap answers them; entries kept in the map's own iteration order (hash-order.ts).
 */
import { GuestError, convertsItself, isGuestFunction } from "../../sandbox/host";
import { classProhibited, javaException, uncatchableUnsupportedOperation } from "./java-exceptions";
import { chargeHost } from "./java-runtime";
import { ENTRY_BYTES, stringBytes } from "../host-budget";
import { mapViewClass, requireVisible, type MapView } from "./java-views";
import { JAVA_MAP_ENTRY_MEMBERS, JAVA_MAP_MEMBERS } from "../../bindings/tables/java";
import { capacityFor, copyCapacity, orderAll, type OrderKeys } from "./hash-order";
import { JavaObject, renderJava } from "./java-object";
import { JavaString, str } from "./java-string";
import { javaIn } from "./java-in";
import { callJavaCallback, javaEquals } from "./java-unboxed";
import { JavaCollection, type GapSink } from "./java-collection";
import { currentJavaWorld } from "./java-world";

/**
 * The entries of a HashMap or TreeMap: kept in insertion order while the script adds keys, and brought into
 * the map's iteration order when anything iterates them (a put stays cheap for a script filling a large map).
 */
class OrderedEntries extends Map<string, unknown> {
  /** Set by the owning JavaMap; brings the entries into order if keys were added since the last time. */
  settle: (() => void) | null = null;
  override [Symbol.iterator](): MapIterator<[string, unknown]> {
    this.settle?.();
    return super[Symbol.iterator]();
  }
  override entries(): MapIterator<[string, unknown]> {
    this.settle?.();
    return super.entries();
  }
  override keys(): MapIterator<string> {
    this.settle?.();
    return super.keys();
  }
  override values(): MapIterator<unknown> {
    this.settle?.();
    return super.values();
  }
  override forEach(callback: (value: unknown, key: string, map: Map<string, unknown>) => void, thisArg?: unknown): void {
    this.settle?.();
    super.forEach(callback, thisArg);
  }
}

/**
 * The text a key is held by (this model keys a map by text). A script object is Java's Object key, whose
 * hashCode and equals never run the script's code (`m.get({ toString: function () { throw … } })` is null in
 * Rhino 1.7.14, no error), so it is keyed as Java's toString of a NativeObject shows it.
 */
function keyText(key: unknown): string {
  return convertsItself(key) ? "[object Object]" : str(key);
}

/** java.util.Map; answers `map[key]` and `map.key` like Rhino's NativeJavaMap. */
export class JavaMap extends JavaObject {
  /** @host toStored flattens the entries; scripts cannot call it. */
  override storedContents(): Map<string, unknown> {
    return this.entries;
  }
  /** Shared by every instance: the run may hold hundreds of thousands of these (../host-budget.ts). */
  readonly members = JAVA_MAP_MEMBERS;
  sink?: GapSink;
  override readonly javaClass: string;

  /** How a HashMap (bucket order) or TreeMap (sorted) orders its keys; null for insertion-ordered maps. */
  private readonly order: OrderKeys | null;

  readonly entries: Map<string, unknown>;
  /** Keys added since the entries were last put in order. */
  private unsettled = false;

  /** `hashed`: the map is (or wraps) a java.util.HashMap, so it iterates in hash order. */
  constructor(
    javaClass: string,
    entries: Map<string, unknown>,
    private readonly readOnly: boolean,
    hashed = javaClass === "java.util.HashMap",
  ) {
    super();
    for (const key of entries.keys()) chargeHost(ENTRY_BYTES + stringBytes(key.length));
    this.javaClass = javaClass;
    this.order = hashed
      ? { kind: "hash", capacity: capacityFor(entries.size), keys: null }
      : javaClass === "java.util.TreeMap"
        ? { kind: "tree", keys: null }
        : null;
    if (this.order) {
      const owned = new OrderedEntries(entries);
      owned.settle = () => this.settle();
      this.entries = owned;
      // Ordered when first iterated: most scripts only read AM's maps by key.
      this.unsettled = entries.size > 1;
    } else {
      this.entries = entries;
    }
  }

  private settle(): void {
    if (!this.unsettled) return;
    this.unsettled = false;
    this.reorder();
  }

  /**
   * `new HashMap(map)` sizes its table for the source up front.
   * @host `new HashSet(c)` / `new HashMap(m)` size the copy; scripts cannot call it.
   */
  presize(size: number): void {
    if (this.order?.kind === "hash") this.order.capacity = Math.max(this.order.capacity, copyCapacity(size));
  }

  /** Puts all entries in the map's iteration order, in place (unmodifiable views share them). */
  private reorder(): void {
    if (!this.order) return;
    const entries = this.entries as OrderedEntries;
    const settle = entries.settle;
    entries.settle = null;
    const ordered = orderAll([...entries], ([key]) => key, this.order, String);
    entries.clear();
    for (const [k, v] of ordered) entries.set(k, v);
    entries.settle = settle;
  }

  private mutate(): void {
    if (this.readOnly) throw javaException("java.lang.UnsupportedOperationException");
  }

  override guestGet(name: string): unknown {
    return this.entries.has(name) ? this.entries.get(name) : undefined;
  }
  /**
   * `map.key = value`: Rhino's NativeJavaMap calls put() directly, so on an unmodifiable map the raw
   * UnsupportedOperationException passes every catch block (finally blocks run) and fails the script.
   */
  override guestSet(name: string, value: unknown): void {
    if (this.readOnly) {
      throw uncatchableUnsupportedOperation();
    }
    this.put(name, value);
  }
  getClass(): never {
    throw classProhibited();
  }
  override guestKeys(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * A TreeMap orders its keys by compareTo, so a null key fails as in JDK 17: put into an empty map compares
   * the key with itself ("k1" is null); every other lookup or put first calls Objects.requireNonNull(key), an NPE
   * with no message (probes null.treemap-*).
   */
  private requireSortableKey(key: unknown, putting = false): void {
    if (key !== null || this.javaClass !== "java.util.TreeMap") return;
    throw javaException("java.lang.NullPointerException", putting && this.entries.size === 0 ? 'Cannot invoke "java.lang.Comparable.compareTo(Object)" because "k1" is null' : null);
  }
  get(key: unknown): unknown {
    this.requireSortableKey(key);
    const k = keyText(key);
    return this.entries.has(k) ? this.entries.get(k) : null;
  }
  getOrDefault(key: unknown, fallback: unknown): unknown {
    this.requireSortableKey(key);
    const k = keyText(key);
    return this.entries.has(k) ? this.entries.get(k) : javaIn(fallback);
  }
  put(key: unknown, value: unknown): unknown {
    this.mutate();
    this.requireSortableKey(key, true);
    if (typeof key === "number" || typeof key === "boolean") {
      // The playground keys its maps by text; Rhino hands Java a JS number as a java.lang.Double (a boolean as a
      // java.lang.Boolean), a key of its own class (probe coll.hashmap-number-*).
      currentJavaWorld().warn(
        "java-map-non-string-key",
        `${this.javaClass}.put(${String(key)}, …): in AM the key is a java.lang.${typeof key === "number" ? "Double (printed 1.0, ordered by Double.hashCode" : "Boolean (ordered by Boolean.hashCode"}), and get(${JSON.stringify(String(key))}) does not find it; the playground keys maps by text. Use string keys, e.g. String(${String(key)}).`,
      );
    }
    const k = keyText(key);
    const isNew = !this.entries.has(k);
    if (isNew) chargeHost(ENTRY_BYTES + stringBytes(k.length));
    const old = this.entries.get(k) ?? null;
    this.entries.set(k, javaIn(value));
    // A new key takes its place in the iteration order when the map is next iterated; a replaced value keeps
    // the key where it was.
    if (isNew && this.order) this.unsettled = true;
    return old;
  }
  putAll(other: unknown): void {
    this.mutate();
    const pairs = other instanceof JavaMap ? [...other.entries] : other && typeof other === "object" ? Object.entries(other) : [];
    for (const [k, v] of pairs) {
      if (!this.entries.has(k)) chargeHost(ENTRY_BYTES + stringBytes(k.length));
      this.entries.set(k, v);
    }
    if (this.order) this.unsettled = true;
  }
  /** remove(key) gives the old value; remove(key, value) removes only a key mapped to that value. */
  remove(key: unknown, ...value: unknown[]): unknown {
    this.mutate();
    this.requireSortableKey(key);
    const k = keyText(key);
    if (value.length) {
      if (!this.entries.has(k) || !javaEquals(this.entries.get(k), javaIn(value[0]))) return false;
      this.entries.delete(k);
      return true;
    }
    const old = this.entries.get(k) ?? null;
    this.entries.delete(k);
    return old;
  }
  containsKey(key: unknown): boolean {
    this.requireSortableKey(key);
    return this.entries.has(keyText(key));
  }
  /** Map.forEach(BiConsumer): Rhino makes the script's function the BiConsumer, called with (key, value). */
  forEach(fn: unknown): void {
    if (!isGuestFunction(fn)) throw new GuestError(`Can't find method ${this.javaClass}.forEach(${typeof fn}).`, "InternalError");
    for (const [k, v] of [...this.entries]) callJavaCallback(fn, k, v);
  }
  containsValue(value: unknown): boolean {
    const wanted = javaIn(value);
    return [...this.entries.values()].some((v) => javaEquals(v, wanted));
  }
  /** A view's class decides whether AM lets the script have it (java-views.ts). */
  private view(view: MapView, items: unknown[]): JavaCollection {
    const javaClass = mapViewClass(this.javaClass, view);
    requireVisible(javaClass);
    return new JavaCollection(javaClass, items, true);
  }
  keySet(): JavaCollection {
    return this.view("keySet", [...this.entries.keys()].map((k) => new JavaString(k)));
  }
  values(): JavaCollection {
    return this.view("values", [...this.entries.values()]);
  }
  entrySet(): JavaCollection {
    return this.view("entrySet", [...this.entries].map(([k, v]) => new JavaMapEntry(k, v)));
  }
  size(): number {
    return this.entries.size;
  }
  isEmpty(): boolean {
    return this.entries.size === 0;
  }
  /** Rhino's JSON.stringify writes a java.util.Map as a JSON object of its entries. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.entries);
  }
  override toString(): string {
    return `{${[...this.entries].map(([k, v]) => `${k}=${renderJava(v)}`).join(", ")}}`;
  }
}

export class JavaMapEntry extends JavaObject {
  /** Shared by every instance: the run may hold hundreds of thousands of these (../host-budget.ts). */
  readonly members = JAVA_MAP_ENTRY_MEMBERS;
  override readonly javaClass = "java.util.LinkedHashMap$Entry";
  constructor(
    private readonly key: string,
    private readonly value: unknown,
  ) {
    super();
  }
  getKey(): JavaString {
    return new JavaString(this.key);
  }
  getValue(): unknown {
    return this.value;
  }
  override toString(): string {
    return `${this.key}=${renderJava(this.value)}`;
  }
}
