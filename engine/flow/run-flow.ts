/**
 * runFlow(script, scenario): a grant's whole life. Each request of the scenario's `flow` is answered as AM
 * answers it; every issuance runs the script again with that request's bindings (grant type, scopes, session,
 * request parameters), through the same run() a single request uses. What survives between requests is what
 * AM keeps: the grant's id and scopes, its codes and tokens with their expiry, and the clock.
 */
import { run } from "../run";
import { issuerOf, resolveScenario } from "../scenario/validate";
import type { Scenario, ScenarioSession } from "../scenario/schema";
import { TOKEN_REQUEST_FAILURE, type RunResult, type RunWarning } from "../result";
import { SeededRandom } from "../util/random";
import { diffFields } from "../token/project";
import { introspectMacaroon, playgroundMacaroonKey } from "../token/macaroon-token";
import type { FlowStep } from "./schema";
import { baseStepResult, isoAt } from "./step-result";
import { scenarioClientId } from "../scenario/client-id";
import { GrantState, type IssuedToken } from "./grant";
import { FLOW_FACTS, type FlowNote } from "./evidence";
import { SHIPPED_REGISTRY } from "../products/registry";
import type { FlowOptions, FlowResult, FlowStepResult } from "../run-types";

export type { FlowOptions, FlowResult, FlowStepResult, StepExecutor } from "../run-types";


const NO_SESSION_GRANTS = new Set(["refresh_token", "client_credentials", "password"]);
const AUTHORIZATION_CODE_LIFETIME_MS = 120_000;

/** A run result's Java-double pointers under one of its sections, made relative to that section. */
function doublesUnder(result: RunResult, section: string): string[] {
  return (result.javaDoubles ?? []).filter((p) => p.startsWith(`${section}/`)).map((p) => p.slice(section.length));
}


function invalidGrant(description: string): Record<string, unknown> {
  return { error: "invalid_grant", error_description: description };
}

/** The user's session while they are at /authorize: the scenario's, or a fresh one when it has none. */
function browserSession(scenario: Scenario): ScenarioSession {
  return (
    scenario.session ?? {
      properties: {},
      authLevel: scenario.token.authLevel,
      authType: "DataStore",
      ipAddress: "127.0.0.1",
      hostName: "localhost",
      maxSessionTime: 120,
      maxIdleTime: 30,
    }
  );
}

interface Issuance {
  grantType: string;
  scopes: string[];
  session: ScenarioSession | null;
  params: Record<string, string[]>;
  refreshToken: boolean;
  endpoint: "authorize" | "access_token";
  clientId?: string;
  lifetimeSeconds?: number;
}

class FlowRunner {
  private now: number;
  private readonly grant: GrantState;
  private readonly random: SeededRandom;
  private readonly steps: FlowStepResult[] = [];
  private lastIssued: { fields: Record<string, unknown>; step: number } | null = null;
  /** The IDM's objects as the grant's requests find them: each run starts from what the one before it left. */
  private openidm: Scenario["openidm"];
  private openidmChanged = false;

  constructor(
    private readonly script: string,
    private readonly scenario: Scenario,
    private readonly options: FlowOptions,
  ) {
    this.now = Date.parse(scenario.clock);
    this.random = new SeededRandom((scenario.seed ^ 0x5f3759df) >>> 0);
    this.grant = new GrantState(scenario.token.authGrantId ?? new SeededRandom(scenario.seed).tokenId());
    this.openidm = scenario.openidm;
  }

  async runAll(flow: FlowStep[]): Promise<FlowResult> {
    for (const step of flow) {
      this.now += (step.after ?? 0) * 1000;
      this.steps.push(await this.answer(step));
    }
    return {
      ok: this.steps.every((s) => s.run === null || s.run.ok),
      steps: this.steps,
      ...(this.openidmChanged ? { openidm: this.openidm } : {}),
    };
  }

  /** The scenario's client, as the tokens it is issued carry it. */
  private clientId(): string {
    return scenarioClientId(this.scenario);
  }

  private base(step: FlowStep, status: number, body: Record<string, unknown>, notes: FlowNote[] = []): FlowStepResult {
    return baseStepResult(step, this.now, status, body, notes);
  }

  private answer(step: FlowStep): Promise<FlowStepResult> | FlowStepResult {
    switch (step.request) {
      case "authorize":
        return this.authorize(step);
      case "token":
        return this.token(step);
      case "introspect":
        return this.introspect(step);
      case "revoke":
        return this.revoke(step);
      case "userinfo":
        // The scenario schema refuses userinfo steps for AM (the script does not run at /userinfo).
        throw new Error("a userinfo step reached AM's flow runner; scenario validation refuses it");
    }
  }

  private async authorize(step: Extract<FlowStep, { request: "authorize" }>): Promise<FlowStepResult> {
    const scopes = step.scopes ?? this.scenario.scopes;
    const responseTypes = step.responseType.split(/\s+/).filter(Boolean);
    this.grant.grantedScopes = scopes;
    const body: Record<string, unknown> = {};
    if (responseTypes.includes("code")) {
      this.grant.code = { value: this.random.tokenId(), clientId: this.clientId(), scopes, used: false, expiresAtMs: this.now + AUTHORIZATION_CODE_LIFETIME_MS };
      body.code = this.grant.code.value;
    }
    if (!responseTypes.includes("token")) {
      return this.base(step, 302, { ...body, scope: scopes.join(" ") });
    }
    const result = await this.issue(step, {
      grantType: "implicit",
      scopes,
      session: browserSession(this.scenario),
      params: { response_type: [step.responseType], scope: [scopes.join(" ")], ...(step.params ?? {}) },
      refreshToken: false,
      endpoint: "authorize",
    });
    result.notes.unshift(FLOW_FACTS.implicitAtAuthorize);
    if (result.status === 200) {
      result.status = 302;
      result.body = { ...body, ...result.body };
    }
    return result;
  }

  private async token(step: Extract<FlowStep, { request: "token" }>): Promise<FlowStepResult> {
    const notes: FlowNote[] = [];
    const params: Record<string, string[]> = {
      grant_type: [step.grantType],
      ...(step.scopes ? { scope: [step.scopes.join(" ")] } : {}),
      ...(step.params ?? {}),
    };
    switch (step.grantType) {
      case "authorization_code": {
        if (!this.grant.code) {
          const scopes = step.scopes ?? this.scenario.scopes;
          this.grant.code = { value: this.random.tokenId(), clientId: this.clientId(), scopes, used: false, expiresAtMs: this.now + AUTHORIZATION_CODE_LIFETIME_MS };
          this.grant.grantedScopes = scopes;
          notes.push(FLOW_FACTS.codeWithoutAuthorize);
        }
        const code = this.grant.code;
        const requester = step.clientId ?? code.clientId;
        if (requester !== code.clientId) {
          return this.base(step, 400, invalidGrant(`The authorization code was issued to ${code.clientId}, not ${requester}`), [FLOW_FACTS.wrongClient]);
        }
        if (code.used || this.now >= code.expiresAtMs) {
          return this.base(step, 400, invalidGrant(code.used ? "The authorization code has already been used" : "The authorization code has expired"), [
            FLOW_FACTS.invalidGrant,
          ]);
        }
        code.used = true;
        notes.push(FLOW_FACTS.codeExchangeSession);
        return this.issue(step, {
          grantType: step.grantType,
          scopes: code.scopes,
          session: browserSession(this.scenario),
          params: { ...params, code: [code.value] },
          refreshToken: this.scenario.token.refreshToken,
          endpoint: "access_token",
          clientId: requester,
          ...(step.lifetimeSeconds ? { lifetimeSeconds: step.lifetimeSeconds } : {}),
        }, notes);
      }
      case "refresh_token": {
        const current = this.grant.tokens.refresh_token;
        if (!current || !this.grant.isActive(current, this.now)) {
          const why = !current
            ? "No refresh token has been issued in this flow"
            : current.revoked
              ? "The refresh token has been revoked"
              : "The refresh token has expired";
          return this.base(step, 400, invalidGrant(why), [FLOW_FACTS.invalidGrant]);
        }
        const requester = step.clientId ?? current.clientId;
        if (requester !== current.clientId) {
          return this.base(step, 400, invalidGrant(`The refresh token was issued to ${current.clientId}, not ${requester}`), [FLOW_FACTS.wrongClient]);
        }
        const granted = this.grant.grantedScopes ?? this.scenario.scopes;
        const requested = step.scopes ?? granted;
        const wider = requested.filter((s) => !granted.includes(s));
        if (wider.length > 0) {
          return this.base(
            step,
            400,
            { error: "invalid_scope", error_description: `Scope(s) not granted to this refresh token: ${wider.join(" ")}` },
            [FLOW_FACTS.refreshNarrowerScopes],
          );
        }
        notes.push(FLOW_FACTS.scriptRerunsOnRefresh, FLOW_FACTS.refreshHasNoSession, FLOW_FACTS.refreshRotates);
        return this.issue(step, {
          grantType: step.grantType,
          scopes: requested,
          session: null,
          params: { ...params, refresh_token: [current.value] },
          refreshToken: this.scenario.token.refreshToken,
          endpoint: "access_token",
          clientId: requester,
          ...(step.lifetimeSeconds ? { lifetimeSeconds: step.lifetimeSeconds } : {}),
        }, notes);
      }
      case "client_credentials":
        notes.push(FLOW_FACTS.clientCredentials);
        return this.issue(step, {
          grantType: step.grantType,
          scopes: step.scopes ?? this.scenario.scopes,
          session: null,
          params,
          refreshToken: false,
          endpoint: "access_token",
          ...(step.clientId ? { clientId: step.clientId } : {}),
          ...(step.lifetimeSeconds ? { lifetimeSeconds: step.lifetimeSeconds } : {}),
        }, notes);
      default: {
        notes.push(NO_SESSION_GRANTS.has(step.grantType) ? FLOW_FACTS.noSessionGrant : FLOW_FACTS.inferredNoSession);
        const scopes = step.scopes ?? this.scenario.scopes;
        this.grant.grantedScopes ??= scopes;
        const usernameParam: Record<string, string[]> = step.grantType === "password" ? { username: [this.scenario.identity.username] } : {};
        return this.issue(step, {
          grantType: step.grantType,
          scopes,
          session: null,
          params: { ...usernameParam, ...params },
          refreshToken: this.scenario.token.refreshToken,
          endpoint: "access_token",
          ...(step.clientId ? { clientId: step.clientId } : {}),
          ...(step.lifetimeSeconds ? { lifetimeSeconds: step.lifetimeSeconds } : {}),
        }, notes);
      }
    }
  }

  /** Runs the script for one issuance and records what AM then holds for the grant. */
  private async issue(step: FlowStep, issuance: Issuance, notes: FlowNote[] = []): Promise<FlowStepResult> {
    const stepIndex = this.steps.length;
    const scenario = this.stepScenario(issuance, stepIndex);
    const { execute = run, ...runOptions } = this.options;
    const result = await execute(this.script, scenario, runOptions);
    const out = this.base(step, 200, {}, notes);
    out.run = result;
    if (result.world) {
      this.openidm = result.world.openidm;
      this.openidmChanged = true;
      out.notes.push(FLOW_FACTS.idmWritesPersist);
    }
    if (!result.ok || !result.tokenResponse) {
      // What the client receives instead of a token: the run's failure response (product.md, "When the script fails").
      const failure = result.failure ?? TOKEN_REQUEST_FAILURE;
      out.status = failure.status;
      out.body = { ...failure.body };
      out.notes.push(FLOW_FACTS.failure);
      return out;
    }
    out.body = { ...result.tokenResponse };
    out.bodyDoubles = doublesUnder(result, "/tokenResponse");
    if (issuance.endpoint === "authorize") delete out.body.refresh_token;
    const fields = result.token?.after ?? {};
    if (this.lastIssued) {
      out.changes = diffFields(this.lastIssued.fields, fields);
      if (issuance.grantType === "refresh_token") out.warnings.push(...this.lostOnRefresh(this.lastIssued, fields));
    }
    this.lastIssued = { fields, step: stepIndex };
    this.record(result, scenario, stepIndex);
    return out;
  }

  private stepScenario(issuance: Issuance, stepIndex: number): Scenario {
    const s = this.scenario;
    const params = { ...s.request.params, ...issuance.params };
    return {
      ...s,
      clock: isoAt(this.now),
      seed: (s.seed + stepIndex + 1) | 0,
      scopes: issuance.scopes,
      session: issuance.session,
      openidm: this.openidm,
      ...(issuance.clientId && s.client ? { client: { ...s.client, clientId: issuance.clientId } } : {}),
      request: {
        ...s.request,
        ...(issuance.endpoint === "authorize" ? { uri: `${issuerOf(s)}/authorize` } : {}),
        params,
      },
      token: {
        ...s.token,
        grantType: issuance.grantType as Scenario["token"]["grantType"],
        refreshToken: issuance.refreshToken,
        authGrantId: this.grant.authGrantId,
        ...(issuance.lifetimeSeconds ? { lifetimeSeconds: issuance.lifetimeSeconds } : {}),
      },
      flow: undefined,
    };
  }

  /** Keeps the tokens of an issuance with their expiry, so later steps can introspect, refresh or revoke them. */
  private record(result: RunResult, scenario: Scenario, stepIndex: number): void {
    const response = result.tokenResponse ?? {};
    const introspection = result.macaroon?.unrestrictedIntrospection ?? result.introspection ?? { active: true };
    const exp = typeof introspection.exp === "number" ? introspection.exp * 1000 : null;
    const aud = result.token?.after.aud;
    this.grant.issue("access_token", {
      value: String(response.access_token),
      expiresAtMs: exp,
      revoked: false,
      issuedAtStep: stepIndex,
      clientId: scenarioClientId(scenario),
      introspection,
      introspectionDoubles: doublesUnder(result, result.macaroon ? "/macaroon/unrestrictedIntrospection" : "/introspection"),
      ...(result.macaroon
        ? { macaroon: { unrestricted: introspection, rootKey: playgroundMacaroonKey(scenario.seed), audience: Array.isArray(aud) ? aud.map(String) : typeof aud === "string" ? [aud] : [] } }
        : {}),
    });
    if (typeof response.refresh_token === "string") {
      const refreshExpiry = this.now + scenario.token.refreshLifetimeSeconds * 1000;
      const granted = this.grant.grantedScopes ?? scenario.scopes;
      this.grant.issue("refresh_token", {
        value: response.refresh_token,
        expiresAtMs: refreshExpiry,
        revoked: false,
        issuedAtStep: stepIndex,
        clientId: scenarioClientId(scenario),
        introspection: this.refreshIntrospection(introspection, granted, refreshExpiry),
      });
    }
    if (typeof response.id_token === "string") {
      this.grant.issue("id_token", {
        value: response.id_token,
        expiresAtMs: exp,
        revoked: false,
        issuedAtStep: stepIndex,
        clientId: scenarioClientId(scenario),
        introspection: { active: false },
      });
    }
  }

  /** The lineage handler's fields for a refresh token: no custom field ever (the script never touches it). */
  private refreshIntrospection(access: Record<string, unknown>, scopes: string[], expiresAtMs: number): Record<string, unknown> {
    const out: Record<string, unknown> = { active: true };
    if (scopes.length > 0) out.scope = scopes.join(" ");
    for (const key of ["client_id", "user_id"]) if (access[key] !== undefined) out[key] = access[key];
    out.token_type = "refresh_token";
    out.exp = Math.floor(expiresAtMs / 1000);
    for (const key of ["sub", "iss"]) if (access[key] !== undefined) out[key] = access[key];
    return out;
  }

  /** Claims an earlier issuance carried that the refreshed token lacks: the script derived them from the request. */
  private lostOnRefresh(previous: { fields: Record<string, unknown>; step: number }, now: Record<string, unknown>): RunWarning[] {
    const lost = Object.keys(previous.fields).filter((k) => !(k in now));
    if (lost.length === 0) return [];
    const readsSession = /\bsession\b/.test(this.script);
    return [
      {
        code: "claim-lost-on-refresh",
        message:
          `${lost.map((k) => `"${k}"`).join(", ")} ${lost.length === 1 ? "was" : "were"} in the token issued at step ${previous.step + 1} but not in this refreshed one: ` +
          "AM re-runs the script on refresh and carries nothing over" +
          (readsSession ? ", and `session` is null on refresh, so a claim derived from the session disappears" : "") +
          ". Derive the claim from something that persists (an identity attribute) if it must survive refresh.",
      },
    ];
  }

  private introspect(step: Extract<FlowStep, { request: "introspect" }>): FlowStepResult {
    const token = this.grant.tokens[step.token];
    if (step.token === "id_token") return this.base(step, 200, { active: false }, [FLOW_FACTS.idTokenIntrospection]);
    if (!token || !this.grant.isActive(token, this.now)) return this.base(step, 200, { active: false }, [FLOW_FACTS.inactiveToken]);
    const notes = step.token === "access_token" ? [] : [FLOW_FACTS.refreshIntrospection];
    if (token.macaroon) return this.introspectMacaroon(step, token, token.macaroon);
    const out = this.base(step, 200, { ...token.introspection }, notes);
    out.bodyDoubles = [...(token.introspectionDoubles ?? [])];
    return out;
  }

  /** A macaroon access token: its caveats (and this request's discharges) decide the answer now, not at issuance. */
  private introspectMacaroon(step: Extract<FlowStep, { request: "introspect" }>, token: IssuedToken, macaroon: NonNullable<IssuedToken["macaroon"]>): FlowStepResult {
    const discharges = step.dischargeMacaroons ?? this.scenario.token.dischargeMacaroons ?? [];
    const applied = introspectMacaroon(macaroon.unrestricted, token.value, macaroon.rootKey, discharges, macaroon.audience, Math.floor(this.now / 1000));
    const notes = [FLOW_FACTS.macaroonIntrospection, ...(discharges.length > 0 ? [FLOW_FACTS.macaroonDischarge, FLOW_FACTS.macaroonDischargeMatching] : [])];
    const out = this.base(step, 200, applied.introspection, notes);
    if (applied.introspection.active !== false) out.bodyDoubles = [...(token.introspectionDoubles ?? [])];
    if (applied.dischargeValues.length > 0) out.requestHeaders = { "X-Discharge-Macaroon": applied.dischargeValues };
    out.warnings.push(...applied.warnings);
    return out;
  }

  private revoke(step: Extract<FlowStep, { request: "revoke" }>): FlowStepResult {
    this.grant.revoke(step.token);
    return this.base(step, 200, {}, step.token === "refresh_token" ? [FLOW_FACTS.revokeGrant] : []);
  }
}

/**
 * Runs the scenario's flow; without one, the grant's usual life (see defaultFlow). The registry chooses who
 * answers the requests, as run() chooses who runs the script: a product with its own runFlow runs the whole
 * flow its way, every other one is answered as AM answers and has its script run at each issuance.
 */
export async function runFlow(script: string, scenarioInput: unknown = {}, options: FlowOptions = {}): Promise<FlowResult> {
  const scenario = resolveScenario(scenarioInput);
  const flow = scenario.flow ?? defaultFlow(scenario);
  const definition = (options.registry ?? SHIPPED_REGISTRY).forRun(options.product ?? scenario.product, options.evaluator ?? scenario.evaluator);
  if (definition.runFlow) return definition.runFlow(script, scenario, flow, options);
  return new FlowRunner(script, scenario, options).runAll(flow);
}

/**
 * The life of the scenario's grant when it names no flow: issue, introspect, and (for grants with a refresh
 * token) refresh halfway through the access token's lifetime and introspect every token again.
 */
export function defaultFlow(scenario: Scenario): FlowStep[] {
  const grant = scenario.token.grantType;
  const halfLife = Math.max(1, Math.floor(scenario.token.lifetimeSeconds / 2));
  const introspectAccess: FlowStep = { request: "introspect", token: "access_token" };
  const refreshes = scenario.token.refreshToken && grant !== "client_credentials" && grant !== "implicit";
  const first: FlowStep[] =
    grant === "implicit"
      ? [{ request: "authorize", responseType: "token" }]
      : grant === "authorization_code" || grant === "refresh_token"
        ? [{ request: "authorize", responseType: "code" }, { request: "token", grantType: "authorization_code" }]
        : [{ request: "token", grantType: grant }];
  const refresh: FlowStep[] = refreshes
    ? [
        { request: "token", grantType: "refresh_token", after: halfLife },
        introspectAccess,
        { request: "introspect", token: "refresh_token" },
        { request: "introspect", token: "previous_refresh_token" },
      ]
    : [];
  return [...first, introspectAccess, ...refresh];
}

export type { IssuedToken };
