/**
 * The scenario: everything AM would know when it runs an access-token modification script.
 * One zod schema gives the TypeScript types, the defaults (`{}` is a valid scenario), validation with
 * JSON paths, and the published JSON Schema (see `scenarioJsonSchema`).
 */
import { z } from "zod";
import { FLOW_GRANT_TYPES, flowSchema, noUserinfoReason } from "../flow/schema";
import { dischargeMacaroonsSchema } from "../token/discharge";
import { DEFAULT_EVALUATOR, DEFAULT_PRODUCT, EVALUATORS, EVALUATOR_IDS, PRODUCTS, PRODUCT_IDS } from "../../contracts/catalog";

/** The seed's demo user and time, so an empty scenario reproduces the documented example. */
export const DEMO_USER_ID = "014c54bd-6078-4639-8316-8ce0e7746fa4";
export const DEMO_CLOCK = "2025-08-13T17:57:40Z";

const stringList = z.array(z.string());
const multiValueMap = z.record(z.string(), stringList);

function isAbsoluteUrl(value: string): boolean {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}
/** A URL AM would hold (an issuer, a redirect URI, a request URL): absolute, parseable. */
const absoluteUrl = z.string().refine(isAbsoluteUrl, { message: "must be an absolute URL, e.g. https://am.example.com/am" });
/** An ISO 8601 date and time with its offset (Z or ±hh:mm), the form AM's logs and JWTs round-trip. */
const isoDateTime = () => z.iso.datetime({ offset: true, error: "must be an ISO 8601 date and time, e.g. 2025-08-13T17:57:40Z" });
/** The largest time a JavaScript or Rhino Date can hold (ms since 1970), so every derived date shows. */
const MAX_DATE_MS = 8.64e15;

// The names come from the registry's catalog (products/catalog.ts), so a new evaluator or product is listed once.
export const evaluatorSchema = z.enum(EVALUATOR_IDS).describe(EVALUATORS.map((e) => `"${e.id}" (${e.summary})`).join(" or "));
export type Evaluator = z.infer<typeof evaluatorSchema>;

const clientSchema = z
  .strictObject({
    clientId: z.string().default("myClient").describe("The client's id (clientProperties.clientId; client_id in introspection)"),
    allowedGrantTypes: stringList.default(["authorization_code"]).describe("Grant types the client may use (clientProperties.allowedGrantTypes)"),
    allowedResponseTypes: stringList.default(["code"]).describe("Response types the client may use (clientProperties.allowedResponseTypes)"),
    allowedScopes: stringList.default(["access"]).describe("Scopes the client may request (clientProperties.allowedScopes)"),
    redirectUris: z.array(absoluteUrl).default(["https://www.example.com:443/callback"]).describe("The client's registered redirection URIs (clientProperties.redirectUris)"),
    customProperties: z
      .record(z.string(), z.unknown())
      .default({})
      .describe("The client's custom properties; `customMap[key1]=v` entries appear as nested maps"),
    agentAttributes: multiValueMap
      .default({ "com.forgerock.openam.oauth2provider.clientType": ["Confidential"] })
      .describe(
        "The client's own profile, which a client-credentials script sees as its identity (an agent): e.g. com.forgerock.openam.oauth2provider.clientType, and userpassword (AM hands the client secret; put a placeholder here)",
      ),
  })
  .describe("The OAuth 2.0 client (clientProperties binding); null when AM could not identify the client");

const identitySchema = z
  .strictObject({
    id: z.string().default(DEMO_USER_ID).describe("The identity's _id (IDM uuid)"),
    username: z.string().default("bjensen").describe("The identity's name (identity.getName()); the token's sub and username"),
    attributes: multiValueMap
      .default({})
      .describe("Profile attributes, each a list of values (as AM's identity repository returns them)"),
    groups: z
      .array(
        z
          .strictObject({
            id: z.string().describe("The group's name (getName() of the group; also its cn unless attributes set one)"),
            attributes: multiValueMap.default({}).describe("The group's attributes, each a list of values (group.getAttribute(name))"),
          })
          .describe("One group"),
      )
      .default([])
      .describe(
        "Groups the identity is a member of: what a legacy script's identity.getMemberships(IdType.GROUP) returns and isMember() checks. They do not fill the isMemberOf attribute: identity.getAttribute(\"isMemberOf\") (legacy) and getAttributeValues(\"isMemberOf\") (next-gen, whose identity has no membership methods) read only what attributes.isMemberOf lists (group DNs, as the directory returns them)",
      ),
    exists: z.boolean().default(true).describe("What identity.isExists() (legacy) / identity.exists() (next-gen) returns"),
    active: z.boolean().default(true).describe("What identity.isActive() returns (legacy)"),
    failStore: z
      .string()
      .optional()
      .describe("When set, identity.store() fails with this message (to test error handling)"),
  })
  .describe("The resource owner (identity binding)");

const requestSchema = z
  .strictObject({
    uri: absoluteUrl.optional().describe("Defaults to the issuer's /access_token URL"),
    uriType: z
      .enum(["string", "java.net.URI"])
      .default("string")
      .describe(
        'The type of requestProperties.requestUri (both evaluators). AM\'s docs say "the URI as a string" (the default); choose "java.net.URI" when your tenant hands scripts a URI object (getHost(), getPath(), getQuery(), …)',
      ),
    valuesType: z
      .enum(["array", "java.util.List"])
      .default("array")
      .describe(
        'Next-generation only: the type of each requestParams and requestHeaders value. AM\'s docs say "each value is an array" (the default); a tenant probe saw Java lists, which also answer get(i) and size() but have no join() or map(). [0] and .length work on both',
      ),
    params: multiValueMap
      .default({})
      .describe("Request parameters, each a list of values (next-gen scripts get arrays); grant_type defaults to the token's grant type"),
    headers: multiValueMap.default({ "User-Agent": ["curl/8.5.0"] }).describe("Request headers, each a list of values (requestProperties.requestHeaders)"),
  })
  .describe("The token request (requestProperties binding)");

const sessionSchema = z
  .strictObject({
    properties: z.record(z.string(), z.string()).default({}).describe("Session properties session.getProperty(name) reads (and setProperty writes)"),
    principal: z.string().optional().describe("Defaults to the identity's universal id"),
    authLevel: z.number().int().default(0).describe("The session's authentication level (session.getAuthLevel())"),
    authType: z.string().default("DataStore").describe("The module or tree that authenticated the user (session.getAuthType())"),
    ipAddress: z.string().default("127.0.0.1").describe("The client's IP address as the session records it"),
    hostName: z.string().default("localhost").describe("The client's host name as the session records it"),
    maxSessionTime: z.number().int().positive().default(120).describe("Minutes"),
    maxIdleTime: z.number().int().positive().default(30).describe("Minutes"),
  })
  .describe("The user's SSO session; null when the request has no session cookie");

export const signingAlgSchema = z.enum(["HS256", "RS256", "ES256"]);
export type SigningAlg = z.infer<typeof signingAlgSchema>;

const tokenSchema = z
  .strictObject({
    grantType: z
      .enum([...FLOW_GRANT_TYPES, "implicit"])
      .default("authorization_code")
      .describe('The grant that issues the token; client_credentials issues it for the client, without a user; "implicit" stands for a token issued at /authorize (implicit and hybrid response types)'),
    storage: z
      .enum(["server-side", "client-side", "macaroon"])
      .default("server-side")
      .describe(
        'server-side: an opaque token kept in CTS; client-side: a signed JWT; macaroon: AM\'s "Use Macaroon Access and Refresh Tokens" (fields kept server-side, the token a macaroon the script may add caveats to; its wire form is the playground\'s, see docs/flows.md)',
      ),
    lifetimeSeconds: z.number().int().positive().default(3600).describe("The access token's lifetime in seconds (the provider's access token lifetime)"),
    refreshToken: z.boolean().default(true).describe("Whether a refresh token is issued with the access token"),
    refreshLifetimeSeconds: z
      .number()
      .int()
      .positive()
      .default(604800)
      .describe("Refresh token lifetime (AM's default: 604800 s, 7 days); flows answer invalid_grant after it"),
    authGrantId: z
      .string()
      .optional()
      .describe("The grant's id (accessToken.getAuthGrantId()); defaults to one derived from the seed. A flow keeps it for every token of the grant"),
    auditTrackingId: z
      .string()
      .optional()
      .describe("The token's audit tracking id (accessToken.getAuditTrackingId(), the transaction header's prefix); defaults to one derived from the seed"),
    authLevel: z.number().int().default(0).describe("The authentication level recorded in the token (auth_level)"),
    authTime: isoDateTime().optional().describe("Authentication time (ISO 8601); defaults to the clock"),
    responseDelayMs: z
      .number()
      .int()
      .min(0)
      .default(1)
      .describe("Time between issue and the token endpoint's response; AM computes expires_in then (3599 for 3600 s)"),
    signing: z
      .strictObject({
        alg: signingAlgSchema
          .default("HS256")
          .describe("How client-side tokens are signed: HS256 with the secret, RS256 / ES256 with the demo keys (`token-playground keys` prints their JWKS)"),
        secret: z
          .string()
          .optional()
          .describe("HMAC secret for HS256; defaults to a built-in demo secret"),
      })
      .prefault({})
      .describe("How client-side tokens and ID tokens are signed"),
    sizeLimitBytes: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Warn when a client-side token exceeds this many bytes (in addition to the common limits)"),
    dischargeMacaroons: dischargeMacaroonsSchema.optional(),
  })
  .describe("How AM issues the token");

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(`^(?:${pattern})$`);
    return true;
  } catch {
    return false;
  }
}

const httpMockSchema = z.strictObject({
  name: z.string().optional().describe("A label for the mock, shown when it answers or nearly matches"),
  request: z.strictObject({
    method: z.string().optional().describe("Any method when absent"),
    url: absoluteUrl.optional().describe("Exact URL (query included if given)"),
    urlPattern: z
      .string()
      .refine(isRegExp, { message: "must be a valid regular expression" })
      .optional()
      .describe("Regular expression over the whole URL"),
    headers: z.record(z.string(), z.string()).optional().describe("Headers that must be present with these values"),
    query: z.record(z.string(), z.string()).optional().describe("Query parameters that must be present"),
    body: z.string().optional().describe("Exact request body"),
    bodyContains: z.string().optional().describe("Text the request body must contain"),
    json: z.unknown().optional().describe("Request body must be JSON containing this (deep subset)"),
  }).describe("What a request must look like for this mock to answer; every field given must match"),
  response: z
    .strictObject({
      status: z.number().int().min(100).max(599).default(200).describe("The response status"),
      statusText: z.string().optional().describe("The reason phrase; defaults to the standard one for the status"),
      headers: z
        .record(z.string(), z.union([z.string(), stringList]))
        .default({})
        .describe("Response headers, each a value or a list of values"),
      json: z.unknown().optional().describe("A JSON body (sets Content-Type: application/json unless headers set one)"),
      body: z.string().optional().describe("A text body"),
      fault: z
        .enum(["connection-refused", "timeout"])
        .optional()
        .describe("Fail the call like a network error instead of answering"),
    })
    .prefault({})
    .describe("How the mock answers (200 with an empty body when omitted)"),
  times: z.number().int().positive().optional().describe("Answer at most this many calls"),
});
export type HttpMock = z.infer<typeof httpMockSchema>;

const expectSchema = z
  .strictObject({
    ok: z.boolean().optional().describe("Whether the script ran without an error; false lets a case expect a failure without naming it"),
    tokenResponse: z.unknown().optional().describe("Fields the /oauth2/access_token response must have (extra data included)"),
    failure: z.unknown().optional().describe("The failure response the client receives when the script fails: { status, body }"),
    introspection: z.unknown().optional().describe("Fields the /oauth2/introspect response must have"),
    token: z.unknown().optional().describe("The token's before/after fields, changes and extraData that must match"),
    jwt: z.unknown().optional().describe("The client-side access token: { header, claims, bytes } that must match"),
    idToken: z.unknown().optional().describe('The ID token (scopes with "openid"): { header, claims, bytes } that must match'),
    error: z.unknown().optional().describe("The error the script must fail with, e.g. { kind, message, line }; null: no error"),
    logs: z.unknown().optional().describe("Log entries ({ level, message }) that must appear, in order"),
    http: z.unknown().optional().describe("HTTP calls ({ method, url, status, mock, … }) that must appear, in order"),
    openidm: z.unknown().optional().describe("IDM calls ({ op, id, error }) that must appear, in order; for a flow: the IDM's objects after the flow, by id (a deep subset)"),
    warnings: z.unknown().optional().describe("Warnings ({ code, message, line }) that must appear, in order"),
    steps: z.unknown().optional().describe("For a flow: step i of the flow result must match step i here (a deep subset)"),
    ibm: z.unknown().optional().describe("For product ibm-verify-access: a deep subset of the request view (status, body, stateId, associations, stsuu)"),
  })
  .describe(
    "A deep subset of the run result that must match (its shape: schema/run-result.schema.json). Objects match key by key, lists of values must be equal, lists of objects must contain the expected items in order",
  );

/** Loopback only: the playground calls a hook service the user runs on this machine, never the network. */
const LOOPBACK_URL = /^https?:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?(\/[^\s?#]*)?$/;

export const productSchema = z.enum(PRODUCT_IDS).describe(PRODUCTS.map((p) => `"${p.id}": ${p.summary}`).join("; "));
export type Product = z.infer<typeof productSchema>;

const oneWelcomeSchema = z
  .strictObject({
    hookUrl: z
      .string()
      .regex(LOOPBACK_URL, "must be an http(s) URL on this machine (127.0.0.1, localhost or [::1]), without a query or fragment")
      .optional()
      .describe("Base URL of a hook service you run on this machine; the playground POSTs to <hookUrl>/v1/customize-access-token instead of running the script"),
    hookName: z.string().default("customize-access-token").describe("The web hook's name (the JWT authentication's scope is onewelcome_webhooks_<name>)"),
    authentication: z
      .enum(["none", "basic", "jwt"])
      .default("none")
      .describe("How the Access service authenticates to the hook: none, basic (username/password) or jwt (a bearer token of onewelcomeAccessWebHookClient)"),
    username: z.string().optional().describe("Basic authentication user name"),
    password: z.string().optional().describe("Basic authentication password"),
    contextCustomParams: z
      .record(z.string(), z.array(z.string()))
      .nullable()
      .optional()
      .describe("The hook context's custom parameters, e.g. on_behalf_of, on_behalf_of_type"),
  })
  .describe("OneWelcome's Customize Access Token web hook (product onewelcome)");

export const IBM_REQUEST_TYPES = ["authorization", "access_token", "introspect", "userinfo", "revoke"] as const;

const ibmSchema = z
  .strictObject({
    rule: z
      .enum(["pre-token", "post-token"])
      .default("post-token")
      .describe("Which mapping rule the script under edit is: the pre-token rule (before the request's operation) or the post-token rule (after it)"),
    otherRule: z
      .string()
      .optional()
      .describe("The other stage's rule, run with the script at every request (pre-token before post-token). The rule's source; in files the CLI reads, a value ending in .js is a path relative to the file"),
    requestType: z
      .enum(IBM_REQUEST_TYPES)
      .default("access_token")
      .describe("Without a flow: the request the rules run for (request_type); the token endpoint by default"),
    stateId: z.string().optional().describe("The grant's state_id; defaults to one derived from the seed. A flow keeps it for the grant's whole life"),
    definitionId: z.string().default("1").describe("The API protection definition's id (the definition_id global)"),
    client: z
      .strictObject({
        confidential: z.boolean().default(true).describe("oauth_client.isConfidential()"),
        clientName: z.string().optional().describe("The client's display name (oauth_client.getClientName())"),
        extendedData: z.record(z.string(), z.unknown()).default({}).describe("oauth_client.getExtendedData(), handed to the rule as a JSON string"),
        otherInfo: z.string().optional().describe("oauth_client.getOtherInfo()"),
      })
      .prefault({})
      .describe("The API protection client (oauth_client); its id is the scenario's client.clientId"),
    attributes: multiValueMap
      .default({ AUTHENTICATION_LEVEL: ["1"] })
      .describe("The user's credential and attribute-source attributes: stsuu.getAttributeContainer(), type urn:ibm:names:ITFIM:5.1:accessmanager"),
    associations: z
      .record(z.string(), z.string())
      .default({})
      .describe("Attributes already associated with the grant's state_id (OAuthMappingExtUtils.associate) before the first request"),
  })
  .describe("IBM Security Verify Access OAuth mapping rules (product ibm-verify-access)");

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe("The JSON Schema this file follows, for editors: a path or URL to schema/scenario.schema.json"),
    name: z.string().default("Untitled scenario").describe("A name for the scenario; test output names cases by it"),
    description: z.string().optional().describe("Notes for people reading the file; not used by the run"),
    evaluator: evaluatorSchema.default(DEFAULT_EVALUATOR),
    product: productSchema.default(DEFAULT_PRODUCT),
    onewelcome: oneWelcomeSchema.prefault({}),
    ibm: ibmSchema.prefault({}),
    clock: isoDateTime()
      .default(DEMO_CLOCK)
      .describe("Issue time; Date and Date.now() in scripts read it, so output is reproducible"),
    seed: z.number().int().default(1).describe("Seeds every random source the script can reach"),
    realm: z.string().default("/alpha").describe("The realm the token is issued in (introspection's realm; part of the default issuer)"),
    issuer: absoluteUrl.optional().describe("Defaults to https://am.example.com/am/oauth2/realms/root/realms/<realm>"),
    scriptName: z.string().default("Access Token Modification Script").describe("The script's name in AM (the scriptName binding; the logger's name)"),
    cookieName: z.string().default("iPlanetDirectoryPro").describe("The SSO cookie's name (the next-generation cookieName binding)"),
    client: clientSchema.nullable().prefault({}).describe("The OAuth 2.0 client (clientProperties binding); null when AM could not identify the client"),
    identity: identitySchema.prefault({}),
    request: requestSchema.prefault({}),
    scopes: stringList.default(["access"]).describe("The granted scopes (the scopes binding); \"openid\" also issues an ID token"),
    session: sessionSchema.nullable().default(null).describe("The user's SSO session (session binding, legacy); null (the default) when the request has no session cookie"),
    token: tokenSchema.prefault({}),
    http: z.array(httpMockSchema).default([]).describe("Mocked answers for httpClient calls, first match wins"),
    openidm: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .default({})
      .describe(
        'IDM objects by id, e.g. "managed/alpha_user/<uuid>": { "userName": "bjensen", … }. A relationship field holds a reference { "_ref": "managed/alpha_role/r1" } (single, e.g. manager) or an array of them (multi-valued, e.g. roles), optionally with "_refProperties"; openidm.read/query/… resolve them against these objects when fields ask for "roles", "roles/*", "roles/name" or "*_ref". As in IDM, relationship fields are left out unless fields name them',
      ),
    systemEnv: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('Properties systemEnv.getProperty reads, e.g. "esv.my.variable"'),
    secrets: z.record(z.string(), z.string()).default({}).describe("Secret label → UTF-8 value"),
    libraries: z
      .record(z.string(), z.string())
      .default({})
      .describe(
        "Next-generation library scripts require(name) loads: name → source. In files the CLI reads, a value ending in .js is a path relative to the file",
      ),
    timeoutMs: z.number().int().positive().max(60000).default(1000).describe("Script time limit"),
    flow: flowSchema.optional(),
    script: z.string().optional().describe("Test cases: the script, relative to the case file"),
    expect: expectSchema.optional().describe("Test cases: a deep subset of the run result that must match; without it a case passes when the script runs without error"),
  })
  .superRefine((scenario, context) => {
    // Dates derived from the clock must stay dates: an expiry past year 275760 shows as "Invalid Date".
    const issued = Date.parse(scenario.clock);
    if (Math.abs(issued + scenario.token.lifetimeSeconds * 1000) > MAX_DATE_MS) {
      context.addIssue({ code: "custom", path: ["token", "lifetimeSeconds"], message: "puts the expiry (clock + lifetime) past the last date a Date can hold" });
    }
    // Only a product whose script runs at /userinfo has something to show there (AM's claims there come from the OIDC claims script).
    const noUserinfo = noUserinfoReason(scenario.product);
    if (noUserinfo !== undefined) {
      scenario.flow?.forEach((step, i) => {
        if (step.request === "userinfo") {
          context.addIssue({
            code: "custom",
            path: ["flow", i, "request"],
            message: `a userinfo step needs "product": "ibm-verify-access" (IBM's mapping rules run at /userinfo); ${noUserinfo}`,
          });
        }
      });
    }
    // AM answers within the token's lifetime: a longer delay would make expires_in negative.
    if (scenario.token.responseDelayMs >= scenario.token.lifetimeSeconds * 1000) {
      context.addIssue({ code: "custom", path: ["token", "responseDelayMs"], message: "must be shorter than the token's lifetime (token.lifetimeSeconds)" });
    }
  })
  .describe("A Token Script Playground scenario: the inputs AM hands an access-token modification script");

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioClient = NonNullable<Scenario["client"]>;
export type ScenarioIdentity = Scenario["identity"];
export type ScenarioSession = NonNullable<Scenario["session"]>;
export type ScenarioToken = Scenario["token"];

/** The published JSON Schema (draft 2020-12) of the scenario file, as users write it. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { ...schema, $id: "https://token-playground.dev/schema/scenario.json", title: "Token Script Playground scenario" };
}
