/**
 * Member tables of AM's own classes a legacy (Rhino) script is handed: the identity, the session, the debug
 * logger, IdType, and the few java.lang / java.util objects a script can construct (exceptions, Date, UUID,
 * BigInteger). Overloads are those of AM 7's javadoc (reference §1.3) and Java 17.
 */
import { HIDDEN, MemberTable } from "../members";

export const DEBUG_MEMBERS = new MemberTable(
  "Debug",
  {
    message: ["(format: string, ...args: any[]): void"],
    warning: ["(format: string, ...args: any[]): void"],
    error: ["(format: string, ...args: any[]): void"],
    messageEnabled: "(): boolean",
    warningEnabled: "(): boolean",
    errorEnabled: "(): boolean",
    getName: "(): string",
    toString: HIDDEN,
    "#primitive": HIDDEN,
  },
  "",
  "com.sun.identity.shared.debug.Debug: {} placeholders take the next argument.",
);

export const AM_IDENTITY_MEMBERS = new MemberTable(
  "AMIdentity",
  {
    getName: "(): JavaString",
    getType: "(): any",
    getRealm: "(): JavaString",
    isActive: "(): boolean",
    isExists: "(): boolean",
    getUniversalId: "(): JavaString",
    getAttribute: { overloads: ["(attributeName: string): JavaSet<JavaString>"], doc: "Attribute values as a java.util.Set<String> (empty when unset)." },
    getAttributes: {
      overloads: ["(): JavaMap<JavaSet<JavaString>>", "(attributeNames: JavaSet<string>): JavaMap<JavaSet<JavaString>>"],
      doc: "No argument: every attribute (an AMHashMap, names case-insensitive); a Set of names: those the identity has.",
    },
    setAttributes: "(attributes: JavaMap<any>): void",
    removeAttributes: "(attributeNames: JavaSet<string>): void",
    store: "(): void",
    getMemberships: { overloads: ["(type: any): JavaSet<AMIdentity>"], doc: "Groups (IdType.GROUP) the identity belongs to." },
    getMembers: { overloads: ["(type: any): JavaSet<AMIdentity>"], doc: "Identities of that type this one holds (none for a user)." },
    isMember: "(identity: AMIdentity): boolean",
    equals: { overloads: ["(other: any): boolean"], doc: "The same universal id, ignoring case." },
    hashCode: "(): number",
    getDN: { overloads: ["(): null"], doc: "The AMSDK DN: null in AM 7's identity stores." },
    toString: HIDDEN,
    "#primitive": HIDDEN,
  },
  "",
  "com.sun.identity.idm.AMIdentity.",
);

export const SSO_TOKEN_MEMBERS = new MemberTable(
  "SSOToken",
  {
    toString: HIDDEN,
    "#primitive": HIDDEN,
    getProperty: ["(name: string): JavaString | null", "(name: string, ignoreState: boolean): JavaString | null"],
    setProperty: "(name: string, value: string): void",
    getPrincipal: { overloads: ["(): never"], doc: "Refused in AM: its com.iplanet.sso.providers.dpro.SSOPrincipal is not on the allow-list." },
    getAuthType: "(): JavaString",
    getAuthLevel: "(): number",
    getIPAddress: { overloads: ["(): never"], doc: "Refused in AM: its java.net.InetAddress is not on the allow-list." },
    getHostName: "(): JavaString",
    getTimeLeft: "(): number",
    getMaxSessionTime: "(): number",
    getIdleTime: "(): number",
    getMaxIdleTime: "(): number",
    getTokenID: { overloads: ["(): SSOTokenID"], doc: "The session's id as a com.iplanet.sso.providers.dpro.SSOTokenIDImpl: toString() gives the id." },
    isTokenRestricted: "(): boolean",
  },
  "",
  "com.iplanet.sso.SSOToken: the user's session.",
);

export const SSO_TOKEN_ID_MEMBERS = new MemberTable("SSOTokenID", {
  toString: "(): JavaString",
  "#primitive": HIDDEN,
  toJSON: HIDDEN,
  equals: "(other: any): boolean",
  hashCode: "(): number",
});

export const ID_TYPE_MEMBERS = new MemberTable("IdType", {
  getName: "(): JavaString",
  toString: "(): JavaString",
  "#primitive": HIDDEN,
  equals: "(other: any): boolean",
});

export const JAVA_THROWABLE_MEMBERS = new MemberTable("JavaThrowable", {
  getMessage: "(): JavaString | null",
  toString: "(): JavaString",
  "#primitive": HIDDEN,
  getLocalizedMessage: "(): JavaString | null",
});

export const JAVA_DATE_MEMBERS = new MemberTable("JavaDate", {
  getTime: "(): number",
  toString: "(): JavaString",
  "#primitive": HIDDEN,
});

export const JAVA_BIG_INTEGER_MEMBERS = new MemberTable("JavaBigInteger", {
  toString: "(): JavaString",
  valueOf: HIDDEN,
  add: "(other: JavaBigInteger): JavaBigInteger",
  longValue: "(): number",
  intValue: "(): number",
});

export const JAVA_UUID_MEMBERS = new MemberTable("JavaUUID", {
  toString: "(): JavaString",
  "#primitive": HIDDEN,
  equals: "(other: any): boolean",
  hashCode: "(): number",
  version: "(): number",
  getClass: "(): never",
});
