/**
 * How Java failures reach a legacy (Rhino) script: a Java exception a Java method throws (catchable, with
 * e.javaException's class), the raw RuntimeExceptions that pass every catch block, and Rhino's own refusals
 * (a member a Java class lacks, an array index out of bounds, java.lang.Class behind AM's deny-list).
 */
import { GuestError, HiddenJavaException } from "../../sandbox/host";
import { currentJavaWorld } from "./java-world";
import { classVisible } from "./allowlist";

/** Builds the Java exception object a caught JavaException carries (classes.ts registers JavaThrowable; no import cycle). */
let makeThrowable: ((javaClass: string, message: string | null) => object) | null = null;
export function registerThrowable(make: (javaClass: string, message: string | null) => object): void {
  makeThrowable = make;
}

/**
 * A Java exception thrown by a Java method, as a Rhino script catches it. Rhino (ScriptRuntime.newCatchScope)
 * asks the class shutter about the exception's class: one AM's allow-list shows (java.io.UnsupportedEncodingException,
 * java.lang.NullPointerException, …) is a JavaException reading "<class>: <getMessage()>"; any other is an
 * InternalError whose message is getMessage() ("null" when it has none). Both recorded in real Rhino 1.7.14 under a
 * shutter (test/unit/java-string-edges.test.ts).
 */
export function javaException(javaClass: string, message: string | null = null): GuestError {
  const text = message ?? "null";
  currentJavaWorld().noteRaised(javaClass, text);
  if (classVisible(javaClass)) {
    // Rhino's JavaException error object carries the Java exception itself as e.javaException (its getMessage() …).
    const javaObject = makeThrowable?.(javaClass, message);
    return new GuestError(`${javaClass}: ${text}`, "JavaException", { javaExceptionClass: javaClass, ...(javaObject ? { javaException: javaObject } : {}) });
  }
  return new HiddenJavaException(text, { javaExceptionClass: javaClass });
}

/**
 * The UnsupportedOperationException an unmodifiable map or list throws when Rhino's NativeJavaMap/NativeJavaList
 * writes to it directly (`map.key = v`, `list[i] = v`): a raw Java RuntimeException, which passes every catch
 * block (finally blocks still run) and fails the script.
 */
export function uncatchableUnsupportedOperation(): GuestError {
  return new GuestError("java.lang.UnsupportedOperationException", "InternalError", { javaExceptionClass: "java.lang.UnsupportedOperationException" }, true);
}

/** Rhino's message when a script reads or writes past the end of a Java array. */
export function arrayIndexOutOfBounds(index: number, length: number): GuestError {
  return new GuestError(`Array index ${index} is out of bounds [0..${length - 1}].`, "InternalError");
}

/** getClass() reaches java.lang.Class, which AM's deny-list blocks. */
export function classProhibited(): GuestError {
  return new GuestError('Access to Java class "java.lang.Class" is prohibited.', "InternalError");
}

export function javaMemberMissing(javaClass: string, name: string): GuestError {
  return new GuestError(`Java class "${javaClass}" has no public instance field or method named "${name}".`, "InternalError");
}
