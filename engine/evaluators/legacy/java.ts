/**
 * Java values as legacy (Rhino) scripts meet them: java.lang.String objects (typeof "object", `===` a JS
 * string is false, `.length` is a method), java.util collections with their Java methods, and maps that also
 * answer property-style access. Values convert back to plain JSON when stored in the token.
 */
import { GuestError, HostObject, isGuestFunction } from "../../sandbox/host";

export class JavaString extends HostObject {
  readonly guestMethods = [
    "length",
    "charAt",
    "codePointAt",
    "substring",
    "indexOf",
    "lastIndexOf",
    "toUpperCase",
    "toLowerCase",
    "trim",
    "strip",
    "equals",
    "equalsIgnoreCase",
    "startsWith",
    "endsWith",
    "contains",
    "replace",
    "replaceAll",
    "split",
    "isEmpty",
    "isBlank",
    "matches",
    "concat",
    "compareTo",
    "hashCode",
    "toString",
    "valueOf",
    "getBytes",
    "toCharArray",
    "intern",
  ];
  override readonly javaClass = "java.lang.String";

  constructor(readonly value: string) {
    super();
  }

  length(): number {
    return this.value.length;
  }
  charAt(i: unknown): string {
    const index = Number(i);
    if (index < 0 || index >= this.value.length) {
      throw new GuestError(`java.lang.StringIndexOutOfBoundsException: index ${index}, length ${this.value.length}`, "JavaException");
    }
    return this.value.charAt(index);
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
  replace(a: unknown, b: unknown): JavaString {
    return new JavaString(this.value.split(str(a)).join(str(b)));
  }
  replaceAll(regex: unknown, replacement: unknown): JavaString {
    return new JavaString(this.value.replace(new RegExp(str(regex), "g"), str(replacement).replace(/\$(\d)/g, "$$$1")));
  }
  split(regex: unknown): JavaString[] {
    const parts = this.value.split(new RegExp(str(regex)));
    while (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
    return parts.map((p) => new JavaString(p));
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
  compareTo(s: unknown): number {
    const other = str(s);
    return this.value < other ? -1 : this.value > other ? 1 : 0;
  }
  hashCode(): number {
    let h = 0;
    for (let i = 0; i < this.value.length; i++) h = (Math.imul(31, h) + this.value.charCodeAt(i)) | 0;
    return h;
  }
  override toString(): string {
    return this.value;
  }
  override valueOf(): string {
    return this.value;
  }
  getBytes(): number[] {
    return Array.from(new TextEncoder().encode(this.value), (b: number) => (b > 127 ? b - 256 : b));
  }
  toCharArray(): string[] {
    return [...this.value];
  }
  intern(): JavaString {
    return this;
  }
}

function str(value: unknown): string {
  return value instanceof JavaString ? value.value : String(value);
}

/** What a legacy script's value becomes when AM stores it (Java objects flattened to JSON). */
export function toStored(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof JavaString) return value.value;
  if (value instanceof JavaCollection) return value.items.map(toStored);
  if (value instanceof JavaMap) return Object.fromEntries([...value.entries].map(([k, v]) => [k, toStored(v)]));
  if (value instanceof HostObject) return value.javaClass;
  if (isGuestFunction(value)) return null;
  if (Array.isArray(value)) return value.map(toStored);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStored(v)]));
  return value;
}

/** What a stored value looks like when a legacy script reads it back (strings become Java strings). */
export function toJava(value: unknown): unknown {
  if (typeof value === "string") return new JavaString(value);
  if (Array.isArray(value)) return new JavaCollection("java.util.ArrayList", value.map(toJava));
  if (value && typeof value === "object" && !(value instanceof HostObject)) {
    return new JavaMap("java.util.LinkedHashMap", new Map(Object.entries(value).map(([k, v]) => [k, toJava(v)])), false);
  }
  return value;
}

function javaEquals(a: unknown, b: unknown): boolean {
  if (a instanceof JavaString || b instanceof JavaString) return str(a) === str(b);
  return a === b;
}

function renderJava(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof HostObject) return String((value as unknown as { toString(): string }).toString());
  if (typeof value === "number" && Number.isInteger(value)) return `${value}.0`;
  return String(value);
}

/** java.util.Set / List implementations (HashSet, LinkedHashSet, ArrayList, ...). */
export class JavaCollection extends HostObject {
  readonly guestMethods = [
    "size",
    "isEmpty",
    "contains",
    "iterator",
    "toArray",
    "add",
    "addAll",
    "remove",
    "clear",
    "get",
    "set",
    "indexOf",
    "containsAll",
    "toString",
    "equals",
    "hashCode",
    "stream",
    "forEach",
  ];
  override readonly javaClass: string;

  constructor(
    javaClass: string,
    readonly items: unknown[],
    private readonly readOnly = false,
  ) {
    super();
    this.javaClass = javaClass;
  }

  private get isSet(): boolean {
    return /Set/.test(this.javaClass);
  }

  private mutate(): void {
    if (this.readOnly) throw new GuestError("java.lang.UnsupportedOperationException", "JavaException");
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
    return new JavaIterator([...this.items]);
  }
  toArray(): unknown[] {
    return [...this.items];
  }
  add(a: unknown, b?: unknown): boolean {
    this.mutate();
    if (b !== undefined && !this.isSet) {
      this.items.splice(Number(a), 0, b);
      return true;
    }
    if (this.isSet && this.contains(a)) return false;
    this.items.push(a);
    return true;
  }
  addAll(other: unknown): boolean {
    const list = other instanceof JavaCollection ? other.items : Array.isArray(other) ? other : [];
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
    return true;
  }
  clear(): void {
    this.mutate();
    this.items.length = 0;
  }
  get(index: unknown): unknown {
    const i = Number(index);
    if (this.isSet) throw new GuestError(`Can't find method ${this.javaClass}.get(number).`, "TypeError");
    if (i < 0 || i >= this.items.length) {
      throw new GuestError(`java.lang.IndexOutOfBoundsException: Index ${i} out of bounds for length ${this.items.length}`, "JavaException");
    }
    return this.items[i];
  }
  set(index: unknown, value: unknown): unknown {
    this.mutate();
    const i = Number(index);
    const old = this.items[i];
    this.items[i] = value;
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
    for (const item of [...this.items]) fn.call(item);
  }
}

export class JavaIterator extends HostObject {
  readonly guestMethods = ["hasNext", "next"];
  override readonly javaClass = "java.util.HashMap$KeyIterator";
  private index = 0;
  constructor(private readonly items: unknown[]) {
    super();
  }
  hasNext(): boolean {
    return this.index < this.items.length;
  }
  next(): unknown {
    if (this.index >= this.items.length) throw new GuestError("java.util.NoSuchElementException", "JavaException");
    return this.items[this.index++];
  }
}

/** java.util.Map; answers `map[key]` and `map.key` like Rhino's NativeJavaMap. */
export class JavaMap extends HostObject {
  readonly guestMethods = ["get", "put", "containsKey", "containsValue", "keySet", "values", "entrySet", "size", "isEmpty", "remove", "putAll", "getOrDefault", "toString"];
  override readonly javaClass: string;

  constructor(
    javaClass: string,
    readonly entries: Map<string, unknown>,
    private readonly readOnly: boolean,
  ) {
    super();
    this.javaClass = javaClass;
  }

  private mutate(): void {
    if (this.readOnly) throw new GuestError("java.lang.UnsupportedOperationException", "JavaException");
  }

  override guestGet(name: string): unknown {
    return this.entries.has(name) ? this.entries.get(name) : undefined;
  }
  override guestSet(name: string, value: unknown): void {
    this.put(name, value);
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
    return this.entries.has(k) ? this.entries.get(k) : fallback;
  }
  put(key: unknown, value: unknown): unknown {
    this.mutate();
    const k = str(key);
    const old = this.entries.get(k) ?? null;
    this.entries.set(k, value);
    return old;
  }
  putAll(other: unknown): void {
    this.mutate();
    if (other instanceof JavaMap) for (const [k, v] of other.entries) this.entries.set(k, v);
    else if (other && typeof other === "object") for (const [k, v] of Object.entries(other)) this.entries.set(k, v);
  }
  remove(key: unknown): unknown {
    this.mutate();
    const k = str(key);
    const old = this.entries.get(k) ?? null;
    this.entries.delete(k);
    return old;
  }
  containsKey(key: unknown): boolean {
    return this.entries.has(str(key));
  }
  containsValue(value: unknown): boolean {
    return [...this.entries.values()].some((v) => javaEquals(v, value));
  }
  keySet(): JavaCollection {
    return new JavaCollection("java.util.LinkedHashMap$LinkedKeySet", [...this.entries.keys()].map((k) => new JavaString(k)), true);
  }
  values(): JavaCollection {
    return new JavaCollection("java.util.LinkedHashMap$LinkedValues", [...this.entries.values()], true);
  }
  entrySet(): JavaCollection {
    return new JavaCollection(
      "java.util.LinkedHashMap$LinkedEntrySet",
      [...this.entries].map(([k, v]) => new JavaMapEntry(k, v)),
      true,
    );
  }
  size(): number {
    return this.entries.size;
  }
  isEmpty(): boolean {
    return this.entries.size === 0;
  }
  override toString(): string {
    return `{${[...this.entries].map(([k, v]) => `${k}=${renderJava(v)}`).join(", ")}}`;
  }
}

export class JavaMapEntry extends HostObject {
  readonly guestMethods = ["getKey", "getValue", "toString"];
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
export function javaFromJson(value: unknown, readOnly: boolean): unknown {
  if (typeof value === "string") return new JavaString(value);
  if (Array.isArray(value)) return new JavaCollection("java.util.ArrayList", value.map((v) => javaFromJson(v, readOnly)), readOnly);
  if (value && typeof value === "object") {
    return new JavaMap(
      readOnly ? "java.util.Collections$UnmodifiableMap" : "java.util.LinkedHashMap",
      new Map(Object.entries(value).map(([k, v]) => [k, javaFromJson(v, readOnly)])),
      readOnly,
    );
  }
  return value;
}
