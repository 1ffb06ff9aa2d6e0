/**
 * A script's null or undefined reaching a java.lang.String method's parameter, as Rhino 1.7.14 hands it to JDK 17.
 * Rhino passes null as null, which the method dereferences: a java.lang.NullPointerException (on AM's allow-list, so
 * a catch block sees JavaException "java.lang.NullPointerException: <message>") with JDK 17's helpful message, which
 * names the JDK's own variable, so each parameter has its recorded text. For a String parameter Rhino converts
 * undefined to "undefined"; a CharSequence parameter (contains, replace) takes no undefined, number or boolean, so no
 * overload matches. Recorded: test/conformance/legacy/legacy.golden.json, probes null.str-*.
 */
import { GuestError } from "../../sandbox/host";
import { rhinoArgType } from "../rhino-arg-type";
import { javaException } from "./java-exceptions";

/** JDK 17's NullPointerException messages, by the parameter the String method dereferences. */
export const STRING_NPE = {
  containsS: 'Cannot invoke "java.lang.CharSequence.toString()" because "s" is null',
  indexOfStr: 'Cannot invoke "String.coder()" because "str" is null',
  tgtStr: 'Cannot read field "value" because "tgtStr" is null',
  prefix: 'Cannot invoke "String.length()" because "prefix" is null',
  suffix: 'Cannot invoke "String.length()" because "suffix" is null',
  regex: 'Cannot invoke "String.length()" because "regex" is null',
  pattern: 'Cannot invoke "String.isEmpty()" because "this.pattern" is null',
  target: 'Cannot invoke "java.lang.CharSequence.toString()" because "target" is null',
  replacement: 'Cannot invoke "java.lang.CharSequence.toString()" because "replacement" is null',
  replaceAllReplacement: 'Cannot invoke "String.length()" because "replacement" is null',
  // Matcher.replaceFirst checks its argument itself: Objects.requireNonNull(replacement, "replacement").
  replaceFirstReplacement: "replacement",
  concatStr: 'Cannot invoke "String.isEmpty()" because "str" is null',
  s2: 'Cannot read field "value" because "s2" is null',
  other: 'Cannot read field "value" because "other" is null',
} as const;

/** A String parameter's value: null fails as the JDK dereferences it; anything else is Rhino's ToString. */
export function stringParam(value: unknown, npe: string): unknown {
  if (value === null) throw javaException("java.lang.NullPointerException", npe);
  return value;
}

/**
 * CharSequence parameters of `method` (called with `args`): Rhino finds no overload for an argument that is
 * not a string (undefined, a number, a boolean); a null fails as the JDK dereferences it (`npes`, in the
 * order the JDK reads the parameters).
 */
export function charSequenceParams(method: string, args: readonly unknown[], npes: readonly string[]): void {
  const fits = (v: unknown) => v === null || typeof v === "string" || (typeof v === "object" && rhinoArgType(v) === "java.lang.String");
  if (!args.every(fits)) throw new GuestError(`Can't find method java.lang.String.${method}(${args.map(rhinoArgType).join(",")}).`, "InternalError");
  args.forEach((v, i) => stringParam(v, npes[i]!));
}

/**
 * A null argument fits more than one of the overloads (String and Object, CharSequence and StringBuffer, char[]
 * and Object): Rhino refuses the call with its NativeJavaMethod wording and lists the candidates, in the order
 * recorded (probes null.str-compareTo, null.str-contentEquals, null.str-valueOf, null.str-new).
 */
export function ambiguousOverload(member: string, args: readonly unknown[], candidates: readonly string[], constructor = false): GuestError {
  const what = constructor ? "constructor" : "method";
  return new GuestError(
    `The choice of Java ${what} ${member} matching JavaScript argument types (${args.map(rhinoArgType).join(",")}) is ambiguous; candidate ${what}s are: \n    ${candidates.join("\n    ")}`,
    "InternalError",
  );
}

export const STRING_COMPARE_TO_CANDIDATES = ["int compareTo(java.lang.String)", "int compareTo(java.lang.Object)"];
export const STRING_CONTENT_EQUALS_CANDIDATES = ["boolean contentEquals(java.lang.CharSequence)", "boolean contentEquals(java.lang.StringBuffer)"];
export const STRING_VALUE_OF_CANDIDATES = ["class java.lang.String valueOf(char[])", "class java.lang.String valueOf(java.lang.Object)"];
export const STRING_CONSTRUCTOR_CANDIDATES = [
  "String(java.lang.StringBuffer)",
  "String(java.lang.StringBuilder)",
  "String(byte[])",
  "String(char[])",
  "String(java.lang.String)",
];
