/**
 * Which java.util collection classes are Sets and which are Lists: Rhino wraps a java.util.List as a
 * NativeJavaList (`list[i]`, `list.length`) and nothing else, and a Set has no get(int) or add(int, e). The
 * kind comes from this table of the classes the playground hands out, never from the class's name.
 */
export type CollectionKind = "list" | "set";

const SETS: ReadonlySet<string> = new Set([
  "java.util.HashSet",
  "java.util.LinkedHashSet",
  "java.util.TreeSet",
  "java.util.HashMap$KeySet",
  "java.util.HashMap$EntrySet",
  "java.util.LinkedHashMap$LinkedKeySet",
  "java.util.LinkedHashMap$LinkedEntrySet",
  "java.util.TreeMap$KeySet",
  "java.util.TreeMap$EntrySet",
  "java.util.Collections$EmptySet",
  "java.util.Collections$SingletonSet",
  "java.util.Collections$UnmodifiableSet",
  "java.util.Collections$UnmodifiableMap$UnmodifiableEntrySet",
]);

const LISTS: ReadonlySet<string> = new Set([
  "java.util.ArrayList",
  "java.util.LinkedList",
  "java.util.Arrays$ArrayList",
  "java.util.Collections$EmptyList",
  "java.util.Collections$SingletonList",
  "java.util.Collections$UnmodifiableRandomAccessList",
  // A map's values() and Collections.unmodifiableCollection are neither; the playground serves them as lists.
  "java.util.HashMap$Values",
  "java.util.LinkedHashMap$LinkedValues",
  "java.util.TreeMap$Values",
  "java.util.Collections$UnmodifiableCollection",
]);

export function collectionKind(javaClass: string): CollectionKind {
  if (SETS.has(javaClass)) return "set";
  if (LISTS.has(javaClass)) return "list";
  throw new Error(`No collection kind for ${javaClass}: add the class to engine/evaluators/legacy/collection-kinds.ts`);
}
