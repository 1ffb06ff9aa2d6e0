import { resolve } from "node:path";
import { DEFAULT_EVALUATOR, check } from "../../engine/index";
import { parseCommand, evaluatorFlag } from "../args";
import { UsageError, type CliIO } from "../io";
import { loadScenario, readTextFile, siblingScenario } from "../files";

/**
 * `check <script> [--scenario F] [--evaluator E] [--json]`: syntax and lint only; exit 1 on a syntax error.
 * The evaluator comes from --evaluator, else from the scenario (--scenario, or the one beside the script, as
 * `run` finds it), else legacy: the lint's hints depend on it (Java values, the other evaluator's API).
 */
export async function checkCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommand("check", argv);
  if (args.positional.length !== 1) throw new UsageError("check needs exactly one script file: check <script> [--scenario F]");
  const file = args.positional[0];
  const scriptPath = resolve(io.cwd, file);
  const script = readTextFile(scriptPath, "script");
  const scenarioPath =
    typeof args.flags.scenario === "string" ? resolve(io.cwd, args.flags.scenario) : siblingScenario(scriptPath);
  const scenario = scenarioPath ? loadScenario(scenarioPath) : null;
  const evaluator = evaluatorFlag(args.flags.evaluator) ?? scenario?.evaluator ?? DEFAULT_EVALUATOR;
  // The scenario's product decides whose rules apply: an IBM mapping rule or a OneWelcome hook is no AM script.
  const result = check(script, evaluator, scenario ? { product: scenario.product, ibmRule: scenario.ibm.rule, onewelcome: scenario.onewelcome } : {});
  if (args.flags.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    if (result.error) {
      const e = result.error;
      io.stdout(`${file}:${e.line ?? 1}${e.column ? `:${e.column}` : ""}: ${e.kind === "syntax" ? "syntax error" : "error"}: ${e.message}\n`);
    }
    for (const w of result.warnings) io.stdout(`${file}:${w.line ?? 1}: warning: ${w.message} [${w.code}]\n`);
    if (result.ok) io.stdout(`✔ ${file}: no syntax errors${result.warnings.length ? `, ${result.warnings.length} warning(s)` : ""}\n`);
  }
  return result.ok ? 0 : 1;
}
