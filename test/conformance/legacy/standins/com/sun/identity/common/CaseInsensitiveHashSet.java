package com.sun.identity.common;

import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;

/** Stand-in: a HashSet whose String elements are case-insensitive keys, handed out as the Strings they wrap. */
public class CaseInsensitiveHashSet extends HashSet<Object> {
  public CaseInsensitiveHashSet(Collection<?> source) {
    // Sized as HashSet's copy constructor sizes its table.
    super(Math.max((int) (source.size() / .75f) + 1, 16));
    for (Object o : source) add(o);
  }

  @Override public boolean add(Object o) { return super.add(o instanceof String ? new CaseInsensitiveKey((String) o) : o); }

  @Override public boolean contains(Object o) { return super.contains(o instanceof String ? new CaseInsensitiveKey((String) o) : o); }

  @Override public Iterator<Object> iterator() {
    Iterator<Object> keys = super.iterator();
    return new Iterator<Object>() {
      public boolean hasNext() { return keys.hasNext(); }
      public Object next() {
        Object k = keys.next();
        return k instanceof CaseInsensitiveKey ? k.toString() : k;
      }
    };
  }
}
