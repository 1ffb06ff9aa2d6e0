/**
 * Strings crossing the sandbox boundary intact. quickjs-emscripten's getString and newString go through
 * NUL-terminated UTF-8 C strings: a script's 'role\u0000admin' reached the host as 'role', and a lone
 * surrogate ('\ud800') came back as three U+FFFD (the WTF-8 bytes QuickJS writes are invalid UTF-8 to the
 * decoder). Java strings hold both, so AM keeps them. Here each direction takes a path that keeps them:
 * - guest → host: QuickJS's own JSON.stringify, run in C on the string (QTS_Dump), escapes NUL and lone
 *   surrogates as \u0000 / \ud800, so the C string is plain UTF-8 again and JSON.parse gives back the exact
 *   UTF-16 text. No script code can change it. It costs about ten getString calls, so the usual string is
 *   read with getString and checked against its guest length instead (readGuestString).
 * - host → guest: a string holding NUL or a lone surrogate crosses as JSON text (the host's JSON.stringify escapes
 *   them) that the guest parses; every other string keeps the direct newString path.
 */
import type { QuickJSContext, QuickJSHandle } from "quickjs-emscripten-core";

/** The parts of quickjs-emscripten-core's context that the faithful read uses (present in 0.32). */
interface ContextInternals {
  ffi?: { QTS_Dump?: (ctx: number, value: number) => number };
  ctx?: { value: number };
  memory?: { consumeJSCharPointer?: (pointer: number) => string };
}

/**
 * The exact text of a guest string handle. With `lengthKey` (a guest "length" string the caller keeps), the
 * usual string takes the cheap path: getString, then a check that nothing was lost. A NUL shortens the result
 * and a lone surrogate leaves U+FFFD in it, so a result of the guest's length without U+FFFD is exact; any
 * other string is read again the faithful way.
 */
export function readGuestString(ctx: QuickJSContext, handle: QuickJSHandle, lengthKey?: QuickJSHandle): string {
  if (lengthKey) {
    const quick = ctx.getString(handle);
    const lengthHandle = ctx.getProp(handle, lengthKey);
    const length = ctx.getNumber(lengthHandle);
    lengthHandle.dispose();
    if (quick.length === length && !quick.includes("\ufffd")) return quick;
  }
  return readExactly(ctx, handle);
}

/** QuickJS's JSON.stringify of the string, in C, then JSON.parse on the host (about ten times getString's cost). */
function readExactly(ctx: QuickJSContext, handle: QuickJSHandle): string {
  const inner = ctx as unknown as ContextInternals;
  const dump = inner.ffi?.QTS_Dump;
  const consume = inner.memory?.consumeJSCharPointer;
  if (dump && consume && inner.ctx) {
    const json = consume.call(inner.memory, dump.call(inner.ffi, inner.ctx.value, (handle as unknown as { value: number }).value));
    // JSON.stringify of a string always gives a quoted JSON string; anything else (an out-of-memory failure
    // inside the stringify) falls back to the lossy path rather than failing the run here.
    if (json.length >= 2 && json.charCodeAt(0) === 0x22) {
      try {
        const text: unknown = JSON.parse(json);
        if (typeof text === "string") return text;
      } catch {
        // fall through
      }
    }
  }
  return ctx.getString(handle);
}

/** A NUL, or a surrogate that is not half of a pair (pairs encode as valid UTF-8 and cross as they are). */
const LOSSY_IN_C_STRINGS = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether newString would change this text (a NUL cuts it; a lone surrogate becomes U+FFFD). */
export function needsJsonCrossing(text: string): boolean {
  return LOSSY_IN_C_STRINGS.test(text);
}
