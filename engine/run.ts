/**
 * run(script, scenario): what the scenario's product would issue when this script runs for it (AM: the token
 * the script modifies). The one entry point the CLI, the renderer's worker and the tests share. Which
 * pipeline runs is the registry's answer for the scenario's product and evaluator (products/registry.ts).
 */
import { resolveScenario } from "./scenario/validate";
import type { RunResult } from "./result";
import { SHIPPED_REGISTRY } from "./products/registry";
import type { RunOptions } from "./run-types";

export type { RunOptions } from "./run-types";
export { TOKEN_SIZE_LIMITS } from "./products/am/project";

export async function run(script: string, scenarioInput: unknown = {}, options: RunOptions = {}): Promise<RunResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const scenario = resolveScenario(scenarioInput);
  const evaluator = options.evaluator ?? scenario.evaluator;
  const definition = (options.registry ?? SHIPPED_REGISTRY).forRun(options.product ?? scenario.product, evaluator);
  return definition.run(script, scenario, { now, started, evaluator, ...(options.hookTransport ? { hookTransport: options.hookTransport } : {}) });
}
