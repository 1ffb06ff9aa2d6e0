package com.sun.identity.common;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Stand-in: a HashMap keyed by case-insensitive keys (lookups ignore case, keys print as first written); its
 * keySet() is a CaseInsensitiveHashSet and its entrySet() a new HashSet of entries that hand out String keys.
 */
public class CaseInsensitiveHashMap extends HashMap<Object, Object> {
  public CaseInsensitiveHashMap() { super(); }

  private static Object key(Object k) { return k instanceof String ? new CaseInsensitiveKey((String) k) : k; }

  @Override public Object get(Object k) { return super.get(key(k)); }

  @Override public boolean containsKey(Object k) { return super.containsKey(key(k)); }

  @Override public Object put(Object k, Object v) { return super.put(key(k), v); }

  @Override public Object remove(Object k) { return super.remove(key(k)); }

  @Override public Set<Object> keySet() { return new CaseInsensitiveHashSet(super.keySet()); }

  @Override public Set entrySet() {
    Set<Object> entries = new HashSet<>();
    for (Map.Entry<Object, Object> e : super.entrySet()) entries.add(new Entry(e));
    return entries;
  }

  /** An entry that gives its key as a String; equal and hashed as the map's own entry. */
  public static final class Entry implements Map.Entry<Object, Object> {
    private final Map.Entry<Object, Object> entry;
    Entry(Map.Entry<Object, Object> entry) { this.entry = entry; }
    public Object getKey() { return entry.getKey().toString(); }
    public Object getValue() { return entry.getValue(); }
    public Object setValue(Object v) { return entry.setValue(v); }
    @Override public boolean equals(Object o) { return entry.equals(o); }
    @Override public int hashCode() { return entry.hashCode(); }
    @Override public String toString() { return entry.toString(); }
  }
}
