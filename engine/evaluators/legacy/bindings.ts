/**
 * The legacy (evaluatorVersion 1.0) bindings: the Java objects AM hands a Rhino script — AccessToken,
 * AMIdentity, SSOToken, Debug logger, unmodifiable maps and java.util.Set scopes (reference §1.1–§1.8).
 */
import { GuestError, GuestReference, HostObject, isGuestFunction } from "../../sandbox/host";
import { newRecord, setOwn } from "../../util/own-keys";
import { AccessTokenBinding, type ValueModel } from "../access-token";
import { SystemEnvBinding, formatSlf4j } from "../common";
import { warn, type RunContext } from "../context";
import type { LogLevel } from "../../result";
import { JavaCollection, JavaMap, JavaNumber, JavaObject, JavaString, chargeHost, identityHash, javaDoubleString, javaException, javaFromJson, javaStringSet, toJava, toStored, toStoredJava, type GapSink } from "./java";
import { LegacyHttpClient, javaPackages } from "./http";
import { rhinoArgType } from "../rhino-arg-type";
import { ID_TYPES, IdType } from "./id-types";
import { CaseInsensitiveJavaMap, attributeValueSet } from "./am-maps";
import { javaMethodSource } from "./java-signatures";
import { extraDataArgument, extraJsonArgument } from "./supplier-args";
import { JavaWorld, currentJavaWorld, enterJavaWorld, leaveJavaWorld } from "./java-world";
import { RequestUriString } from "./request-uri";
import { JavaUri } from "../nextgen/uri";
import { str } from "./java-string";
import { SSOTokenIDImpl } from "./sso-token-id";
import { OBJECT_BYTES, storedBytes } from "../host-budget";
import { DEFAULT_LIMITS } from "../../sandbox/sandbox";
import { warnKeyOrder } from "../key-order";
import { rhinoFunctionText } from "../../dialect/function-text";
import { AM_IDENTITY_MEMBERS, DEBUG_MEMBERS, SSO_TOKEN_MEMBERS } from "../../bindings/tables/am-legacy";
import { scenarioClientId } from "../../scenario/client-id";

/** How Rhino refuses a call to a Java method: no overload fits the arguments, or a value cannot be converted. */
const rhinoRefusals = {
  noSuchOverload: (javaClass: string, method: string, args: unknown[]) =>
    new GuestError(`Can't find method ${javaClass}.${method}(${args.map(rhinoArgType).join(",")}).`, "InternalError"),
  refusal: (message: string) => new GuestError(message, "InternalError"),
};

export function legacyValues(ctx: RunContext): ValueModel {
  /** References whose contents were already warned about, so the settled copy does not warn twice. */
  const warned = new WeakSet<GuestReference>();
  /** A script's array or object whose contents JSON cannot hold as they are: warned once, naming its value. */
  const checkSerialisable = (reference: GuestReference, copy: unknown, what: string): void => {
    if (warned.has(reference)) return;
    const problem = unserialisableMember(copy, "");
    if (!problem) return;
    warned.add(reference);
    const rhinoClass = reference.isArray ? "NativeArray" : "NativeObject";
    warn(
      ctx,
      "js-value-in-java-field",
      `${what}: Rhino hands AM this JavaScript ${reference.isArray ? "array" : "object"} (${preview(copy)}) as the org.mozilla.javascript.${rhinoClass} itself, which AM writes into the token as JSON when it issues it; ${problem}, which JSON has no value for. Jackson 2.14 writes undefined as null (as the playground does), NaN and Infinity as strings ("NaN"), and fails on a function; which writer AM uses is not known, so the token may differ or fail. Store only strings, numbers, booleans, null, arrays and objects of them.`,
    );
  };
  /**
   * A script's own array or object is stored as itself (a GuestReference: Rhino hands AM the NativeArray /
   * NativeObject): getField gives the very object back, a Java map prints it as Rhino does, and the token is
   * written from its contents when the script ends (settledValue), changes after the setField included.
   */
  const storeReference = (reference: GuestReference, what: string): unknown => {
    const copy = reference.contents();
    // The token keeps it (and renders it as JSON, escapes and all) until the run's result is built.
    chargeHost(storedBytes(toStoredJava(copy)));
    if (what === "setFields") {
      // AM's setFields(Map) puts each of the NativeObject's values, as NativeObject.get gives them.
      if (reference.isArray) return copy;
      const fields = newRecord();
      for (const [key, member] of reference.members()) {
        if (member instanceof GuestReference) checkSerialisable(member, member.contents(), `setFields: "${key}"`);
        // NativeObject.get gives null for an undefined value.
        setOwn(fields, key, member instanceof GuestReference ? member : storeValue(member === undefined ? null : member, `setFields: "${key}"`));
      }
      return fields;
    }
    checkSerialisable(reference, copy, what);
    return reference;
  };
  const storeValue = (value: unknown, what: string): unknown => {
    if (isGuestFunction(value)) {
      warn(ctx, "unstorable-value", `${what}: a function cannot be stored in a token.`);
      return null;
    }
    // Rhino hands undefined to AM's Object (and String) parameters as the String "undefined" (javaIn), so the
    // token holds that text (the recorder's AM-typed token: kyid-aic-legacy#kyid-attributes-missing).
    const stored = toStoredJava(value === undefined ? "undefined" : value);
    chargeHost(storedBytes(stored));
    return stored;
  };
  const store = (value: unknown, what: string): unknown => {
    warnKeyOrder(ctx, value instanceof GuestReference ? value.contents() : value, what);
    return value instanceof GuestReference ? storeReference(value, what) : storeValue(value, what);
  };
  // A getter hands back the String object the token holds, so `getClientId() === getClientId()` is true as in AM.
  const strings = new Map<string, JavaString>();
  const held = (v: string): JavaString => {
    let s = strings.get(v);
    if (!s) strings.set(v, (s = new JavaString(v)));
    return s;
  };
  return {
    store,
    settledValue: (reference, copy, what) => {
      checkSerialisable(reference, copy, `${what} (as the script left it)`);
      return toStoredJava(copy);
    },
    give: (v) => {
      if (v === null || v === undefined) return null;
      return toJava(v);
    },
    scopesIn: (value) => {
      if (value instanceof JavaCollection && /Set/.test(value.javaClass)) return value.items.map((i) => String(toStored(i)));
      throw notASet(value, "org.forgerock.openam.oauth2.OpenAMAccessToken.setScope");
    },
    scopesOut: (scopes) => javaStringSet(scopes),
    stringOut: (v) => (v === null ? null : held(v)),
    listOut: (v) => new JavaCollection("java.util.ArrayList", v.map((s) => new JavaString(s))),
    jsonIn: (value, method) => {
      if (value === null || value === undefined) return null;
      if (value instanceof HostObject && value.javaClass === "org.forgerock.json.JsonValue") return toStored(value);
      throw new GuestError(`Can't find method org.forgerock.oauth2.core.AccessToken.${method}(object).`, "TypeError");
    },
    extraDataIn: (value, key, javaClass) => {
      const resolved = extraDataArgument(ctx, rhinoRefusals, javaClass, key, value);
      // A Java object reaches the String overload as its Java toString() (Rhino's coerceTypeImpl), e.g. the
      // SSOTokenID session.getTokenID() gives; a JS value as JavaScript's String() of it.
      const text = resolved === null ? null : resolved instanceof HostObject ? str(resolved) : String(toStored(resolved));
      if (text !== null) chargeHost(storedBytes(text));
      return text;
    },
    extraJsonIn: (value, key, javaClass) => {
      const resolved = extraJsonArgument(ctx, rhinoRefusals, javaClass, key, value);
      warnKeyOrder(ctx, resolved, `addExtraJsonData("${String(key)}")`);
      const stored = toStoredJava(resolved);
      chargeHost(storedBytes(stored));
      return stored;
    },
    integerOut: (value) => (value === null ? null : new JavaNumber(value, "java.lang.Integer")),
    java: {
      ...rhinoRefusals,
      exception: (javaClass, message) => javaException(javaClass, message),
      javaString: (text) => new JavaString(text),
      identityHash,
      methodSource: javaMethodSource,
    },
  };
}

/** The first member of a script's array/object that JSON cannot hold as it is (a function, undefined, NaN, Infinity). */
function unserialisableMember(value: unknown, path: string): string | null {
  if (isGuestFunction(value)) return `${path || "it"} is a function`;
  if (value === undefined) return `${path || "it"} is undefined`;
  if (typeof value === "number" && !Number.isFinite(value)) return `${path || "it"} is ${value}`;
  if (value === null || typeof value !== "object" || value instanceof HostObject) return null;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v]) : Object.entries(value).map(([k, v]) => [`.${k}`, v]);
  for (const [key, member] of entries) {
    const problem = unserialisableMember(member, `${path}${key}`);
    if (problem) return problem;
  }
  return null;
}

/** The script's own value as JavaScript source, shortened for a message. */
function preview(value: unknown): string {
  const text = jsLiteral(value, 0);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function jsLiteral(value: unknown, depth: number): string {
  if (isGuestFunction(value)) return "function";
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value !== "object") return String(value);
  if (value instanceof HostObject || depth > 8) return String(toStored(value));
  if (Array.isArray(value)) return `[${value.map((v) => jsLiteral(v, depth + 1)).join(", ")}]`;
  return `{${Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${jsLiteral(v, depth + 1)}`).join(", ")}}`;
}

/** Rhino identity hash of the converted array, as its message prints it (any hex; goldens normalise it). */
const NATIVE_ARRAY = "org.mozilla.javascript.NativeArray@5a2e4553";

/**
 * What Rhino says when a method typed java.util.Set gets something else: a JS array "cannot convert"; any
 * other value finds no overload ("Can't find method C.m(string).").
 */
export function notASet(value: unknown, method: string): GuestError {
  if (Array.isArray(value)) return new GuestError(`Cannot convert ${NATIVE_ARRAY} to java.util.Set`, "InternalError");
  if (value === null) {
    // Rhino hands null to any object parameter, so AM's method is called with it; what it then does was not read
    // in AM's source, so the call is refused as before and the run says so.
    currentJavaWorld().warn(
      "null-java-argument",
      `${method}(null): in AM, Rhino hands null to the Set parameter and AM's method runs with it (no "Can't find method"); what AM then does is not known here, so the playground refuses the call. Pass a java.util.HashSet (empty if need be).`,
    );
  }
  return new GuestError(`Can't find method ${method}(${rhinoArgType(value)}).`, "InternalError");
}

/** com.sun.identity.shared.debug.Debug: message / warning / error, each with `{}` placeholders. */
class DebugLogger extends JavaObject {
  readonly members = DEBUG_MEMBERS;
  override readonly javaClass = "com.sun.identity.shared.debug.Debug";

  constructor(private readonly ctx: RunContext) {
    super();
  }

  /**
   * Rhino picks Debug.message(String) or message(String, Object...): the first argument becomes a String (a Java
   * object by its toString(), a JS value as JavaScript prints it), the others Java objects that `{}` prints with
   * String.valueOf (a JS number is a Double, "5.0"); a JS array as the only extra argument is the varargs array.
   */
  private write(level: LogLevel, method: string, args: unknown[]): void {
    if (args.length === 0) throw new GuestError(`Can't find method ${this.javaClass}.${method}().`, "InternalError");
    // A function as the String argument is its text, as Rhino re-prints it; as an Object argument (`{}`) Java's
    // toString of Rhino's function object (recorded: org.mozilla.javascript.InterpretedFunction@6df97b55).
    const format = args[0] instanceof HostObject ? String(args[0]) : isGuestFunction(args[0]) ? rhinoFunctionText(args[0].text()) : String(toStored(args[0]));
    let rest = args.slice(1);
    if (rest.length === 1 && Array.isArray(rest[0])) rest = rest[0];
    const shown = rest.map((v) =>
      typeof v === "number"
        ? javaDoubleString(v)
        : v instanceof HostObject
          ? String(v)
          : isGuestFunction(v)
            ? `org.mozilla.javascript.InterpretedFunction@${identityHash()}`
            : v !== null && typeof v === "object" && !Array.isArray(v)
              ? "[object Object]"
              : v,
    );
    const message = formatSlf4j(format, shown);
    chargeHost(OBJECT_BYTES + storedBytes(message));
    this.ctx.logs.push({ level, message });
  }
  message(...args: unknown[]): void {
    this.write("debug", "message", args);
  }
  warning(...args: unknown[]): void {
    this.write("warn", "warning", args);
  }
  error(...args: unknown[]): void {
    this.write("error", "error", args);
  }
  messageEnabled(): boolean {
    return true;
  }
  warningEnabled(): boolean {
    return true;
  }
  errorEnabled(): boolean {
    return true;
  }
  getName(): string {
    return `scripts.OAUTH2_ACCESS_TOKEN_MODIFICATION.playground.(${this.ctx.scenario.scriptName})`;
  }
}

function realmDn(realm: string): string {
  const parts = realm.split("/").filter(Boolean).reverse();
  return [...parts.map((p) => `o=${p}`), "ou=services", "dc=openam", "dc=forgerock", "dc=org"].join(",");
}

/** com.sun.identity.idm.AMIdentity over the scenario's identity (or one of its groups). */
class AMIdentity extends JavaObject {
  readonly members = AM_IDENTITY_MEMBERS;
  override readonly javaClass = "com.sun.identity.idm.AMIdentity";
  private readonly attributes: Map<string, string[]>;
  private pending = false;

  constructor(
    private readonly ctx: RunContext,
    private readonly name: string,
    private readonly type: IdType,
    attributes: Record<string, string[]>,
    private readonly groups: { id: string; attributes: Record<string, string[]> }[],
  ) {
    super();
    this.attributes = new Map(Object.entries(attributes).map(([k, v]) => [k, [...v]]));
  }

  private nameString: JavaString | null = null;
  /** The identity's own name field: the same String object every call, as in AM. */
  getName(): JavaString {
    return (this.nameString ??= new JavaString(this.name));
  }
  getType(): IdType {
    return this.type;
  }
  getRealm(): JavaString {
    return new JavaString(realmDn(this.ctx.scenario.realm));
  }
  isActive(): boolean {
    return this.ctx.scenario.identity.active;
  }
  isExists(): boolean {
    return this.ctx.scenario.identity.exists;
  }
  getUniversalId(): JavaString {
    return new JavaString(`id=${this.name},ou=${this.type.name},${realmDn(this.ctx.scenario.realm)}`);
  }
  /** An attribute's values (any spelling of its name, as the directory matches names), or null when unset. */
  private valuesOf(name: string): string[] | null {
    if (this.attributes.has(name)) return this.attributes.get(name) ?? null;
    const lower = name.toLowerCase();
    for (const [k, v] of this.attributes) if (k.toLowerCase() === lower) return v;
    return null;
  }
  /** getAttribute(String): the values as a HashSet sized for them (am-maps.ts), empty when unset. */
  getAttribute(...args: unknown[]): JavaCollection {
    if (args.length !== 1) throw new GuestError(`Can't find method ${this.javaClass}.getAttribute(${args.map(rhinoArgType).join(",")}).`, "InternalError");
    const name = String(toStored(args[0]));
    const values = this.valuesOf(name) ?? [];
    if (values.length > 1) {
      warn(
        this.ctx,
        "attribute-value-order",
        `"${name}" has ${values.length} values: AM hands them in a java.util.HashSet sized to the values, so which comes first (toArray()[0], iterator().next(), the printed set) is that set's hash order, which the playground reproduces as a live AM 7.0 showed it; one of AM's own doc examples prints another order. Do not rely on which value comes first.`,
      );
    }
    return attributeValueSet(values);
  }
  /**
   * getAttributes(): every attribute, in an AMHashMap; getAttributes(Set): those of the names asked for that
   * exist, keyed as the script wrote them, in a CaseInsensitiveHashMap (am-maps.ts).
   */
  getAttributes(...args: unknown[]): JavaMap {
    if (args.length === 0) {
      return new CaseInsensitiveJavaMap("com.iplanet.am.sdk.AMHashMap", new Map([...this.attributes].map(([k, v]) => [k, attributeValueSet(v)])));
    }
    if (args.length !== 1) throw new GuestError(`Can't find method ${this.javaClass}.getAttributes(${args.map(rhinoArgType).join(",")}).`, "InternalError");
    const names = args[0];
    if (!(names instanceof JavaCollection && /Set/.test(names.javaClass))) throw notASet(names, `${this.javaClass}.getAttributes`);
    const result = new CaseInsensitiveJavaMap("com.sun.identity.common.CaseInsensitiveHashMap", new Map());
    for (const name of names.items.map((n) => String(toStored(n)))) {
      const values = this.valuesOf(name);
      if (values) result.put(name, attributeValueSet(values));
    }
    return result;
  }
  setAttributes(map: unknown): void {
    if (!(map instanceof JavaMap)) throw new GuestError(`Can't find method ${this.javaClass}.setAttributes(${typeof map}).`, "TypeError");
    for (const [k, v] of map.entries) {
      const stored = toStored(v);
      chargeHost(storedBytes(k) + storedBytes(stored));
      this.attributes.set(k, Array.isArray(stored) ? stored.map(String) : [String(stored)]);
    }
    this.pending = true;
  }
  removeAttributes(names: unknown): void {
    if (names instanceof JavaCollection) for (const n of names.items) this.attributes.delete(String(toStored(n)));
    this.pending = true;
  }
  store(): void {
    const failure = this.ctx.scenario.identity.failStore;
    if (failure) throw new GuestError(`com.sun.identity.idm.IdRepoException: ${failure}`, "JavaException");
    this.pending = false;
  }
  getMemberships(type: unknown): JavaCollection {
    if (!(type instanceof IdType)) throw new GuestError(`Can't find method ${this.javaClass}.getMemberships(${rhinoArgType(type)}).`, "InternalError");
    if (type.name !== "group") return new JavaCollection("java.util.HashSet", []);
    return new JavaCollection(
      "java.util.HashSet",
      this.groups.map((g) => new AMIdentity(this.ctx, g.id, ID_TYPES.GROUP, { cn: [g.id], ...g.attributes }, [])),
    );
  }
  /** getMembers(IdType): the identities of that type this one holds; a user (and the scenario's groups) hold none. */
  getMembers(...args: unknown[]): JavaCollection {
    if (args.length !== 1 || !(args[0] instanceof IdType)) {
      throw new GuestError(`Can't find method ${this.javaClass}.getMembers(${args.map(rhinoArgType).join(",")}).`, "InternalError");
    }
    return new JavaCollection("java.util.HashSet", []);
  }
  /** As AM's: the same universal id, ignoring case. */
  equals(other: unknown): boolean {
    return other instanceof AMIdentity && other.getUniversalId().value.toLowerCase() === this.getUniversalId().value.toLowerCase();
  }
  hashCode(): number {
    return new JavaString(this.getUniversalId().value.toLowerCase()).hashCode();
  }
  /** The AMSDK DN, which AM 7's identity stores do not have. */
  getDN(): null {
    return null;
  }
  isMember(other: unknown): boolean {
    return other instanceof AMIdentity && this.groups.some((g) => g.id === other.name);
  }
  override toString(): string {
    return `AMIdentity object: ${this.getUniversalId().value}`;
  }
  /**
   * @host the run calls it when the script has ended; scripts cannot call it.
   */
  finish(): void {
    if (this.pending) warn(this.ctx, "identity-not-stored", "identity attributes were changed but store() was never called; AM discards the changes.");
  }
}

/** com.iplanet.sso.SSOToken for the scenario's session. */
class SSOToken extends JavaObject {
  readonly members = SSO_TOKEN_MEMBERS;
  override readonly javaClass = "com.iplanet.sso.providers.dpro.SessionSsoToken";
  private readonly properties: Map<string, string>;

  constructor(private readonly ctx: RunContext) {
    super();
    this.properties = new Map(Object.entries(ctx.scenario.session?.properties ?? {}));
  }

  private get session() {
    const s = this.ctx.scenario.session;
    if (!s) throw new GuestError("com.iplanet.sso.SSOException: Invalid session", "JavaException");
    return s;
  }

  /** getProperty(String) and getProperty(String, boolean ignoreState). */
  getProperty(...args: unknown[]): JavaString | null {
    const [name, ignoreState] = args;
    if ((args.length !== 1 && args.length !== 2) || (args.length === 2 && typeof ignoreState !== "boolean")) {
      throw new GuestError(`Can't find method ${this.javaClass}.getProperty(${args.map(rhinoArgType).join(",")}).`, "InternalError");
    }
    const value = this.properties.get(String(toStored(name)));
    return value === undefined ? null : new JavaString(value);
  }
  setProperty(name: unknown, value: unknown): void {
    const key = String(toStored(name));
    const text = String(toStored(value));
    chargeHost(storedBytes(key) + storedBytes(text));
    this.properties.set(key, text);
  }
  /** AM hands out a com.iplanet.sso.providers.dpro.SSOPrincipal, a class AM's allow-list does not name. */
  getPrincipal(): never {
    void this.session;
    throw new GuestError('Access to Java class "com.iplanet.sso.providers.dpro.SSOPrincipal" is prohibited.', "InternalError");
  }
  getAuthType(): JavaString {
    return new JavaString(this.session.authType);
  }
  getAuthLevel(): number {
    return this.session.authLevel;
  }
  /** AM hands out a java.net.InetAddress (an Inet4Address), a class AM's allow-list does not name. */
  getIPAddress(): never {
    const address = this.session.ipAddress;
    throw new GuestError(`Access to Java class "java.net.${address.includes(":") ? "Inet6Address" : "Inet4Address"}" is prohibited.`, "InternalError");
  }
  getHostName(): JavaString {
    return new JavaString(this.session.hostName);
  }
  getTimeLeft(): number {
    return this.session.maxSessionTime * 60;
  }
  getMaxSessionTime(): number {
    return this.session.maxSessionTime;
  }
  getIdleTime(): number {
    return 0;
  }
  getMaxIdleTime(): number {
    return this.session.maxIdleTime;
  }
  getTokenID(): SSOTokenIDImpl {
    return new SSOTokenIDImpl(`AQIC5w${this.ctx.token.native.authGrantId ?? ""}*`);
  }
  isTokenRestricted(): boolean {
    return false;
  }
}

export interface LegacyBindings {
  globals: Record<string, unknown>;
  finish(): void;
  /** Makes this run's Java world (java-world.ts) the active one: call when the sandbox starts evaluating. */
  enter(): void;
  /** Ends it once the sandbox has returned. */
  leave(): void;
}

/**
 * Whether AM hands this grant's request a session (reference flows-and-hooks.md §A.1): the code exchange and
 * implicit issuance at /authorize do; a refresh (observed), client credentials (observed), ROPC (documented) and the
 * other non-interactive grants (inferred) do not. A scenario's session for such a grant is said to be unused.
 */
function grantBindsSession(ctx: RunContext): boolean {
  const grant = ctx.scenario.token.grantType;
  const binds = grant === "authorization_code" || grant === "implicit";
  if (!binds) {
    const basis = grant === "password" ? "documented" : grant === "refresh_token" || grant === "client_credentials" ? "observed" : "inferred";
    warn(
      ctx,
      "session-not-bound",
      `The scenario has a session, but AM binds none for a ${grant} request (${basis}: no session cookie reaches the token endpoint), so session is null here.`,
    );
  }
  return binds;
}

export function legacyBindings(ctx: RunContext): LegacyBindings {
  const world = new JavaWorld(ctx.scenario.seed, DEFAULT_LIMITS.memoryBytes, (code, message) => warn(ctx, code, message));
  // The bindings' own Java values are built in this run's world, too.
  enterJavaWorld(world);
  const s = ctx.scenario;
  const clientCredentials = s.token.grantType === "client_credentials";
  const identity = clientCredentials
    ? new AMIdentity(ctx, scenarioClientId(s), ID_TYPES.AGENT, { ...(s.client?.agentAttributes ?? {}) }, [])
    : new AMIdentity(ctx, s.identity.username, ID_TYPES.USER, { ...s.identity.attributes }, s.identity.groups);
  const sink: GapSink = (code, message) => warn(ctx, code, message);
  const client = s.client
    ? javaFromJson(
        {
          clientId: s.client.clientId,
          allowedGrantTypes: s.client.allowedGrantTypes,
          allowedResponseTypes: s.client.allowedResponseTypes,
          allowedScopes: s.client.allowedScopes,
          customProperties: s.client.customProperties,
          redirectUris: s.client.redirectUris,
        },
        true,
        sink,
      )
    : null;
  // AM's unmodifiable view of a HashMap, as javaFromJson builds it, with requestUri's String able to say that
  // AM's class for it is not known (request-uri.ts).
  const request = new JavaMap(
    "java.util.Collections$UnmodifiableMap",
    new Map<string, unknown>([
      // The scenario may say AM hands a java.net.URI (request.uriType), which the docs leave open.
      ["requestUri", s.request.uriType === "java.net.URI" ? new JavaUri(s.request.uri ?? `${ctx.token.native.iss}/access_token`) : new RequestUriString(ctx, s.request.uri ?? `${ctx.token.native.iss}/access_token`)],
      ["realm", javaFromJson(s.realm, true, sink)],
      ["requestParams", javaFromJson({ grant_type: [s.token.grantType], ...s.request.params }, true, sink)],
      ["requestHeaders", javaFromJson(s.request.headers, true, sink)],
    ]),
    true,
    true,
  );
  request.sink = sink;
  const globals: Record<string, unknown> = {
    accessToken: new AccessTokenBinding(ctx, legacyValues(ctx), "org.forgerock.openam.oauth2.OpenAMAccessToken"),
    identity,
    scopes: Object.assign(javaStringSet(s.scopes), { sink }),
    clientProperties: client,
    requestProperties: request,
    session: s.session && grantBindsSession(ctx) ? new SSOToken(ctx) : null,
    logger: new DebugLogger(ctx),
    httpClient: new LegacyHttpClient(ctx),
    systemEnv: new SystemEnvBinding(ctx),
    realm: s.realm,
    scriptName: s.scriptName,
    ...javaPackages(ctx),
  };
  leaveJavaWorld(world);
  return { globals, finish: () => identity.finish(), enter: () => enterJavaWorld(world), leave: () => leaveJavaWorld(world) };
}
