/**
 * IBM's helper classes a classic mapping rule imports (`importClass(Packages.com.tivoli.am.fim.trustserver.sts.
 * utilities.OAuthMappingExtUtils)` …): the association store against a grant's state_id with its documented
 * returns and 256-character limit, token and grant look-ups, random strings, the throwSTS* family, trace
 * output and the IDMappingExtCache; plus the `oauth_client` global. Sources: IBM docs "OAuthMappingExtUtils
 * Utility" (docs.verify.ibm.com …/util_oauth), seed 003 (IBM Security blog "OAuth: Custom token attributes"),
 * reference flows-and-hooks.md §C.4 and peers-and-anchors.md §6.1.
 */
import { GuestError, HostObject } from "../../sandbox/host";
import { JavaArray, JavaCollection, JavaMap, JavaObject, JavaString, javaException, toStored } from "../../evaluators/legacy/java";
import { JavaClass } from "../../evaluators/legacy/classes";
import { rhinoArgType } from "../../evaluators/rhino-arg-type";
import type { LogEntry, RunWarning } from "../../result";
import { addRunWarning } from "../../util/run-warnings";
import { ASSOCIATION_LIMIT, ASSOCIATION_LIMIT_SOURCE, type IbmGrant, type IbmToken, type IbmWorld } from "./world";
import { ATTRIBUTE_CLASS, IbmAttribute, STSUU_CLASS, STSUniversalUser, javaStringArg } from "./stsuu";
import { IBM_ID_MAPPING_EXT_CACHE_MEMBERS, IBM_OAUTH_CLIENT_MEMBERS, IBM_OAUTH_TOKEN_MEMBERS } from "../../bindings/tables/ibm";

const UTILITIES = "com.tivoli.am.fim.trustserver.sts.utilities";
export const STS_EXCEPTION = "com.tivoli.am.fim.trustserver.sts.STSException";

/** How a throwSTS* call fails the request, as IBM's rules and docs describe it. */
export interface StsFailure {
  method: string;
  message: string;
  status: number;
  body: Record<string, unknown>;
  /** What IBM does not document about this answer (marked ibm-inferred). */
  inferred: string | null;
}

/** What the helpers of one rule run share with the request. */
export interface IbmRuleContext {
  world: IbmWorld;
  logs: LogEntry[];
  warnings: RunWarning[];
  clientId: string;
  confidential: boolean;
  clientName: string | undefined;
  extendedData: Record<string, unknown>;
  otherInfo: string | undefined;
  /** Set by a throwSTS* call; the request fails with it when the error escapes the rule. */
  failure: StsFailure | null;
  currentLine: () => number | undefined;
}

function warnOnce(ctx: IbmRuleContext, code: string, message: string): void {
  const line = ctx.currentLine();
  addRunWarning(ctx.warnings, { code, message, ...(line ? { line } : {}) });
}

function noMethod(cls: string, method: string, args: unknown[]): GuestError {
  return new GuestError(`Can't find method ${cls}.${method}(${args.map(rhinoArgType).join(",")}).`, "InternalError");
}

/** The documented limit: a key or value over 256 characters is refused (names the limit and its source). */
function overLimit(key: string, value: string | null): string | null {
  if (key.length > ASSOCIATION_LIMIT) return `the key "${key.slice(0, 40)}…" is ${key.length} characters, over the ${ASSOCIATION_LIMIT}-character limit`;
  if (value !== null && value.length > ASSOCIATION_LIMIT) return `the value of "${key}" is ${value.length} characters, over the ${ASSOCIATION_LIMIT}-character limit`;
  return null;
}

/** Entries of a java.util.Map (or a JS object, as some rules pass) as strings. */
function mapEntries(value: unknown): [string, string][] | null {
  if (value instanceof JavaMap) return [...value.entries].map(([k, v]) => [k, javaStringArg(v) ?? "null"]);
  if (value && typeof value === "object" && !(value instanceof HostObject) && !Array.isArray(value)) {
    return Object.entries(value).map(([k, v]) => [k, javaStringArg(v) ?? "null"]);
  }
  return null;
}

function listItems(value: unknown): string[] | null {
  if (value instanceof JavaCollection || value instanceof JavaArray) return value.items.map((v) => javaStringArg(v) ?? "null");
  if (Array.isArray(value)) return value.map((v) => javaStringArg(v) ?? "null");
  return null;
}

/** An OAuth token as getToken/getTokens return it. */
class OAuthToken extends JavaObject {
  readonly members = IBM_OAUTH_TOKEN_MEMBERS;
  override readonly javaClass = "com.tivoli.am.fim.oauth20.token.OAuthToken";
  constructor(
    private readonly token: IbmToken,
    private readonly world: IbmWorld,
  ) {
    super();
  }
  getStateId(): JavaString {
    return new JavaString(this.token.stateId);
  }
  getId(): JavaString {
    return new JavaString(this.token.id);
  }
  getTokenId(): JavaString {
    return new JavaString(this.token.value);
  }
  getUsername(): JavaString {
    return new JavaString(this.token.username);
  }
  getClientId(): JavaString {
    return new JavaString(this.token.clientId);
  }
  getScope(): JavaArray {
    return new JavaArray("[Ljava.lang.String;", this.token.scope.map((s) => new JavaString(s)));
  }
  getType(): JavaString {
    return new JavaString(this.token.kind);
  }
  getLifetime(): number {
    return Math.max(0, Math.floor((this.token.expiresMs - this.token.createdMs) / 1000));
  }
  getDateCreated(): number {
    return this.token.createdMs;
  }
  isExpired(): boolean {
    return this.world.nowMs >= this.token.expiresMs;
  }
  isEnabled(): boolean {
    return this.token.enabled;
  }
  override toString(): string {
    return `OAuthToken[${this.token.kind} ${this.token.id}]`;
  }
}

/** com.tivoli…utilities.OAuthMappingExtUtils: static methods only. */
function oauthMappingExtUtils(ctx: IbmRuleContext): JavaClass {
  const cls = `${UTILITIES}.OAuthMappingExtUtils`;
  const world = ctx.world;
  const grantOf = (stateId: unknown): IbmGrant | null => world.liveGrant(javaStringArg(stateId));
  const fail = (method: string, message: string, status: number, error: string, inferred: string | null): never => {
    ctx.failure = { method, message, status, body: { error, error_description: message }, inferred };
    throw javaException(STS_EXCEPTION, message);
  };
  const refuse = (method: string, why: string): void => {
    warnOnce(ctx, "ibm-association-limit", `OAuthMappingExtUtils.${method}: ${why}. Source: ${ASSOCIATION_LIMIT_SOURCE}. IBM documents the limit, not what happens past it: the playground refuses to store the attribute (associate returns false, batchCreate/batchUpdate return an error text), which is inferred. Keep bigger values in the IDMappingExtCache or split them over several attributes.`);
  };
  return new JavaClass(cls, null, {}, {
    associate(...args: unknown[]): boolean {
      if (args.length !== 3) throw noMethod(cls, "associate", args);
      const grant = grantOf(args[0]);
      const key = javaStringArg(args[1]) ?? "null";
      const value = javaStringArg(args[2]);
      if (!grant) {
        warnOnce(ctx, "ibm-no-grant", `OAuthMappingExtUtils.associate: no grant has the state_id "${javaStringArg(args[0])}" (in a pre-token rule at /authorize or for ROPC there is none yet); IBM returns false.`);
        return false;
      }
      const why = overLimit(key, value);
      if (why) {
        refuse("associate", why);
        return false;
      }
      grant.associations.set(key, value ?? "null");
      return true;
    },
    disassociate(...args: unknown[]): JavaString | null {
      if (args.length !== 2) throw noMethod(cls, "disassociate", args);
      const grant = grantOf(args[0]);
      const key = javaStringArg(args[1]) ?? "null";
      const old = grant?.associations.get(key);
      if (old === undefined || !grant) return null;
      grant.associations.delete(key);
      return new JavaString(old);
    },
    getAssociation(...args: unknown[]): JavaString | null {
      if (args.length !== 2) throw noMethod(cls, "getAssociation", args);
      const v = grantOf(args[0])?.associations.get(javaStringArg(args[1]) ?? "null");
      return v === undefined ? null : new JavaString(v);
    },
    getAssociationKeys(...args: unknown[]): JavaArray | null {
      if (args.length !== 1) throw noMethod(cls, "getAssociationKeys", args);
      const grant = grantOf(args[0]);
      // Documented: null for an invalid state id, a cache problem, or no associated attributes.
      if (!grant || grant.associations.size === 0) return null;
      return new JavaArray("[Ljava.lang.String;", [...grant.associations.keys()].map((k) => new JavaString(k)));
    },
    retrieveAllAssociations(...args: unknown[]): JavaMap | null {
      if (args.length !== 1) throw noMethod(cls, "retrieveAllAssociations", args);
      const grant = grantOf(args[0]);
      if (!grant) return null;
      return new JavaMap("java.util.HashMap", new Map([...grant.associations].map(([k, v]) => [k, new JavaString(v)])), false);
    },
    getEmptyMap(): JavaMap {
      return new JavaMap("java.util.HashMap", new Map(), false);
    },
    /** Documented: adds the attributes, never updates an existing one; returns an error text or null. */
    batchCreate(...args: unknown[]): JavaString | null {
      const entries = args.length === 2 ? mapEntries(args[1]) : null;
      if (!entries) throw noMethod(cls, "batchCreate", args);
      const grant = grantOf(args[0]);
      if (!grant) return new JavaString(`No grant has the state id ${javaStringArg(args[0])}`);
      for (const [k, v] of entries) {
        const why = overLimit(k, v);
        if (why) {
          refuse("batchCreate", why);
          return new JavaString(`batchCreate: ${why} (${ASSOCIATION_LIMIT_SOURCE})`);
        }
      }
      const kept = entries.filter(([k]) => grant.associations.has(k)).map(([k]) => k);
      if (kept.length) warnOnce(ctx, "ibm-batch-create-existing", `OAuthMappingExtUtils.batchCreate does not update existing attributes (documented): ${kept.join(", ")} ${kept.length === 1 ? "kept its old value" : "kept their old values"}. Use batchUpdate for those.`);
      for (const [k, v] of entries) if (!grant.associations.has(k)) grant.associations.set(k, v);
      return null;
    },
    /** Documented: updates existing attributes, never creates one. */
    batchUpdate(...args: unknown[]): JavaString | null {
      const entries = args.length === 2 ? mapEntries(args[1]) : null;
      if (!entries) throw noMethod(cls, "batchUpdate", args);
      const grant = grantOf(args[0]);
      if (!grant) return new JavaString(`No grant has the state id ${javaStringArg(args[0])}`);
      for (const [k, v] of entries) {
        const why = overLimit(k, v);
        if (why) {
          refuse("batchUpdate", why);
          return new JavaString(`batchUpdate: ${why} (${ASSOCIATION_LIMIT_SOURCE})`);
        }
      }
      const missing = entries.filter(([k]) => !grant.associations.has(k)).map(([k]) => k);
      if (missing.length) warnOnce(ctx, "ibm-batch-update-missing", `OAuthMappingExtUtils.batchUpdate does not create attributes (documented): ${missing.join(", ")} ${missing.length === 1 ? "was" : "were"} not stored. Use batchCreate for those.`);
      for (const [k, v] of entries) if (grant.associations.has(k)) grant.associations.set(k, v);
      return null;
    },
    batchDelete(...args: unknown[]): JavaString | null {
      const keys = args.length === 2 ? listItems(args[1]) : null;
      if (!keys) throw noMethod(cls, "batchDelete", args);
      const grant = grantOf(args[0]);
      if (!grant) return new JavaString(`No grant has the state id ${javaStringArg(args[0])}`);
      for (const k of keys) grant.associations.delete(k);
      return null;
    },
    getToken(...args: unknown[]): OAuthToken | null {
      if (args.length !== 1) throw noMethod(cls, "getToken", args);
      const token = world.findToken(javaStringArg(args[0]) ?? "");
      return token ? new OAuthToken(token, world) : null;
    },
    getTokens(...args: unknown[]): JavaArray {
      if (args.length !== 1 && args.length !== 2) throw noMethod(cls, "getTokens", args);
      const found =
        args.length === 1
          ? world.tokens.filter((t) => t.stateId === javaStringArg(args[0]))
          : world.tokens.filter((t) => t.clientId === javaStringArg(args[0]) && t.username === javaStringArg(args[1]));
      const live = found.filter((t) => t.enabled && world.liveGrant(t.stateId));
      return new JavaArray("[Lcom.tivoli.am.fim.oauth20.token.OAuthToken;", live.map((t) => new OAuthToken(t, world)));
    },
    deleteGrant(...args: unknown[]): void {
      if (args.length !== 1) throw noMethod(cls, "deleteGrant", args);
      world.deleteGrant(javaStringArg(args[0]) ?? "");
    },
    deleteToken(...args: unknown[]): void {
      if (args.length !== 1) throw noMethod(cls, "deleteToken", args);
      const token = world.findToken(javaStringArg(args[0]) ?? "");
      if (token) token.enabled = false;
    },
    generateRandomString(...args: unknown[]): JavaString {
      const n = Number(toStored(args[0]));
      if (args.length !== 1 || !Number.isFinite(n)) throw noMethod(cls, "generateRandomString", args);
      return new JavaString(world.randomString(Math.max(0, Math.floor(n))));
    },
    isOidcCompliantByDefinitionID(): boolean {
      return true;
    },
    throwSTSUserMessageException(...args: unknown[]): never {
      const message = javaStringArg(args[0]) ?? "null";
      return fail("throwSTSUserMessageException", message, 400, "invalid_request", "IBM says the message is returned in the response; the HTTP status (400) and the error code (invalid_request) are not documented.");
    },
    throwSTSException(...args: unknown[]): never {
      // Documented as "only internal server error, message only in the log": the body carries no message.
      const message = javaStringArg(args[0]) ?? "null";
      ctx.logs.push({ level: "error", message: `STSException: ${message}` });
      ctx.failure = {
        method: "throwSTSException",
        message,
        status: 500,
        body: { error: "server_error" },
        inferred: "IBM's rule comment says this is only an internal server error with the message in the log; the status (500) and the body's error code (server_error) are inferred.",
      };
      throw javaException(STS_EXCEPTION, message);
    },
    throwSTSAccessDeniedMessageException(...args: unknown[]): never {
      const message = javaStringArg(args[0]) ?? "null";
      return fail("throwSTSAccessDeniedMessageException", message, 401, "access_denied", "IBM's rule comment gives 401; the error code (access_denied) is inferred.");
    },
    throwSTSCustomUserPageException(...args: unknown[]): never {
      if (args.length !== 3) throw noMethod(cls, "throwSTSCustomUserPageException", args);
      return fail("throwSTSCustomUserPageException", javaStringArg(args[0]) ?? "null", Number(toStored(args[1])), javaStringArg(args[2]) ?? "null", null);
    },
    throwSTSCustomUserMessageException(...args: unknown[]): never {
      if (args.length !== 3) throw noMethod(cls, "throwSTSCustomUserMessageException", args);
      return fail("throwSTSCustomUserMessageException", javaStringArg(args[0]) ?? "null", Number(toStored(args[1])), javaStringArg(args[2]) ?? "null", null);
    },
  });
}

/** IDMappingExtUtils.getIDMappingExtCache(): a cache that outlives the request (the flow's clock expires it). */
class IdMappingExtCache extends JavaObject {
  readonly members = IBM_ID_MAPPING_EXT_CACHE_MEMBERS;
  override readonly javaClass = "com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtCache";
  constructor(private readonly world: IbmWorld) {
    super();
  }
  private live(key: unknown): { value: unknown; expiresMs: number | null } | null {
    const k = javaStringArg(key) ?? "null";
    const entry = this.world.cache.get(k);
    if (!entry) return null;
    if (entry.expiresMs !== null && this.world.nowMs >= entry.expiresMs) {
      this.world.cache.delete(k);
      return null;
    }
    return entry;
  }
  put(key: unknown, value: unknown, lifetimeSeconds?: unknown): void {
    const seconds = lifetimeSeconds === undefined ? null : Number(toStored(lifetimeSeconds));
    this.world.cache.set(javaStringArg(key) ?? "null", { value: value instanceof HostObject ? value : javaStringArg(value), expiresMs: seconds === null ? null : this.world.nowMs + seconds * 1000 });
  }
  get(key: unknown): unknown {
    const entry = this.live(key);
    if (!entry) return null;
    return typeof entry.value === "string" ? new JavaString(entry.value) : entry.value;
  }
  getAndRemove(key: unknown): unknown {
    const value = this.get(key);
    this.world.cache.delete(javaStringArg(key) ?? "null");
    return value;
  }
  remove(key: unknown): void {
    this.world.cache.delete(javaStringArg(key) ?? "null");
  }
  exists(key: unknown): boolean {
    return this.live(key) !== null;
  }
}

function idMappingExtUtils(ctx: IbmRuleContext): JavaClass {
  const cls = `${UTILITIES}.IDMappingExtUtils`;
  const cache = new IdMappingExtCache(ctx.world);
  return new JavaClass(cls, null, {}, {
    traceString(...args: unknown[]): void {
      if (args.length !== 1) throw noMethod(cls, "traceString", args);
      ctx.logs.push({ level: "trace", message: args[0] instanceof HostObject ? String(args[0]) : String(toStored(args[0])) });
    },
    getIDMappingExtCache(): IdMappingExtCache {
      return cache;
    },
    throwSTSException(...args: unknown[]): never {
      const message = javaStringArg(args[0]) ?? "null";
      ctx.logs.push({ level: "error", message: `STSException: ${message}` });
      ctx.failure = { method: "IDMappingExtUtils.throwSTSException", message, status: 500, body: { error: "server_error" }, inferred: "The status and body IBM answers for a failed mapping rule are not documented (inferred: 500 server_error)." };
      throw javaException(STS_EXCEPTION, message);
    },
  });
}

/**
 * java.lang.reflect.Array.newInstance(cls, n): IBM's rules build the String[] a multi-valued Attribute takes
 * this way (reference §C.1). Not on AM's allow-list, so only IBM rules reach it.
 */
function reflectArray(): JavaClass {
  const cls = "java.lang.reflect.Array";
  return new JavaClass(cls, null, {}, {
    newInstance(...args: unknown[]): JavaArray {
      const n = Number(toStored(args[1]));
      if (args.length !== 2 || !(args[0] instanceof JavaClass) || !Number.isInteger(n) || n < 0) throw noMethod(cls, "newInstance", args);
      return new JavaArray(`[L${args[0].javaClass};`, new Array<unknown>(n).fill(null));
    },
    getLength(...args: unknown[]): number {
      if (!(args[0] instanceof JavaArray)) throw noMethod(cls, "getLength", args);
      return args[0].items.length;
    },
  });
}

/** The Java classes a rule reaches by name: Attribute, STSUniversalUser, the two utility classes, reflect.Array. */
export function ibmClasses(ctx: IbmRuleContext): JavaClass[] {
  return [
    reflectArray(),
    new JavaClass(ATTRIBUTE_CLASS, (args) => IbmAttribute.construct(args)),
    new JavaClass(STSUU_CLASS, () => new STSUniversalUser(null)),
    oauthMappingExtUtils(ctx),
    idMappingExtUtils(ctx),
  ];
}

/** The `oauth_client` global: the API protection client making the request. */
export class OAuthClient extends JavaObject {
  readonly members = IBM_OAUTH_CLIENT_MEMBERS;
  override readonly javaClass = "com.tivoli.am.fim.oauth20.client.OAuth20Client";
  constructor(private readonly ctx: IbmRuleContext) {
    super();
  }
  getClientId(): JavaString {
    return new JavaString(this.ctx.clientId);
  }
  getClientName(): JavaString {
    return new JavaString(this.ctx.clientName ?? this.ctx.clientId);
  }
  isConfidential(): boolean {
    return this.ctx.confidential;
  }
  /** A JSON string (reference §C.2: IBM's rules JSON.parse it). */
  getExtendedData(): JavaString {
    return new JavaString(JSON.stringify(this.ctx.extendedData));
  }
  getOtherInfo(): JavaString | null {
    return this.ctx.otherInfo === undefined ? null : new JavaString(this.ctx.otherInfo);
  }
  override toString(): string {
    return `OAuth20Client[${this.ctx.clientId}]`;
  }
}
