/**
 * The `accessToken` binding for both evaluators: one implementation of AM's AccessToken operations over
 * the run's TokenState, with a ValueModel deciding how values cross (Java objects for legacy, plain JS
 * for next-generation). Method names are AM's (reference §1.3, §1.4 and Appendix C).
 */
import { GuestError, GuestReference, HostObject } from "../sandbox/host";
import { isNativeFieldName, type NativeFields } from "../token/state";
import { javaDoubleString } from "../token/values";
import { warn, type RunContext } from "./context";
import type { MemberTable } from "../bindings/members";
import { ACCESS_TOKEN_LEGACY_MEMBERS, ACCESS_TOKEN_NEXT_GEN_MEMBERS, MACAROON_ACCESS_TOKEN_LEGACY_MEMBERS, MACAROON_ACCESS_TOKEN_NEXT_GEN_MEMBERS } from "../bindings/tables/access-token";

export interface ValueModel {
  /** A script value as AM stores it in the token (JSON-compatible, Java types flattened). */
  store(value: unknown, what: string): unknown;
  /**
   * Legacy: what the token keeps of a script's array or object stored by reference, once the script has ended
   * (its contents then, as AM serialises the NativeArray / NativeObject when it issues the token).
   */
  settledValue?(reference: GuestReference, contents: unknown, what: string): unknown;
  /** A stored value as the script reads it back. */
  give(value: unknown): unknown;
  /** A scope collection from the script (legacy: java.util.Set only; next-gen: array). */
  scopesIn(value: unknown): string[];
  scopesOut(scopes: string[]): unknown;
  /** A string AM returns (legacy: java.lang.String). */
  stringOut(value: string | null): unknown;
  /** A list AM returns (audience). */
  listOut(values: string[]): unknown;
  /** JSON-valued arguments (setPermissions/setAct/...); legacy needs a JsonValue. */
  jsonIn(value: unknown, method: string): unknown;
  /** addExtraData's value: a string, or (legacy) a supplier function. */
  extraDataIn(value: unknown, key: unknown, javaClass: string): unknown;
  /** addExtraJsonData's value. */
  extraJsonIn(value: unknown, key: unknown, javaClass: string): unknown;
  /** An `Integer` getter's value (getAuthLevel); legacy boxes it as java.lang.Integer. */
  integerOut?(value: number | null): unknown;
  /**
   * Legacy only: how Rhino fails a call whose arguments match no Java overload (missing arguments included),
   * and how a Java exception thrown by the token reaches the script.
   */
  java?: {
    noSuchOverload(javaClass: string, method: string, args: unknown[]): GuestError;
    exception(javaClass: string, message: string | null): GuestError;
    /** Rhino's own refusal (e.g. a prohibited class): an InternalError that is no wrapped Java exception. */
    refusal(message: string): GuestError;
    /**
     * The token as its Java toString() gives it to the script (a java.lang.String object), and the text the
     * guest's String(token) / `"" + token` reads, as Rhino converts any Java object.
     */
    javaString(text: string): unknown;
    identityHash(): string;
    /** How a method of the token reads as a value (`"" + accessToken.setField`), as Rhino shows a Java method. */
    methodSource(javaClass: string, name: string): string | null;
  };
}

type NullableNative = Exclude<keyof NativeFields, "expiryTime" | "iat" | "nbf" | "id" | "iss">;

/** Script-visible setters and removers of plain native fields, by method suffix. */
const SIMPLE_FIELDS: Record<string, NullableNative> = {
  Nonce: "nonce",
  Realm: "realm",
  Claims: "claims",
  ClientId: "client_id",
  ResourceOwnerId: "sub",
  TokenName: "tokenName",
  TokenType: "token_type",
  GrantType: "grant_type",
  AuthGrantId: "authGrantId",
  AuditTrackingId: "auditTrackingId",
  AuthLevel: "auth_level",
  AuthTime: "auth_time",
};

export class AccessTokenBinding extends HostObject {
  readonly members: MemberTable;
  override readonly guestAliases: Readonly<Record<string, string>> | undefined;
  override readonly javaClass: string;
  override readonly guestReferenceArgs: Readonly<Record<string, readonly number[]>> | undefined;

  constructor(
    private readonly ctx: RunContext,
    private readonly values: ValueModel,
    javaClass: string,
  ) {
    super();
    // A macaroon token is its own class in AM (the AIC allow-list names it).
    this.javaClass = ctx.token.macaroon && values.java ? "org.forgerock.openam.oauth2.token.macaroon.MacaroonAccessToken" : javaClass;
    // Rhino reaches Object.getClass() on any Java object; AM's deny-list then blocks java.lang.Class.
    this.members = values.java
      ? ctx.token.macaroon ? MACAROON_ACCESS_TOKEN_LEGACY_MEMBERS : ACCESS_TOKEN_LEGACY_MEMBERS
      : ctx.token.macaroon ? MACAROON_ACCESS_TOKEN_NEXT_GEN_MEMBERS : ACCESS_TOKEN_NEXT_GEN_MEMBERS;
    // Legacy: toString() is the Java method, which gives the script a java.lang.String.
    this.guestAliases = values.java ? { toString: "javaToString" } : undefined;
    // Legacy: Rhino hands setField / setFields the script's own NativeArray / NativeObject, which AM keeps.
    this.guestReferenceArgs = values.java ? { setField: [1], setFields: [0] } : undefined;
  }

  private ownHash: string | null = null;
  /** Legacy: Object.toString() of the token object, its class name and an identity hash. */
  private javaText(): string {
    return `${this.javaClass}@${(this.ownHash ??= this.values.java?.identityHash() ?? "0")}`;
  }
  javaToString(): unknown {
    return this.values.java?.javaString(this.javaText());
  }
  guestPrimitive(): string {
    return this.javaText();
  }
  override guestMethodSource(name: string): string | null {
    return this.values.java?.methodSource(this.javaClass, name) ?? null;
  }

  /** Legacy: Rhino refuses a count no Java overload takes (the legacy table checks arity; next-gen's does not). */
  override guestNoSuchOverload(name: string, args: unknown[]): GuestError {
    return this.values.java?.noSuchOverload(this.javaClass, name, args) ?? new GuestError(`Can't find method ${this.javaClass}.${name}().`, "TypeError");
  }

  getClass(): never {
    throw this.values.java?.refusal('Access to Java class "java.lang.Class" is prohibited.') ??
      new GuestError("getClass is not a function", "TypeError");
  }

  private get n(): NativeFields {
    return this.ctx.token.native;
  }

  private nativeChanged(field: string, how: "removed" | "changed"): void {
    warn(
      this.ctx,
      how === "removed" ? "native-field-removed" : "native-field-changed",
      `The script ${how} the native field "${field}"; AM relies on it and may then reject its own token.`,
    );
  }

  private requireString(value: unknown, method: string): string {
    if (value === undefined) throw new GuestError(`Can't find method ${this.javaClass}.${method}().`, "TypeError");
    return String(this.values.store(value, method));
  }

  /** A condition string, or a JSON object (AM's caveats are JSON: { "scope": "profile", "exp": … }). */
  addFirstPartyCaveat(caveat: unknown): void {
    const stored = this.values.store(caveat, "addFirstPartyCaveat");
    if (typeof stored !== "string" && (stored === null || typeof stored !== "object")) {
      throw this.values.java?.noSuchOverload(this.javaClass, "addFirstPartyCaveat", [caveat]) ??
        new GuestError(`addFirstPartyCaveat takes a condition string or a JSON object, not ${stored === null ? "null" : typeof stored}`, "TypeError");
    }
    let identifier = typeof stored === "string" ? stored : JSON.stringify(stored);
    if (this.values.java && typeof stored !== "string" && !(caveat instanceof HostObject)) {
      // Java takes String, byte[] or JsonValue here; Rhino hands a JS object to the String overload as its
      // toString(), as it does for any String parameter (recorded in Rhino 1.7.14: "x".concat({a: 1}) is
      // "x[object Object]"). A JsonValue (or JSON.stringify's text) keeps the JSON.
      identifier = Array.isArray(stored) ? stored.map(String).join(",") : "[object Object]";
      warn(
        this.ctx,
        "macaroon-caveat-js-object",
        `addFirstPartyCaveat got a JavaScript ${Array.isArray(stored) ? "array" : "object"}: in a legacy script Rhino passes it to the Java method's String parameter as "${identifier}", so the caveat is that text, which no AM verifier satisfies. Pass JSON.stringify(${Array.isArray(stored) ? "[…]" : "{…}"}) instead.`,
      );
    }
    this.ctx.token.macaroon?.push({ type: "first-party", identifier });
  }

  /** Where the discharge comes from, the caveat key the third party signs it with, and the caveat's identifier. */
  addThirdPartyCaveat(location: unknown, caveatKey: unknown, identifier: unknown): void {
    const key = this.values.store(caveatKey, "addThirdPartyCaveat");
    const bytes =
      typeof key === "string"
        ? new TextEncoder().encode(key)
        : Array.isArray(key) && key.every((b) => typeof b === "number")
          ? Uint8Array.from(key as number[], (b) => b & 0xff)
          : null;
    if (bytes === null || location === null || location === undefined || identifier === null || identifier === undefined) {
      throw this.values.java?.noSuchOverload(this.javaClass, "addThirdPartyCaveat", [location, caveatKey, identifier]) ??
        new GuestError("addThirdPartyCaveat takes (location, key as a string or byte array, identifier)", "TypeError");
    }
    this.ctx.token.macaroon?.push({
      type: "third-party",
      location: String(this.values.store(location, "addThirdPartyCaveat")),
      key: bytes,
      identifier: String(this.values.store(identifier, "addThirdPartyCaveat")),
    });
  }

  getField(key: unknown): unknown {
    const name = String(key);
    if (this.ctx.token.custom.has(name)) return this.values.give(this.ctx.token.custom.get(name));
    return null;
  }

  setField(key: unknown, value: unknown): void {
    const name = String(key);
    if (isNativeFieldName(name)) this.nativeChanged(name, "changed");
    const stored = this.values.store(value, `setField("${name}")`);
    if (!this.values.java && typeof stored === "number" && Number.isInteger(stored)) this.nextGenNumberField(name, stored);
    this.putCustom(name, stored, `setField("${name}")`);
  }

  /**
   * Next-generation, a whole number stored as a field: whether AM then prints it as a Java double is not known
   * from the docs. Rhino hands a JS number to setField's Object parameter as a java.lang.Double (Rhino 1.7.14:
   * new java.util.ArrayList().add(45000) holds a java.lang.Double), legacy AM prints that Double as 42.0 (a live
   * AIC tenant, aic-manager-live#atm-legacy-setField-number-reads-double), and a published next-generation AIC
   * script's notes report the same there. The playground keeps the number as written and says so.
   */
  private nextGenNumberField(name: string, value: number): void {
    warn(
      this.ctx,
      "nextgen-field-number",
      `setField("${name}", ${value}): the playground stores ${value}, but AM may store ${javaDoubleString(value)}. Rhino passes a JS number to a Java Object parameter as a java.lang.Double; legacy AM prints it so (recorded on a live tenant), and a published next-generation AIC script's notes report "setField coerces a bare integer to a double (45000 -> 45000.0)"; AM's docs do not say. If a consumer needs an integer, check a real token, or store the value as a string.`,
    );
  }

  /** A custom field; one held by reference becomes its contents when the script ends, unless replaced by then. */
  private putCustom(name: string, stored: unknown, what: string): void {
    this.ctx.token.custom.set(name, stored);
    if (!(stored instanceof GuestReference)) return;
    stored.onSettle((contents) => {
      if (this.ctx.token.custom.get(name) !== stored) return;
      this.ctx.token.custom.set(name, this.values.settledValue ? this.values.settledValue(stored, contents, what) : contents);
    });
  }

  setFields(fields: unknown): void {
    const entries = this.values.store(fields, "setFields");
    if (entries === null || typeof entries !== "object" || Array.isArray(entries)) {
      throw new GuestError(`Can't find method ${this.javaClass}.setFields(${typeof fields}).`, "TypeError");
    }
    for (const [k, v] of Object.entries(entries as Record<string, unknown>)) {
      if (isNativeFieldName(k)) this.nativeChanged(k, "changed");
      this.putCustom(k, v, `setFields: "${k}"`);
    }
  }

  toMap(): unknown {
    const out: Record<string, unknown> = { access_token: this.n.id };
    if (this.n.scope) out.scope = this.n.scope.join(" ");
    out.token_type = this.n.token_type ?? "Bearer";
    out.expires_in = Math.trunc((this.n.expiryTime - this.ctx.token.issuedAt) / 1000);
    return this.values.give(out);
  }

  getTokenInfo(): unknown {
    const out: Record<string, unknown> = { ...this.customObject() };
    if (this.n.scope) out.scope = this.n.scope.join(" ");
    out.grant_type = this.n.grant_type;
    out.realm = this.n.realm;
    out.token_type = this.n.token_type;
    out.expires_in = Math.trunc((this.n.expiryTime - this.ctx.token.issuedAt) / 1000);
    out.access_token = this.n.id;
    return this.values.give(out);
  }

  private customObject(): Record<string, unknown> {
    return Object.fromEntries(this.ctx.token.custom);
  }

  getCustomFields(): unknown {
    if (this.values.java && this.ctx.token.custom.size > 1) {
      warn(
        this.ctx,
        "custom-fields-order",
        "getCustomFields() in legacy scripts: AM's map class for it is not known from any source, so the order its keys print and iterate in may differ; the playground keeps the order the script set them in.",
      );
    }
    // Observed on AIC (reference §1.3, T): a legacy client-side token's custom fields already held the JWT's
    // subname and expires_in; AM 7.0's server-side token's held only what the script set (LAP). The recorded
    // Rhino stand-in holds only the script's, so the playground does too, and says what AIC showed.
    if (this.values.java && this.ctx.token.clientSide) {
      warn(
        this.ctx,
        "custom-fields-client-side",
        "getCustomFields() on a client-side token: a live AIC tenant also listed subname and expires_in there (the JWT's own claims); the playground lists only the fields the script set.",
      );
    }
    return this.values.give(this.customObject());
  }

  getPermissions(): unknown {
    return this.values.give(this.n.permissions);
  }
  setPermissions(value: unknown): void {
    this.n.permissions = this.values.jsonIn(value, "setPermissions");
  }
  removePermissions(): void {
    this.n.permissions = null;
  }

  getScope(): unknown {
    return this.values.scopesOut(this.n.scope ?? []);
  }
  setScope(value: unknown): void {
    this.n.scope = this.values.scopesIn(value);
    this.nativeChanged("scope", "changed");
  }
  removeScopes(): void {
    this.n.scope = null;
    this.nativeChanged("scope", "removed");
  }

  getAudience(): unknown {
    return this.values.listOut(this.n.aud ?? []);
  }

  setId(tokenId: unknown): void {
    if (this.ctx.token.clientSide) {
      const message = "Client-side token's ID cannot be changed";
      if (this.values.java) throw this.values.java.exception("java.lang.UnsupportedOperationException", message);
      throw new GuestError(message, "JavaException", {
        javaException: "java.lang.UnsupportedOperationException: Client-side token's ID cannot be changed",
      });
    }
    this.n.id = this.requireString(tokenId, "setId");
    this.nativeChanged("id", "changed");
  }
  getTokenId(): unknown {
    return this.values.stringOut(this.n.id);
  }

  isExpired(): boolean {
    return this.n.expiryTime <= this.ctx.token.issuedAt;
  }

  /** AM's ResourceOwner class is not on the allow-list: Rhino refuses to wrap the returned object. */
  getResourceOwner(): never {
    const message = 'Access to Java class "org.forgerock.oauth2.core.ResourceOwner" is prohibited.';
    throw this.values.java?.refusal(message) ?? new GuestError(message, "TypeError");
  }

  getAuthTimeSeconds(): unknown {
    return this.n.auth_time ?? 0;
  }

  getAct(): unknown {
    return this.values.give(this.n.act);
  }
  setAct(value: unknown): void {
    this.n.act = this.values.jsonIn(value, "setAct");
  }
  getMayAct(): unknown {
    return this.values.give(this.n.may_act);
  }
  setMayAct(value: unknown): void {
    this.n.may_act = this.values.jsonIn(value, "setMayAct");
  }

  getExpiryTime(): number {
    return this.n.expiryTime;
  }
  setExpiryTime(value: unknown): void {
    const ms = Number(this.values.store(value, "setExpiryTime"));
    if (!Number.isFinite(ms)) {
      const message = `Cannot convert ${String(value)} to java.lang.Long`;
      throw this.values.java?.refusal(message) ?? new GuestError(message, "TypeError");
    }
    this.n.expiryTime = Math.trunc(ms);
  }

  getConfirmationKey(): unknown {
    return this.values.give(this.n.cnf);
  }
  setConfirmationKey(value: unknown): void {
    this.n.cnf = this.values.jsonIn(value, "setConfirmationKey");
  }
  removeConfirmationKey(): void {
    this.n.cnf = null;
    this.nativeChanged("cnf", "removed");
  }

  addExtraData(key: unknown, value: unknown): void {
    const name = String(key);
    const resolved = this.values.extraDataIn(value, key, this.javaClass);
    this.ctx.token.extraData.set(name, resolved === null || resolved === undefined ? null : String(resolved));
  }

  addExtraJsonData(key: unknown, value: unknown): void {
    this.ctx.token.extraData.set(String(key), this.values.extraJsonIn(value, key, this.javaClass));
  }

  // The plain native fields: getX / setX / removeX generated from SIMPLE_FIELDS below.
  [method: string]: unknown;
}

for (const [suffix, field] of Object.entries(SIMPLE_FIELDS)) {
  const proto = AccessTokenBinding.prototype as unknown as Record<string, unknown>;
  const numeric = field === "auth_level" || field === "auth_time";
  if (!proto[`get${suffix}`]) {
    proto[`get${suffix}`] = function (this: AccessTokenBinding) {
      const self = this as unknown as { n: NativeFields; values: ValueModel };
      const value = self.n[field];
      if (field === "auth_level" && self.values.integerOut) return self.values.integerOut(value as number | null);
      if (numeric) return value;
      return self.values.stringOut((value as string | null) ?? null);
    };
  }
  proto[`set${suffix}`] = function (this: AccessTokenBinding, value: unknown) {
    const self = this as unknown as { n: NativeFields; values: ValueModel; nativeChanged(f: string, h: string): void };
    const stored = self.values.store(value, `set${suffix}`);
    (self.n as unknown as Record<string, unknown>)[field] = numeric ? Math.trunc(Number(stored)) : stored === null ? null : String(stored);
    self.nativeChanged(field, "changed");
  };
  proto[`remove${suffix}`] = function (this: AccessTokenBinding) {
    const self = this as unknown as { n: NativeFields; nativeChanged(f: string, h: string): void };
    (self.n as unknown as Record<string, unknown>)[field] = null;
    self.nativeChanged(field, "removed");
  };
}
