/** The AM prepare stage: the token AM builds for the scenario's grant, the run context, and the evaluator's bindings. */
import type { Scenario } from "../../scenario/schema";
import { SeededRandom } from "../../util/random";
import { cloneTokenState, createTokenState } from "../../token/state";
import { tokenFields } from "../../token/project";
import { createRunContext, type RunContext } from "../../evaluators/context";
import type { AmBindings, PreparedRun } from "./types";

export function prepareRun(scenario: Scenario, bindingsOf: (ctx: RunContext) => AmBindings): PreparedRun {
  const random = new SeededRandom(scenario.seed);
  const state = createTokenState(scenario, random);
  const before = tokenFields(cloneTokenState(state));
  const ctx = createRunContext(scenario, state, random);
  return { scenario, state, before, ctx, bindings: bindingsOf(ctx) };
}
