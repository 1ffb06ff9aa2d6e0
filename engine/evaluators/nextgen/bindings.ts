/**
 * The next-generation (evaluatorVersion 2.0) bindings of an access-token modification script, as the AIC
 * tenant's binding metadata lists them (reference Appendix C): JS-friendly wrappers, arrays for lists,
 * read-only Java maps for `clientProperties` / `requestProperties` (maps.ts), promise-likes with get()/then()
 * for HTTP.
 */
import { GuestError, HostObject, isGuestFunction, keepConversion } from "../../sandbox/host";
import { checkRhinoSyntax } from "../../dialect/rhino-syntax";
import { AccessTokenBinding, type ValueModel } from "../access-token";
import { SystemEnvBinding, formatSlf4j, sendToMocks } from "../common";
import { warn, type RunContext } from "../context";
import { IdmError, type PatchOperation } from "../../openidm/store";
import { rhinoArgType } from "../rhino-arg-type";
import { PromiseBinding } from "./promise";
import type { LogLevel, OpenIdmCallRecord } from "../../result";
import type { MockAnswer } from "../../http/mocks";
import { UtilsBinding } from "./utils";
import { ScriptList, ScriptMap, ScriptCollection, ScriptMapEntry, plainOf } from "./maps";
import { JavaUri, URI_METHODS } from "./uri";
import { nextGenJava } from "./java-access";
import type { RunError } from "../../result";
import { newRecord, ownValue } from "../../util/own-keys";
import { warnKeyOrder } from "../key-order";
import { OBJECT_BYTES, SLOT_BYTES, storedBytes } from "../host-budget";
import { javaDoubleString } from "../../token/values";
import { rhinoFunctionText } from "../../dialect/function-text";
import { JavaArray, identityHash } from "../legacy/java";
import { LibraryLoads, libraryFilename } from "../../sandbox/library";
import { SCRIPT_FILENAME } from "../../sandbox/sandbox";
import { NO_MEMBERS, type MemberTable } from "../../bindings/members";
import {
  HTTP_CLIENT_MEMBERS,
  HTTP_RESPONSE_MEMBERS,
  IDENTITY_MEMBERS,
  JWT_ASSERTION_MEMBERS,
  JWT_VALIDATOR_MEMBERS,
  LOGGER_MEMBERS,
  OPEN_IDM_MEMBERS,
  POLICY_MEMBERS,
  RESOURCE_EXCEPTION_MEMBERS,
  SECRET_MEMBERS,
  SECRETS_MEMBERS,
} from "../../bindings/tables/nextgen";

/** Next-generation values are plain JSON; functions and undefined are values AM cannot store. */
export function nextGenValues(ctx: RunContext): ValueModel {
  const plain = (value: unknown, what: string): unknown => {
    if (value === undefined) return null;
    if (isGuestFunction(value)) {
      warn(ctx, "unstorable-value", `${what}: a function cannot be stored in a token; AM stores nothing useful.`);
      return null;
    }
    if (value instanceof ScriptMap || value instanceof ScriptCollection || value instanceof ScriptList || value instanceof ScriptMapEntry) return plain(plainOf(value), what);
    if (value instanceof JavaUri) return value.text;
    // A byte[] from utils stores as its numbers (INFERENCE: AM converts Java arrays to JSON arrays; not observed).
    if (value instanceof JavaArray) return value.items.map((v) => plain(v, what));
    if (value instanceof HostObject) return String(value.javaClass);
    if (Array.isArray(value)) return value.map((v) => plain(v, what));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, what)]));
    }
    if (typeof value === "number" && !Number.isFinite(value)) {
      warn(ctx, "unstorable-value", `${what}: ${String(value)} is not valid JSON; AM cannot store it.`);
      return null;
    }
    return value;
  };
  // What the token keeps, charged as it is kept (host-budget.ts).
  const kept = <T>(value: T): T => {
    ctx.budget.charge(storedBytes(value));
    return value;
  };
  return {
    store: (value, what) => {
      warnKeyOrder(ctx, value, what);
      return kept(plain(value, what));
    },
    give: (v) => v,
    scopesIn: (value) => {
      const list = value instanceof ScriptList ? value.toArray() : value;
      if (!Array.isArray(list)) throw new GuestError("setScope expects an array of scope names", "TypeError");
      return list.map(String);
    },
    scopesOut: (scopes) => [...scopes],
    stringOut: (v) => v,
    listOut: (v) => [...v],
    jsonIn: (v, method) => {
      warnKeyOrder(ctx, v, method);
      return kept(plain(v, method));
    },
    extraDataIn: (v) => (v === null || v === undefined ? null : kept(String(plain(v, "addExtraData")))),
    extraJsonIn: (v) => {
      warnKeyOrder(ctx, v, "addExtraJsonData");
      return kept(plain(v, "addExtraJsonData"));
    },
  };
}

/** ScriptedLoggerWrapper: SLF4J-style levels; trace is filtered as in AIC. */
class LoggerBinding extends HostObject {
  readonly members = LOGGER_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.logging.ScriptedLoggerWrapper";

  constructor(private readonly ctx: RunContext) {
    super();
  }

  trace(...args: unknown[]): void {
    this.write("trace", args);
  }
  debug(...args: unknown[]): void {
    this.write("debug", args);
  }
  info(...args: unknown[]): void {
    this.write("info", args);
  }
  warn(...args: unknown[]): void {
    this.write("warn", args);
  }
  error(...args: unknown[]): void {
    this.write("error", args);
  }

  private write(level: LogLevel, args: unknown[]): void {
    if (level === "trace") return;
    if (args.length === 0) throw new GuestError(`Can't find method ${this.javaClass}.${level}().`, "TypeError");
    // A function as the message is its text as Rhino re-prints it; as a `{}` argument Java's toString of Rhino's
    // function object (org.mozilla.javascript.InterpretedFunction@…, recorded in legacy's Rhino).
    const format = isGuestFunction(args[0]) ? rhinoFunctionText(args[0].text()) : String(args[0]);
    let rest = args.slice(1);
    if (rest.length === 1 && Array.isArray(rest[0])) rest = rest[0];
    rest = rest.map((v) => (isGuestFunction(v) ? `org.mozilla.javascript.InterpretedFunction@${identityHash()}` : v));
    const message = formatSlf4j(format, rest);
    this.ctx.budget.charge(OBJECT_BYTES + storedBytes(message));
    this.ctx.logs.push({ level, message });
  }

  getName(): string {
    return `scripts.OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN.playground.(${this.ctx.scenario.scriptName})`;
  }
  isTraceEnabled(): boolean {
    return false;
  }
  isDebugEnabled(): boolean {
    return true;
  }
  isInfoEnabled(): boolean {
    return true;
  }
  isWarnEnabled(): boolean {
    return true;
  }
  isErrorEnabled(): boolean {
    return true;
  }
}

/**
 * ResponseScriptWrapper: fields status, statusText, ok, headers; methods json(), text(), formData().
 * The docs call `headers` a Map: it is one of the read-only maps (maps.ts), so `headers.get(name)` and
 * `headers[name]` both give the list of values.
 */
class ResponseBinding extends HostObject {
  readonly members = HTTP_RESPONSE_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.wrappers.ResponseScriptWrapper";
  private readonly headers: ScriptMap;

  constructor(
    private readonly answer: MockAnswer,
    ctx: RunContext,
  ) {
    super();
    this.headers = new ScriptMap(ctx, "response.headers", answer.headers);
  }

  override guestGet(name: string): unknown {
    switch (name) {
      case "status":
        return this.answer.status;
      case "statusText":
        return this.answer.statusText;
      case "ok":
        return this.answer.status >= 200 && this.answer.status < 300;
      case "headers":
        return this.headers;
      default:
        return undefined;
    }
  }
  override guestKeys(): string[] {
    return ["status", "statusText", "ok", "headers"];
  }

  json(): unknown {
    try {
      return JSON.parse(this.answer.body);
    } catch (e) {
      throw new GuestError(`Failed to parse response as JSON: ${e instanceof Error ? e.message : String(e)}`, "JavaException");
    }
  }
  text(): string {
    return this.answer.body;
  }
  formData(): Record<string, string[]> {
    const out = newRecord<string[]>();
    for (const [k, v] of new URLSearchParams(this.answer.body)) out[k] = [...(ownValue(out, k) ?? []), v];
    return out;
  }
}

/**
 * A script's argument with the read-only maps and lists inside it turned into the JSON they hold, as Rhino hands a
 * Java map to a binding that takes an object (`headers: requestProperties.requestHeaders`, `openidm.create(…, {
 * props: clientProperties.customProperties })`).
 */
function mapsAsJson(value: unknown): unknown {
  if (value instanceof ScriptMap || value instanceof ScriptList || value instanceof ScriptCollection || value instanceof ScriptMapEntry) return plainOf(value);
  if (value instanceof JavaUri) return value.text;
  if (Array.isArray(value)) return value.map(mapsAsJson);
  if (value && typeof value === "object" && !(value instanceof HostObject)) {
    // A header or field value is read as text later (String(v)): the script's own toString must still run.
    return keepConversion(value, Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapsAsJson(v)])));
  }
  return value;
}

/**
 * An object body as AM writes it into the request: the script's numbers are Java doubles ("1.0", "1000000.0") and
 * an undefined value is null, nested and in arrays too. A live AIC tenant echoed
 * {"intOne":1.0,…,"undefField":null,…,"arr":[1.0,null,3.0]} for the script's {intOne: 1, undefField: undefined, …,
 * arr: [1, undefined, 3]} (published/aic-manager-http-live.json), where JSON.stringify gives 1 and drops the key.
 */
export function requestJson(value: unknown): string {
  if (value === undefined || value === null || isGuestFunction(value)) return "null";
  if (typeof value === "number") return javaDoubleString(value);
  if (Array.isArray(value)) return `[${value.map(requestJson).join(",")}]`;
  if (typeof value === "object" && !(value instanceof HostObject)) {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${requestJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value instanceof HostObject ? String(value) : value) ?? "null";
}

interface RequestOptions {
  method?: string;
  headers?: Record<string, unknown>;
  body?: unknown;
  form?: Record<string, unknown>;
  token?: string;
  clientName?: string;
}

class HttpClientBinding extends HostObject {
  readonly members = HTTP_CLIENT_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.wrappers.HttpClientScriptWrapper";

  constructor(private readonly ctx: RunContext) {
    super();
  }

  send(uri: unknown, options?: unknown): PromiseBinding {
    if (typeof uri !== "string") throw new GuestError("httpClient.send expects a URL string", "TypeError");
    const opts = mapsAsJson(options ?? {}) as RequestOptions;
    const method = String(opts.method ?? "GET").toUpperCase();
    // Header names are the script's: a record without Object.prototype keeps any name as a header.
    const headers = newRecord<string[]>();
    for (const [k, v] of Object.entries(opts.headers ?? {})) {
      if (k.toLowerCase() === "authorization") {
        warn(this.ctx, "http-authorization-ignored", 'AM ignores an Authorization header set directly; use the "token" option.');
        continue;
      }
      headers[k] = Array.isArray(v) ? v.map(String) : [String(v)];
    }
    if (opts.token !== undefined) headers.Authorization = [`Bearer ${String(opts.token)}`];
    let body: string | undefined;
    if (opts.form !== undefined) {
      body = new URLSearchParams(Object.entries(opts.form).map(([k, v]) => [k, String(v)])).toString();
      headers["Content-Type"] = ["application/x-www-form-urlencoded"];
    } else if (opts.body !== undefined) {
      body = typeof opts.body === "string" ? opts.body : requestJson(opts.body);
    }
    if (body !== undefined && ["GET", "HEAD", "TRACE"].includes(method)) {
      throw new GuestError(`A ${method} request cannot have a body`, "HttpClientScriptException");
    }
    // The run's result records every request, body and headers included.
    this.ctx.budget.charge(OBJECT_BYTES + storedBytes(uri) + storedBytes(headers) + (body !== undefined ? storedBytes(body) : 0));
    const outcome = sendToMocks(this.ctx, { method, url: uri, headers, ...(body !== undefined ? { body } : {}) });
    if (outcome.ok) return new PromiseBinding({ ok: true, value: new ResponseBinding(outcome.answer, this.ctx) });
    return new PromiseBinding({
      ok: false,
      error: new GuestError(outcome.message, "HttpClientScriptException", { message: outcome.message }),
    });
  }
}

/** Details of an IDM failure, as `e.javaException` exposes them. */
class ResourceExceptionBinding extends HostObject {
  readonly members = RESOURCE_EXCEPTION_MEMBERS;
  override readonly javaClass = "org.forgerock.json.resource.ResourceException";
  constructor(private readonly error: IdmError) {
    super();
  }
  getCode(): number {
    return this.error.code;
  }
  getReason(): string {
    return this.error.reason;
  }
  getDetail(): unknown {
    return null;
  }
  isServerError(): boolean {
    return this.error.code >= 500;
  }
  getMessage(): string {
    return this.error.message;
  }
  override toString(): string {
    return `org.forgerock.json.resource.NotFoundException: ${this.error.message}`;
  }
}

class OpenIdmBinding extends HostObject {
  readonly members = OPEN_IDM_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.wrappers.IdmIntegrationServiceScriptWrapper";

  constructor(private readonly ctx: RunContext) {
    super();
    ctx.idm.onGap = (message) => warn(ctx, "openidm-fields", message);
  }

  private record<T>(op: OpenIdmCallRecord["op"], id: string, work: () => T): T {
    // The result lists every call; the store keeps what create, update and patch write (kept, below).
    this.ctx.budget.charge(OBJECT_BYTES + storedBytes(id));
    try {
      const result = work();
      this.ctx.openidm.push({ op, id });
      return result;
    } catch (e) {
      if (e instanceof IdmError) {
        this.ctx.openidm.push({ op, id, error: `${e.code} ${e.reason}: ${e.message}` });
        throw new GuestError(`org.forgerock.json.resource.ResourceException: ${e.message}`, "WrappedException", {
          javaException: new ResourceExceptionBinding(e),
        });
      }
      throw e;
    }
  }

  /** What the in-memory IDM keeps of a write, charged to the run's host budget (host-budget.ts). */
  private kept(value: unknown): unknown {
    this.ctx.budget.charge(storedBytes(value));
    return value;
  }

  /**
   * The fields argument: the wrapper's overloads take a List (a JS array); any other value matches no overload, so
   * Rhino fails the call rather than dropping the fields.
   */
  private fields(value: unknown, method: string, args: unknown[]): string[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return value.map(String);
    throw new GuestError(`Can't find method ${this.javaClass}.${method}(${args.map(rhinoArgType).join(",")}).`, "InternalError");
  }

  create(resource: unknown, newId: unknown, content: unknown, _params?: unknown, fields?: unknown): unknown {
    const id = String(resource);
    return this.record("create", id, () =>
      this.ctx.idm.create(id, newId === null || newId === undefined ? null : String(newId), this.kept(mapsAsJson(content ?? {})) as Record<string, unknown>, this.fields(fields, "create", [resource, newId, content, _params, fields])),
    );
  }
  read(resource: unknown, _params?: unknown, fields?: unknown): unknown {
    const id = String(resource);
    const found = this.ctx.idm.read(id, this.fields(fields, "read", [resource, _params, fields]));
    this.ctx.budget.charge(OBJECT_BYTES + storedBytes(id));
    this.ctx.openidm.push(found ? { op: "read", id } : { op: "read", id, error: "404 Not Found: read returned null" });
    return found;
  }
  update(resource: unknown, rev: unknown, value: unknown, _params?: unknown, fields?: unknown): unknown {
    const id = String(resource);
    return this.record("update", id, () => this.ctx.idm.update(id, rev, this.kept(mapsAsJson(value ?? {})) as Record<string, unknown>, this.fields(fields, "update", [resource, rev, value, _params, fields])));
  }
  patch(resource: unknown, rev: unknown, operations: unknown, _params?: unknown, fields?: unknown): unknown {
    const id = String(resource);
    return this.record("patch", id, () => this.ctx.idm.patch(id, rev, this.kept(mapsAsJson(operations)) as PatchOperation[], this.fields(fields, "patch", [resource, rev, operations, _params, fields])));
  }
  query(resource: unknown, params: unknown, fields?: unknown): unknown {
    const id = String(resource);
    return this.record("query", id, () => this.ctx.idm.query(id, mapsAsJson(params ?? {}) as Record<string, unknown>, this.fields(fields, "query", [resource, params, fields])));
  }
  delete(resource: unknown, rev: unknown, _params?: unknown, fields?: unknown): unknown {
    const id = String(resource);
    return this.record("delete", id, () => this.ctx.idm.delete(id, rev, this.fields(fields, "delete", [resource, rev, _params, fields])));
  }
  action(resource: unknown, actionName: unknown): unknown {
    const id = String(resource);
    warn(this.ctx, "openidm-action", `openidm.action("${id}", "${String(actionName)}") is recorded but not emulated; it returns {}.`);
    return this.record("action", `${id}?_action=${String(actionName)}`, () => ({}));
  }
}

/** ScriptedIdentityScriptWrapper: attribute changes stay pending until store(). */
class IdentityBinding extends HostObject {
  readonly members = IDENTITY_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.api.identity.ScriptedIdentityScriptWrapper";
  private readonly attributes: Map<string, string[]>;
  private pending = false;

  constructor(private readonly ctx: RunContext) {
    super();
    const identity = ctx.scenario.identity;
    this.attributes = new Map(Object.entries(identity.attributes).map(([k, v]) => [k, [...v]]));
    if (!this.attributes.has("_id")) this.attributes.set("_id", [identity.id]);
  }

  getName(): string {
    return this.ctx.scenario.identity.username;
  }
  getUniversalId(): string {
    const realm = this.ctx.scenario.realm.split("/").filter(Boolean).pop() ?? "root";
    return `id=${this.ctx.scenario.identity.username},ou=user,o=${realm},ou=services,ou=am-config`;
  }
  exists(): boolean {
    return this.ctx.scenario.identity.exists;
  }
  getAttributeValues(name: unknown): string[] {
    return [...(this.attributes.get(String(name)) ?? [])];
  }
  setAttribute(name: unknown, given: unknown): void {
    // A Java list (request values under request.valuesType "java.util.List") is a List<String> as much as an array.
    const values = given instanceof ScriptList ? given.toArray() : given;
    if (!Array.isArray(values)) throw new GuestError(`Can't find method ${this.javaClass}.setAttribute(string,${typeof values}).`, "TypeError");
    const texts = values.map(String);
    this.ctx.budget.charge(storedBytes(texts));
    this.attributes.set(String(name), texts);
    this.pending = true;
  }
  addAttribute(name: unknown, value: unknown): void {
    const key = String(name);
    const text = String(value);
    this.ctx.budget.charge(SLOT_BYTES + storedBytes(text));
    this.attributes.set(key, [...(this.attributes.get(key) ?? []), text]);
    this.pending = true;
  }
  store(): void {
    const failure = this.ctx.scenario.identity.failStore;
    if (failure) throw new GuestError(failure, "IdentityUpdateException");
    // No note in the logs: they hold what the script's logger wrote, as AM's do (a change never stored is
    // told by the identity-not-stored warning instead).
    this.pending = false;
  }

  /**
   * Called after the run: changes never stored are lost in AM.
   * @host the run calls it when the script has ended; scripts cannot call it.
   */
  finish(): void {
    if (this.pending) {
      warn(this.ctx, "identity-not-stored", "identity attributes were changed but store() was never called; AM discards the changes.");
    }
  }
}

class SecretBinding extends HostObject {
  readonly members = SECRET_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.api.secrets.Secret";
  constructor(private readonly value: string) {
    super();
  }
  getAsBytes(): number[] {
    return Array.from(new TextEncoder().encode(this.value), (b: number) => (b > 127 ? b - 256 : b));
  }
  getAsUtf8(): string {
    return this.value;
  }
}

class SecretsBinding extends HostObject {
  readonly members = SECRETS_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.api.secrets.ScriptedSecretsFacadeImpl";
  constructor(private readonly ctx: RunContext) {
    super();
  }
  getGenericSecret(label: unknown): SecretBinding {
    const key = String(label);
    const value = ownValue(this.ctx.scenario.secrets, key);
    if (value === undefined) {
      throw new GuestError(`org.forgerock.secrets.NoSuchSecretException: No secret configured for purpose ${key}`, "JavaException");
    }
    return new SecretBinding(value);
  }
  private keyNotEmulated(kind: string): never {
    throw new GuestError(`secrets.${kind} is not emulated by the playground; use getGenericSecret with a scenario secret.`, "JavaException");
  }
  getDecryptionKey(): never {
    return this.keyNotEmulated("getDecryptionKey");
  }
  getEncryptionKey(): never {
    return this.keyNotEmulated("getEncryptionKey");
  }
  getSigningKey(): never {
    return this.keyNotEmulated("getSigningKey");
  }
  getVerificationKey(): never {
    return this.keyNotEmulated("getVerificationKey");
  }
}

/** Bindings AM lists whose behaviour needs services the playground does not have; calls say so plainly. */
class NotEmulatedBinding extends HostObject {
  override readonly javaClass: string;
  constructor(
    readonly members: MemberTable,
    private readonly bindingName: string,
    javaClass: string,
  ) {
    super();
    this.javaClass = javaClass;
    for (const m of members.names) {
      (this as unknown as Record<string, unknown>)[m] = () => {
        throw new GuestError(`${this.bindingName}.${m}() is not emulated by the playground (it needs a live AM service).`, "JavaException");
      };
    }
  }
}

/** Context bindings a library cannot see (AM: inside a library only the common bindings exist). */
const CONTEXT_BINDINGS = ["accessToken", "identity", "scopes", "clientProperties", "requestProperties"];

/**
 * require(name): evaluates a next-generation library script from the scenario's `libraries` and returns its
 * `exports` (or `module.exports`), as sandbox/library.ts evaluates it: in a realm of its own whose global has
 * no context binding, cycles refused.
 */
class RequireBinding extends HostObject {
  readonly members = NO_MEMBERS;
  override readonly javaClass = "require";
  private readonly loads: LibraryLoads;

  constructor(private readonly ctx: RunContext) {
    super();
    let warned = false;
    this.loads = new LibraryLoads((message) => {
      if (warned) return;
      warned = true;
      warn(ctx, "library-scope", message);
    });
  }

  override guestConstruct(args: unknown[]): unknown {
    const name = String(args[0]);
    const source = ownValue(this.ctx.scenario.libraries, name);
    if (source === undefined) {
      const known = Object.keys(this.ctx.scenario.libraries);
      throw new GuestError(
        `Library script "${name}" not found. ${known.length ? `The scenario's libraries are: ${known.join(", ")}.` : 'Add it under "libraries" in the scenario.'}`,
        "Error",
      );
    }
    const syntax = checkRhinoSyntax(source);
    if (syntax) throw new GuestError(`${syntax.message} (library "${name}", line ${syntax.line})`, "SyntaxError");
    const filename = libraryFilename(name, SCRIPT_FILENAME);
    return this.loads.evaluation(name, source, filename, CONTEXT_BINDINGS);
  }
}

export interface NextGenBindings {
  globals: Record<string, unknown>;
  finish(): void;
  /** Called when the script failed: adds the warnings that explain a failure the scenario's choices caused. */
  explainFailure(error: RunError): void;
}

/**
 * Nested map values: objects become read-only maps too; lists stay arrays (docs: "each value is an array"), or
 * become Java lists under `asLists` (the request values, when the scenario's request.valuesType says so).
 */
function mapValue(ctx: RunContext, asLists: (label: string) => boolean = () => false) {
  const wrap = (value: unknown, label: string): unknown => {
    if (Array.isArray(value)) {
      const items = value.map((v, i) => wrap(v, `${label}[${i}]`));
      return asLists(label) ? new ScriptList(items, label) : items;
    }
    if (value && typeof value === "object" && !(value instanceof HostObject)) return new ScriptMap(ctx, label, value as Record<string, unknown>, wrap);
    return value;
  };
  return wrap;
}

/** The java.util.List methods a script may try on a list value that AM's docs describe as an array. */
const LIST_METHODS = ["get", "size", "isEmpty", "contains", "iterator", "toArray", "stream", "getFirst"];

/**
 * Warnings for a failure that comes from a type the docs leave open: a URI method called on the string
 * requestUri, or a java.util.List method called on a request parameter's or header's array of values.
 */
function explainTypeFailure(ctx: RunContext, error: RunError, requestUri: string, lists: Record<string, string[]>): void {
  if (error.kind !== "runtime") return;
  const missing = /Cannot find function (\w+) in object (.*)\.$/.exec(error.message);
  if (!missing) return;
  const [, method, shown] = missing;
  const line = error.line ? { line: error.line } : {};
  if ((URI_METHODS as readonly string[]).includes(method) && shown === requestUri && ctx.scenario.request.uriType === "string") {
    ctx.warnings.push({
      code: "request-uri-type",
      message: `requestProperties.requestUri is a string here, so it has no ${method}(). AM's docs describe it as "the URI as a string"; if your tenant hands scripts a java.net.URI (some production scripts call getHost() on it), set "request": { "uriType": "java.net.URI" } in the scenario. Code that must work on both can parse the string itself.`,
      ...line,
    });
    return;
  }
  if (!LIST_METHODS.includes(method) || ctx.scenario.request.valuesType !== "array") return;
  const list = Object.entries(lists).find(([, values]) => values.join(",") === shown);
  if (!list) return;
  ctx.warnings.push({
    code: "request-values-type",
    message: `${list[0]} is a JavaScript array here, so it has no ${method}(). AM's docs say each request parameter "is an array of parameters"; a tenant probe saw Java lists. Read it with [0] and .length, which work on both, or set "request": { "valuesType": "java.util.List" } in the scenario if your tenant hands over lists.`,
    ...line,
  });
}

export function nextGenBindings(ctx: RunContext): NextGenBindings {
  const s = ctx.scenario;
  const identity = new IdentityBinding(ctx);
  const wrap = mapValue(ctx);
  const client = s.client
    ? new ScriptMap(
        ctx,
        "clientProperties",
        {
          clientId: s.client.clientId,
          allowedGrantTypes: s.client.allowedGrantTypes,
          allowedResponseTypes: s.client.allowedResponseTypes,
          allowedScopes: s.client.allowedScopes,
          customProperties: s.client.customProperties,
          redirectUris: s.client.redirectUris,
        },
        wrap,
      )
    : null;
  const requestUri = s.request.uri ?? `${ctx.token.native.iss}/access_token`;
  const requestParams: Record<string, string[]> = { grant_type: [s.token.grantType], ...s.request.params };
  const valuesAsLists = s.request.valuesType === "java.util.List";
  const requestValue = mapValue(ctx, (label) => valuesAsLists && /^requestProperties\.request(Params|Headers)\.[^.[]+$/.test(label));
  const request = new ScriptMap(
    ctx,
    "requestProperties",
    {
      requestUri: s.request.uriType === "java.net.URI" ? new JavaUri(requestUri) : requestUri,
      realm: s.realm,
      requestParams,
      requestHeaders: s.request.headers,
    },
    requestValue,
  );
  const lists: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(requestParams)) lists[`requestProperties.requestParams.${k}`] = v;
  for (const [k, v] of Object.entries(s.request.headers)) lists[`requestProperties.requestHeaders["${k}"]`] = v;
  const globals: Record<string, unknown> = {
    accessToken: new AccessTokenBinding(ctx, nextGenValues(ctx), "org.forgerock.oauth2.core.scripting.AccessTokenScriptWrapper"),
    identity,
    scopes: [...s.scopes],
    clientProperties: client,
    requestProperties: request,
    logger: new LoggerBinding(ctx),
    httpClient: new HttpClientBinding(ctx),
    openidm: new OpenIdmBinding(ctx),
    utils: new UtilsBinding(ctx),
    secrets: new SecretsBinding(ctx),
    systemEnv: new SystemEnvBinding(ctx),
    realm: s.realm,
    scriptName: s.scriptName,
    cookieName: s.cookieName,
    jwtAssertion: new NotEmulatedBinding(JWT_ASSERTION_MEMBERS, "jwtAssertion", "org.forgerock.openam.scripting.bindings.JwtAssertionScriptWrapper"),
    jwtValidator: new NotEmulatedBinding(JWT_VALIDATOR_MEMBERS, "jwtValidator", "org.forgerock.openam.scripting.bindings.JwtValidatorScriptWrapper"),
    policy: new NotEmulatedBinding(POLICY_MEMBERS, "policy", "org.forgerock.openam.scripting.bindings.ScriptPolicyService"),
    require: new RequireBinding(ctx),
    ...nextGenJava(ctx),
  };
  return {
    globals,
    finish: () => identity.finish(),
    explainFailure: (error) => explainTypeFailure(ctx, error, requestUri, lists),
  };
}
