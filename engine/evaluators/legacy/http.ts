/**
 * Java class access for legacy scripts (`org.…`, `java.…`, `Packages.…`, `JavaImporter`) limited to the
 * classes the playground emulates, and AM's CHF-based httpClient: `new org.forgerock.http.protocol.Request()`,
 * `httpClient.send(request).get()`, `response.getStatus().getCode()`, `response.getEntity().getString()`.
 * A class outside the emulated set fails the way Rhino's class shutter fails.
 */
import { GuestError, GuestEvaluation, HostObject, isGuestFunction } from "../../sandbox/host";
import { sendToMocks } from "../common";
import { warn, type RunContext } from "../context";
import { classVisible } from "./allowlist";
import { SeededRandom } from "../../util/random";
import { JavaClass, javaLangAndUtilClasses } from "./classes";
import type { MockAnswer } from "../../http/mocks";
import { reasonPhrase } from "../../http/mocks";
import { PromiseBinding } from "../nextgen/promise";
import { JavaCollection, JavaMap, JavaObject, JavaString, callGuest, chargeHost, javaException, toStored } from "./java";
import { OBJECT_BYTES, storedBytes } from "../host-budget";
import { rhinoArgType } from "../rhino-arg-type";
import { ID_TYPES } from "./id-types";
import { javaValueFromJsonText } from "./jackson";
import { requireVisible } from "./java-views";
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
} from "../../bindings/tables/chf";
import { JAVA_PACKAGE_MEMBERS, RHINO_FUNCTION_MEMBERS } from "../../bindings/tables/rhino";

/**
 * org.forgerock.http.protocol.Header, as Headers.get/put/remove return it: a header's name and its values
 * (CHF's GenericHeader for the headers scripts set).
 */
class ChfHeader extends JavaObject {
  readonly members = CHF_HEADER_MEMBERS;
  override readonly javaClass = "org.forgerock.http.header.GenericHeader";
  constructor(
    readonly name: string,
    readonly values: readonly string[],
  ) {
    super();
  }
  getName(): JavaString {
    return new JavaString(this.name);
  }
  getValues(): JavaCollection {
    return new JavaCollection("java.util.ArrayList", this.values.map((v) => new JavaString(v)));
  }
  getFirstValue(): JavaString | null {
    return this.values.length ? new JavaString(this.values[0]) : null;
  }
  /** "The header as a single string value": its values joined, as the header line carries them. */
  override toString(): string {
    return this.values.join(", ");
  }
}

/**
 * org.forgerock.http.protocol.Headers: a case-insensitive multiple-value map (CHF keeps a TreeMap in
 * String.CASE_INSENSITIVE_ORDER, so a name keeps its first spelling and names iterate in that order). add()
 * returns nothing (CHF's is void, so `headers.add(a, b).add(c, d)` fails as in AM); put/remove/get give the
 * Header object. Values may be a string, a collection or an array of strings, as CHF's "script compatible"
 * add/put take them.
 */
class Headers extends JavaObject {
  readonly members = CHF_HEADERS_MEMBERS;
  override readonly javaClass = "org.forgerock.http.protocol.Headers";
  /** Lower-cased name → the name as first spelled and its values. */
  private readonly byName = new Map<string, ChfHeader>();

  private valuesOf(value: unknown): string[] {
    const stored = value instanceof ChfHeader ? [...value.values] : toStored(value);
    const added = Array.isArray(stored) ? stored.filter((v) => v !== null && v !== undefined).map(String) : [String(stored)];
    chargeHost(storedBytes(added));
    return added;
  }
  private store(name: string, values: string[]): ChfHeader | null {
    const key = name.toLowerCase();
    const previous = this.byName.get(key) ?? null;
    chargeHost(storedBytes(name));
    this.byName.set(key, new ChfHeader(previous?.name ?? name, values));
    return previous;
  }
  add(name: unknown, value?: unknown): void {
    // add(Header): the header's own name.
    if (name instanceof ChfHeader && value === undefined) return this.add(name.name, name);
    if (value === null || value === undefined) return;
    const key = String(toStored(name));
    const values = [...(this.byName.get(key.toLowerCase())?.values ?? []), ...this.valuesOf(value)];
    if (values.length) this.store(key, values);
  }
  put(name: unknown, value?: unknown): ChfHeader | null {
    if (name instanceof ChfHeader && value === undefined) return this.put(name.name, name);
    const key = String(toStored(name));
    if (value === null || value === undefined) return this.remove(key);
    const values = this.valuesOf(value);
    return values.length ? this.store(key, values) : this.remove(key);
  }
  get(name: unknown): ChfHeader | null {
    return this.byName.get(String(toStored(name)).toLowerCase()) ?? null;
  }
  getFirst(name: unknown): JavaString | null {
    return this.get(name)?.getFirstValue() ?? null;
  }
  containsKey(name: unknown): boolean {
    return this.get(name) !== null;
  }
  remove(name: unknown): ChfHeader | null {
    const key = String(toStored(name)).toLowerCase();
    const previous = this.byName.get(key) ?? null;
    this.byName.delete(key);
    return previous;
  }
  size(): number {
    return this.byName.size;
  }
  isEmpty(): boolean {
    return this.byName.size === 0;
  }
  clear(): void {
    this.byName.clear();
  }
  /** putAll(map) / addAll(map): each entry as put / add would take it. */
  putAll(map: unknown): void {
    for (const [k, v] of this.entriesOf(map)) this.put(k, v);
  }
  addAll(map: unknown): void {
    for (const [k, v] of this.entriesOf(map)) this.add(k, v);
  }
  private entriesOf(map: unknown): [string, unknown][] {
    if (map instanceof JavaMap) return [...map.entries];
    if (map && typeof map === "object" && !(map instanceof JavaObject)) return Object.entries(map as Record<string, unknown>);
    throw new GuestError(`Can't find method ${this.javaClass}.putAll(${rhinoArgType(map)}).`, "InternalError");
  }
  /** The names in CHF's case-insensitive order. */
  private ordered(): ChfHeader[] {
    return [...this.byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, h]) => h);
  }
  /** A TreeMap's key set, which AM's allow-list refuses to hand a script (java-views.ts). */
  keySet(): JavaCollection {
    requireVisible("java.util.TreeMap$KeySet");
    return new JavaCollection("java.util.TreeMap$KeySet", this.ordered().map((h) => new JavaString(h.name)), true);
  }
  /** The underlying TreeMap of names to Header objects. */
  asMapOfHeaders(): JavaMap {
    return new JavaMap("java.util.TreeMap", new Map(this.ordered().map((h) => [h.name, h])), false);
  }
  /** A disconnected copy: names to unmodifiable lists of values. */
  copyAsMapOfList(): JavaMap {
    const lists = this.ordered().map((h): [string, unknown] => [h.name, new JavaCollection("java.util.Collections$UnmodifiableRandomAccessList", h.values.map((v) => new JavaString(v)), true)]);
    return new JavaMap("java.util.Collections$UnmodifiableMap", new Map(lists), true);
  }
  /** Map access, as Rhino gives a java.util.Map: `headers["Content-Type"]` is the Header. */
  override guestGet(name: string): unknown {
    return this.get(name) ?? undefined;
  }
  override toString(): string {
    return `{${this.ordered().map((h) => `${h.name}=${h.toString()}`).join(", ")}}`;
  }
  /**
   * @host the HTTP client sends these headers; scripts cannot call it.
   */
  toRecord(): Record<string, string[]> {
    return Object.fromEntries(this.ordered().map((h) => [h.name, [...h.values]]));
  }
  /**
   * @host Entity sets Content-Type and Content-Length as CHF's does; scripts cannot call it.
   */
  putSingle(name: string, value: string): void {
    this.store(name, [value]);
  }
}

/**
 * org.forgerock.http.protocol.Entity of a message. As CHF's: setString sets Content-Length (the bytes in the
 * Content-Type's charset, ISO-8859-1 by default), setJson also sets Content-Type to JSON in UTF-8; a message's
 * setEntity(o) is setString for a string and setJson for anything else.
 */
class Entity extends JavaObject {
  readonly members = CHF_ENTITY_MEMBERS;
  override readonly javaClass = "org.forgerock.http.protocol.Entity";
  constructor(
    public text: string,
    private readonly headers: Headers,
  ) {
    super();
  }
  getString(): JavaString {
    return new JavaString(this.text);
  }
  /** Java values, as Jackson builds them for CHF (jackson.ts); a malformed body throws its parse exception. */
  getJson(): unknown {
    return javaValueFromJsonText(this.text);
  }
  setString(value: unknown): void {
    const text = value === null || value === undefined ? "" : String(toStored(value));
    chargeHost(storedBytes(text));
    const utf8 = /charset=utf-8/i.test(this.headers.getFirst("Content-Type")?.value ?? "");
    this.headers.putSingle("Content-Length", String(utf8 ? new TextEncoder().encode(text).length : text.length));
    this.text = text;
  }
  setJson(value: unknown): void {
    const stored = toStored(value);
    chargeHost(storedBytes(stored));
    this.headers.putSingle("Content-Type", "application/json; charset=UTF-8");
    this.setString(JSON.stringify(stored));
  }
  /** @host Request/Response.setEntity(o): setString for a string, setJson for anything else. */
  setEntity(value: unknown): void {
    if (typeof value === "string" || value instanceof JavaString) this.setString(value);
    else this.setJson(value);
  }
  isRawContentEmpty(): boolean {
    return this.text.length === 0;
  }
  override toString(): string {
    return this.text;
  }
}

class Status extends JavaObject {
  readonly members = CHF_STATUS_MEMBERS;
  /** CHF's static Status.valueOf(int) answers through an instance too, as Rhino reaches static methods. */
  override readonly guestAliases = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, { toString: "javaToString", valueOf: "statusOf" }));
  statusOf(code: unknown): Status {
    return Status.of(Number(toStored(code)));
  }
  override readonly javaClass = "org.forgerock.http.protocol.Status";
  private static readonly cache = new Map<number, Status>();
  private constructor(readonly code: number) {
    super();
  }
  /** Statuses are singletons per code, so `response.getStatus() === Status.CREATED` holds as in CHF. */
  static of(code: number): Status {
    let s = Status.cache.get(code);
    if (!s) {
      s = new Status(code);
      Status.cache.set(code, s);
    }
    return s;
  }
  getCode(): number {
    return this.code;
  }
  getReasonPhrase(): JavaString {
    return new JavaString(reasonPhrase(this.code));
  }
  isSuccessful(): boolean {
    return this.code >= 200 && this.code < 300;
  }
  isClientError(): boolean {
    return this.code >= 400 && this.code < 500;
  }
  isServerError(): boolean {
    return this.code >= 500;
  }
  override toString(): string {
    return `[Status: ${this.code} ${reasonPhrase(this.code)}]`;
  }
  equals(other: unknown): boolean {
    return other === this;
  }
}

const STATUS_NAMES: Record<string, number> = {
  OK: 200,
  CREATED: 201,
  ACCEPTED: 202,
  NO_CONTENT: 204,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
};

export class Request extends JavaObject {
  readonly members = CHF_REQUEST_MEMBERS;
  override readonly javaClass = "org.forgerock.http.protocol.Request";
  uri = "";
  method = "GET";
  readonly headers = new Headers();
  readonly entity = new Entity("", this.headers);

  setUri(uri: unknown): Request {
    this.uri = String(toStored(uri));
    return this;
  }
  /** CHF returns an org.forgerock.http.MutableUri, which AM's allow-list does not name. */
  getUri(): never {
    throw new GuestError('Access to Java class "org.forgerock.http.MutableUri" is prohibited.', "InternalError");
  }
  setMethod(method: unknown): Request {
    this.method = String(toStored(method)).toUpperCase();
    return this;
  }
  getMethod(): JavaString {
    return new JavaString(this.method);
  }
  getHeaders(): Headers {
    return this.headers;
  }
  modifyHeaders(fn: unknown): Request {
    if (isGuestFunction(fn)) callGuest(fn, this.headers);
    return this;
  }
  addHeaders(): Request {
    return this;
  }
  setEntity(value: unknown): Request {
    this.entity.setEntity(value);
    return this;
  }
  getEntity(): Entity {
    return this.entity;
  }
}

/** java.net.URLEncoder.encode(s, UTF-8), as CHF's Form encodes names and values: space as "+", A-Za-z0-9.-*_ kept. */
function formEncode(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9.\-*_]/.test(c)) return c;
    return b === 0x20 ? "+" : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }).join("");
}

/** java.net.URLDecoder.decode(s, UTF-8). */
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw javaException("java.lang.IllegalArgumentException", `URLDecoder: Illegal hex characters in escape (%) pattern`);
  }
}

/**
 * org.forgerock.http.protocol.Form: form fields, a case-sensitive multi-string-valued map (a LinkedHashMap of
 * lists), written to a request as a URL-encoded POST body by toRequestEntity, as CHF's Form does.
 */
class Form extends JavaObject {
  readonly members = CHF_FORM_MEMBERS;
  override readonly javaClass = "org.forgerock.http.protocol.Form";
  private readonly fields = new Map<string, string[]>();

  add(name: unknown, value: unknown): void {
    const key = String(toStored(name));
    const text = String(toStored(value));
    chargeHost(storedBytes(key) + storedBytes(text));
    this.fields.set(key, [...(this.fields.get(key) ?? []), text]);
  }
  putSingle(name: unknown, value: unknown): JavaCollection | null {
    const previous = this.get(name);
    this.fields.set(String(toStored(name)), [String(toStored(value))]);
    return previous;
  }
  get(name: unknown): JavaCollection | null {
    const values = this.fields.get(String(toStored(name)));
    return values ? new JavaCollection("java.util.ArrayList", values.map((v) => new JavaString(v))) : null;
  }
  getFirst(name: unknown): JavaString | null {
    const values = this.fields.get(String(toStored(name)));
    return values?.length ? new JavaString(values[0]) : null;
  }
  containsKey(name: unknown): boolean {
    return this.fields.has(String(toStored(name)));
  }
  remove(name: unknown): JavaCollection | null {
    const previous = this.get(name);
    this.fields.delete(String(toStored(name)));
    return previous;
  }
  size(): number {
    return this.fields.size;
  }
  isEmpty(): boolean {
    return this.fields.size === 0;
  }
  fromFormString(text: unknown): Form {
    for (const param of String(toStored(text)).split("&")) {
      const at = param.indexOf("=");
      if (at >= 0) this.add(formDecode(param.slice(0, at)), formDecode(param.slice(at + 1)));
    }
    return this;
  }
  toFormString(): JavaString {
    return new JavaString(this.formString());
  }
  private formString(): string {
    return [...this.fields].flatMap(([name, values]) => values.map((v) => `${formEncode(name)}=${formEncode(v)}`)).join("&");
  }
  /** The request becomes a POST of the URL-encoded form (CHF sets Content-Type and Content-Length). */
  toRequestEntity(request: unknown): void {
    if (!(request instanceof Request)) throw new GuestError(`Can't find method ${this.javaClass}.toRequestEntity(${rhinoArgType(request)}).`, "InternalError");
    request.setMethod("POST");
    request.headers.put("Content-Type", "application/x-www-form-urlencoded");
    request.entity.setString(this.formString());
  }
  /** Form.toString() is its form string. */
  override toString(): string {
    return this.formString();
  }
}

class Response extends JavaObject {
  readonly members = CHF_RESPONSE_MEMBERS;
  override readonly javaClass = "org.forgerock.http.protocol.Response";
  private readonly headers = new Headers();
  private entity: Entity;
  private status: Status;
  constructor(answer: MockAnswer) {
    super();
    this.status = Status.of(answer.status);
    for (const [k, v] of Object.entries(answer.headers)) this.headers.add(k, v);
    this.entity = new Entity(answer.body, this.headers);
  }
  getStatus(): Status {
    return this.status;
  }
  getEntity(): Entity {
    return this.entity;
  }
  getHeaders(): Headers {
    return this.headers;
  }
  setStatus(s: unknown): Response {
    if (s instanceof Status) this.status = s;
    return this;
  }
  setEntity(v: unknown): Response {
    this.entity.setEntity(v);
    return this;
  }
}

/** org.forgerock.openam.scripting.api.http.JavaScriptHttpClient: send(Request) → Promise<Response>. */
export class LegacyHttpClient extends JavaObject {
  readonly members = LEGACY_HTTP_CLIENT_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.api.http.JavaScriptHttpClient";
  constructor(private readonly ctx: RunContext) {
    super();
  }
  send(request: unknown): LegacyPromise {
    if (!(request instanceof Request)) {
      throw new GuestError(`Can't find method ${this.javaClass}.send(${rhinoArgType(request)}).`, "InternalError");
    }
    const body = request.entity.text;
    // The run's result records every call, its headers and body included.
    chargeHost(OBJECT_BYTES + storedBytes(body) + storedBytes(request.uri) + storedBytes(request.headers.toRecord()));
    const outcome = sendToMocks(this.ctx, {
      method: request.method,
      url: request.uri,
      headers: request.headers.toRecord(),
      ...(body ? { body } : {}),
    });
    if (outcome.ok) return new LegacyPromise(new PromiseBinding({ ok: true, value: new Response(outcome.answer) }));
    return new LegacyPromise(new PromiseBinding({ ok: false, error: new GuestError(`java.net.ConnectException: ${outcome.message}`, "JavaException") }));
  }
}

/**
 * The org.forgerock.util.promise.PromiseImpl that send() returns, as a Java object (it converts to its
 * toString() in string context, `"x" + promise`), over the settled promise the evaluators share.
 */
class LegacyPromise extends JavaObject {
  readonly members = CHF_PROMISE_MEMBERS;
  override readonly javaClass = "org.forgerock.util.promise.PromiseImpl";
  constructor(private readonly settled: PromiseBinding) {
    super();
  }
  private wrap(result: PromiseBinding): LegacyPromise {
    return result === this.settled ? this : new LegacyPromise(result);
  }
  get(): unknown {
    return this.settled.get();
  }
  getOrThrow(): unknown {
    return this.settled.getOrThrow();
  }
  isDone(): boolean {
    return this.settled.isDone();
  }
  then(onResult: unknown, onError?: unknown): LegacyPromise {
    return this.wrap(this.settled.then(onResult, onError));
  }
  thenCatch(fn: unknown): LegacyPromise {
    return this.wrap(this.settled.thenCatch(fn));
  }
  thenAlways(fn: unknown): LegacyPromise {
    return this.wrap(this.settled.thenAlways(fn));
  }
  thenOnResult(fn: unknown): LegacyPromise {
    return this.wrap(this.settled.thenOnResult(fn));
  }
  thenOnException(fn: unknown): LegacyPromise {
    return this.wrap(this.settled.thenOnException(fn));
  }
}

function emulatedClasses(ctx: RunContext, clockMs: number): Map<string, JavaClass> {
  const classes = new Map<string, JavaClass>();
  const add = (c: JavaClass) => classes.set(c.javaClass, c);
  add(new JavaClass("org.forgerock.http.protocol.Request", () => new Request()));
  add(new JavaClass("org.forgerock.http.protocol.Response", null));
  add(new JavaClass("org.forgerock.http.protocol.Form", () => new Form()));
  add(new JavaClass("org.forgerock.http.protocol.Status", null, Object.fromEntries(Object.entries(STATUS_NAMES).map(([k, v]) => [k, Status.of(v)]))));
  add(new JavaClass("com.sun.identity.idm.IdType", null, { ...ID_TYPES }));
  for (const name of ["java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayList", "java.util.LinkedList"]) {
    add(new JavaClass(name, (args) => {
      const c = new JavaCollection(name, []);
      if (args[0] instanceof JavaCollection) {
        c.presize(args[0].items.length);
        c.addAll(args[0]);
      }
      return c;
    }));
  }
  for (const name of ["java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap"]) {
    add(new JavaClass(name, (args) => {
      const m = new JavaMap(name, new Map(), false);
      if (args[0] instanceof JavaMap) {
        m.presize(args[0].entries.size);
        m.putAll(args[0]);
      }
      return m;
    }));
  }
  // Its own stream, so a script's randomUUID() calls do not shift other seeded values of the run.
  const uuids = new SeededRandom(ctx.scenario.seed ^ 0x55a1d);
  for (const c of javaLangAndUtilClasses(clockMs, () => uuids.uuid())) add(c);
  return classes;
}

/**
 * A Java package as Rhino shows it: `org.forgerock.http` resolves to sub-packages and classes. Like Rhino, a
 * name that is no visible class (blocked by the allow-list, or unknown) is just another package object; the
 * script fails only when it calls it. The playground warns, since the failure message differs from Rhino's.
 */
/** Which classes a script may reach (AM's class shutter) and how warnings name that list. */
export interface ClassAccess {
  visible(name: string): boolean;
  listName: string;
}

export const LEGACY_CLASS_ACCESS: ClassAccess = { visible: classVisible, listName: "AM's allow-list" };

class JavaPackage extends HostObject {
  readonly members = JAVA_PACKAGE_MEMBERS;
  override readonly javaClass: string;
  constructor(
    readonly path: string,
    readonly classes: Map<string, JavaClass>,
    private readonly ctx: RunContext,
    private readonly access: ClassAccess = LEGACY_CLASS_ACCESS,
  ) {
    super();
    this.javaClass = `[JavaPackage ${path}]`;
  }
  override guestGet(name: string): unknown {
    const full = this.path ? `${this.path}.${name}` : name;
    const cls = this.classes.get(full);
    if (cls) return cls;
    if (/^[A-Z]/.test(name) && !/^[A-Z]/.test(this.path.split(".").pop() ?? "")) {
      if (this.access.visible(full)) {
        warn(
          this.ctx,
          "java-class-not-emulated",
          `${full} is on ${this.access.listName} but the playground does not emulate it; here it behaves like a missing class (a JavaPackage object).`,
        );
      } else {
        warn(
          this.ctx,
          "java-class-blocked",
          `${full} is not on ${this.access.listName}: Rhino shows it as "[JavaPackage ${full}]" and the script fails when it uses it.`,
        );
      }
    }
    // A name under a blocked class (java.lang.System.getProperty) is one more JavaPackage, as in Rhino: calling it
    // fails with "Cannot call property getProperty in object [JavaPackage java.lang.System]…" (see instrument.ts).
    return new JavaPackage(full, this.classes, this.ctx, this.access);
  }
  override guestHasInstance(): boolean {
    return false;
  }
  /** String(java.io) reads "[JavaPackage java.io]". */
  guestPrimitive(): string {
    return this.toString();
  }
  override toString(): string {
    return this.javaClass;
  }
}

/** `new JavaImporter(classOrPackage, …)`: inside `with (imp)`, imported classes and packages' classes resolve by simple name. */
class JavaImporterBinding extends HostObject {
  readonly members = RHINO_FUNCTION_MEMBERS;
  /** String(new JavaImporter(…)) reads "[object JavaImporter]" in Rhino. */
  guestPrimitive(): string {
    return "[object JavaImporter]";
  }
  override readonly javaClass = "org.mozilla.javascript.ImporterTopLevel";
  constructor(private readonly imported: (JavaClass | JavaPackage)[]) {
    super();
  }
  override guestGet(name: string): unknown {
    for (const item of this.imported) {
      if (item instanceof JavaClass && item.javaClass.split(".").pop() === name) return item;
      if (item instanceof JavaPackage) {
        const cls = item.classes.get(`${item.path}.${name}`);
        if (cls) return cls;
      }
    }
    return undefined;
  }
  override guestConstruct(args: unknown[]): unknown {
    return new JavaImporterBinding(args.filter((a): a is JavaClass | JavaPackage => a instanceof JavaClass || a instanceof JavaPackage));
  }
}

/**
 * Rhino's top-level `importPackage(pkg, …)` / `importClass(cls, …)` (ImporterTopLevel, default language
 * version): afterwards the classes answer to their simple names. Names the script (or JavaScript itself:
 * String, Math, Date…) already defines win, as in Rhino; importClass refuses to shadow one. Rhino resolves a
 * package's names lazily; the playground defines its emulated classes of that package when it is imported.
 */
class ImportFunction extends HostObject {
  readonly members = RHINO_FUNCTION_MEMBERS;
  override readonly javaClass = "org.mozilla.javascript.IdFunctionObject";
  constructor(private readonly kind: "importPackage" | "importClass") {
    super();
  }
  override guestConstruct(args: unknown[]): unknown {
    const imports: [name: string, path: string][] = [];
    const guard: string[] = [];
    for (const arg of args) {
      if (this.kind === "importPackage") {
        if (!(arg instanceof JavaPackage)) throw this.wrongArgument("package", arg);
        for (const full of arg.classes.keys()) {
          const name = full.slice(arg.path.length + 1);
          if (full.startsWith(`${arg.path}.`) && !name.includes(".")) imports.push([name, full]);
        }
      } else {
        // A blocked or unknown class is a JavaPackage in Rhino; importClass takes it all the same.
        if (!(arg instanceof JavaClass) && !(arg instanceof JavaPackage)) throw this.wrongArgument("class", arg);
        const full = arg instanceof JavaClass ? arg.javaClass : arg.path;
        const name = full.split(".").pop() ?? full;
        imports.push([name, full]);
        guard.push(name);
      }
    }
    if (imports.length === 0) return undefined;
    const refuse = `Cannot import "%s" since a property by that name is already defined.`;
    // Runs in the script's global scope; `Packages` resolves each class to the same object java.… gives.
    const source = `(function (g, list, guard) {
  for (var i = 0; i < list.length; i++) {
    var name = list[i][0], value = list[i][1].split(".").reduce(function (o, k) { return o[k]; }, Packages);
    if (name in g) {
      if (guard.indexOf(name) >= 0 && g[name] !== value) { var e = new Error(${JSON.stringify(refuse)}.replace("%s", name)); e.name = "InternalError"; throw e; }
      continue;
    }
    g[name] = value;
  }
})(this, ${JSON.stringify(imports)}, ${JSON.stringify(guard)});`;
    // Its one throw is Rhino's EvaluatorException (ImporterTopLevel.importClass), caught with the script's position.
    return new GuestEvaluation(source, `${this.kind}.js`, undefined, true);
  }
  private wrongArgument(what: "package" | "class", arg: unknown): GuestError {
    const shown = arg instanceof HostObject ? String(arg) : String(toStored(arg));
    return new GuestError(`Function ${this.kind} must be called with a ${what}; had "${shown}" instead.`, "InternalError");
  }
  override toString(): string {
    return `function ${this.kind}() { [native code for global.${this.kind}, arity=1] }`;
  }
  /** `"" + importPackage` reads the function's source, as Rhino prints a native function. */
  guestPrimitive(): string {
    return this.toString();
  }
}

/**
 * The legacy globals that reach Java: packages, JavaImporter, importPackage and importClass. Another evaluator
 * (next-gen) passes its own class access and the classes it emulates for it; `extraClasses` are another product's
 * own Java classes (IBM's com.tivoli… utilities), reachable the same way.
 */
export function javaPackages(
  ctx: RunContext,
  access: ClassAccess = LEGACY_CLASS_ACCESS,
  classes = emulatedClasses(ctx, Date.parse(ctx.scenario.clock)),
  extraClasses: readonly JavaClass[] = [],
): Record<string, unknown> {
  for (const c of extraClasses) classes.set(c.javaClass, c);
  const root = new JavaPackage("", classes, ctx, access);
  return {
    Packages: root,
    java: root.guestGet("java"),
    javax: root.guestGet("javax"),
    org: root.guestGet("org"),
    com: root.guestGet("com"),
    JavaImporter: new JavaImporterBinding([]),
    importPackage: new ImportFunction("importPackage"),
    importClass: new ImportFunction("importClass"),
  };
}
