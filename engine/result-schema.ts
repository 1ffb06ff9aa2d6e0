/**
 * The run result's published JSON Schema (schema/run-result.schema.json, `token-playground schema --result`).
 * The zod schema below is checked against the `RunResult` type in both directions at compile time, so a
 * field added to engine/result.ts without its description here fails the typecheck instead of going
 * undocumented.
 */
import { z } from "zod";
import type { RunResult } from "./result";
import { evaluatorSchema } from "./scenario/schema";

const fieldsSchema = z.record(z.string(), z.unknown());

const runErrorSchema = z
  .object({
    kind: z
      .enum(["syntax", "runtime", "timeout", "memory", "binding"])
      .describe(
        "syntax: Rhino would not compile the script; runtime: it threw; timeout: it ran past the scenario's timeoutMs; memory: it ran out of the sandbox's memory; binding: a binding was used as AM would refuse",
      ),
    message: z.string().describe("What went wrong, worded as AM's Rhino words it where it has a wording"),
    line: z.number().int().optional().describe("1-based line in the user's script, when known"),
    column: z.number().int().optional().describe("1-based column in the user's script, when known"),
  })
  .describe("Why the script did not finish");

const jwtViewSchema = z
  .object({
    compact: z.string().describe("The token as AM issues it: header.payload.signature (JWS compact serialization)"),
    header: fieldsSchema.describe("The decoded JOSE header (alg, typ, kid, …)"),
    claims: fieldsSchema.describe("The decoded payload"),
    bytes: z.number().int().describe("Size of the compact serialization in bytes"),
  })
  .describe("A signed token, decoded");

const tokenSnapshotSchema = z
  .object({
    before: fieldsSchema.describe("The token's fields before the script ran (native fields AM sets)"),
    after: fieldsSchema.describe("The token's fields after the script ran (native and custom)"),
    changes: z
      .object({
        added: z.array(z.string()).describe("Fields the script added"),
        changed: z.array(z.string()).describe("Fields whose value the script changed"),
        removed: z.array(z.string()).describe("Fields the script removed"),
      })
      .describe("Keys whose values the script added, changed or removed (native and custom)"),
    extraData: fieldsSchema.describe(
      "Extra data entries added for the token endpoint response (addExtraData / addExtraJsonData); never in introspection",
    ),
  })
  .describe("The access token's fields before and after the script");

export const runResultSchema = z
  .object({
    evaluator: evaluatorSchema.describe("The evaluator that ran the script"),
    ok: z.boolean().describe("true when the script ran to its end without an error"),
    error: runErrorSchema.nullable().describe("Why the script did not finish; null when ok"),
    tokenResponse: fieldsSchema
      .nullable()
      .describe("The /oauth2/access_token response body: access_token, scope, token_type, expires_in, extra data, …"),
    failure: z
      .object({
        status: z.number().int().describe("The HTTP status AM answers the token request with"),
        body: z
          .object({ error: z.string().describe("The OAuth error code"), error_description: z.string().describe("AM's message") })
          .describe("The JSON body the client receives"),
        inferred: z.array(z.string()).describe("JSON Pointers into this object of the parts inferred rather than seen in AM"),
        note: z.string().describe("Where the response comes from and what rests on inference"),
      })
      .nullable()
      .optional()
      .describe("What the client receives when the script failed (tokenResponse is then null); null when it ran"),
    introspection: fieldsSchema.nullable().describe("The /oauth2/introspect response for the issued access token"),
    token: tokenSnapshotSchema.nullable().describe("The access token's fields; null when nothing was issued"),
    jwt: jwtViewSchema.nullable().describe("The client-side access token (token.storage client-side); null for server-side tokens"),
    idToken: jwtViewSchema.nullable().describe('The ID token, issued when the scopes include "openid"; null otherwise'),
    logs: z
      .array(
        z
          .object({
            level: z.enum(["trace", "debug", "info", "warn", "error"]).describe("The logger method's level"),
            message: z.string().describe("The message as AM's debug log would show it"),
          })
          .describe("One logger call"),
      )
      .describe("What the script logged, in order"),
    http: z
      .array(
        z
          .object({
            method: z.string().describe("The request method, upper case"),
            url: z.string().describe("The requested URL"),
            status: z.number().int().optional().describe("Response status; absent when no mock answered"),
            mock: z.number().int().nullable().describe("Index in the scenario's http list of the mock that answered; null when none did"),
            headers: z.record(z.string(), z.array(z.string())).optional().describe("Request headers the script sent (names as given)"),
            body: z.string().optional().describe("The request body the script sent"),
            error: z.string().optional().describe("Why no mock answered, naming the nearest mocks and what differed; or the simulated fault"),
          })
          .describe("One httpClient call"),
      )
      .describe("The script's httpClient calls, in order"),
    openidm: z
      .array(
        z
          .object({
            op: z.enum(["create", "read", "update", "patch", "query", "delete", "action"]).describe("The openidm method called"),
            id: z.string().describe('The resource, e.g. "managed/alpha_user/<uuid>"'),
            error: z.string().optional().describe("Set when the call failed (e.g. not found)"),
          })
          .describe("One openidm call"),
      )
      .describe("The script's openidm calls (next-generation), in order"),
    warnings: z
      .array(
        z
          .object({
            code: z.string().describe('A stable identifier, e.g. "token-size-over-limit"'),
            message: z.string().describe("What the playground noticed and why it matters in AM"),
            line: z.number().int().optional().describe("1-based line in the user's script, when the warning has one"),
          })
          .describe("One warning"),
      )
      .describe("Lint findings and things that would behave differently or badly in AM"),
    timings: z
      .object({
        evalMs: z.number().describe("Time spent running the script, in milliseconds"),
        totalMs: z.number().describe("Time for the whole run (scenario, sandbox, script, token), in milliseconds"),
      })
      .describe("How long the run took (varies between runs; not part of what a case should expect)"),
    macaroon: z
      .object({
        serialized: z.string().describe("The access token as the client receives it"),
        format: z.literal("libmacaroons-v2-binary-base64url").describe("Version-2 binary, base64url, as AM's documented example token is (its key and identifier are the playground's)"),
        identifier: z.string().describe("The macaroon's identifier (here the token id; what AM puts there is not documented)"),
        location: z.string().describe('The location hint ("" as AM\'s inspect example shows)'),
        caveats: z
          .array(
            z.union([
              z.object({
                type: z.literal("first-party").describe("Checked by AM itself"),
                identifier: z.unknown().describe("The condition: JSON as AM writes its caveats, else the text"),
              }),
              z.object({
                type: z.literal("third-party").describe("Needs a discharge macaroon from a third party"),
                location: z.string().describe("Where the discharge macaroon comes from"),
                identifier: z.string().describe("The caveat's identifier, for the third party"),
              }),
            ]),
          )
          .describe("The caveats the script added, in order"),
        signature: z.string().describe("The macaroon's signature, base64url (as AM's inspect example shows it)"),
        bytes: z.number().int().describe("Length of the serialized token in characters"),
        unrestrictedIntrospection: z
          .record(z.string(), z.unknown())
          .describe("What AM holds for the token: introspection before its caveats apply (caveats narrow it, never add to it)"),
        dischargeMacaroons: z.array(z.string()).describe("The X-Discharge-Macaroon values the introspection was made with"),
      })
      .optional()
      .describe('token.storage "macaroon": the access token as /json/token/macaroon?_action=inspect shows it'),
    world: z
      .object({
        openidm: z.record(z.string(), fieldsSchema).describe('The IDM\'s objects after the run, keyed by full id ("managed/alpha_user/<uuid>"), as a scenario\'s openidm'),
      })
      .optional()
      .describe("What the run leaves for the grant's next request, when the script wrote to IDM (a flow's next step starts from it)"),
    javaDoubles: z
      .array(z.string())
      .optional()
      .describe('JSON Pointers (e.g. "/introspection/n") of numbers AM holds as java.lang.Double; AM prints them as 42.0'),
  })
  .describe("What one run of an access-token modification script gives: what `token-playground run --json` prints");

/** True only when A and B are the same type (each assignable to the other, no `any` slack). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const runResultSchemaMatchesType: Same<z.infer<typeof runResultSchema>, RunResult> = true;
void runResultSchemaMatchesType;

/** The published JSON Schema (draft 2020-12) of the run result. */
export function runResultJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(runResultSchema, { io: "output" }) as Record<string, unknown>;
  return { ...schema, $id: "https://token-playground.dev/schema/run-result.json", title: "Token Script Playground run result" };
}
