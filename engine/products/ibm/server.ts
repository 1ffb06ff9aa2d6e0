/**
 * One IBM OAuth request as the classic appliance answers it: the request's inputs become `stsuu` context
 * attributes with IBM's types (reference flows-and-hooks.md §C.2), the pre-token rule runs, the request's
 * operation happens (a grant, a code, tokens, an introspection), the post-token rule runs with the state_id
 * and the response attributes it may read and change, and the response is what the response attributes say
 * at the end (§C.3). Everything IBM does not document is marked `ibm-inferred` in the result's warnings.
 */
import type { Scenario } from "../../scenario/schema";
import { emptyRunResult, type LogEntry, type RunError, type RunResult, type RunWarning } from "../../result";
import { signJwt, viewJwt } from "../../token/jwt";
import { IbmAttribute, STSUniversalUser, type AttributeView } from "./stsuu";
import { runRule, ruleSyntaxError, type RuleRun, type RuleStage } from "./rule";
import type { IbmRuleContext, StsFailure } from "./utils";
import { IbmWorld, type IbmGrant, type IbmToken } from "./world";
import { stsuuChanges, type StsuuAttributeChange, type StsuuView } from "./stsuu-diff";

export const IBM_TYPES = {
  request: "urn:ibm:names:ITFIM:oauth:request",
  body: "urn:ibm:names:ITFIM:oauth:body:param",
  query: "urn:ibm:names:ITFIM:oauth:query:param",
  param: "urn:ibm:names:ITFIM:oauth:param",
  state: "urn:ibm:names:ITFIM:oauth:state",
  metadata: "urn:ibm:names:ITFIM:oauth:response:metadata",
  response: "urn:ibm:names:ITFIM:oauth:response:attribute",
  decision: "urn:ibm:names:ITFIM:oauth:rule:decision",
  jwtClaim: "urn:ibm:jwt:claim",
  customToken: "urn:ibm:ITFIM:oauth20:custom:token",
  credential: "urn:ibm:names:ITFIM:5.1:accessmanager",
  essentialClaim: "urn:ibm:names:ITFIM:oidc:claim:essential",
  voluntaryClaim: "urn:ibm:names:ITFIM:oidc:claim:voluntary",
} as const;

/**
 * The OIDC `claims` request parameter as IBM hands it to a rule: one attribute per requested claim, typed
 * essential or voluntary, its values the expected values (reference §C.2). Malformed JSON gives none.
 */
function requestedClaims(text: string | undefined): IbmAttribute[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const out: IbmAttribute[] = [];
  if (!parsed || typeof parsed !== "object") return out;
  for (const section of Object.values(parsed as Record<string, unknown>)) {
    if (!section || typeof section !== "object") continue;
    for (const [claim, spec] of Object.entries(section as Record<string, unknown>)) {
      const rule = (spec && typeof spec === "object" ? spec : {}) as { essential?: unknown; value?: unknown; values?: unknown };
      const expected = Array.isArray(rule.values) ? rule.values.map(String) : rule.value !== undefined ? [String(rule.value)] : [];
      out.push(new IbmAttribute(claim, rule.essential === true ? IBM_TYPES.essentialClaim : IBM_TYPES.voluntaryClaim, expected));
    }
  }
  return out;
}

export type IbmRequestType = "authorization" | "access_token" | "introspect" | "userinfo" | "revoke";

/** What IBM does not document, said once per result where it shapes what the user sees. */
export const IBM_INFERRED = {
  tokenShape:
    "IBM's token values are random alphanumerics (20 characters for access and refresh tokens, 30 for codes: the playground's choice) and token_type reads \"bearer\"; the exact format is not documented (inferred).",
  responseTypes:
    "Response attributes are strings in the stsuu; the playground gives active a boolean and expires_in/exp/iat numbers in the JSON body, as the OAuth RFCs type them (inferred: IBM does not document the conversion).",
  replace: "An attribute added with the same name and type as an existing one replaces it (inferred from IBM's expires_in override example).",
  ruleError: "A mapping rule that fails with a JavaScript error fails the request; the status and body IBM answers are not documented (inferred: 500 server_error).",
  postSkipped: "When the request's operation itself fails (invalid_grant…), the playground does not run the post-token rule (inferred).",
  credentialOnlyAtAuthorize:
    "The user's credential attributes (ibm.attributes) are in stsuu.getAttributeContainer() only at /authorize, where the browser session is (seed 003); at /token the playground leaves the container empty (inferred).",
  idTokenShape: "The ID token's standard claims (iss, sub, aud, iat, exp) and its RS256 signature are the playground's; IBM's definition settings decide them (inferred).",
} as const;

function inferred(message: string): RunWarning {
  return { code: "ibm-inferred", message };
}

/** Decisions the pre-token rule leaves in the stsuu, which the request's operation applies. */
export interface Decisions {
  username: string | null;
  customTokens: Partial<Record<"authorization_code" | "access_token" | "refresh_token", string>>;
  idTokenClaims: Record<string, string | string[]>;
}

export interface OperationOutcome {
  status: number;
  response: Record<string, unknown>;
  grant: IbmGrant | null;
  metadata: Record<string, string>;
  tokens: IbmToken[];
}

export interface RequestSpec {
  requestType: IbmRequestType;
  grantType: string | null;
  body: Record<string, string[]>;
  query: Record<string, string[]>;
  clientId: string;
  /** The user the request is about before the operation (the token's owner; the signed-in user at /authorize). */
  principal: string | null;
  operate: (decisions: Decisions) => Promise<OperationOutcome> | OperationOutcome;
}

export interface IbmRequestView {
  requestType: IbmRequestType;
  grantType: string | null;
  status: number;
  body: Record<string, unknown>;
  stateId: string | null;
  /** The grant's associated attributes after the request (OAuthMappingExtUtils.associate …). */
  associations: Record<string, string>;
  rules: RuleRun[];
  /** The stsuu after the last rule ran. */
  stsuu: { principal: AttributeView[]; attributes: AttributeView[]; context: AttributeView[] };
  /** The stsuu as IBM handed it to the rule under edit (null: that rule did not run at this request). */
  stsuuBefore: StsuuView | null;
  /** What the rule under edit changed in the stsuu (null: it did not run). */
  stsuuChanges: StsuuAttributeChange[] | null;
  /** The throwSTS* call that failed the request, if any. */
  failure: StsFailure | null;
}

/** An IBM run result: AM's run result shape plus the request the panels show. */
export type IbmRunResult = RunResult & { ibm: IbmRequestView };

export interface IbmRule {
  source: string;
  file: "script" | "otherRule";
}

function valuesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  return [typeof value === "string" ? value : JSON.stringify(value)];
}

const NUMBER_FIELDS = new Set(["expires_in", "exp", "iat", "nbf", "auth_time"]);

export class IbmServer {
  readonly world: IbmWorld;
  private seedStep = 0;

  constructor(
    readonly scenario: Scenario,
    private readonly rules: { pre: IbmRule | null; post: IbmRule | null },
    private readonly now: () => number,
  ) {
    this.world = new IbmWorld(scenario.seed, Date.parse(scenario.clock), scenario.ibm.stateId, scenario.ibm.associations);
  }

  get issuer(): string {
    return this.scenario.issuer ?? "https://isva.example.com/mga/sps/oauth/oauth20";
  }

  /** The decisions a rule left in the stsuu (subject override, custom token values, ID-token claims). */
  private decisions(stsuu: STSUniversalUser): Decisions {
    const username = stsuu.context.items.find((a) => a.name === "username" && a.type === IBM_TYPES.decision)?.values[0] ?? null;
    const customTokens: Decisions["customTokens"] = {};
    for (const kind of ["authorization_code", "access_token", "refresh_token"] as const) {
      const name = `${IBM_TYPES.customToken}:${kind}`;
      const found = [...stsuu.context.items, ...stsuu.attributes.items].find((a) => a.type === IBM_TYPES.customToken && a.name === name);
      if (found?.values[0] !== undefined) customTokens[kind] = found.values[0];
    }
    const idTokenClaims: Record<string, string | string[]> = {};
    for (const a of stsuu.attributes.ofType(IBM_TYPES.jwtClaim)) idTokenClaims[a.name] = a.values.length === 1 ? a.values[0] : [...a.values];
    return { username, customTokens, idTokenClaims };
  }

  /** Signs an ID token for a grant with the rule's urn:ibm:jwt:claim attributes. */
  async idToken(grant: IbmGrant, clientId: string, claims: Record<string, string | string[]>, lifetimeSeconds: number): Promise<string> {
    const iat = Math.floor(this.world.nowMs / 1000);
    return signJwt({ iss: this.issuer, sub: grant.username, aud: clientId, iat, exp: iat + lifetimeSeconds, ...claims }, "RS256", undefined);
  }

  async handle(spec: RequestSpec): Promise<IbmRunResult> {
    const started = this.now();
    this.seedStep += 1;
    const logs: LogEntry[] = [];
    const warnings: RunWarning[] = [];
    const s = this.scenario;
    const ruleCtx: IbmRuleContext = {
      world: this.world,
      logs,
      warnings,
      clientId: spec.clientId,
      confidential: s.ibm.client.confidential,
      clientName: s.ibm.client.clientName,
      extendedData: s.ibm.client.extendedData,
      otherInfo: s.ibm.client.otherInfo,
      failure: null,
      currentLine: () => undefined,
    };
    const stsuu = new STSUniversalUser(spec.principal);
    const replaced = new Set<string>();
    stsuu.context.onReplace = (a) => {
      if (a.type === IBM_TYPES.response) replaced.add(a.name);
    };
    if (spec.requestType === "authorization") {
      for (const [name, values] of Object.entries(s.ibm.attributes)) stsuu.attributes.put(new IbmAttribute(name, IBM_TYPES.credential, [...values]));
    }
    stsuu.context.put(new IbmAttribute("request_type", IBM_TYPES.request, [spec.requestType]));
    for (const [name, values] of Object.entries(spec.query)) stsuu.context.put(new IbmAttribute(name, IBM_TYPES.query, [...values]));
    for (const [name, values] of Object.entries(spec.body)) stsuu.context.put(new IbmAttribute(name, IBM_TYPES.body, [...values]));
    stsuu.context.put(new IbmAttribute("client_id", IBM_TYPES.param, [spec.clientId]));
    for (const claim of requestedClaims(spec.query.claims?.[0] ?? spec.body.claims?.[0])) stsuu.context.put(claim);

    const ruleRuns: RuleRun[] = [];
    // The stsuu around the rule under edit, for its before/after and what it changed.
    let scriptBefore: StsuuView | null = null;
    let scriptAfter: StsuuView | null = null;
    const view = (status: number, body: Record<string, unknown>, grant: IbmGrant | null): IbmRequestView => ({
      requestType: spec.requestType,
      grantType: spec.grantType,
      status,
      body,
      stateId: grant?.stateId ?? null,
      associations: Object.fromEntries(this.world.liveGrant(grant?.stateId ?? null)?.associations ?? []),
      rules: ruleRuns,
      stsuu: stsuu.view(),
      stsuuBefore: scriptBefore,
      stsuuChanges: scriptBefore && scriptAfter ? stsuuChanges(scriptBefore, scriptAfter) : null,
      failure: ruleCtx.failure,
    });
    const finish = (result: IbmRunResult): IbmRunResult => {
      result.logs = logs;
      result.warnings = [...warnings, ...result.warnings];
      result.timings = { evalMs: ruleRuns.reduce((n, r) => n + r.evalMs, 0), totalMs: this.now() - started };
      return result;
    };
    const failed = (error: RunError, grant: IbmGrant | null): IbmRunResult => {
      const failure = ruleCtx.failure;
      const result = emptyRunResult("legacy", failure ? { ...error, message: `${failure.method}: ${failure.message}` } : error) as IbmRunResult;
      const status = failure ? failure.status : 500;
      const body = failure ? { ...failure.body } : { error: "server_error" };
      result.ibm = view(status, body, grant);
      // A throwSTSCustom* answer is the rule's own; the others rest on what IBM leaves undocumented.
      const undocumented = failure ? failure.inferred : IBM_INFERRED.ruleError;
      if (undocumented) result.warnings.push(inferred(undocumented));
      // What the client receives is IBM's answer, not AM's "Error running access token modification plugin".
      result.failure = {
        status,
        body: { error: String(body.error ?? "server_error"), error_description: String((body as Record<string, unknown>).error_description ?? failure?.message ?? error.message) },
        inferred: undocumented ? ["/status", "/body"] : [],
        note: undocumented ?? "The rule's own throwSTSCustom* answer.",
      };
      return finish(result);
    };
    const runStage = async (stage: RuleStage): Promise<RunError | null> => {
      const rule = stage === "pre-token" ? this.rules.pre : this.rules.post;
      if (!rule) return null;
      if (rule.file === "script") scriptBefore = stsuu.view();
      const run = await runRule(rule.source, stage, rule.file, stsuu, ruleCtx, s, this.world.nowMs, (s.seed + this.seedStep * 2 + (stage === "post-token" ? 1 : 0)) | 0, this.now);
      ruleRuns.push(run);
      if (rule.file === "script") scriptAfter = stsuu.view();
      return run.error;
    };

    const preError = await runStage("pre-token");
    if (preError) return failed(preError, null);
    const decisions = this.decisions(stsuu);
    const claimsAfterPre = new Set(Object.keys(decisions.idTokenClaims));
    const outcome = await spec.operate(decisions);
    if (outcome.status >= 400) {
      const result = emptyRunResult("legacy", null) as IbmRunResult;
      result.ibm = view(outcome.status, outcome.response, outcome.grant);
      result.warnings.push(inferred(IBM_INFERRED.postSkipped));
      return finish(result);
    }
    if (outcome.grant) stsuu.context.put(new IbmAttribute("state_id", IBM_TYPES.state, [outcome.grant.stateId]));
    for (const [name, value] of Object.entries(outcome.metadata)) stsuu.context.put(new IbmAttribute(name, IBM_TYPES.metadata, [value]));
    const base = new Map<string, unknown>();
    for (const [name, value] of Object.entries(outcome.response)) {
      if (value === undefined || value === null) continue;
      base.set(name, value);
      stsuu.context.put(new IbmAttribute(name, IBM_TYPES.response, valuesOf(value)));
    }
    replaced.clear();
    const postError = await runStage("post-token");
    if (postError) return failed(postError, outcome.grant);

    // The response is what the response attributes say now.
    const body: Record<string, unknown> = {};
    let converted = false;
    for (const a of stsuu.context.ofType(IBM_TYPES.response)) {
      const original = base.get(a.name);
      if (original !== undefined && JSON.stringify(valuesOf(original)) === JSON.stringify(a.values)) {
        body[a.name] = original;
        continue;
      }
      if (a.values.length === 1 && a.name === "active" && (a.values[0] === "true" || a.values[0] === "false")) {
        body[a.name] = a.values[0] === "true";
        converted = true;
      } else if (a.values.length === 1 && NUMBER_FIELDS.has(a.name) && /^-?\d+$/.test(a.values[0])) {
        body[a.name] = Number(a.values[0]);
        converted = true;
      } else if (spec.requestType === "userinfo") {
        // Documented for userinfo: JSON text (arrays) is parsed into the claim.
        const parsed = a.values.map((v) => {
          try {
            return /^\s*[[{]/.test(v) ? (JSON.parse(v) as unknown) : v;
          } catch {
            return v;
          }
        });
        body[a.name] = parsed.length === 1 ? parsed[0] : parsed;
      } else body[a.name] = a.values.length === 1 ? a.values[0] : [...a.values];
    }
    const result = emptyRunResult("legacy", null) as IbmRunResult;
    if (converted) result.warnings.push(inferred(IBM_INFERRED.responseTypes));
    if (replaced.size) result.warnings.push(inferred(`${IBM_INFERRED.replace} Replaced here: ${[...replaced].join(", ")}.`));
    const lateClaims = stsuu.attributes.ofType(IBM_TYPES.jwtClaim).filter((a) => !claimsAfterPre.has(a.name)).map((a) => a.name);
    if (lateClaims.length && typeof body.id_token === "string") {
      result.warnings.push({
        code: "ibm-claim-after-id-token",
        message: `${lateClaims.join(", ")}: added as urn:ibm:jwt:claim in the post-token rule, after the ID token was made; ID-token claims belong in the pre-token rule (IBM's default pre-token rule customizes the ID token).`,
      });
    }
    result.ibm = view(outcome.status, body, outcome.grant);
    if (spec.requestType === "access_token" || (spec.requestType === "authorization" && typeof body.access_token === "string")) result.tokenResponse = body;
    if (spec.requestType === "introspect") result.introspection = body;
    if (typeof body.id_token === "string") result.idToken = viewJwt(body.id_token);
    if (typeof body.access_token === "string" && body.access_token.split(".").length === 3) {
      try {
        result.jwt = viewJwt(body.access_token);
      } catch {
        // A custom token value that only looks like a JWT stays opaque.
      }
    }
    const before = Object.fromEntries(base);
    result.token = {
      before,
      after: body,
      changes: {
        added: Object.keys(body).filter((k) => !(k in before)),
        changed: Object.keys(body).filter((k) => k in before && JSON.stringify(before[k]) !== JSON.stringify(body[k])),
        removed: Object.keys(before).filter((k) => !(k in body)),
      },
      extraData: {},
    };
    return finish(result);
  }

  /** The syntax error of either rule, before any request runs. */
  syntaxError(): IbmRunResult | null {
    for (const rule of [this.rules.pre, this.rules.post]) {
      if (!rule) continue;
      const error = ruleSyntaxError(rule.source);
      if (!error) continue;
      const shown: RunError =
        rule.file === "script" ? error : { kind: error.kind, message: `ibm.otherRule${error.line ? ` (line ${error.line})` : ""}: ${error.message}` };
      const result = emptyRunResult("legacy", shown) as IbmRunResult;
      result.ibm = { requestType: "access_token", grantType: null, status: 500, body: { error: "server_error" }, stateId: null, associations: {}, rules: [], stsuu: { principal: [], attributes: [], context: [] }, stsuuBefore: null, stsuuChanges: null, failure: null };
      return result;
    }
    return null;
  }
}
