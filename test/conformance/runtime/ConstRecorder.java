/*
 * Runs each snippet in Rhino 1.7.14 (language version 0) twice and prints one JSON line per snippet:
 *  - "shell": in a standard top-level scope (ImporterTopLevel, as Rhino's shell and most embeddings);
 *  - "am": in a scope built the way AM's RhinoScriptEngine builds it (getScope: a Scriptable backed by the
 *    JSR 223 ScriptContext bindings, NOT a ScriptableObject and NOT ConstProperties, whose prototype is
 *    initStandardObjects()). Written here from that description; AM's own class is not copied.
 * The snippet reports through out(...); the line is its outputs joined by "|", or the error Rhino raised.
 * Usage: java -cp js.jar:. ConstRecorder <snippet files...>
 */
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mozilla.javascript.*;

public class ConstRecorder {
  /** A plain Scriptable over a map, like a scope backed by javax.script Bindings. */
  static final class BindingsScope implements Scriptable {
    final Map<String, Object> bindings = new HashMap<>();
    Scriptable prototype;
    Scriptable parent;
    public String getClassName() { return "BindingsScope"; }
    public Object get(String name, Scriptable start) { return bindings.containsKey(name) ? bindings.get(name) : NOT_FOUND; }
    public Object get(int index, Scriptable start) { return NOT_FOUND; }
    public boolean has(String name, Scriptable start) { return bindings.containsKey(name); }
    public boolean has(int index, Scriptable start) { return false; }
    public void put(String name, Scriptable start, Object value) { bindings.put(name, value); }
    public void put(int index, Scriptable start, Object value) {}
    public void delete(String name) { bindings.remove(name); }
    public void delete(int index) {}
    public Scriptable getPrototype() { return prototype; }
    public void setPrototype(Scriptable p) { prototype = p; }
    public Scriptable getParentScope() { return parent; }
    public void setParentScope(Scriptable p) { parent = p; }
    public Object[] getIds() { return bindings.keySet().toArray(); }
    public Object getDefaultValue(Class<?> hint) { return "[object BindingsScope]"; }
    public boolean hasInstance(Scriptable instance) { return false; }
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c == '\n') b.append("\\n");
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  static String run(String source, boolean amScope) {
    Context cx = Context.enter();
    try {
      cx.setLanguageVersion(Context.VERSION_DEFAULT);
      cx.setOptimizationLevel(-1);
      final List<String> outputs = new ArrayList<>();
      Scriptable scope;
      if (amScope) {
        BindingsScope s = new BindingsScope();
        s.setPrototype(cx.initStandardObjects());
        scope = s;
      } else {
        scope = new ImporterTopLevel(cx);
      }
      BaseFunction out = new BaseFunction() {
        @Override
        public Object call(Context c, Scriptable sc, Scriptable thisObj, Object[] args) {
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < args.length; i++) b.append(i > 0 ? " " : "").append(Context.toString(args[i]));
          outputs.add(b.toString());
          return Undefined.instance;
        }
      };
      scope.put("out", scope, out);
      try {
        Script script = cx.compileString(source, "snippet.js", 1, null);
        script.exec(cx, scope);
        return String.join("|", outputs);
      } catch (RhinoException e) {
        String prefix = outputs.isEmpty() ? "" : String.join("|", outputs) + "|";
        return prefix + "ERROR line " + e.lineNumber() + ": " + e.details();
      }
    } finally {
      Context.exit();
    }
  }

  public static void main(String[] args) throws Exception {
    for (String file : args) {
      String source = new String(Files.readAllBytes(Paths.get(file)), "UTF-8");
      System.out.println("{\"file\":" + quote(Paths.get(file).getFileName().toString()) + ",\"shell\":" + quote(run(source, false)) + ",\"am\":" + quote(run(source, true)) + "}");
    }
  }
}
