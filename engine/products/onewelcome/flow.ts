/**
 * A grant's whole life at OneWelcome's Access service. The hook runs "just before the authorization grant is
 * created (authorization call, refresh token)" (OpenAPI; reference §D.1): at /oauth/authorize, at a token
 * request that creates a grant itself (client credentials, password), and at every refresh, with the grant's
 * scopes, so a scope it removed stays removed. The code exchange creates no grant: the token carries what the
 * hook answered at the authorization call. Each step names the facts it rests on, OneWelcome's, not AM's.
 */
import type { Scenario } from "../../scenario/schema";
import type { FlowStep } from "../../flow/schema";
import type { FlowNote } from "../../flow/evidence";
import { GrantState } from "../../flow/grant";
import { baseStepResult, isoAt } from "../../flow/step-result";
import { scenarioClientId } from "../../scenario/client-id";
import { diffFields } from "../../token/project";
import { SeededRandom } from "../../util/random";
import type { FlowOptions, FlowResult, FlowStepResult } from "../../run-types";
import type { HookAnswer } from "./answer";
import { runOneWelcome, type OneWelcomeRunResult } from "./run";

const OPENAPI = "flows-and-hooks.md §D.1 (OW OpenAPI 1.0.0)";
const CODE_LIFETIME_MS = 120_000;

function note(evidence: FlowNote["evidence"], source: string, message: string): FlowNote {
  return { evidence, source, message };
}

export const ONEWELCOME_FLOW_FACTS = {
  hookAtAuthorization: note("documented", OPENAPI, "The hook runs just before the authorization grant is created: here, at the authorization call (triggeredBy /oauth/authorize)."),
  hookAtGrantCreation: note("documented", OPENAPI, "This token request creates the grant itself, so the hook runs here (triggeredBy /oauth/token)."),
  noHookAtCodeExchange: note(
    "inferred",
    OPENAPI,
    "The code exchange creates no grant, so the hook is not called again: the token carries the scopes and claims the hook answered at the authorization call (the contract names only the authorization call and refresh).",
  ),
  codeWithoutAuthorize: note("inferred", OPENAPI, "The flow has no authorization request before this code exchange: the hook runs here, as it would have at /oauth/authorize."),
  hookAtRefresh: note("documented", OPENAPI, "The hook runs again at refresh (triggeredBy /oauth/token)."),
  refreshScopes: note(
    "inferred",
    "flows-and-hooks.md §D.1 (OW)",
    "At refresh the hook is sent the grant's scopes, not the first request's: OneWelcome documents that a scope the hook removed stays removed after refresh, not the request it then sends.",
  ),
  allScopesRemoved: note("documented", "flows-and-hooks.md §D.1 (OW)", "Every scope removed: the Access service fails the authorization or the token flow; the status and error are not documented."),
  invalidGrant: note("inferred", "flows-and-hooks.md §D.1", "OneWelcome's answer to a used or expired code or refresh token is not in the hook's contract: the OAuth 2.0 invalid_grant error (inferred)."),
  refreshWiderScopes: note("inferred", "RFC 6749 §6", "A refresh may not ask for scopes the grant does not have (invalid_scope, as RFC 6749 says; OneWelcome does not document it)."),
  introspection: note("inferred", "flows-and-hooks.md §D.1, §F.9", "Introspection is not in the hook's contract; whether it shows additionalClaims is not documented (the playground shows them only in the JWT)."),
  revoke: note("inferred", "RFC 7009", "Revocation is not in the hook's contract: revoking the refresh token ends the grant, its access tokens too (RFC 7009)."),
} satisfies Record<string, FlowNote>;


/** The answer a run got from the hook, to apply again without calling it. */
function answerOf(result: OneWelcomeRunResult): HookAnswer {
  return { source: result.hook.source, response: result.hook.response, error: null, logs: [], mismatches: result.hook.mismatches };
}

const grantedScopes = (result: OneWelcomeRunResult) => String(result.tokenResponse?.scope ?? "").split(" ").filter(Boolean);

class OneWelcomeFlow {
  private now: number;
  private readonly grant: GrantState;
  private readonly random: SeededRandom;
  private readonly steps: FlowStepResult[] = [];
  private lastClaims: Record<string, unknown> | null = null;
  /** The hook's answer at the authorization call, applied at the code exchange. */
  private authorized: { answer: HookAnswer; scopes: string[] } | null = null;

  constructor(
    private readonly script: string,
    private readonly scenario: Scenario,
    private readonly options: FlowOptions,
  ) {
    this.now = Date.parse(scenario.clock);
    this.random = new SeededRandom((scenario.seed ^ 0x5f3759df) >>> 0);
    this.grant = new GrantState(new SeededRandom(scenario.seed).tokenId());
  }

  async runAll(flow: FlowStep[]): Promise<FlowResult> {
    for (const step of flow) {
      this.now += (step.after ?? 0) * 1000;
      this.steps.push(await this.answer(step));
    }
    return { ok: this.steps.every((s) => s.run === null || s.run.ok), steps: this.steps };
  }

  private base(step: FlowStep, status: number, body: Record<string, unknown>, notes: FlowNote[]): FlowStepResult {
    return baseStepResult(step, this.now, status, body, notes);
  }

  private answer(step: FlowStep): Promise<FlowStepResult> | FlowStepResult {
    switch (step.request) {
      case "authorize":
        return this.authorize(step);
      case "token":
        return this.token(step);
      case "introspect": {
        const token = this.grant.tokens[step.token];
        const active = step.token !== "id_token" && this.grant.isActive(token, this.now);
        return this.base(step, 200, active && token ? { ...token.introspection } : { active: false }, [ONEWELCOME_FLOW_FACTS.introspection]);
      }
      case "revoke":
        this.grant.revoke(step.token);
        return this.base(step, 200, {}, [ONEWELCOME_FLOW_FACTS.revoke]);
      case "userinfo":
        throw new Error("a userinfo step reached OneWelcome's flow; scenario validation refuses it");
    }
  }

  /**
   * Calls the hook for one grant, as run() does for a single request: through the host's executor when it
   * hands one in (the CLI's supervised worker, which holds the hook transport and the watchdog). An earlier
   * answer is applied here without calling anything (no handler runs, so nothing needs the watchdog).
   */
  private async hook(grantType: string, scopes: string[], at: "/oauth/authorize" | "/oauth/token", answer?: HookAnswer): Promise<OneWelcomeRunResult> {
    const s = this.scenario;
    const scenario: Scenario = {
      ...s,
      clock: isoAt(this.now),
      seed: (s.seed + this.steps.length + 1) | 0,
      scopes,
      // The request's endpoint tells the run which call triggers the hook (executionContext.triggeredBy).
      request: { ...s.request, uri: `${(s.issuer ?? "https://onewelcome.example.com").replace(/\/oauth\/?$|\/+$/, "")}${at}` },
      token: { ...s.token, grantType: grantType as Scenario["token"]["grantType"] },
      flow: undefined,
    };
    const { execute, ...runOptions } = this.options;
    if (execute && !answer) return (await execute(this.script, scenario, runOptions)) as OneWelcomeRunResult;
    return runOneWelcome(this.script, scenario, {
      ...(this.options.hookTransport ? { hookTransport: this.options.hookTransport } : {}),
      ...(this.options.now ? { now: this.options.now } : {}),
      triggeredBy: at,
      ...(answer ? { answer } : {}),
    });
  }

  /** The step's answer from a hook run: its failure response, or the token response with the grant kept. */
  private settle(step: FlowStep, result: OneWelcomeRunResult, notes: FlowNote[], okStatus = 200): FlowStepResult {
    const out = this.base(step, okStatus, {}, notes);
    out.run = result;
    if (!result.ok || !result.tokenResponse) {
      const failure = result.failure;
      out.status = failure?.status ?? 500;
      out.body = failure ? { ...failure.body } : {};
      if (result.error?.message.includes("every requested scope")) out.notes.push(ONEWELCOME_FLOW_FACTS.allScopesRemoved);
      return out;
    }
    this.grant.grantedScopes = grantedScopes(result);
    out.body = { ...result.tokenResponse };
    const claims = result.token?.after ?? {};
    if (this.lastClaims) out.changes = diffFields(this.lastClaims, claims);
    this.lastClaims = claims;
    this.record(result);
    return out;
  }

  /** The client the grant belongs to: the scenario's (OneWelcome steps carry no client of their own). */
  private clientId(): string {
    return scenarioClientId(this.scenario);
  }

  private record(result: OneWelcomeRunResult): void {
    const response = result.tokenResponse ?? {};
    const introspection = result.introspection ?? { active: true };
    const exp = typeof introspection.exp === "number" ? introspection.exp * 1000 : null;
    const stepIndex = this.steps.length;
    this.grant.issue("access_token", { value: String(response.access_token), clientId: this.clientId(), expiresAtMs: exp, revoked: false, issuedAtStep: stepIndex, introspection });
    if (typeof response.refresh_token === "string") {
      const expiresAtMs = this.now + this.scenario.token.refreshLifetimeSeconds * 1000;
      const refresh = { active: true, scope: (this.grant.grantedScopes ?? []).join(" "), client_id: introspection.client_id, token_type: "refresh_token", exp: Math.floor(expiresAtMs / 1000) };
      this.grant.issue("refresh_token", { value: response.refresh_token, clientId: this.clientId(), expiresAtMs, revoked: false, issuedAtStep: stepIndex, introspection: refresh });
    }
  }

  private async authorize(step: Extract<FlowStep, { request: "authorize" }>): Promise<FlowStepResult> {
    const scopes = step.scopes ?? this.scenario.scopes;
    const implicit = step.responseType.split(/\s+/).includes("token");
    const result = await this.hook(implicit ? "implicit" : "authorization_code", scopes, "/oauth/authorize");
    const notes = [ONEWELCOME_FLOW_FACTS.hookAtAuthorization];
    if (implicit) {
      const out = this.settle(step, result, notes, 302);
      // The implicit grant's answer carries no refresh token.
      delete out.body.refresh_token;
      return out;
    }
    const out = this.base(step, 302, {}, notes);
    out.run = result;
    if (!result.ok) {
      out.status = result.failure?.status ?? 500;
      out.body = result.failure ? { ...result.failure.body } : {};
      if (result.error?.message.includes("every requested scope")) out.notes.push(ONEWELCOME_FLOW_FACTS.allScopesRemoved);
      return out;
    }
    // The grant is created now, with the scopes the hook left; the code exchange applies the same answer.
    const granted = grantedScopes(result);
    this.grant.grantedScopes = granted;
    this.grant.code = { value: this.random.tokenId(), clientId: this.clientId(), scopes: granted, used: false, expiresAtMs: this.now + CODE_LIFETIME_MS };
    this.authorized = { answer: answerOf(result), scopes };
    out.body = { code: this.grant.code.value, scope: granted.join(" ") };
    return out;
  }

  private async token(step: Extract<FlowStep, { request: "token" }>): Promise<FlowStepResult> {
    switch (step.grantType) {
      case "authorization_code": {
        const code = this.grant.code;
        if (!code || !this.authorized) {
          const result = await this.hook(step.grantType, step.scopes ?? this.scenario.scopes, "/oauth/token");
          return this.settle(step, result, [ONEWELCOME_FLOW_FACTS.codeWithoutAuthorize]);
        }
        if (code.used || this.now >= code.expiresAtMs) {
          const why = code.used ? "The authorization code has already been used" : "The authorization code has expired";
          return this.base(step, 400, { error: "invalid_grant", error_description: why }, [ONEWELCOME_FLOW_FACTS.invalidGrant]);
        }
        code.used = true;
        // The request the hook got at /oauth/authorize, answered as it answered then.
        const result = await this.hook(step.grantType, this.authorized.scopes, "/oauth/authorize", this.authorized.answer);
        return this.settle(step, result, [ONEWELCOME_FLOW_FACTS.noHookAtCodeExchange]);
      }
      case "refresh_token": {
        const current = this.grant.tokens.refresh_token;
        if (!current || !this.grant.isActive(current, this.now)) {
          const why = !current ? "No refresh token has been issued in this flow" : current.revoked ? "The refresh token has been revoked" : "The refresh token has expired";
          return this.base(step, 400, { error: "invalid_grant", error_description: why }, [ONEWELCOME_FLOW_FACTS.invalidGrant]);
        }
        const granted = this.grant.grantedScopes ?? this.scenario.scopes;
        const requested = step.scopes ?? granted;
        const wider = requested.filter((s) => !granted.includes(s));
        if (wider.length) {
          return this.base(step, 400, { error: "invalid_scope", error_description: `Scope(s) not granted to this refresh token: ${wider.join(" ")}` }, [
            ONEWELCOME_FLOW_FACTS.refreshWiderScopes,
          ]);
        }
        const result = await this.hook(step.grantType, requested, "/oauth/token");
        return this.settle(step, result, [ONEWELCOME_FLOW_FACTS.hookAtRefresh, ONEWELCOME_FLOW_FACTS.refreshScopes]);
      }
      default: {
        const result = await this.hook(step.grantType, step.scopes ?? this.scenario.scopes, "/oauth/token");
        return this.settle(step, result, [ONEWELCOME_FLOW_FACTS.hookAtGrantCreation]);
      }
    }
  }
}

export function runOneWelcomeFlow(script: string, scenario: Scenario, flow: FlowStep[], options: FlowOptions): Promise<FlowResult> {
  return new OneWelcomeFlow(script, scenario, options).runAll(flow);
}
