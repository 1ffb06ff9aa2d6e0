/*
 * Runs next-generation (evaluatorVersion 2.0) access-token modification scripts in real Rhino 1.7.14 with bindings
 * modelled on AM's next-generation bindings, for the published cases whose truth is "rhino-1.7.14-nextgen"
 * (../published/record.mjs compiles and runs it).
 *
 *   java -cp rhino.jar:<classes> Recorder <dir> <allowlist.txt>
 * <dir>/list.txt holds one case id per line; <dir>/<id>.js is the script (with the next-gen epilogue), <dir>/<id>.json
 * the case's binding data (client and request properties, scopes, identity, the token's native values), derived by
 * record.mjs from the case's scenario as the playground derives them. The recorder writes <dir>/<id>.out: one line
 * per observation, "<LEVEL> <text>" for the logger (DEBUG, INFO, WARN, ERROR), "EXTRA <key> <json>" for each
 * addExtraData / addExtraJsonData entry once the script has ended, "ERR <message>" for an error that escaped.
 *
 * What each binding is modelled from (none of this is AM code; AM's next-generation wrappers are not public):
 *  - names, parameter and return JS types: the AIC binding metadata of OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN
 *    (reference Appendix C, 2026-07-07) and the docs' next-generation tabs (reference §1.4, §1.5, §1.7);
 *  - the class shutter: that context's `allowLists` (PromiseImpl, Promises$*, java.lang.Object; from the engine's
 *    one copy, engine/evaluators/nextgen/java-access.ts) plus the stand-in classes below, which play AM's wrappers;
 *  - INFERENCE, not documented: values cross as JavaScript values (Java strings, numbers and booleans unwrapped,
 *    `-> array` results as JS arrays, `-> object` results such as getCustomFields() as JS objects), because
 *    the metadata types them so and behind that allow-list Rhino would refuse a java.lang.String or java.util map
 *    (test/conformance/nextgen/NextGenProbe.java "java" mode); clientProperties and requestProperties are read-only
 *    Java maps with Rhino's map access, the only members the docs show being get(key) and property reads;
 *    values a script stores (setField, addExtraJsonData) are converted to plain Java (String, Double, Boolean,
 *    List, Map), as the docs say next-generation methods "accept an Object that is converted to the relevant type".
 * Every recording also runs the published next-generation scripts a live AIC tenant answered (record.mjs prints
 * "… against live next-gen cases: N/M alike"); on 2026-12-02 it gave the tenant's output for all 10 (dialect errors,
 * missing ES2015 globals, loop-body const, SLF4J placeholders, the allow-list refusing java.util.HashMap).
 */
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mozilla.javascript.ClassShutter;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

public class Recorder {
  static final List<String> out = new ArrayList<>();
  /** The case's scope: stand-ins build the JS arrays and objects they return in it. */
  static Scriptable scope;
  static Context cx;

  /** AM's shutter form: a class must match an allow-list pattern; `*` is non-greedy (as the legacy recorder's). */
  static final class AllowListShutter implements ClassShutter {
    final List<Pattern> allow = new ArrayList<>();

    AllowListShutter(List<String> allowed) {
      for (String a : allowed) allow.add(compile(a));
    }

    static Pattern compile(String glob) {
      StringBuilder re = new StringBuilder();
      String[] parts = glob.split("\\*", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) re.append(".*?");
        if (!parts[i].isEmpty()) re.append(Pattern.quote(parts[i]));
      }
      return Pattern.compile(re.toString());
    }

    public boolean visibleToScripts(String name) {
      for (Pattern p : allow) if (p.matcher(name).matches()) return true;
      return false;
    }
  }

  // ---- values between the script and the stand-ins ----

  /** A script value as a next-generation method stores it: plain Java (inference, see the header). */
  static Object toJava(Object v) {
    if (v == null || v instanceof Undefined) return null;
    if (v instanceof CharSequence) return v.toString();
    if (v instanceof Number || v instanceof Boolean) return v;
    if (v instanceof NgMap) return toJava(((NgMap) v).asMap());
    if (v instanceof NgList) return toJava(new ArrayList<>((NgList) v));
    if (v instanceof NativeArray) {
      List<Object> l = new ArrayList<>();
      for (Object o : (NativeArray) v) l.add(toJava(o));
      return l;
    }
    if (v instanceof List) {
      List<Object> l = new ArrayList<>();
      for (Object o : (List<?>) v) l.add(toJava(o));
      return l;
    }
    if (v instanceof Map) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) m.put(String.valueOf(e.getKey()), toJava(e.getValue()));
      return m;
    }
    if (v instanceof Scriptable) {
      Scriptable s = (Scriptable) v;
      Map<String, Object> m = new LinkedHashMap<>();
      for (Object id : s.getIds()) {
        String k = String.valueOf(id);
        m.put(k, toJava(ScriptableObject.getProperty(s, k)));
      }
      return m;
    }
    return v.toString();
  }

  /** A stored value as a `-> object` / `-> array` getter hands it back: JS arrays and objects (inference). */
  static Object toJs(Object v) {
    if (v instanceof List) {
      List<?> l = (List<?>) v;
      Object[] items = new Object[l.size()];
      for (int i = 0; i < items.length; i++) items[i] = toJs(l.get(i));
      return cx.newArray(scope, items);
    }
    if (v instanceof Map) {
      Scriptable o = cx.newObject(scope);
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) ScriptableObject.putProperty(o, String.valueOf(e.getKey()), toJs(e.getValue()));
      return o;
    }
    return v;
  }

  static Scriptable jsArray(List<String> values) {
    return cx.newArray(scope, values.toArray(new Object[0]));
  }

  static String json(Object v) {
    if (v == null) return "null";
    if (v instanceof String) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : ((String) v).toCharArray()) {
        if (c == '"' || c == '\\') b.append('\\').append(c);
        else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
        else b.append(c);
      }
      return b.append('"').toString();
    }
    if (v instanceof Number || v instanceof Boolean) return v.toString();
    if (v instanceof List) {
      List<String> parts = new ArrayList<>();
      for (Object o : (List<?>) v) parts.add(json(o));
      return "[" + String.join(",", parts) + "]";
    }
    if (v instanceof Map) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) parts.add(json(String.valueOf(e.getKey())) + ":" + json(e.getValue()));
      return "{" + String.join(",", parts) + "}";
    }
    return json(v.toString());
  }

  // ---- the maps ----

  /**
   * clientProperties / requestProperties and the maps inside them: a read-only java.util.Map (Rhino's map access
   * gives `.get(k)` and `map.k`, as the docs show). Lists inside are JS arrays (docs: "each value is an array"),
   * or NgLists where the case says AM hands over Java lists (scenario request.valuesType "java.util.List").
   */
  public static final class NgMap extends AbstractMap<String, Object> {
    final Map<String, Object> entries = new LinkedHashMap<>();

    Map<String, Object> asMap() { return entries; }
    @Override public Set<Map.Entry<String, Object>> entrySet() {
      Set<Map.Entry<String, Object>> view = entries.entrySet();
      return new AbstractSet<Map.Entry<String, Object>>() {
        @Override public Iterator<Map.Entry<String, Object>> iterator() {
          Iterator<Map.Entry<String, Object>> it = view.iterator();
          return new Iterator<Map.Entry<String, Object>>() {
            public boolean hasNext() { return it.hasNext(); }
            public Map.Entry<String, Object> next() { return new SimpleImmutableEntry<>(it.next()); }
          };
        }
        @Override public int size() { return view.size(); }
      };
    }
    @Override public Object get(Object key) { return entries.get(key); }
    @Override public boolean containsKey(Object key) { return entries.containsKey(key); }
  }

  /** A read-only java.util.List of request values (only under request.valuesType "java.util.List"). */
  public static final class NgList extends AbstractList<Object> {
    final List<Object> items;
    NgList(List<Object> items) { this.items = items; }
    @Override public Object get(int i) { return items.get(i); }
    @Override public int size() { return items.size(); }
  }

  /** The case's JSON data (parsed by Rhino into NativeObject / NativeArray) as binding values. */
  static Object bindingValue(Object v, boolean lists) {
    if (v instanceof NativeArray) {
      List<Object> items = new ArrayList<>();
      for (Object o : (NativeArray) v) items.add(bindingValue(o, lists));
      return lists ? new NgList(items) : cx.newArray(scope, items.toArray());
    }
    if (v instanceof Scriptable) {
      NgMap m = new NgMap();
      Scriptable s = (Scriptable) v;
      for (Object id : s.getIds()) m.entries.put(String.valueOf(id), bindingValue(ScriptableObject.getProperty(s, String.valueOf(id)), lists));
      return m;
    }
    return v;
  }

  // ---- the bindings ----

  /**
   * ScriptedLoggerWrapper: the metadata's overloads; SLF4J's `{}` formatting; trace filtered (as AIC's). The
   * metadata's `(msg, t: object)` overloads take a Throwable, which no script value converts to behind this
   * allow-list, so Rhino would never choose them: they are left out.
   */
  public static final class NgLogger {
    final String name;
    NgLogger(String name) { this.name = name; }
    public String getName() { return name; }
    public boolean isTraceEnabled() { return false; }
    public boolean isDebugEnabled() { return true; }
    public boolean isInfoEnabled() { return true; }
    public boolean isWarnEnabled() { return true; }
    public boolean isErrorEnabled() { return true; }
    void write(String level, String format, Object... args) {
      if (level == null) return;
      StringBuilder b = new StringBuilder();
      int next = 0;
      for (int i = 0; i < format.length(); i++) {
        if (format.startsWith("{}", i) && next < args.length) { b.append(String.valueOf(args[next++])); i++; }
        else b.append(format.charAt(i));
      }
      out.add(level + " " + b);
    }
    public void trace(String msg) {}
    public void trace(String format, Object arg) {}
    public void trace(String format, Object arg1, Object arg2) {}
    public void trace(String format, Object[] arguments) {}
    public void debug(String msg) { write("DEBUG", msg); }
    public void debug(String format, Object arg) { write("DEBUG", format, arg); }
    public void debug(String format, Object arg1, Object arg2) { write("DEBUG", format, arg1, arg2); }
    public void debug(String format, Object[] arguments) { write("DEBUG", format, arguments); }
    public void info(String msg) { write("INFO", msg); }
    public void info(String format, Object arg) { write("INFO", format, arg); }
    public void info(String format, Object arg1, Object arg2) { write("INFO", format, arg1, arg2); }
    public void info(String format, Object[] arguments) { write("INFO", format, arguments); }
    public void warn(String msg) { write("WARN", msg); }
    public void warn(String format, Object arg) { write("WARN", format, arg); }
    public void warn(String format, Object arg1, Object arg2) { write("WARN", format, arg1, arg2); }
    public void warn(String format, Object[] arguments) { write("WARN", format, arguments); }
    public void error(String msg) { write("ERROR", msg); }
    public void error(String format, Object arg) { write("ERROR", format, arg); }
    public void error(String format, Object arg1, Object arg2) { write("ERROR", format, arg1, arg2); }
    public void error(String format, Object[] arguments) { write("ERROR", format, arguments); }
  }

  /** What getResourceOwner() returns: a class the next-generation allow-list does not name, so Rhino refuses it. */
  public static final class HiddenResourceOwner {
    public String getId() { return "hidden"; }
  }

  /**
   * AccessTokenScriptWrapper: every member the AIC metadata lists (reference Appendix C; the published test checks
   * the names against the playground's table), over plain Java state. Values the playground draws from its seed
   * (the token's id, audit tracking id, auth grant id) are placeholders here: cases must not print them.
   */
  public static final class NgAccessToken {
    final Map<String, Object> fields = new LinkedHashMap<>();
    final Map<String, Object> extra = new LinkedHashMap<>();
    final Map<String, Object> n = new LinkedHashMap<>();
    final boolean clientSide;
    List<String> scope;
    List<String> audience;
    long expiryTime;
    final long issuedAt;

    static final String[] STRINGS = {"clientId", "realm", "grantType", "tokenName", "tokenType", "resourceOwnerId", "authGrantId", "auditTrackingId", "nonce", "claims", "tokenId"};

    NgAccessToken(Scriptable data) {
      for (String k : STRINGS) {
        Object v = ScriptableObject.getProperty(data, k);
        n.put(k, v instanceof CharSequence ? v.toString() : null);
      }
      scope = strings(ScriptableObject.getProperty(data, "scope"));
      audience = strings(ScriptableObject.getProperty(data, "audience"));
      expiryTime = (long) Context.toNumber(ScriptableObject.getProperty(data, "expiryTime"));
      issuedAt = (long) Context.toNumber(ScriptableObject.getProperty(data, "issuedAt"));
      clientSide = Context.toBoolean(ScriptableObject.getProperty(data, "clientSide"));
      Object time = ScriptableObject.getProperty(data, "authTimeSeconds");
      n.put("authTime", time instanceof Number ? (long) Context.toNumber(time) : null);
      Object level = ScriptableObject.getProperty(data, "authLevel");
      n.put("authLevel", level instanceof Number ? (int) Context.toNumber(level) : null);
      for (String k : new String[] {"permissions", "act", "mayAct", "confirmationKey"}) n.put(k, null);
    }

    static List<String> strings(Object array) {
      List<String> out = new ArrayList<>();
      for (Object o : (NativeArray) array) out.add(String.valueOf(o));
      return out;
    }
    String str(String k) { return (String) n.get(k); }

    public Object getField(String key) { return toJs(fields.get(key)); }
    public void setField(String field, Object value) { fields.put(field, toJava(value)); }
    public void setFields(Map<?, ?> values) { for (Map.Entry<?, ?> e : values.entrySet()) fields.put(String.valueOf(e.getKey()), toJava(e.getValue())); }
    public Object getCustomFields() { return toJs(fields); }
    public Object toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("access_token", str("tokenId"));
      if (scope != null) m.put("scope", String.join(" ", scope));
      m.put("token_type", str("tokenType") == null ? "Bearer" : str("tokenType"));
      m.put("expires_in", (expiryTime - issuedAt) / 1000);
      return toJs(m);
    }
    public Object getTokenInfo() {
      Map<String, Object> m = new LinkedHashMap<>(fields);
      if (scope != null) m.put("scope", String.join(" ", scope));
      m.put("grant_type", str("grantType"));
      m.put("realm", str("realm"));
      m.put("token_type", str("tokenType"));
      m.put("expires_in", (expiryTime - issuedAt) / 1000);
      m.put("access_token", str("tokenId"));
      return toJs(m);
    }
    public Object getPermissions() { return toJs(n.get("permissions")); }
    public void setPermissions(Object permissions) { n.put("permissions", toJava(permissions)); }
    public void removePermissions() { n.put("permissions", null); }
    public Object getScope() { return jsArray(scope == null ? new ArrayList<>() : scope); }
    public void setScope(List<?> scopes) { scope = new ArrayList<>(); for (Object o : scopes) scope.add(String.valueOf(o)); }
    public void removeScopes() { scope = null; }
    public String getNonce() { return str("nonce"); }
    public void setNonce(String nonce) { n.put("nonce", nonce); }
    public void removeNonce() { n.put("nonce", null); }
    public String getRealm() { return str("realm"); }
    public void setRealm(String realm) { n.put("realm", realm); }
    public void removeRealm() { n.put("realm", null); }
    public Object getAudience() { return jsArray(audience); }
    public void setId(String tokenId) {
      // As the legacy token on a live AIC tenant (reference §1.3); next-gen's answer is not documented.
      if (clientSide) throw new UnsupportedOperationException("Client-side token's ID cannot be changed");
      n.put("tokenId", tokenId);
    }
    public String getTokenId() { return str("tokenId"); }
    public String getAuditTrackingId() { return str("auditTrackingId"); }
    public void setAuditTrackingId(String auditTrackingId) { n.put("auditTrackingId", auditTrackingId); }
    public void removeAuditTrackingId() { n.put("auditTrackingId", null); }
    public boolean isExpired() { return expiryTime <= issuedAt; }
    public String getResourceOwnerId() { return str("resourceOwnerId"); }
    public void setResourceOwnerId(String resourceOwnerId) { n.put("resourceOwnerId", resourceOwnerId); }
    public void removeResourceOwnerId() { n.put("resourceOwnerId", null); }
    public HiddenResourceOwner getResourceOwner() { return new HiddenResourceOwner(); }
    public long getAuthTimeSeconds() { Object t = n.get("authTime"); return t == null ? 0 : (Long) t; }
    public void setAuthTime(long authTime) { n.put("authTime", authTime); }
    public void removeAuthTime() { n.put("authTime", null); }
    public Object getAct() { return toJs(n.get("act")); }
    public void setAct(Object value) { n.put("act", toJava(value)); }
    public Object getMayAct() { return toJs(n.get("mayAct")); }
    public void setMayAct(Object value) { n.put("mayAct", toJava(value)); }
    public String getAuthGrantId() { return str("authGrantId"); }
    public void setAuthGrantId(String authGrantId) { n.put("authGrantId", authGrantId); }
    public void removeAuthGrantId() { n.put("authGrantId", null); }
    public Object getAuthLevel() { return n.get("authLevel"); }
    public void setAuthLevel(int authLevel) { n.put("authLevel", authLevel); }
    public void removeAuthLevel() { n.put("authLevel", null); }
    public long getExpiryTime() { return expiryTime; }
    public void setExpiryTime(long expiryTime) { this.expiryTime = expiryTime; }
    public String getClaims() { return str("claims"); }
    public void setClaims(String claims) { n.put("claims", claims); }
    public void removeClaims() { n.put("claims", null); }
    public String getClientId() { return str("clientId"); }
    public void setClientId(String clientId) { n.put("clientId", clientId); }
    public void removeClientId() { n.put("clientId", null); }
    public String getGrantType() { return str("grantType"); }
    public void setGrantType(String grantType) { n.put("grantType", grantType); }
    public void removeGrantType() { n.put("grantType", null); }
    public String getTokenType() { return str("tokenType"); }
    public void setTokenType(String tokenType) { n.put("tokenType", tokenType); }
    public void removeTokenType() { n.put("tokenType", null); }
    public String getTokenName() { return str("tokenName"); }
    public void setTokenName(String tokenName) { n.put("tokenName", tokenName); }
    public void removeTokenName() { n.put("tokenName", null); }
    public Object getConfirmationKey() { return toJs(n.get("confirmationKey")); }
    public void setConfirmationKey(Object confirmationKey) { n.put("confirmationKey", toJava(confirmationKey)); }
    public void removeConfirmationKey() { n.put("confirmationKey", null); }
    public void addExtraData(String key, String value) { extra.put(key, value); }
    public void addExtraJsonData(String key, Object value) { extra.put(key, toJava(value)); }
  }

  /** ScriptedIdentityScriptWrapper (docs' next-generation method list; store() persists nothing here). */
  public static final class NgIdentity {
    final Map<String, List<String>> attributes = new LinkedHashMap<>();
    final String name;
    final String universalId;
    final boolean exists;

    NgIdentity(Scriptable data) {
      name = String.valueOf(ScriptableObject.getProperty(data, "name"));
      universalId = String.valueOf(ScriptableObject.getProperty(data, "universalId"));
      exists = Context.toBoolean(ScriptableObject.getProperty(data, "exists"));
      Scriptable attrs = (Scriptable) ScriptableObject.getProperty(data, "attributes");
      for (Object id : attrs.getIds()) {
        List<String> values = new ArrayList<>();
        for (Object o : (NativeArray) ScriptableObject.getProperty(attrs, String.valueOf(id))) values.add(String.valueOf(o));
        attributes.put(String.valueOf(id), values);
      }
    }
    public String getName() { return name; }
    public String getUniversalId() { return universalId; }
    public boolean exists() { return exists; }
    public Object getAttributeValues(String attributeName) {
      List<String> v = attributes.get(attributeName);
      return jsArray(v == null ? new ArrayList<>() : v);
    }
    public void setAttribute(String attributeName, List<?> attributeValues) {
      List<String> values = new ArrayList<>();
      for (Object o : attributeValues) values.add(String.valueOf(o));
      attributes.put(attributeName, values);
    }
    public void addAttribute(String attributeName, String attributeValue) {
      attributes.computeIfAbsent(attributeName, k -> new ArrayList<>()).add(attributeValue);
    }
    public void store() {}
  }

  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    List<String> allowed = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) if (!line.isBlank()) allowed.add(line.trim());
    ContextFactory.initGlobal(new ContextFactory() {
      @Override
      protected boolean hasFeature(Context c, int feature) {
        if (feature == Context.FEATURE_ENABLE_JAVA_MAP_ACCESS) return true;
        return super.hasFeature(c, feature);
      }
    });
    cx = ContextFactory.getGlobal().enterContext();
    try {
      // AM's next-generation engine rejects `let`, for…of and shorthand properties as legacy does (reference §3):
      // Rhino's default language version, interpreted, as the legacy recorder runs.
      cx.setLanguageVersion(Context.VERSION_DEFAULT);
      cx.setOptimizationLevel(-1);
      cx.setClassShutter(new AllowListShutter(allowed));
      cx.getWrapFactory().setJavaPrimitiveWrap(false);
      System.out.println("Rhino " + cx.getImplementationVersion() + " (next-generation bindings)");
      for (String id : Files.readAllLines(dir.resolve("list.txt"))) {
        if (id.isBlank()) continue;
        String source = Files.readString(dir.resolve(id + ".js"), StandardCharsets.UTF_8);
        String data = Files.readString(dir.resolve(id + ".json"), StandardCharsets.UTF_8);
        out.clear();
        scope = cx.initStandardObjects();
        Scriptable d = (Scriptable) cx.evaluateString(scope, "(" + data + ")", id + ".json", 1, null);
        boolean lists = "java.util.List".equals(ScriptableObject.getProperty(d, "valuesType"));
        NgAccessToken token = new NgAccessToken((Scriptable) ScriptableObject.getProperty(d, "token"));
        put("accessToken", token);
        put("identity", new NgIdentity((Scriptable) ScriptableObject.getProperty(d, "identity")));
        put("scopes", bindingValue(ScriptableObject.getProperty(d, "scopes"), false));
        Object client = ScriptableObject.getProperty(d, "clientProperties");
        put("clientProperties", client == null ? null : bindingValue(client, false));
        // Only request parameter and header values become Java lists under valuesType "java.util.List".
        Scriptable request = (Scriptable) ScriptableObject.getProperty(d, "requestProperties");
        NgMap requestMap = new NgMap();
        for (Object key : request.getIds()) {
          String k = String.valueOf(key);
          Object v = ScriptableObject.getProperty(request, k);
          requestMap.entries.put(k, bindingValue(v, lists && (k.equals("requestParams") || k.equals("requestHeaders"))));
        }
        put("requestProperties", requestMap);
        put("logger", new NgLogger(String.valueOf(ScriptableObject.getProperty(d, "loggerName"))));
        for (String k : new String[] {"realm", "scriptName", "cookieName"}) put(k, ScriptableObject.getProperty(d, k));
        try {
          cx.evaluateString(scope, source, id + ".js", 1, null);
        } catch (RhinoException e) {
          out.add("ERR " + e.details());
        } catch (RuntimeException e) {
          out.add("ERR " + e);
        } catch (StackOverflowError e) {
          out.add("ERR " + e);
        }
        for (Map.Entry<String, Object> e : token.extra.entrySet()) out.add("EXTRA " + e.getKey() + " " + json(e.getValue()));
        StringBuilder text = new StringBuilder();
        for (String line : out) text.append(escape(line)).append('\n');
        Files.writeString(dir.resolve(id + ".out"), text.toString(), StandardCharsets.UTF_8);
      }
    } finally {
      Context.exit();
    }
  }

  static void put(String name, Object value) {
    ScriptableObject.putProperty(scope, name, Context.javaToJS(value, scope));
  }
}
