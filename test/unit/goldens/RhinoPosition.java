import java.nio.file.*;
import java.util.*;
import org.mozilla.javascript.*;

/**
 * Records where Rhino 1.7.14 (interpreted, as AM runs it) puts the script position: each case's source is evaluated
 * under AM's legacy source name "<Unknown source>" with a class shutter admitting only the classes listed; what the
 * script logged through out(...) is printed, then, if the script failed, RhinoException.getMessage() (the text
 * AM's ScriptException carries into its log).
 */
public class RhinoPosition {
  public static void main(String[] args) throws Exception {
    Set<String> allowed = new HashSet<>(Arrays.asList("java.lang.String", "java.lang.Integer", "java.util.ArrayList", "java.util.HashMap", "java.lang.NullPointerException", "java.lang.Object"));
    Context cx = Context.enter();
    cx.setLanguageVersion(Context.VERSION_DEFAULT);
    cx.setOptimizationLevel(-1);
    cx.setClassShutter(allowed::contains);
    for (String file : args) {
      String source = Files.readString(Paths.get(file));
      ImporterTopLevel scope = new ImporterTopLevel(cx);
      StringBuilder out = new StringBuilder();
      ScriptableObject.putProperty(scope, "out", new BaseFunction() {
        @Override public Object call(Context c, Scriptable s, Scriptable t, Object[] a) { out.append(Context.toString(a[0])).append('\n'); return Undefined.instance; }
      });
      try {
        cx.evaluateString(scope, source, "<Unknown source>", 1, null);
      } catch (RhinoException e) {
        out.append("UNCAUGHT ").append(e.getMessage()).append('\n');
      }
      System.out.print("== " + file + "\n" + out);
    }
  }
}
