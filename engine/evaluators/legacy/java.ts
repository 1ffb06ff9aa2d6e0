/**
 * Java values as legacy (Rhino) scripts meet them, one module per job: every Java object's base
 * (java-object.ts), java.lang.String (java-string.ts), the boxed Boolean and Number (java-boxed.ts), arrays
 * (java-array.ts), how a script's value enters Java (java-in.ts, where String and Double register themselves)
 * and comes back (java-unboxed.ts), collections (java-collection.ts), maps (java-map.ts) and what AM stores of
 * them (java-stored.ts). This module is where the rest of the engine takes them from, so loading it registers
 * every class; it builds Java values from stored data and JSON (toJava, javaFromJson), which needs every kind
 * of them while none of them needs it.
 */
import { JavaDouble, javaDoubleString } from "../../token/values";
import { GuestReference, HostObject } from "../../sandbox/host";
import { javaException } from "./java-exceptions";
import { callGuest, chargeHost, identityHash, requireHost } from "./java-runtime";
import { JavaObject } from "./java-object";
import { JavaString } from "./java-string";
import { JavaBoolean, JavaNumber } from "./java-boxed";
import { JavaArray } from "./java-array";
import { javaIn } from "./java-in";
import { callJavaCallback } from "./java-unboxed";
import { toStored, toStoredJava } from "./java-stored";
import { JavaCollection, JavaIterator, type GapSink } from "./java-collection";
import { JavaMap, JavaMapEntry } from "./java-map";

// Re-exported: bindings, classes and products take them from here, with the Java values.
export { callGuest, chargeHost, identityHash, javaDoubleString, javaException, requireHost };
export { JavaArray, JavaBoolean, JavaNumber, JavaObject, JavaString, callJavaCallback, javaIn };
export { toStored, toStoredJava };
export { JavaCollection, JavaIterator, type GapSink };
export { JavaMap, JavaMapEntry };

/** What a stored value looks like when a legacy script reads it back (strings become Java strings). */
export function toJava(value: unknown): unknown {
  // The script's own array or object, which a Java map hands back to it as it is (Rhino wraps no Scriptable).
  if (value instanceof GuestReference) return value;
  if (typeof value === "string") return new JavaString(value);
  if (value instanceof JavaDouble) return new JavaNumber(value.value);
  if (typeof value === "number") return new JavaNumber(value);
  if (Array.isArray(value)) return new JavaCollection("java.util.ArrayList", value.map(toJava));
  if (value && typeof value === "object" && !(value instanceof HostObject)) {
    return new JavaMap("java.util.LinkedHashMap", new Map(Object.entries(value).map(([k, v]) => [k, toJava(v)])), false);
  }
  return value;
}

/** A java.util.Set<String> of Java strings (what AMIdentity.getAttribute returns). */
export function javaStringSet(values: readonly string[], javaClass = "java.util.HashSet"): JavaCollection {
  return new JavaCollection(javaClass, values.map((v) => new JavaString(v)));
}

/** Converts scenario data (JSON) into the Java structures AM hands legacy scripts. */
export function javaFromJson(value: unknown, readOnly: boolean, sink?: GapSink): unknown {
  if (typeof value === "string") return new JavaString(value);
  if (Array.isArray(value)) {
    const list = new JavaCollection("java.util.ArrayList", value.map((v) => javaFromJson(v, readOnly, sink)), readOnly);
    list.sink = sink;
    return list;
  }
  if (value && typeof value === "object") {
    // AM hands read-only request and client data as unmodifiable views of HashMaps (hash-ordered).
    const map = new JavaMap(
      readOnly ? "java.util.Collections$UnmodifiableMap" : "java.util.LinkedHashMap",
      new Map(Object.entries(value).map(([k, v]) => [k, javaFromJson(v, readOnly, sink)])),
      readOnly,
      readOnly,
    );
    map.sink = sink;
    return map;
  }
  return value;
}
