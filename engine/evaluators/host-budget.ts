/**
 * Host-side memory a script's values take once a binding keeps them. Legacy's Java strings, collections, maps and
 * arrays, and either evaluator's token fields, extra data, log lines, identity attributes, HTTP requests and IDM
 * objects live in the host (outside the QuickJS heap and its memory limit), and the sandbox keeps every host
 * object the script was handed until the run ends; so each is charged here when it is built, against the same
 * limit as the guest's memory, and the run fails with a memory error once the script's values pass it, before
 * the host itself runs out (V8's "Invalid string length", a fatal invalid-size error, a worker that dies).
 *
 * Sizes are estimates of what V8 holds (two bytes a character, a pointer a slot, a small header an object),
 * deterministic so that the same script fails at the same point on every run. A value is charged when a binding
 * keeps it, not freed when the script replaces it: the count only grows, as a bound must.
 */
import { GuestError } from "../sandbox/host";

/**
 * What one host object costs besides its contents: the object and its fields, its slot in the sandbox's bridge
 * and the conversions around each call (measured: a list of 200,000 Java strings took about 90 MB of V8 heap,
 * garbage included; this counts the part that stays).
 */
export const OBJECT_BYTES = 160;
/** One element slot of a list, set or array. */
export const SLOT_BYTES = 8;
/** One map entry besides its key and value. */
export const ENTRY_BYTES = 32;

export function stringBytes(length: number): number {
  return 2 * length;
}

/**
 * What a stored value (a token field, extra data, a log line) costs the host: its JSON text as the run's
 * result renders it (a control character takes six characters there, `\u0001`), two bytes a character.
 */
export function storedBytes(value: unknown, depth = 0): number {
  if (typeof value === "string") return stringBytes(jsonStringLength(value));
  if (value === null || typeof value !== "object" || depth > 64) return 16;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + SLOT_BYTES + storedBytes(item, depth + 1), OBJECT_BYTES);
  let sum = OBJECT_BYTES;
  for (const [key, item] of Object.entries(value)) sum += ENTRY_BYTES + stringBytes(jsonStringLength(key)) + storedBytes(item, depth + 1);
  return sum;
}

function jsonStringLength(text: string): number {
  let length = text.length + 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) length += 5;
    else if (c === 0x22 || c === 0x5c) length += 1;
  }
  return length;
}

/** What the legacy evaluator's budget counts, as its memory error names it. */
export const JAVA_VALUES = "the script's Java values (strings, collections, maps, token fields, logs)";
/** What the next-generation evaluator's budget counts. */
export const BINDING_VALUES = "the values the script handed its bindings (token fields, logs, identity attributes, HTTP requests, IDM objects)";

export class HostBudget {
  private used = 0;

  constructor(
    readonly limitBytes: number,
    /** What it counts, in the memory error's words. */
    private readonly what: string = JAVA_VALUES,
  ) {}

  get usedBytes(): number {
    return this.used;
  }

  /** Charges `bytes`; past the limit the script fails with a memory error (it cannot catch it). */
  charge(bytes: number): void {
    this.require(bytes);
    this.used += bytes;
  }

  /** Fails as charge() would, without charging: for work whose result must not even be built. */
  require(bytes: number): void {
    if (!(this.used + bytes <= this.limitBytes)) throw hostMemoryExceeded(this.limitBytes, this.what);
  }
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}

/**
 * The run's memory error: its message starts "out of memory" (what makes it a run error of kind "memory") and
 * names the limit. Like a java.lang.OutOfMemoryError in Rhino, the script's catch blocks cannot catch it.
 */
export function hostMemoryExceeded(limitBytes: number, what: string = JAVA_VALUES): GuestError {
  return new GuestError(
    `out of memory: ${what} exceed the run's memory limit of ${megabytes(limitBytes)}`,
    "InternalError",
    {},
    true,
  );
}
