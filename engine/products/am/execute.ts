/**
 * The AM execute stage: the script in the sandbox under Rhino's profile, then what AM does with the outcome
 * (commit pending identity changes, or explain the failure), in AM's terms where QuickJS's differ.
 */
import { DEFAULT_LIMITS, runInSandbox, type SandboxOutcome, type SandboxProfile } from "../../sandbox/sandbox";
import { JAVA_STACK_OVERFLOW, isHostStackExhaustion } from "../../evaluators/rhino-json";
import { rewriteConstForRhino } from "../../dialect/rhino-const";
import type { PreparedRun } from "./types";

export async function executeRun(script: string, prepared: PreparedRun, profile: SandboxProfile, now: () => number): Promise<SandboxOutcome> {
  const { scenario, ctx, bindings } = prepared;
  const outcome = await runInSandbox({
    ...profile,
    // const behaves as in AM's Rhino (function-scoped, set once; undefined at top level); same lines.
    source: rewriteConstForRhino(script),
    globals: bindings.globals,
    clockMs: Date.parse(scenario.clock),
    seed: scenario.seed,
    limits: { ...DEFAULT_LIMITS, timeoutMs: scenario.timeoutMs },
    now,
    onLine: (probe) => {
      ctx.currentLine = probe;
    },
  });
  ctx.currentLine = () => undefined;
  if (outcome.error && isHostStackExhaustion(outcome.error.message)) {
    // The host's stack ran out where Rhino's Java stack would have: AM's terms for it.
    outcome.error = { kind: "runtime", message: JAVA_STACK_OVERFLOW, ...(outcome.error.line ? { line: outcome.error.line } : {}) };
  }
  if (outcome.error?.message === JAVA_STACK_OVERFLOW) {
    ctx.warnings.push({
      code: "rhino-stack-overflow",
      message:
        "The script ran out of stack where Rhino runs out of Java stack (java.lang.StackOverflowError): AM fails the script and the token request, and no catch block sees it. Recorded in Rhino 1.7.14: JSON.parse of text nested about 3,500 to 4,000 deep or more (the exact depth depends on the Java stack AM's own frames leave; the playground fails from 3,500), JSON.stringify of a value nested that deep, expressions thousands of operators long. Keep data and expressions shallow, or check the depth of data before parsing it.",
      ...(outcome.error.line ? { line: outcome.error.line } : {}),
    });
  }
  if (!outcome.error) bindings.finish();
  else bindings.explainFailure?.(outcome.error);
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
  return outcome;
}
