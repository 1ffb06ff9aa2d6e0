package org.forgerock.http.protocol;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-in for CHF's Entity: getString() gives the text, getJson() the value Jackson would build (LinkedHashMap,
 * ArrayList, Integer, Long, Double, Boolean, String, null) or an IOException for malformed JSON.
 */
public final class Entity {
  private String text;

  public Entity(String text) { this.text = text; }

  public String getString() { return text; }
  public void setString(String value) { text = value; }
  public boolean isRawContentEmpty() { return text.isEmpty(); }

  public Object getJson() throws IOException {
    Parser p = new Parser(text);
    Object value = p.value();
    p.space();
    if (p.at < text.length()) throw p.fail();
    return value;
  }

  /** A small JSON reader giving Jackson's untyped-value classes. */
  private static final class Parser {
    final String s;
    int at;

    Parser(String s) { this.s = s; }

    IOException fail() { return new IOException("Malformed JSON at offset " + at); }

    void space() { while (at < s.length() && Character.isWhitespace(s.charAt(at))) at++; }

    Object value() throws IOException {
      space();
      if (at >= s.length()) throw fail();
      char c = s.charAt(at);
      if (c == '{') return object();
      if (c == '[') return array();
      if (c == '"') return string();
      if (s.startsWith("true", at)) { at += 4; return Boolean.TRUE; }
      if (s.startsWith("false", at)) { at += 5; return Boolean.FALSE; }
      if (s.startsWith("null", at)) { at += 4; return null; }
      return number();
    }

    Map<String, Object> object() throws IOException {
      Map<String, Object> m = new LinkedHashMap<>();
      at++;
      space();
      if (at < s.length() && s.charAt(at) == '}') { at++; return m; }
      while (true) {
        space();
        String key = string();
        space();
        if (at >= s.length() || s.charAt(at++) != ':') throw fail();
        m.put(key, value());
        space();
        if (at >= s.length()) throw fail();
        char c = s.charAt(at++);
        if (c == '}') return m;
        if (c != ',') throw fail();
      }
    }

    List<Object> array() throws IOException {
      List<Object> l = new ArrayList<>();
      at++;
      space();
      if (at < s.length() && s.charAt(at) == ']') { at++; return l; }
      while (true) {
        l.add(value());
        space();
        if (at >= s.length()) throw fail();
        char c = s.charAt(at++);
        if (c == ']') return l;
        if (c != ',') throw fail();
      }
    }

    String string() throws IOException {
      if (at >= s.length() || s.charAt(at) != '"') throw fail();
      StringBuilder b = new StringBuilder();
      at++;
      while (at < s.length()) {
        char c = s.charAt(at++);
        if (c == '"') return b.toString();
        if (c == '\\') {
          char e = s.charAt(at++);
          switch (e) {
            case 'n': b.append('\n'); break;
            case 't': b.append('\t'); break;
            case 'r': b.append('\r'); break;
            case 'b': b.append('\b'); break;
            case 'f': b.append('\f'); break;
            case 'u': b.append((char) Integer.parseInt(s.substring(at, at + 4), 16)); at += 4; break;
            default: b.append(e);
          }
        } else {
          b.append(c);
        }
      }
      throw fail();
    }

    Object number() throws IOException {
      int start = at;
      while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) at++;
      String n = s.substring(start, at);
      if (n.isEmpty()) throw fail();
      if (n.contains(".") || n.contains("e") || n.contains("E")) return Double.valueOf(n);
      long v = Long.parseLong(n);
      if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) return Integer.valueOf((int) v);
      return Long.valueOf(v);
    }
  }
}
