// Shared by the legacy and next-generation bindings (and the IBM products' ones), so neither imports the other.
import { HostObject, isGuestFunction } from "../sandbox/host";

/**
 * How Rhino names a JS argument's type in "Can't find method" messages (NativeJavaMethod.scriptSignature). An
 * undefined argument is Rhino's Undefined.instance, no Scriptable, so it is named by its Java class (recorded:
 * legacy probe null.str-contains-undefined, "…contains(org.mozilla.javascript.Undefined).").
 */
export function rhinoArgType(value: unknown): string {
  if (value === undefined) return "org.mozilla.javascript.Undefined";
  if (value === null) return "null";
  if (value instanceof HostObject) return value.javaClass;
  if (typeof value === "function" || isGuestFunction(value)) return "function";
  return typeof value;
}
