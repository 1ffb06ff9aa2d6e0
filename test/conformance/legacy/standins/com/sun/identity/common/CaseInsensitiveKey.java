package com.sun.identity.common;

/** Stand-in: a map or set key that compares and hashes by its lower-cased text and prints as written. */
public final class CaseInsensitiveKey {
  private final String text;

  public CaseInsensitiveKey(String text) { this.text = text; }

  @Override public boolean equals(Object other) {
    return other instanceof CaseInsensitiveKey && ((CaseInsensitiveKey) other).text.equalsIgnoreCase(text);
  }

  @Override public int hashCode() { return text.toLowerCase().hashCode(); }

  @Override public String toString() { return text; }
}
