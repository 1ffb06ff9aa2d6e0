/*
 * Runs legacy-probe scripts in real Rhino (Debian's 1.7.14, default language version, interpreted) with
 * bindings typed like AM's legacy OAUTH2_ACCESS_TOKEN_MODIFICATION bindings, and a class shutter built from
 * AM's allow-list and deny-list (reference Appendix A and §3). Compiled on the fly by record.mjs.
 *
 *   java -cp rhino.jar:<classes> Recorder <dir> <allowlist.txt>
 * <dir>/list.txt holds one probe id per line; <dir>/<id>.js is the probe; the recorder writes <dir>/<id>.out:
 * one line per observation, "OUT <text>" (what the script passed to logger.message) or "ERR <message>" (an
 * error that escaped the script), with backslash and newline escaped.
 *
 * The binding classes below are stand-ins with AM's method signatures; record.mjs renames them in the output
 * to the AM class names (e.g. ProbeAccessToken -> org.forgerock.openam.oauth2.OpenAMAccessToken).
 */
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.mozilla.javascript.ClassShutter;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.ImporterTopLevel;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.ScriptableObject;

public class Recorder {
  static final List<String> out = new ArrayList<>();

  /** AM's shutter: a class must match an allow-list pattern and no deny-list pattern; `*` is non-greedy. */
  static final class AllowListShutter implements ClassShutter {
    final List<Pattern> allow = new ArrayList<>();
    final List<Pattern> deny = new ArrayList<>();

    AllowListShutter(List<String> allowed, List<String> denied) {
      for (String a : allowed) allow.add(compile(a));
      for (String d : denied) deny.add(compile(d));
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
      boolean ok = false;
      for (Pattern p : allow) if (p.matcher(name).matches()) { ok = true; break; }
      if (!ok) return false;
      for (Pattern p : deny) if (p.matcher(name).matches()) return false;
      return true;
    }
  }

  /** Stand-in for com.sun.identity.shared.debug.Debug; message() is the probes' output channel. */
  public static final class ProbeLogger {
    public boolean messageEnabled() { return true; }
    public boolean warningEnabled() { return true; }
    public boolean errorEnabled() { return true; }
    public void message(String msg) { out.add("OUT " + msg); }
    public void warning(String msg) { out.add("WARN " + msg); }
    public void error(String msg) { out.add("ERROR " + msg); }
    /** AM's Debug also formats SLF4J-style ({} takes the next argument's String.valueOf). */
    public void message(String format, Object... args) { out.add("OUT " + format(format, args)); }
    public void warning(String format, Object... args) { out.add("WARN " + format(format, args)); }
    public void error(String format, Object... args) { out.add("ERROR " + format(format, args)); }
    static String format(String format, Object[] args) {
      StringBuilder b = new StringBuilder();
      int next = 0;
      for (int i = 0; i < format.length(); i++) {
        if (format.startsWith("{}", i) && next < args.length) { b.append(String.valueOf(args[next++])); i++; }
        else b.append(format.charAt(i));
      }
      return b.toString();
    }
  }

  /** A class the allow-list does not name, returned by getResourceOwner() as AM's ResourceOwner is. */
  public static final class HiddenOwner {
    public String getId() { return "demo"; }
  }

  /** Stand-in for AM's legacy AccessToken: stores what Rhino hands it so probes can observe the Java types. */
  public static final class ProbeAccessToken {
    final Map<String, Object> fields = new LinkedHashMap<>();
    final Map<String, String> extra = new LinkedHashMap<>();
    Set<String> scope = new HashSet<>(Arrays.asList("openid", "profile", "email"));
    long expiryTime = 1767229200000L; // the scenario clock + 3600 s, as the playground derives it
    String tokenName = "access_token";

    public void setField(String name, Object value) { fields.put(name, value); }
    public Object getField(String name) { return fields.get(name); }
    public void setFields(Map<String, Object> values) { fields.putAll(values); }
    public void addExtraData(String key, String value) { extra.put(key, value); }
    public void addExtraData(String key, Supplier<String> value) { extra.put(key, value.get()); }
    public Map<String, Object> getCustomFields() { return new HashMap<>(fields); }
    public Set<String> getScope() { return scope; }
    public void setScope(Set<String> scope) { this.scope = scope; }
    public long getExpiryTime() { return expiryTime; }
    public void setExpiryTime(long ms) { expiryTime = ms; }
    public long getAuthTimeSeconds() { return 1767225600L; }
    Integer authLevel = 0; // scenario.json: authorization_code with the default auth level 0
    public Integer getAuthLevel() { return authLevel; }
    public void removeAuthLevel() { authLevel = null; }
    public String getClientId() { return "demo-client"; }
    public String getRealm() { return "/alpha"; }
    public String getTokenName() { return tokenName; }
    public void removeTokenName() { tokenName = null; }
    public String getNonce() { return null; }
    public boolean isExpired() { return false; }
    public void setId(String id) { throw new UnsupportedOperationException("Client-side token's ID cannot be changed"); }
    public HiddenOwner getResourceOwner() { return new HiddenOwner(); }
  }

  /** Stand-in for com.sun.identity.idm.AMIdentity: attribute values are HashSet<String>. */
  public static final class ProbeIdentity {
    final Map<String, Set<String>> attributes = new LinkedHashMap<>();
    final String name;
    final String type;
    ProbeIdentity(String name, String type) {
      this.name = name;
      this.type = type;
    }
    ProbeIdentity() {
      this("demo", "user");
      attributes.put("mail", new HashSet<>(Arrays.asList("demo@example.com")));
      attributes.put("telephoneNumber", new HashSet<>(Arrays.asList("+1 555 0100")));
      attributes.put("cn", new HashSet<>(Arrays.asList("Demo User")));
      // Multi-valued, in the order the directory returns them (scenario.json identity.attributes).
      attributes.put("alias", new java.util.LinkedHashSet<>(Arrays.asList("user.0@c.com", "user.0@a.com")));
      attributes.put("roles", new java.util.LinkedHashSet<>(Arrays.asList("reader", "admin", "Zed", "user.0", "beta")));
    }
    /**
     * A copy of an attribute's values as AM hands them out: a HashSet sized for its values, filled in the
     * directory's order (AMHashMap.getSetCopy, LDAPUtils.getAttributeValuesAsStringSet: new HashSet(values.size())).
     */
    static Set<String> valueSet(Set<String> values) {
      Set<String> copy = new HashSet<>(values.size());
      copy.addAll(values);
      return copy;
    }
    public Set<String> getAttribute(String name) {
      Set<String> v = attributes.get(name);
      return v == null ? new HashSet<>() : valueSet(v);
    }
    /** AMIdentity.getAttributes(Set): a CaseInsensitiveHashMap of the names asked for (in their order) that exist. */
    public Map getAttributes(Set<String> names) {
      com.sun.identity.common.CaseInsensitiveHashMap result = new com.sun.identity.common.CaseInsensitiveHashMap();
      for (String n : names) {
        for (Map.Entry<String, Set<String>> a : attributes.entrySet()) {
          if (a.getKey().equalsIgnoreCase(n)) result.put(n, valueSet(a.getValue()));
        }
      }
      return result;
    }
    /** AMIdentity.getAttributes(): every attribute, in an AMHashMap. */
    public Map getAttributes() {
      com.iplanet.am.sdk.AMHashMap result = new com.iplanet.am.sdk.AMHashMap();
      for (Map.Entry<String, Set<String>> a : attributes.entrySet()) result.put(a.getKey(), valueSet(a.getValue()));
      return result;
    }
    public void setAttributes(Map<String, Set<String>> values) { attributes.putAll(values); }
    public void store() {}
    public String getName() { return name; }
    public String getUniversalId() { return "id=" + name + ",ou=" + type + ",o=alpha,ou=services,dc=openam,dc=forgerock,dc=org"; }
    /** The scenario's one group (scenario.json identity.groups). */
    public Set<ProbeIdentity> getMemberships(com.sun.identity.idm.IdType idType) {
      Set<ProbeIdentity> result = new HashSet<>();
      if (idType == com.sun.identity.idm.IdType.GROUP && type.equals("user")) result.add(new ProbeIdentity("admins", "group"));
      return result;
    }
    public String getRealm() { return "o=alpha,ou=services,dc=openam,dc=forgerock,dc=org"; }
    public boolean isActive() { return true; }
    public boolean isExists() { return true; }
    /** A user has no members; the scenario's group lists none. */
    public Set<ProbeIdentity> getMembers(com.sun.identity.idm.IdType idType) { return new HashSet<>(); }
    /** No AMSDK DN in AM 7's identity stores. */
    public String getDN() { return null; }
    /** As AM's: equal when the universal ids are, ignoring case; hashed by the lower-cased universal id. */
    @Override public boolean equals(Object o) { return o instanceof ProbeIdentity && ((ProbeIdentity) o).getUniversalId().equalsIgnoreCase(getUniversalId()); }
    @Override public int hashCode() { return getUniversalId().toLowerCase().hashCode(); }
    /** As AM's AMIdentity.toString(): "AMIdentity object: " and the universal id (no AMSDKDN here). */
    @Override public String toString() { return "AMIdentity object: " + getUniversalId(); }
  }

  /** Stand-in for com.iplanet.sso.SSOToken. */
  public static final class ProbeSession {
    final Map<String, String> properties = new HashMap<>();
    ProbeSession() { properties.put("Host", "192.0.2.10"); }
    public String getProperty(String name) { return properties.get(name); }
    public String getProperty(String name, boolean ignoreState) { return properties.get(name); }
    /** AM's SSOToken hands out a java.net.InetAddress and an SSOPrincipal, classes AM's allow-list does not name. */
    public java.net.InetAddress getIPAddress() throws java.net.UnknownHostException {
      return java.net.InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 10});
    }
    public java.security.Principal getPrincipal() {
      return new com.iplanet.sso.providers.dpro.SSOPrincipal("id=demo,ou=user,o=alpha,ou=services,dc=openam,dc=forgerock,dc=org");
    }
    public int getAuthLevel() { return 0; }
    public void setProperty(String name, String value) { properties.put(name, value); }
    /** AM's SSOToken.getTokenID(): an SSOTokenIDImpl; the id is the one the playground gives scenario.json's session. */
    public com.iplanet.sso.providers.dpro.SSOTokenIDImpl getTokenID() {
      return new com.iplanet.sso.providers.dpro.SSOTokenIDImpl("AQIC5w8-qHoMlJswDrxAaH_Scm-yud5_c*");
    }
  }

  static Map<String, Object> clientProperties() {
    Map<String, Object> custom = new HashMap<>();
    custom.put("tier", "gold");
    Map<String, Object> m = new HashMap<>();
    m.put("clientId", "demo-client");
    m.put("allowedGrantTypes", new ArrayList<>(Arrays.asList("AUTHORIZATION_CODE", "REFRESH_TOKEN")));
    m.put("allowedResponseTypes", new ArrayList<>(Arrays.asList("code")));
    m.put("allowedScopes", new ArrayList<>(Arrays.asList("openid", "profile", "email")));
    m.put("customProperties", custom);
    m.put("redirectUris", new ArrayList<>(Arrays.asList("https://app.example.com/cb")));
    return Collections.unmodifiableMap(m);
  }

  static Map<String, Object> requestProperties() {
    Map<String, Object> params = new HashMap<>();
    params.put("grant_type", new ArrayList<>(Arrays.asList("authorization_code")));
    Map<String, Object> headers = new HashMap<>();
    headers.put("X-Forwarded-For", new ArrayList<>(Arrays.asList("203.0.113.7")));
    headers.put("accept", new ArrayList<>(Arrays.asList("application/json")));
    Map<String, Object> m = new HashMap<>();
    m.put("requestUri", "https://am.example.com/am/oauth2/alpha/access_token");
    m.put("realm", "/alpha");
    m.put("requestParams", Collections.unmodifiableMap(params));
    m.put("requestHeaders", Collections.unmodifiableMap(headers));
    return Collections.unmodifiableMap(m);
  }

  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    List<String> allowed = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) if (!line.isBlank()) allowed.add(line.trim());
    AllowListShutter shutter = new AllowListShutter(
        allowed,
        Arrays.asList("java.lang.Class", "java.lang.Thread", "java.lang.invoke.*", "java.lang.reflect.*", "java.security.AccessController"));

    // AM's wrap factory gives Java maps property-style access (its docs read requestHeaders["X-Forwarded-For"][0]);
    // Rhino 1.7.14's own NativeJavaMap, switched on by this feature, is the closest stock equivalent.
    ContextFactory.initGlobal(new ContextFactory() {
      @Override
      protected boolean hasFeature(Context c, int feature) {
        if (feature == Context.FEATURE_ENABLE_JAVA_MAP_ACCESS) return true;
        return super.hasFeature(c, feature);
      }
    });
    Context cx = ContextFactory.getGlobal().enterContext();
    try {
      cx.setLanguageVersion(Context.VERSION_DEFAULT);
      cx.setOptimizationLevel(-1);
      cx.setClassShutter(shutter);
      System.out.println("Rhino " + cx.getImplementationVersion());
      for (String id : Files.readAllLines(dir.resolve("list.txt"))) {
        if (id.isBlank()) continue;
        String source = Files.readString(dir.resolve(id + ".js"), StandardCharsets.UTF_8);
        out.clear();
        ImporterTopLevel scope = new ImporterTopLevel(cx);
        put(scope, "accessToken", new ProbeAccessToken());
        put(scope, "identity", new ProbeIdentity());
        put(scope, "scopes", new HashSet<>(Arrays.asList("openid", "profile", "email")));
        put(scope, "clientProperties", clientProperties());
        put(scope, "requestProperties", requestProperties());
        put(scope, "session", new ProbeSession());
        put(scope, "logger", new ProbeLogger());
        put(scope, "httpClient", new org.forgerock.openam.scripting.api.http.JavaScriptHttpClient());
        put(scope, "realm", "/alpha");
        put(scope, "scriptName", "probe");
        try {
          // AM's legacy source name (engine/evaluators/rhino-position.ts): Rhino's own errors end with it and the line.
          cx.evaluateString(scope, source, "<Unknown source>", 1, null);
        } catch (RhinoException e) {
          out.add("ERR " + e.details());
        } catch (RuntimeException e) {
          out.add("ERR " + e);
        } catch (StackOverflowError e) {
          // Script callbacks that nest through Java (list.forEach(f) inside f) exhaust the JVM's stack.
          out.add("ERR " + e);
        }
        StringBuilder text = new StringBuilder();
        for (String line : out) text.append(escape(line)).append('\n');
        Files.writeString(dir.resolve(id + ".out"), text.toString(), StandardCharsets.UTF_8);
      }
    } finally {
      Context.exit();
    }
  }

  static void put(ImporterTopLevel scope, String name, Object value) {
    ScriptableObject.putProperty(scope, name, Context.javaToJS(value, scope));
  }
}
