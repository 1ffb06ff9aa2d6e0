/**
 * check(script): syntax in the Rhino dialect plus static lint, without running anything. The editor calls it
 * on every keystroke; the CLI's `check` prints it.
 */
import type { Evaluator } from "./scenario/schema";
import type { RunError, RunWarning } from "./result";
import { lintOf, rhinoSyntaxOf } from "./analysis";
import { syntaxHints } from "./dialect/rhino-hints";

export interface CheckResult {
  ok: boolean;
  error: RunError | null;
  warnings: RunWarning[];
}

export function check(script: string, evaluator: Evaluator = "legacy"): CheckResult {
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
