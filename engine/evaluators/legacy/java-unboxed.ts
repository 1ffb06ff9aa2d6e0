/**
 * Java's String, Number and Boolean read as the JavaScript values they hold: Java's equals() between values as
 * the playground holds them, and what a script function Java calls receives.
 */
import type { GuestFunction } from "../../sandbox/host";
import { callGuest } from "./java-runtime";
import { JavaString } from "./java-string";
import { JavaBoolean, JavaNumber } from "./java-boxed";

/**
 * A script function Java calls through an interface Rhino made of it (Consumer, BiConsumer, Comparator): Rhino
 * hands it Java Strings, Numbers and Booleans as JavaScript values (probe cb.map-forEach: `typeof key` is
 * "string"), other Java objects as they are.
 */
export function callJavaCallback(fn: GuestFunction, ...args: unknown[]): unknown {
  return callGuest(fn, ...args.map(javaToJs));
}

function javaToJs(value: unknown): unknown {
  if (value instanceof JavaString || value instanceof JavaNumber || value instanceof JavaBoolean) return value.valueOf();
  return value;
}

/**
 * Java's equals() between values as the playground holds them: a String equals only a String with the same
 * text, a number only a number (Rhino hands JS numbers to Java as Doubles), a Boolean only a Boolean.
 */
export function javaEquals(a: unknown, b: unknown): boolean {
  const text = (v: unknown) => (v instanceof JavaString ? v.value : typeof v === "string" ? v : undefined);
  const number = (v: unknown) => (v instanceof JavaNumber ? v.value : typeof v === "number" ? v : undefined);
  const bool = (v: unknown) => (v instanceof JavaBoolean ? v.value : typeof v === "boolean" ? v : undefined);
  for (const kind of [text, number, bool]) {
    const x = kind(a);
    const y = kind(b);
    if (x !== undefined || y !== undefined) return x === y;
  }
  return a === b;
}

