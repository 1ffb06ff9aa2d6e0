/**
 * The order a java.util.HashMap / HashSet iterates in (toString, keySet, iterator, for…in, JSON): bucket by
 * bucket, where a key's bucket is its spread hashCode masked by the table size, and insertion order inside a
 * bucket (resizes split buckets without reordering them). Scripts print and store these collections, and AM
 * shows them in this order, not in the order the values were added.
 */
import { JavaDouble } from "../../token/values";

const DEFAULT_CAPACITY = 16;
const LOAD_FACTOR = 0.75;

/** String.hashCode(): s[0]*31^(n-1) + … + s[n-1], in 32-bit arithmetic. */
export function stringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** Double.hashCode(): the high and low words of its bits, xor-ed. */
export function doubleHashCode(value: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Number.isNaN(value) ? Number.NaN : value);
  return (view.getInt32(0) ^ view.getInt32(4)) | 0;
}

/**
 * The Java hashCode of a key as the playground holds it (JS strings and Java strings by text, JS numbers as
 * the java.lang.Double Rhino makes of them), or null for values whose hash Java derives from identity.
 */
export function javaHashCode(key: unknown): number | null {
  if (typeof key === "string") return stringHashCode(key);
  if (typeof key === "boolean") return key ? 1231 : 1237;
  if (typeof key === "number") return doubleHashCode(key);
  if (key instanceof JavaDouble) return doubleHashCode(key.value);
  if (key && typeof key === "object" && "javaHashKey" in key) return (key as { javaHashKey(): number | null }).javaHashKey();
  return null;
}

/** The table size a HashMap reaches by adding `size` entries one by one (it doubles past 3/4 full). */
export function capacityFor(size: number, current = DEFAULT_CAPACITY): number {
  let capacity = current;
  while (size > capacity * LOAD_FACTOR) capacity *= 2;
  return capacity;
}

/** The table size of `new HashSet(collection)` / `new HashMap(map)` for a source of `size` entries. */
export function copyCapacity(size: number): number {
  const wanted = Math.max(Math.floor(size / LOAD_FACTOR) + 1, DEFAULT_CAPACITY);
  let capacity = 1;
  while (capacity < wanted) capacity *= 2;
  return capacity;
}

/**
 * `items` (in insertion order within each bucket) in the order a table of `capacity` buckets iterates them;
 * unchanged when any key's hash is not known.
 */
export function hashOrder<T>(items: readonly T[], keyOf: (item: T) => unknown, capacity: number): T[] {
  const buckets: number[] = [];
  for (const item of items) {
    const h = javaHashCode(keyOf(item));
    if (h === null) return [...items];
    buckets.push((h ^ (h >>> 16)) & (capacity - 1));
  }
  return items.map((item, i) => ({ item, bucket: buckets[i], i })).sort((a, b) => a.bucket - b.bucket || a.i - b.i).map((e) => e.item);
}
