/** The AM check stage: what Rhino 1.7.14 refuses before it runs a line (syntax, regular expressions it cannot compile). */
import { emptyRunResult, type RunResult } from "../../result";
import { rhinoSyntaxOf } from "../../analysis";
import { syntaxHints } from "../../dialect/rhino-hints";
import { rhinoRegExpLoadError } from "../../evaluators/rhino-regexp";
import type { SyntaxFinding } from "../../run-types";
import type { EvaluatorId } from "../../../contracts/catalog";

/** Rhino's syntax error, with the hint that says which ES6+ construct it was and how to write it for Rhino. */
export function rhinoSyntaxFinding(script: string): SyntaxFinding | null {
  const syntax = rhinoSyntaxOf(script);
  if (!syntax) return null;
  return {
    error: { kind: "syntax", message: syntax.message, line: syntax.line, ...(syntax.column ? { column: syntax.column } : {}) },
    warnings: syntaxHints(script, syntax),
  };
}

/** The run's result when Rhino would fail the script before running it, else null. */
export function checkStage(script: string, evaluator: EvaluatorId, syntax: (script: string) => SyntaxFinding | null): RunResult | null {
  const finding = syntax(script);
  if (finding) {
    const result = emptyRunResult(evaluator, finding.error);
    result.warnings = finding.warnings;
    return result;
  }
  const regexpError = rhinoRegExpLoadError(script);
  return regexpError ? emptyRunResult(evaluator, { kind: "runtime", ...regexpError }) : null;
}
