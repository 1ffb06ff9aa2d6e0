/**
 * How a script's value enters Java: Rhino hands a Java method typed Object a JS string as a java.lang.String
 * and a number as a java.lang.Double (javaIn), and every Java object's toString() gives a java.lang.String.
 *
 * Those two classes extend JavaObject (java-object.ts), yet the base builds Strings and Java arrays convert what
 * a script stores into them (java-array.ts), while String's split builds arrays: importing the classes there
 * would close a circle (base → String → array → String). So this module is the registry of the two
 * constructors, which imports none of them: java-string.ts and java-boxed.ts register theirs as they load, and
 * java.ts, the entry point to the Java values that the bindings and products import, loads both.
 */
import type { HostObject } from "../../sandbox/host";

type Construct<T> = (value: T) => HostObject;

let makeString: Construct<string> | null = null;
let makeDouble: Construct<number> | null = null;

export function registerJavaString(construct: Construct<string>): void {
  makeString = construct;
}

export function registerJavaDouble(construct: Construct<number>): void {
  makeDouble = construct;
}

/** Says which module was not loaded, instead of a TypeError deep inside a run. */
function unregistered(javaClass: string, module: string): Error {
  return new Error(`${javaClass} is not registered: import the Java values through evaluators/legacy/java.ts, which loads ${module}.`);
}

/** A java.lang.String holding `text`. */
export function newJavaString(text: string): HostObject {
  if (!makeString) throw unregistered("java.lang.String", "java-string.ts");
  return makeString(text);
}

/**
 * What Rhino hands a Java method typed Object: JS strings become java.lang.String, numbers Double, and undefined
 * the String "undefined" (Rhino 1.7.14's coerceTypeImpl converts Undefined so for Object and String parameters:
 * map.put("a", undefined) holds a java.lang.String, test/unit/goldens/rhino-undefined-to-java.json).
 */
export function javaIn(value: unknown): unknown {
  if (value === undefined) return newJavaString("undefined");
  if (typeof value === "string") return newJavaString(value);
  if (typeof value === "number") {
    if (!makeDouble) throw unregistered("java.lang.Double", "java-boxed.ts");
    return makeDouble(value);
  }
  return value;
}
