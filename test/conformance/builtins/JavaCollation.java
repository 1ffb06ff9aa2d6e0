import java.text.CollationElementIterator;
import java.text.Collator;
import java.text.Normalizer;
import java.text.RuleBasedCollator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the collation elements of Java 17's Collator for a locale, as Rhino 1.7.14's String.prototype.localeCompare
 * configures it (strength IDENTICAL, canonical decomposition), one line per BMP char whose NFD form is itself and
 * whose elements are not the unmapped pattern [0x7fff0000, char << 16]; then every two-char contraction among
 * combining marks (an NFD sequence whose elements are not its chars' elements one after the other).
 * Line format: "c <hex char> <hex order>,…" or "k <hex char> <hex char> <hex order>,…". Run by record-collation.mjs.
 */
public class JavaCollation {
  static List<Integer> elements(RuleBasedCollator c, String s) {
    List<Integer> out = new ArrayList<>();
    CollationElementIterator it = c.getCollationElementIterator(s);
    for (int e = it.next(); e != CollationElementIterator.NULLORDER; e = it.next()) out.add(e);
    return out;
  }

  static String hex(List<Integer> orders) {
    StringBuilder b = new StringBuilder();
    for (int o : orders) b.append(b.length() == 0 ? "" : ",").append(Integer.toHexString(o));
    return b.toString();
  }

  public static void main(String[] args) {
    RuleBasedCollator c = (RuleBasedCollator) Collator.getInstance(Locale.forLanguageTag(args[0]));
    c.setStrength(Collator.IDENTICAL);
    c.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
    StringBuilder out = new StringBuilder();
    for (int ch = 0; ch <= 0xffff; ch++) {
      if (ch >= 0xd800 && ch <= 0xdfff) continue;
      String s = String.valueOf((char) ch);
      if (!Normalizer.normalize(s, Normalizer.Form.NFD).equals(s)) continue;
      List<Integer> e = elements(c, s);
      if (e.size() == 2 && e.get(0) == 0x7fff0000 && e.get(1) == ch << 16) continue;
      out.append("c ").append(Integer.toHexString(ch)).append(' ').append(hex(e)).append('\n');
    }
    for (int x = 0x300; x < 0x370; x++) for (int y = 0x300; y < 0x370; y++) {
      String s = Normalizer.normalize("" + (char) x + (char) y, Normalizer.Form.NFD);
      if (s.length() != 2) continue;
      List<Integer> apart = new ArrayList<>();
      for (char ch : s.toCharArray()) apart.addAll(elements(c, String.valueOf(ch)));
      List<Integer> joint = elements(c, s);
      if (!joint.equals(apart)) out.append("k ").append(Integer.toHexString(s.charAt(0))).append(' ').append(Integer.toHexString(s.charAt(1))).append(' ').append(hex(joint)).append('\n');
    }
    System.out.print(out);
  }
}
