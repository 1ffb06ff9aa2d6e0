/**
 * Java arrays (String[] from split, Object[] from toArray, byte[], char[]) as Rhino's NativeJavaArray shows them.
 */
import { GuestError, isGuestFunction } from "../../sandbox/host";
import { arrayIndexOutOfBounds, classProhibited } from "./java-exceptions";
import { callGuest, chargeHost, identityHash } from "./java-runtime";
import { SLOT_BYTES } from "../host-budget";
import { JAVA_ARRAY_MEMBERS } from "../../bindings/tables/java";
import { JavaObject, renderJava } from "./java-object";
import { javaIn } from "./java-in";

/**
 * A Java array (`String[]` from split, `Object[]` from toArray, `byte[]`…) as Rhino's NativeJavaArray: not a JS
 * array (`Array.isArray` false) but with `length`, indices, for…in over its indices, and the Array.prototype
 * methods Rhino lets through. Elements stay Java values, so `indexOf("b")` is -1 on a String[] as in Rhino.
 */
export class JavaArray extends JavaObject {
  /** @host toStored flattens the elements; scripts cannot call it. */
  override storedContents(): unknown[] {
    return this.items;
  }
  /** Shared by every instance: the run may hold hundreds of thousands of these (../host-budget.ts). */
  readonly members = JAVA_ARRAY_MEMBERS;
  private readonly hash = identityHash();

  constructor(
    /** The JVM's name for the array class: "[Ljava.lang.String;", "[Ljava.lang.Object;", "[B", "[C". */
    override readonly javaClass: string,
    readonly items: unknown[],
  ) {
    super();
    chargeHost(items.length * SLOT_BYTES);
  }

  override guestGet(name: string): unknown {
    if (name === "length") return this.items.length;
    if (/^\d+$/.test(name)) return this.items[Number(name)];
    return undefined;
  }
  /** Stores convert like a Java array store (a JS string becomes a java.lang.String); no growing. */
  override guestSet(name: string, value: unknown): void {
    if (!/^\d+$/.test(name)) return;
    const index = Number(name);
    if (index >= this.items.length) throw arrayIndexOutOfBounds(index, this.items.length);
    this.items[index] = this.javaClass.startsWith("[L") ? javaIn(value) : value;
  }
  override guestKeys(): string[] {
    return this.items.map((_, i) => String(i));
  }
  /** Object.toString of an array: its JVM class name and identity hash. */
  override toString(): string {
    return `${this.javaClass}@${this.hash}`;
  }
  toJSON(): unknown[] {
    return [...this.items];
  }
  getClass(): never {
    throw classProhibited();
  }
  /** A java.lang.String separator reads as its text: its toString() (java-string.ts), which String() calls. */
  join(separator?: unknown): string {
    return this.items.map((v) => (v === null || v === undefined ? "" : renderJava(v))).join(separator === undefined ? "," : String(separator));
  }
  slice(start?: unknown, end?: unknown): unknown[] {
    return this.items.slice(start === undefined ? undefined : Number(start), end === undefined ? undefined : Number(end));
  }
  indexOf(value: unknown): number {
    return this.items.indexOf(value);
  }
  lastIndexOf(value: unknown): number {
    return this.items.lastIndexOf(value);
  }
  includes(value: unknown): boolean {
    return this.items.includes(value);
  }
  private callback(fn: unknown): (item: unknown, index: number) => unknown {
    if (!isGuestFunction(fn)) throw new GuestError(`${renderJava(fn)} is not a function`, "TypeError");
    return (item, index) => callGuest(fn, item, index, this);
  }
  forEach(fn: unknown): void {
    const f = this.callback(fn);
    this.items.forEach((item, i) => f(item, i));
  }
  map(fn: unknown): unknown[] {
    const f = this.callback(fn);
    return this.items.map((item, i) => f(item, i));
  }
  filter(fn: unknown): unknown[] {
    const f = this.callback(fn);
    return this.items.filter((item, i) => Boolean(f(item, i)));
  }
  some(fn: unknown): boolean {
    const f = this.callback(fn);
    return this.items.some((item, i) => Boolean(f(item, i)));
  }
  every(fn: unknown): boolean {
    const f = this.callback(fn);
    return this.items.every((item, i) => Boolean(f(item, i)));
  }
  reduce(fn: unknown, ...initial: unknown[]): unknown {
    if (!isGuestFunction(fn)) throw new GuestError(`${renderJava(fn)} is not a function`, "TypeError");
    const items = [...this.items];
    let acc = initial.length ? initial[0] : items.shift();
    items.forEach((item, i) => {
      acc = callGuest(fn, acc, item, i + (initial.length ? 0 : 1), this);
    });
    return acc;
  }
  /** Array.prototype.concat on a non-array `this` keeps it as one element, as in Rhino. */
  concat(...values: unknown[]): unknown[] {
    return [this, ...values.flatMap((v) => (Array.isArray(v) ? v : [v]))];
  }
  /** A Java array cannot grow: push writes past the end and fails like any out-of-bounds store. */
  push(): never {
    throw arrayIndexOutOfBounds(this.items.length, this.items.length);
  }
}
