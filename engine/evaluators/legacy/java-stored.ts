/**
 * What a legacy script's values become when AM stores them in the token: Java objects flattened to JSON
 * (toStored), or with the numbers AM holds as java.lang.Double kept (toStoredJava).
 */
import { JavaDouble } from "../../token/values";
import { GuestReference, HostObject, isGuestFunction, keepConversion } from "../../sandbox/host";
import { JavaObject } from "./java-object";
import { JavaString } from "./java-string";
import { JavaBoolean, JavaNumber } from "./java-boxed";

/** Like toStored, but keeps which numbers AM holds as java.lang.Double (every JS number a script hands Java). */
export function toStoredJava(value: unknown): unknown {
  if (value instanceof GuestReference) return toStoredJava(value.contents());
  if (typeof value === "number") return new JavaDouble(value);
  if (value instanceof JavaNumber) return value.javaClass === "java.lang.Double" ? new JavaDouble(value.value) : value.value;
  const held = value instanceof JavaObject ? value.storedContents() : null;
  if (Array.isArray(held)) return held.map(toStoredJava);
  if (held) return Object.fromEntries([...held].map(([k, v]) => [k, toStoredJava(v)]));
  if (Array.isArray(value)) return value.map(toStoredJava);
  if (value && typeof value === "object" && !(value instanceof HostObject) && !isGuestFunction(value)) {
    return keepConversion(value, Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStoredJava(v)])));
  }
  return toStored(value);
}

/**
 * What a legacy script's value becomes when AM stores it (Java objects flattened to JSON). A script object that
 * converts itself keeps its conversion (host.ts, keepConversion): host code reads a String or number parameter
 * as `String(toStored(x))`, which must run the script's own toString as Rhino's ScriptRuntime.toString does (and
 * let what it throws reach the script), not fail on the copy's `toString: null`; JSON and the structured clone
 * skip the symbol, so what is stored stays the data.
 */
export function toStored(value: unknown): unknown {
  if (value instanceof GuestReference) return toStored(value.contents());
  if (value === undefined) return null;
  if (value instanceof JavaString) return value.value;
  if (value instanceof JavaNumber) return value.value;
  if (value instanceof JavaBoolean) return value.value;
  const held = value instanceof JavaObject ? value.storedContents() : null;
  if (Array.isArray(held)) return held.map(toStored);
  if (held) return Object.fromEntries([...held].map(([k, v]) => [k, toStored(v)]));
  if (value instanceof HostObject) return value.javaClass;
  if (isGuestFunction(value)) return null;
  if (Array.isArray(value)) return value.map(toStored);
  if (value && typeof value === "object") return keepConversion(value, Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStored(v)])));
  return value;
}
