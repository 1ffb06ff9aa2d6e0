/**
 * What the sandbox needs from binding implementations: host objects the guest sees as opaque
 * objects with methods (AM's Java objects and script wrappers), and guest functions the host may call
 * back (suppliers, promise callbacks). Binding code depends on these types only, never on QuickJS.
 */
import type { MemberTable } from "../bindings/members";

/** A host-side object exposed to scripts. The guest sees only the methods its member table lists. */
export abstract class HostObject {
  /**
   * What scripts may call (`obj.name(...)`), with each method's overloads and doc: one table per class
   * (engine/bindings/tables/), which also renders the editor's declarations.
   */
  abstract readonly members: MemberTable;
  /**
   * Guest method names served by a differently named host method (e.g. a Java `toString()` that must give
   * the script a java.lang.String while the host keeps JavaScript's own toString).
   */
  readonly guestAliases?: Readonly<Record<string, string>>;
  /**
   * JavaScript String.prototype methods the guest applies to String(this) itself (`javaString.match(/x/)`:
   * Rhino lets them reach a java.lang.String), so their arguments (regular expressions) never cross.
   */
  readonly guestStringMethods?: readonly string[];
  /**
   * The error for a call whose argument count no overload in a table that checks arity takes
   * (MemberTable.checksArity): Rhino's "Can't find method java.lang.String.substring()." for a Java object.
   */
  guestNoSuchOverload?(name: string, args: unknown[]): GuestError;
  /** The Java class name AM would report for this object, for messages. */
  readonly javaClass: string = "java.lang.Object";
  /**
   * Property-style access for names that are not methods (Java maps in Rhino answer `map[key]`).
   * Returns `undefined` when there is no such property.
   */
  guestGet?(name: string): unknown;
  /**
   * For a Java String, Number or Boolean: its value, which Rhino's `==` compares when both sides are such
   * Java objects (two different java.lang.String objects with the same text are `==`).
   */
  guestLooseValue?(): string | number | boolean;
  /** Property-style assignment; throw to refuse (e.g. an unmodifiable map). */
  guestSet?(name: string, value: unknown): void;
  /**
   * Arguments (by method and position) that arrive as a GuestReference when they are a script's own array or
   * object, instead of as a copy: the Java methods that keep what Rhino hands them (legacy setField).
   */
  readonly guestReferenceArgs?: Readonly<Record<string, readonly number[]>>;
  /** Names enumerated by `for…in` / `Object.keys` in the guest. */
  guestKeys?(): string[];
  /** `value instanceof this` for a callable host object (a Java class object). */
  guestHasInstance?(value: unknown): boolean;
  /** When set, the guest object is callable/constructible (a Java class object). */
  guestConstruct?(args: unknown[]): unknown;
  /**
   * What method `name` reads as when the script turns it into a string (`"" + obj.name`): e.g. Rhino's
   * `function name() {/*\nint name()\n*\/}\n`; null for the sandbox's neutral native-function text.
   */
  guestMethodSource?(name: string): string | null;
  /**
   * Told of a call of a method this object lacks, as the failed call is worded as Rhino words it ("Cannot find
   * function …"): lets an object whose Java class in AM is not known say so (a run-time warning).
   */
  guestMissingMethod?(name: string): void;
}

/**
 * A script's object whose conversion to text or a number is the script's own code (its toString / valueOf):
 * the sandbox gives its host copy a Symbol.toPrimitive that runs that code in the script (sandbox.ts,
 * attachConversion), so `String(x)` and `Number(x)` on the host answer as Rhino's ScriptRuntime.toString /
 * toNumber do, and what the script's code throws reaches the script. A copy of the copy (toStored) loses it:
 * convert such a value before copying it.
 */
export function convertsItself(value: unknown): value is object {
  return typeof value === "object" && value !== null && !(value instanceof HostObject) && !Array.isArray(value) && Symbol.toPrimitive in value;
}

/** Gives `copy` (a host copy of `original`, e.g. a JSON-like flattening) the script object's own conversion, if it has one. */
export function keepConversion<T extends object>(original: unknown, copy: T): T {
  if (convertsItself(original)) Object.defineProperty(copy, Symbol.toPrimitive, { value: (original as Record<symbol, unknown>)[Symbol.toPrimitive] });
  return copy;
}

/** Thrown by host code to raise an error in the script, with the constructor name the script sees. */
export class GuestError extends Error {
  constructor(
    message: string,
    readonly guestName: string = "Error",
    /** Extra properties set on the thrown guest object (e.g. javaException details). */
    readonly fields: Record<string, unknown> = {},
    /**
     * The script's catch blocks cannot catch it (only finally blocks run), as Rhino treats a raw Java
     * RuntimeException that no reflective method call wrapped.
     */
    readonly escapesCatch = false,
  ) {
    super(message);
    this.name = guestName;
  }

  /**
   * Rhino's own refusal (an EvaluatorException, Context.reportRuntimeError: "Can't find method …", "Cannot
   * convert …", "Access to Java class … is prohibited."), which a catch block sees as an InternalError whose
   * message ends in the script's position. An InternalError carrying a Java exception's class is that Java
   * exception behind the class shutter instead (its message is getMessage(), no position), and one that passes
   * every catch block is never caught.
   */
  get isEvaluatorError(): boolean {
    return this.guestName === "InternalError" && !(this instanceof HiddenJavaException) && !("javaExceptionClass" in this.fields) && !this.escapesCatch;
  }
}

/**
 * A Java exception a Java method threw, of a class the class shutter does not show: Rhino's catch
 * (ScriptRuntime.newCatchScope) makes it an InternalError whose message is the exception's getMessage() alone,
 * with no script position (it is no RhinoException).
 */
export class HiddenJavaException extends GuestError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super(message, "InternalError", fields);
  }
}

/** A function value the script handed to a binding; call it to run script code. */
export interface GuestFunction {
  readonly kind: "guest-function";
  call(...args: unknown[]): unknown;
  /**
   * The function turned into text as the script's engine does it (its toString, so a script's own override
   * counts): what a Java method taking a String gets for it in Rhino. Empty when that fails.
   */
  text(): string;
}

export function isGuestFunction(value: unknown): value is GuestFunction {
  return typeof value === "object" && value !== null && (value as GuestFunction).kind === "guest-function";
}

/** An exception raised by script code inside a callback; re-thrown unchanged into the script. */
export class GuestThrow extends Error {
  constructor(
    readonly payload: unknown,
    message: string,
  ) {
    super(message);
    this.name = "GuestThrow";
  }
}

/**
 * Source to evaluate inside the script's context, whose completion value becomes the host method's result
 * (next-generation library scripts run this way). An exception it throws reaches the script unchanged.
 */
export class GuestEvaluation {
  constructor(
    readonly source: string,
    readonly filename: string,
    /** Called once the evaluation has ended, however it ended (e.g. a library is no longer loading). */
    readonly settled?: () => void,
    /** What the source throws is Rhino's own refusal (GuestError.isEvaluatorError), not a script's error. */
    readonly raisesEvaluatorErrors = false,
  ) {}
}

/** Raw JSON text to materialize inside the guest in one step (fast path for plain data). */
export class GuestJson {
  constructor(readonly text: string) {}
}

const writeBacks = new WeakSet<unknown[]>();

/**
 * Marks an array argument a host method changed in place (e.g. getRandomValues) so the sandbox copies its
 * elements back into the script's own array after the call.
 */
export function writeBackToGuest(array: unknown[]): void {
  writeBacks.add(array);
}

export function takeWriteBack(array: unknown): boolean {
  if (!Array.isArray(array) || !writeBacks.has(array)) return false;
  writeBacks.delete(array);
  return true;
}

/** What the sandbox gives a GuestReference to read the script's object with. */
export interface GuestObjectReader {
  /** A deep copy of the object as it is now (host values, as any argument crosses). */
  copy(): unknown;
  /** Its own enumerable members, with nested arrays and objects as references of their own. */
  members(): [string, unknown][];
}

/**
 * A script's own array or object, held by reference: Rhino hands AM the NativeArray / NativeObject itself (they
 * implement java.util.List / Map), so what AM stores is the script's object, which it reads back unchanged
 * (`getField(k) === a`) and serialises only when the token is issued, with every change made after the store.
 * A host method opts in per argument (HostObject.guestReferenceArgs). Handed back to the script it is the
 * script's object again; when the script's run ends the sandbox settles it to a copy of its last contents,
 * and calls the listeners registered with onSettle, so nothing outlives the run's guest memory.
 */
export class GuestReference {
  private settledCopy: unknown;
  /** The last copy read, kept for a settle that can no longer read the object (a cycle made after the store). */
  private lastCopy: unknown = null;
  private isSettled = false;
  private readonly listeners: ((copy: unknown) => void)[] = [];

  constructor(
    readonly isArray: boolean,
    private readonly reader: GuestObjectReader,
    /** The sandbox's own handle of the object, opaque to binding code. */
    readonly handle: unknown,
  ) {}

  get settled(): boolean {
    return this.isSettled;
  }

  /** The object's contents now: live while the script runs, the settled copy after. */
  contents(): unknown {
    if (this.isSettled) return this.settledCopy;
    return (this.lastCopy = this.reader.copy());
  }

  /** Own members as Rhino's NativeObject.get / NativeArray.get give them (nested arrays stay references). */
  members(): [string, unknown][] {
    if (!this.isSettled) return this.reader.members();
    const copy = this.settledCopy;
    if (Array.isArray(copy)) return copy.map((v, i) => [String(i), v]);
    return copy !== null && typeof copy === "object" ? Object.entries(copy) : [];
  }

  onSettle(listener: (copy: unknown) => void): void {
    this.listeners.push(listener);
  }

  /** Called by the sandbox as the run ends, while the script's memory can still be read. */
  settle(): void {
    if (this.isSettled) return;
    let copy: unknown;
    try {
      copy = this.reader.copy();
    } catch {
      copy = this.lastCopy;
    }
    this.settledCopy = copy;
    this.isSettled = true;
    for (const listener of this.listeners) listener(copy);
  }
}
