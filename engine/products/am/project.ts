/**
 * The AM projection stage: what the panels show after a run — the token before and after, the JWT a
 * client-side token becomes, the ID token, the token endpoint's response and introspection — with AM's
 * doubles marked and the lint's and the run's warnings.
 */
import type { Scenario } from "../../scenario/schema";
import { emptyRunResult, type RunResult, type RunWarning } from "../../result";
import { diffFields, introspectionResponse, tokenEndpointResponse, tokenFields } from "../../token/project";
import { atHash, signJwt, viewJwt } from "../../token/jwt";
import { plainWithDoubles } from "../../token/values";
import { MACAROON_NOT_EMULATED, introspectMacaroon, issueMacaroons, playgroundMacaroonKey } from "../../token/macaroon-token";
import type { ExecutedRun } from "./types";

/** Common size limits a client-side token can run into, smallest first. */
export const TOKEN_SIZE_LIMITS: { bytes: number; what: string }[] = [
  { bytes: 4096, what: "the 4 KB cookie limit of browsers (if the token is kept in a cookie)" },
  { bytes: 8192, what: "the 8 KB request-header limit of Apache, nginx and many gateways" },
  { bytes: 16384, what: "the 16 KB request-header limit of IIS and Node.js" },
];

function sizeWarnings(bytes: number, scenario: Scenario): RunWarning[] {
  const limits = [...TOKEN_SIZE_LIMITS];
  if (scenario.token.sizeLimitBytes) limits.push({ bytes: scenario.token.sizeLimitBytes, what: `the scenario's sizeLimitBytes (${scenario.token.sizeLimitBytes} bytes)` });
  const crossed = limits.filter((l) => bytes > l.bytes);
  if (crossed.length === 0) {
    const nearest = limits.find((l) => bytes > l.bytes * 0.9);
    return nearest
      ? [{ code: "token-size-near-limit", message: `The client-side token is ${bytes} bytes, within 10% of ${nearest.what}.` }]
      : [];
  }
  return [
    {
      code: "token-size-over-limit",
      message: `The client-side token is ${bytes} bytes, over ${crossed.map((l) => l.what).join("; and over ")}.`,
    },
  ];
}

export async function projectAmRun(run: ExecutedRun): Promise<RunResult> {
  const { scenario, state, before, ctx, outcome, script, evaluator } = run;
  const after = tokenFields(state);
  const result = emptyRunResult(evaluator, outcome.error);
  result.logs = ctx.logs;
  result.http = ctx.http;
  result.openidm = ctx.openidm;
  // IDM writes are REST calls outside the token request: they stand even when the script then fails.
  if (ctx.idm.changed) result.world = { openidm: ctx.idm.snapshot() };
  result.warnings = [...run.lint(script).filter((w) => !ctx.warnings.some((c) => c.code === w.code)), ...ctx.warnings];
  const doubles: string[] = [];
  result.javaDoubles = doubles;
  result.token = {
    before: plainWithDoubles(before, "/token/before", doubles) as Record<string, unknown>,
    after: plainWithDoubles(after, "/token/after", doubles) as Record<string, unknown>,
    changes: diffFields(before, after),
    extraData: plainWithDoubles(Object.fromEntries(state.extraData), "/token/extraData", doubles) as Record<string, unknown>,
  };

  if (!outcome.error) {
    let accessTokenValue = state.native.id;
    if (state.clientSide) {
      const compact = await signJwt(after, scenario.token.signing.alg, scenario.token.signing.secret, { zip: "NONE" });
      result.jwt = viewJwt(compact);
      plainWithDoubles(after, "/jwt/claims", doubles);
      accessTokenValue = compact;
      result.warnings.push(...sizeWarnings(result.jwt.bytes, scenario));
    }
    let macaroonView: ReturnType<typeof issueMacaroons>["view"] | null = null;
    if (state.macaroon) {
      const issued = issueMacaroons(state, scenario, state.macaroon);
      accessTokenValue = issued.accessToken;
      state.refreshToken = issued.refreshToken;
      macaroonView = issued.view;
    }
    let idTokenValue: string | null = null;
    if ((state.native.scope ?? []).includes("openid") && scenario.token.grantType !== "client_credentials") {
      const issuedAt = Math.floor(state.issuedAt / 1000);
      const claims: Record<string, unknown> = {
        at_hash: atHash(accessTokenValue),
        sub: state.native.sub,
        auditTrackingId: state.native.auditTrackingId,
        subname: state.native.subname,
        iss: state.native.iss,
        tokenName: "id_token",
        aud: state.native.client_id,
        azp: state.native.client_id,
        auth_time: state.native.auth_time,
        realm: state.native.realm,
        exp: issuedAt + scenario.token.lifetimeSeconds,
        tokenType: "JWTToken",
        iat: issuedAt,
      };
      idTokenValue = await signJwt(claims, "RS256", undefined);
      result.idToken = viewJwt(idTokenValue);
    }
    result.tokenResponse = plainWithDoubles(tokenEndpointResponse(state, scenario, accessTokenValue, idTokenValue), "/tokenResponse", doubles) as Record<string, unknown>;
    result.introspection = plainWithDoubles(introspectionResponse(state), "/introspection", doubles) as Record<string, unknown>;
    if (macaroonView) {
      // The introspection a resource server gets back for the token as issued, with the scenario's discharges.
      const unrestricted = result.introspection;
      const applied = introspectMacaroon(
        unrestricted,
        accessTokenValue,
        playgroundMacaroonKey(scenario.seed),
        scenario.token.dischargeMacaroons ?? [],
        state.native.aud ?? [],
        Math.floor(state.issuedAt / 1000),
      );
      result.macaroon = {
        ...macaroonView,
        unrestrictedIntrospection: plainWithDoubles(introspectionResponse(state), "/macaroon/unrestrictedIntrospection", doubles) as Record<string, unknown>,
        dischargeMacaroons: applied.dischargeValues,
      };
      result.introspection = applied.introspection;
      if (applied.introspection.active === false) result.javaDoubles = doubles.filter((d) => !d.startsWith("/introspection/"));
      result.warnings.push(...applied.warnings, { code: "macaroon-emulation", message: MACAROON_NOT_EMULATED });
    }
  }
  result.timings = { evalMs: outcome.evalMs, totalMs: run.context.now() - run.context.started };
  return result;
}
