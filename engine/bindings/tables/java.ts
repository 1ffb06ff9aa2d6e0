/**
 * Member tables of the java.lang and java.util values legacy (Rhino) scripts meet (engine/evaluators/legacy/
 * java-*.ts): each class's Java methods with their overloads, as Java 17 declares them, typed for the editor.
 * A JS string or number passed where Java takes a String or an int is converted by Rhino, so parameters say
 * `string` / `number`; results that are Java objects say so (`JavaString`, `JavaCollection<T>`).
 */
import { HIDDEN, MemberTable } from "../members";

export const JAVA_STRING_MEMBERS = new MemberTable(
  "JavaString",
  {
    length: { overloads: ["(): number"], doc: "A method, not a property: `s.length` without () reads the method itself." },
    charAt: "(index: number): string",
    codePointAt: "(index: number): number",
    substring: ["(beginIndex: number): JavaString", "(beginIndex: number, endIndex: number): JavaString"],
    indexOf: ["(str: string): number", "(str: string, fromIndex: number): number", "(ch: number): number", "(ch: number, fromIndex: number): number"],
    lastIndexOf: ["(str: string): number", "(str: string, fromIndex: number): number", "(ch: number): number", "(ch: number, fromIndex: number): number"],
    toUpperCase: ["(): JavaString", "(locale: any): JavaString"],
    toLowerCase: ["(): JavaString", "(locale: any): JavaString"],
    trim: "(): JavaString",
    strip: "(): JavaString",
    equals: { overloads: ["(other: any): boolean"], doc: "true only for a Java String with the same text (a JS string is converted)." },
    equalsIgnoreCase: "(other: any): boolean",
    startsWith: ["(prefix: string): boolean", "(prefix: string, offset: number): boolean"],
    endsWith: "(suffix: string): boolean",
    regionMatches: ["(toffset: number, other: string, ooffset: number, len: number): boolean", "(ignoreCase: boolean, toffset: number, other: string, ooffset: number, len: number): boolean"],
    contains: "(s: string): boolean",
    replace: "(target: string, replacement: string): JavaString",
    replaceAll: { overloads: ["(regex: string, replacement: string): JavaString"], doc: "A Java regular expression given as a string; $1 refers to a group." },
    replaceFirst: { overloads: ["(regex: string, replacement: string): JavaString"], doc: "As replaceAll, for the first match only." },
    split: ["(regex: string): JavaString[]", "(regex: string, limit: number): JavaString[]"],
    isEmpty: "(): boolean",
    isBlank: "(): boolean",
    matches: { overloads: ["(regex: string): boolean"], doc: "true when the whole string matches the Java regular expression." },
    concat: "(str: string): JavaString",
    repeat: "(count: number): JavaString",
    compareTo: "(other: string): number",
    compareToIgnoreCase: "(other: string): number",
    contentEquals: "(cs: string): boolean",
    hashCode: "(): number",
    toString: { overloads: ["(): JavaString"], doc: "Still a java.lang.String: use String(s) for a JS string." },
    valueOf: HIDDEN,
    getBytes: ["(): number[]", "(charset: string | any): number[]", "(srcBegin: number, srcEnd: number, dst: number[], dstBegin: number): void"],
    toCharArray: "(): string[]",
    intern: "(): JavaString",
    toJSON: HIDDEN,
    getClass: { overloads: ["(): never"], doc: 'Always fails in AM: java.lang.Class is on the deny-list.' },
  },
  "",
  'java.lang.String: typeof is "object", === a JS string is false; .length is a method. Use String(x) for a JS string.',
).withArityChecks();

/** java.lang.Boolean as AM hands it out (a boxed value of a Java map or list). */
export const JAVA_BOOLEAN_MEMBERS = new MemberTable("JavaBoolean", {
  booleanValue: "(): boolean",
  toString: "(): JavaString",
  valueOf: HIDDEN,
  equals: "(other: any): boolean",
  hashCode: "(): number",
  toJSON: HIDDEN,
  "#primitive": HIDDEN,
}).withArityChecks();

/** java.lang.Integer / Long / Double as AM hands them out. */
export const JAVA_NUMBER_MEMBERS = new MemberTable("JavaNumber", {
  doubleValue: "(): number",
  intValue: "(): number",
  longValue: "(): number",
  toString: "(): JavaString",
  valueOf: HIDDEN,
  equals: { overloads: ["(other: any): boolean"], doc: "true only for the same boxed type and value (Integer 1 is not Long 1)." },
  hashCode: "(): number",
  isNaN: "(): boolean",
  toJSON: HIDDEN,
  getClass: "(): never",
  "#primitive": HIDDEN,
}).withArityChecks();

/**
 * What java.util.Collection implementations share; java.util.List adds indexed access. Lists and Sets are one
 * family, split by JAVA_LIST_MEMBERS / JAVA_SET_MEMBERS, so the class's kind decides, never its name.
 */
const COLLECTION = {
  size: "(): number",
  isEmpty: "(): boolean",
  contains: "(o: any): boolean",
  iterator: "(): JavaIterator<T>",
  toArray: { overloads: ["(): T[]", "(array: any): T[]"], doc: "An Object[]: a Java array, not a JS array (Array.isArray is false)." },
  add: "(e: T): boolean",
  addAll: "(c: JavaCollection<T> | T[]): boolean",
  remove: "(o: any): boolean",
  clear: "(): void",
} as const;

const COLLECTION_TAIL = {
  containsAll: "(c: JavaCollection<any> | any[]): boolean",
  toString: "(): JavaString",
  "#primitive": HIDDEN,
  equals: "(other: any): boolean",
  hashCode: "(): number",
  stream: { overloads: ["(): never"], doc: "Refused in AM: java.util.stream classes are not on the allow-list." },
  forEach: "(action: (e: T) => void): void",
  toJSON: HIDDEN,
  getClass: "(): never",
} as const;

/** java.util.List (ArrayList, LinkedList, the unmodifiable and singleton lists). */
export const JAVA_LIST_MEMBERS = new MemberTable(
  "JavaList",
  {
    ...COLLECTION,
    add: ["(e: T): boolean", "(index: number, element: T): void"],
    addAll: ["(c: JavaCollection<T> | T[]): boolean", "(index: number, c: JavaCollection<T> | T[]): boolean"],
    remove: ["(o: any): boolean", "(index: number): T"],
    get: "(index: number): T",
    set: "(index: number, element: T): T",
    indexOf: "(o: any): number",
    ...COLLECTION_TAIL,
  },
  "<T>",
  "java.util.List: also list[i] and list.length, as Rhino's NativeJavaList.",
).withArityChecks();

/**
 * java.util.Set (HashSet, LinkedHashSet, TreeSet, the unmodifiable ones). Rhino finds get/set/indexOf on no
 * Set, and answers such a call with "Can't find method"; the table keeps them so that wording stays Rhino's.
 */
export const JAVA_SET_MEMBERS = new MemberTable(
  "JavaSet",
  {
    ...COLLECTION,
    get: { overloads: ["(index: number): never"], hidden: true },
    set: { overloads: ["(index: number, element: T): never"], hidden: true },
    indexOf: { overloads: ["(o: any): never"], hidden: true },
    ...COLLECTION_TAIL,
  },
  "<T>",
  "java.util.Set: no indices; toArray() or iterator() to walk it.",
).withArityChecks();

/** A Java array (String[] from split, Object[] from toArray) with the Array.prototype methods Rhino lets through. */
export const JAVA_ARRAY_MEMBERS = new MemberTable("JavaArray", {
  join: "(separator?: string): string",
  slice: "(start?: number, end?: number): any[]",
  indexOf: "(value: any, fromIndex?: number): number",
  lastIndexOf: "(value: any, fromIndex?: number): number",
  includes: "(value: any, fromIndex?: number): boolean",
  forEach: "(fn: (value: any, index: number) => void, thisArg?: any): void",
  map: "(fn: (value: any, index: number) => any, thisArg?: any): any[]",
  filter: "(fn: (value: any, index: number) => boolean, thisArg?: any): any[]",
  some: "(fn: (value: any, index: number) => boolean, thisArg?: any): boolean",
  every: "(fn: (value: any, index: number) => boolean, thisArg?: any): boolean",
  reduce: "(fn: (acc: any, value: any, index: number) => any, initial?: any): any",
  concat: "(...values: any[]): any[]",
  push: { overloads: ["(...values: any[]): never"], doc: "Fails: a Java array has a fixed length." },
  toString: "(): string",
  "#primitive": HIDDEN,
  toJSON: HIDDEN,
  getClass: "(): never",
});

export const JAVA_ITERATOR_MEMBERS = new MemberTable(
  "JavaIterator",
  {
    hasNext: "(): boolean",
    next: "(): T",
    getClass: "(): never",
    toString: "(): JavaString",
    "#primitive": HIDDEN,
  },
  "<T>",
).withArityChecks();

/** java.util.Map (HashMap, LinkedHashMap, TreeMap, AM's CaseInsensitiveHashMap…); also answers map[key]. */
export const JAVA_MAP_MEMBERS = new MemberTable(
  "JavaMap",
  {
    get: { overloads: ["(key: string): V"], doc: "The value, or null when the key is absent." },
    put: { overloads: ["(key: string, value: V): V"], doc: "The previous value, or null." },
    containsKey: "(key: string): boolean",
    containsValue: "(value: any): boolean",
    keySet: "(): JavaSet<JavaString>",
    values: "(): JavaCollection<V>",
    entrySet: "(): JavaSet<JavaMapEntry<V>>",
    size: "(): number",
    isEmpty: "(): boolean",
    remove: { overloads: ["(key: string): V", "(key: string, value: any): boolean"], doc: "The removed value; with a value, removes the key only when it maps to that value." },
    putAll: "(m: JavaMap<V> | { [key: string]: V }): void",
    getOrDefault: "(key: string, defaultValue: V): V",
    forEach: "(action: (key: string, value: V) => void): void",
    toString: "(): JavaString",
    "#primitive": HIDDEN,
    toJSON: HIDDEN,
    getClass: "(): never",
  },
  "<V>",
  "java.util.Map; also answers map[key] and map.key.",
).withArityChecks();

export const JAVA_MAP_ENTRY_MEMBERS = new MemberTable(
  "JavaMapEntry",
  {
    getKey: "(): JavaString",
    getValue: "(): V",
    toString: "(): JavaString",
    "#primitive": HIDDEN,
  },
  "<V>",
).withArityChecks();
