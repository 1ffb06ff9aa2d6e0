/**
 * java.lang.String as a Rhino script meets it: typeof "object", `===` a JS string is false, `.length` is a
 * method, `charAt` gives a char code, and the JavaScript String methods Java's String lacks reach it as in
 * Rhino. Its split, getBytes and toCharArray answer with Java arrays (java-array.ts). It registers itself as
 * what a script's string becomes in Java (java-in.ts).
 */
import { classProhibited, javaException } from "./java-exceptions";
import { chargeHost, requireHost } from "./java-runtime";
import { expandJavaReplacement, parseJavaReplacement } from "./java-replacement";
import { javaMethodSource } from "./java-signatures";
import { stringBytes } from "./java-budget";
import { JAVA_STRING_MEMBERS } from "../../bindings/tables/java";
import { JavaObject } from "./java-object";
import { JavaArray } from "./java-array";
import { registerJavaString } from "./java-in";

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


registerJavaString((text) => new JavaString(text));
