/**
 * A script's own arrays and objects as AM holds them in a legacy run: Rhino 1.7.14 hands a Java method the
 * org.mozilla.javascript.NativeArray / NativeObject itself (they implement java.util.List / Map), so a Java map
 * that holds one prints it with its own toString(): `org.mozilla.javascript.NativeArray@1b6d3586` for an array
 * (Object.toString, an identity hash), `[object Object]` for an object (NativeObject's JavaScript toString).
 * Recorded in Rhino 1.7.14 (test/unit/legacy-native-fields.test.ts keeps the answers).
 */
import type { GuestReference } from "../../sandbox/host";
import { currentJavaWorld } from "./java-world";

const hashes = new WeakMap<GuestReference, string>();

/** What Java's String.valueOf prints for the script's array or object. */
export function nativeValueText(reference: GuestReference): string {
  if (!reference.isArray) return "[object Object]";
  let hash = hashes.get(reference);
  if (hash === undefined) hashes.set(reference, (hash = currentJavaWorld().nextIdentityHash()));
  return `org.mozilla.javascript.NativeArray@${hash}`;
}
