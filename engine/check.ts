/**
 * check(script): syntax in the Rhino dialect plus static lint, without running anything. The editor calls it
 * on every keystroke; the CLI's `check` prints it.
 */
import type { Evaluator, Product } from "./scenario/schema";
import type { RunError, RunWarning } from "./result";
import { lintOf, rhinoSyntaxOf } from "./analysis";
import { syntaxHints } from "./dialect/rhino-hints";
import { checkIbmRule } from "./products/ibm/check";
import { checkOneWelcomeHook, type HookSettings } from "./products/onewelcome/check";
import type { RuleStage } from "./products/ibm/rule";

export interface CheckResult {
  ok: boolean;
  error: RunError | null;
  warnings: RunWarning[];
}

/** Which product's rules the check applies (the scenario's product and what it says of the script). */
export interface CheckTarget {
  product?: Product;
  /** IBM: the scenario's ibm.rule, for the stage-dependent lint. */
  ibmRule?: RuleStage;
  /** OneWelcome: the scenario's hook settings. */
  onewelcome?: HookSettings;
}

export function check(script: string, evaluator: Evaluator = "legacy", target: CheckTarget = {}): CheckResult {
  if (target.product === "ibm-verify-access") return checkIbmRule(script, target.ibmRule);
  if (target.product === "onewelcome") return checkOneWelcomeHook(script, target.onewelcome);
  const syntax = rhinoSyntaxOf(script);
  if (syntax) {
    return {
      ok: false,
      error: { kind: "syntax", message: syntax.message, line: syntax.line, ...(syntax.column ? { column: syntax.column } : {}) },
      // Rhino's message says where; the hint says which ES6+ construct it was and how to write it for Rhino.
      warnings: syntaxHints(script, syntax),
    };
  }
  return { ok: true, error: null, warnings: lintOf(script, evaluator) };
}
