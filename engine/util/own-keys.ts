/**
 * Records keyed by names a script (or a scenario) chooses. On an ordinary object `o[key] = v` with key
 * "__proto__" replaces o's prototype instead of storing a key (the value is lost, or worse an outer object is
 * reached), and `o[key]` with "constructor" or "toString" reads something nobody stored. AM keeps such names as
 * ordinary map keys, so host code that builds or reads records with guest-chosen keys goes through these
 * helpers: null-prototype records, own-property reads, and path walks that never leave own properties.
 */

/**
 * The prototype of records built here: nothing but a toString, so a record still converts to text as an object
 * does ("[object Object]", as Rhino converts a script object for a String parameter), while no setter such as
 * Object.prototype's __proto__ is inherited. Sealed, so nothing is added to it; its toString stays writable so
 * that assigning a "toString" key to a record makes an own key (a read-only inherited one would refuse it).
 */
const RECORD_PROTOTYPE: object = Object.seal(
  Object.create(null, { toString: { value: () => "[object Object]", writable: true, enumerable: false, configurable: false } }) as object,
);

/** A record whose keys are all ordinary own keys, "__proto__" included (nothing is inherited but toString). */
export function newRecord<T = unknown>(): Record<string, T> {
  return Object.create(RECORD_PROTOTYPE) as Record<string, T>;
}

/** A null-prototype record from entries (later entries win, as in a map). */
export function recordFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = newRecord<T>();
  for (const [key, value] of entries) setOwn(out, key, value);
  return out;
}

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record !== null && record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` as an own, enumerable key of `target`, whatever its prototype ("__proto__" included). */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A plain record: an object literal, JSON.parse output, a null-prototype object or a record from here (no class instance). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === null || proto === Object.prototype || proto === RECORD_PROTOTYPE;
}

/** The value at a path of own keys (array indexes included), or undefined where the path leaves them. */
export function ownPath(root: unknown, path: readonly string[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * The container that holds a path's last key, walking own keys only and creating the missing (or non-object)
 * steps as null-prototype records, as a JSON Patch "add" creates them. A step is never a prototype.
 */
export function ownParent(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  let parent = root;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(parent, key) ? parent[key] : undefined;
    if (next === null || typeof next !== "object") {
      const created = newRecord();
      setOwn(parent, key, created);
      parent = created;
    } else parent = next as Record<string, unknown>;
  }
  return parent;
}
