import { resolve } from "node:path";
import { parseCommand, evaluatorFlag } from "../args";
import { UsageError, type CliIO } from "../io";
import { loadScenario, readTextFile, siblingScenario, withOtherRuleFile } from "../files";
import { formatRunResult, formatRunResultJson } from "../format";
import { ScriptRunner } from "../runner";
import { workerUrl } from "../worker-url";

/**
 * `run <script> [--scenario F] [--evaluator E] [--json] [--allow-outside]`: exit 0 when the script ran, 1 when
 * it failed. Libraries the scenario names must lie in its folder tree unless --allow-outside is given.
 */
export async function runCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommand("run", argv);
  if (args.positional.length !== 1) throw new UsageError("run needs exactly one script file: run <script> [--scenario F]");
  const scriptPath = resolve(io.cwd, args.positional[0]);
  const evaluator = evaluatorFlag(args.flags.evaluator);
  const script = readTextFile(scriptPath, "script");
  const scenarioPath =
    typeof args.flags.scenario === "string" ? resolve(io.cwd, args.flags.scenario) : siblingScenario(scriptPath);
  const scenario = withOtherRuleFile(scenarioPath ? loadScenario(scenarioPath, { allowOutside: args.allowOutside }) : loadScenarioDefaults(), args.flags["other-rule"], io.cwd);
  const runner = new ScriptRunner(workerUrl(), 1);
  try {
    const result = await runner.run(script, scenario, evaluator);
    io.stdout(args.flags.json ? formatRunResultJson(result) : formatRunResult(result, args.positional[0], (scenario as { timeoutMs?: number }).timeoutMs));
    return result.ok ? 0 : 1;
  } finally {
    await runner.close();
  }
}

function loadScenarioDefaults(): Record<string, unknown> {
  return {};
}
