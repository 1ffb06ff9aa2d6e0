/**
 * An AM evaluator as a registry definition: its spec (bindings, wording) run through the shared AM pipeline —
 * check (Rhino's syntax) → prepare (token, context, bindings) → execute (the sandbox under Rhino's profile) →
 * project (the spec's projection, else AM's). What only names the evaluator follows from its id: its label
 * (the catalog's), its lint (AM's shared lint under the id's profile, lint-profiles.ts, unless the spec brings
 * its own) and its declarations (bindings/declarations.ts), so a definition never repeats them.
 */
import type { ProductDefinition } from "../../run-types";
import { evaluatorInfo } from "../../../contracts/catalog";
import { BINDING_DECLARATIONS } from "../../bindings/declarations";
import { amLintOf } from "./lint";
import { AM_LINT_PROFILES } from "./lint-profiles";
import { checkStage, rhinoSyntaxFinding } from "./rhino-check";
import { prepareRun } from "./prepare";
import { amSourceName } from "../../evaluators/rhino-position";
import { rhinoProfile } from "./rhino-profile";
import { executeRun } from "./execute";
import { projectAmRun } from "./project";
import type { AmEvaluatorSpec } from "./types";

export function amEvaluator(spec: AmEvaluatorSpec): ProductDefinition {
  const project = spec.project ?? projectAmRun;
  const lintProfile = spec.lint ?? AM_LINT_PROFILES[spec.evaluator];
  const lint = (script: string) => amLintOf(script, lintProfile);
  return {
    product: "am",
    evaluator: spec.evaluator,
    label: evaluatorInfo(spec.evaluator).label,
    syntax: rhinoSyntaxFinding,
    lint,
    declarations: BINDING_DECLARATIONS[spec.evaluator],
    run: async (script, scenario, context) => {
      const early = checkStage(script, spec.evaluator, rhinoSyntaxFinding);
      if (early) {
        early.timings.totalMs = context.now() - context.started;
        return early;
      }
      const prepared = prepareRun(scenario, spec.bindings);
      const profile = rhinoProfile(script, prepared.ctx, prepared.bindings, spec.describeError, amSourceName(spec.evaluator, prepared.ctx.scenario.scriptName));
      const outcome = await executeRun(script, prepared, profile, context.now);
      return project({ ...prepared, script, outcome, evaluator: spec.evaluator, lint, context });
    },
  };
}
