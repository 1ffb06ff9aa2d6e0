/**
 * Member tables of the CHF (ForgeRock Common HTTP Framework) classes a legacy script builds and is handed
 * (engine/evaluators/legacy/http.ts): org.forgerock.http.protocol.Request, Response, Headers, Entity, Status,
 * AM's JavaScriptHttpClient and the org.forgerock.util.promise.Promise it returns.
 */
import { HIDDEN, MemberTable } from "../members";

export const CHF_HEADERS_MEMBERS = new MemberTable(
  "ChfHeaders",
  {
    add: "(name: string, value: any): ChfHeaders",
    put: "(name: string, value: any): ChfHeaders",
    get: "(name: string): JavaList<JavaString> | null",
    getFirst: "(name: string): JavaString | null",
    containsKey: "(name: string): boolean",
    remove: "(name: string): void",
    asMapOfHeaders: "(): JavaMap<JavaString>",
    keySet: "(): JavaSet<JavaString>",
    toString: HIDDEN,
    "#primitive": HIDDEN,
  },
  "",
  "org.forgerock.http.protocol.Headers: header names are case-insensitive.",
);

export const CHF_ENTITY_MEMBERS = new MemberTable(
  "ChfEntity",
  {
    getString: "(): JavaString",
    getJson: { overloads: ["(): any"], doc: "Java values as Jackson builds them (a java.util.Map with property access, boxed numbers and booleans)." },
    setString: "(value: string): void",
    setJson: "(value: any): void",
    toString: HIDDEN,
    "#primitive": HIDDEN,
    isRawContentEmpty: "(): boolean",
  },
  "",
  "org.forgerock.http.protocol.Entity",
);

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
);

export const CHF_REQUEST_MEMBERS = new MemberTable(
  "ChfRequest",
  {
    setUri: "(uri: string): ChfRequest",
    getUri: { overloads: ["(): never"], doc: "Refused in AM: its org.forgerock.http.MutableUri is not on the allow-list." },
    setMethod: "(method: string): ChfRequest",
    getMethod: "(): JavaString",
    getHeaders: "(): ChfHeaders",
    setEntity: { overloads: ["(entity: any): ChfRequest"], doc: "A string is the body; an object or array is sent as its JSON." },
    getEntity: "(): ChfEntity",
    addHeaders: "(...headers: any[]): ChfRequest",
    modifyHeaders: "(fn: (headers: ChfHeaders) => void): ChfRequest",
    toString: HIDDEN,
    "#primitive": HIDDEN,
  },
  "",
  "org.forgerock.http.protocol.Request: new org.forgerock.http.protocol.Request(), then httpClient.send(request).",
);

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
);

export const LEGACY_HTTP_CLIENT_MEMBERS = new MemberTable(
  "LegacyHttpClient",
  {
    send: { overloads: ["(request: ChfRequest): ChfPromise<ChfResponse>"], doc: "Sends the request; in the playground it is answered by the scenario's http mocks." },
    toString: HIDDEN,
    "#primitive": HIDDEN,
  },
  "",
  "CHF HTTP client: build a new org.forgerock.http.protocol.Request() and send it.",
);

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
