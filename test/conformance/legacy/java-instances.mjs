/**
 * Instances of the JDK classes the legacy evaluator emulates, as Rhino expressions keyed by the class name the
 * playground reports: what the recorders call methods on, the method texts (record-signatures.mjs) and the
 * classes Rhino names when no overload matches (record-overload-owners.mjs). Spelled here once for both.
 *
 * A `view` is a class a script meets only as a map's key set or values, an unmodifiable or empty wrapper, an
 * entry or an iterator: its method texts are read as those of the collection, map or iterator it implements
 * (java-signatures.ts, recordedClass), so the signature recorder skips it, while Rhino names another declaring
 * class for it (java.util.AbstractCollection.size), so the owner recorder calls it.
 */

const view = (expression) => ({ expression, view: true });

const JDK_CLASSES = {
  "java.lang.String": `new java.lang.String("x")`,
  "java.lang.Double": `new java.lang.Double(1)`,
  "java.lang.Integer": `new java.lang.Integer(1)`,
  "java.lang.Long": `new java.lang.Long(1)`,
  "java.lang.Boolean": `new java.lang.Boolean(true)`,
  "java.util.HashSet": `new java.util.HashSet()`,
  "java.util.LinkedHashSet": `new java.util.LinkedHashSet()`,
  "java.util.TreeSet": `new java.util.TreeSet()`,
  "java.util.ArrayList": `new java.util.ArrayList()`,
  "java.util.LinkedList": `new java.util.LinkedList()`,
  "java.util.Arrays$ArrayList": view(`java.util.Arrays.asList("a")`),
  "java.util.HashMap": `new java.util.HashMap()`,
  "java.util.LinkedHashMap": `new java.util.LinkedHashMap()`,
  "java.util.TreeMap": `new java.util.TreeMap()`,
  "java.util.HashMap$KeySet": view(`new java.util.HashMap().keySet()`),
  "java.util.HashMap$Values": view(`new java.util.HashMap().values()`),
  "java.util.HashMap$EntrySet": view(`new java.util.HashMap().entrySet()`),
  "java.util.LinkedHashMap$LinkedKeySet": view(`new java.util.LinkedHashMap().keySet()`),
  "java.util.LinkedHashMap$LinkedValues": view(`new java.util.LinkedHashMap().values()`),
  "java.util.LinkedHashMap$LinkedEntrySet": view(`new java.util.LinkedHashMap().entrySet()`),
  "java.util.TreeMap$KeySet": view(`new java.util.TreeMap().keySet()`),
  "java.util.TreeMap$Values": view(`new java.util.TreeMap().values()`),
  "java.util.TreeMap$EntrySet": view(`new java.util.TreeMap().entrySet()`),
  "java.util.Collections$UnmodifiableMap": `java.util.Collections.unmodifiableMap(new java.util.HashMap())`,
  "java.util.Collections$UnmodifiableRandomAccessList": `java.util.Collections.unmodifiableList(new java.util.ArrayList())`,
  "java.util.Collections$UnmodifiableSet": `java.util.Collections.unmodifiableSet(new java.util.HashSet())`,
  "java.util.Collections$UnmodifiableCollection": view(`java.util.Collections.unmodifiableCollection(new java.util.ArrayList())`),
  "java.util.Collections$UnmodifiableMap$UnmodifiableEntrySet": view(`java.util.Collections.unmodifiableMap(new java.util.HashMap()).entrySet()`),
  "java.util.Collections$EmptyList": view(`java.util.Collections.emptyList()`),
  "java.util.Collections$EmptySet": view(`java.util.Collections.emptySet()`),
  "java.util.Collections$EmptyMap": view(`java.util.Collections.emptyMap()`),
  "java.util.Collections$SingletonList": view(`java.util.Collections.singletonList("a")`),
  "java.util.Collections$SingletonSet": view(`java.util.Collections.singleton("a")`),
  "java.util.HashMap$KeyIterator": `new java.util.HashSet().iterator()`,
  "java.util.ArrayList$Itr": `new java.util.ArrayList().iterator()`,
  "java.util.HashMap$Node": view(`(function () { var m = new java.util.HashMap(); m.put("a", "b"); return m.entrySet().iterator().next(); })()`),
  "java.util.LinkedHashMap$Entry": view(`(function () { var m = new java.util.LinkedHashMap(); m.put("a", "b"); return m.entrySet().iterator().next(); })()`),
  "java.util.LinkedHashMap$LinkedKeyIterator": view(`new java.util.LinkedHashSet().iterator()`),
  "java.util.LinkedHashMap$LinkedEntryIterator": view(`new java.util.LinkedHashMap().entrySet().iterator()`),
  "java.util.TreeMap$KeyIterator": view(`new java.util.TreeSet().iterator()`),
  "java.util.LinkedList$ListItr": view(`new java.util.LinkedList().iterator()`),
  "java.util.Collections$UnmodifiableCollection$1": view(`java.util.Collections.unmodifiableSet(new java.util.HashSet()).iterator()`),
};

/** Class name → Rhino expression: every class, or (`views: false`) those whose method texts are recorded. */
export function jdkInstances({ views }) {
  return Object.fromEntries(
    Object.entries(JDK_CLASSES).flatMap(([javaClass, entry]) =>
      typeof entry === "string" ? [[javaClass, entry]] : views ? [[javaClass, entry.expression]] : [],
    ),
  );
}
