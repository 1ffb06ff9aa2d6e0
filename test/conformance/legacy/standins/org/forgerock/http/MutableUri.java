package org.forgerock.http;

/** Stand-in: what CHF's Request.getUri() returns (a class AM's allow-list does not name). */
public final class MutableUri {
  private final String text;
  public MutableUri(String text) { this.text = text; }
  @Override public String toString() { return text; }
}
