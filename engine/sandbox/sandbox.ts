/**
 * One script run in a fresh QuickJS runtime and context, with memory, stack and time limits: a prepared one
 * restored byte for byte from a snapshot of the wasm memory (snapshot.ts), or, when that is off or cannot be
 * used, one built for the run.
 * Host objects cross as opaque guest proxies; plain data crosses as JSON; guest functions come back as
 * callable GuestFunction values. Every handle created here is disposed before the runtime is, so a
 * dispose never aborts the process.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from "quickjs-emscripten-core";
import { GuestError, GuestEvaluation, GuestJson, GuestReference, GuestThrow, HostObject, isGuestFunction, takeWriteBack, type GuestFunction } from "./host";
import { HOOKS_SOURCE, PRELUDE_SOURCE } from "./prelude";
import { loadSandboxModule, loadedSandboxModule, recycleSandboxModule, sandboxMemoryCapMiB, takeSandboxStderr } from "./module";
import { memoryMessage, timeoutMessage } from "./limits";
import { timeoutLine } from "./timeout-location";
import { instrumentScript, originalPosition, THROWN_HOOK, type InstrumentedSource } from "./instrument";
import { PROPERTY_ORDER_SOURCE } from "./property-order";
import type { RunError } from "../result";
import { isPlainRecord, newRecord, setOwn } from "../util/own-keys";
import { needsJsonCrossing, readGuestString } from "./strings";
import { dropSnapshot, noteStackUse, restorePrepared, type PreparedSandbox } from "./snapshot";
import { functionConstructorVerdict, LibraryEvaluation } from "./library";

export const SCRIPT_FILENAME = "script.js";

export interface SandboxLimits {
  timeoutMs: number;
  memoryBytes: number;
  stackBytes: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { timeoutMs: 1000, memoryBytes: 32 * 1024 * 1024, stackBytes: 256 * 1024 };

/**
 * What a script's dialect brings to a run, beyond the script and its bindings: the globals its engine lacks,
 * guest code to evaluate first, its wording of errors, and what its host world does around the evaluation.
 * Rhino's (products/am/rhino-profile.ts) makes QuickJS behave like AM's Rhino; a product on plain JavaScript
 * hands an empty one. The sandbox knows no dialect itself.
 */
export interface SandboxProfile {
  /** Dotted paths of globals and methods to delete (what Rhino lacks). */
  hidden: readonly string[];
  /** Maps a guest error to the script's error; lets evaluators word messages like AM. */
  describeError?: (error: GuestErrorInfo) => RunError | null;
  /** The message JSON.parse should give for malformed `text` (the engine's own wording), or null to keep QuickJS's. */
  rewordJsonError?: (text: string) => string | null;
  /**
   * The engine's own text of a caught error's `stack`, from the script's frames (innermost first, the script's own
   * lines): Rhino writes "\tat <source>:<line> (<function>)" per frame. Absent: QuickJS's text is kept.
   */
  formatStack?: (frames: readonly StackFrame[]) => string;
  /**
   * The file name the engine gives the script. With it, an error the engine raised (one whose message is reworded,
   * or a binding's) gets own, enumerable `fileName` and `lineNumber` when caught, as Rhino's errors have; an error the
   * script built keeps the prototype's (Rhino: "" and 0).
   */
  scriptSourceName?: string;
  /** The engine's String.prototype.localeCompare (Rhino: Java's Collator), or QuickJS's own when absent. */
  localeCompare?: (a: string, b: string) => number;
  /** Guest source evaluated after the prelude, before the bindings (e.g. Rhino's dates, for scripts that use them). */
  preludeExtras?: readonly string[];
  /**
   * Rewords an error the script caught, before its catch block sees it: the new message (without the
   * name), or null to keep it. When set, the script is instrumented (instrument.ts): catch blocks are
   * hooked and `==` between two Java values follows Rhino.
   */
  onCaughtError?: (error: GuestErrorInfo) => string | null;
  /**
   * Globals of the run that are the engine's own rather than the product's bindings (Rhino's `java`, `Packages`,
   * `importPackage`, …): defined non-enumerable, as the engine defines them.
   */
  engineGlobals?: readonly string[];
  /** Called as the sandbox starts evaluating this run, before the bindings cross (synchronously, one run at a time). */
  enter?: () => void;
  /** Called once the run is over, whatever its outcome (after enter, or instead of it when setting up failed). */
  leave?: () => void;
}

/** A frame of the script in a caught error's stack: its line in the script as written, and its function's name. */
export interface StackFrame {
  line: number;
  /** The function's own name; absent for the top level and for anonymous functions. */
  name?: string;
}

export interface SandboxRun extends SandboxProfile {
  source: string;
  globals: Record<string, unknown>;
  clockMs: number;
  seed: number;
  limits: SandboxLimits;
  /** Clock used to measure (the host's, not the scenario's). */
  now?: () => number;
  /** Receives a probe that tells the script line executing during a binding call. */
  onLine?: (probe: () => number | undefined) => void;
}

/** The last property the script read from a host object, as a failed call on it needs it described. */
export interface LastRead {
  property: string;
  /** The host object as Rhino's messages show it (its Java toString()). */
  holder: string;
  /** typeof the value the read gave the script. */
  valueType: string;
  /** The value as Rhino's messages show it. */
  value: string;
  /** For a read of a method the holder lacks: tells the holder that the call failed (HostObject.guestMissingMethod). */
  missingMethod?: () => void;
}

export interface GuestErrorInfo {
  name: string;
  message: string;
  stack: string;
  line?: number;
  column?: number;
  /** The error came from a binding (host) call and the script did not catch it. */
  fromBinding: boolean;
  /** The script threw a non-Error value (e.g. a string). */
  thrownValue?: unknown;
  /** Evaluates a side-effect-free expression in the failed script's context, for messages. */
  inspect?: (expression: string) => string | undefined;
  /** The script's last uncached read from a host object before the error. */
  lastRead?: LastRead;
  /**
   * A caught error is Rhino's own refusal raised by a host call (GuestError.isEvaluatorError), caught for the
   * first time: the profile may add what Rhino adds to such a message (AM: the script's position).
   */
  evaluatorError?: boolean;
}

export interface SandboxOutcome {
  error: RunError | null;
  evalMs: number;
}

const MAX_CONVERSION_DEPTH = 64;

/** Script objects with their own toString/valueOf whose host copies keep a way back to them, per run (attachConversion). */
const MAX_GUEST_CONVERSIONS = 4096;

/** What a trapped or exhausted wasm module says (QuickJS's memory past the module's cap). */
const WASM_TRAP = /out of memory|memory access out of bounds|Cannot enlarge memory/i;

/**
 * Elements, keys and objects one value handed to a binding may have in all: one per 32 bytes of the memory
 * limit (a guest array element alone takes 16), so a value the guest can hold without repeating itself crosses,
 * and the host's copy stays a fraction of a second of work.
 */
export function conversionLimit(memoryBytes: number): number {
  return Math.floor(memoryBytes / 32);
}

/**
 * Language features each context starts with. Rhino lacks Map/Set/WeakMap, typed arrays and Promise, so
 * QuickJS does not build them at all (cheaper than deleting them); Proxy stays for the host-object proxies
 * and is deleted from the globals after the prelude has captured it.
 */
const SANDBOX_INTRINSICS = {
  BaseObjects: true,
  Date: true,
  Eval: true,
  StringNormalize: true,
  RegExp: true,
  JSON: true,
  Proxy: true,
  MapSet: false,
  TypedArrays: false,
  Promise: false,
} as const;

const groupedCache = new Map<readonly string[], string>();

/** The hidden paths grouped by owner, as the prelude wants them (computed once per list). */
function groupedHidden(hidden: readonly string[]): string {
  let text = groupedCache.get(hidden);
  if (text === undefined) {
    const groups = new Map<string, string[]>();
    for (const path of hidden) {
      const dot = path.lastIndexOf(".");
      const owner = dot < 0 ? "" : path.slice(0, dot);
      groups.set(owner, [...(groups.get(owner) ?? []), path.slice(dot + 1)]);
    }
    text = JSON.stringify([...groups]);
    groupedCache.set(hidden, text);
  }
  return text;
}

/** What the bridge builds guest values with, in one realm: its context, proxy maker, JSON parser and proxies. */
interface RealmView {
  ctx: QuickJSContext;
  mk: QuickJSHandle;
  fromJson: QuickJSHandle;
  /** Host proxies made in this realm, by object id. */
  proxies: QuickJSHandle[];
  /** The prepared sandbox whose snapshot holds proxy shapes (the script's realm of a restored run), or null. */
  prepared: PreparedSandbox | null;
}

/**
 * What a guest proxy of a host object is made from besides its id: the member names (with the JavaScript
 * String methods marked "~") and the Java class. One per member table and class, computed once.
 */
interface ProxyShape {
  key: string;
  names: string;
  cls: string;
  /** The String methods it was computed with (a class lists them or not; one list in practice). */
  strings: readonly string[] | undefined;
}

/** Shapes by member table, then class: tables are shared, long-lived data, so each is joined once. */
const shapeCache = new WeakMap<object, Map<string, ProxyShape>>();

function proxyShape(obj: HostObject): ProxyShape {
  const strings = obj.guestStringMethods;
  let byClass = shapeCache.get(obj.members);
  if (!byClass) shapeCache.set(obj.members, (byClass = new Map()));
  const known = byClass.get(obj.javaClass);
  if (known && known.strings === strings) return known;
  const names = strings ? [...obj.members.names, ...strings.map((m) => `~${m}`)].join(",") : obj.members.names.join(",");
  const shape = { key: `${obj.javaClass}\n${names}`, names, cls: obj.javaClass, strings };
  if (!known) byClass.set(obj.javaClass, shape);
  return shape;
}

/** At most this many proxy shapes go into a prepared sandbox (a script can name any number of Java packages). */
const MAX_PREPARED_SHAPES = 256;

class Bridge {
  private readonly objects: HostObject[] = [];
  private readonly objectIds = new Map<HostObject, number>();
  private proxies: QuickJSHandle[] = [];
  private readonly retained: QuickJSHandle[] = [];
  /** References handed to host code this run; settled before their handles go (see GuestReference). */
  private readonly references = new Set<GuestReference>();
  private mk!: QuickJSHandle;
  private classifyFn!: QuickJSHandle;
  private fromJson!: QuickJSHandle;
  private readFn!: QuickJSHandle;
  private lastReadFn!: QuickJSHandle;
  private guardFunctionFn!: QuickJSHandle;
  private convertFn!: QuickJSHandle;
  /** Script objects whose conversions this run's host copies can still ask for (attachConversion). */
  private conversions = 0;
  /** The script's own object behind a host copy (attachConversion) or a GuestFunction: what handing it back gives. */
  private readonly originals = new WeakMap<object, QuickJSHandle>();
  /** Serves the guarded Function constructor (id -1, "#fn"): the refusal for the calling frames, or null. */
  onFunctionConstructor: ((stack: string) => string | null) | null = null;
  /** The key "length", kept so that checking a string read (strings.ts) allocates nothing. */
  private lengthKey: QuickJSHandle | undefined;
  /** Serves the guest's catch hook (id -1): the rewritten message, or undefined. */
  onCaught: ((values: unknown[]) => string | null | [string | null, string, number?, string?]) | null = null;
  /** Serves the guest's JSON.parse wrapper (id -1, "#json"). */
  onJsonError: ((text: string) => string | null) | null = null;
  /** Serves the guest's String.prototype.localeCompare (id -1, "#collate"). */
  onLocaleCompare: ((a: string, b: string) => number) | null = null;
  /** Evaluates a library in its own realm (see library.ts); its exports as a handle of this context. */
  evaluateLibrary: ((evaluation: LibraryEvaluation) => QuickJSHandle) | null = null;
  private bindingErrors: QuickJSHandle[] = [];
  private escapingErrors: QuickJSHandle[] = [];
  /** Rhino evaluator errors raised this run and not yet caught (GuestError.isEvaluatorError). */
  private evaluatorErrors: QuickJSHandle[] = [];
  lastBindingError: QuickJSHandle | null = null;

  /** The script's own context, whichever realm the bridge is building for at the moment. */
  private readonly scriptCtx: QuickJSContext;

  /**
   * When the script's time is up (the host's clock), while it runs. QuickJS's interrupt handler is asked only
   * every so many guest operations, so a loop whose every turn is a slow host call (a 1 MB base64, a big
   * conversion) ran for minutes past its limit; every host call checks it before it starts instead (a call
   * under way finishes: its result is simply not used once the script is stopped).
   */
  deadline = Number.POSITIVE_INFINITY;
  /** A host call was refused at the deadline: the run timed out even if the script caught that error. */
  timedOut = false;
  clock: () => number = () => Date.now();
  /** Elements, keys and objects the current conversion to the host has built (see toHost). */
  private converted = 0;

  constructor(
    private ctx: QuickJSContext,
    private prepared: PreparedSandbox | null = null,
    /** The run's memory limit: what a value converted for a binding may cost the host (conversionLimit). */
    private readonly memoryBytes: number = DEFAULT_LIMITS.memoryBytes,
  ) {
    this.scriptCtx = ctx;
  }

  /**
   * Counts one element, key or object of a value being converted for a binding. The guest's memory limit
   * does not bound the copy: an array's holes cost the guest nothing (`a.length = 4294967295`), nor do
   * repeated references to one array (`x = [x, x]` forty times). Without a bound the host loops for hours or
   * dies of V8's "invalid size" error, so the copy ends in the run's memory error instead.
   */
  private countConverted(units: number): void {
    this.converted += units;
    const limit = conversionLimit(this.memoryBytes);
    if (this.converted > limit) {
      const at = this.converted;
      throw new GuestError(
        `out of memory: a value handed to a binding needs more than ${limit} elements, keys and objects in the host (${at} counted: ` +
          `an array counts its whole length, holes included, and a value referenced twice counts twice); that exceeds the run's memory limit of ${mib(this.memoryBytes)} MB`,
        "InternalError",
        {},
        true,
      );
    }
  }

  /**
   * Runs `fn` (a host call a library's realm made) with the values it returns built in that realm: its
   * objects, arrays, errors and host proxies, so that none of them leads back to the script's global.
   */
  inRealm<T>(realm: RealmView, fn: () => T): T {
    const saved: RealmView = { ctx: this.ctx, mk: this.mk, fromJson: this.fromJson, proxies: this.proxies, prepared: this.prepared };
    ({ ctx: this.ctx, mk: this.mk, fromJson: this.fromJson, proxies: this.proxies, prepared: this.prepared } = realm);
    try {
      return fn();
    } finally {
      ({ ctx: this.ctx, mk: this.mk, fromJson: this.fromJson, proxies: this.proxies, prepared: this.prepared } = saved);
    }
  }

  init(helpers: QuickJSHandle): void {
    const ctx = this.ctx;
    this.lengthKey = this.retain(ctx.newString("length"));
    this.mk = this.retain(ctx.getProp(helpers, 0));
    this.classifyFn = this.retain(ctx.getProp(helpers, 1));
    this.fromJson = this.retain(ctx.getProp(helpers, 2));
    this.readFn = this.retain(ctx.getProp(helpers, 3));
    this.lastReadFn = this.retain(ctx.getProp(helpers, 4));
    this.guardFunctionFn = this.retain(ctx.getProp(helpers, 7));
    this.convertFn = this.retain(ctx.getProp(helpers, 8));
  }

  /**
   * Lets host code turn a script's object into text or a number as Rhino does (ScriptRuntime.toString /
   * toNumber call the object's own toString / valueOf): the host copy answers `String(x)`, `${x}` and
   * `Number(x)` by running the conversion on the original object in the guest, so the script's own code runs and
   * what it throws reaches the script unchanged (a GuestThrow), as in Rhino, instead of V8's "Cannot convert
   * object to primitive value" about a copy without a prototype. Only objects classify() marks as converting
   * their own way get one, at most MAX_GUEST_CONVERSIONS a run (each holds the object's handle till the run
   * ends); past that, and once the run is over, the copy reads as Object.prototype.toString would.
   */
  private attachConversion(out: Record<string, unknown>, handle: QuickJSHandle): void {
    const fallback = (hint: string) => (hint === "number" ? Number.NaN : "[object Object]");
    if (this.conversions >= MAX_GUEST_CONVERSIONS) {
      Object.defineProperty(out, Symbol.toPrimitive, { value: fallback });
      return;
    }
    this.conversions++;
    const kept = this.retain(handle.dup());
    this.originals.set(out, kept);
    const ctx = this.scriptCtx;
    const convert = (hint: string): unknown => {
      if (!kept.alive || !this.convertFn.alive) return fallback(hint);
      this.checkDeadline();
      const hintHandle = ctx.newString(hint);
      const result = ctx.callFunction(this.convertFn, ctx.undefined, kept, hintHandle);
      hintHandle.dispose();
      if (result.error) {
        const payload = this.retain(result.error);
        throw new GuestThrow(payload, this.describe(payload));
      }
      try {
        const value = this.toHost(result.value, 0, []);
        return typeof value === "string" || typeof value === "number" ? value : fallback(hint);
      } finally {
        result.value.dispose();
      }
    };
    Object.defineProperty(out, Symbol.toPrimitive, { value: convert });
  }

  /** Puts the script realm's Function constructor behind onFunctionConstructor (prelude.ts, library.ts). */
  guardFunctionConstructor(verdict: (stack: string) => string | null): void {
    this.onFunctionConstructor = verdict;
    const ctx = this.scriptCtx;
    ctx.unwrapResult(ctx.callFunction(this.guardFunctionFn, ctx.undefined)).dispose();
  }

  retain(handle: QuickJSHandle): QuickJSHandle {
    this.retained.push(handle);
    return handle;
  }

  dispose(): void {
    // A listener may itself read a reference (a nested one): settle all first, then let the handles go.
    for (const reference of this.references) reference.settle();
    this.references.clear();
    for (const h of this.retained) if (h.alive) h.dispose();
    this.retained.length = 0;
    for (const h of [...this.bindingErrors, ...this.escapingErrors, ...this.evaluatorErrors]) if (h.alive) h.dispose();
    this.bindingErrors = [];
    this.escapingErrors = [];
    this.evaluatorErrors = [];
  }

  /** The single host entry point the guest's proxies call, within the script's time. */
  dispatch(args: QuickJSHandle[]): QuickJSHandle {
    this.checkDeadline();
    return this.serve(args);
  }

  /** Past the deadline a host call ends as QuickJS's interrupt would end the script: a timeout no catch keeps. */
  private checkDeadline(): void {
    if (this.clock() > this.deadline) {
      this.timedOut = true;
      throw new GuestError("interrupted", "InternalError", {}, true);
    }
  }

  private serve(args: QuickJSHandle[]): QuickJSHandle {
    const ctx = this.ctx;
    const id = ctx.getNumber(args[0]);
    const name = readGuestString(ctx, args[1], this.lengthKey);
    const argc = Math.min(ctx.getNumber(args[2]), 6);
    const values: unknown[] = [];
    if (id === -1 && name === "#json") {
      const text = this.toHost(args[3], 0, []);
      return this.toGuest((typeof text === "string" ? this.onJsonError?.(text) : null) ?? undefined);
    }
    if (id === -1 && name === "#collate" && this.onLocaleCompare) {
      const a = this.toHost(args[3], 0, []);
      const b = this.toHost(args[4], 0, []);
      return ctx.newNumber(typeof a === "string" && typeof b === "string" ? this.onLocaleCompare(a, b) : 0);
    }
    if (id === -1 && name === "#fn") {
      const stack = this.toHost(args[3], 0, []);
      return this.toGuest(this.onFunctionConstructor?.(typeof stack === "string" ? stack : "") ?? undefined);
    }
    if (id === -1 && name === "#eq") return rhinoJavaEquals(this.toHost(args[3], 0, []), this.toHost(args[4], 0, [])) ? ctx.true : ctx.false;
    if (id === -1 && name === "#evaluator") {
      // The sandbox's own guest code raising Rhino's refusal (prelude.ts): caught, it reads as one a host call raised.
      this.evaluatorErrors.push(args[3]!.dup());
      return args[3]!.dup();
    }
    if (id === -1 && name === "#caught") {
      const error = args[3 + 5];
      if (error && this.escapingErrors.some((h) => ctx.sameValue(h, error))) return ctx.true;
      for (let i = 0; i < Math.min(argc, 5); i++) values.push(this.toHost(args[3 + i], 0, []));
      // Rhino words an evaluator error once, when it becomes a script error object; a rethrown one keeps its text.
      const at = error ? this.evaluatorErrors.findIndex((h) => ctx.sameValue(h, error)) : -1;
      values.push(at >= 0);
      if (at >= 0) this.evaluatorErrors.splice(at, 1)[0]!.dispose();
      // The hook must never turn a caught error into another one: any failure keeps QuickJS's message.
      let reworded: string | null | [string | null, string, number?, string?];
      try {
        reworded = this.onCaught?.(values) ?? null;
      } catch {
        reworded = null;
      }
      return this.toGuest(Array.isArray(reworded) ? [reworded[0] ?? undefined, ...reworded.slice(1)] : (reworded ?? undefined));
    }
    const target = this.objects[id];
    if (!target) throw new GuestError("Stale host object", "InternalError");
    // More than six arguments arrive as one array (argc -1), e.g. logger.message with many {} placeholders.
    if (argc === -1) values.push(...(this.toHost(args[3], 0, []) as unknown[]));
    const byReference = target.guestReferenceArgs && Object.hasOwn(target.guestReferenceArgs, name) ? target.guestReferenceArgs[name] : undefined;
    for (let i = 0; i < argc; i++) values.push(byReference?.includes(i) ? this.reference(args[3 + i]) : this.toHost(args[3 + i], 0, []));
    let result: unknown;
    if (name === "#get") result = target.guestGet ? target.guestGet(String(values[0])) : undefined;
    else if (name === "#set") {
      if (!target.guestSet) throw new GuestError(`Cannot set property on ${target.javaClass}`, "TypeError");
      target.guestSet(String(values[0]), values[1]);
      result = undefined;
    } else if (name === "#keys") result = target.guestKeys ? target.guestKeys() : [];
    else if (name === "#instanceof") result = target.guestHasInstance ? target.guestHasInstance(values[0]) : false;
    else if (name === "#source") result = target.guestMethodSource?.(String(values[0])) ?? null;
    else if (name === "#new") {
      if (!target.guestConstruct) throw new GuestError(`${target.javaClass} is not a function`, "TypeError");
      result = target.guestConstruct(values);
    } else {
      // "#primitive" (the guest's Symbol.toPrimitive, see prelude.ts) is served by guestPrimitive(hint).
      const alias = target.guestAliases && Object.hasOwn(target.guestAliases, name) ? target.guestAliases[name] : name === "#primitive" ? "guestPrimitive" : name;
      const method = (target as unknown as Record<string, unknown>)[alias];
      if (typeof method !== "function" || !target.members.has(name)) {
        throw new GuestError(`Cannot find function ${name} in object ${target.javaClass}.`, "TypeError");
      }
      if (target.members.checksArity && target.guestNoSuchOverload && !target.members.accepts(name, values.length)) {
        throw target.guestNoSuchOverload(name, values);
      }
      result = (method as (...a: unknown[]) => unknown).apply(target, values);
      let same: QuickJSHandle | undefined;
      values.forEach((value, i) => {
        if (!takeWriteBack(value)) return;
        this.writeBack(args[3 + i], value as unknown[]);
        // A method that fills the script's array and returns it (getRandomValues) hands back that very array, as
        // Rhino hands AM the NativeArray itself: `getRandomValues(a) === a` (live AIC), not a copy.
        if (result === value) same = args[3 + i];
      });
      if (same) return same.dup();
    }
    return this.toGuest(result);
  }

  /** What the script last read from a host object (the prelude keeps it), described for messages. */
  lastRead(): LastRead | undefined {
    const result = this.ctx.callFunction(this.lastReadFn, this.ctx.undefined);
    if (result.error) {
      result.error.dispose();
      return undefined;
    }
    try {
      const [holder, property] = this.toHost(result.value, 0, []) as [unknown, unknown];
      return describeRead(holder, property);
    } catch {
      return undefined;
    } finally {
      result.value.dispose();
    }
  }

  /** A script's own array or object as a GuestReference; any other value as toHost converts it. */
  private reference(handle: QuickJSHandle): unknown {
    const ctx = this.ctx;
    if (ctx.typeof(handle) !== "object" || ctx.sameValue(handle, ctx.null)) return this.toHost(handle, 0, []);
    const id = this.classify(handle);
    if (id >= 0) return this.objects[id];
    const kept = this.retain(handle.dup());
    const reference = new GuestReference(id === -2, {
      copy: () => this.toHost(kept, 0, []),
      members: () => this.referenceMembers(kept, id === -2),
    }, kept);
    this.references.add(reference);
    return reference;
  }

  private referenceMembers(handle: QuickJSHandle, isArray: boolean): [string, unknown][] {
    const ctx = this.ctx;
    const out: [string, unknown][] = [];
    const member = (key: string, value: QuickJSHandle) => {
      try {
        out.push([key, this.reference(value)]);
      } finally {
        value.dispose();
      }
    };
    if (isArray) {
      const length = ctx.getLength(handle) ?? 0;
      for (let i = 0; i < length; i++) member(String(i), ctx.getProp(handle, i));
      return out;
    }
    const names = ctx.getOwnPropertyNames(handle, { strings: true, numbersAsStrings: true, onlyEnumerable: true }).unwrap();
    try {
      for (const keyHandle of names) {
        const key = readGuestString(ctx, keyHandle, this.lengthKey);
        member(key, this.getPropChecked(handle, key));
      }
    } finally {
      for (const k of names) k.dispose();
    }
    return out;
  }

  private writeBack(target: QuickJSHandle, values: unknown[]): void {
    values.forEach((value, i) => {
      const h = this.toGuest(value);
      this.ctx.setProp(target, i, h);
      h.dispose();
    });
  }

  /** Converts a guest value to a host value. Objects are copied; cycles and excessive depth are refused. */
  toHost(handle: QuickJSHandle, depth: number, seen: QuickJSHandle[]): unknown {
    if (depth > 0) return this.convertToHost(handle, depth, seen);
    // A conversion of its own (a getter of the value may call a binding): its count, then the outer one's again.
    const outer = this.converted;
    this.converted = 0;
    try {
      return this.convertToHost(handle, depth, seen);
    } finally {
      this.converted = outer;
    }
  }

  private convertToHost(handle: QuickJSHandle, depth: number, seen: QuickJSHandle[]): unknown {
    const ctx = this.ctx;
    const type = ctx.typeof(handle);
    switch (type) {
      case "undefined":
        return undefined;
      case "boolean":
        return ctx.dump(handle) as boolean;
      case "number":
        return ctx.getNumber(handle);
      case "string":
        return readGuestString(ctx, handle, this.lengthKey);
      case "bigint":
        return Number(ctx.getBigInt(handle));
      case "symbol":
        return String(ctx.getSymbol(handle).description ?? "");
      case "function": {
        const id = this.classify(handle);
        if (id >= 0) return this.objects[id];
        return this.guestFunction(handle);
      }
      case "object": {
        if (ctx.sameValue(handle, ctx.null)) return null;
        const id = this.classify(handle);
        if (id >= 0) return this.objects[id];
        if (depth > MAX_CONVERSION_DEPTH) {
          throw new GuestError(
            `A value nested more than ${MAX_CONVERSION_DEPTH + 1} objects or arrays deep cannot be handed to a binding (a playground limit; AM has none so low).`,
            "TypeError",
          );
        }
        for (const prior of seen) {
          if (ctx.sameValue(prior, handle)) throw new GuestError("Cyclic value cannot be converted", "TypeError");
        }
        seen.push(handle);
        try {
          this.countConverted(1);
          if (id === -2) {
            const length = ctx.getLength(handle) ?? 0;
            this.countConverted(length);
            const out: unknown[] = [];
            for (let i = 0; i < length; i++) {
              const item = ctx.getProp(handle, i);
              try {
                out.push(this.toHost(item, depth + 1, seen));
              } finally {
                item.dispose();
              }
            }
            return out;
          }
          const keys = ctx.getOwnPropertyNames(handle, { strings: true, numbersAsStrings: true, onlyEnumerable: true });
          const names = keys.unwrap();
          // The script chooses these keys: a record without Object.prototype keeps "__proto__" as a key.
          const out = newRecord();
          try {
            this.countConverted(names.length);
            for (const keyHandle of names) {
              const key = readGuestString(ctx, keyHandle, this.lengthKey);
              const value = this.getPropChecked(handle, key);
              try {
                setOwn(out, key, this.toHost(value, depth + 1, seen));
              } finally {
                value.dispose();
              }
            }
          } finally {
            for (const k of names) k.dispose();
          }
          if (id === -3) this.attachConversion(out, handle);
          return out;
        } finally {
          seen.pop();
        }
      }
      default:
        return undefined;
    }
  }

  /** Reads a property in the guest, so a throwing getter raises the script's own error. */
  private getPropChecked(handle: QuickJSHandle, key: string): QuickJSHandle {
    const ctx = this.ctx;
    const keyHandle = this.guestString(key);
    const result = ctx.callFunction(this.readFn, ctx.undefined, handle, keyHandle);
    keyHandle.dispose();
    if (result.error) {
      const payload = this.retain(result.error);
      throw new GuestThrow(payload, this.describe(payload));
    }
    return result.value;
  }

  /** A host object's id, -1 for a plain object, -2 for an array. */
  private classify(handle: QuickJSHandle): number {
    const result = this.ctx.callFunction(this.classifyFn, this.ctx.undefined, handle);
    const value = this.ctx.unwrapResult(result);
    const id = this.ctx.getNumber(value);
    value.dispose();
    return id;
  }

  private guestFunction(handle: QuickJSHandle): GuestFunction {
    const ctx = this.ctx;
    const fn = this.retain(handle.dup());
    const guestFn: GuestFunction = {
      kind: "guest-function",
      text: () => {
        let method: QuickJSHandle;
        try {
          method = this.getPropChecked(fn, "toString");
        } catch {
          return "";
        }
        const result = ctx.callFunction(method, fn);
        method.dispose();
        if (result.error) {
          result.error.dispose();
          return "";
        }
        try {
          return ctx.typeof(result.value) === "string" ? readGuestString(ctx, result.value, this.lengthKey) : "";
        } finally {
          result.value.dispose();
        }
      },
      call: (...args: unknown[]) => {
        const argHandles = args.map((a) => this.toGuest(a));
        const result = ctx.callFunction(fn, ctx.undefined, ...argHandles);
        for (const h of argHandles) if (h.alive) h.dispose();
        if (result.error) {
          const payload = this.retain(result.error);
          throw new GuestThrow(payload, this.describe(payload));
        }
        try {
          return this.toHost(result.value, 0, []);
        } finally {
          result.value.dispose();
        }
      },
    };
    this.originals.set(guestFn, fn);
    return guestFn;
  }

  /**
   * The script's own object or function a host value stands for, while the run holds it and only in the
   * script's realm: a Java list gives back what the script added (`l.get(0) === o`, as Rhino's list holds the
   * NativeObject), and a library realm never receives the script realm's objects this way.
   */
  private original(value: object): QuickJSHandle | null {
    const handle = this.originals.get(value);
    return handle && handle.alive && this.ctx === this.scriptCtx ? handle.dup() : null;
  }

  describe(handle: QuickJSHandle): string {
    const ctx = this.ctx;
    if (ctx.typeof(handle) === "object" && !ctx.sameValue(handle, ctx.null)) {
      const msg = ctx.getProp(handle, "message");
      try {
        if (ctx.typeof(msg) === "string") return readGuestString(ctx, msg, this.lengthKey);
      } finally {
        msg.dispose();
      }
    }
    return String(ctx.dump(handle));
  }

  /** Converts a host value to a new guest handle (the caller owns it). */
  toGuest(value: unknown): QuickJSHandle {
    const ctx = this.ctx;
    if (value === undefined) return ctx.undefined;
    if (value === null) return ctx.null;
    switch (typeof value) {
      case "boolean":
        return value ? ctx.true : ctx.false;
      case "number":
        return ctx.newNumber(value);
      case "string":
        return this.guestString(value);
      case "bigint":
        return ctx.newNumber(Number(value));
      case "object":
        break;
      default:
        return ctx.undefined;
    }
    if (value instanceof HostObject) return this.hostProxy(value);
    if (value instanceof GuestReference) {
      // The script's own object while this run holds it; its settled copy once the run that held it ended.
      const handle = value.handle as QuickJSHandle;
      if (!value.settled && this.references.has(value) && handle.alive) return handle.dup();
      return this.toGuest(value.contents());
    }
    if (value instanceof GuestJson) return this.json(value.text);
    if (value instanceof LibraryEvaluation) {
      try {
        // Never in the script's realm: there the library would reach the context bindings.
        if (!this.evaluateLibrary) throw new GuestError("Library scripts cannot be loaded here", "InternalError");
        return this.evaluateLibrary(value);
      } finally {
        value.settled?.();
      }
    }
    if (value instanceof GuestEvaluation) {
      let result: ReturnType<QuickJSContext["evalCode"]>;
      try {
        result = ctx.evalCode(value.source, value.filename);
      } finally {
        value.settled?.();
      }
      if (result.error) {
        if (value.raisesEvaluatorErrors) this.evaluatorErrors.push(result.error.dup());
        const payload = this.retain(result.error);
        throw new GuestThrow(payload, this.describe(payload));
      }
      return result.value;
    }
    if (value instanceof GuestThrow) return (value.payload as QuickJSHandle).dup();
    const original = this.original(value);
    if (original) return original;
    if (isGuestFunction(value)) throw new GuestError("A script function cannot be handed back here (a library script's realm, or after the run that made it)", "InternalError");
    if (Array.isArray(value)) {
      if (isPlainData(value)) return this.json(JSON.stringify(value));
      const array = ctx.newArray();
      value.forEach((item, i) => {
        const h = this.toGuest(item);
        ctx.setProp(array, i, h);
        h.dispose();
      });
      return array;
    }
    if (value instanceof Uint8Array) return this.toGuest(Array.from(value, (b) => (b > 127 ? b - 256 : b)));
    if (isPlainData(value)) return this.json(JSON.stringify(value));
    const obj = ctx.newObject();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const h = this.toGuest(v);
      // Defined, not assigned: a "__proto__" key must stay a key in the guest too.
      const key = needsJsonCrossing(k) ? this.guestString(k) : k;
      ctx.defineProp(obj, key, { value: h, configurable: true, enumerable: true });
      if (typeof key !== "string") key.dispose();
      h.dispose();
    }
    return obj;
  }

  /** A guest string with exactly this text (see strings.ts: NUL and lone surrogates cross as JSON). */
  guestString(text: string): QuickJSHandle {
    return needsJsonCrossing(text) && this.fromJson ? this.json(JSON.stringify(text)) : this.ctx.newString(text);
  }

  private json(text: string): QuickJSHandle {
    const ctx = this.ctx;
    const str = ctx.newString(text);
    const result = ctx.callFunction(this.fromJson, ctx.undefined, str);
    str.dispose();
    return ctx.unwrapResult(result);
  }

  /**
   * The guest proxy of a host object in the realm being built for; the same object always gets the same proxy
   * there (so `===` holds, as in Rhino), and one id in every realm, so the host knows it whichever hands it back.
   */
  hostProxy(obj: HostObject): QuickJSHandle {
    const ctx = this.ctx;
    let id = this.objectIds.get(obj);
    const known = id === undefined ? undefined : this.proxies[id];
    if (known) return known.dup();
    if (id === undefined) {
      id = this.objects.length;
      this.objects.push(obj);
      this.objectIds.set(obj, id);
    }
    const dynamic = typeof obj.guestGet === "function";
    const callable = typeof obj.guestConstruct === "function";
    const shape = proxyShape(obj);
    // A shape the prepared sandbox holds crosses as its index; another crosses whole, and is built into the
    // snapshot before the next run (restorePrepared's extend), so that a run does not split member lists.
    const at = this.prepared?.shapes.get(shape.key) ?? -1;
    const prepared = this.prepared;
    if (at < 0 && prepared && prepared.shapes.size + prepared.pendingShapes.size < MAX_PREPARED_SHAPES) {
      prepared.pendingShapes.set(shape.key, { names: shape.names, cls: shape.cls });
    }
    // Objects of one class share their method functions (`a.length === b.length`, as Rhino's NativeJavaMethod).
    const flags = [dynamic ? ctx.true : ctx.false, callable ? ctx.true : ctx.false];
    const args = at >= 0 ? [ctx.newNumber(id), ctx.newNumber(at), ...flags] : [ctx.newNumber(id), ctx.newNumber(-1), ...flags, ctx.newString(shape.names), ctx.newString(shape.cls)];
    const result = ctx.callFunction(this.mk, ctx.undefined, ...args);
    for (const a of args) a.dispose();
    const proxy = ctx.unwrapResult(result);
    this.proxies[id] = this.retain(proxy.dup());
    return proxy;
  }

  /** Raises a host failure in the guest; remembered so an uncaught one is reported as a binding error. */
  raise(error: unknown): QuickJSHandle {
    const ctx = this.ctx;
    if (error instanceof GuestThrow) return (error.payload as QuickJSHandle).dup();
    // Host code turning a value with no usable toString/valueOf into text fails with V8's wording, about a host
    // copy: the script reads Rhino's own TypeError for that (rhino -version 0 -e 'String({ toString: 5,
    // valueOf: function () { return {}; } })' → TypeError: Cannot find default value for object.).
    if (error instanceof TypeError && /^Cannot convert object to primitive value/.test(error.message)) {
      error = new GuestError("Cannot find default value for object.", "TypeError");
    }
    const guestError = error instanceof GuestError ? error : null;
    const message = error instanceof Error ? error.message : String(error);
    const handle = ctx.newError({ name: guestError?.guestName ?? "InternalError", message: "" });
    // Host messages quote script strings (a secret's label, a library's name): they keep every character.
    const messageHandle = this.guestString(message);
    ctx.setProp(handle, "message", messageHandle);
    messageHandle.dispose();
    if (guestError) {
      for (const [k, v] of Object.entries(guestError.fields)) {
        const h = this.toGuest(v);
        ctx.setProp(handle, k, h);
        h.dispose();
      }
    }
    this.bindingErrors.push(handle.dup());
    if (guestError?.escapesCatch) this.escapingErrors.push(handle.dup());
    if (guestError?.isEvaluatorError) this.evaluatorErrors.push(handle.dup());
    return handle;
  }

  isBindingError(handle: QuickJSHandle): boolean {
    return this.bindingErrors.some((h) => this.ctx.sameValue(h, handle));
  }
}

/** Plain JSON data (no host objects, no functions, no typed arrays) can cross as one JSON string. */
function isPlainData(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (value === null) return true;
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object":
      if (Array.isArray(value)) return value.every((v) => isPlainData(v, depth + 1));
      if (!isPlainRecord(value)) return false;
      return Object.values(value as object).every((v) => isPlainData(v, depth + 1));
    default:
      return false;
  }
}

const STACK_LOCATION = new RegExp(`${SCRIPT_FILENAME.replace(".", "\\.")}:(\\d+)(?::(\\d+))?`);

/** The script line (and column, in the script's own text) a guest stack points at. */
/** A compile error's stack has one frame naming the script file itself, not a function in it. */
const COMPILE_ERROR_FRAME = new RegExp(`^\\s*at ${SCRIPT_FILENAME.replace(".", "\\.")}:\\d+`);

const STACK_FRAME = new RegExp(`^\\s*at (?:(\\S+) \\()?${SCRIPT_FILENAME.replace(".", "\\.")}:(\\d+)(?::(\\d+))?\\)?$`);

/** The script's frames of a QuickJS stack, with the script's own lines; the sandbox's helpers and natives left out. */
function scriptFrames(stack: string, instrumented?: InstrumentedSource): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const text of stack.split("\n")) {
    const m = STACK_FRAME.exec(text);
    if (!m) continue;
    const line = Number(m[2]);
    const at = m[3] && instrumented ? originalPosition(instrumented, line, Number(m[3])).line : line;
    const name = m[1] && m[1] !== "<anonymous>" && m[1] !== "<eval>" ? m[1] : undefined;
    frames.push(name ? { line: at, name } : { line: at });
  }
  return frames;
}

function locate(stack: string, instrumented?: InstrumentedSource): { line?: number; column?: number } {
  const m = STACK_LOCATION.exec(stack);
  if (!m) return {};
  const line = Number(m[1]);
  if (!m[2]) return { line };
  const column = Number(m[2]);
  return instrumented ? originalPosition(instrumented, line, column) : { line, column };
}

/**
 * Java's Object.toString() hash for a host object without a toString of its own. Rhino's is arbitrary; this
 * one is derived from the class name so that the same script gives the same message on every run.
 */
function identityHashOf(holder: HostObject): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < holder.javaClass.length; i++) hash = Math.imul(hash ^ holder.javaClass.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16);
}

/**
 * Rhino's `==` between two wrapped Java objects: the same object, or two "primitive" Java values (String,
 * Number, Boolean) compared as JavaScript compares their values. Host objects that stand for such values
 * expose them through guestPrimitive (the guest's Symbol.toPrimitive).
 */
function rhinoJavaEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = a instanceof HostObject ? a.guestLooseValue?.() : undefined;
  const y = b instanceof HostObject ? b.guestLooseValue?.() : undefined;
  // Loose equality on purpose: Rhino applies JavaScript's == to the two values.
  return x !== undefined && y !== undefined && x == y;
}

/** typeof, as the script would see the guest form of a host value. */
function guestTypeof(value: unknown): string {
  if (value === null) return "object";
  if (value instanceof HostObject) return typeof value.guestConstruct === "function" ? "function" : "object";
  if (isGuestFunction(value)) return "function";
  return typeof value;
}

function describeRead(holder: unknown, property: unknown): LastRead | undefined {
  if (!(holder instanceof HostObject) || typeof property !== "string") return undefined;
  const isMethod = holder.members.has(property);
  let value: unknown;
  try {
    value = isMethod ? undefined : holder.guestGet?.(property);
  } catch {
    return undefined; // the read itself failed, so no call was made on its value
  }
  const shown = String(holder);
  const missing = !isMethod && value === undefined && holder.guestMissingMethod ? { missingMethod: () => holder.guestMissingMethod?.(property) } : {};
  return {
    property,
    holder: shown === "[object Object]" ? `${holder.javaClass}@${identityHashOf(holder)}` : shown,
    valueType: isMethod ? "function" : guestTypeof(value),
    value: value === undefined ? "undefined" : String(value),
    ...missing,
  };
}

export function describeGuestError(info: GuestErrorInfo): RunError {
  const message = info.thrownValue !== undefined ? String(info.thrownValue) : `${info.name}: ${info.message}`;
  let kind: RunError["kind"] = info.fromBinding ? "binding" : "runtime";
  // Only a compile error is a syntax error; JSON.parse, eval or new RegExp failing at run time is a runtime one.
  if (info.name === "SyntaxError" && COMPILE_ERROR_FRAME.test(info.stack)) kind = "syntax";
  if (info.name === "InternalError" && /interrupted/.test(info.message)) kind = "timeout";
  if (/out of memory/i.test(info.message)) kind = "memory";
  return { kind, message, ...(info.line ? { line: info.line } : {}), ...(info.column ? { column: info.column } : {}) };
}

function errorInfo(ctx: QuickJSContext, bridge: Bridge, handle: QuickJSHandle, instrumented: InstrumentedSource | undefined): GuestErrorInfo {
  const fromBinding = bridge.isBindingError(handle);
  const isObject = ctx.typeof(handle) === "object" && !ctx.sameValue(handle, ctx.null);
  const read = (key: string): string => {
    if (!isObject) return "";
    const h = ctx.getProp(handle, key);
    try {
      return ctx.typeof(h) === "string" ? readGuestString(ctx, h) : "";
    } finally {
      h.dispose();
    }
  };
  const name = read("name");
  const message = read("message");
  const stack = read("stack");
  const isError = isObject && (name !== "" || stack !== "");
  const info: GuestErrorInfo = { name: name || "Error", message, stack, fromBinding, ...locate(stack, instrumented) };
  if (!isError) {
    let thrown: unknown;
    try {
      thrown = bridge.toHost(handle, 0, []);
    } catch {
      thrown = "[unconvertible value]";
    }
    info.thrownValue = thrown === undefined ? "undefined" : typeof thrown === "object" ? JSON.stringify(thrown) : thrown;
  }
  return info;
}

/** Files of the sandbox's own guest code, which runs on behalf of the script's frame beneath it. */
const GUEST_HELPER_FILES = new Set(["prelude.js", "hooks.js", "prelude-extra.js"]);

function mib(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

/**
 * A run stopped at a limit, worded to name the limit. A timeout is placed at the running loop's line, which
 * QuickJS does not report (see timeout-location.ts), or at no line; a memory error keeps the allocation's line.
 */
function limitError(run: SandboxRun, info: GuestErrorInfo, error: RunError | null): RunError | null {
  if (error?.kind === "timeout") {
    // Stopped inside a library or a builtin: the script's own frame is waiting in the call that ran long.
    const top = /^\s*at [^\n]*?\(([^):\n]+)/m.exec(info.stack)?.[1];
    const inCallee = top !== undefined && top !== SCRIPT_FILENAME && !GUEST_HELPER_FILES.has(top);
    const line = inCallee ? info.line : timeoutLine(run.source, info);
    return { kind: "timeout", message: timeoutMessage(run.limits.timeoutMs), ...(line ? { line } : {}) };
  }
  // QuickJS's own bare "out of memory" gets the sentence that names the limits; an evaluator's memory error
  // (the legacy host-side budget) already names its own limit and keeps it.
  if (error?.kind === "memory" && !/memory limit of/.test(error.message)) {
    return { ...error, message: memoryMessage(sandboxMemoryCapMiB(), mib(run.limits.memoryBytes)) };
  }
  return error;
}

/** Where the script threw a value that is not an Error, if the throw hook noted it (instrument.ts, THROW_HOOK). */
function thrownAt(ctx: QuickJSContext, thrown: QuickJSHandle, instrumented: InstrumentedSource | undefined): { line?: number; column?: number } {
  const noted = ctx.evalCode(`${THROWN_HOOK}()`, "thrown-probe.js");
  if (noted.error) {
    noted.error.dispose();
    return {};
  }
  const value = ctx.getProp(noted.value, 0);
  const stack = ctx.getProp(noted.value, 1);
  try {
    if (!ctx.sameValue(value, thrown) || ctx.typeof(stack) !== "string") return {};
    return locate(ctx.getString(stack), instrumented);
  } finally {
    for (const h of [value, stack, noted.value]) h.dispose();
  }
}

/** Whether the context cannot allocate a quarter of a megabyte more: its memory is what ended the run. */
function memoryExhausted(ctx: QuickJSContext): boolean {
  const probe = ctx.evalCode("new Array(256 * 1024).join('x').length", "memory-probe.js");
  if (probe.error) {
    probe.error.dispose();
    return true;
  }
  probe.value.dispose();
  return false;
}

/** Runs one script; never throws for script failures (they come back as `error`). */
export async function runInSandbox(run: SandboxRun): Promise<SandboxOutcome> {
  const mod = loadedSandboxModule() ?? (await loadSandboxModule());
  return runWithModule(mod, run);
}

/** A host secret the guest's proxies answer to; fresh for every run so a script cannot forge a proxy. */
function newProxyKey(): string {
  return `#host-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

/**
 * A runtime and context with the prelude evaluated once, for the snapshot (snapshot.ts): the prelude gets
 * placeholder clock, seed and key, which every run replaces through the prelude's configure().
 */
function prepareSandbox(mod: QuickJSWASMModule, hidden: string): PreparedSandbox {
  const runtime = mod.newRuntime();
  const context = runtime.newContext({ intrinsics: SANDBOX_INTRINSICS });
  const dispatch: PreparedSandbox["dispatch"] = { target: null };
  const call = context.newFunction("call", (...args) => {
    if (!dispatch.target) throw new Error("No run is using this sandbox");
    return dispatch.target(args);
  });
  // The context caches the global object's handle on first use: it must exist in the captured memory.
  const global = context.global;
  const preludeFn = context.unwrapResult(context.evalCode(PRELUDE_SOURCE, "prelude.js"));
  const preludeArgs = [global, call, context.newNumber(0), context.newNumber(0), context.newString(hidden), context.newString(newProxyKey())];
  const helpers = context.unwrapResult(context.callFunction(preludeFn, context.undefined, ...preludeArgs));
  for (const h of preludeArgs.slice(2)) h.dispose();
  preludeFn.dispose();
  return { runtime, context, call, helpers, dispatch, shapes: new Map(), pendingShapes: new Map() };
}

/** Builds the proxy shapes runs met into the prepared sandbox (its memory just restored, before the new snapshot). */
function addPendingShapes(prepared: PreparedSandbox): void {
  const { context, helpers } = prepared;
  const pending = [...prepared.pendingShapes];
  prepared.pendingShapes.clear();
  const addShapes = context.getProp(helpers, 6);
  const list = context.newString(JSON.stringify(pending.map(([, shape]) => [shape.names, shape.cls])));
  try {
    context.unwrapResult(context.callFunction(addShapes, context.undefined, list)).dispose();
  } finally {
    addShapes.dispose();
    list.dispose();
  }
  for (const [key] of pending) prepared.shapes.set(key, prepared.shapes.size);
}

/** What a library realm is built from: the run's own runtime, script context and Rhino emulation. */
interface RealmSetup {
  runtime: QuickJSRuntime;
  context: QuickJSContext;
  bridge: Bridge;
  run: SandboxRun;
  /** The run's hidden globals, grouped as the prelude takes them. */
  hidden: string;
  /** The run's proxy secret: a realm's proxies answer it too, so the bridge knows them as host objects. */
  proxyKey: string;
  /** The script's JSON.parse is hooked (Rhino's wording of its errors), so a library's is too. */
  jsonHook: boolean;
  dispatch: (args: QuickJSHandle[]) => QuickJSHandle;
}

/**
 * The realms of a run's library scripts (library.ts), one per library name, made on the first require and
 * disposed with the run. A realm gets what the script's context got before the script ran (the prelude with
 * the same clock and hidden globals, the JSON.parse hook, the profile's extras), then the run's bindings
 * except the context ones. Nothing of this is paid by a run that requires no library.
 */
class LibraryRealms {
  private readonly realms = new Map<string, QuickJSContext>();
  /** Library names by the file their code runs as, for the Function constructor's verdict. */
  private readonly names = new Map<string, string>();

  constructor(private readonly setup: RealmSetup) {}

  /** Evaluates the library in its realm; its exports, or its exception, as a handle of the script's context. */
  evaluate(evaluation: LibraryEvaluation): QuickJSHandle {
    const realm = this.realmOf(evaluation);
    const result = realm.evalCode(evaluation.source, evaluation.filename);
    if (result.error) {
      const payload = this.setup.bridge.retain(this.adopt(result.error));
      throw new GuestThrow(payload, this.setup.bridge.describe(payload));
    }
    return this.adopt(result.value);
  }

  dispose(): void {
    for (const realm of this.realms.values()) if (realm.alive) realm.dispose();
    this.realms.clear();
  }

  /**
   * The same value as a handle of the script's context (handles belong to a context, values to the runtime),
   * so that what the bridge keeps never outlives the realm's handles, which go with the realm.
   */
  private adopt(handle: QuickJSHandle): QuickJSHandle {
    const ctx = this.setup.context;
    const box = ctx.newArray();
    ctx.setProp(box, 0, handle);
    handle.dispose();
    const own = ctx.getProp(box, 0);
    box.dispose();
    return own;
  }

  private realmOf(evaluation: LibraryEvaluation): QuickJSContext {
    const known = this.realms.get(evaluation.name);
    if (known) return known;
    const { runtime, bridge, run, hidden, proxyKey, jsonHook, dispatch } = this.setup;
    this.names.set(evaluation.filename, evaluation.name);
    if (this.realms.size === 0) {
      // Before the first library's code runs: a value the script hands it must not lead to the script's global.
      bridge.guardFunctionConstructor((stack) => {
        const refusal = functionConstructorVerdict(stack, SCRIPT_FILENAME, this.names);
        if (refusal) evaluation.refused(refusal);
        return refusal;
      });
    }
    const realm = runtime.newContext({ intrinsics: SANDBOX_INTRINSICS });
    try {
      const view: RealmView = { ctx: realm, mk: realm.undefined, fromJson: realm.undefined, proxies: [], prepared: null };
      const call = realm.newFunction("call", (...args) => bridge.inRealm(view, () => dispatch(args)));
      // Its own seed, derived from the run's, so a library's Math.random is as repeatable as the script's.
      const seed = (run.seed + Math.imul(this.realms.size + 1, 0x9e3779b9)) >>> 0;
      const preludeFn = realm.unwrapResult(realm.evalCode(PRELUDE_SOURCE, "prelude.js"));
      const preludeArgs = [realm.newNumber(run.clockMs), realm.newNumber(seed), realm.newString(hidden), realm.newString(proxyKey)];
      const prelude = realm.callFunction(preludeFn, realm.undefined, realm.global, call, ...preludeArgs);
      for (const h of [preludeFn, ...preludeArgs]) h.dispose();
      const helpers = realm.unwrapResult(prelude);
      // Kept by the bridge (disposed with it, before the realm): the realm's host calls build with them.
      view.mk = bridge.retain(realm.getProp(helpers, 0));
      view.fromJson = bridge.retain(realm.getProp(helpers, 2));
      helpers.dispose();
      if (jsonHook) {
        const hooksFn = realm.unwrapResult(realm.evalCode(HOOKS_SOURCE, "hooks.js"));
        const which = realm.newString("j");
        const hooked = realm.callFunction(hooksFn, realm.undefined, realm.global, call, realm.undefined, realm.undefined, which);
        for (const h of [hooksFn, which]) h.dispose();
        realm.unwrapResult(hooked).dispose();
      }
      call.dispose();
      for (const extra of run.preludeExtras ?? []) realm.unwrapResult(realm.evalCode(extra, "prelude-extra.js")).dispose();
      // The bindings as the run handed them (not as the script may have reassigned them), built in the realm:
      // a host object gets a proxy of the realm's own, whose methods are the realm's functions, since the
      // script realm's would lead back to the script's global (`logger.info.constructor('return accessToken')()`).
      bridge.inRealm(view, () => {
        for (const [name, value] of Object.entries(run.globals)) {
          if (evaluation.hidden.includes(name)) continue;
          const h = bridge.toGuest(value);
          realm.setProp(realm.global, name, h);
          h.dispose();
        }
      });
    } catch (e) {
      realm.dispose();
      throw e;
    }
    this.realms.set(evaluation.name, realm);
    return realm;
  }
}

/** Runs under way; a run started from inside another (a binding running a sandbox) must not restore memory. */
let activeRuns = 0;

export function runWithModule(mod: QuickJSWASMModule, run: SandboxRun): SandboxOutcome {
  const nested = activeRuns > 0;
  activeRuns++;
  const now = run.now ?? (() => Date.now());
  let runtime: QuickJSRuntime | null = null;
  let ctx: QuickJSContext | null = null;
  let bridge: Bridge | null = null;
  let prepared: PreparedSandbox | null = null;
  let evalMs = 0;
  let outcome: SandboxOutcome;
  let trapped = false;
  let libraries: LibraryRealms | null = null;
  try {
    const hidden = groupedHidden(run.hidden);
    prepared = nested ? null : restorePrepared(mod, hidden, () => prepareSandbox(mod, hidden), addPendingShapes);
    // After the restore: what this run writes to the C stack is for the next restore to rewrite.
    noteStackUse(run.limits.stackBytes);
    runtime = prepared ? prepared.runtime : mod.newRuntime();
    runtime.setMemoryLimit(run.limits.memoryBytes);
    runtime.setMaxStackSize(run.limits.stackBytes);
    ctx = prepared ? prepared.context : runtime.newContext({ intrinsics: SANDBOX_INTRINSICS });
    const context = ctx;
    const activeBridge = new Bridge(context, prepared, run.limits.memoryBytes);
    bridge = activeBridge;
    // A wasm trap inside a host call (QuickJS ran out of its memory while the host read or built a value) leaves
    // the module suspect: it ends the run as a memory error and the module is recycled, never a catchable error.
    let hostTrap: Error | null = null;
    const dispatch = (args: QuickJSHandle[]): QuickJSHandle => {
      try {
        if (hostTrap) throw new GuestError("interrupted", "InternalError", {}, true);
        return activeBridge.dispatch(args);
      } catch (e) {
        if (e instanceof Error && !(e instanceof GuestError) && !(e instanceof GuestThrow) && WASM_TRAP.test(e.message)) {
          hostTrap = e;
          runtime?.setInterruptHandler(() => true);
        }
        return { error: activeBridge.raise(e) } as unknown as QuickJSHandle;
      }
    };

    const proxyKey = newProxyKey();
    const key = context.newString(proxyKey);
    let call: QuickJSHandle;
    let helpers: QuickJSHandle;
    if (prepared) {
      prepared.dispatch.target = dispatch;
      call = prepared.call;
      helpers = prepared.helpers;
      const configure = context.getProp(helpers, 5);
      const values = [context.newNumber(run.clockMs), context.newNumber(run.seed)];
      context.unwrapResult(context.callFunction(configure, context.undefined, ...values, key)).dispose();
      for (const h of [configure, ...values]) h.dispose();
    } else {
      call = context.newFunction("call", (...args) => dispatch(args));
      const preludeFn = context.unwrapResult(context.evalCode(PRELUDE_SOURCE, "prelude.js"));
      const preludeArgs = [context.global, call, context.newNumber(run.clockMs), context.newNumber(run.seed), context.newString(hidden), key];
      helpers = context.unwrapResult(context.callFunction(preludeFn, context.undefined, ...preludeArgs));
      for (const h of preludeArgs.slice(2, 5)) h.dispose();
      preludeFn.dispose();
    }
    activeBridge.init(helpers);

    const instrumented = run.onCaughtError ? instrumentScript(run.source) : undefined;
    const hooks =
      (instrumented?.hooks ?? "") +
      (run.rewordJsonError && /\bJSON\s*(?:\.\s*parse|\[)/.test(run.source) ? "j" : "") +
      (run.localeCompare && /\blocaleCompare\b/.test(run.source) ? "l" : "");
    if (hooks) {
      const hooksFn = context.unwrapResult(context.evalCode(HOOKS_SOURCE, "hooks.js"));
      const lastReadFn = context.getProp(helpers, 4);
      const which = context.newString(hooks);
      context.unwrapResult(context.callFunction(hooksFn, context.undefined, context.global, call, key, lastReadFn, which)).dispose();
      for (const h of [hooksFn, lastReadFn, which]) h.dispose();
      // Before the profile's extras, which capture Object.keys (toSource) as the script will see it.
      if (hooks.includes("o")) context.unwrapResult(context.evalCode(PROPERTY_ORDER_SOURCE, "prelude-extra.js")).dispose();
    }
    key.dispose();
    if (!prepared) {
      call.dispose();
      helpers.dispose();
    }
    for (const extra of run.preludeExtras ?? []) context.unwrapResult(context.evalCode(extra, "prelude-extra.js")).dispose();
    const realms = new LibraryRealms({ runtime, context, bridge: activeBridge, run, hidden, proxyKey, jsonHook: hooks.includes("j"), dispatch });
    libraries = realms;
    activeBridge.evaluateLibrary = (evaluation) => realms.evaluate(evaluation);

    run.onLine?.(() => {
      if (!context.alive) return undefined;
      const probe = context.evalCode("new Error().stack", "line-probe.js");
      if (probe.error) {
        probe.error.dispose();
        return undefined;
      }
      const stack = context.typeof(probe.value) === "string" ? context.getString(probe.value) : "";
      probe.value.dispose();
      return locate(stack).line;
    });
    run.enter?.();
    for (const [name, value] of Object.entries(run.globals)) {
      const h = activeBridge.toGuest(value);
      context.setProp(context.global, name, h);
      h.dispose();
    }
    // Kept out of for…in over the global, as the engine defines its own names; only a script that can reach the
    // global object (through `this` or globalThis) can tell, so only such a script pays for it.
    const engineGlobals = (run.engineGlobals ?? []).filter((name) => name in run.globals);
    if (engineGlobals.length > 0 && /\b(?:this|globalThis)\b/.test(run.source)) {
      const names = JSON.stringify(engineGlobals);
      context.unwrapResult(context.evalCode(`(function (g, n) { for (var i = 0; i < n.length; i++) Object.defineProperty(g, n[i], { enumerable: false }); })(this, ${names})`, "prelude-extra.js")).dispose();
    }

    const inspectIn = (expression: string): string | undefined => {
      const probe = context.evalCode(`(function () { try { return String(${expression}); } catch (e) { return undefined; } })()`, "inspect.js");
      if (probe.error) {
        probe.error.dispose();
        return undefined;
      }
      const text = context.typeof(probe.value) === "string" ? readGuestString(context, probe.value) : undefined;
      probe.value.dispose();
      return text;
    };
    if (run.rewordJsonError) activeBridge.onJsonError = run.rewordJsonError;
    if (run.localeCompare) activeBridge.onLocaleCompare = run.localeCompare;
    const onCaughtError = run.onCaughtError;
    if (onCaughtError) {
      activeBridge.onCaught = ([name, message, stack, holder, property, evaluatorError]) => {
        if (typeof name !== "string" || typeof message !== "string") return null;
        const stackText = typeof stack === "string" ? stack : "";
        const lastRead = describeRead(holder, property);
        // Runs inside the script's evaluation: its own deadline still applies to the inspection.
        const message_ = onCaughtError({
          name,
          message,
          stack: stackText,
          fromBinding: false,
          ...locate(stackText, instrumented),
          inspect: inspectIn,
          ...(lastRead ? { lastRead } : {}),
          ...(evaluatorError === true ? { evaluatorError: true } : {}),
        });
        const engineStack = run.formatStack && stackText ? run.formatStack(scriptFrames(stackText, instrumented)) : null;
        const raisedByEngine = message_ !== null || evaluatorError === true;
        const line = raisedByEngine && run.scriptSourceName !== undefined ? locate(stackText, instrumented).line : undefined;
        if (engineStack === null && line === undefined) return message_;
        return [message_, engineStack ?? stackText, ...(line !== undefined ? [line, run.scriptSourceName as string] : [])] as [string | null, string, number?, string?];
      };
    }

    const started = now();
    const deadline = started + run.limits.timeoutMs;
    runtime.setInterruptHandler(() => now() > deadline);
    activeBridge.clock = now;
    activeBridge.deadline = deadline;
    const result = context.evalCode(instrumented?.source ?? run.source, SCRIPT_FILENAME);
    activeBridge.deadline = Number.POSITIVE_INFINITY;
    evalMs = now() - started;
    runtime.removeInterruptHandler();
    if (hostTrap) {
      if (result.error) result.error.dispose();
      else result.value.dispose();
      throw hostTrap;
    }
    if (result.error) {
      const info = errorInfo(context, activeBridge, result.error, instrumented);
      if (info.thrownValue !== undefined && info.line === undefined && hooks.includes("t")) Object.assign(info, thrownAt(context, result.error, instrumented));
      result.error.dispose();
      if (info.thrownValue === "null" && memoryExhausted(context)) {
        // QuickJS throws null when it cannot even build its "out of memory" error (a script's catch block that
        // kept the first one ran out again): the run's memory error, not a script that threw null.
        trapped = true;
        return { error: { kind: "memory", message: memoryMessage(sandboxMemoryCapMiB(), mib(run.limits.memoryBytes)) }, evalMs };
      }
      info.inspect = (expression) => {
        const limit = now() + 50;
        runtime?.setInterruptHandler(() => now() > limit);
        const text = inspectIn(expression);
        runtime?.removeInterruptHandler();
        return text;
      };
      const lastRead = activeBridge.lastRead();
      if (lastRead) info.lastRead = lastRead;
      outcome = { error: limitError(run, info, run.describeError?.(info) ?? describeGuestError(info)), evalMs };
      if (outcome.error?.kind === "memory") trapped = true;
    } else if (activeBridge.timedOut) {
      result.value.dispose();
      outcome = { error: { kind: "timeout", message: timeoutMessage(run.limits.timeoutMs) }, evalMs };
    } else {
      result.value.dispose();
      outcome = { error: null, evalMs };
    }
    return outcome;
  } catch (e) {
    trapped = true;
    const message = e instanceof Error ? e.message : String(e);
    const kind: RunError["kind"] = WASM_TRAP.test(message)
      ? "memory"
      : "runtime";
    return { error: { kind, message: kind === "memory" ? `${memoryMessage(sandboxMemoryCapMiB(), mib(run.limits.memoryBytes))} (${message})` : message }, evalMs };
  } finally {
    activeRuns--;
    try {
      bridge?.dispose();
      // After the bridge (its handles are the script context's), before the runtime or the next restore.
      libraries?.dispose();
      if (prepared) {
        // The prepared sandbox stays; the next run restores its memory from the snapshot.
        prepared.dispatch.target = null;
        runtime?.removeInterruptHandler();
      } else {
        ctx?.dispose();
        runtime?.dispose();
      }
    } catch {
      trapped = true;
    }
    // A trap or a failed dispose leaves the module's C heap suspect: drop it (and its snapshot), and keep what C printed.
    if (trapped) {
      dropSnapshot(mod);
      recycleSandboxModule();
    }
    takeSandboxStderr();
    run.leave?.();
  }
}
