/**
 * Member tables of the CHF (ForgeRock Common HTTP Framework) classes a legacy script builds and is handed
 * (engine/evaluators/legacy/http.ts): org.forgerock.http.protocol.Request, Response, Headers, Entity, Status,
 * AM's JavaScriptHttpClient and the org.forgerock.util.promise.Promise it returns.
 */
import { HIDDEN, MemberTable } from "../members";

/** org.forgerock.http.protocol.Header: what Headers.get/put/remove give. */
export const CHF_HEADER_MEMBERS = new MemberTable(
  "ChfHeader",
  {
    getName: "(): JavaString",
    getValues: "(): JavaList<JavaString>",
    getFirstValue: "(): JavaString | null",
    toString: HIDDEN,
    "#primitive": HIDDEN,
  },
  "",
  "org.forgerock.http.protocol.Header: a header's name and values.",
).withArityChecks();

/** Values a header takes, as CHF's "script compatible" add/put accept them. */
const VALUE = "string | string[] | JavaCollection<string> | ChfHeader";

export const CHF_HEADERS_MEMBERS = new MemberTable(
  "ChfHeaders",
  {
    add: { overloads: [`(name: string, value: ${VALUE}): void`, "(header: ChfHeader): void"], doc: "Adds values to the header (returns nothing: calls do not chain)." },
    put: { overloads: [`(name: string, value: ${VALUE} | null): ChfHeader | null`, "(header: ChfHeader): ChfHeader | null"], doc: "Replaces the header; gives the previous one, or null." },
    get: { overloads: ["(name: string): ChfHeader | null"], doc: "The Header (getValues(), getFirstValue()), or null; names are case-insensitive." },
    getFirst: "(name: string): JavaString | null",
    containsKey: "(name: string): boolean",
    remove: "(name: string): ChfHeader | null",
    size: "(): number",
    isEmpty: "(): boolean",
    clear: "(): void",
    putAll: "(headers: JavaMap<any> | { [name: string]: any }): void",
    addAll: "(headers: JavaMap<any> | { [name: string]: any }): void",
    keySet: { overloads: ["(): never"], doc: 'Refused in AM: its java.util.TreeMap$KeySet is not on the allow-list.' },
    asMapOfHeaders: "(): JavaMap<ChfHeader>",
    copyAsMapOfList: "(): JavaMap<JavaList<JavaString>>",
    toString: HIDDEN,
    "#primitive": HIDDEN,
  },
  "",
  "org.forgerock.http.protocol.Headers: a case-insensitive multiple-value map; also headers[name].",
).withArityChecks();

export const CHF_ENTITY_MEMBERS = new MemberTable(
  "ChfEntity",
  {
    getString: "(): JavaString",
    getJson: { overloads: ["(): any"], doc: "Java values as Jackson builds them (a java.util.Map with property access, boxed numbers and booleans)." },
    setString: { overloads: ["(value: string): void"], doc: "Sets the body and its Content-Length." },
    setJson: { overloads: ["(value: any): void"], doc: "Sets the body to the value's JSON, Content-Type to application/json; charset=UTF-8, and Content-Length." },
    toString: HIDDEN,
    "#primitive": HIDDEN,
    isRawContentEmpty: "(): boolean",
  },
  "",
  "org.forgerock.http.protocol.Entity",
).withArityChecks();

/** org.forgerock.http.protocol.Form: `new org.forgerock.http.protocol.Form()`, then toRequestEntity(request). */
export const CHF_FORM_MEMBERS = new MemberTable(
  "ChfForm",
  {
    add: "(name: string, value: string): void",
    putSingle: "(name: string, value: string): JavaList<JavaString> | null",
    get: "(name: string): JavaList<JavaString> | null",
    getFirst: "(name: string): JavaString | null",
    containsKey: "(name: string): boolean",
    remove: "(name: string): JavaList<JavaString> | null",
    size: "(): number",
    isEmpty: "(): boolean",
    fromFormString: "(form: string): ChfForm",
    toFormString: { overloads: ["(): JavaString"], doc: "URL-encoded as java.net.URLEncoder does (space as +)." },
    toRequestEntity: { overloads: ["(request: ChfRequest): void"], doc: "Makes the request a POST of the URL-encoded form, with its Content-Type and Content-Length." },
    toString: HIDDEN,
    "#primitive": HIDDEN,
  },
  "",
  "org.forgerock.http.protocol.Form: form fields, a case-sensitive multi-valued map.",
).withArityChecks();

export const CHF_STATUS_MEMBERS = new MemberTable(
  "ChfStatus",
  {
    getCode: "(): number",
    getReasonPhrase: "(): JavaString",
    isSuccessful: "(): boolean",
    isClientError: "(): boolean",
    isServerError: "(): boolean",
    toString: HIDDEN,
    "#primitive": HIDDEN,
    equals: "(other: any): boolean",
    valueOf: { overloads: ["(code: number): ChfStatus"], doc: "CHF's static Status.valueOf(int), reached through an instance as Rhino allows." },
  },
  "",
  "org.forgerock.http.protocol.Status",
).withArityChecks();

export const CHF_REQUEST_MEMBERS = new MemberTable(
  "ChfRequest",
  {
    setUri: "(uri: string): ChfRequest",
    getUri: { overloads: ["(): never"], doc: "Refused in AM: its org.forgerock.http.MutableUri is not on the allow-list." },
    setMethod: "(method: string): ChfRequest",
    getMethod: "(): JavaString",
    getHeaders: "(): ChfHeaders",
    setEntity: { overloads: ["(entity: any): ChfRequest"], doc: "A string is the body (setString); anything else is sent as its JSON (setJson, which sets Content-Type)." },
    getEntity: "(): ChfEntity",
    addHeaders: "(...headers: any[]): ChfRequest",
    modifyHeaders: "(fn: (headers: ChfHeaders) => void): ChfRequest",
    toString: HIDDEN,
    "#primitive": HIDDEN,
  },
  "",
  "org.forgerock.http.protocol.Request: new org.forgerock.http.protocol.Request(), then httpClient.send(request).",
).withArityChecks();

export const CHF_RESPONSE_MEMBERS = new MemberTable(
  "ChfResponse",
  {
    getStatus: "(): ChfStatus",
    getEntity: "(): ChfEntity",
    getHeaders: "(): ChfHeaders",
    setStatus: "(status: ChfStatus): ChfResponse",
    setEntity: "(entity: any): ChfResponse",
    toString: HIDDEN,
    "#primitive": HIDDEN,
  },
  "",
  "org.forgerock.http.protocol.Response",
).withArityChecks();

export const LEGACY_HTTP_CLIENT_MEMBERS = new MemberTable(
  "LegacyHttpClient",
  {
    send: { overloads: ["(request: ChfRequest): ChfPromise<ChfResponse>"], doc: "Sends the request; in the playground it is answered by the scenario's http mocks." },
    toString: HIDDEN,
    "#primitive": HIDDEN,
  },
  "",
  "CHF HTTP client: build a new org.forgerock.http.protocol.Request() and send it.",
).withArityChecks();

export const CHF_PROMISE_MEMBERS = new MemberTable(
  "ChfPromise",
  {
    get: { overloads: ["(): T"], doc: "Blocks until the response arrives." },
    getOrThrow: "(): T",
    then: ["<R>(onResult: (value: T) => R): ChfPromise<R>", "<R>(onResult: (value: T) => R, onError: (error: any) => R): ChfPromise<R>"],
    thenCatch: "<R>(onError: (error: any) => R): ChfPromise<T | R>",
    thenAlways: "(fn: () => void): ChfPromise<T>",
    thenOnResult: "(fn: (value: T) => void): ChfPromise<T>",
    thenOnException: "(fn: (error: any) => void): ChfPromise<T>",
    isDone: "(): boolean",
    toString: HIDDEN,
    "#primitive": HIDDEN,
  },
  "<T>",
  "org.forgerock.util.promise.Promise: block with get(), or chain then()/thenCatch().",
);
