/**
 * Member tables of the next-generation bindings (engine/evaluators/nextgen/): AM's script wrappers as the
 * docs and the binding metadata list them (reference Appendix C). Values cross as JavaScript values.
 */
import { HIDDEN, MemberTable } from "../members";

export const IDENTITY_MEMBERS = new MemberTable(
  "Identity",
  {
    getName: "(): string",
    store: { overloads: ["(): void"], doc: "Persists attribute changes; throws if the update fails." },
    exists: "(): boolean",
    setAttribute: { overloads: ["(attributeName: string, attributeValues: string[]): void"], doc: "Replaces an attribute's values; call store() to persist." },
    addAttribute: { overloads: ["(attributeName: string, attributeValue: string): void"], doc: "Adds one value; call store() to persist." },
    getUniversalId: "(): string",
    getAttributeValues: { overloads: ["(attributeName: string): string[]"], doc: "Attribute values as an array (empty when unset)." },
  },
  "",
  "The resource owner (ScriptedIdentityScriptWrapper). Changes persist only after store().",
);

const level = (name: string) => ({ [name]: "(format: string, ...args: any[]): void" });

export const LOGGER_MEMBERS = new MemberTable(
  "Logger",
  {
    ...level("trace"),
    ...level("debug"),
    ...level("info"),
    ...level("warn"),
    ...level("error"),
    getName: "(): string",
    isTraceEnabled: "(): boolean",
    isDebugEnabled: "(): boolean",
    isInfoEnabled: "(): boolean",
    isWarnEnabled: "(): boolean",
    isErrorEnabled: "(): boolean",
  },
  "",
  "SLF4J-style logger: {} placeholders take the next argument. Trace is filtered.",
);

export const HTTP_RESPONSE_MEMBERS = new MemberTable("HttpResponse", {
  json: "(): any",
  text: "(): string",
  formData: "(): { [name: string]: string[] }",
});

export const HTTP_PROMISE_MEMBERS = new MemberTable(
  "HttpPromise",
  {
    get: "(): T",
    getOrThrow: "(): T",
    then: ["<R>(onResult: (value: T) => R): HttpPromise<R>", "<R>(onResult: (value: T) => R, onError: (error: any) => R): HttpPromise<R>"],
    thenCatch: "<R>(onError: (error: any) => R): HttpPromise<T | R>",
    thenAlways: "(fn: () => void): HttpPromise<T>",
    thenOnResult: "(fn: (value: T) => void): HttpPromise<T>",
    thenOnException: "(fn: (error: any) => void): HttpPromise<T>",
    isDone: "(): boolean",
  },
  "<T>",
  "ForgeRock promise: block with get(), or chain then()/thenCatch().",
);

export const HTTP_CLIENT_MEMBERS = new MemberTable("HttpClient", {
  send: {
    overloads: ["(uri: string): HttpPromise<HttpResponse>", "(uri: string, requestOptions: RequestOptions): HttpPromise<HttpResponse>"],
    doc: "Sends a request; in the playground it is answered by the scenario's http mocks.",
  },
});

export const RESOURCE_EXCEPTION_MEMBERS = new MemberTable(
  "ResourceException",
  {
    getCode: "(): number",
    getReason: "(): string",
    getDetail: "(): any",
    isServerError: "(): boolean",
    getMessage: "(): string",
    toString: "(): string",
  },
  "",
  "An IDM failure's details, as e.javaException gives them.",
);

const fields = "fields?: string[]";
export const OPEN_IDM_MEMBERS = new MemberTable(
  "OpenIdm",
  {
    create: `(resourceName: string, newResourceId: string | null, content: object, params?: object, ${fields}): any`,
    read: `(resourceName: string, params?: object, ${fields}): any`,
    update: `(id: string, rev: string | null, value: object, params?: object, ${fields}): any`,
    patch: `(resourceName: string, rev: string | null, patch: { operation: string; field: string; value?: any }[], params?: object, ${fields}): any`,
    query: `(resourceName: string, params: { _queryFilter: string; [key: string]: any }, ${fields}): { result: any[]; resultCount: number }`,
    delete: `(resourceName: string, rev: string | null, params?: object, ${fields}): any`,
    action: `(resource: string, actionName: string, content?: object, params?: object, ${fields}): any`,
  },
  "",
  "IDM access (IdmIntegrationServiceScriptWrapper). Failures throw with e.javaException.getCode().",
);

export const SECRET_MEMBERS = new MemberTable("Secret", { getAsBytes: "(): number[]", getAsUtf8: "(): string" });

export const SECRETS_MEMBERS = new MemberTable("Secrets", {
  getGenericSecret: "(secretId: string): Secret",
  getDecryptionKey: "(secretId: string): any",
  getEncryptionKey: "(secretId: string): any",
  getSigningKey: "(secretId: string): any",
  getVerificationKey: "(secretId: string): any",
});

export const JWT_ASSERTION_MEMBERS = new MemberTable("JwtAssertion", { generateJwt: "(jwtData: object): string" });
export const JWT_VALIDATOR_MEMBERS = new MemberTable("JwtValidator", { validateJwtClaims: "(jwtData: object): any" });
export const POLICY_MEMBERS = new MemberTable("Policy", {
  evaluate: "(subject: object, application: string, resourceNames: string[], environment: object): any[]",
  evaluateTree: "(subject: object, application: string, resourceName: string, environment: object): any[]",
});

export const BASE64_MEMBERS = new MemberTable("Base64Service", {
  encode: "(toEncode: string | number[]): string",
  decode: "(toDecode: string): string",
  decodeToBytes: "(toDecode: string): number[]",
  btoa: "(toEncode: string): string",
  atob: "(toDecode: string): string",
});

export const TYPES_MEMBERS = new MemberTable("TypesService", {
  bytesToString: "(bytes: number[]): string",
  stringToBytes: "(text: string): number[]",
});

type Algorithm = string;
const alg: Algorithm = "string | { name: string; hash?: string }";
export const SUBTLE_MEMBERS = new MemberTable("SubtleService", {
  digest: "(algorithm: string, data: number[] | string): number[]",
  sign: `(algorithm: ${alg}, key: number[], data: number[] | string): number[]`,
  verify: `(algorithm: ${alg}, key: number[], data: number[] | string, signature: number[]): boolean`,
  encrypt: "(algorithm: string | { name: string }, key: number[], data: number[] | string): number[]",
  decrypt: "(algorithm: string | { name: string }, key: number[], data: number[]): number[]",
  generateKey: "(algorithm: string | { name: string; length?: number; namedCurve?: string; hash?: string }): any",
  deriveKey:
    "(algorithm: string | { name: string; hash?: string; salt?: number[] | string; iterations?: number }, baseKey: number[] | string, derivedKeyLength: number): number[]",
});

/** A generated RSA / ECDSA key pair (AIC's MapScriptWrapper): privateKey and publicKey are properties. */
export const KEY_PAIR_MEMBERS = new MemberTable("KeyPair", { toString: HIDDEN, "#primitive": HIDDEN });

export const CRYPTO_MEMBERS = new MemberTable("CryptoService", {
  randomUUID: "(): string",
  getRandomValues: { overloads: ["(array: number[]): number[]"], doc: "Fills the array with random values and returns it." },
  checkBcrypt: "(bcryptString: string, password: string): boolean",
}).withArityChecks();

/**
 * A read-only map as next-generation scripts get it: get(key) and property reads are documented; the other
 * java.util.Map methods and key enumeration work as in Rhino but are not in AM's docs (the run warns).
 */
export const SCRIPT_MAP_MEMBERS = new MemberTable(
  "ScriptMap",
  {
    get: { overloads: ["(key: string): T | null"], doc: "The value, or null when the key is absent." },
    containsKey: "(key: string): boolean",
    keySet: "(): ScriptCollection<string>",
    values: "(): ScriptCollection<T>",
    entrySet: "(): ScriptCollection<ScriptMapEntry<T>>",
    size: "(): number",
    isEmpty: "(): boolean",
    getOrDefault: "(key: string, defaultValue: T): T",
    toString: "(): string",
    put: { overloads: ["(key: string, value: T): never"], doc: "Always fails: the map is read-only." },
    remove: { overloads: ["(key: string): never"], doc: "Always fails: the map is read-only." },
  },
  "<T>",
  "A read-only map (java.util.Collections$UnmodifiableMap): get(key) and map.key both read it.",
);

export const SCRIPT_MAP_ENTRY_MEMBERS = new MemberTable("ScriptMapEntry", { getKey: "(): string", getValue: "(): T", toString: "(): string" }, "<T>");

export const SCRIPT_COLLECTION_MEMBERS = new MemberTable(
  "ScriptCollection",
  {
    size: "(): number",
    isEmpty: "(): boolean",
    contains: "(value: T): boolean",
    toArray: "(): T[]",
    iterator: "(): ScriptIterator<T>",
    forEach: "(fn: (value: T) => void): void",
    toString: "(): string",
  },
  "<T>",
);

export const SCRIPT_LIST_MEMBERS = new MemberTable(
  "ScriptList",
  {
    get: "(index: number): T",
    size: "(): number",
    isEmpty: "(): boolean",
    contains: "(value: T): boolean",
    indexOf: "(value: T): number",
    lastIndexOf: "(value: T): number",
    toArray: "(): T[]",
    iterator: "(): ScriptIterator<T>",
    toString: "(): string",
    toJSON: HIDDEN,
  },
  "<T>",
  "A java.util.List of values (requestParams' values with the scenario's request.valuesType).",
);

export const SCRIPT_ITERATOR_MEMBERS = new MemberTable("ScriptIterator", { hasNext: "(): boolean", next: "(): T" }, "<T>");

export const JAVA_URI_MEMBERS = new MemberTable(
  "JavaUri",
  {
    getScheme: "(): string",
    getHost: "(): string",
    getPort: { overloads: ["(): number"], doc: "-1 when the URI names no port." },
    getPath: "(): string",
    getRawPath: "(): string",
    getQuery: "(): string | null",
    getRawQuery: "(): string | null",
    getFragment: "(): string | null",
    getRawFragment: "(): string | null",
    getAuthority: "(): string",
    getRawAuthority: "(): string",
    getUserInfo: "(): string | null",
    isAbsolute: "(): boolean",
    toASCIIString: "(): string",
    toString: "(): string",
    equals: "(other: any): boolean",
    "#primitive": HIDDEN,
  },
  "",
  'java.net.URI, when the scenario\'s request.uriType is "java.net.URI".',
);

/** `new java.lang.Object()` behind the next-generation allow-list. */
export const JAVA_LANG_OBJECT_MEMBERS = new MemberTable("JavaLangObject", {
  toString: "(): string",
  valueOf: HIDDEN,
  hashCode: "(): number",
  equals: "(other: any): boolean",
});
