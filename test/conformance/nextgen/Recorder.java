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
 *  - httpClient, openidm, utils, require (each stand-in's comment says what is INFERENCE): httpClient answers from
 *    the case's http mocks and writes an object body as Java writes the converted value; openidm reads, queries,
 *    creates and patches the case's IDM objects with IDM's documented relationship fields; utils takes and gives
 *    byte[] as AIC's does; require evaluates the case's libraries in a scope with the common bindings only.
 * Every recording also runs the published next-generation scripts a live AIC tenant answered (record.mjs prints
 * "… against live next-gen cases: N/M alike"); on 2026-12-02 it gave the tenant's output for 22 of 23 (dialect
 * errors, missing ES2015 globals, loop-body const, SLF4J placeholders, the allow-list refusing java.util.HashMap,
 * utils' byte[] conversions, refusals and ECDSA interop, httpClient's body, a library's openidm misses); the one left is
 * utils.crypto.checkBcrypt, which needs a bcrypt the JDK does not have.
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
import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.ClassShutter;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.JavaScriptException;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.NativeJSON;
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

  // ---- httpClient, openidm, utils, require (inference from the docs and AIC's metadata; see NgHttpClient etc.) ----

  /** A JS function's result, or the JS error it threw as a rejection (what a promise callback hands on). */
  static Object[] settle(Function fn, Object arg) {
    try {
      return new Object[] {true, fn.call(cx, scope, scope, new Object[] {arg})};
    } catch (JavaScriptException e) {
      return new Object[] {false, e.getValue()};
    }
  }

  /** A JS Error with this name and message: how a binding's failure reaches a script (docs: "e.message"). */
  static Scriptable jsError(String name, String message) {
    Scriptable error = cx.newObject(scope, "Error", new Object[] {message});
    ScriptableObject.putProperty(error, "name", name);
    return error;
  }

  /**
   * ForgeRock's PromiseImpl as next-gen scripts use it (docs: get(), then(fn), thenCatch(fn)): already settled, as
   * the case's mocks answer at once. A rejected get() throws the error as a JS exception (inference: the docs only
   * say a binding error reaches the script as an error with a message).
   */
  public static final class NgPromise {
    final boolean ok;
    final Object value;
    NgPromise(boolean ok, Object value) { this.ok = ok; this.value = value; }
    public Object get() { if (ok) return value; throw new JavaScriptException(value, "", 0); }
    public Object getOrThrow() { return get(); }
    public boolean isDone() { return true; }
    public NgPromise then(Function onResult) { if (!ok) return this; Object[] r = settle(onResult, value); return new NgPromise((Boolean) r[0], r[1]); }
    public NgPromise then(Function onResult, Function onError) {
      Object[] r = settle(ok ? onResult : onError, value);
      return new NgPromise((Boolean) r[0], r[1]);
    }
    public NgPromise thenCatch(Function onError) { if (ok) return this; Object[] r = settle(onError, value); return new NgPromise((Boolean) r[0], r[1]); }
    public NgPromise thenOnResult(Function fn) { if (ok) settle(fn, value); return this; }
    public NgPromise thenOnException(Function fn) { if (!ok) settle(fn, value); return this; }
    public NgPromise thenAlways(Function fn) { fn.call(cx, scope, scope, new Object[0]); return this; }
  }

  /** ResponseScriptWrapper: the docs' fields status, statusText, ok, headers (a Map) and methods json(), text(), formData(). */
  public static final class NgHttpResponse {
    public final int status;
    public final String statusText;
    public final boolean ok;
    public final NgMap headers;
    final String body;
    NgHttpResponse(Scriptable answer) {
      status = (int) Context.toNumber(ScriptableObject.getProperty(answer, "status"));
      statusText = String.valueOf(ScriptableObject.getProperty(answer, "statusText"));
      ok = status >= 200 && status < 300;
      headers = (NgMap) bindingValue(ScriptableObject.getProperty(answer, "headers"), false);
      body = String.valueOf(ScriptableObject.getProperty(answer, "body"));
    }
    /** docs: "json() -> Map"; here the JS object JSON.parse gives (inference: -> object values cross as JS values). */
    public Object json() { return NativeJSON.parse(cx, scope, body, new Callable() {
      public Object call(Context c, Scriptable s, Scriptable t, Object[] args) { return args[1]; }
    }); }
    public String text() { return body; }
    public Object formData() {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked") List<Object> values = (List<Object>) out.computeIfAbsent(k, x -> new ArrayList<>());
        values.add(v);
      }
      return toJs(out);
    }
  }

  /**
   * HttpClientScriptWrapper: send(uri) and send(uri, requestOptions) (AIC metadata), the docs' options method,
   * headers, body, form, token. Answered from the case's mocks (binding-data.mjs), first match on method, URL or
   * URL pattern, query and headers. INFERENCE: a directly-set Authorization header is dropped and `token` sent as
   * "Bearer <token>" (a tenant probe, reference §1.8); a body on GET/HEAD/TRACE is refused when sent.
   */
  public static final class NgHttpClient {
    final List<Scriptable> mocks = new ArrayList<>();
    NgHttpClient(Object list) { for (Object m : (NativeArray) list) mocks.add((Scriptable) m); }
    public NgPromise send(String uri) { return send(uri, null); }
    public NgPromise send(String uri, Object options) {
      @SuppressWarnings("unchecked") Map<String, Object> o = options == null ? new LinkedHashMap<>() : (Map<String, Object>) toJava(options);
      String method = o.get("method") == null ? "GET" : String.valueOf(o.get("method")).toUpperCase();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      if (o.get("headers") instanceof Map) {
        for (Map.Entry<?, ?> e : ((Map<?, ?>) o.get("headers")).entrySet()) {
          String k = String.valueOf(e.getKey());
          if (k.equalsIgnoreCase("authorization")) continue;
          List<String> values = new ArrayList<>();
          if (e.getValue() instanceof List) for (Object v : (List<?>) e.getValue()) values.add(String.valueOf(v));
          else values.add(String.valueOf(e.getValue()));
          headers.put(k, values);
        }
      }
      if (o.get("token") != null) headers.put("Authorization", new ArrayList<>(List.of("Bearer " + o.get("token"))));
      boolean hasBody = o.get("form") != null || o.get("body") != null;
      if (hasBody && (method.equals("GET") || method.equals("HEAD") || method.equals("TRACE"))) {
        throw new JavaScriptException(jsError("HttpClientScriptException", "A " + method + " request cannot have a body"), "", 0);
      }
      // INFERENCE, matching a live tenant's echo (published/aic-manager-http-live.json): an object body is written as
      // Java writes the converted value, numbers as doubles (1.0) and undefined as null; a form as URL encoding.
      String body = null;
      if (o.get("form") instanceof Map) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) o.get("form")).entrySet()) {
          pairs.add(java.net.URLEncoder.encode(String.valueOf(e.getKey()), StandardCharsets.UTF_8) + "=" + java.net.URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8));
        }
        body = String.join("&", pairs);
      } else if (o.get("body") != null) {
        body = o.get("body") instanceof String ? (String) o.get("body") : json(o.get("body"));
      }
      for (Scriptable mock : mocks) {
        Scriptable want = (Scriptable) ScriptableObject.getProperty(mock, "request");
        String wantBody = str(want, "body");
        if (wantBody != null && !wantBody.equals(body == null ? "" : body)) continue;
        if (matches(want, method, uri, headers)) {
          return new NgPromise(true, new NgHttpResponse((Scriptable) ScriptableObject.getProperty(mock, "response")));
        }
      }
      return new NgPromise(false, jsError("HttpClientScriptException", "No mock answers " + method + " " + uri));
    }

    static String str(Scriptable s, String k) {
      Object v = ScriptableObject.getProperty(s, k);
      return v instanceof CharSequence ? v.toString() : null;
    }

    static boolean matches(Scriptable want, String method, String uri, Map<String, List<String>> headers) {
      String m = str(want, "method");
      if (m != null && !m.equalsIgnoreCase(method)) return false;
      int q = uri.indexOf('?');
      String base = q < 0 ? uri : uri.substring(0, q);
      List<String> query = q < 0 ? new ArrayList<>() : Arrays.asList(uri.substring(q + 1).split("&"));
      String url = str(want, "url");
      if (url != null) {
        int wq = url.indexOf('?');
        if (!(wq < 0 ? url : url.substring(0, wq)).equals(base)) return false;
        if (wq >= 0) for (String pair : url.substring(wq + 1).split("&")) if (!query.contains(pair)) return false;
      }
      String pattern = str(want, "urlPattern");
      if (pattern != null && !Pattern.compile(pattern).matcher(uri).matches()) return false;
      Object wantQuery = ScriptableObject.getProperty(want, "query");
      if (wantQuery instanceof Scriptable) {
        for (Object k : ((Scriptable) wantQuery).getIds()) {
          String pair = java.net.URLEncoder.encode(String.valueOf(k), StandardCharsets.UTF_8) + "=" + java.net.URLEncoder.encode(str((Scriptable) wantQuery, String.valueOf(k)), StandardCharsets.UTF_8);
          if (!query.contains(pair)) return false;
        }
      }
      Object wantHeaders = ScriptableObject.getProperty(want, "headers");
      if (wantHeaders instanceof Scriptable) {
        for (Object k : ((Scriptable) wantHeaders).getIds()) {
          String value = str((Scriptable) wantHeaders, String.valueOf(k));
          boolean found = false;
          for (Map.Entry<String, List<String>> e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(String.valueOf(k)) && e.getValue().contains(value)) found = true;
          if (!found) return false;
        }
      }
      return true;
    }
  }

  /**
   * IdmIntegrationServiceScriptWrapper over the case's IDM objects (scenario `openidm`): read, query, create, patch
   * with the metadata's optional params and fields. INFERENCE, from IDM's documented REST behaviour: no fields gives
   * the ordinary properties (relationships left out); "x" on a relationship gives its references, "x/*" each
   * referenced object's properties beside the reference fields, "x/p" its _id, _rev and p; _id and _rev always
   * come back when fields are named; a missing object reads null. Reference ids IDM generates are placeholders.
   * Query filters: only `true` and `<field> eq "<value>"`; anything else fails here, so a case cannot rely on it.
   */
  public static final class NgOpenIdm {
    final Map<String, Map<String, Object>> objects = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    NgOpenIdm(Object data) {
      Map<String, Object> seed = (Map<String, Object>) toJava(data);
      for (Map.Entry<String, Object> e : seed.entrySet()) {
        Map<String, Object> obj = (Map<String, Object>) e.getValue();
        String id = key(e.getKey());
        obj.putIfAbsent("_id", id.substring(id.lastIndexOf('/') + 1));
        obj.putIfAbsent("_rev", "1");
        objects.put(id, withReferences(obj));
      }
    }

    static String key(String id) { return id.replaceAll("^/+", "").replaceAll("/+$", ""); }

    static boolean isRef(Object v) { return v instanceof Map && ((Map<?, ?>) v).get("_ref") instanceof String; }
    static boolean isRelationship(Object v) {
      if (isRef(v)) return true;
      if (!(v instanceof List) || ((List<?>) v).isEmpty()) return false;
      for (Object o : (List<?>) v) if (!isRef(o)) return false;
      return true;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> complete(Map<String, Object> ref) {
      Map<String, Object> out = new LinkedHashMap<>(ref);
      String path = key(String.valueOf(ref.get("_ref")));
      out.put("_ref", path);
      out.putIfAbsent("_refResourceCollection", path.substring(0, Math.max(0, path.lastIndexOf('/'))));
      out.putIfAbsent("_refResourceId", path.substring(path.lastIndexOf('/') + 1));
      Map<String, Object> props = new LinkedHashMap<>(ref.get("_refProperties") instanceof Map ? (Map<String, Object>) ref.get("_refProperties") : Map.of());
      props.putIfAbsent("_id", "recorder-ref-properties-id");
      props.putIfAbsent("_rev", "1");
      out.put("_refProperties", props);
      return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withReferences(Map<String, Object> obj) {
      for (Map.Entry<String, Object> e : obj.entrySet()) {
        if (isRef(e.getValue())) e.setValue(complete((Map<String, Object>) e.getValue()));
        else if (isRelationship(e.getValue())) {
          List<Object> refs = new ArrayList<>();
          for (Object r : (List<?>) e.getValue()) refs.add(complete((Map<String, Object>) r));
          e.setValue(refs);
        }
      }
      return obj;
    }

    static Map<String, Object> ordinary(Map<String, Object> obj) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : obj.entrySet()) if (!isRelationship(e.getValue())) out.put(e.getKey(), e.getValue());
      return out;
    }

    static Map<String, Object> referenceOf(Map<?, ?> ref) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String k : new String[] {"_ref", "_refResourceCollection", "_refResourceId", "_refProperties"}) out.put(k, ref.get(k));
      return out;
    }

    @SuppressWarnings("unchecked")
    Object pick(Object value, String part) {
      return value instanceof Map ? ((Map<String, Object>) value).get(part) : null;
    }

    /** A relationship's references rendered for one field request ("x", "x/*" or "x/p"). */
    @SuppressWarnings("unchecked")
    Object render(Object value, String rest) {
      if (value instanceof List) {
        List<Object> out = new ArrayList<>();
        for (Object r : (List<?>) value) out.add(render(r, rest));
        return out;
      }
      Map<String, Object> ref = (Map<String, Object>) value;
      Map<String, Object> base = referenceOf(ref);
      if (rest == null) return base;
      Map<String, Object> target = objects.get(key(String.valueOf(ref.get("_ref"))));
      if (target == null) return base;
      Map<String, Object> out = new LinkedHashMap<>();
      if (rest.equals("*")) out.putAll(ordinary(target));
      else {
        out.put("_id", target.get("_id"));
        out.put("_rev", target.get("_rev"));
        out.put(rest, target.get(rest));
      }
      out.putAll(base);
      return out;
    }

    Map<String, Object> select(Map<String, Object> obj, Object fieldsArg) {
      List<String> fields = new ArrayList<>();
      if (fieldsArg instanceof List) for (Object f : (List<?>) fieldsArg) if (!String.valueOf(f).isEmpty()) fields.add(String.valueOf(f));
      if (fields.isEmpty()) return ordinary(obj);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("_id", obj.get("_id"));
      out.put("_rev", obj.get("_rev"));
      for (String field : fields) {
        if (field.equals("*")) { out.putAll(ordinary(obj)); continue; }
        String[] path = field.split("/");
        Object value = obj.get(path[0]);
        String rest = path.length == 1 ? null : String.join("/", Arrays.copyOfRange(path, path[1].equals("*") && path.length > 2 ? 2 : 1, path.length));
        if (isRelationship(value)) out.put(path[0], render(value, rest));
        else if (value != null && rest == null) out.put(path[0], value);
        else if (value != null) {
          if (path.length > 2) throw new IllegalStateException("the next-generation recorder models fields one level into an ordinary property only");
          Object part = pick(value, path[1]);
          if (part != null) {
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put(path[1], part);
            out.put(path[0], nested);
          }
        }
      }
      return out;
    }

    static RuntimeException failure(int code, String reason, String message) {
      return new JavaScriptException(jsError("WrappedException", "org.forgerock.json.resource.ResourceException: " + message), "", 0);
    }

    Map<String, Object> existing(String id) {
      Map<String, Object> obj = objects.get(key(id));
      if (obj == null) throw failure(404, "Not Found", "Object " + id + " not found in " + id.substring(0, Math.max(0, id.lastIndexOf('/'))));
      return obj;
    }

    static Map<String, Object> copy(Map<String, Object> obj) {
      @SuppressWarnings("unchecked") Map<String, Object> c = (Map<String, Object>) toJava(obj);
      return c;
    }

    public Object read(String id) { return read(id, null, null); }
    public Object read(String id, Object params) { return read(id, params, null); }
    public Object read(String id, Object params, Object fields) {
      Map<String, Object> obj = objects.get(key(id));
      return obj == null ? null : toJs(select(copy(obj), toJava(fields)));
    }

    public Object query(String resource, Object params) { return query(resource, params, null); }
    @SuppressWarnings("unchecked")
    public Object query(String resource, Object params, Object fields) {
      Map<String, Object> p = params == null ? new LinkedHashMap<>() : (Map<String, Object>) toJava(params);
      Object filter = p.get("_queryFilter");
      if (filter == null) throw failure(400, "Bad Request", "query needs a _queryFilter");
      java.util.regex.Matcher eq = Pattern.compile("^\\s*/?([\\w/]+)\\s+eq\\s+\"([^\"]*)\"\\s*$").matcher(String.valueOf(filter));
      boolean all = String.valueOf(filter).trim().equals("true");
      if (!all && !eq.matches()) throw new IllegalStateException("the next-generation recorder models only _queryFilter true and <field> eq \"<value>\"");
      List<Object> result = new ArrayList<>();
      String prefix = key(resource) + "/";
      for (Map.Entry<String, Map<String, Object>> e : objects.entrySet()) {
        if (!e.getKey().startsWith(prefix) || e.getKey().substring(prefix.length()).contains("/")) continue;
        if (!all && !eq.group(2).equals(String.valueOf(e.getValue().get(eq.group(1))))) continue;
        result.add(select(copy(e.getValue()), toJava(fields)));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("result", result);
      out.put("resultCount", result.size());
      return toJs(out);
    }

    public Object create(String resource, Object newId, Object content) { return create(resource, newId, content, null, null); }
    public Object create(String resource, Object newId, Object content, Object params) { return create(resource, newId, content, params, null); }
    @SuppressWarnings("unchecked")
    public Object create(String resource, Object newId, Object content, Object params, Object fields) {
      String id = newId == null || newId instanceof Undefined ? "recorder-created-id" : String.valueOf(newId);
      String k = key(resource) + "/" + id;
      if (objects.containsKey(k)) throw failure(412, "Precondition Failed", "Object " + k + " already exists");
      Map<String, Object> obj = content == null ? new LinkedHashMap<>() : (Map<String, Object>) toJava(content);
      obj.put("_id", id);
      obj.put("_rev", "1");
      objects.put(k, withReferences(obj));
      return toJs(select(copy(obj), toJava(fields)));
    }

    public Object patch(String id, Object rev, Object operations) { return patch(id, rev, operations, null, null); }
    public Object patch(String id, Object rev, Object operations, Object params) { return patch(id, rev, operations, params, null); }
    @SuppressWarnings("unchecked")
    public Object patch(String id, Object rev, Object operations, Object params, Object fields) {
      Map<String, Object> obj = existing(id);
      if (rev != null && !(rev instanceof Undefined) && !"*".equals(String.valueOf(rev)) && !String.valueOf(rev).equals(String.valueOf(obj.get("_rev")))) {
        throw failure(412, "Precondition Failed", "Revision " + rev + " does not match " + obj.get("_rev") + " for " + id);
      }
      for (Object op : (List<Object>) toJava(operations)) {
        Map<String, Object> o = (Map<String, Object>) op;
        String field = String.valueOf(o.get("field")).replaceAll("^/", "");
        if (field.contains("/")) throw new IllegalStateException("the next-generation recorder models patches of top-level fields only");
        String operation = String.valueOf(o.get("operation"));
        if (operation.equals("remove")) obj.remove(field);
        else if (operation.equals("replace") || operation.equals("add") && !(obj.get(field) instanceof List)) obj.put(field, o.get("value"));
        else if (operation.equals("add")) ((List<Object>) obj.get(field)).add(o.get("value"));
        else throw failure(400, "Bad Request", "Unsupported patch operation \"" + operation + "\"");
      }
      obj.put("_rev", String.valueOf((int) Double.parseDouble(String.valueOf(obj.get("_rev"))) + 1));
      return toJs(select(copy(obj), toJava(fields)));
    }
  }

  /**
   * Bytes as next-gen scripts see them: a Java byte[] (Rhino's NativeJavaArray), and byte[] parameters, so Rhino
   * converts a JS array as it converts one to byte[] (a live AIC tenant showed both:
   * published/aic-manager-utils-live.json). A failure is an InternalError with the Java message alone (live).
   */
  static RuntimeException utilsError(String message) {
    return new JavaScriptException(jsError("InternalError", message), "", 0);
  }

  /** ScriptBase64Service / ScriptBase64UrlService: the docs' encode, decode, decodeToBytes, plus btoa/atob (metadata). */
  public static final class NgBase64 {
    final boolean url;
    NgBase64(boolean url) { this.url = url; }
    java.util.Base64.Encoder enc() { return url ? java.util.Base64.getUrlEncoder().withoutPadding() : java.util.Base64.getEncoder(); }
    /** base64url answers null for text it cannot decode, base64 fails (live AIC). */
    byte[] dec(String text) {
      try {
        return (url ? java.util.Base64.getUrlDecoder() : java.util.Base64.getDecoder()).decode(text);
      } catch (IllegalArgumentException e) {
        if (url) return null;
        throw utilsError(e.getMessage());
      }
    }
    public String encode(String text) { return enc().encodeToString(text.getBytes(StandardCharsets.UTF_8)); }
    public String encode(byte[] bytes) { return enc().encodeToString(bytes); }
    public String decode(String text) { byte[] b = dec(text); return b == null ? null : new String(b, StandardCharsets.UTF_8); }
    public byte[] decodeToBytes(String text) { return dec(text); }
    public String btoa(String text) { return encode(text); }
    public String atob(String text) { return decode(text); }
  }

  /** ScriptTypesService: stringToBytes, bytesToString (docs). */
  public static final class NgTypes {
    public byte[] stringToBytes(String text) { return text.getBytes(StandardCharsets.UTF_8); }
    public String bytesToString(byte[] bytes) { return new String(bytes, StandardCharsets.UTF_8); }
  }

  /** A generated key pair as AIC hands it over (live): a map of two byte[]s that prints as its MapScriptWrapper. */
  public static final class NgKeyPair extends AbstractMap<String, Object> {
    final Map<String, Object> entries = new LinkedHashMap<>();
    NgKeyPair(byte[] privateKey, byte[] publicKey) { entries.put("privateKey", privateKey); entries.put("publicKey", publicKey); }
    @Override public Set<Map.Entry<String, Object>> entrySet() { return java.util.Collections.unmodifiableMap(entries).entrySet(); }
    @Override public String toString() { return "{ \"privateKey\": " + entries.get("privateKey") + ", \"publicKey\": " + entries.get("publicKey") + " }"; }
  }

  /**
   * ScriptSubtleService with AIC's algorithm names and refusals (live: published/aic-manager-utils-live.json):
   * digest, sign/verify (HMAC, ECDSA in P1363 form, RSA), encrypt/decrypt (AES in ECB, RSA), generateKey (AES,
   * ECDSA, RSA, HMAC), deriveKey (PBKDF2 with a byte[] salt). INFERENCE where the live probe did not look: the
   * JCE names behind each algorithm and the default lengths other than AES's and HMAC's 32 bytes.
   */
  public static final class NgSubtle {
    static final java.security.SecureRandom random = new java.security.SecureRandom();
    static String hashName(Object name) {
      if (name instanceof Scriptable) throw utilsError("Unsupported hashing algorithm: " + Context.toString(name));
      String n = String.valueOf(name).toUpperCase();
      return n.matches("SHA\\d+") ? "SHA-" + n.substring(3) : n;
    }
    static Object field(Object alg, String key) {
      return alg instanceof Scriptable ? ScriptableObject.getProperty((Scriptable) alg, key) : Scriptable.NOT_FOUND;
    }
    static String name(Object alg) {
      Object n = alg instanceof Scriptable ? field(alg, "name") : alg;
      return String.valueOf(n).toUpperCase();
    }
    static String hashOf(Object alg) {
      Object h = field(alg, "hash");
      return h == Scriptable.NOT_FOUND || h == null || h instanceof Undefined ? "SHA-256" : hashName(h);
    }
    static String jce(String hash) { return hash.replace("-", ""); }
    /** Only AIC's four names (live: "MD5" and {name: "SHA-256"}, which Rhino hands over as "[object Object]"). */
    public byte[] digest(String name, byte[] data) throws Exception {
      if (!java.util.List.of("SHA-256", "SHA-384", "SHA-1", "SHA-512").contains(name.toUpperCase())) {
        throw utilsError("Algorithm must be one of [SHA-256, SHA-384, SHA-1, SHA-512]");
      }
      return java.security.MessageDigest.getInstance(name.toUpperCase()).digest(data);
    }
    public byte[] sign(Object alg, byte[] key, byte[] data) throws Exception {
      String n = name(alg);
      if (n.equals("HMAC")) {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("Hmac" + jce(hashOf(alg)));
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "Hmac"));
        return mac.doFinal(data);
      }
      java.security.Signature sig = signature(n, alg);
      sig.initSign(java.security.KeyFactory.getInstance(n.equals("ECDSA") ? "EC" : "RSA").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(key)));
      sig.update(data);
      return sig.sign();
    }
    public boolean verify(Object alg, byte[] key, byte[] data, byte[] signature) throws Exception {
      String n = name(alg);
      if (n.equals("HMAC")) return java.security.MessageDigest.isEqual(sign(alg, key, data), signature);
      java.security.Signature sig = signature(n, alg);
      sig.initVerify(java.security.KeyFactory.getInstance(n.equals("ECDSA") ? "EC" : "RSA").generatePublic(new java.security.spec.X509EncodedKeySpec(key)));
      sig.update(data);
      return sig.verify(signature);
    }
    static java.security.Signature signature(String n, Object alg) throws Exception {
      if (n.equals("ECDSA")) return java.security.Signature.getInstance(jce(hashOf(alg)) + "withECDSAinP1363Format");
      if (n.equals("RSA")) return java.security.Signature.getInstance(jce(hashOf(alg)) + "withRSA");
      throw utilsError("Algorithm must be one of [HMAC, ECDSA, RSA]");
    }
    static byte[] crypt(int mode, Object alg, byte[] key, byte[] data) throws Exception {
      String n = name(alg);
      javax.crypto.Cipher c;
      if (n.equals("AES")) {
        c = javax.crypto.Cipher.getInstance("AES/ECB/PKCS5Padding");
        try {
          c.init(mode, new javax.crypto.spec.SecretKeySpec(key, "AES"));
        } catch (java.security.InvalidKeyException e) {
          // Live AIC wraps it in its crypto binding's exception.
          throw new JavaScriptException(jsError("JavaException", "org.forgerock.openam.scripting.bindings.crypto.ScriptCryptoException: " + e), "", 0);
        }
      } else if (n.equals("RSA")) {
        c = javax.crypto.Cipher.getInstance("RSA/ECB/PKCS1Padding");
        java.security.KeyFactory f = java.security.KeyFactory.getInstance("RSA");
        c.init(mode, mode == javax.crypto.Cipher.ENCRYPT_MODE ? f.generatePublic(new java.security.spec.X509EncodedKeySpec(key)) : f.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(key)));
      } else {
        throw utilsError("Algorithm must be one of [AES, RSA]");
      }
      return c.doFinal(data);
    }
    public byte[] encrypt(Object alg, byte[] key, byte[] data) throws Exception { return crypt(javax.crypto.Cipher.ENCRYPT_MODE, alg, key, data); }
    public byte[] decrypt(Object alg, byte[] key, byte[] data) throws Exception { return crypt(javax.crypto.Cipher.DECRYPT_MODE, alg, key, data); }
    public Object generateKey(Object alg) throws Exception {
      String n = name(alg);
      Object length = field(alg, "length");
      int bytes = length instanceof Number ? ((Number) length).intValue() / 8 : 32;
      if (n.equals("AES") || n.equals("HMAC")) { byte[] k = new byte[bytes]; random.nextBytes(k); return k; }
      if (n.equals("RSA") || n.equals("ECDSA")) {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance(n.equals("RSA") ? "RSA" : "EC");
        if (n.equals("RSA")) g.initialize(2048); else g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.KeyPair pair = g.generateKeyPair();
        return new NgKeyPair(pair.getPrivate().getEncoded(), pair.getPublic().getEncoded());
      }
      throw utilsError("Algorithm must be one of [AES, ECDSA, RSA, HMAC]");
    }
    public byte[] deriveKey(Object alg, byte[] baseKey, int bits) throws Exception {
      if (!name(alg).equals("PBKDF2")) throw utilsError("Algorithm must be PBKDF2");
      Object salt = field(alg, "salt");
      if (salt == Scriptable.NOT_FOUND || salt == null || salt instanceof Undefined) throw utilsError("Salt must be provided for PBKDF2.");
      if (salt instanceof org.mozilla.javascript.Wrapper) salt = ((org.mozilla.javascript.Wrapper) salt).unwrap();
      byte[] saltBytes;
      try {
        saltBytes = (byte[]) salt;
      } catch (ClassCastException e) {
        throw utilsError(e.getMessage());
      }
      Object iterations = field(alg, "iterations");
      char[] password = new String(baseKey, StandardCharsets.UTF_8).toCharArray();
      javax.crypto.SecretKeyFactory f = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmac" + jce(hashOf(alg)));
      return f.generateSecret(new javax.crypto.spec.PBEKeySpec(password, saltBytes, iterations instanceof Number ? ((Number) iterations).intValue() : 1000, bits)).getEncoded();
    }
  }

  /** ScriptCryptoService: randomUUID, getRandomValues (fills and returns the script's own array, as live), subtle. */
  public static final class NgCrypto {
    public final NgSubtle subtle = new NgSubtle();
    public String randomUUID() { return java.util.UUID.randomUUID().toString(); }
    /** Takes the script's array itself (returned as it is, live) and no other object (live: "…getRandomValues(object)."). */
    public Object getRandomValues(NativeArray array) {
      for (int i = 0; i < array.getLength(); i++) array.put(i, array, (double) NgSubtle.random.nextInt());
      return array;
    }
  }

  /** ScriptUtilityService: the docs' base64, base64url, types and crypto, as fields of the binding. */
  public static final class NgUtils {
    public final NgBase64 base64 = new NgBase64(false);
    public final NgBase64 base64url = new NgBase64(true);
    public final NgTypes types = new NgTypes();
    public final NgCrypto crypto = new NgCrypto();
  }

  /**
   * require(name): the case's library scripts (scenario `libraries`) as CommonJS modules, each evaluated once in a
   * scope of its own that has the common bindings (logger, httpClient, openidm, utils, realm, scriptName, cookieName,
   * require) but not the token-modification context's (accessToken, identity, scopes, clientProperties,
   * requestProperties): what a live tenant showed (published/aic-manager-live.json atm-nextgen-require-library).
   * INFERENCE: a missing library and a require cycle fail with a plain Error; AM's messages are not published.
   */
  static final class NgRequire extends BaseFunction {
    final Scriptable sources;
    final Map<String, Object> loaded = new LinkedHashMap<>();
    final Map<String, Object> common = new LinkedHashMap<>();
    NgRequire(Scriptable sources) { this.sources = sources; }
    @Override public String getFunctionName() { return "require"; }
    @Override public Object call(Context c, Scriptable s, Scriptable thisObj, Object[] args) {
      String name = args.length == 0 ? "undefined" : Context.toString(args[0]);
      if (loaded.containsKey(name)) {
        if (loaded.get(name) == null) throw new JavaScriptException(jsError("Error", "Library script \"" + name + "\" requires itself"), "", 0);
        return loaded.get(name);
      }
      Object source = ScriptableObject.getProperty(sources, name);
      if (!(source instanceof CharSequence)) throw new JavaScriptException(jsError("Error", "Library script \"" + name + "\" not found"), "", 0);
      loaded.put(name, null);
      Scriptable outer = scope;
      Scriptable own = c.initStandardObjects();
      scope = own;
      try {
        for (Map.Entry<String, Object> e : common.entrySet()) ScriptableObject.putProperty(own, e.getKey(), e.getValue());
        Scriptable module = c.newObject(own);
        Scriptable exports = c.newObject(own);
        ScriptableObject.putProperty(module, "exports", exports);
        ScriptableObject.putProperty(own, "module", module);
        ScriptableObject.putProperty(own, "exports", exports);
        c.evaluateString(own, source.toString(), name + ".js", 1, null);
        Object result = ScriptableObject.getProperty(module, "exports");
        loaded.put(name, result);
        return result;
      } finally {
        scope = outer;
      }
    }
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
        put("httpClient", new NgHttpClient(ScriptableObject.getProperty(d, "http")));
        put("openidm", new NgOpenIdm(ScriptableObject.getProperty(d, "openidm")));
        put("utils", new NgUtils());
        NgRequire require = new NgRequire((Scriptable) ScriptableObject.getProperty(d, "libraries"));
        require.setPrototype(ScriptableObject.getFunctionPrototype(scope));
        require.setParentScope(scope);
        ScriptableObject.putProperty(scope, "require", require);
        // A library sees the common bindings only (the live tenant's probe), require included.
        for (String k : new String[] {"logger", "httpClient", "openidm", "utils", "realm", "scriptName", "cookieName", "require"}) {
          require.common.put(k, ScriptableObject.getProperty(scope, k));
        }
        try {
          // AIC compiles a next-generation script under its name (engine/evaluators/rhino-position.ts): Rhino's own
          // errors end with " (<scriptName>#line)".
          cx.evaluateString(scope, source, Context.toString(ScriptableObject.getProperty(d, "scriptName")), 1, null);
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
