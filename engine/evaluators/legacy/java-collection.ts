/**
 * java.util collections as a legacy script meets them (List, Set in its Java iteration order, their iterators),
 * with the Java methods AM's scripts call; a member the playground does not emulate says so when called.
 */
import { GuestError, HostObject, isGuestFunction } from "../../sandbox/host";
import { classProhibited, javaException, javaMemberMissing, uncatchableUnsupportedOperation } from "./java-exceptions";
import { chargeHost } from "./java-runtime";
import { SLOT_BYTES } from "../host-budget";
import { iteratorClass, requireVisible } from "./java-views";
import { collectionKind, type CollectionKind } from "./collection-kinds";
import { NO_MEMBERS, type MemberTable } from "../../bindings/members";
import { JAVA_ITERATOR_MEMBERS, JAVA_LIST_MEMBERS, JAVA_SET_MEMBERS } from "../../bindings/tables/java";
import { capacityFor, copyCapacity, orderAll, placeAppended, tableSizeFor, type OrderKeys } from "./hash-order";
import { JavaObject, renderJava } from "./java-object";
import { str } from "./java-string";
import { JavaArray } from "./java-array";
import { javaIn } from "./java-in";
import { callJavaCallback, javaEquals } from "./java-unboxed";
import { toStored } from "./java-stored";

/**
 * What for…in over a java.util.HashSet lists in Rhino 1.7.14 on Java 17: the Java members (methods and bean
 * properties), in Rhino's order, recorded by test/conformance/legacy (probe set.for-in-all).
 */
const HASH_SET_MEMBERS: readonly string[] = (
  "getClass,wait,notifyAll,notify,remove,empty,iterator,removeAll,stream,hashCode,toArray,parallelStream,class,add," +
  "spliterator,forEach,containsAll,clear,isEmpty,removeIf,contains,size,addAll,equals,clone,toString,retainAll"
).split(",");

/** java.util.Set / List implementations (HashSet, LinkedHashSet, ArrayList, ...). */
export class JavaCollection extends JavaObject {
  /** @host toStored flattens the items; scripts cannot call it. */
  override storedContents(): unknown[] {
    return this.items;
  }
  /** Shared by every instance of a kind: the run may hold hundreds of thousands of these (../host-budget.ts). */
  readonly members: MemberTable;
  /** A Set (no indices, no duplicates) or a List, as collection-kinds.ts names the class. */
  readonly kind: CollectionKind;
  /** Where this collection reports playground limitations a script runs into (when a binding handed it out). */
  sink?: GapSink;
  override readonly javaClass: string;

  /** How a HashSet (bucket order) or TreeSet (sorted) orders its items; null for insertion-ordered ones. */
  private readonly order: OrderKeys | null;

  constructor(
    javaClass: string,
    readonly items: unknown[],
    private readonly readOnly = false,
    /** A HashSet made with `new HashSet(n)`: its table starts at n's power of two, not 16. */
    initialCapacity?: number,
  ) {
    super();
    chargeHost(items.length * SLOT_BYTES);
    this.javaClass = javaClass;
    this.kind = collectionKind(javaClass);
    this.members = this.kind === "set" ? JAVA_SET_MEMBERS : JAVA_LIST_MEMBERS;
    this.order =
      javaClass === "java.util.HashSet"
        ? { kind: "hash", capacity: capacityFor(items.length, initialCapacity === undefined ? undefined : tableSizeFor(initialCapacity)), keys: null }
        : javaClass === "java.util.TreeSet"
          ? { kind: "tree", keys: null }
          : null;
    this.reorder();
  }

  /**
   * `new HashSet(collection)` sizes its table for the source up front.
   * @host `new HashSet(c)` / `new HashMap(m)` size the copy; scripts cannot call it.
   */
  presize(size: number): void {
    if (this.order?.kind === "hash") this.order.capacity = Math.max(this.order.capacity, copyCapacity(size));
  }

  /** Puts all items in Java's iteration order, in place (unmodifiable views share the array). */
  private reorder(): void {
    if (!this.order) return;
    const ordered = orderAll(this.items, (item) => item, this.order, str);
    this.items.splice(0, this.items.length, ...ordered);
  }

  /** Moves the item just pushed to its place in Java's iteration order. */
  private placeLast(): void {
    if (!this.order) return;
    const at = placeAppended(this.items[this.items.length - 1], this.items.length, this.order, str);
    if (at === null) return this.reorder();
    if (at < this.items.length - 1) this.items.splice(at, 0, this.items.pop());
  }

  private get isSet(): boolean {
    return this.kind === "set";
  }

  /** Rhino wraps a java.util.List as NativeJavaList (`list[i]`, `list.length`); other collections have no indices. */
  override guestGet(name: string): unknown {
    if (this.javaClass === "java.util.HashSet" && HASH_SET_MEMBERS.includes(name)) {
      // Members that for…in lists but the playground does not emulate still read as Rhino's (a method, a bean property).
      if (name === "empty") return this.isEmpty();
      return new UnemulatedJavaMember(this.javaClass, name);
    }
    if (/^\d+$/.test(name)) {
      if (this.isSet) throw javaMemberMissing(this.javaClass, name);
      const i = Number(name);
      return i < this.items.length ? this.items[i] : undefined;
    }
    if (name === "length" && !this.isSet) return this.items.length;
    return undefined;
  }
  /**
   * Rhino's NativeJavaList: `list[i] = v` sets (past the end it grows the list with nulls) and `list.length = n`
   * resizes; it calls the list directly, so an unmodifiable list's exception passes catch blocks as the map's does.
   * Anything else has no such Java member.
   */
  override guestSet(name: string, value: unknown): void {
    const index = /^\d+$/.test(name) ? Number(name) : name === "length" ? -1 : null;
    if (this.isSet || index === null) throw javaMemberMissing(this.javaClass, name);
    if (this.readOnly) {
      throw uncatchableUnsupportedOperation();
    }
    if (index === -1) {
      const size = Math.max(0, Math.trunc(Number(toStored(value))));
      this.grow(size);
      this.items.length = size;
      return;
    }
    this.grow(index + 1);
    this.items[index] = javaIn(value);
  }
  override guestKeys(): string[] {
    if (this.isSet) {
      const members = this.javaClass === "java.util.HashSet" ? HASH_SET_MEMBERS : [];
      this.sink?.(
        "java-set-for-in",
        members.length
          ? `for…in over a ${this.javaClass} lists its ${members.length} Java member names in Rhino (getClass, wait, …, size), not its elements, and so does the playground. Iterate with iterator() or toArray().`
          : `for…in over a ${this.javaClass} lists its Java member names in Rhino (size, contains, toArray, …), not its elements; the playground lists nothing. Iterate with iterator() or toArray().`,
      );
      return [...members];
    }
    return this.items.map((_, i) => String(i));
  }
  /** Pads the list with nulls up to `size` elements, charging the new slots before any is made. */
  private grow(size: number): void {
    const added = size - this.items.length;
    if (added <= 0) return;
    chargeHost(added * SLOT_BYTES);
    while (this.items.length < size) this.items.push(null);
  }
  getClass(): never {
    throw classProhibited();
  }
  /** Rhino's JSON.stringify writes Java collections as JSON arrays. */
  toJSON(): unknown[] {
    return [...this.items];
  }

  private mutate(): void {
    if (this.readOnly) throw javaException("java.lang.UnsupportedOperationException");
  }

  size(): number {
    return this.items.length;
  }
  isEmpty(): boolean {
    return this.items.length === 0;
  }
  contains(value: unknown): boolean {
    // The argument is an Object parameter too: Rhino hands undefined over as "undefined" (javaIn).
    const wanted = javaIn(value);
    return this.items.some((i) => javaEquals(i, wanted));
  }
  containsAll(other: unknown): boolean {
    const list = other instanceof JavaCollection ? other.items : Array.isArray(other) ? other : [];
    return list.every((v) => this.contains(v));
  }
  iterator(): JavaIterator {
    const javaClass = iteratorClass(this.javaClass);
    requireVisible(javaClass);
    return new JavaIterator([...this.items], javaClass);
  }
  /** Object[]: a Java array, not a JS array (Array.isArray is false in Rhino). */
  toArray(): JavaArray {
    return new JavaArray("[Ljava.lang.Object;", [...this.items]);
  }
  add(a: unknown, b?: unknown): boolean {
    this.mutate();
    if (b !== undefined && !this.isSet) {
      const at = Number(a);
      if (!Number.isInteger(at) || at < 0 || at > this.items.length) {
        throw javaException("java.lang.IndexOutOfBoundsException", `Index: ${at}, Size: ${this.items.length}`);
      }
      chargeHost(SLOT_BYTES);
      this.items.splice(Number(a), 0, javaIn(b));
      return true;
    }
    if (this.isSet && this.contains(a)) return false;
    chargeHost(SLOT_BYTES);
    this.items.push(javaIn(a));
    this.placeLast();
    return true;
  }
  /** addAll(c), or on a List addAll(index, c): c's items inserted at index, in c's order. */
  addAll(a: unknown, b?: unknown): boolean {
    const source = b === undefined ? a : b;
    const list = source instanceof JavaCollection ? source.items : Array.isArray(source) ? source : [];
    if (b !== undefined && !this.isSet) {
      let at = Number(a);
      for (const v of [...list]) this.add(at++, v);
      return list.length > 0;
    }
    let changed = false;
    for (const v of list) changed = this.add(v) || changed;
    return changed;
  }
  remove(value: unknown): unknown {
    this.mutate();
    if (!this.isSet && typeof value === "number") return this.items.splice(value, 1)[0];
    const wanted = javaIn(value);
    const index = this.items.findIndex((i) => javaEquals(i, wanted));
    if (index < 0) return false;
    this.items.splice(index, 1);
    if (this.order?.keys?.length === this.items.length + 1) this.order.keys.splice(index, 1);
    return true;
  }
  clear(): void {
    this.mutate();
    this.items.length = 0;
    if (this.order) this.order.keys = [];
  }
  get(index: unknown): unknown {
    const i = Number(index);
    if (this.isSet) throw new GuestError(`Can't find method ${this.javaClass}.get(number).`, "TypeError");
    if (i < 0 || i >= this.items.length) {
      throw javaException("java.lang.IndexOutOfBoundsException", `Index ${i} out of bounds for length ${this.items.length}`);
    }
    return this.items[i];
  }
  /** List.set: only an existing index (a sparse host array of 2e9 slots would take the host down). */
  set(index: unknown, value: unknown): unknown {
    this.mutate();
    const i = Number(index);
    if (!Number.isInteger(i) || i < 0 || i >= this.items.length) {
      throw javaException("java.lang.IndexOutOfBoundsException", `Index ${i} out of bounds for length ${this.items.length}`);
    }
    const old = this.items[i];
    this.items[i] = javaIn(value);
    return old;
  }
  indexOf(value: unknown): number {
    const wanted = javaIn(value);
    return this.items.findIndex((i) => javaEquals(i, wanted));
  }
  override toString(): string {
    return `[${this.items.map(renderJava).join(", ")}]`;
  }
  equals(other: unknown): boolean {
    return other instanceof JavaCollection && other.items.length === this.items.length && this.containsAll(other);
  }
  hashCode(): number {
    return this.items.length;
  }
  stream(): never {
    throw new GuestError(`Access to Java class "java.util.stream.ReferencePipeline$Head" is prohibited.`, "JavaException");
  }
  forEach(fn: unknown): void {
    if (!isGuestFunction(fn)) throw new GuestError("forEach expects a function", "TypeError");
    for (const item of [...this.items]) callJavaCallback(fn, item);
  }
}

/** A Java member Rhino would reach but the playground does not emulate: calling it says so. */
class UnemulatedJavaMember extends HostObject {
  readonly members = NO_MEMBERS;
  constructor(
    private readonly owner: string,
    private readonly member: string,
  ) {
    super();
  }
  override guestConstruct(): never {
    throw new GuestError(`${this.owner}.${this.member} is not emulated by the playground.`, "InternalError");
  }
  override toString(): string {
    return `[JavaMethod ${this.owner}.${this.member}]`;
  }
}

/** Reports a playground limitation into the run's warnings (set on objects the bindings hand out). */
export type GapSink = (code: string, message: string) => void;

export class JavaIterator extends JavaObject {
  /** Shared by every instance: the run may hold hundreds of thousands of these (../host-budget.ts). */
  readonly members = JAVA_ITERATOR_MEMBERS;
  private index = 0;
  constructor(
    private readonly items: unknown[],
    override readonly javaClass = "java.util.HashMap$KeyIterator",
  ) {
    super();
  }
  hasNext(): boolean {
    return this.index < this.items.length;
  }
  getClass(): never {
    throw classProhibited();
  }
  next(): unknown {
    if (this.index >= this.items.length) throw new GuestError("java.util.NoSuchElementException", "JavaException");
    return this.items[this.index++];
  }
}
