/**
 * check(script, target): the syntax of the target's dialect plus its static lint, without running anything.
 * The target is an evaluator ("legacy", "next-gen") or a product id; the registry says what checks it. The
 * editor calls it on every keystroke; the CLI's `check` prints it.
 */
import { SHIPPED_REGISTRY } from "./products/registry";
import type { CheckResult, Registry } from "./products/definition";

export type { CheckResult } from "./products/definition";

export interface CheckOptions {
  /** The definitions to choose from (default: the shipped ones). */
  registry?: Registry;
}

export function check(script: string, target?: string, options: CheckOptions = {}): CheckResult {
  const definition = (options.registry ?? SHIPPED_REGISTRY).forCheck(target);
  const syntax = definition.syntax(script);
  // A syntax error's warnings are its hints: which construct it was and how to write it in the dialect.
  if (syntax) return { ok: false, error: syntax.error, warnings: syntax.warnings };
  return { ok: true, error: null, warnings: definition.lint(script) };
}
