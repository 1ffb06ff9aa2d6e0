/**
 * How a Java method looks to a Rhino script when it reads it as a value (`"" + s.length`, `String(list.add)`):
 * `function length() {/*\nint length()\n*\/}\n`, one line per overload in the JVM's order. The texts were
 * recorded in real Rhino 1.7.14 over the Java classes and the recorder's stand-ins of AM's and CHF's classes
 * (test/conformance/legacy/record-signatures.mjs → java-signatures.json); the JavaScript Array methods Rhino
 * lets through to a Java array show as its native functions.
 */
import table from "./java-signatures.json";
import owners from "./java-method-owners.json";

const SIGNATURES = table as Record<string, Record<string, string>>;

/** A class the recording has no instance of reads as the collection or map it implements. */
function recordedClass(javaClass: string): string | null {
  if (SIGNATURES[javaClass]) return javaClass;
  if (javaClass.startsWith("static ")) return null;
  if (javaClass.startsWith("[")) return "Array.prototype";
  if (/Map$/.test(javaClass)) return "java.util.HashMap";
  if (/Set$/.test(javaClass)) return "java.util.HashSet";
  if (/List$/.test(javaClass)) return "java.util.ArrayList";
  if (/Iterator$|\$Itr$|\$\d+$/.test(javaClass)) return "java.util.HashMap$KeyIterator";
  return null;
}

/** Rhino's text for method `name` of an object of `javaClass`, or null when it was not recorded. */
export function javaMethodSource(javaClass: string, name: string): string | null {
  const owner = recordedClass(javaClass);
  const text = owner ? SIGNATURES[owner]?.[name] : undefined;
  if (text === undefined) return null;
  return text.startsWith("function ") ? text : `function ${name}() {/*\n${text}\n*/}\n`;
}

const OWNERS = owners as Record<string, Record<string, string>>;

/**
 * The class Rhino names when a call matches no overload of method `name` ("Can't find method
 * java.util.AbstractCollection.size(number)."): the class declaring the method it reflected, recorded in real
 * Rhino (test/conformance/legacy/record-overload-owners.mjs → java-method-owners.json); the object's own class
 * where the recording says nothing else.
 */
export function javaMethodOwner(javaClass: string, name: string): string {
  return OWNERS[javaClass]?.[name] ?? javaClass;
}
