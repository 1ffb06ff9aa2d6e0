/**
 * IBM Security Verify Access (classic appliance) OAuth mapping rules as a product of the playground
 * (product.md, "Other products' token hooks"; reference flows-and-hooks.md §C). `run()` answers one request of
 * the scenario (`ibm.requestType`, the token endpoint by default); `runFlow()` answers each request of the
 * flow, running the pre-token and post-token rules at every one, with one association store per grant.
 */
import type { Scenario } from "../../scenario/schema";
import { emptyRunResult } from "../../result";
import type { FlowNote } from "../../flow/evidence";
import type { FlowOptions, FlowResult, FlowStepResult } from "../../run-types";
import type { FlowStep } from "../../flow/schema";
import { IBM_INFERRED, IbmServer, type IbmRule, type IbmRunResult } from "./server";
import { IbmEndpoints } from "./endpoints";
import { checkIbmRule } from "./check";
import type { RuleStage } from "./rule";
import type { RunWarning } from "../../result";
import { memoize } from "../../util/memo";
import { withLintWarnings } from "../lint-warnings";
import { scenarioClientId } from "../../scenario/client-id";

export type { IbmRunResult, IbmRequestView } from "./server";

export interface IbmOptions {
  now?: () => number;
}

const SEED_003 = "seed 003 (IBM Security blog, L. Farrell, \"OAuth: Custom token attributes\", 2018)";

export const IBM_FACTS = {
  rulesEveryRequest: note("documented", "flows-and-hooks.md §C.5 (IBM-SUP, IBM-AAC)", "Both mapping rules run at every OAuth request, /authorize and refresh included."),
  stateIdSurvivesRefresh: note(
    "documented",
    SEED_003,
    "The state_id is the same for the access and refresh tokens and does not change on refresh: attributes associated with it are still there after a refresh (unlike AM, which carries nothing into a refreshed token).",
  ),
  noStateInPre: note("documented", SEED_003, "The pre-token rule has no state_id (at /authorize and for ROPC no grant exists yet); the post-token rule has it."),
  rulesAtUserinfo: note(
    "documented",
    "flows-and-hooks.md §C.2, §C.3 (IBM-AAC post)",
    "The rules run at /userinfo too (request_type userinfo): response attributes the rule adds there become userinfo claims, JSON text parsed into arrays.",
  ),
  sessionOnlyAtAuthorize: note("documented", SEED_003, "Only /authorize sees the user's session and credential attributes; save what /token needs with OAuthMappingExtUtils.associate."),
} satisfies Record<string, FlowNote>;

function note(evidence: FlowNote["evidence"], source: string, message: string): FlowNote {
  return { evidence, source, message };
}

/** The rules of the scenario: the script under edit at its stage, ibm.otherRule at the other. */
function rulesOf(script: string, scenario: Scenario): { pre: IbmRule | null; post: IbmRule | null } | { pathError: string } {
  const other = scenario.ibm.otherRule;
  if (other !== undefined && !/[\n;(){}]/.test(other) && /\.js\s*$/.test(other)) {
    return { pathError: `ibm.otherRule is the file path "${other.trim()}", and this run was not given that file's contents: put the other rule's source in ibm.otherRule.` };
  }
  const mine: IbmRule = { source: script, file: "script" };
  const theirs: IbmRule | null = other === undefined ? null : { source: other, file: "otherRule" };
  return scenario.ibm.rule === "pre-token" ? { pre: mine, post: theirs } : { pre: theirs, post: mine };
}

function setUp(script: string, scenario: Scenario, options: IbmOptions): { server: IbmServer; endpoints: IbmEndpoints; early: IbmRunResult | null } | { error: string } {
  const rules = rulesOf(script, scenario);
  if ("pathError" in rules) return { error: rules.pathError };
  const server = new IbmServer(scenario, rules, options.now ?? (() => performance.now()));
  return { server, endpoints: new IbmEndpoints(server), early: server.syntaxError() };
}

function bindingError(message: string): IbmRunResult {
  // The scenario itself is unusable (no request was made), so there is no failure response to show.
  const { failure: _none, ...empty } = emptyRunResult("legacy", { kind: "binding", message });
  return {
    ...empty,
    ibm: { requestType: "access_token", grantType: null, status: 500, body: {}, stateId: null, associations: {}, rules: [], stsuu: { principal: [], attributes: [], context: [] }, stsuuBefore: null, stsuuChanges: null, failure: null },
  };
}

/** One request of the scenario: ibm.requestType against a grant made before it (what earlier requests left). */
export async function runIbm(script: string, scenario: Scenario, options: IbmOptions = {}): Promise<IbmRunResult> {
  const set = setUp(script, scenario, options);
  if ("error" in set) return bindingError(set.error);
  if (set.early) return set.early;
  const { server, endpoints } = set;
  const w = server.world;
  const clientId = scenarioClientId(scenario);
  const grantType = scenario.token.grantType;
  const params = scenario.request.params;
  let result: IbmRunResult;
  switch (scenario.ibm.requestType) {
    case "authorization":
      result = await endpoints.authorize(params.response_type?.[0] ?? (grantType === "implicit" ? "token" : "code"), scenario.scopes, params);
      break;
    case "access_token": {
      if (grantType === "refresh_token") {
        // The grant this refresh token belongs to exists already, with the scenario's associations.
        const grant = w.createGrant(clientId, scenario.identity.username, scenario.scopes);
        endpoints.current.refresh_token = w.issue("refresh_token", grant, scenario.token.refreshLifetimeSeconds).value;
      }
      if (grantType === "implicit") result = await endpoints.authorize("token", scenario.scopes, params);
      else result = await endpoints.token(grantType, grantType === "refresh_token" ? undefined : scenario.scopes, params);
      break;
    }
    default: {
      const grant = w.createGrant(clientId, grantType === "client_credentials" ? clientId : scenario.identity.username, scenario.scopes);
      const access = w.issue("access_token", grant, scenario.token.lifetimeSeconds);
      result = await endpoints.about(scenario.ibm.requestType, access.value);
    }
  }
  result.warnings.push({ code: "ibm-inferred", message: IBM_INFERRED.tokenShape });
  if (result.idToken) result.warnings.push({ code: "ibm-inferred", message: IBM_INFERRED.idTokenShape });
  result.warnings = withLintWarnings(ruleLint(script, scenario), result.warnings);
  return result;
}

/**
 * What check() warns of the script under edit, at its stage (the other rule is not the one being edited).
 * Remembered per stage and source: its parses were a tenth of an IBM run, and `test` and run-as-you-type
 * repeat one script. Each run gets its own copies of the warnings.
 */
function ruleLint(script: string, scenario: Scenario): RunWarning[] {
  return ruleLintByKey(`${scenario.ibm.rule ?? ""}\n${script}`).map((w) => ({ ...w }));
}

const ruleLintByKey = memoize((key: string): readonly RunWarning[] => {
  const newline = key.indexOf("\n");
  const stage = key.slice(0, newline);
  return checkIbmRule(key.slice(newline + 1), stage === "" ? undefined : (stage as RuleStage)).warnings;
});

function isoAt(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

/** The flow: every request runs the rules; the grant's state_id and its associations last its whole life. */
export async function runIbmFlow(script: string, scenario: Scenario, flow: FlowStep[], options: FlowOptions = {}): Promise<FlowResult> {
  const set = setUp(script, scenario, options);
  if ("error" in set) {
    const run = bindingError(set.error);
    return { ok: false, steps: flow.slice(0, 1).map((step) => ({ request: step.request, at: scenario.clock, status: 500, body: {}, bodyDoubles: [], run, notes: [], warnings: [] })) };
  }
  const { server, endpoints, early } = set;
  const steps: FlowStepResult[] = [];
  const lint = early ? [] : ruleLint(script, scenario);
  let sawAuthorize = false;
  for (const step of flow) {
    server.world.nowMs += (step.after ?? 0) * 1000;
    const notes: FlowNote[] = [IBM_FACTS.rulesEveryRequest];
    let run: IbmRunResult;
    if (early) run = early;
    else {
      switch (step.request) {
        case "authorize":
          sawAuthorize = true;
          notes.push(IBM_FACTS.noStateInPre, IBM_FACTS.sessionOnlyAtAuthorize);
          run = await endpoints.authorize(step.responseType, step.scopes ?? scenario.scopes, step.params ?? {});
          break;
        case "token":
          if (step.grantType === "refresh_token") notes.push(IBM_FACTS.stateIdSurvivesRefresh);
          if (step.grantType === "authorization_code" && !sawAuthorize) notes.push(note("inferred", "flow", "The flow has no /authorize step: the code was issued before the flow began, and no rule ran for it."));
          run = await endpoints.token(step.grantType, step.scopes, step.params ?? {}, step.clientId);
          break;
        case "userinfo":
          notes.push(IBM_FACTS.rulesAtUserinfo);
          run = await endpoints.about("userinfo", endpoints.current.access_token ?? null);
          break;
        case "introspect":
        case "revoke": {
          const value = step.token === "id_token" ? (endpoints.current.id_token ?? null) : (endpoints.current[step.token] ?? null);
          run = await endpoints.about(step.request, value);
          break;
        }
      }
    }
    const status = run.ibm.status;
    steps.push({
      request: step.request,
      ...(step.request === "token" ? { grantType: step.grantType } : {}),
      ...(step.request === "introspect" || step.request === "revoke" ? { token: step.token } : {}),
      at: isoAt(server.world.nowMs),
      status,
      body: run.ibm.body,
      bodyDoubles: [],
      // Each step's panels carry the lint as an AM step's run does; the step's own warnings stay the run's.
      run: { ...run, warnings: withLintWarnings(lint, run.warnings) },
      notes,
      warnings: run.warnings.filter((w) => w.code !== "ibm-inferred"),
    });
  }
  return { ok: steps.every((s) => s.run === null || s.run.ok), steps };
}
