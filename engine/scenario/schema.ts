/**
 * The scenario: everything AM would know when it runs an access-token modification script.
 * One zod schema gives the TypeScript types, the defaults (`{}` is a valid scenario), validation with
 * JSON paths, and the published JSON Schema (see `scenarioJsonSchema`).
 */
import { z } from "zod";

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

export const evaluatorSchema = z
  .enum(["legacy", "next-gen"])
  .describe('"legacy" (evaluatorVersion 1.0, Java objects) or "next-gen" (evaluatorVersion 2.0, JS wrappers)');
export type Evaluator = z.infer<typeof evaluatorSchema>;

const clientSchema = z
  .strictObject({
    clientId: z.string().default("myClient"),
    allowedGrantTypes: stringList.default(["authorization_code"]),
    allowedResponseTypes: stringList.default(["code"]),
    allowedScopes: stringList.default(["access"]),
    redirectUris: z.array(absoluteUrl).default(["https://www.example.com:443/callback"]),
    customProperties: z
      .record(z.string(), z.unknown())
      .default({})
      .describe("The client's custom properties; `customMap[key1]=v` entries appear as nested maps"),
  })
  .describe("The OAuth 2.0 client (clientProperties binding); null when AM could not identify the client");

const identitySchema = z
  .strictObject({
    id: z.string().default(DEMO_USER_ID).describe("The identity's _id (IDM uuid)"),
    username: z.string().default("bjensen"),
    attributes: multiValueMap
      .default({})
      .describe("Profile attributes, each a list of values (as AM's identity repository returns them)"),
    groups: z
      .array(z.strictObject({ id: z.string(), attributes: multiValueMap.default({}) }))
      .default([])
      .describe("Groups the identity is a member of (getMemberships(IdType.GROUP))"),
    exists: z.boolean().default(true),
    active: z.boolean().default(true),
    failStore: z
      .string()
      .optional()
      .describe("When set, identity.store() fails with this message (to test error handling)"),
  })
  .describe("The resource owner (identity binding)");

const requestSchema = z
  .strictObject({
    uri: absoluteUrl.optional().describe("Defaults to the issuer's /access_token URL"),
    params: multiValueMap.default({}).describe("Request parameters; grant_type defaults to the token's grant type"),
    headers: multiValueMap.default({ "User-Agent": ["curl/8.5.0"] }),
  })
  .describe("The token request (requestProperties binding)");

const sessionSchema = z
  .strictObject({
    properties: z.record(z.string(), z.string()).default({}),
    principal: z.string().optional().describe("Defaults to the identity's universal id"),
    authLevel: z.number().int().default(0),
    authType: z.string().default("DataStore"),
    ipAddress: z.string().default("127.0.0.1"),
    hostName: z.string().default("localhost"),
    maxSessionTime: z.number().int().positive().default(120).describe("Minutes"),
    maxIdleTime: z.number().int().positive().default(30).describe("Minutes"),
  })
  .describe("The user's SSO session; null when the request has no session cookie");

export const signingAlgSchema = z.enum(["HS256", "RS256", "ES256"]);
export type SigningAlg = z.infer<typeof signingAlgSchema>;

const tokenSchema = z
  .strictObject({
    grantType: z
      .enum([
        "authorization_code",
        "client_credentials",
        "password",
        "refresh_token",
        "urn:ietf:params:oauth:grant-type:device_code",
        "urn:ietf:params:oauth:grant-type:jwt-bearer",
        "urn:ietf:params:oauth:grant-type:token-exchange",
      ])
      .default("authorization_code"),
    storage: z
      .enum(["server-side", "client-side"])
      .default("server-side")
      .describe("server-side: an opaque token kept in CTS; client-side: a signed JWT"),
    lifetimeSeconds: z.number().int().positive().default(3600),
    refreshToken: z.boolean().default(true).describe("Whether a refresh token is issued with the access token"),
    authLevel: z.number().int().default(0),
    authTime: isoDateTime().optional().describe("Authentication time (ISO 8601); defaults to the clock"),
    responseDelayMs: z
      .number()
      .int()
      .min(0)
      .default(1)
      .describe("Time between issue and the token endpoint's response; AM computes expires_in then (3599 for 3600 s)"),
    signing: z
      .strictObject({
        alg: signingAlgSchema.default("HS256"),
        secret: z
          .string()
          .optional()
          .describe("HMAC secret for HS256; defaults to a built-in demo secret"),
      })
      .prefault({}),
    sizeLimitBytes: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Warn when a client-side token exceeds this many bytes (in addition to the common limits)"),
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
  name: z.string().optional(),
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
    bodyContains: z.string().optional(),
    json: z.unknown().optional().describe("Request body must be JSON containing this (deep subset)"),
  }),
  response: z
    .strictObject({
      status: z.number().int().min(100).max(599).default(200),
      statusText: z.string().optional(),
      headers: z.record(z.string(), z.union([z.string(), stringList])).default({}),
      json: z.unknown().optional(),
      body: z.string().optional(),
      fault: z
        .enum(["connection-refused", "timeout"])
        .optional()
        .describe("Fail the call like a network error instead of answering"),
    })
    .prefault({}),
  times: z.number().int().positive().optional().describe("Answer at most this many calls"),
});
export type HttpMock = z.infer<typeof httpMockSchema>;

const expectSchema = z
  .strictObject({
    ok: z.boolean().optional(),
    tokenResponse: z.unknown().optional(),
    introspection: z.unknown().optional(),
    token: z.unknown().optional(),
    jwt: z.unknown().optional(),
    idToken: z.unknown().optional(),
    error: z.unknown().optional(),
    logs: z.unknown().optional(),
    http: z.unknown().optional(),
    openidm: z.unknown().optional(),
    warnings: z.unknown().optional(),
  })
  .describe("A deep subset of the run result that must match");

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().default("Untitled scenario"),
    description: z.string().optional(),
    evaluator: evaluatorSchema.default("legacy"),
    clock: isoDateTime()
      .default(DEMO_CLOCK)
      .describe("Issue time; Date and Date.now() in scripts read it, so output is reproducible"),
    seed: z.number().int().default(1).describe("Seeds every random source the script can reach"),
    realm: z.string().default("/alpha"),
    issuer: absoluteUrl.optional().describe("Defaults to https://am.example.com/am/oauth2/realms/root/realms/<realm>"),
    scriptName: z.string().default("Access Token Modification Script"),
    cookieName: z.string().default("iPlanetDirectoryPro"),
    client: clientSchema.nullable().prefault({}),
    identity: identitySchema.prefault({}),
    request: requestSchema.prefault({}),
    scopes: stringList.default(["access"]),
    session: sessionSchema.nullable().default(null),
    token: tokenSchema.prefault({}),
    http: z.array(httpMockSchema).default([]).describe("Mocked answers for httpClient calls, first match wins"),
    openidm: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .default({})
      .describe('IDM objects by id, e.g. "managed/alpha_user/<uuid>"'),
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
    script: z.string().optional().describe("Test cases: the script, relative to the case file"),
    expect: expectSchema.optional(),
  })
  .superRefine((scenario, context) => {
    // Dates derived from the clock must stay dates: an expiry past year 275760 shows as "Invalid Date".
    const issued = Date.parse(scenario.clock);
    if (Math.abs(issued + scenario.token.lifetimeSeconds * 1000) > MAX_DATE_MS) {
      context.addIssue({ code: "custom", path: ["token", "lifetimeSeconds"], message: "puts the expiry (clock + lifetime) past the last date a Date can hold" });
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
