import { resolve } from "node:path";
import { parseCommand, evaluatorFlag } from "../args";
import { UsageError, type CliIO } from "../io";
import { loadScenario, readTextFile, siblingScenario, withOtherRuleFile } from "../files";
import { formatAmJson, runFlow, type FlowResult } from "../../engine/index";
import { formatFlowResult } from "../format-flow";
import { ScriptRunner } from "../runner";
import { workerUrl } from "../worker-url";

/** Every Java double of a flow result, as pointers from its root, so --json prints 42.0 where AM does. */
function flowDoubles(result: FlowResult): string[] {
  return result.steps.flatMap((step, i) => [
    ...step.bodyDoubles.map((p) => `/steps/${i}/body${p}`),
    ...(step.run?.javaDoubles ?? []).map((p) => `/steps/${i}/run${p}`),
  ]);
}

/** `flow <script> [--scenario F] [--evaluator E] [--json]`: exit 0 when the script ran at every issuance, 1 otherwise. */
export async function flowCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommand("flow", argv);
  if (args.positional.length !== 1) throw new UsageError("flow needs exactly one script file: flow <script> [--scenario F]");
  const scriptPath = resolve(io.cwd, args.positional[0]);
  const evaluator = evaluatorFlag(args.flags.evaluator);
  const script = readTextFile(scriptPath, "script");
  const scenarioPath = typeof args.flags.scenario === "string" ? resolve(io.cwd, args.flags.scenario) : siblingScenario(scriptPath);
  const scenario = withOtherRuleFile(scenarioPath ? loadScenario(scenarioPath) : {}, args.flags["other-rule"], io.cwd);
  const runner = new ScriptRunner(workerUrl(), 1);
  try {
    // Each issuance runs in the supervised worker, so the watchdog guards every step.
    const result = await runFlow(script, scenario, {
      ...(evaluator ? { evaluator } : {}),
      execute: (stepScript, stepScenario, options) => runner.run(stepScript, stepScenario, options.evaluator),
    });
    io.stdout(args.flags.json ? `${formatAmJson(result, flowDoubles(result))}\n` : formatFlowResult(result, args.positional[0]));
    return result.ok ? 0 : 1;
  } finally {
    await runner.close();
  }
}
