/**
 * How a script's value enters Java (evaluators/legacy/java-in.ts): java.lang.String and Double register
 * themselves there, so the base class and the arrays build them without importing them (no import cycle).
 * Loaded through java.ts every class is registered; a module loaded without them says which one is missing.
 */
import { describe, expect, it, vi } from "vitest";

describe("the java.lang registry", () => {
  it("is filled by loading the Java values' entry point: a script's string and number become String and Double", async () => {
    const java = await import("../../engine/evaluators/legacy/java");
    const text = java.javaIn("gold");
    expect(text).toBeInstanceOf(java.JavaString);
    expect(java.javaIn(42)).toMatchObject({ javaClass: "java.lang.Double", value: 42 });
    // Every Java object's toString() gives a java.lang.String, although the base does not import the class.
    const array = new java.JavaArray("[Ljava.lang.String;", [text]);
    expect(array.javaToString()).toBeInstanceOf(java.JavaString);
  });

  it("names the module to load when a class was never registered, instead of failing deep inside a run", async () => {
    vi.resetModules();
    const { javaIn } = await import("../../engine/evaluators/legacy/java-in");
    expect(() => javaIn("gold")).toThrow("java.lang.String is not registered: import the Java values through evaluators/legacy/java.ts, which loads java-string.ts.");
    expect(javaIn(true)).toBe(true);
  });
});
