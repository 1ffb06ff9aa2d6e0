/**
 * How Rhino 1.7.14 hands a legacy script's value to AccessToken.addExtraData(String, String | Supplier<String>)
 * and addExtraJsonData(String, Supplier<JsonValue>) (reference §1.3). Recorded with `rhino -version 0 -opt -1`
 * over a stand-in with the same overloads (test/unit/legacy-extra-data.test.ts keeps the answers):
 * - a function is the Supplier; a JS object (not an array) becomes one too (Rhino's interface adapter), whose
 *   get() calls the object's own `get` function, or gives null when it has none;
 * - addExtraData: a string, number, boolean, array or undefined takes the String overload as JavaScript's
 *   String() of it ("undefined" included); null matches both overloads and Rhino refuses it as ambiguous;
 * - addExtraJsonData: an array cannot become a Supplier ("Cannot convert …NativeArray@… to …Supplier"); any other
 *   value, a Java object included, finds no method.
 * What AM then does with a supplier's result that is no String / JsonValue is not in any source: warned.
 */
import { GuestError, HostObject, isGuestFunction } from "../../sandbox/host";
import { warn, type RunContext } from "../context";
import { rhinoArgType } from "../rhino-arg-type";
import { JavaString, identityHash } from "./java";

const SUPPLIER = "java.util.function.Supplier";

/** The Supplier Rhino makes of the value, or null when the value is no function or plain JS object. */
function asSupplier(value: unknown): (() => unknown) | null {
  if (isGuestFunction(value)) return () => value.call();
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof HostObject) return null;
  const get = Object.hasOwn(value, "get") ? (value as Record<string, unknown>).get : undefined;
  return () => (isGuestFunction(get) ? get.call() : null);
}

function supplied(ctx: RunContext, supplier: () => unknown, method: string, expected: string): unknown {
  const result = supplier();
  const fits = expected === "String" ? typeof result === "string" || result instanceof JavaString : result instanceof HostObject && result.javaClass === "org.forgerock.json.JsonValue";
  if (result !== null && result !== undefined && !fits) {
    warn(
      ctx,
      "supplier-result-type",
      `${method}: the supplier returned ${Array.isArray(result) ? "a JavaScript array" : typeof result === "object" ? "an object" : `a ${typeof result}`}, not a ${expected === "String" ? "java.lang.String" : "JsonValue"}; Rhino hands AM the value as it is (a Supplier<${expected}> returning ${Array.isArray(result) ? "a NativeArray" : "it"}), which AM's code may fail on with a ClassCastException. Return ${expected === "String" ? "a string" : "a JsonValue (org.forgerock.json.JsonValue.json(…))"}.`,
    );
  }
  return result;
}

interface Refusals {
  noSuchOverload(javaClass: string, method: string, args: unknown[]): GuestError;
  refusal(message: string): GuestError;
}

/** addExtraData's value as AM receives it (before AM stores its text). */
export function extraDataArgument(ctx: RunContext, java: Refusals, javaClass: string, key: unknown, value: unknown): unknown {
  if (value === null) {
    throw java.refusal(
      `The choice of Java method ${javaClass}.addExtraData matching JavaScript argument types (${rhinoArgType(key)},null) is ambiguous; candidate methods are: \n` +
        `    void addExtraData(java.lang.String,${SUPPLIER})\n    void addExtraData(java.lang.String,java.lang.String)`,
    );
  }
  // The String overload gets JavaScript's String() of the value.
  if (value === undefined) return "undefined";
  const supplier = asSupplier(value);
  if (supplier) return supplied(ctx, supplier, "addExtraData", "String");
  return value;
}

/** addExtraJsonData's value as AM receives it: what the Supplier gives. */
export function extraJsonArgument(ctx: RunContext, java: Refusals, javaClass: string, key: unknown, value: unknown): unknown {
  if (Array.isArray(value)) throw java.refusal(`Cannot convert org.mozilla.javascript.NativeArray@${identityHash()} to ${SUPPLIER}`);
  const supplier = value === null ? null : asSupplier(value);
  if (!supplier) {
    if (value === null) return null;
    throw java.noSuchOverload(javaClass, "addExtraJsonData", [key, value]);
  }
  return supplied(ctx, supplier, "addExtraJsonData", "JsonValue");
}
