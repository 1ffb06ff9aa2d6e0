/**
 * The attribute maps and value sets AMIdentity hands a legacy script, in the iteration orders AM shows:
 *
 * - a value Set (getAttribute, and each value of getAttributes) is a java.util.HashSet made for its values,
 *   `new HashSet(values.size())` filled in the directory's order (AMHashMap.getSetCopy and DJ LDAP's
 *   LDAPUtils.getAttributeValuesAsStringSet do this), so its table is small and its order is Java's bucket
 *   order for that size: AM 7 prints `[user.0@a.com, user.0@c.com]` for values read as c, a;
 * - getAttributes(Set) is a com.sun.identity.common.CaseInsensitiveHashMap, getAttributes() its subclass
 *   com.iplanet.am.sdk.AMHashMap: a HashMap keyed by case-insensitive keys (hashed by their lower-cased text,
 *   printed as written), whose keySet() is a CaseInsensitiveHashSet copy (what for…in lists; not on AM's
 *   allow-list, so a script calling keySet() is refused) and whose entrySet() is a new HashSet of entries
 *   (what toString() and JSON.stringify go through: an entry hashes as key ^ value).
 *
 * Recorded in Rhino through stand-ins of those classes (test/conformance/legacy/standins, probes attr.*, attrs.*).
 */
import { JavaCollection, JavaMap, JavaMapEntry, JavaString } from "./java";
import { copyCapacity, orderAll, stringHashCode } from "./hash-order";
import { requireVisible } from "./java-views";

const DEFAULT_CAPACITY = 16;

/** An attribute's values as AM hands them out: a HashSet sized for them. */
export function attributeValueSet(values: readonly string[]): JavaCollection {
  return new JavaCollection("java.util.HashSet", values.map((v) => new JavaString(v)), false, values.length);
}

/** A bucket key carrying a precomputed Java hashCode (hash-order.ts reads javaHashKey()). */
function hashed(hash: number): { javaHashKey(): number } {
  return { javaHashKey: () => hash };
}

function caseInsensitiveHash(key: string): number {
  return stringHashCode(key.toLowerCase());
}

/** hashCode() of a value the map holds: a Set's is the sum of its elements', a String's its own. */
function valueHash(value: unknown): number {
  if (value instanceof JavaCollection) return value.items.reduce((sum: number, item) => (sum + valueHash(item)) | 0, 0);
  if (value instanceof JavaString) return value.hashCode();
  if (typeof value === "string") return stringHashCode(value);
  return 0;
}

export class CaseInsensitiveJavaMap extends JavaMap {
  constructor(javaClass: "com.iplanet.am.sdk.AMHashMap" | "com.sun.identity.common.CaseInsensitiveHashMap", entries: Map<string, unknown>) {
    super(javaClass, entries, false, false);
  }

  /** The key as first written, for any spelling of it. */
  private stored(key: string): string {
    if (this.entries.has(key)) return key;
    const lower = key.toLowerCase();
    for (const k of this.entries.keys()) if (k.toLowerCase() === lower) return k;
    return key;
  }

  /** The map's own order: buckets of a default-sized table, by lower-cased key. */
  private mapOrder(): [string, unknown][] {
    return orderAll([...this.entries], ([k]) => hashed(caseInsensitiveHash(k)), { kind: "hash", capacity: DEFAULT_CAPACITY, keys: null }, String);
  }
  /** keySet(): a CaseInsensitiveHashSet copy of the keys, sized as HashSet's copy constructor sizes it. */
  private keyOrder(): string[] {
    const keys = this.mapOrder().map(([k]) => k);
    return orderAll(keys, (k) => hashed(caseInsensitiveHash(k)), { kind: "hash", capacity: copyCapacity(keys.length), keys: null }, String);
  }
  /** entrySet(): a new default HashSet of the entries, each hashed as key ^ value. */
  private entryOrder(): [string, unknown][] {
    return orderAll(this.mapOrder(), ([k, v]) => hashed(caseInsensitiveHash(k) ^ valueHash(v)), { kind: "hash", capacity: DEFAULT_CAPACITY, keys: null }, String);
  }

  override guestGet(name: string): unknown {
    return super.guestGet(this.stored(name));
  }
  override get(key: unknown): unknown {
    return super.get(this.stored(String(key)));
  }
  override containsKey(key: unknown): boolean {
    return super.containsKey(this.stored(String(key)));
  }
  override put(key: unknown, value: unknown): unknown {
    return super.put(this.stored(String(key)), value);
  }
  override remove(key: unknown, ...value: unknown[]): unknown {
    return super.remove(this.stored(String(key)), ...value);
  }
  override guestKeys(): string[] {
    return this.keyOrder();
  }
  override keySet(): JavaCollection {
    requireVisible("com.sun.identity.common.CaseInsensitiveHashSet");
    return new JavaCollection("java.util.HashSet", this.keyOrder().map((k) => new JavaString(k)));
  }
  override entrySet(): JavaCollection {
    return new JavaCollection("java.util.HashSet", this.entryOrder().map(([k, v]) => new JavaMapEntry(k, v)));
  }
  override values(): JavaCollection {
    requireVisible("java.util.HashMap$Values");
    return super.values();
  }
  override toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.entryOrder());
  }
  override toString(): string {
    return `{${this.entryOrder().map(([k, v]) => `${k}=${String(v)}`).join(", ")}}`;
  }
}
