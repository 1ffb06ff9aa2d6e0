/**
 * The `accessToken` binding's members for both evaluators (engine/evaluators/access-token.ts): AM's
 * AccessToken operations (reference §1.3, §1.4 and Appendix C). The operations are one list; the types a
 * script gives and gets differ (legacy: Java objects; next-generation: JavaScript values), and legacy adds
 * what Rhino reaches on any Java object.
 */
import { HIDDEN, MemberTable, type MemberInit } from "../members";

interface Types {
  /** A string AM returns. */
  string: string;
  scopes: string;
  scopesIn: string;
  audience: string;
  fields: string;
  extraData: string;
}

const NEXT_GEN: Types = { string: "string", scopes: "string[]", scopesIn: "string[]", audience: "string[]", fields: "{ [key: string]: any }", extraData: "string" };
const LEGACY: Types = {
  string: "string",
  scopes: "JavaSet<JavaString>",
  scopesIn: "JavaSet<string>",
  audience: "JavaList<JavaString>",
  fields: "JavaMap<any> | { [key: string]: any }",
  extraData: "string | (() => string)",
};

/** Native fields a script reads, sets and removes by name (get<Name>, set<Name>(value), remove<Name>()). */
const PLAIN_FIELDS = ["Nonce", "Realm"] as const;

function members(t: Types, legacy: boolean): Record<string, MemberInit> {
  const plain = (suffix: string, type = t.string): Record<string, MemberInit> => {
    const param = suffix[0].toLowerCase() + suffix.slice(1);
    return { [`get${suffix}`]: `(): ${type}`, [`set${suffix}`]: `(${param}: ${type}): void`, [`remove${suffix}`]: "(): void" };
  };
  return {
    getField: { overloads: ["(key: string): any"], doc: "Reads a custom field set with setField, or null." },
    setField: {
      overloads: ["(field: string, value: any): void"],
      doc: legacy
        ? "Sets a custom field; JS numbers become Java doubles (42 reads back as 42.0)."
        : "Sets a custom field: a top-level claim (client-side) or CTS field (server-side); shown by introspection.",
    },
    setFields: { overloads: [`(fields: ${t.fields}): void`], doc: "Sets several custom fields from an object." },
    toMap: { overloads: ["(): any"], doc: "Removing or changing native fields may make AM reject its own token." },
    getTokenInfo: "(): any",
    getCustomFields: "(): any",
    getPermissions: "(): any",
    setPermissions: {
      overloads: ["(permissions: any): void"],
      doc: legacy ? 'Takes a JsonValue (a JS object fails with "Can\'t find method").' : undefined,
    },
    removePermissions: "(): void",
    getScope: { overloads: [`(): ${t.scopes}`], doc: "Requested scopes." },
    setScope: {
      overloads: [`(scopes: ${t.scopesIn}): void`],
      doc: legacy ? 'Needs a java.util.Set: a JS array fails with "Cannot convert org.mozilla.javascript.NativeArray to java.util.Set".' : undefined,
    },
    removeScopes: "(): void",
    ...Object.assign({}, ...PLAIN_FIELDS.map((f) => plain(f))),
    getAudience: `(): ${t.audience}`,
    setId: "(tokenId: string): void",
    getTokenId: { overloads: ["(): string"], doc: "The token's id (server-side: the opaque token value). Client-side ids cannot be changed." },
    ...plain("AuditTrackingId"),
    isExpired: { overloads: ["(): boolean"], doc: "true when the token has expired at issue time." },
    ...plain("ResourceOwnerId"),
    getResourceOwner: { overloads: ["(): never"], doc: "Not accessible to scripts in AM: access to ResourceOwner is prohibited." },
    getAuthTimeSeconds: { overloads: ["(): number"], doc: "Authentication time in epoch seconds." },
    setAuthTime: "(authTime: number): void",
    removeAuthTime: "(): void",
    getAct: "(): any",
    setAct: "(value: any): void",
    getMayAct: "(): any",
    setMayAct: "(value: any): void",
    ...plain("AuthGrantId"),
    ...plain("AuthLevel", "number"),
    getExpiryTime: { overloads: ["(): number"], doc: "Expiry time in epoch milliseconds." },
    setExpiryTime: { overloads: ["(expiryTime: number): void"], doc: "Sets a new expiry time in epoch milliseconds; expires_in and exp follow it." },
    ...plain("Claims"),
    ...plain("ClientId"),
    ...plain("GrantType"),
    ...plain("TokenType"),
    ...plain("TokenName"),
    getConfirmationKey: "(): any",
    setConfirmationKey: "(confirmationKey: any): void",
    removeConfirmationKey: "(): void",
    addExtraData: {
      overloads: [`(key: string, value: ${t.extraData}): void`],
      doc: `Adds a string next to access_token in the /oauth2/access_token response (not stored in the token)${legacy ? "; value may be a supplier function" : ""}.`,
    },
    addExtraJsonData: {
      overloads: ["(key: string, value: any): void"],
      doc: `Adds JSON next to access_token in the /oauth2/access_token response${legacy ? "; value may be a supplier function" : ""}.`,
    },
  };
}

export const ACCESS_TOKEN_NEXT_GEN_MEMBERS = new MemberTable(
  "AccessToken",
  members(NEXT_GEN, false),
  "",
  "The access token being issued (AccessTokenScriptWrapper). Changes are stored in the token.",
);

export const ACCESS_TOKEN_LEGACY_MEMBERS = new MemberTable(
  "AccessToken",
  {
    ...members(LEGACY, true),
    getClass: { overloads: ["(): never"], doc: 'Always fails in AM: java.lang.Class is on the deny-list ("Access to Java class "java.lang.Class" is prohibited.").' },
    toString: HIDDEN,
    "#primitive": HIDDEN,
  },
  "",
  "org.forgerock.oauth2.core.AccessToken (legacy). JS numbers become Java doubles (42 reads back as 42.0).",
).withArityChecks();

/**
 * Token storage "macaroon" only: the caveat methods. AM's docs say the script may add caveats to a macaroon
 * token; the MacaroonToken javadoc is not public, so the names and arguments are org.forgerock.macaroons.Macaroon's
 * (reference flows-and-hooks.md §B) and every macaroon run says so (token/macaroon-token.ts).
 */
const MACAROON_CAVEATS: Record<string, MemberInit> = {
  addFirstPartyCaveat: { overloads: ["(caveat: string | object): void"], doc: "Macaroon tokens only: a first-party caveat (a JSON condition such as { scope, exp, aud, cnf })." },
  addThirdPartyCaveat: { overloads: ["(location: string, caveatKey: string | number[], identifier: string): void"], doc: "Macaroon tokens only: a third-party caveat a discharge macaroon must satisfy." },
};

export const MACAROON_ACCESS_TOKEN_NEXT_GEN_MEMBERS = ACCESS_TOKEN_NEXT_GEN_MEMBERS.with(MACAROON_CAVEATS);
export const MACAROON_ACCESS_TOKEN_LEGACY_MEMBERS = ACCESS_TOKEN_LEGACY_MEMBERS.with(MACAROON_CAVEATS).withArityChecks();
