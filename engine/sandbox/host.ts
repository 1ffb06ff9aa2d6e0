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
}

/** A function value the script handed to a binding; call it to run script code. */
export interface GuestFunction {
  readonly kind: "guest-function";
  call(...args: unknown[]): unknown;
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
