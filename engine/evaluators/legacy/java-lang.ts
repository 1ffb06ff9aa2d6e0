/**
 * The java.lang values a legacy (Rhino) script meets, and Java arrays: every Java object's base (JavaObject,
 * whose toString() gives a java.lang.String), java.lang.String (typeof "object", `===` a JS string is false,
 * `.length` is a method), the boxed Boolean and Number, and the arrays String's methods answer with; with how
 * a script's value enters Java (javaIn) and comes back to a script function Java calls (callJavaCallback).
 * These reference each other (String.split gives an array, an array's elements enter as Strings and Numbers),
 * so they share one module; collections (java-collection.ts) and maps (java-map.ts) build on them.
 */
import { javaDoubleString } from "../../token/values";
import { GuestError, GuestReference, HostObject, isGuestFunction, type GuestFunction } from "../../sandbox/host";
import { nativeValueText } from "./native-values";
import { rhinoArgType } from "../rhino-arg-type";
import { arrayIndexOutOfBounds, classProhibited, javaException } from "./java-exceptions";
import { callGuest, chargeHost, identityHash, requireHost } from "./java-runtime";
import { expandJavaReplacement, parseJavaReplacement } from "./java-replacement";
import { javaMethodOwner, javaMethodSource } from "./java-signatures";
import { OBJECT_BYTES, SLOT_BYTES, stringBytes } from "./java-budget";
import { JAVA_ARRAY_MEMBERS, JAVA_BOOLEAN_MEMBERS, JAVA_NUMBER_MEMBERS, JAVA_STRING_MEMBERS } from "../../bindings/tables/java";
import { doubleHashCode } from "./hash-order";

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
  /**
   * @host What the object holds when AM stores it (java-stored.ts): a collection's or an array's items, a map's
   * entries; null for one stored as its class name. The conversions ask the object rather than test its class,
   * so they need not import the collections and maps, which convert their own arguments with them.
   */
  storedContents(): unknown[] | Map<string, unknown> | null {
    return null;
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

export function str(value: unknown): string {
  return value instanceof JavaString ? value.value : String(value);
}

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

/**
 * A boxed Java number (what a JS number becomes once it has passed through Java as Object): typeof "object",
 * `=== 42` false, `== 42` and arithmetic work, String() gives Java's rendering ("42.0" for a Double).
 */
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

/** What Rhino hands a Java method typed Object: JS strings become java.lang.String, numbers Double. */
export function javaIn(value: unknown): unknown {
  if (typeof value === "string") return new JavaString(value);
  if (typeof value === "number") return new JavaNumber(value);
  return value;
}

/**
 * Java's equals() between values as the playground holds them: a String equals only a String with the same
 * text, a number only a number (Rhino hands JS numbers to Java as Doubles), a Boolean only a Boolean.
 */
export function javaEquals(a: unknown, b: unknown): boolean {
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

export function renderJava(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof GuestReference) return nativeValueText(value);
  if (value instanceof HostObject) return String((value as unknown as { toString(): string }).toString());
  if (typeof value === "number") return javaDoubleString(value);
  return String(value);
}

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
