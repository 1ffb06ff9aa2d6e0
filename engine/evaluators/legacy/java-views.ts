/**
 * The Java classes of the views and iterators collections hand out (`map.keySet()`, `set.iterator()`), and
 * AM's class shutter applied to them. Rhino checks the class of every object a Java method returns, so on
 * AM `hashMap.values()`, `treeMap.keySet()` or `linkedHashSet.iterator()` fail with "Access to Java class
 * … is prohibited." while `hashMap.keySet()` and `hashSet.iterator()` work (probes view.* in
 * test/conformance/legacy, recorded in Rhino 1.7.14 behind AM's allow-list).
 */
import { GuestError } from "../../sandbox/host";
import { classVisible } from "./allowlist";

export type MapView = "keySet" | "values" | "entrySet";

const MAP_VIEWS: Record<string, Record<MapView, string>> = {
  "java.util.HashMap": { keySet: "java.util.HashMap$KeySet", values: "java.util.HashMap$Values", entrySet: "java.util.HashMap$EntrySet" },
  "java.util.LinkedHashMap": {
    keySet: "java.util.LinkedHashMap$LinkedKeySet",
    values: "java.util.LinkedHashMap$LinkedValues",
    entrySet: "java.util.LinkedHashMap$LinkedEntrySet",
  },
  "java.util.TreeMap": { keySet: "java.util.TreeMap$KeySet", values: "java.util.TreeMap$Values", entrySet: "java.util.TreeMap$EntrySet" },
  "java.util.Collections$UnmodifiableMap": {
    keySet: "java.util.Collections$UnmodifiableSet",
    values: "java.util.Collections$UnmodifiableCollection",
    entrySet: "java.util.Collections$UnmodifiableMap$UnmodifiableEntrySet",
  },
  "java.util.Collections$EmptyMap": { keySet: "java.util.Collections$EmptySet", values: "java.util.Collections$EmptySet", entrySet: "java.util.Collections$EmptySet" },
  // AM's CaseInsensitiveHashMap (identity.getAttributes) is a HashMap.
  "com.sun.identity.common.CaseInsensitiveHashMap": {
    keySet: "java.util.HashMap$KeySet",
    values: "java.util.HashMap$Values",
    entrySet: "java.util.HashMap$EntrySet",
  },
};

const ITERATORS: Record<string, string> = {
  "java.util.HashSet": "java.util.HashMap$KeyIterator",
  "java.util.HashMap$KeySet": "java.util.HashMap$KeyIterator",
  "java.util.LinkedHashSet": "java.util.LinkedHashMap$LinkedKeyIterator",
  "java.util.LinkedHashMap$LinkedKeySet": "java.util.LinkedHashMap$LinkedKeyIterator",
  "java.util.LinkedHashMap$LinkedEntrySet": "java.util.LinkedHashMap$LinkedEntryIterator",
  "java.util.TreeSet": "java.util.TreeMap$KeyIterator",
  "java.util.ArrayList": "java.util.ArrayList$Itr",
  "java.util.LinkedList": "java.util.LinkedList$ListItr",
};

/** The class of `map.<view>()` for a map of `mapClass`. */
export function mapViewClass(mapClass: string, view: MapView): string {
  return (MAP_VIEWS[mapClass] ?? MAP_VIEWS["java.util.LinkedHashMap"])[view];
}

/** The class of `collection.iterator()`: unmodifiable and other Collections$ views give Collections' own. */
export function iteratorClass(collectionClass: string): string {
  if (collectionClass.startsWith("java.util.Collections$")) return "java.util.Collections$UnmodifiableCollection$1";
  return ITERATORS[collectionClass] ?? "java.util.ArrayList$Itr";
}

/** Rhino's refusal when a Java method returns an object of a class AM's allow-list does not name. */
export function requireVisible(javaClass: string): void {
  if (!classVisible(javaClass)) throw new GuestError(`Access to Java class "${javaClass}" is prohibited.`, "InternalError");
}
