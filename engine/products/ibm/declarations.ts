/**
 * TypeScript declarations of what a classic IBM Verify Access mapping rule can reach: the `stsuu`,
 * `oauth_client` and `definition_id` globals, Rhino's `importClass` / `importPackage` / `Packages`, and IBM's
 * classes as the rule imports them. The editor's IntelliSense and hover docs for the IBM product come from
 * here; a test checks each declared interface against the host objects of utils.ts and stsuu.ts (and back),
 * and typechecks the text with the TypeScript compiler. Sources: reference flows-and-hooks.md §C.2–§C.4, IBM
 * docs "OAuthMappingExtUtils Utility", seed 003.
 */

/** The attribute types a rule reads and writes (reference §C.2/§C.3), for hover docs and the lint. */
export const IBM_ATTRIBUTE_TYPE_DOCS: Record<string, string> = {
  "urn:ibm:names:ITFIM:oauth:request": "request_type (authorization, access_token, introspect, userinfo, revoke)",
  "urn:ibm:names:ITFIM:oauth:body:param": "a form-body parameter of the request (grant_type, code, username…)",
  "urn:ibm:names:ITFIM:oauth:query:param": "a query parameter of /authorize (client_id, response_type…)",
  "urn:ibm:names:ITFIM:oauth:param": "client_id, the third place IBM puts it",
  "urn:ibm:names:ITFIM:oauth:state": "state_id (post-token rule only); the same for the grant's whole life",
  "urn:ibm:names:ITFIM:oauth:response:metadata": "access_token_id / refresh_token_id (post-token)",
  "urn:ibm:names:ITFIM:oauth:response:attribute": "a field of the response (token endpoint, introspection, userinfo)",
  "urn:ibm:names:ITFIM:oauth:rule:decision": "username: overrides the token's subject",
  "urn:ibm:jwt:claim": "an ID-token claim (add it in the pre-token rule, on stsuu's attribute container)",
  "urn:ibm:ITFIM:oauth20:custom:token": "a custom token value (names urn:ibm:ITFIM:oauth20:custom:token:{authorization_code|access_token|refresh_token})",
  "urn:ibm:names:ITFIM:5.1:accessmanager": "a credential / attribute-source attribute (stsuu.getAttributeContainer(), /authorize)",
  "urn:ibm:names:ITFIM:oidc:claim:essential": "a requested OIDC claim marked essential (values: the expected values)",
  "urn:ibm:names:ITFIM:oidc:claim:voluntary": "a requested OIDC claim, voluntary (values: the expected values)",
};

const ATTRIBUTE_TYPE_UNION = Object.keys(IBM_ATTRIBUTE_TYPE_DOCS)
  .map((t) => `"${t}"`)
  .join(" | ");

export const IBM_DECLARATIONS = `
/** A String[] as IBM's classes return it: index it, read its length; its items are java.lang.String (== but not === a JS string). */
interface JavaStringArray {
  readonly length: number;
  readonly [index: number]: JavaString;
}
/** A java.lang.String: compare with ==, .equals() or String(value) === "…"; its length() is a method. */
interface JavaString {
  length(): number;
  equals(other: any): boolean;
  toString(): string;
}
/** A java.util.Map (OAuthMappingExtUtils.getEmptyMap(), retrieveAllAssociations()). */
interface JavaMap {
  put(key: string, value: any): any;
  get(key: string): any;
  containsKey(key: string): boolean;
  remove(key: string): any;
  keySet(): any;
  size(): number;
  isEmpty(): boolean;
}

/** The IBM attribute types the playground routes (reference §C.2/§C.3). */
type IbmAttributeType = ${ATTRIBUTE_TYPE_UNION};

/** com.tivoli.am.fim.trustserver.sts.uuser.Attribute: a name, a type and one or more string values. */
interface Attribute {
  getName(): JavaString;
  getType(): JavaString;
  /** Every value, as a String[]. */
  getValues(): JavaStringArray;
  /** The first value, or null. */
  getValue(): JavaString | null;
  addValue(value: any): void;
  setValues(values: any): void;
}

/** One of the STSUU's three containers (principal, attributes, context). */
interface AttributeContainer {
  /** The first value of the first attribute with this name, or null. */
  getAttributeValueByName(name: string): JavaString | null;
  /** The first value of the attribute with this name and type, or null (e.g. ("state_id", "urn:ibm:names:ITFIM:oauth:state")). */
  getAttributeValueByNameAndType(name: string, type: IbmAttributeType | string): JavaString | null;
  /** Every value of the attributes with this name (String[]), or null when there is none. */
  getAttributeValuesByName(name: string): JavaStringArray | null;
  getAttributeValuesByNameAndType(name: string, type: IbmAttributeType | string): JavaStringArray | null;
  getAttributeByName(name: string): Attribute | null;
  getAttributeByNameAndType(name: string, type: IbmAttributeType | string): Attribute | null;
  getAttributes(): { readonly length: number; readonly [index: number]: Attribute };
  getAttributeNames(): JavaStringArray;
  /** Adds the attribute; one with the same name and type is replaced. */
  setAttribute(attribute: Attribute): void;
  /** Adds the attribute; one with the same name and type is replaced. */
  addAttribute(attribute: Attribute): void;
  removeAttribute(attribute: Attribute): boolean;
  removeAttributeByName(name: string): void;
  removeAttributeByNameAndType(name: string, type: IbmAttributeType | string): void;
  size(): number;
  isEmpty(): boolean;
  clear(): void;
}

/** The STSUniversalUser the pre- and post-token rules share for one request. */
interface STSUniversalUser {
  /** The attribute container: credential attributes at /authorize; urn:ibm:jwt:claim attributes become ID-token claims. */
  getAttributeContainer(): AttributeContainer;
  /** The request's inputs (request_type, body and query params, state_id…) and the response attributes. */
  getContextAttributes(): AttributeContainer;
  getPrincipalAttributes(): AttributeContainer;
  /** Adds to the attribute container (urn:ibm:jwt:claim → ID token). */
  addAttribute(attribute: Attribute): void;
  /** Adds to the context (urn:ibm:names:ITFIM:oauth:response:attribute → the response). */
  addContextAttribute(attribute: Attribute): void;
  addPrincipalAttribute(attribute: Attribute): void;
  getAttributeValueByName(name: string): JavaString | null;
  getAttributeValuesByName(name: string): JavaStringArray | null;
  getPrincipalName(): JavaString | null;
  setPrincipalName(name: string): void;
  /** Empties every container (IBM's introspection denial: clear, then add active=false). */
  clear(): void;
}

/** An OAuth token as OAuthMappingExtUtils.getToken / getTokens return it. */
interface OAuthToken {
  getStateId(): JavaString;
  getId(): JavaString;
  getTokenId(): JavaString;
  getUsername(): JavaString;
  getClientId(): JavaString;
  getScope(): JavaStringArray;
  /** authorization_code, access_token or refresh_token. */
  getType(): JavaString;
  /** Seconds. */
  getLifetime(): number;
  /** Epoch milliseconds. */
  getDateCreated(): number;
  isExpired(): boolean;
  isEnabled(): boolean;
}

/** com.tivoli.am.fim.trustserver.sts.utilities.OAuthMappingExtUtils (static methods; importClass it first). */
interface OAuthMappingExtUtilsClass {
  /** Stores key=value against the grant's state_id; false when there is no such grant or a key/value is over 256 characters. */
  associate(stateId: any, key: string, value: any): boolean;
  /** Removes the attribute; its old value, or null. */
  disassociate(stateId: any, key: string): JavaString | null;
  getAssociation(stateId: any, key: string): JavaString | null;
  /** The keys, or null for an unknown state_id or no associated attributes. */
  getAssociationKeys(stateId: any): JavaStringArray | null;
  retrieveAllAssociations(stateId: any): JavaMap | null;
  getEmptyMap(): JavaMap;
  /** Adds the attributes, never updates an existing one; an error text or null. */
  batchCreate(stateId: any, attributes: JavaMap | { [key: string]: any }): JavaString | null;
  /** Updates existing attributes, never creates one; an error text or null. */
  batchUpdate(stateId: any, attributes: JavaMap | { [key: string]: any }): JavaString | null;
  batchDelete(stateId: any, keys: any): JavaString | null;
  /** A token by its value or id (a code too), or null. */
  getToken(valueOrId: string): OAuthToken | null;
  /** getTokens(stateId) or getTokens(clientId, username): the live tokens. */
  getTokens(stateIdOrClientId: any, username?: string): { readonly length: number; readonly [index: number]: OAuthToken };
  deleteGrant(stateId: any): void;
  deleteToken(tokenId: string): void;
  generateRandomString(length: number): JavaString;
  isOidcCompliantByDefinitionID(definitionId: any): boolean;
  /** Fails the request; the message is returned in the response. */
  throwSTSUserMessageException(message: string): never;
  /** Fails the request with an internal server error; the message only in the log. */
  throwSTSException(message: string): never;
  /** Fails the request with 401 access denied. */
  throwSTSAccessDeniedMessageException(message: string): never;
  throwSTSCustomUserPageException(message: string, status: number, error: string): never;
  throwSTSCustomUserMessageException(message: string, status: number, error: string): never;
}

/** IDMappingExtUtils.getIDMappingExtCache(): lives across the flow's requests. */
interface IDMappingExtCache {
  put(key: string, value: any, lifetimeSeconds?: number): void;
  get(key: string): any;
  getAndRemove(key: string): any;
  remove(key: string): void;
  exists(key: string): boolean;
}

/** com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtUtils (static methods; importClass it first). */
interface IDMappingExtUtilsClass {
  /** Writes to the trace log (the run's logs, level trace). */
  traceString(message: any): void;
  getIDMappingExtCache(): IDMappingExtCache;
  throwSTSException(message: string): never;
}

/** java.lang.reflect.Array: IBM's rules build String[] values with it. */
interface ReflectArrayClass {
  newInstance(componentType: any, length: number): any[];
  getLength(array: any): number;
}

/** The API protection client making the request. */
interface OAuth20Client {
  getClientId(): JavaString;
  getClientName(): JavaString;
  isConfidential(): boolean;
  /** The client's extended data as JSON text: JSON.parse(String(oauth_client.getExtendedData())). */
  getExtendedData(): JavaString;
  getOtherInfo(): JavaString | null;
}

/** The STSUniversalUser of this request: inputs in its context attributes, outputs by attribute type. */
declare const stsuu: STSUniversalUser;
/** The API protection client of the request. */
declare const oauth_client: OAuth20Client;
/** The API protection definition's id. */
declare const definition_id: string;
/** Rhino: makes a Java class reachable by its short name, e.g. importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute). */
declare function importClass(...classes: any[]): void;
/** Rhino: makes every class of a Java package reachable by its short name. */
declare function importPackage(...packages: any[]): void;
/** Rhino: Java packages by name (Packages.com.tivoli…). */
declare const Packages: any;
/** Rhino: the java.* packages. */
declare const java: any;
/** Rhino: a scope object with the given packages and classes imported (with (new JavaImporter(…)) { … }). */
declare const JavaImporter: any;
/** After importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute). */
declare const Attribute: { new (name: string, type: IbmAttributeType | string, value: any): Attribute };
/** After importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.STSUniversalUser). */
declare const STSUniversalUser: { new (): STSUniversalUser };
/** After importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.OAuthMappingExtUtils). */
declare const OAuthMappingExtUtils: OAuthMappingExtUtilsClass;
/** After importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtUtils). */
declare const IDMappingExtUtils: IDMappingExtUtilsClass;
`;

/** Method names declared on one interface of IBM_DECLARATIONS (for the lint and the drift test). */
export function ibmDeclaredMethods(interfaceName: string): string[] {
  const found = new RegExp(`interface ${interfaceName} \\{`).exec(IBM_DECLARATIONS);
  if (!found) return [];
  const end = IBM_DECLARATIONS.indexOf("\n}", found.index);
  return [...new Set([...IBM_DECLARATIONS.slice(found.index, end).matchAll(/^\s+(\w+)\(/gm)].map((m) => m[1]))];
}
