/**
 * Runs one IBM mapping rule (pre-token or post-token) in the sandbox as the classic appliance runs it: Rhino
 * syntax and globals (the same check and hidden names as AM's legacy evaluator), `importClass` /
 * `importPackage` / `Packages` over the legacy evaluator's Java world plus IBM's classes, and the globals
 * `stsuu`, `oauth_client` and `definition_id`.
 */
import type { Scenario } from "../../scenario/schema";
import type { RunError } from "../../result";
import { SeededRandom } from "../../util/random";
import { createTokenState } from "../../token/state";
import { createRunContext } from "../../evaluators/context";
import { addRunWarning } from "../../util/run-warnings";
import { javaPackages } from "../../evaluators/legacy/http";
import { describeLegacyError } from "../../evaluators/legacy/errors";
import { JavaWorld, enterJavaWorld, leaveJavaWorld } from "../../evaluators/legacy/java-world";
import { DEFAULT_LIMITS, describeGuestError, runInSandbox } from "../../sandbox/sandbox";
import { rhinoCaughtMessage, rhinoRuntimeMessage } from "../../evaluators/rhino-runtime-errors";
import { RHINO_JAVA_GLOBALS, RHINO_MISSING } from "../../dialect/rhino-surface";
import { javaCollatorCompare } from "../../evaluators/java-collator";
import { RHINO_DATE_SOURCE } from "../../sandbox/rhino-date";
import { rhinoJsonError } from "../../evaluators/rhino-json";
import { RHINO_REGEXP_SOURCE, rhinoRegExpLoadError } from "../../evaluators/rhino-regexp";
import { rhinoSyntaxOf } from "../../analysis";
import type { STSUniversalUser } from "./stsuu";
import { OAuthClient, ibmClasses, type IbmRuleContext } from "./utils";

export type RuleStage = "pre-token" | "post-token";

export interface RuleRun {
  stage: RuleStage;
  /** "script": the file under edit; "otherRule": the scenario's ibm.otherRule. */
  file: "script" | "otherRule";
  error: RunError | null;
  evalMs: number;
}

/** Checks a rule's syntax as Rhino would, before any request runs it. */
export function ruleSyntaxError(source: string): RunError | null {
  const syntax = rhinoSyntaxOf(source);
  if (syntax) return { kind: "syntax", message: syntax.message, line: syntax.line, ...(syntax.column ? { column: syntax.column } : {}) };
  const regexp = rhinoRegExpLoadError(source);
  return regexp ? { kind: "runtime", ...regexp } : null;
}

export async function runRule(
  source: string,
  stage: RuleStage,
  file: RuleRun["file"],
  stsuu: STSUniversalUser,
  ruleCtx: IbmRuleContext,
  scenario: Scenario,
  clockMs: number,
  seed: number,
  now: () => number,
): Promise<RuleRun> {
  // The rule's own Java world (identity hashes, raised exceptions, the host-side budget), as a legacy run has.
  const world = new JavaWorld(seed, DEFAULT_LIMITS.memoryBytes, (code, message) => addRunWarning(ruleCtx.warnings, { code, message }));
  enterJavaWorld(world);
  const random = new SeededRandom(seed);
  const runCtx = createRunContext({ ...scenario, clock: new Date(clockMs).toISOString() }, createTokenState(scenario, random), random);
  // One record for the request: the rule's logs and warnings land in the request's lists.
  runCtx.logs = ruleCtx.logs;
  runCtx.warnings = ruleCtx.warnings;
  const globals: Record<string, unknown> = {
    stsuu,
    oauth_client: new OAuthClient(ruleCtx),
    definition_id: scenario.ibm.definitionId,
    ...javaPackages(runCtx, undefined, undefined, ibmClasses(ruleCtx)),
  };
  const outcome = await runInSandbox({
    source,
    globals,
    clockMs,
    seed,
    hidden: RHINO_MISSING,
    engineGlobals: RHINO_JAVA_GLOBALS,
    localeCompare: javaCollatorCompare,
    preludeExtras: [...(/\bDate\b/.test(source) ? [RHINO_DATE_SOURCE] : []), ...(source.includes("RegExp") ? [RHINO_REGEXP_SOURCE] : [])],
    limits: { ...DEFAULT_LIMITS, timeoutMs: scenario.timeoutMs },
    now,
    describeError: (info) => {
      const legacy = describeLegacyError(info);
      if (legacy) return legacy;
      const error = describeGuestError(info);
      if (info.fromBinding || info.thrownValue !== undefined || error.kind !== "runtime") return error;
      const rhino = rhinoRuntimeMessage(info, source);
      return rhino ? { ...error, message: rhino } : error;
    },
    rewordJsonError: rhinoJsonError,
    onCaughtError: (info) => rhinoCaughtMessage(info, source),
    onLine: (probe) => {
      ruleCtx.currentLine = probe;
      runCtx.currentLine = probe;
      // Called as the sandbox starts evaluating this rule: another run may have entered its world meanwhile.
      enterJavaWorld(world);
    },
  });
  leaveJavaWorld(world);
  ruleCtx.currentLine = () => undefined;
  let error = outcome.error;
  if (error?.kind === "syntax") error = { ...error, message: `Rhino accepts this rule, but the playground cannot run it: ${error.message}` };
  if (error && file === "otherRule") {
    // Lines of the other rule would point into the script under edit; name the rule instead.
    const { line, column, ...rest } = error;
    error = { ...rest, message: `${stage} rule (ibm.otherRule${line ? `, line ${line}${column ? `:${column}` : ""}` : ""}): ${error.message}` };
  }
  return { stage, file, error, evalMs: outcome.evalMs };
}
