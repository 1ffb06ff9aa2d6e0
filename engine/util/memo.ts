/**
 * A small most-recently-used cache. Run-as-you-type re-runs the same script against an edited scenario, and
 * `test` runs one script for many cases, so per-source work (parsing for syntax and lint) is worth keeping.
 */
export function memoize<A extends string, R>(fn: (key: A) => R, size = 64): (key: A) => R {
  const cache = new Map<string, R>();
  return (key: A) => {
    if (cache.has(key)) {
      const value = cache.get(key) as R;
      cache.delete(key);
      cache.set(key, value);
      return value;
    }
    const value = fn(key);
    if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
}
