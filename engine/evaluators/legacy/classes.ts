/**
 * Java classes a legacy script can reach by name (`java.lang.Math`, `new java.util.HashMap()`, …): the class
 * object itself, and the allow-listed java.lang / java.util classes the playground emulates, with the
 * behaviour real Rhino 1.7.14 showed in the conformance recordings (test/conformance/legacy/).
 */
import { GuestError, HostObject, convertsItself, isGuestFunction } from "../../sandbox/host";
import { JavaBoolean, JavaCollection, JavaMap, JavaNumber, JavaObject, JavaString, callJavaCallback, javaException, toStored } from "./java";
import { THROWN_JAVA_EXCEPTION } from "./errors";
import { registerThrowable } from "./java-exceptions";
import { currentJavaWorld } from "./java-world";
import { STRING_CONSTRUCTOR_CANDIDATES, STRING_VALUE_OF_CANDIDATES, ambiguousOverload } from "./java-string-nulls";
import { javaFormat } from "./java-format";
import { ownValue } from "../../util/own-keys";
import { javaMethodSource } from "./java-signatures";
import { JAVA_BIG_INTEGER_MEMBERS, JAVA_DATE_MEMBERS, JAVA_THROWABLE_MEMBERS, JAVA_UUID_MEMBERS } from "../../bindings/tables/am-legacy";
import { MemberTable, HIDDEN } from "../../bindings/members";

/** A Java class object: constructible, with static members. */
/**
 * The member table of a class's static methods, one per class and list of names: every legacy run builds its
 * classes, and describing each member again was a few percent of a run. Tables are pure data, so shared.
 */
const staticsTables = new Map<string, MemberTable>();

function staticsTable(javaClass: string, names: readonly string[]): MemberTable {
  const key = `${javaClass}\n${names.join(",")}`;
  let table = staticsTables.get(key);
  if (!table) {
    table = new MemberTable(javaClass, { ...Object.fromEntries(names.map((name) => [name, HIDDEN])), "#primitive": HIDDEN });
    if (staticsTables.size < 1024) staticsTables.set(key, table);
  }
  return table;
}

export class JavaClass extends HostObject {
  /** The class's static methods, as its Java class declares them (any arguments: each checks its own). */
  readonly members: MemberTable;
  override readonly javaClass: string;
  constructor(
    javaClass: string,
    private readonly construct: ((args: unknown[]) => unknown) | null,
    private readonly statics: Record<string, unknown> = {},
    staticMethods: Record<string, (...args: unknown[]) => unknown> = {},
  ) {
    super();
    this.javaClass = javaClass;
    this.members = staticsTable(javaClass, Object.keys(staticMethods));
    Object.assign(this, staticMethods);
  }
  /** A static method read as a value shows as Rhino shows a Java method (`"" + java.util.Collections.sort`). */
  override guestMethodSource(name: string): string | null {
    return javaMethodSource(`static ${this.javaClass}`, name);
  }
  /** String(java.util.HashMap) and `"" + cls` read "[JavaClass java.util.HashMap]", as in Rhino. */
  guestPrimitive(): string {
    return this.toString();
  }
  override guestGet(name: string): unknown {
    return ownValue(this.statics, name);
  }
  override guestConstruct(args: unknown[]): unknown {
    if (!this.construct) throw new GuestError(`Java class "${this.javaClass}" has no public instance constructor.`, "TypeError");
    return this.construct(args);
  }
  /** Rhino's instanceof on a Java class: the object's class is the class, or implements the collection interface. */
  override guestHasInstance(value: unknown): boolean {
    if (!(value instanceof HostObject)) return false;
    if (value.javaClass === this.javaClass || this.javaClass === "java.lang.Object") return true;
    const interfaces: Record<string, RegExp> = {
      "java.util.Map": /Map$/,
      "java.util.Set": /Set$/,
      "java.util.List": /(List|ArrayList|LinkedList)$/,
      "java.util.Collection": /(Set|List)$/,
      "java.lang.Number": /^java\.lang\.(Integer|Long|Double|Float|Short|Byte)$/,
    };
    return interfaces[this.javaClass]?.test(value.javaClass) ?? false;
  }
  override toString(): string {
    return `[JavaClass ${this.javaClass}]`;
  }
}

/** A Java exception object a script built with `new java.lang.RuntimeException(msg)` (and may throw). */
export class JavaThrowable extends JavaObject {
  readonly members = JAVA_THROWABLE_MEMBERS;
  override readonly javaClass: string;
  constructor(
    javaClass: string,
    private readonly message: string | null,
  ) {
    super();
    this.javaClass = javaClass;
  }
  getMessage(): JavaString | null {
    return this.message === null ? null : new JavaString(this.message);
  }
  getLocalizedMessage(): JavaString | null {
    return this.getMessage();
  }
  /** Rhino exposes bean getters as properties: `e.message` is getMessage(). */
  override guestGet(name: string): unknown {
    if (name === "message" || name === "localizedMessage") return this.getMessage();
    return undefined;
  }
  override toString(): string {
    return this.message === null ? this.javaClass : `${this.javaClass}: ${this.message}`;
  }
  /** Host-side only: an uncaught `throw new java.lang.RuntimeException(…)` is reported as its toString(). */
  toJSON(): { [THROWN_JAVA_EXCEPTION]: string } {
    return { [THROWN_JAVA_EXCEPTION]: this.toString() };
  }
}

registerThrowable((javaClass, message) => new JavaThrowable(javaClass, message));

/** A String parameter's value: Rhino's ScriptRuntime.toString, which runs a script object's own toString (toStored keeps it). */
function text(value: unknown): string {
  return String(toStored(value));
}

/** A number parameter's value: Rhino's ScriptRuntime.toNumber, which runs a script object's own valueOf (toStored keeps it). */
function num(value: unknown): number {
  return Number(toStored(value));
}

/** Integer.parseInt / Long.parseLong: decimal digits only, else NumberFormatException. */
function parseJavaInteger(value: unknown): number {
  // Rhino hands a String parameter null as null and undefined as "undefined" (probes null.parseInt*).
  if (value === null) throw javaException("java.lang.NumberFormatException", "Cannot parse null string");
  const s = value === undefined ? "undefined" : text(value);
  if (!/^[+-]?\d+$/.test(s)) throw javaException("java.lang.NumberFormatException", `For input string: "${s}"`);
  return Number(s);
}

function collectionOf(value: unknown): JavaCollection {
  if (value instanceof JavaCollection) return value;
  throw new GuestError(`Can't find method java.util.Collections.unmodifiableCollection(${typeof value}).`, "InternalError");
}

/** A read-only view sharing the backing items, as Collections.unmodifiable* returns. */
function unmodifiableView(c: JavaCollection, javaClass: string): JavaCollection {
  return new JavaCollection(javaClass, c.items, true);
}

function collectionsClass(): JavaClass {
  const compare = (a: unknown, b: unknown) => {
    const x = toStored(a);
    const y = toStored(b);
    return (x as number | string) < (y as number | string) ? -1 : (x as number | string) > (y as number | string) ? 1 : 0;
  };
  return new JavaClass("java.util.Collections", null, {}, {
    emptyList: () => new JavaCollection("java.util.Collections$EmptyList", [], true),
    emptySet: () => new JavaCollection("java.util.Collections$EmptySet", [], true),
    emptyMap: () => new JavaMap("java.util.Collections$EmptyMap", new Map(), true),
    singletonList: (v: unknown) => new JavaCollection("java.util.Collections$SingletonList", [v], true),
    singleton: (v: unknown) => new JavaCollection("java.util.Collections$SingletonSet", [v], true),
    unmodifiableList: (c: unknown) => unmodifiableView(collectionOf(c), "java.util.Collections$UnmodifiableRandomAccessList"),
    unmodifiableSet: (c: unknown) => unmodifiableView(collectionOf(c), "java.util.Collections$UnmodifiableSet"),
    unmodifiableCollection: (c: unknown) => unmodifiableView(collectionOf(c), "java.util.Collections$UnmodifiableCollection"),
    unmodifiableMap: (m: unknown) => {
      if (!(m instanceof JavaMap)) throw new GuestError(`Can't find method java.util.Collections.unmodifiableMap(${typeof m}).`, "InternalError");
      return new JavaMap("java.util.Collections$UnmodifiableMap", m.entries, true);
    },
    /** sort(list) by natural order; sort(list, comparator) calls the script's function as the Comparator. */
    sort: (c: unknown, comparator?: unknown) => {
      const items = collectionOf(c).items;
      if (comparator === undefined || comparator === null) {
        // Natural order calls compareTo on the items, so a null fails. Where Java's TimSort meets it decides the
        // message (recorded for [x, null]: the null at a[runHi]); elsewhere it may name another variable.
        if (items.includes(null)) {
          currentJavaWorld().warn(
            "java-npe-message-approximate",
            "Collections.sort(list) of a list holding null fails with a NullPointerException as in AM; its message names the variable of Java's sort where the null was met, which the playground words for the recorded case ([x, null]) and AM may word differently.",
          );
          throw javaException("java.lang.NullPointerException", 'Cannot invoke "java.lang.Comparable.compareTo(Object)" because "a[runHi]" is null');
        }
        return void items.sort(compare);
      }
      if (!isGuestFunction(comparator)) throw new GuestError(`Can't find method java.util.Collections.sort(${c instanceof HostObject ? c.javaClass : typeof c},${typeof comparator}).`, "InternalError");
      // Comparator.compare returns an int: Rhino converts the function's result to one (NaN and undefined are 0).
      items.sort((a, b) => Math.trunc(Number(toStored(callJavaCallback(comparator, a, b)))) || 0);
    },
    reverse: (c: unknown) => {
      collectionOf(c).items.reverse();
    },
  });
}

function mathClass(): JavaClass {
  return new JavaClass("java.lang.Math", null, { PI: Math.PI, E: Math.E }, {
    max: (a: unknown, b: unknown) => Math.max(num(a), num(b)),
    min: (a: unknown, b: unknown) => Math.min(num(a), num(b)),
    abs: (a: unknown) => Math.abs(num(a)),
    floor: (a: unknown) => Math.floor(num(a)),
    ceil: (a: unknown) => Math.ceil(num(a)),
    round: (a: unknown) => Math.floor(num(a) + 0.5),
    pow: (a: unknown, b: unknown) => Math.pow(num(a), num(b)),
    sqrt: (a: unknown) => Math.sqrt(num(a)),
  });
}

/** Boxed-number classes: statics, parse methods, and constructors giving boxed (typeof "object") numbers. */
function numberClasses(): JavaClass[] {
  const integer = new JavaClass(
    "java.lang.Integer",
    (args) => new JavaNumber(Math.trunc(num(args[0])), "java.lang.Integer"),
    { MAX_VALUE: 2147483647, MIN_VALUE: -2147483648 },
    {
      parseInt: (v: unknown) => parseJavaInteger(v),
      valueOf: (v: unknown) => new JavaNumber(parseJavaInteger(v), "java.lang.Integer"),
      // Integer.toString(i[, radix]) is a java.lang.String; Java writes a radix outside 2..36 in base 10.
      toString: (v: unknown, radix?: unknown) => {
        const r = radix === undefined ? 10 : Math.trunc(num(radix));
        return new JavaString(Math.trunc(num(v)).toString(r >= 2 && r <= 36 ? r : 10));
      },
    },
  );
  const long = new JavaClass(
    "java.lang.Long",
    (args) => new JavaNumber(Math.trunc(num(args[0])), "java.lang.Long"),
    // A script sees the long as the nearest double: 2^63 - 1 rounds to 2^63.
    { MAX_VALUE: 2 ** 63, MIN_VALUE: -(2 ** 63) },
    { parseLong: (v: unknown) => parseJavaInteger(v), valueOf: (v: unknown) => new JavaNumber(parseJavaInteger(v), "java.lang.Long") },
  );
  const double = new JavaClass(
    "java.lang.Double",
    (args) => new JavaNumber(num(args[0])),
    { MAX_VALUE: Number.MAX_VALUE, MIN_VALUE: Number.MIN_VALUE, NaN: Number.NaN },
    {
      parseDouble: (v: unknown) => {
        const n = Number(text(v).trim());
        if (Number.isNaN(n)) throw javaException("java.lang.NumberFormatException", `For input string: "${text(v)}"`);
        return n;
      },
    },
  );
  // new Boolean(boolean) or new Boolean(String): only "true" (any case) is true.
  const boolean = new JavaClass("java.lang.Boolean", (args) => new JavaBoolean(typeof args[0] === "boolean" ? args[0] : text(args[0]).toLowerCase() === "true"), { TRUE: true, FALSE: false }, {
    parseBoolean: (v: unknown) => text(v).toLowerCase() === "true",
    // valueOf hands the script a java.lang.Boolean object (typeof "object"), as the constructor does.
    valueOf: (v: unknown) => new JavaBoolean(typeof v === "boolean" ? v : v !== null && text(v).toLowerCase() === "true"),
  });
  return [integer, long, double, boolean];
}

function throwableClass(name: string): JavaClass {
  return new JavaClass(name, (args) => new JavaThrowable(name, args.length && args[0] !== null && args[0] !== undefined ? text(args[0]) : null));
}

/**
 * An allow-listed interface (java.util.Map, java.util.List): a JavaClass for typeof, String() and instanceof;
 * `new` on it asks Rhino for a JavaAdapter, which needs an implementation object.
 */
function javaInterface(name: string): JavaClass {
  return new JavaClass(name, () => {
    throw new GuestError("JavaAdapter requires at least one argument.", "InternalError");
  });
}

/** `clockMs` is the scenario clock, what `new java.util.Date()` reads. */
export function javaLangAndUtilClasses(clockMs: number, randomUuid: () => string): JavaClass[] {
  return [
    new JavaClass(
      "java.lang.String",
      (args) => {
        if (args.length === 1 && args[0] === null) throw ambiguousOverload("java.lang.String", args, STRING_CONSTRUCTOR_CANDIDATES, true);
        return new JavaString(args.length ? text(args[0]) : "");
      },
      {},
      {
        // valueOf(Object) gets a script object itself, and Java's toString of a NativeObject ignores the script's
        // own: rhino -version 0 -e 'print(java.lang.String.valueOf({ toString: function () { return "hi"; } }))' → [object Object]
        valueOf: (v: unknown) => {
          if (v === null) throw ambiguousOverload("java.lang.String.valueOf", [v], STRING_VALUE_OF_CANDIDATES);
          return new JavaString(typeof v === "number" ? String(new JavaNumber(v)) : convertsItself(v) ? "[object Object]" : text(v));
        },
        format: (f: unknown, ...rest: unknown[]) => new JavaString(javaFormat(text(f), rest)),
        join: (sep: unknown, ...parts: unknown[]) => {
          const items = parts.length === 1 && parts[0] instanceof JavaCollection ? parts[0].items : parts;
          return new JavaString(items.map(text).join(text(sep)));
        },
      },
    ),
    collectionsClass(),
    ...["java.util.Map", "java.util.List"].map(javaInterface),
    mathClass(),
    ...numberClasses(),
    throwableClass("java.lang.RuntimeException"),
    throwableClass("java.lang.NullPointerException"),
    throwableClass("java.lang.SecurityException"),
    new JavaClass("java.util.Arrays", null, {}, {
      // Arrays.asList returns java.util.Arrays$ArrayList, which AM's allow-list does not name.
      asList: () => {
        throw new GuestError('Access to Java class "java.util.Arrays$ArrayList" is prohibited.', "InternalError");
      },
    }),
    new JavaClass("java.util.Date", (args) => new JavaDate(args.length ? num(args[0]) : clockMs)),
    new JavaClass("java.math.BigInteger", (args) => new JavaBigInteger(BigInt(text(args[0])))),
    new JavaClass("java.util.UUID", null, {}, {
      randomUUID: () => new JavaUUID(randomUuid()),
      fromString: (value: unknown) => new JavaUUID(parseUuid(text(value))),
    }),
  ];
}

class JavaDate extends JavaObject {
  readonly members = JAVA_DATE_MEMBERS;
  override readonly javaClass = "java.util.Date";
  constructor(private readonly ms: number) {
    super();
  }
  getTime(): number {
    return this.ms;
  }
  /** Java's Date.toString() on AM (UTC): "Fri Jan 02 03:04:05 UTC 2026". */
  override toString(): string {
    // toUTCString(): "Fri, 02 Jan 2026 03:04:05 GMT"
    const [weekday, date, month, year, time] = new Date(this.ms).toUTCString().split(" ");
    return `${weekday.slice(0, 3)} ${month} ${date} ${time} UTC ${year}`;
  }
}

class JavaBigInteger extends JavaObject {
  readonly members = JAVA_BIG_INTEGER_MEMBERS;
  override readonly javaClass = "java.math.BigInteger";
  constructor(private readonly value: bigint) {
    super();
  }
  add(other: unknown): JavaBigInteger {
    return new JavaBigInteger(this.value + (other instanceof JavaBigInteger ? other.value : BigInt(text(other))));
  }
  longValue(): number {
    return Number(BigInt.asIntN(64, this.value));
  }
  intValue(): number {
    return Number(BigInt.asIntN(32, this.value));
  }
  override toString(): string {
    return this.value.toString();
  }
}

/** UUID.fromString: five hex groups; Java pads short groups, and rejects anything else. */
function parseUuid(value: string): string {
  const groups = value.split("-");
  const widths = [8, 4, 4, 4, 12];
  if (groups.length !== 5 || groups.some((g, i) => !/^[0-9a-fA-F]+$/.test(g) || g.length > widths[i])) {
    throw javaException("java.lang.IllegalArgumentException", `Invalid UUID string: ${value}`);
  }
  return groups.map((g, i) => g.toLowerCase().padStart(widths[i], "0")).join("-");
}

/** java.util.UUID (allow-listed in AM): randomUUID() from the scenario's seed, so runs repeat. */
class JavaUUID extends JavaObject {
  readonly members = JAVA_UUID_MEMBERS;
  override readonly javaClass = "java.util.UUID";
  constructor(private readonly value: string) {
    super();
  }
  override toString(): string {
    return this.value;
  }
  equals(other: unknown): boolean {
    return other instanceof JavaUUID && other.value === this.value;
  }
  hashCode(): number {
    return new JavaString(this.value).hashCode();
  }
  version(): number {
    return parseInt(this.value[14], 16);
  }
  getClass(): never {
    throw new GuestError('Access to Java class "java.lang.Class" is prohibited.', "InternalError");
  }
}
