import { resolve } from "node:path";
import { check } from "../../engine/check";
import { parseCommand, evaluatorFlag } from "../args";
import { UsageError, type CliIO } from "../io";
import { readTextFile } from "../files";

/** `check <script> [--evaluator E] [--json]`: syntax and lint only; exit 1 on a syntax error. */
export async function checkCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommand("check", argv);
  if (args.positional.length !== 1) throw new UsageError("check needs exactly one script file: check <script>");
  const file = args.positional[0];
  const script = readTextFile(resolve(io.cwd, file), "script");
  const result = check(script, evaluatorFlag(args.flags.evaluator) ?? "legacy");
  if (args.flags.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    if (result.error) {
      const e = result.error;
      io.stdout(`${file}:${e.line ?? 1}${e.column ? `:${e.column}` : ""}: syntax error: ${e.message}\n`);
    }
    for (const w of result.warnings) io.stdout(`${file}:${w.line ?? 1}: warning: ${w.message} [${w.code}]\n`);
    if (result.ok) io.stdout(`✔ ${file}: no syntax errors${result.warnings.length ? `, ${result.warnings.length} warning(s)` : ""}\n`);
  }
  return result.ok ? 0 : 1;
}
