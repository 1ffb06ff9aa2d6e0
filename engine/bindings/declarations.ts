/**
 * TypeScript declarations of the bindings each evaluator hands a script: the editor's IntelliSense and
 * hover docs come from here, and a test checks every declared method against the sandbox's host objects
 * (and back), so the two cannot drift apart.
 */
import type { Evaluator } from "../scenario/schema";

const ACCESS_TOKEN_COMMON = `
  /** Expiry time in epoch milliseconds. */
  getExpiryTime(): number;
  /** Sets a new expiry time in epoch milliseconds; expires_in and exp follow it. */
  setExpiryTime(expiryTime: number): void;
  /** Authentication time in epoch seconds. */
  getAuthTimeSeconds(): number;
  setAuthTime(authTime: number): void;
  removeAuthTime(): void;
  getAuthLevel(): number;
  setAuthLevel(authLevel: number): void;
  removeAuthLevel(): void;
  /** true when the token has expired at issue time. */
  isExpired(): boolean;
  /** The token's id (server-side: the opaque token value). Client-side ids cannot be changed. */
  getTokenId(): string;
  setId(tokenId: string): void;
  getAuditTrackingId(): string;
  setAuditTrackingId(auditTrackingId: string): void;
  removeAuditTrackingId(): void;
  getAuthGrantId(): string;
  setAuthGrantId(authGrantId: string): void;
  removeAuthGrantId(): void;
  getClaims(): string;
  setClaims(claims: string): void;
  removeClaims(): void;
  getClientId(): string;
  setClientId(clientId: string): void;
  removeClientId(): void;
  getGrantType(): string;
  setGrantType(grantType: string): void;
  removeGrantType(): void;
  getNonce(): string;
  setNonce(nonce: string): void;
  removeNonce(): void;
  getRealm(): string;
  setRealm(realm: string): void;
  removeRealm(): void;
  /** The resource owner id (user, or client for client_credentials). */
  getResourceOwnerId(): string;
  setResourceOwnerId(resourceOwnerId: string): void;
  removeResourceOwnerId(): void;
  /** Not accessible to scripts in AM: access to ResourceOwner is prohibited. */
  getResourceOwner(): never;
  getTokenName(): string;
  setTokenName(tokenName: string): void;
  removeTokenName(): void;
  getTokenType(): string;
  setTokenType(tokenType: string): void;
  removeTokenType(): void;
  removeScopes(): void;
  removePermissions(): void;
  removeConfirmationKey(): void;
  /** Removing or changing native fields may make AM reject its own token. */
  toMap(): any;
  getTokenInfo(): any;
  getCustomFields(): any;`;

const NEXT_GEN = `
/** The access token being issued (AccessTokenScriptWrapper). Changes are stored in the token. */
interface AccessToken {
  /** Reads a custom field set with setField, or null. */
  getField(key: string): any;
  /** Sets a custom field: a top-level claim (client-side) or CTS field (server-side); shown by introspection. */
  setField(field: string, value: any): void;
  /** Sets several custom fields from an object. */
  setFields(fields: { [key: string]: any }): void;
  /** Requested scopes, as an array. */
  getScope(): string[];
  setScope(scopes: string[]): void;
  getAudience(): string[];
  getPermissions(): any;
  setPermissions(permissions: any): void;
  getAct(): any;
  setAct(value: any): void;
  getMayAct(): any;
  setMayAct(value: any): void;
  getConfirmationKey(): any;
  setConfirmationKey(confirmationKey: any): void;
  /** Adds a string next to access_token in the /oauth2/access_token response (not stored in the token). */
  addExtraData(key: string, value: string): void;
  /** Adds JSON (object, array, string) next to access_token in the /oauth2/access_token response. */
  addExtraJsonData(key: string, value: any): void;${ACCESS_TOKEN_COMMON}
}

/** The resource owner (ScriptedIdentityScriptWrapper). Changes persist only after store(). */
interface Identity {
  getName(): string;
  getUniversalId(): string;
  exists(): boolean;
  /** Attribute values as an array (empty when unset). */
  getAttributeValues(attributeName: string): string[];
  /** Replaces an attribute's values; call store() to persist. */
  setAttribute(attributeName: string, attributeValues: string[]): void;
  /** Adds one value; call store() to persist. */
  addAttribute(attributeName: string, attributeValue: string): void;
  /** Persists attribute changes; throws if the update fails. */
  store(): void;
}

/** SLF4J-style logger: {} placeholders take the next argument. Trace is filtered. */
interface Logger {
  getName(): string;
  trace(format: string, ...args: any[]): void;
  debug(format: string, ...args: any[]): void;
  info(format: string, ...args: any[]): void;
  warn(format: string, ...args: any[]): void;
  error(format: string, ...args: any[]): void;
  isTraceEnabled(): boolean;
  isDebugEnabled(): boolean;
  isInfoEnabled(): boolean;
  isWarnEnabled(): boolean;
  isErrorEnabled(): boolean;
}

interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: { [name: string]: string[] };
  json(): any;
  text(): string;
  formData(): { [name: string]: string[] };
}

/** ForgeRock promise: block with get(), or chain then()/thenCatch(). */
interface HttpPromise<T> {
  get(): T;
  getOrThrow(): T;
  then<R>(onResult: (value: T) => R, onError?: (error: any) => R): HttpPromise<R>;
  thenCatch<R>(onError: (error: any) => R): HttpPromise<T | R>;
  thenAlways(fn: () => void): HttpPromise<T>;
  thenOnResult(fn: (value: T) => void): HttpPromise<T>;
  thenOnException(fn: (error: any) => void): HttpPromise<T>;
  isDone(): boolean;
}

interface RequestOptions {
  method?: string;
  headers?: { [name: string]: string | string[] };
  /** Request body (not for GET/HEAD/TRACE). */
  body?: string | object;
  /** Form fields, URL-encoded for you. */
  form?: { [name: string]: string };
  /** Sent as "Authorization: Bearer <token>". AM ignores an Authorization header set directly. */
  token?: string;
  clientName?: string;
}

interface HttpClient {
  /** Sends a request; in the playground it is answered by the scenario's http mocks. */
  send(uri: string, requestOptions?: RequestOptions): HttpPromise<HttpResponse>;
}

/** IDM access (IdmIntegrationServiceScriptWrapper). Failures throw with e.javaException.getCode(). */
interface OpenIdm {
  create(resourceName: string, newResourceId: string | null, content: object, params?: object, fields?: string[]): any;
  read(resourceName: string, params?: object, fields?: string[]): any;
  update(id: string, rev: string | null, value: object, params?: object, fields?: string[]): any;
  patch(resourceName: string, rev: string | null, patch: { operation: string; field: string; value?: any }[], params?: object, fields?: string[]): any;
  query(resourceName: string, params: { _queryFilter: string; [key: string]: any }, fields?: string[]): { result: any[]; resultCount: number };
  delete(resourceName: string, rev: string | null, params?: object, fields?: string[]): any;
  action(resource: string, actionName: string, content?: object, params?: object, fields?: string[]): any;
}

interface Base64Service {
  encode(toEncode: string | number[]): string;
  decode(toDecode: string): string;
  decodeToBytes(toDecode: string): number[];
  btoa(toEncode: string): string;
  atob(toDecode: string): string;
}

interface SubtleService {
  digest(algorithm: string, data: number[] | string): number[];
  sign(algorithm: string | { name: string; hash?: string }, key: number[], data: number[] | string): number[];
  verify(algorithm: string | { name: string; hash?: string }, key: number[], data: number[] | string, signature: number[]): boolean;
  encrypt(algorithm: string | { name: string }, key: number[], data: number[] | string): number[];
  decrypt(algorithm: string | { name: string }, key: number[], data: number[]): number[];
  generateKey(algorithm: string | { name: string; length?: number; namedCurve?: string; hash?: string }): any;
  deriveKey(algorithm: string | { name: string; hash?: string; salt?: number[] | string; iterations?: number }, baseKey: number[] | string, derivedKeyLength: number): number[];
}

interface Utils {
  crypto: {
    randomUUID(): string;
    /** Fills the array with random values and returns it. */
    getRandomValues(array: number[]): number[];
    checkBcrypt(bcryptString: string, password: string): boolean;
    subtle: SubtleService;
  };
  base64: Base64Service;
  base64url: Base64Service;
  types: { bytesToString(bytes: number[]): string; stringToBytes(text: string): number[] };
}

interface Secret {
  getAsBytes(): number[];
  getAsUtf8(): string;
}

interface Secrets {
  getGenericSecret(secretId: string): Secret;
  getDecryptionKey(secretId: string): any;
  getEncryptionKey(secretId: string): any;
  getSigningKey(secretId: string): any;
  getVerificationKey(secretId: string): any;
}

interface SystemEnv {
  /** An ESV-style property (e.g. "esv.my.variable"), or the default, or null. */
  getProperty(name: string, defaultValue?: any, returnType?: any): any;
}

/**
 * A read-only map as next-generation scripts get it: get(key) and property reads are documented; the other
 * java.util.Map methods and key enumeration work as in Rhino but are not in AM's docs (the run warns).
 */
interface ScriptMap<T> {
  /** The value, or null when the key is absent. */
  get(key: string): T | null;
  containsKey(key: string): boolean;
  getOrDefault(key: string, defaultValue: T): T;
  size(): number;
  isEmpty(): boolean;
  keySet(): ScriptCollection<string>;
  values(): ScriptCollection<T>;
  entrySet(): ScriptCollection<{ getKey(): string; getValue(): T }>;
  /** Always fails: the map is read-only. */
  put(key: string, value: T): never;
  /** Always fails: the map is read-only. */
  remove(key: string): never;
}

interface ScriptCollection<T> {
  size(): number;
  isEmpty(): boolean;
  contains(value: T): boolean;
  toArray(): T[];
  iterator(): { hasNext(): boolean; next(): T };
  forEach(fn: (value: T) => void): void;
}

type ClientProperties = ScriptMap<any> & {
  clientId: string;
  allowedGrantTypes: string[];
  allowedResponseTypes: string[];
  allowedScopes: string[];
  /** The client's custom properties; customMap[key1]=v entries are nested maps. */
  customProperties: ScriptMap<any> & { [key: string]: any };
  redirectUris: string[];
};

/** java.net.URI, when the scenario's request.uriType is "java.net.URI". */
interface JavaUri {
  getScheme(): string;
  getHost(): string;
  /** -1 when the URI names no port. */
  getPort(): number;
  getPath(): string;
  getRawPath(): string;
  getQuery(): string | null;
  getRawQuery(): string | null;
  getFragment(): string | null;
  getRawFragment(): string | null;
  getAuthority(): string;
  getRawAuthority(): string;
  getUserInfo(): string | null;
  isAbsolute(): boolean;
  toASCIIString(): string;
  equals(other: any): boolean;
}

type RequestProperties = ScriptMap<any> & {
  /** "The URI as a string" (AM's docs); a java.net.URI when the scenario's request.uriType says so. */
  requestUri: string | JavaUri;
  realm: string;
  /** Request parameters and posted data; each value is an array of values (a java.util.List with the scenario's request.valuesType). */
  requestParams: ScriptMap<string[]> & { [name: string]: string[] };
  /** Header name (case-sensitive) to its values. */
  requestHeaders: ScriptMap<string[]> & { [name: string]: string[] };
};

declare const accessToken: AccessToken;
declare const identity: Identity;
/** Requested scopes. */
declare const scopes: string[];
/** The client's properties; null when AM could not identify the client. */
declare const clientProperties: ClientProperties | null;
declare const requestProperties: RequestProperties;
declare const logger: Logger;
declare const httpClient: HttpClient;
declare const openidm: OpenIdm;
declare const utils: Utils;
declare const secrets: Secrets;
declare const systemEnv: SystemEnv;
declare const realm: string;
declare const scriptName: string;
declare const cookieName: string;
declare const jwtAssertion: { generateJwt(jwtData: object): string };
declare const jwtValidator: { validateJwtClaims(jwtData: object): any };
/** Loads a library script (the scenario's "libraries") and returns its exports. Context bindings such as accessToken are not visible inside it. */
declare function require(name: string): any;
declare const policy: { evaluate(subject: object, application: string, resourceNames: string[], environment: object): any[]; evaluateTree(subject: object, application: string, resourceName: string, environment: object): any[] };
/** Java packages, behind AM's next-generation allow-list: only java.lang.Object (and CHF promises) are reachable. */
declare const Packages: any;
declare const java: any;
declare const javax: any;
declare const org: any;
declare const com: any;
/** Rhino's JavaImporter: \`with (new JavaImporter(java.lang)) { … }\`; classes outside the next-generation allow-list stay unreachable. */
declare function JavaImporter(...classesOrPackages: any[]): any;
`;

const LEGACY = `
/** java.lang.String: typeof is "object", === a JS string is false; .length is a method. Use String(x) for a JS string. */
interface JavaString {
  length(): number;
  charAt(index: number): string;
  substring(begin: number, end?: number): JavaString;
  indexOf(s: string, from?: number): number;
  lastIndexOf(s: string): number;
  toUpperCase(): JavaString;
  toLowerCase(): JavaString;
  trim(): JavaString;
  equals(other: any): boolean;
  equalsIgnoreCase(other: any): boolean;
  startsWith(s: string): boolean;
  endsWith(s: string): boolean;
  contains(s: string): boolean;
  replace(target: string, replacement: string): JavaString;
  replaceAll(regex: string, replacement: string): JavaString;
  split(regex: string): JavaString[];
  isEmpty(): boolean;
  matches(regex: string): boolean;
  concat(s: string): JavaString;
  toString(): string;
}

/** java.util.Set / java.util.List. toArray() gives a Java array. */
interface JavaCollection<T> {
  size(): number;
  isEmpty(): boolean;
  contains(o: any): boolean;
  iterator(): { hasNext(): boolean; next(): T };
  toArray(): T[];
  add(e: T): boolean;
  remove(o: any): boolean;
  clear(): void;
  get(index: number): T;
  toString(): string;
}

/** java.util.Map; also answers map[key]. */
interface JavaMap<V> {
  get(key: string): V;
  put(key: string, value: V): V;
  containsKey(key: string): boolean;
  keySet(): JavaCollection<JavaString>;
  values(): JavaCollection<V>;
  size(): number;
  isEmpty(): boolean;
  [key: string]: any;
}

/** org.forgerock.oauth2.core.AccessToken (legacy). JS numbers become Java doubles (42 reads back as 42.0). */
interface AccessToken {
  getField(key: string): any;
  setField(field: string, value: any): void;
  setFields(fields: JavaMap<any> | { [key: string]: any }): void;
  /** Requested scopes as a java.util.Set. */
  getScope(): JavaCollection<JavaString>;
  /** Needs a java.util.Set: a JS array fails with "Cannot convert org.mozilla.javascript.NativeArray to java.util.Set". */
  setScope(scopes: JavaCollection<string>): void;
  getAudience(): JavaCollection<JavaString>;
  /** Takes a JsonValue (a JS object fails with "Can't find method"). */
  setPermissions(permissions: any): void;
  getPermissions(): any;
  setAct(value: any): void;
  getAct(): any;
  setMayAct(value: any): void;
  getMayAct(): any;
  setConfirmationKey(confirmationKey: any): void;
  getConfirmationKey(): any;
  /** Adds a string next to access_token in the /oauth2/access_token response; value may be a supplier function. */
  addExtraData(key: string, value: string | (() => string)): void;
  /** Always fails in AM: java.lang.Class is on the deny-list ("Access to Java class "java.lang.Class" is prohibited."). */
  getClass(): never;
  /** Adds JSON next to access_token in the /oauth2/access_token response; value may be a supplier function. */
  addExtraJsonData(key: string, value: any): void;${ACCESS_TOKEN_COMMON}
}

/** com.sun.identity.idm.AMIdentity. */
interface AMIdentity {
  getName(): JavaString;
  getType(): any;
  getRealm(): JavaString;
  isActive(): boolean;
  isExists(): boolean;
  getUniversalId(): JavaString;
  /** Attribute values as a java.util.Set<String> (empty when unset). */
  getAttribute(attributeName: string): JavaCollection<JavaString>;
  /**
   * No argument: every attribute, in an AMHashMap (names case-insensitive, values java.util.Set<String>); a Set
   * of names: those of them the identity has, in a CaseInsensitiveHashMap.
   */
  getAttributes(attributeNames?: JavaCollection<string>): JavaMap<JavaCollection<JavaString>>;
  setAttributes(attributes: JavaMap<any>): void;
  removeAttributes(attributeNames: JavaCollection<string>): void;
  store(): void;
  /** Groups (IdType.GROUP) the identity belongs to. */
  getMemberships(type: any): JavaCollection<AMIdentity>;
  /** Identities of that type this one holds (none for a user). */
  getMembers(type: any): JavaCollection<AMIdentity>;
  isMember(identity: AMIdentity): boolean;
  /** The same universal id, ignoring case. */
  equals(other: any): boolean;
  hashCode(): number;
  /** The AMSDK DN: null in AM 7's identity stores. */
  getDN(): null;
}

/** com.iplanet.sso.SSOToken: the user's session. */
interface SSOToken {
  getProperty(name: string, ignoreState?: boolean): JavaString | null;
  setProperty(name: string, value: string): void;
  /** Refused in AM: its com.iplanet.sso.providers.dpro.SSOPrincipal is not on the allow-list. */
  getPrincipal(): never;
  getAuthType(): JavaString;
  getAuthLevel(): number;
  /** Refused in AM: its java.net.InetAddress is not on the allow-list. */
  getIPAddress(): never;
  getHostName(): JavaString;
  getTimeLeft(): number;
  getMaxSessionTime(): number;
  getIdleTime(): number;
  getMaxIdleTime(): number;
  getTokenID(): JavaString;
  isTokenRestricted(): boolean;
}

/** com.sun.identity.shared.debug.Debug: {} placeholders take the next argument. */
interface Debug {
  message(format: string, ...args: any[]): void;
  warning(format: string, ...args: any[]): void;
  error(format: string, ...args: any[]): void;
  messageEnabled(): boolean;
  warningEnabled(): boolean;
  errorEnabled(): boolean;
  getName(): string;
}

/** org.forgerock.http.protocol.Response */
interface ChfResponse {
  getStatus(): { getCode(): number; getReasonPhrase(): JavaString; isSuccessful(): boolean };
  /** getJson(): Java values as Jackson builds them (a java.util.Map with property access, boxed numbers and booleans). */
  getEntity(): { getString(): JavaString; getJson(): any };
  getHeaders(): any;
}

interface ChfPromise<T> {
  get(): T;
  getOrThrow(): T;
  then<R>(onResult: (value: T) => R): ChfPromise<R>;
  thenCatch<R>(onError: (error: any) => R): ChfPromise<T | R>;
}

/** CHF HTTP client: build a new org.forgerock.http.protocol.Request() and send it. */
interface LegacyHttpClient {
  send(request: any): ChfPromise<ChfResponse>;
}

interface SystemEnv {
  getProperty(name: string, defaultValue?: any, returnType?: any): any;
}

declare const accessToken: AccessToken;
declare const identity: AMIdentity;
/** Requested scopes as a java.util.Set<String>. */
declare const scopes: JavaCollection<JavaString>;
/** Unmodifiable map: clientId, allowedGrantTypes, allowedResponseTypes, allowedScopes, customProperties, redirectUris. Null if the client is unknown. */
declare const clientProperties: JavaMap<any> | null;
/** Unmodifiable map: requestUri, realm, requestParams, requestHeaders. */
declare const requestProperties: JavaMap<any>;
/** The user's session, or null without a session cookie (and always for password/client_credentials grants). */
declare const session: SSOToken | null;
declare const logger: Debug;
declare const httpClient: LegacyHttpClient;
declare const systemEnv: SystemEnv;
declare const realm: string;
declare const scriptName: string;
declare const Packages: any;
declare const java: any;
declare const javax: any;
declare const org: any;
declare const com: any;
declare function JavaImporter(...classes: any[]): any;
/** Rhino: makes a Java package's classes answer to their simple names (names already defined win). */
declare function importPackage(...packages: any[]): void;
/** Rhino: makes a Java class answer to its simple name; fails if that name is already defined. */
declare function importClass(...classes: any[]): void;
`;

export const BINDING_DECLARATIONS: Record<Evaluator, string> = { legacy: LEGACY, "next-gen": NEXT_GEN };

/** The names each evaluator binds as globals (for docs, completion lists and tests). */
export function declaredGlobals(evaluator: Evaluator): string[] {
  const text = BINDING_DECLARATIONS[evaluator];
  return [...text.matchAll(/declare (?:const|function) (\w+)/g)].map((m) => m[1]);
}

/** Method names declared on an interface (for the drift test against the host objects). */
export function declaredMethods(evaluator: Evaluator, interfaceName: string): string[] {
  const text = BINDING_DECLARATIONS[evaluator];
  const found = new RegExp(`interface ${interfaceName}(?:<[^>]*>)? \\{`).exec(text);
  if (!found) return [];
  const start = found.index;
  const end = text.indexOf("\n}", start);
  return [...new Set([...text.slice(start, end).matchAll(/^\s+(\w+)(?:<[^>]*>)?\(/gm)].map((m) => m[1]))];
}
