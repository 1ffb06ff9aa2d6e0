/**
 * run(script, scenario): what AM would issue when this script modifies the scenario's token. The one entry
 * point the CLI, the renderer's worker and the tests share.
 */
import { resolveScenario } from "./scenario/validate";
import type { Scenario } from "./scenario/schema";
import { emptyRunResult, type RunResult, type RunWarning } from "./result";
import { SeededRandom } from "./util/random";
import { cloneTokenState, createTokenState } from "./token/state";
import { diffFields, introspectionResponse, tokenEndpointResponse, tokenFields } from "./token/project";
import { atHash, signJwt, viewJwt } from "./token/jwt";
import { plainWithDoubles } from "./token/values";
import { createRunContext } from "./evaluators/context";
import { nextGenBindings } from "./evaluators/nextgen/bindings";
import { legacyBindings } from "./evaluators/legacy/bindings";
import { describeLegacyError } from "./evaluators/legacy/errors";
import { DEFAULT_LIMITS, describeGuestError, runInSandbox } from "./sandbox/sandbox";
import { rhinoCaughtMessage, rhinoRuntimeMessage, type WordingNotes } from "./evaluators/rhino-runtime-errors";
import { RHINO_MISSING } from "./dialect/rhino-surface";
import { RHINO_DATE_SOURCE } from "./sandbox/rhino-date";
import { JAVA_STACK_OVERFLOW, RHINO_JSON_DEPTH_SOURCE, isHostStackExhaustion, rhinoJsonError } from "./evaluators/rhino-json";
import { RHINO_REGEXP_SOURCE, rhinoRegExpLoadError } from "./evaluators/rhino-regexp";
import { lintOf, rhinoSyntaxOf } from "./analysis";
import { runOneWelcome } from "./products/onewelcome/run";
import { runIbm } from "./products/ibm/run";
import { rewriteConstForRhino } from "./dialect/rhino-const";
import { syntaxHints } from "./dialect/rhino-hints";
import type { RunOptions } from "./run-options";
import { MACAROON_NOT_EMULATED, introspectMacaroon, issueMacaroons } from "./token/macaroon-token";

export type { RunOptions } from "./run-options";

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

/**
 * Whether a script may create or print Date objects (then Rhino's date behaviour is compiled into its sandbox).
 * `Date.now()` and `Date.UTC(…)` alone give numbers, the same in both engines, and are what most token scripts use.
 */
function usesDateObjects(script: string): boolean {
  return /\bDate\b(?!\s*\.\s*(?:now|UTC)\s*\()/.test(script);
}

export async function run(script: string, scenarioInput: unknown = {}, options: RunOptions = {}): Promise<RunResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const scenario = resolveScenario(scenarioInput);
  if (scenario.product === "onewelcome") return runOneWelcome(script, scenario, { ...(options.hookTransport ? { hookTransport: options.hookTransport } : {}), now });
  if (scenario.product === "ibm-verify-access") return runIbm(script, scenario, { now });
  const evaluator = options.evaluator ?? scenario.evaluator;

  const syntax = rhinoSyntaxOf(script);
  if (syntax) {
    const result = emptyRunResult(evaluator, {
      kind: "syntax",
      message: syntax.message,
      line: syntax.line,
      ...(syntax.column ? { column: syntax.column } : {}),
    });
    result.warnings = syntaxHints(script, syntax);
    result.timings.totalMs = now() - started;
    return result;
  }

  const regexpError = rhinoRegExpLoadError(script);
  if (regexpError) {
    const result = emptyRunResult(evaluator, { kind: "runtime", ...regexpError });
    result.timings.totalMs = now() - started;
    return result;
  }

  const random = new SeededRandom(scenario.seed);
  const state = createTokenState(scenario, random);
  const before = tokenFields(cloneTokenState(state));
  const ctx = createRunContext(scenario, state, random);
  const legacy = evaluator === "legacy" ? legacyBindings(ctx) : null;
  const nextGen = legacy ? null : nextGenBindings(ctx);
  const bindings = legacy ?? (nextGen as NonNullable<typeof nextGen>);
  /** Rhino's wording of a QuickJS error; warns when it had to guess the value a failed call was made on. */
  const reworded = (line: number | undefined, word: (notes: WordingNotes) => string | null): string | null => {
    const notes: WordingNotes = {};
    const message = word(notes);
    if (message && notes.approximate && !ctx.warnings.some((w) => w.code === "rhino-message-approximate" && w.line === line)) {
      ctx.warnings.push({
        code: "rhino-message-approximate",
        message: `Rhino names the value a failed call was made on; here it was a function's local variable, which the playground cannot look at after the error, so the message shows the likely value and AM's may read differently.`,
        ...(line ? { line } : {}),
      });
    }
    return message;
  };

  const outcome = await runInSandbox({
    // const behaves as in AM's Rhino (function-scoped, set once; undefined at top level); same lines.
    source: rewriteConstForRhino(script),
    globals: bindings.globals,
    clockMs: Date.parse(scenario.clock),
    seed: scenario.seed,
    hidden: RHINO_MISSING,
    preludeExtras: [
      ...(usesDateObjects(script) ? [RHINO_DATE_SOURCE] : []),
      ...(script.includes("RegExp") ? [RHINO_REGEXP_SOURCE] : []),
      // After the sandbox's JSON.parse hook (same condition), which it relies on.
      ...(/\bJSON\s*(?:\.\s*parse|\[)/.test(script) ? [RHINO_JSON_DEPTH_SOURCE] : []),
    ],
    limits: { ...DEFAULT_LIMITS, timeoutMs: scenario.timeoutMs },
    now,
    describeError: (info) => {
      if (info.name === "InternalError" && info.message === JAVA_STACK_OVERFLOW) return { kind: "runtime", message: JAVA_STACK_OVERFLOW, ...(info.line ? { line: info.line } : {}) };
      const legacyError = legacy ? describeLegacyError(info) : null;
      if (legacyError) return legacyError;
      const error = describeGuestError(info);
      if (info.fromBinding || info.thrownValue !== undefined || error.kind !== "runtime") return error;
      const rhino = reworded(info.line, (notes) => rhinoRuntimeMessage(info, script, notes));
      return rhino ? { ...error, message: rhino } : error;
    },
    rewordJsonError: rhinoJsonError,
    onCaughtError: (info) => {
      const message = reworded(info.line, (notes) => rhinoCaughtMessage(info, script, notes));
      if (message) nextGen?.explainFailure({ kind: "runtime", message, ...(info.line ? { line: info.line } : {}) });
      return message;
    },
    onLine: (probe) => {
      ctx.currentLine = probe;
      // Called as the sandbox starts evaluating this run (synchronously, one run at a time).
      legacy?.enter();
    },
  });
  legacy?.leave();
  ctx.currentLine = () => undefined;
  if (outcome.error && isHostStackExhaustion(outcome.error.message)) {
    // The host's stack ran out where Rhino's Java stack would have: AM's terms for it.
    outcome.error = { kind: "runtime", message: JAVA_STACK_OVERFLOW, ...(outcome.error.line ? { line: outcome.error.line } : {}) };
  }
  if (outcome.error?.message === JAVA_STACK_OVERFLOW) {
    ctx.warnings.push({
      code: "rhino-stack-overflow",
      message:
        "The script ran out of stack where Rhino runs out of Java stack (java.lang.StackOverflowError): AM fails the script and the token request, and no catch block sees it. Recorded in Rhino 1.7.14: JSON.parse of text nested 3,500 deep or more, JSON.stringify of a value nested that deep, expressions thousands of operators long. Keep data and expressions shallow, or check the depth of data before parsing it.",
      ...(outcome.error.line ? { line: outcome.error.line } : {}),
    });
  }
  if (!outcome.error) bindings.finish();
  else nextGen?.explainFailure(outcome.error);
  if (outcome.error?.kind === "syntax") {
    // The Rhino syntax check passed, so this is a construct Rhino runs that QuickJS cannot compile.
    outcome.error = { ...outcome.error, message: `Rhino accepts this script, but the playground cannot run it: ${outcome.error.message}` };
    ctx.warnings.push({
      code: "rhino-only-syntax",
      message:
        "AM runs this script as written, but it uses a construct only Rhino (and old SpiderMonkey) compiles, which the playground does not emulate: a catch guard (catch (e if …)), an anonymous function statement, or a reserved word such as class or enum used as a name. Rewrite that line in standard JavaScript to run it here.",
      ...(outcome.error.line ? { line: outcome.error.line } : {}),
    });
  }

  const after = tokenFields(state);
  const result = emptyRunResult(evaluator, outcome.error);
  result.logs = ctx.logs;
  result.http = ctx.http;
  result.openidm = ctx.openidm;
  // IDM writes are REST calls outside the token request: they stand even when the script then fails.
  if (ctx.idm.changed) result.world = { openidm: ctx.idm.snapshot() };
  result.warnings = [...lintOf(script, evaluator).filter((w) => !ctx.warnings.some((c) => c.code === w.code)), ...ctx.warnings];
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
    if (state.macaroon) {
      const issued = issueMacaroons(state, scenario, state.macaroon);
      accessTokenValue = issued.accessToken;
      state.refreshToken = issued.refreshToken;
      result.macaroon = issued.view;
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
    if (state.macaroon) {
      const applied = introspectMacaroon(result.introspection, state.macaroon, state.native.aud ?? [], Math.floor(state.issuedAt / 1000));
      result.introspection = applied.introspection;
      result.warnings.push(...applied.warnings, { code: "macaroon-emulation", message: MACAROON_NOT_EMULATED });
    }
  }
  result.timings = { evalMs: outcome.evalMs, totalMs: now() - started };
  return result;
}
