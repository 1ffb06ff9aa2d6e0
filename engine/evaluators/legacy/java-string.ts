/**
 * java.lang.String as a Rhino script meets it: typeof "object", `===` a JS string is false, `.length` is a
 * method, `charAt` gives a char code, and the JavaScript String methods Java's String lacks reach it as in
 * Rhino. Its split, getBytes and toCharArray answer with Java arrays (java-array.ts). It registers itself as
 * what a script's string becomes in Java (java-in.ts).
 */
import { STRING_COMPARE_TO_CANDIDATES, STRING_CONTENT_EQUALS_CANDIDATES, STRING_NPE, ambiguousOverload, charSequenceParams, stringParam } from "./java-string-nulls";
import { classProhibited, javaException } from "./java-exceptions";
import { chargeHost, requireHost } from "./java-runtime";
import { expandJavaReplacement, parseJavaReplacement } from "./java-replacement";
import { javaMethodSource } from "./java-signatures";
import { stringBytes } from "../host-budget";
import { JAVA_STRING_MEMBERS } from "../../bindings/tables/java";
import { JavaObject } from "./java-object";
import { JavaArray } from "./java-array";
import { registerJavaString } from "./java-in";
import { GuestError } from "../../sandbox/host";
import { compileBoundedRegExp, regExpBudget, RegExpBudgetExceeded, UnsupportedRegExp, type BoundedMatch, type BoundedRegExp } from "../../util/bounded-regexp";

/**
 * Runs `use` with the script's regular expression on the bounded matcher (util/bounded-regexp.ts): the host's
 * RegExp would run a catastrophic pattern (`"(a+)+$"` on forty a's and a "!") outside the sandbox's interrupt
 * and hang the worker. Past its budget the call ends the run (no catch keeps it, as no catch keeps AM's timeout
 * of a Java regex that never ends) with a message naming the method and the pattern.
 */
function withScriptRegExp<T>(method: string, source: string, use: (re: BoundedRegExp, budget: ReturnType<typeof regExpBudget>) => T): T {
  let re: BoundedRegExp;
  try {
    re = compileBoundedRegExp(source);
  } catch (e) {
    if (e instanceof UnsupportedRegExp) throw new GuestError(`java.lang.String.${method}: the playground cannot read the regular expression ${JSON.stringify(source)} (${e.message})`, "InternalError");
    throw e;
  }
  try {
    return use(re, regExpBudget());
  } catch (e) {
    if (e instanceof RegExpBudgetExceeded) {
      throw new GuestError(
        `java.lang.String.${method}: ${e.message.replace("the regular expression", `the regular expression ${JSON.stringify(source)}`)}; the playground stopped the script (AM would run it until the script's time limit)`,
        "InternalError",
        {},
        true,
      );
    }
    throw e;
  }
}

/** Every match as String.prototype.replace with a global RegExp finds them (an empty match steps one code unit on). */
function allMatches(re: BoundedRegExp, input: string, budget: ReturnType<typeof regExpBudget>): BoundedMatch[] {
  const found: BoundedMatch[] = [];
  let from = 0;
  while (from <= input.length) {
    const m = re.exec(input, from, budget);
    if (!m) break;
    found.push(m);
    from = m.end === m.index ? m.end + 1 : m.end;
  }
  return found;
}

const JS_STRING_METHODS: readonly string[] = [
  "match", "search", "slice", "substr", "charCodeAt", "includes", "padStart", "padEnd", "localeCompare", "normalize",
  "trimLeft", "trimRight", "trimStart", "trimEnd", "toLocaleUpperCase", "toLocaleLowerCase",
  "anchor", "big", "blink", "bold", "fixed", "fontcolor", "fontsize", "italics", "link", "small", "strike", "sub", "sup",
];

/**
 * A script value passed where a Java method takes an `int`, as Rhino converts it: a number is truncated toward
 * zero, a numeric string is read as its number, and anything that is not a finite int (NaN, Infinity, 2^32 + 1,
 * "x") is refused with Rhino's words. Recorded: test/unit/java-string-edges.test.ts.
 */
function javaIntArg(value: unknown): number {
  const n = typeof value === "number" ? value : Number(value instanceof JavaString ? value.value : value);
  const int = Math.trunc(n);
  if (!Number.isFinite(n) || int > 2147483647 || int < -2147483648) {
    const shown = typeof value === "string" ? value : value instanceof JavaString ? value.value : String(n);
    throw new GuestError(`Cannot convert ${shown} to java.lang.Integer`, "InternalError");
  }
  return int === 0 ? 0 : int;
}

/** What indexOf / lastIndexOf look for: a string, or (a JS number picks the int overload) the char of that code. */
function searched(value: unknown): string {
  return typeof value === "number" ? String.fromCodePoint(Math.max(0, Math.min(0x10ffff, javaIntArg(value)))) : str(value);
}

/** Character.isWhitespace: Unicode spaces except the no-break ones, and the ASCII controls Java counts (strip()). */
function isJavaWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x20) || code === 0x1680 || (code >= 0x2000 && code <= 0x2006) ||
    (code >= 0x2008 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x205f || code === 0x3000
  );
}

function trimWhile(value: string, drop: (code: number) => boolean): string {
  let start = 0;
  let end = value.length;
  while (start < end && drop(value.charCodeAt(start))) start++;
  while (end > start && drop(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
}

export class JavaString extends JavaObject {
  /** Shared by every instance: the run may hold hundreds of thousands of these (../host-budget.ts). */
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
    const index = javaIntArg(i);
    if (index < 0 || index >= this.value.length) {
      throw javaException("java.lang.StringIndexOutOfBoundsException", `String index out of range: ${index}`);
    }
    return this.value.charCodeAt(index);
  }
  codePointAt(i: unknown): number {
    const index = javaIntArg(i);
    if (index < 0 || index >= this.value.length) throw javaException("java.lang.StringIndexOutOfBoundsException", `index ${index}, length ${this.value.length}`);
    return this.value.codePointAt(index)!;
  }
  /** Java's bounds, not JavaScript's clamping and swapping: "abc".substring(5) throws (JDK 17's words). */
  substring(a: unknown, b?: unknown): JavaString {
    const length = this.value.length;
    const begin = javaIntArg(a);
    const end = b === undefined ? length : javaIntArg(b);
    if (begin < 0 || begin > end || end > length) throw javaException("java.lang.StringIndexOutOfBoundsException", `begin ${begin}, end ${end}, length ${length}`);
    return new JavaString(this.value.substring(begin, end));
  }
  /** indexOf(String) or, given a number, indexOf(int ch): Rhino picks the int overload for a JS number. */
  indexOf(s: unknown, from?: unknown): number {
    stringParam(s, from === undefined ? STRING_NPE.indexOfStr : STRING_NPE.tgtStr);
    return this.value.indexOf(searched(s), from === undefined ? 0 : Math.max(0, javaIntArg(from)));
  }
  /** lastIndexOf searches back from `from`; a negative `from` finds nothing (JavaScript clamps it to 0). */
  lastIndexOf(s: unknown, from?: unknown): number {
    stringParam(s, STRING_NPE.tgtStr);
    if (from === undefined) return this.value.lastIndexOf(searched(s));
    const start = javaIntArg(from);
    return start < 0 ? -1 : this.value.lastIndexOf(searched(s), start);
  }
  toUpperCase(): JavaString {
    return new JavaString(this.value.toUpperCase());
  }
  toLowerCase(): JavaString {
    return new JavaString(this.value.toLowerCase());
  }
  /** String.trim(): every char up to U+0020 at both ends, and nothing else (a no-break space stays). */
  trim(): JavaString {
    return new JavaString(trimWhile(this.value, (code) => code <= 0x20));
  }
  /** String.strip(): Character.isWhitespace at both ends (Unicode spaces, but not the no-break ones). */
  strip(): JavaString {
    return new JavaString(trimWhile(this.value, isJavaWhitespace));
  }
  equals(other: unknown): boolean {
    return (other instanceof JavaString || typeof other === "string") && str(other) === this.value;
  }
  equalsIgnoreCase(other: unknown): boolean {
    return other !== null && other !== undefined && str(other).toLowerCase() === this.value.toLowerCase();
  }
  /** startsWith(prefix, offset): false for an offset outside the string (JavaScript clamps it). */
  startsWith(s: unknown, offset?: unknown): boolean {
    stringParam(s, STRING_NPE.prefix);
    if (offset === undefined) return this.value.startsWith(str(s));
    const at = javaIntArg(offset);
    return at >= 0 && at <= this.value.length && this.value.startsWith(str(s), at);
  }
  /** regionMatches([ignoreCase,] toffset, other, ooffset, len), with Java's bounds (false, never an exception). */
  regionMatches(...args: unknown[]): boolean {
    const ignoreCase = args.length === 5 ? args[0] === true : false;
    const [t, other, o, n] = args.length === 5 ? args.slice(1) : args;
    const toffset = javaIntArg(t);
    const ooffset = javaIntArg(o);
    const len = javaIntArg(n);
    const that = str(stringParam(other, STRING_NPE.other));
    if (toffset < 0 || ooffset < 0 || toffset > this.value.length - len || ooffset > that.length - len) return false;
    if (len <= 0) return true;
    const a = this.value.slice(toffset, toffset + len);
    const b = that.slice(ooffset, ooffset + len);
    return ignoreCase ? a.toUpperCase().toLowerCase() === b.toUpperCase().toLowerCase() : a === b;
  }
  endsWith(s: unknown): boolean {
    return this.value.endsWith(str(stringParam(s, STRING_NPE.suffix)));
  }
  contains(s: unknown): boolean {
    charSequenceParams("contains", [s], [STRING_NPE.containsS]);
    return this.value.includes(str(s));
  }
  /**
   * String.replace(CharSequence, CharSequence): every literal occurrence; an empty target matches before each
   * character and at the end ("ab".replace("", "-") is "-a-b-"). The result's size is known before it is built.
   */
  replace(a: unknown, b: unknown): JavaString {
    charSequenceParams("replace", [a, b], [STRING_NPE.target, STRING_NPE.replacement]);
    const target = str(a);
    const replacement = str(b);
    const parts = target === "" ? [...this.value.split(""), ""] : this.value.split(target);
    const occurrences = target === "" ? this.value.length + 1 : parts.length - 1;
    requireHost(stringBytes(this.value.length + occurrences * (replacement.length - target.length)));
    return new JavaString(target === "" ? replacement + parts.join(replacement) : parts.join(replacement));
  }
  /** String.replaceAll(regex, replacement), with Java's `$n` groups and `\` escapes; the result is measured as it grows. */
  replaceAll(regex: unknown, replacement: unknown, firstOnly = false): JavaString {
    stringParam(regex, STRING_NPE.pattern);
    stringParam(replacement, firstOnly ? STRING_NPE.replaceFirstReplacement : STRING_NPE.replaceAllReplacement);
    return withScriptRegExp(firstOnly ? "replaceFirst" : "replaceAll", str(regex), (re, budget) => {
      const parts = parseJavaReplacement(str(replacement), re.groupCount);
      let length = this.value.length;
      let out = "";
      let at = 0;
      for (const m of allMatches(re, this.value, budget)) {
        const match = this.value.slice(m.index, m.end);
        const expanded = expandJavaReplacement(parts, match, m.groups.map((g) => g ?? ""));
        length += expanded.length - match.length;
        requireHost(stringBytes(length));
        out += this.value.slice(at, m.index) + expanded;
        at = m.end;
        if (firstOnly) break;
      }
      return new JavaString(out + this.value.slice(at));
    });
  }  /** String.replaceFirst(regex, replacement): replaceAll's rules, for the first match only. */
  replaceFirst(regex: unknown, replacement: unknown): JavaString {
    return this.replaceAll(regex, replacement, true);
  }

  /**
   * String.split(regex[, limit]) as Java splits: the pieces between matches (groups are not included, unlike
   * JavaScript's split), a zero-width match at the start gives no leading empty piece, a positive limit caps the
   * count (the last piece keeps the rest), 0 drops trailing empty pieces and a negative limit keeps them.
   */
  split(regex: unknown, limit?: unknown): JavaArray {
    stringParam(regex, STRING_NPE.regex);
    const max = limit === undefined ? 0 : javaIntArg(limit);
    const parts = withScriptRegExp("split", str(regex), (re, budget) => {
      const s = this.value;
      const out: string[] = [];
      if (s.length === 0) return re.exec(s, 0, budget, true) ? [] : [s];
      let p = 0;
      let q = 0;
      while (q < s.length && (max <= 0 || out.length < max - 1)) {
        const m = re.exec(s, q, budget, true);
        if (!m || m.end === p) {
          q++;
          continue;
        }
        out.push(s.slice(p, m.index));
        p = m.end;
        q = p;
      }
      out.push(s.slice(p));
      return out;
    });
    if (max === 0) while (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
    if (max === 0 && parts.length === 1 && parts[0] === "" && this.value.length > 0) parts.pop();
    return new JavaArray("[Ljava.lang.String;", parts.map((p) => new JavaString(p)));
  }
  isEmpty(): boolean {
    return this.value.length === 0;
  }
  isBlank(): boolean {
    return trimWhile(this.value, isJavaWhitespace).length === 0;
  }
  matches(regex: unknown): boolean {
    stringParam(regex, STRING_NPE.pattern);
    return withScriptRegExp("matches", `^(?:${str(regex)})$`, (re, budget) => re.exec(this.value, 0, budget, true) !== null);
  }
  concat(s: unknown): JavaString {
    return new JavaString(this.value + str(stringParam(s, STRING_NPE.concatStr)));
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
    if (s === null) throw ambiguousOverload("java.lang.String.compareTo", [s], STRING_COMPARE_TO_CANDIDATES);
    const other = str(s);
    const n = Math.min(this.value.length, other.length);
    for (let i = 0; i < n; i++) {
      const d = this.value.charCodeAt(i) - other.charCodeAt(i);
      if (d !== 0) return d;
    }
    return this.value.length - other.length;
  }
  /** contentEquals(CharSequence): the same chars; a value that is no string fits neither overload. */
  contentEquals(s: unknown): boolean {
    if (s === null) throw ambiguousOverload("java.lang.String.contentEquals", [s], STRING_CONTENT_EQUALS_CANDIDATES);
    charSequenceParams("contentEquals", [s], [STRING_NPE.containsS]);
    return str(s) === this.value;
  }
  /** compareToIgnoreCase: each char's lower case of its upper case, compared as compareTo does. */
  compareToIgnoreCase(s: unknown): number {
    const fold = (t: string) => Array.from(t, (c) => (c.length === 1 ? c.toUpperCase().toLowerCase() : c)).join("");
    return new JavaString(fold(this.value)).compareTo(fold(str(stringParam(s, STRING_NPE.s2))));
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
