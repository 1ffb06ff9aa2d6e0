package org.forgerock.http.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stand-in for CHF's Headers: add() chains, getFirst() gives the first value as a String. */
public final class Headers {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  public Headers add(String name, Object value) {
    values.computeIfAbsent(name, k -> new ArrayList<>()).add(String.valueOf(value));
    return this;
  }

  public String getFirst(String name) {
    for (Map.Entry<String, List<String>> e : values.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
    }
    return null;
  }

  public boolean containsKey(String name) { return getFirst(name) != null; }
}
