/**
 * check(script, target): the syntax of the target's dialect plus its static lint, without running anything.
 * The target is an evaluator ("legacy", "next-gen") or a product id; the registry says what checks it. With
 * options.product, the definition is the one that would run that product with that evaluator, and the
 * product's own check reads what the scenario says of the script (IBM's rule stage, OneWelcome's hook settings).
 * The editor calls it on every keystroke; the CLI's `check` prints it.
 */
import { SHIPPED_REGISTRY } from "./products/registry";
import { DEFAULT_EVALUATOR } from "../contracts/catalog";
import type { CheckResult, CheckSettings, Registry } from "./run-types";

export type { CheckResult, CheckSettings } from "./run-types";

/** Which product's rules the check applies, and what the scenario says of the script. */
export interface CheckTarget extends CheckSettings {
  /** The scenario's product; absent: the target alone decides (an evaluator or a product id). */
  product?: string;
}

export interface CheckOptions extends CheckTarget {
  /** The definitions to choose from (default: the shipped ones). */
  registry?: Registry;
}

export function check(script: string, target?: string, options: CheckOptions = {}): CheckResult {
  const registry = options.registry ?? SHIPPED_REGISTRY;
  const definition = options.product ? registry.forCheck({ product: options.product, evaluator: target ?? DEFAULT_EVALUATOR }) : registry.forCheck(target);
  if (definition.check) return definition.check(script, options);
  const syntax = definition.syntax(script);
  // A syntax error's warnings are its hints: which construct it was and how to write it in the dialect.
  if (syntax) return { ok: false, error: syntax.error, warnings: syntax.warnings };
  return { ok: true, error: null, warnings: definition.lint(script) };
}
