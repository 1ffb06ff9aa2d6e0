/**
 * check() for an IBM mapping rule: Rhino's syntax as the rule will be parsed (the same check a run makes
 * before any request), the hints for the ES6+ construct Rhino refused, and the lint (lint.ts) plus what is
 * true of any Rhino script (nesting depth, const, RegExp flags). Nothing runs.
 */
import type { RunError, RunWarning } from "../../result";
import { rhinoSyntaxOf } from "../../analysis";
import { syntaxHints } from "../../dialect/rhino-hints";
import { flagsReadLines, regExpFlagsWarnings, rhinoParseWarnings } from "../../lint";
import { lintIbmRule } from "./lint";
import { ruleSyntaxError, type RuleStage } from "./rule";

export interface IbmRuleCheck {
  ok: boolean;
  error: RunError | null;
  warnings: RunWarning[];
}

export function checkIbmRule(source: string, stage?: RuleStage): IbmRuleCheck {
  const error = ruleSyntaxError(source);
  if (error) {
    const syntax = rhinoSyntaxOf(source);
    return { ok: false, error, warnings: syntax ? syntaxHints(source, syntax) : [] };
  }
  return { ok: true, error: null, warnings: [...rhinoParseWarnings(source), ...regExpFlagsWarnings(flagsReadLines(source)), ...lintIbmRule(source, stage)] };
}
