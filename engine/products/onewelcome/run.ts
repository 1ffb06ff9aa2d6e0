/**
 * A OneWelcome token request: the hook request built from the scenario, the answer from the handler, a
 * MockServer expectation or the user's own service, checked against the contract and applied: removed scopes
 * leave the grant, additional claims go into the JWT access token. Everything not in the vendor's contract is
 * marked inferred in the result's warnings.
 */
import type { Scenario } from "../../scenario/schema";
import { emptyRunResult, type FailureResponse, type RunResult, type RunWarning } from "../../result";
import { signJwt, viewJwt } from "../../token/jwt";
import { SeededRandom } from "../../util/random";
import { checkHookResponse } from "./contract";
import { buildHookRequest, type HookHttpRequest } from "./request";
import { checkOneWelcomeHook, settingsWarnings } from "./check";
import { withLintWarnings } from "../lint-warnings";
import { answerFromExpectations, answerFromHandler, answerFromService, parseExpectations, type HookAnswer, type HookTransport } from "./answer";
import { scenarioClientId } from "../../scenario/client-id";

export interface OneWelcomeOptions {
  hookTransport?: HookTransport;
  now?: () => number;
  /** The endpoint that calls the hook (executionContext.triggeredBy); by default the scenario's grant type's. */
  triggeredBy?: string;
  /**
   * An answer the hook already gave for this grant, applied without calling it again: a flow's code exchange
   * creates no grant, so the hook that ran at the authorization call is not called there (onewelcome/flow.ts).
   */
  answer?: HookAnswer;
}

export interface HookExchangeView {
  source: HookAnswer["source"];
  request: HookHttpRequest;
  response: HookAnswer["response"];
  /** Fields of the answer that break the contract, as JSON paths with the reason. */
  problems: string[];
  mismatches: string[];
}

/** A OneWelcome run result: AM's run result shape plus the hook exchange the panels show. */
export type OneWelcomeRunResult = RunResult & { hook: HookExchangeView };

const INFERRED = {
  tokenShape: "OneWelcome's JWT access-token claims other than the hook's additionalClaims are not in the contract: iss, sub, aud, client_id, scope, iat, exp and jti follow common practice (inferred).",
  allRemoved: "The contract says the flow fails when every scope is removed; the HTTP status and OAuth error are not documented (inferred: 400 invalid_scope).",
  introspection: "Whether introspection shows the hook's additionalClaims is not documented: the playground shows them only in the JWT (inferred).",
};

/** What the client receives when the hook fails: OneWelcome documents none of it, so all of it is inferred. */
const HOOK_FAILURE: FailureResponse = {
  status: 500,
  body: { error: "server_error", error_description: "The Customize Access Token web hook failed" },
  inferred: ["/status", "/body"],
  note: "OneWelcome does not document what the client receives when the web hook fails, times out or answers badly (inferred).",
};

const ALL_SCOPES_REMOVED: FailureResponse = {
  status: 400,
  body: { error: "invalid_scope", error_description: "The web hook removed every requested scope" },
  inferred: ["/status", "/body"],
  note: "OneWelcome documents that the flow fails when every scope is removed, not the status or the error (inferred).",
};

function inferred(message: string): RunWarning {
  return { code: "onewelcome-inferred", message };
}

/**
 * What check() warns of, as far as it concerns this run: with hookUrl the file is not used, so only the
 * authentication settings count (not check's note that it calls nothing); else the file's lint as well.
 */
function hookLint(script: string, scenario: Scenario): RunWarning[] {
  const { hookUrl, authentication, username, password } = scenario.onewelcome;
  const settings = { authentication, ...(username !== undefined ? { username } : {}), ...(password !== undefined ? { password } : {}) };
  if (hookUrl) return settingsWarnings(settings);
  const checked = checkOneWelcomeHook(script, settings);
  return checked.ok ? checked.warnings : settingsWarnings(settings);
}

export async function runOneWelcome(script: string, scenario: Scenario, options: OneWelcomeOptions = {}): Promise<OneWelcomeRunResult> {
  const result = await answerAndIssue(script, scenario, options);
  result.warnings = withLintWarnings(hookLint(script, scenario), result.warnings);
  return result;
}

async function answerAndIssue(script: string, scenario: Scenario, options: OneWelcomeOptions): Promise<OneWelcomeRunResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  // The authorization call triggers it for an implicit grant, or when the request is /authorize (a flow's authorize step).
  const atAuthorize = scenario.token.grantType === "implicit" || /\/authorize$/.test(scenario.request.uri ?? "");
  const triggeredBy = options.triggeredBy ?? (atAuthorize ? "/oauth/authorize" : "/oauth/token");
  const request = await buildHookRequest(scenario, triggeredBy);
  const clockMs = Date.parse(scenario.clock);
  const expectations = scenario.onewelcome.hookUrl ? null : parseExpectations(script);
  const callHook = (): Promise<HookAnswer> | HookAnswer =>
    scenario.onewelcome.hookUrl
      ? answerFromService(options.hookTransport, request, scenario.timeoutMs)
      : expectations
        ? answerFromExpectations(expectations, request)
        : answerFromHandler(script, request, scenario.timeoutMs, clockMs, scenario.seed);
  const answer = options.answer ?? (await callHook());
  const hook: HookExchangeView = { source: answer.source, request, response: answer.response, problems: [], mismatches: answer.mismatches };
  const fail = (error: RunResult["error"], failure: FailureResponse = HOOK_FAILURE): OneWelcomeRunResult => {
    const result = emptyRunResult(scenario.evaluator, error) as OneWelcomeRunResult;
    result.failure = { ...failure, body: { ...failure.body }, inferred: [...failure.inferred] };
    result.hook = hook;
    result.logs = answer.logs;
    result.timings = { evalMs: 0, totalMs: now() - started };
    return result;
  };
  if (answer.error) return fail(answer.error);
  const status = answer.response?.status ?? 0;
  if (status < 200 || status > 299) return fail({ kind: "runtime", message: `The hook answered HTTP ${status}; the Access service fails the flow (the status it then answers is not documented).` });
  const checked = checkHookResponse(answer.response?.body ?? {});
  if (!checked.ok) {
    hook.problems = checked.problems;
    return fail({ kind: "runtime", message: `The hook's answer does not follow the contract: ${checked.problems.join("; ")}` });
  }
  const removed = new Set(checked.response.removeScopes ?? []);
  const granted = scenario.scopes.filter((s) => !removed.has(s));
  const warnings: RunWarning[] = [inferred(INFERRED.tokenShape), inferred(INFERRED.introspection)];
  const notRequested = [...removed].filter((s) => !scenario.scopes.includes(s));
  if (notRequested.length) warnings.push({ code: "onewelcome-remove-unrequested", message: `The hook removed scopes the client did not request: ${notRequested.join(", ")} (nothing to remove).` });
  if (granted.length === 0) {
    const result = fail({ kind: "runtime", message: "The hook removed every requested scope: the Access service fails the flow." }, ALL_SCOPES_REMOVED);
    result.warnings = [inferred(INFERRED.allRemoved)];
    return result;
  }
  const random = new SeededRandom(scenario.seed);
  const iat = Math.floor(clockMs / 1000);
  const exp = iat + scenario.token.lifetimeSeconds;
  const clientId = scenarioClientId(scenario);
  const sub = scenario.token.grantType === "client_credentials" ? clientId : scenario.identity.id;
  const claims: Record<string, unknown> = {
    iss: scenario.issuer ?? "https://onewelcome.example.com/oauth",
    sub,
    aud: clientId,
    client_id: clientId,
    scope: granted.join(" "),
    iat,
    exp,
    jti: random.tokenId(),
    ...(checked.response.additionalClaims ?? {}),
  };
  const reserved = Object.keys(checked.response.additionalClaims ?? {}).filter((k) => ["iss", "sub", "aud", "exp", "iat", "jti", "scope", "client_id"].includes(k));
  if (reserved.length) warnings.push({ code: "onewelcome-reserved-claim", message: `additionalClaims overrides the token's own ${reserved.join(", ")}: the Access service may refuse or ignore that (not documented).` });
  const compact = await signJwt(claims, "RS256", undefined);
  const result = emptyRunResult(scenario.evaluator, null) as OneWelcomeRunResult;
  result.hook = hook;
  result.logs = answer.logs;
  result.jwt = viewJwt(compact);
  result.tokenResponse = {
    access_token: compact,
    token_type: "Bearer",
    expires_in: scenario.token.lifetimeSeconds,
    scope: granted.join(" "),
    ...(scenario.token.refreshToken && scenario.token.grantType !== "client_credentials" ? { refresh_token: random.tokenId() } : {}),
  };
  result.introspection = { active: true, scope: granted.join(" "), client_id: clientId, sub, exp, iat, token_type: "Bearer" };
  result.token = {
    before: { scope: [...scenario.scopes] },
    after: claims,
    changes: { added: Object.keys(checked.response.additionalClaims ?? {}), changed: removed.size ? ["scope"] : [], removed: [] },
    extraData: {},
  };
  result.warnings = warnings;
  result.timings = { evalMs: 0, totalMs: now() - started };
  return result;
}
