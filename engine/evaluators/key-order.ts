/**
 * The one place where the token's JSON may list an object's keys in another order than AM's. Rhino 1.7.14 keeps
 * an object's keys in creation order, integer-like ones ("2") included, and AM writes the object it is handed in
 * that order; the script's own view follows it (engine/sandbox/property-order.ts), but once an object reaches the
 * host it is a JavaScript object, which lists integer-like keys first, ascending. The values are the same; a
 * client that compares the token's JSON text, or a claim's key order, can see the difference, so the run says so.
 */
import { HostObject } from "../sandbox/host";
import { warn, type RunContext } from "./context";

const INTEGER_KEY = /^(?:0|[1-9][0-9]*)$/;

/** The first object within `value` holding an integer-like key next to another key, as a path (`value.claims`), or null. */
function mixedKeyPath(value: unknown, path: string, depth: number): string | null {
  if (value === null || typeof value !== "object" || value instanceof HostObject || depth > 32) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = mixedKeyPath(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const keys = Object.keys(value);
  if (keys.length > 1 && keys.some((k) => INTEGER_KEY.test(k))) return path;
  for (const key of keys) {
    const found = mixedKeyPath((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** `rhino-key-order` when what the script hands `what` holds an object whose key order AM may write differently. */
export function warnKeyOrder(ctx: RunContext, value: unknown, what: string): void {
  const path = mixedKeyPath(value, "value", 0);
  if (!path) return;
  warn(
    ctx,
    "rhino-key-order",
    `${what}: ${path === "value" ? "the object" : `the object at ${path.slice("value".length + 1)}`} has integer-like keys ("2") among its keys. AM writes an object's keys in the order the script created them (Rhino 1.7.14 keeps creation order, integer-like keys too); the playground's token and response list integer-like keys first, ascending, so AM's JSON may list the keys in another order (the values are the same). The script's own Object.keys, for…in and JSON.stringify follow Rhino's order here.`,
  );
}
