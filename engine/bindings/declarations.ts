/**
 * TypeScript declarations of the bindings each evaluator hands a script: the editor's IntelliSense and
 * hover docs. Every interface of a host class is rendered from that class's member table (tables/), so
 * what the editor offers is what the sandbox dispatches; this file adds only what no table describes:
 * plain option objects, property bags, and the globals themselves. test/unit/declarations.test.ts
 * typechecks the result with the TypeScript compiler and checks every table against its class.
 */
import type { Evaluator } from "../scenario/schema";
import { ACCESS_TOKEN_LEGACY_MEMBERS, ACCESS_TOKEN_NEXT_GEN_MEMBERS } from "./tables/access-token";
import { AM_IDENTITY_MEMBERS, DEBUG_MEMBERS, SSO_TOKEN_ID_MEMBERS, SSO_TOKEN_MEMBERS } from "./tables/am-legacy";
import {
  CHF_ENTITY_MEMBERS,
  CHF_FORM_MEMBERS,
  CHF_HEADER_MEMBERS,
  CHF_HEADERS_MEMBERS,
  CHF_PROMISE_MEMBERS,
  CHF_REQUEST_MEMBERS,
  CHF_RESPONSE_MEMBERS,
  CHF_STATUS_MEMBERS,
  LEGACY_HTTP_CLIENT_MEMBERS,
} from "./tables/chf";
import { SYSTEM_ENV_MEMBERS } from "./tables/common";
import {
  JAVA_ARRAY_MEMBERS,
  JAVA_BOOLEAN_MEMBERS,
  JAVA_ITERATOR_MEMBERS,
  JAVA_LIST_MEMBERS,
  JAVA_MAP_ENTRY_MEMBERS,
  JAVA_MAP_MEMBERS,
  JAVA_NUMBER_MEMBERS,
  JAVA_SET_MEMBERS,
  JAVA_STRING_MEMBERS,
} from "./tables/java";
import {
  BASE64_MEMBERS,
  CRYPTO_MEMBERS,
  HTTP_CLIENT_MEMBERS,
  HTTP_PROMISE_MEMBERS,
  HTTP_RESPONSE_MEMBERS,
  IDENTITY_MEMBERS,
  JAVA_URI_MEMBERS,
  JWT_ASSERTION_MEMBERS,
  JWT_VALIDATOR_MEMBERS,
  LOGGER_MEMBERS,
  OPEN_IDM_MEMBERS,
  POLICY_MEMBERS,
  RESOURCE_EXCEPTION_MEMBERS,
  SCRIPT_COLLECTION_MEMBERS,
  SCRIPT_ITERATOR_MEMBERS,
  SCRIPT_LIST_MEMBERS,
  SCRIPT_MAP_ENTRY_MEMBERS,
  SCRIPT_MAP_MEMBERS,
  SECRET_MEMBERS,
  SECRETS_MEMBERS,
  SUBTLE_MEMBERS,
  TYPES_MEMBERS,
} from "./tables/nextgen";

/** A global a script sees: `declare const name: type` (or a function), with its hover doc. */
interface GlobalDeclaration {
  readonly name: string;
  /** The type of a const, or the `(params): result` of a function. */
  readonly type: string;
  readonly kind?: "const" | "function";
  readonly doc?: string;
}

const JAVA_PACKAGES: readonly GlobalDeclaration[] = ["Packages", "java", "javax", "org", "com"].map((name) => ({ name, type: "any" }));

const NEXT_GEN_TYPES = `
${ACCESS_TOKEN_NEXT_GEN_MEMBERS.declaration()}

${IDENTITY_MEMBERS.declaration()}

${LOGGER_MEMBERS.declaration()}

${HTTP_RESPONSE_MEMBERS.declaration(["readonly status: number;", "readonly statusText: string;", "readonly ok: boolean;", "readonly headers: { [name: string]: string[] };"])}

${HTTP_PROMISE_MEMBERS.declaration()}

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

${HTTP_CLIENT_MEMBERS.declaration()}

${OPEN_IDM_MEMBERS.declaration()}

${RESOURCE_EXCEPTION_MEMBERS.declaration()}

${BASE64_MEMBERS.declaration()}

${SUBTLE_MEMBERS.declaration()}

${CRYPTO_MEMBERS.declaration(["subtle: SubtleService;"])}

${TYPES_MEMBERS.declaration()}

interface Utils {
  crypto: CryptoService;
  base64: Base64Service;
  base64url: Base64Service;
  types: TypesService;
}

${SECRET_MEMBERS.declaration()}

${SECRETS_MEMBERS.declaration()}

${SYSTEM_ENV_MEMBERS.declaration()}

${JWT_ASSERTION_MEMBERS.declaration()}

${JWT_VALIDATOR_MEMBERS.declaration()}

${POLICY_MEMBERS.declaration()}

${SCRIPT_MAP_MEMBERS.declaration()}

${SCRIPT_MAP_ENTRY_MEMBERS.declaration()}

${SCRIPT_COLLECTION_MEMBERS.declaration()}

${SCRIPT_LIST_MEMBERS.declaration()}

${SCRIPT_ITERATOR_MEMBERS.declaration()}

type ClientProperties = ScriptMap<any> & {
  clientId: string;
  allowedGrantTypes: string[];
  allowedResponseTypes: string[];
  allowedScopes: string[];
  /** The client's custom properties; customMap[key1]=v entries are nested maps. */
  customProperties: ScriptMap<any> & { [key: string]: any };
  redirectUris: string[];
};

${JAVA_URI_MEMBERS.declaration()}

type RequestProperties = ScriptMap<any> & {
  /** "The URI as a string" (AM's docs); a java.net.URI when the scenario's request.uriType says so. */
  requestUri: string | JavaUri;
  realm: string;
  /** Request parameters and posted data; each value is an array of values (a java.util.List with the scenario's request.valuesType). */
  requestParams: ScriptMap<string[]> & { [name: string]: string[] };
  /** Header name (case-sensitive) to its values. */
  requestHeaders: ScriptMap<string[]> & { [name: string]: string[] };
};
`;

const NEXT_GEN_GLOBALS: readonly GlobalDeclaration[] = [
  { name: "accessToken", type: "AccessToken" },
  { name: "identity", type: "Identity" },
  { name: "scopes", type: "string[]", doc: "Requested scopes." },
  { name: "clientProperties", type: "ClientProperties | null", doc: "The client's properties; null when AM could not identify the client." },
  { name: "requestProperties", type: "RequestProperties" },
  { name: "logger", type: "Logger" },
  { name: "httpClient", type: "HttpClient" },
  { name: "openidm", type: "OpenIdm" },
  { name: "utils", type: "Utils" },
  { name: "secrets", type: "Secrets" },
  { name: "systemEnv", type: "SystemEnv" },
  { name: "realm", type: "string" },
  { name: "scriptName", type: "string" },
  { name: "cookieName", type: "string" },
  { name: "jwtAssertion", type: "JwtAssertion" },
  { name: "jwtValidator", type: "JwtValidator" },
  {
    name: "require",
    kind: "function",
    type: "(name: string): any",
    doc: 'Loads a library script (the scenario\'s "libraries") and returns its exports. Context bindings such as accessToken are not visible inside it.',
  },
  { name: "policy", type: "Policy" },
  ...JAVA_PACKAGES.map((g, i) =>
    i === 0 ? { ...g, doc: "Java packages, behind AM's next-generation allow-list: only java.lang.Object (and CHF promises) are reachable." } : g,
  ),
  {
    name: "JavaImporter",
    kind: "function",
    type: "(...classesOrPackages: any[]): any",
    doc: "Rhino's JavaImporter: `with (new JavaImporter(java.lang)) { … }`; classes outside the next-generation allow-list stay unreachable.",
  },
];

const LEGACY_TYPES = `
${JAVA_STRING_MEMBERS.declaration()}

${JAVA_BOOLEAN_MEMBERS.declaration()}

${JAVA_NUMBER_MEMBERS.declaration()}

${JAVA_LIST_MEMBERS.declaration(["[index: number]: T;", "readonly length: number;"])}

${JAVA_SET_MEMBERS.declaration()}

/** A java.util.List or Set. toArray() gives a Java array. */
type JavaCollection<T> = JavaList<T> | JavaSet<T>;

${JAVA_ITERATOR_MEMBERS.declaration()}

${JAVA_ARRAY_MEMBERS.declaration(["[index: number]: any;", "readonly length: number;"])}

${JAVA_MAP_MEMBERS.declaration(["[key: string]: any;"])}

${JAVA_MAP_ENTRY_MEMBERS.declaration()}

${ACCESS_TOKEN_LEGACY_MEMBERS.declaration()}

${AM_IDENTITY_MEMBERS.declaration()}

${SSO_TOKEN_MEMBERS.declaration()}

${SSO_TOKEN_ID_MEMBERS.declaration()}

${DEBUG_MEMBERS.declaration()}

${CHF_HEADER_MEMBERS.declaration()}

${CHF_HEADERS_MEMBERS.declaration(["[name: string]: any;"])}

${CHF_ENTITY_MEMBERS.declaration()}

${CHF_FORM_MEMBERS.declaration()}

${CHF_STATUS_MEMBERS.declaration()}

${CHF_REQUEST_MEMBERS.declaration()}

${CHF_RESPONSE_MEMBERS.declaration()}

${CHF_PROMISE_MEMBERS.declaration()}

${LEGACY_HTTP_CLIENT_MEMBERS.declaration()}

${SYSTEM_ENV_MEMBERS.declaration()}
`;

const LEGACY_GLOBALS: readonly GlobalDeclaration[] = [
  { name: "accessToken", type: "AccessToken" },
  { name: "identity", type: "AMIdentity" },
  { name: "scopes", type: "JavaSet<JavaString>", doc: "Requested scopes as a java.util.Set<String>." },
  {
    name: "clientProperties",
    type: "JavaMap<any> | null",
    doc: "Unmodifiable map: clientId, allowedGrantTypes, allowedResponseTypes, allowedScopes, customProperties, redirectUris. Null if the client is unknown.",
  },
  { name: "requestProperties", type: "JavaMap<any>", doc: "Unmodifiable map: requestUri, realm, requestParams, requestHeaders." },
  { name: "session", type: "SSOToken | null", doc: "The user's session, or null without a session cookie (and always for password/client_credentials grants)." },
  { name: "logger", type: "Debug" },
  { name: "httpClient", type: "LegacyHttpClient" },
  { name: "systemEnv", type: "SystemEnv" },
  { name: "realm", type: "string" },
  { name: "scriptName", type: "string" },
  ...JAVA_PACKAGES,
  { name: "JavaImporter", kind: "function", type: "(...classes: any[]): any" },
  {
    name: "importPackage",
    kind: "function",
    type: "(...packages: any[]): void",
    doc: "Rhino: makes a Java package's classes answer to their simple names (names already defined win).",
  },
  { name: "importClass", kind: "function", type: "(...classes: any[]): void", doc: "Rhino: makes a Java class answer to its simple name; fails if that name is already defined." },
];

const GLOBALS: Record<Evaluator, readonly GlobalDeclaration[]> = { legacy: LEGACY_GLOBALS, "next-gen": NEXT_GEN_GLOBALS };

function renderGlobals(globals: readonly GlobalDeclaration[]): string {
  return globals
    .map((g) => {
      const doc = g.doc ? `/** ${g.doc} */\n` : "";
      return g.kind === "function" ? `${doc}declare function ${g.name}${g.type};` : `${doc}declare const ${g.name}: ${g.type};`;
    })
    .join("\n");
}

export const BINDING_DECLARATIONS: Record<Evaluator, string> = {
  legacy: `${LEGACY_TYPES}\n${renderGlobals(LEGACY_GLOBALS)}\n`,
  "next-gen": `${NEXT_GEN_TYPES}\n${renderGlobals(NEXT_GEN_GLOBALS)}\n`,
};

/** The names each evaluator binds as globals (for docs, completion lists and tests). */
export function declaredGlobals(evaluator: Evaluator): string[] {
  return GLOBALS[evaluator].map((g) => g.name);
}
