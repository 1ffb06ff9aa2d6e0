/**
 * Java values as legacy (Rhino) scripts meet them: java.lang.String objects (typeof "object", `===` a JS
 * string is false, `.length` is a method), java.util collections with their Java methods, and maps that also
 * answer property-style access. Values convert back to plain JSON when stored in the token.
 */
import { JavaDouble, javaDoubleString } from "../../token/values";
export { javaDoubleString };
import { GuestError, GuestReference, HostObject, isGuestFunction, type GuestFunction } from "../../sandbox/host";
import { nativeValueText } from "./native-values";
import { rhinoArgType } from "../rhino-arg-type";
import { arrayIndexOutOfBounds, classProhibited, javaException, javaMemberMissing, uncatchableUnsupportedOperation } from "./java-exceptions";
import { callGuest, chargeHost, identityHash, requireHost } from "./java-runtime";
import { expandJavaReplacement, parseJavaReplacement } from "./java-replacement";
// Re-exported: bindings, classes and products take them from here, with the Java values.
export { callGuest, chargeHost, identityHash, javaException, requireHost };
import { javaMethodOwner, javaMethodSource } from "./java-signatures";
import { ENTRY_BYTES, OBJECT_BYTES, SLOT_BYTES, stringBytes } from "./java-budget";
import { iteratorClass, mapViewClass, requireVisible, type MapView } from "./java-views";
import { collectionKind, type CollectionKind } from "./collection-kinds";
import { NO_MEMBERS, type MemberTable } from "../../bindings/members";
import {
  JAVA_ARRAY_MEMBERS,
  JAVA_BOOLEAN_MEMBERS,
  JAVA_ITERATOR_MEMBERS,
  JAVA_LIST_MEMBERS,
  JAVA_MAP_ENTRY_MEMBERS,
  JAVA_MAP_MEMBERS,
  JAVA_NUMBER_MEMBERS,
  JAVA_SET_MEMBERS,
  JAVA_STRING_MEMBERS,
} from "../../bindings/tables/java";
import { capacityFor, copyCapacity, doubleHashCode, orderAll, placeAppended, tableSizeFor, type OrderKeys } from "./hash-order";

/**
 * Guest names served by differently named host methods: in Rhino `x.toString()` is a Java method call and gives
 * the script a java.lang.String object, while the host keeps JavaScript's toString for its own rendering.
 * `valueOf` gives the guest's ToPrimitive a JS primitive (String(x), `x + ""`, `x == "…"`), as Rhino's
 * getDefaultValue does, since toString now answers with an object.
 */
const JAVA_ALIASES = aliases({ toString: "javaToString", valueOf: "javaValueOf" });

/** Null-prototype, so a guest name such as "constructor" never resolves to an inherited Object.prototype member. */
function aliases(map: Record<string, string>): Readonly<Record<string, string>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, string>, map));
}

/**
 * A Java object as a Rhino script sees it; subclasses list "toString" (a Java method giving a java.lang.String)
 * and "#primitive" among their guest methods. "#primitive" is how the guest converts the object (String(x),
 * `x + ""`, template literals, `x == "…"`, `x * 1`): as Rhino converts a Java object, through its Java
 * toString() — a number hint reads that text as a number, so most objects give NaN. It is the guest's
 * Symbol.toPrimitive, so no `valueOf` member shows (Rhino's Java objects have none).
 */
export abstract class JavaObject extends HostObject {
  override readonly guestAliases = JAVA_ALIASES;
  constructor() {
    super();
    // The sandbox keeps every host object the script is handed until the run ends (java-budget.ts).
    chargeHost(OBJECT_BYTES);
  }
  javaToString(): JavaString {
    return new JavaString(String(this.toString()));
  }
  javaValueOf(): unknown {
    return String(this.toString());
  }
  guestPrimitive(_hint?: unknown): unknown {
    return String(this.toString());
  }
  /** Rhino's refusal of a call no overload of the Java method takes. */
  override guestNoSuchOverload(name: string, args: unknown[]): GuestError {
    return new GuestError(`Can't find method ${javaMethodOwner(this.javaClass, name)}.${name}(${args.map(rhinoArgType).join(",")}).`, "InternalError");
  }
  /** A method read as a value shows as Rhino shows a Java method (java-signatures.ts). */
  override guestMethodSource(name: string): string | null {
    return javaMethodSource(this.javaClass, name);
  }
  private ownHash: string | null = null;
  /** Object.toString(): the class name and an identity hash, as for a Java class that does not override it. */
  override toString(): string {
    return `${this.javaClass}@${(this.ownHash ??= identityHash())}`;
  }
}




/**
 * A script function Java calls through an interface Rhino made of it (Consumer, BiConsumer, Comparator): Rhino
 * hands it Java Strings, Numbers and Booleans as JavaScript values (probe cb.map-forEach: `typeof key` is
 * "string"), other Java objects as they are.
 */
export function callJavaCallback(fn: GuestFunction, ...args: unknown[]): unknown {
  return callGuest(fn, ...args.map(javaToJs));
}

function javaToJs(value: unknown): unknown {
  if (value instanceof JavaString || value instanceof JavaNumber || value instanceof JavaBoolean) return value.valueOf();
  return value;
}



const JS_STRING_METHODS: readonly string[] = [
  "match", "search", "slice", "substr", "charCodeAt", "includes", "padStart", "padEnd", "localeCompare", "normalize",
  "trimLeft", "trimRight", "trimStart", "trimEnd", "toLocaleUpperCase", "toLocaleLowerCase",
  "anchor", "big", "blink", "bold", "fixed", "fontcolor", "fontsize", "italics", "link", "small", "strike", "sub", "sup",
];

export class JavaString extends JavaObject {
  /** Shared by every instance: the run may hold hundreds of thousands of these (java-budget.ts). */
  readonly members = JAVA_STRING_MEMBERS;
  /**
   * JavaScript String.prototype methods that reach a java.lang.String in Rhino because String has no Java
   * method of that name (recorded: str.js-*, seam.string-match); they work on String(s) and return JS values.
   */
  override readonly guestStringMethods = JS_STRING_METHODS;
  /** The JavaScript String methods read as Rhino's native functions (`function slice() { [native code …] }`). */
  override guestMethodSource(name: string): string | null {
    return JS_STRING_METHODS.includes(name) ? javaMethodSource("String.prototype", name) : javaMethodSource(this.javaClass, name);
  }
  override readonly javaClass = "java.lang.String";

  constructor(readonly value: string) {
    super();
    chargeHost(stringBytes(value.length));
  }
  override guestLooseValue(): string {
    return this.value;
  }

  length(): number {
    return this.value.length;
  }
  /** Rhino hands a Java `char` result to scripts as its code (a number), not a one-letter string. */
  charAt(i: unknown): number {
    const index = Number(i);
    if (index < 0 || index >= this.value.length) {
      throw javaException("java.lang.StringIndexOutOfBoundsException", `String index out of range: ${index}`);
    }
    return this.value.charCodeAt(index);
  }
  codePointAt(i: unknown): number {
    return this.value.codePointAt(Number(i)) ?? -1;
  }
  substring(a: unknown, b?: unknown): JavaString {
    return new JavaString(b === undefined ? this.value.substring(Number(a)) : this.value.substring(Number(a), Number(b)));
  }
  indexOf(s: unknown, from?: unknown): number {
    return this.value.indexOf(str(s), from === undefined ? 0 : Number(from));
  }
  lastIndexOf(s: unknown): number {
    return this.value.lastIndexOf(str(s));
  }
  toUpperCase(): JavaString {
    return new JavaString(this.value.toUpperCase());
  }
  toLowerCase(): JavaString {
    return new JavaString(this.value.toLowerCase());
  }
  trim(): JavaString {
    return new JavaString(this.value.trim());
  }
  strip(): JavaString {
    return new JavaString(this.value.trim());
  }
  equals(other: unknown): boolean {
    return (other instanceof JavaString || typeof other === "string") && str(other) === this.value;
  }
  equalsIgnoreCase(other: unknown): boolean {
    return other !== null && other !== undefined && str(other).toLowerCase() === this.value.toLowerCase();
  }
  startsWith(s: unknown): boolean {
    return this.value.startsWith(str(s));
  }
  endsWith(s: unknown): boolean {
    return this.value.endsWith(str(s));
  }
  contains(s: unknown): boolean {
    return this.value.includes(str(s));
  }
  /**
   * String.replace(CharSequence, CharSequence): every literal occurrence; an empty target matches before each
   * character and at the end ("ab".replace("", "-") is "-a-b-"). The result's size is known before it is built.
   */
  replace(a: unknown, b: unknown): JavaString {
    const target = str(a);
    const replacement = str(b);
    const parts = target === "" ? [...this.value.split(""), ""] : this.value.split(target);
    const occurrences = target === "" ? this.value.length + 1 : parts.length - 1;
    requireHost(stringBytes(this.value.length + occurrences * (replacement.length - target.length)));
    return new JavaString(target === "" ? replacement + parts.join(replacement) : parts.join(replacement));
  }
  /** String.replaceAll(regex, replacement), with Java's `$n` groups and `\` escapes; the result is measured as it grows. */
  replaceAll(regex: unknown, replacement: unknown): JavaString {
    const pattern = new RegExp(str(regex), "g");
    // How many groups the pattern has: what an empty match reports.
    const groupCount = (new RegExp(`${pattern.source}|`).exec("")?.length ?? 1) - 1;
    const parts = parseJavaReplacement(str(replacement), groupCount);
    let length = this.value.length;
    const result = this.value.replace(pattern, (match: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, groupCount).map((g) => (typeof g === "string" ? g : ""));
      const expanded = expandJavaReplacement(parts, match, groups);
      length += expanded.length - match.length;
      requireHost(stringBytes(length));
      return expanded;
    });
    return new JavaString(result);
  }
  split(regex: unknown): JavaArray {
    const parts = this.value.split(new RegExp(str(regex)));
    while (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
    return new JavaArray("[Ljava.lang.String;", parts.map((p) => new JavaString(p)));
  }
  isEmpty(): boolean {
    return this.value.length === 0;
  }
  isBlank(): boolean {
    return this.value.trim().length === 0;
  }
  matches(regex: unknown): boolean {
    return new RegExp(`^(?:${str(regex)})$`).test(this.value);
  }
  concat(s: unknown): JavaString {
    return new JavaString(this.value + str(s));
  }
  /** String.repeat (Java 11): the result's size is known, and charged, before it is built. */
  repeat(count: unknown): JavaString {
    const n = Math.trunc(Number(count));
    if (n < 0) throw javaException("java.lang.IllegalArgumentException", `count is negative: ${n}`);
    requireHost(stringBytes(this.value.length * n));
    return new JavaString(this.value.repeat(n));
  }
  /** String.compareTo: the first differing UTF-16 unit difference, else the length difference. */
  compareTo(s: unknown): number {
    const other = str(s);
    const n = Math.min(this.value.length, other.length);
    for (let i = 0; i < n; i++) {
      const d = this.value.charCodeAt(i) - other.charCodeAt(i);
      if (d !== 0) return d;
    }
    return this.value.length - other.length;
  }
  hashCode(): number {
    let h = 0;
    for (let i = 0; i < this.value.length; i++) h = (Math.imul(31, h) + this.value.charCodeAt(i)) | 0;
    return h;
  }
  /**
   * Host-side: the bucket key in a HashSet / HashMap.
   * @host hash-order.ts places the value in a HashMap/HashSet table; scripts cannot call it.
   */
  javaHashKey(): number {
    return this.hashCode();
  }
  override toString(): string {
    return this.value;
  }
  override valueOf(): string {
    return this.value;
  }
  /** String.toString() is the string itself (Rhino compares wrapped Java objects by identity). */
  override javaToString(): JavaString {
    return this;
  }
  override javaValueOf(): string {
    return this.value;
  }
  /**
   * byte[] in the JVM's default charset (UTF-8) or the named one; Rhino hands a primitive array element to
   * scripts as a number.
   */
  getBytes(charset?: unknown): JavaArray {
    const name = charset === undefined ? "UTF-8" : str(charset).toUpperCase();
    let bytes: number[];
    if (name === "UTF-8" || name === "UTF8") bytes = Array.from(new TextEncoder().encode(this.value));
    else if (name === "ISO-8859-1" || name === "US-ASCII" || name === "ASCII") {
      const limit = name === "ISO-8859-1" ? 0xff : 0x7f;
      bytes = Array.from(this.value, (c) => (c.charCodeAt(0) > limit ? 0x3f : c.charCodeAt(0)));
    } else throw javaException("java.io.UnsupportedEncodingException", str(charset));
    return new JavaArray("[B", bytes.map((b) => (b > 127 ? b - 256 : b)));
  }
  /** char[]: each element reaches the script as its char code, like charAt. */
  toCharArray(): JavaArray {
    return new JavaArray("[C", Array.from(this.value, (c) => c.charCodeAt(0)));
  }
  intern(): JavaString {
    return this;
  }
  /** Rhino's JSON.stringify writes a java.lang.String as a JSON string. */
  toJSON(): string {
    return this.value;
  }
  getClass(): never {
    throw classProhibited();
  }
}

function str(value: unknown): string {
  return value instanceof JavaString ? value.value : String(value);
}



/**
 * A boxed Java number (what a JS number becomes once it has passed through Java as Object): typeof "object",
 * `=== 42` false, `== 42` and arithmetic work, String() gives Java's rendering ("42.0" for a Double).
 */


/**
 * A boxed java.lang.Boolean, as Object-typed Java values hand them over (CHF's getJson()): typeof "object",
 * `=== false` false, and truthy even when false, as every object is in Rhino; String() reads "true"/"false".
 */
export class JavaBoolean extends JavaObject {
  /** Shared by every instance: the run may hold hundreds of thousands of these (java-budget.ts). */
  readonly members = JAVA_BOOLEAN_MEMBERS;
  override readonly javaClass = "java.lang.Boolean";
  override readonly guestAliases = aliases({ toString: "javaToString" });
  constructor(readonly value: boolean) {
    super();
  }
  booleanValue(): boolean {
    return this.value;
  }
  override guestLooseValue(): boolean {
    return this.value;
  }
  override valueOf(): boolean {
    return this.value;
  }
  override toString(): string {
    return String(this.value);
  }
  equals(other: unknown): boolean {
    return other instanceof JavaBoolean && other.value === this.value;
  }
  hashCode(): number {
    return this.value ? 1231 : 1237;
  }
  toJSON(): boolean {
    return this.value;
  }
  override guestPrimitive(hint: unknown): boolean | string {
    return hint === "string" ? String(this.value) : this.value;
  }
}


export class JavaNumber extends JavaObject {
  /** Shared by every instance: the run may hold hundreds of thousands of these (java-budget.ts). */
  readonly members = JAVA_NUMBER_MEMBERS;
  override readonly javaClass: string;
  constructor(
    readonly value: number,
    javaClass: "java.lang.Double" | "java.lang.Integer" | "java.lang.Long" = "java.lang.Double",
  ) {
    super();
    this.javaClass = javaClass;
  }
  doubleValue(): number {
    return this.value;
  }
  override guestLooseValue(): number {
    return this.value;
  }
  intValue(): number {
    return Math.trunc(this.value) | 0;
  }
  longValue(): number {
    return Math.trunc(this.value);
  }
  override valueOf(): number {
    return this.value;
  }
  override toString(): string {
    if (this.javaClass !== "java.lang.Double") return String(this.value);
    return javaDoubleString(this.value);
  }
  equals(other: unknown): boolean {
    return other instanceof JavaNumber && other.value === this.value && other.javaClass === this.javaClass;
  }
  /** Integer: the value; Long: its two words xor-ed; Double: its bits' two words xor-ed (as Java). */
  hashCode(): number {
    if (this.javaClass === "java.lang.Double") return doubleHashCode(this.value);
    if (this.javaClass === "java.lang.Long") return Number(BigInt.asIntN(32, BigInt(this.value) ^ (BigInt.asUintN(64, BigInt(this.value)) >> 32n)));
    return this.value | 0;
  }
  /**
   * @host hash-order.ts places the value in a HashMap/HashSet table; scripts cannot call it.
   */
  javaHashKey(): number {
    return this.hashCode();
  }
  isNaN(): boolean {
    return Number.isNaN(this.value);
  }
  toJSON(): number {
    return this.value;
  }
  getClass(): never {
    throw classProhibited();
  }
  /**
   * Rhino converts a boxed number by hint: String(x) and [x].join() read Java's "42.0", while `x + ""`, `x + 1`
   * and `x == 42` read the number. The guest asks "#primitive" (Symbol.toPrimitive) for that, so toString()
   * can give the script a java.lang.String as Rhino does and valueOf() the number.
   */
  override readonly guestAliases = aliases({ toString: "javaToString" });
  override guestPrimitive(hint: unknown): number | string {
    return hint === "string" ? this.toString() : this.value;
  }
}

/** Double.toString: integral values keep ".0"; large/small magnitudes use Java's E notation. */

/** What Rhino hands a Java method typed Object: JS strings become java.lang.String, numbers Double. */
export function javaIn(value: unknown): unknown {
  if (typeof value === "string") return new JavaString(value);
  if (typeof value === "number") return new JavaNumber(value);
  return value;
}

/** What a legacy script's value becomes when AM stores it (Java objects flattened to JSON). */
/** Like toStored, but keeps which numbers AM holds as java.lang.Double (every JS number a script hands Java). */
export function toStoredJava(value: unknown): unknown {
  if (value instanceof GuestReference) return toStoredJava(value.contents());
  if (typeof value === "number") return new JavaDouble(value);
  if (value instanceof JavaNumber) return value.javaClass === "java.lang.Double" ? new JavaDouble(value.value) : value.value;
  if (value instanceof JavaCollection || value instanceof JavaArray) return value.items.map(toStoredJava);
  if (value instanceof JavaMap) return Object.fromEntries([...value.entries].map(([k, v]) => [k, toStoredJava(v)]));
  if (Array.isArray(value)) return value.map(toStoredJava);
  if (value && typeof value === "object" && !(value instanceof HostObject) && !isGuestFunction(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStoredJava(v)]));
  }
  return toStored(value);
}

export function toStored(value: unknown): unknown {
  if (value instanceof GuestReference) return toStored(value.contents());
  if (value === undefined) return null;
  if (value instanceof JavaString) return value.value;
  if (value instanceof JavaNumber) return value.value;
  if (value instanceof JavaBoolean) return value.value;
  if (value instanceof JavaCollection || value instanceof JavaArray) return value.items.map(toStored);
  if (value instanceof JavaMap) return Object.fromEntries([...value.entries].map(([k, v]) => [k, toStored(v)]));
  if (value instanceof HostObject) return value.javaClass;
  if (isGuestFunction(value)) return null;
  if (Array.isArray(value)) return value.map(toStored);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStored(v)]));
  return value;
}

/** What a stored value looks like when a legacy script reads it back (strings become Java strings). */
export function toJava(value: unknown): unknown {
  // The script's own array or object, which a Java map hands back to it as it is (Rhino wraps no Scriptable).
  if (value instanceof GuestReference) return value;
  if (typeof value === "string") return new JavaString(value);
  if (value instanceof JavaDouble) return new JavaNumber(value.value);
  if (typeof value === "number") return new JavaNumber(value);
  if (Array.isArray(value)) return new JavaCollection("java.util.ArrayList", value.map(toJava));
  if (value && typeof value === "object" && !(value instanceof HostObject)) {
    return new JavaMap("java.util.LinkedHashMap", new Map(Object.entries(value).map(([k, v]) => [k, toJava(v)])), false);
  }
  return value;
}

/**
 * Java's equals() between values as the playground holds them: a String equals only a String with the same
 * text, a number only a number (Rhino hands JS numbers to Java as Doubles), a Boolean only a Boolean.
 */
function javaEquals(a: unknown, b: unknown): boolean {
  const text = (v: unknown) => (v instanceof JavaString ? v.value : typeof v === "string" ? v : undefined);
  const number = (v: unknown) => (v instanceof JavaNumber ? v.value : typeof v === "number" ? v : undefined);
  const bool = (v: unknown) => (v instanceof JavaBoolean ? v.value : typeof v === "boolean" ? v : undefined);
  for (const kind of [text, number, bool]) {
    const x = kind(a);
    const y = kind(b);
    if (x !== undefined || y !== undefined) return x === y;
  }
  return a === b;
}

function renderJava(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof GuestReference) return nativeValueText(value);
  if (value instanceof HostObject) return String((value as unknown as { toString(): string }).toString());
  if (typeof value === "number") return javaDoubleString(value);
  return String(value);
}

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
  /** Shared by every instance of a kind: the run may hold hundreds of thousands of these (java-budget.ts). */
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
    return this.items.some((i) => javaEquals(i, value));
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
    const index = this.items.findIndex((i) => javaEquals(i, value));
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
    return this.items.findIndex((i) => javaEquals(i, value));
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


/**
 * A Java array (`String[]` from split, `Object[]` from toArray, `byte[]`…) as Rhino's NativeJavaArray: not a JS
 * array (`Array.isArray` false) but with `length`, indices, for…in over its indices, and the Array.prototype
 * methods Rhino lets through. Elements stay Java values, so `indexOf("b")` is -1 on a String[] as in Rhino.
 */
export class JavaArray extends JavaObject {
  /** Shared by every instance: the run may hold hundreds of thousands of these (java-budget.ts). */
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
  join(separator?: unknown): string {
    return this.items.map((v) => (v === null || v === undefined ? "" : renderJava(v))).join(separator === undefined ? "," : str(separator));
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
  /** Shared by every instance: the run may hold hundreds of thousands of these (java-budget.ts). */
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


/** java.util.Map; answers `map[key]` and `map.key` like Rhino's NativeJavaMap. */
export class JavaMap extends JavaObject {
  /** Shared by every instance: the run may hold hundreds of thousands of these (java-budget.ts). */
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

  get(key: unknown): unknown {
    const k = str(key);
    return this.entries.has(k) ? this.entries.get(k) : null;
  }
  getOrDefault(key: unknown, fallback: unknown): unknown {
    const k = str(key);
    return this.entries.has(k) ? this.entries.get(k) : javaIn(fallback);
  }
  put(key: unknown, value: unknown): unknown {
    this.mutate();
    const k = str(key);
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
    const k = str(key);
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
    return this.entries.has(str(key));
  }
  /** Map.forEach(BiConsumer): Rhino makes the script's function the BiConsumer, called with (key, value). */
  forEach(fn: unknown): void {
    if (!isGuestFunction(fn)) throw new GuestError(`Can't find method ${this.javaClass}.forEach(${typeof fn}).`, "InternalError");
    for (const [k, v] of [...this.entries]) callJavaCallback(fn, k, v);
  }
  containsValue(value: unknown): boolean {
    return [...this.entries.values()].some((v) => javaEquals(v, value));
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
  /** Shared by every instance: the run may hold hundreds of thousands of these (java-budget.ts). */
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

/** A java.util.Set<String> of Java strings (what AMIdentity.getAttribute returns). */
export function javaStringSet(values: readonly string[], javaClass = "java.util.HashSet"): JavaCollection {
  return new JavaCollection(javaClass, values.map((v) => new JavaString(v)));
}

/** Converts scenario data (JSON) into the Java structures AM hands legacy scripts. */
export function javaFromJson(value: unknown, readOnly: boolean, sink?: GapSink): unknown {
  if (typeof value === "string") return new JavaString(value);
  if (Array.isArray(value)) {
    const list = new JavaCollection("java.util.ArrayList", value.map((v) => javaFromJson(v, readOnly, sink)), readOnly);
    list.sink = sink;
    return list;
  }
  if (value && typeof value === "object") {
    // AM hands read-only request and client data as unmodifiable views of HashMaps (hash-ordered).
    const map = new JavaMap(
      readOnly ? "java.util.Collections$UnmodifiableMap" : "java.util.LinkedHashMap",
      new Map(Object.entries(value).map(([k, v]) => [k, javaFromJson(v, readOnly, sink)])),
      readOnly,
      readOnly,
    );
    map.sink = sink;
    return map;
  }
  return value;
}
