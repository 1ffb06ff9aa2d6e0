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

/** The table `new HashSet(n)` / `new HashMap(n)` starts with: the smallest power of two >= n (at least 1). */
export function tableSizeFor(initialCapacity: number): number {
  let capacity = 1;
  while (capacity < initialCapacity) capacity *= 2;
  return capacity;
}

/** The table size of `new HashSet(collection)` / `new HashMap(map)` for a source of `size` entries. */
export function copyCapacity(size: number): number {
  const wanted = Math.max(Math.floor(size / LOAD_FACTOR) + 1, DEFAULT_CAPACITY);
  let capacity = 1;
  while (capacity < wanted) capacity *= 2;
  return capacity;
}

/** A key's bucket in a table of `capacity` buckets, or null when its hash is not known. */
export function bucketOf(key: unknown, capacity: number): number | null {
  const h = javaHashCode(key);
  return h === null ? null : (h ^ (h >>> 16)) & (capacity - 1);
}

/** The index after the last element of `sorted` that is <= `key` (where an equal key inserted last goes). */
export function upperBound<K extends number | string>(sorted: readonly K[], key: K): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The sort keys of an ordered collection's elements, in iteration order: buckets for a HashMap/HashSet
 * (with the table size they were computed for), text for a TreeMap/TreeSet. Adding one element then costs a
 * binary search and a splice instead of a sort, so a script filling a large map stays fast.
 */
export type OrderKeys = { kind: "hash"; capacity: number; keys: number[] | null } | { kind: "tree"; keys: string[] | null };

/** The elements (with `keyOf`) in the order `order` prescribes; fills order.keys, or nulls it when a hash is unknown. */
export function orderAll<T>(items: readonly T[], keyOf: (item: T) => unknown, order: OrderKeys, text: (key: unknown) => string): T[] {
  if (order.kind === "tree") {
    const sorted = items.map((item) => ({ item, key: text(keyOf(item)) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    order.keys = sorted.map((e) => e.key);
    return sorted.map((e) => e.item);
  }
  order.capacity = capacityFor(items.length, order.capacity);
  const buckets: number[] = [];
  for (const item of items) {
    const b = bucketOf(keyOf(item), order.capacity);
    if (b === null) {
      order.keys = null;
      return [...items];
    }
    buckets.push(b);
  }
  const sorted = items.map((item, i) => ({ item, bucket: buckets[i], i })).sort((a, b) => a.bucket - b.bucket || a.i - b.i);
  order.keys = sorted.map((e) => e.bucket);
  return sorted.map((e) => e.item);
}

/**
 * Where the element just appended (the last of `count`) belongs, updating order.keys; null when the whole
 * collection must be ordered again (the table grew, a hash is unknown, or the keys are out of step).
 */
export function placeAppended(key: unknown, count: number, order: OrderKeys, text: (key: unknown) => string): number | null {
  if (!order.keys || order.keys.length !== count - 1) return null;
  if (order.kind === "tree") {
    const k = text(key);
    const at = upperBound(order.keys, k);
    order.keys.splice(at, 0, k);
    return at;
  }
  if (capacityFor(count, order.capacity) !== order.capacity) return null;
  const b = bucketOf(key, order.capacity);
  if (b === null) return null;
  const at = upperBound(order.keys, b);
  order.keys.splice(at, 0, b);
  return at;
}
