/**
 * How an error that escapes a legacy script reads, as Rhino reports it (RhinoException.details(), what AM
 * logs): a Java exception thrown by a Java method is "Wrapped java.lang.X: message"; Rhino's own evaluator
 * errors (no overload, cannot convert, prohibited class, Java array bounds) are their bare message; a thrown
 * Java exception object is its toString(), any other thrown value String(value). JavaScript errors
 * (TypeError: …) keep the default wording.
 */
import type { RunError } from "../../result";
import type { GuestErrorInfo } from "../../sandbox/sandbox";
import { describeGuestError } from "../../sandbox/sandbox";
import { currentJavaWorld } from "./java-world";

/** The key under which a thrown Java exception object reports its toString() when it escapes the script. */
export const THROWN_JAVA_EXCEPTION = "#javaThrowable";

/** Rhino's wording for an uncaught legacy-script error, or null to keep the default description. */
export function describeLegacyError(info: GuestErrorInfo): RunError | null {
  const error = describeGuestError(info);
  if (error.kind !== "binding" && error.kind !== "runtime") return null;
  if (info.thrownValue !== undefined) {
    // A thrown object crosses as JSON: Rhino reports it as String(value) ("[object Object]", "a,b"); a thrown Java
    // exception object's toJSON() carries its Java toString().
    if (typeof info.thrownValue !== "string" || !/^[[{]/.test(info.thrownValue)) return null;
    let thrown: unknown;
    try {
      thrown = JSON.parse(info.thrownValue);
    } catch {
      return null;
    }
    if (thrown && typeof thrown === "object" && !Array.isArray(thrown) && THROWN_JAVA_EXCEPTION in thrown) {
      return { ...error, message: String((thrown as Record<string, unknown>)[THROWN_JAVA_EXCEPTION]) };
    }
    return { ...error, message: String(thrown) };
  }
  if (!info.fromBinding || (info.name !== "InternalError" && info.name !== "JavaException")) return null;
  // Rhino's own failure, not a binding's: the JVM's stack ran out under the script's callbacks.
  if (currentJavaWorld().stackOverflowed && info.message === "java.lang.StackOverflowError") return { ...error, kind: "runtime", message: info.message };
  // A guest error carries only a name and a message across the sandbox, so the Java class of an exception a host
  // method raised is looked up by message among those the run raised (java-world.ts).
  // A class AM's allow-list shows was caught as a JavaException reading "<class>: <message>".
  const java = [...currentJavaWorld().raised].reverse().find((r) => r.message === info.message || `${r.javaClass}: ${r.message}` === info.message);
  if (java) return { ...error, message: `Wrapped ${java.javaClass}${java.message === "null" ? "" : `: ${java.message}`}` };
  return { ...error, message: info.message };
}
