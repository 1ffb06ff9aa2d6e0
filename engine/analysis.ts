/** Per-source analysis shared by run() and check(), remembered for the most recent scripts. */
import { checkRhinoSyntax, type RhinoSyntaxError } from "./dialect/rhino-syntax";
import type { Evaluator } from "./scenario/schema";
import type { RunWarning } from "./result";
import { memoize } from "./util/memo";
import { amLintOf } from "./products/am/lint";
import { AM_LINT_PROFILES } from "./products/am/lint-profiles";

export const rhinoSyntaxOf: (source: string) => RhinoSyntaxError | null = memoize(checkRhinoSyntax);

/**
 * The lint of a shipped AM evaluator, by its id: what its definition's `lint` gives (products/am/evaluator.ts),
 * from the same memo (a fresh array each call, so callers may change it).
 */
export function lintOf(source: string, evaluator: Evaluator): RunWarning[] {
  return amLintOf(source, AM_LINT_PROFILES[evaluator]);
}
