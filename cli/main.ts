/**
 * token-playground: run, test, check and import access-token modification scripts from the command line.
 * Exit codes: 0 ran / passed, 1 script failed / a case failed / syntax error, 2 bad usage or bad input.
 */
import { UsageError, type CliIO } from "./io";
import { runCommand } from "./commands/run";
import { testCommand } from "./commands/test";
import { checkCommand } from "./commands/check";
import { importCommand } from "./commands/import";
import { scenarioJsonSchema } from "../engine/scenario/schema";

export const USAGE = `Usage: token-playground <command> [options]

Commands:
  run <script> [--scenario F] [--evaluator legacy|next-gen] [--json]
      Run a script once against a scenario; prints the token endpoint response,
      introspection, logs and warnings (--json: the whole run result).
  test [paths…] [--reporter text|junit|json]
      Run every *.case.json under the paths (default: .); ends with "N passed, N failed".
  check <script> [--evaluator legacy|next-gen] [--json]
      Syntax (Rhino 1.7.14 dialect) and lint only.
  import <export.json> [--out DIR] [--force]
      Turn an AM REST / Amster / Frodo script export into .js files and scenario stubs.
  schema
      Print the JSON Schema of scenario files.

Exit codes: 0 success, 1 script failure or failed case, 2 bad usage or bad input.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "run":
        return await runCommand(rest, io);
      case "test":
        return await testCommand(rest, io);
      case "check":
        return await checkCommand(rest, io);
      case "import":
        return await importCommand(rest, io);
      case "schema":
        io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
        return 0;
      case "help":
      case "--help":
      case "-h":
        io.stdout(`${USAGE}\n`);
        return 0;
      case undefined:
        io.stderr(`${USAGE}\n`);
        return 2;
      default:
        throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`token-playground: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
