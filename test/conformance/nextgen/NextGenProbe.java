import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mozilla.javascript.ClassShutter;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Scriptable;

/**
 * Asks real Rhino 1.7.14 what a next-generation script sees, for the goldens in test/unit/nextgen-maps.test.ts and
 * test/unit/nextgen-java.test.ts. Java map access is on (as AM enables it).
 *
 *   javac -cp /usr/share/java/rhino.jar -d /tmp NextGenProbe.java
 *   java -cp /usr/share/java/rhino.jar:/tmp NextGenProbe maps maps.probes.js   # clientProperties as a Java map
 *   java -cp /usr/share/java/rhino.jar:/tmp NextGenProbe java java.probes.js   # behind the next-gen allow-list
 *
 * "maps": no class shutter, `clientProperties` an unmodifiable map {clientId=myClient,
 * customProperties={testCustomProp=v1}, allowedScopes=[a, b]} (Rhino's NativeJavaMap / NativeJavaList).
 * "java": a class shutter that admits exactly AM's next-generation allow-list (PromiseImpl, Promises$*,
 * java.lang.Object). Behind it Rhino refuses to wrap a java.util map at all ("Access to Java class
 * java.util.Collections$UnmodifiableMap is prohibited."), so AM's next-generation maps are AM's own wrappers, and
 * what the "maps" mode answers beyond get(key) and property reads is inference, which the playground warns about.
 *
 * Each non-empty line of the probe file is evaluated on its own and printed with its result or error.
 */
public class NextGenProbe {
  public static void main(String[] args) throws Exception {
    ContextFactory.initGlobal(new ContextFactory() {
      @Override
      protected boolean hasFeature(Context c, int feature) {
        if (feature == Context.FEATURE_ENABLE_JAVA_MAP_ACCESS) return true;
        return super.hasFeature(c, feature);
      }
    });
    Context cx = ContextFactory.getGlobal().enterContext();
    cx.setLanguageVersion(Context.VERSION_ES6);
    boolean behindAllowList = args[0].equals("java");
    if (behindAllowList) {
      cx.setClassShutter(new ClassShutter() {
        @Override
        public boolean visibleToScripts(String name) {
          return name.equals("java.lang.Object")
              || name.equals("org.forgerock.util.promise.PromiseImpl")
              || name.startsWith("org.forgerock.util.promise.Promises$");
        }
      });
    }
    Scriptable scope = cx.initStandardObjects();
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("testCustomProp", "v1");
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("clientId", "myClient");
    client.put("customProperties", Collections.unmodifiableMap(custom));
    client.put("allowedScopes", Collections.unmodifiableList(Arrays.asList("a", "b")));
    if (!behindAllowList) {
      ScriptableObject.putProperty(scope, "clientProperties", Context.javaToJS(Collections.unmodifiableMap(client), scope));
    }
    for (String line : new String(Files.readAllBytes(Paths.get(args[1])), "UTF-8").split("\n")) {
      if (line.trim().isEmpty()) continue;
      try {
        Object result = cx.evaluateString(scope, line, "probe", 1, null);
        System.out.println(line + "  =>  " + Context.toString(result));
      } catch (Throwable t) {
        System.out.println(line + "  !!  " + t.getClass().getSimpleName() + ": " + t.getMessage());
      }
    }
  }
}
