/**
 * token-playground: run, test, check and import access-token modification scripts from the command line.
 * Exit codes: 0 ran / passed, 1 script failed / a case failed / syntax error, 2 bad usage or bad input.
 */
import { version } from "../package.json";
import { UsageError, type CliIO } from "./io";
import { COMMANDS, commandHelp, parseCommand } from "./args";

type Command = (argv: string[], io: CliIO) => Promise<number>;

/**
 * Each command's module loads when that command runs: `--help`, `--version` and a usage error need none of
 * the engine, and `check` does not load what `migrate` or `scenario` bring.
 */
const HANDLERS: Record<string, Command> = {
  run: async (argv, io) => (await import("./commands/run")).runCommand(argv, io),
  test: async (argv, io) => (await import("./commands/test")).testCommand(argv, io),
  check: async (argv, io) => (await import("./commands/check")).checkCommand(argv, io),
  import: async (argv, io) => (await import("./commands/import")).importCommand(argv, io),
  export: async (argv, io) => (await import("./commands/export")).exportCommand(argv, io),
  flow: async (argv, io) => (await import("./commands/flow")).flowCommand(argv, io),
  scenario: async (argv, io) => (await import("./commands/scenario")).scenarioCommand(argv, io),
  migrate: async (argv, io) => (await import("./commands/migrate")).migrateCommand(argv, io),
  async schema(argv, io) {
    const args = parseCommand("schema", argv);
    if (args.positional.length) throw new UsageError(`schema takes no file (got ${args.positional.join(" ")})`);
    const { runResultJsonSchema, scenarioJsonSchema } = await import("../engine/api");
    io.stdout(`${JSON.stringify(args.flags.result ? runResultJsonSchema() : scenarioJsonSchema(), null, 2)}\n`);
    return 0;
  },
  async keys(argv, io) {
    const args = parseCommand("keys", argv);
    if (args.positional.length) throw new UsageError(`keys takes no argument (got ${args.positional.join(" ")})`);
    const { demoJwks } = await import("./commands/keys");
    io.stdout(`${JSON.stringify(demoJwks(), null, 2)}\n`);
    return 0;
  },
};

export const USAGE = `Usage: token-playground <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}\n      ${c.summary}`)
  .join("\n")}

  help [command]      This overview, or every option of one command (also: <command> --help).
  --version, -v       Print the version.

Exit codes: 0 success, 1 script failure or failed case, 2 bad usage or bad input.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "help":
      case "--help":
      case "-h": {
        const topic = rest[0];
        if (topic === undefined) io.stdout(`${USAGE}\n`);
        else if (COMMANDS[topic]) io.stdout(commandHelp(COMMANDS[topic]));
        else throw new UsageError(`no command "${topic}"; the commands are ${Object.keys(COMMANDS).join(", ")}`);
        return 0;
      }
      case "--version":
      case "-v":
        io.stdout(`${version}\n`);
        return 0;
      case undefined:
        io.stderr(`${USAGE}\n`);
        return 2;
    }
    const handler = HANDLERS[command];
    if (!handler) throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
    // Every command's options are checked here first, so --help works (and unknown options are refused)
    // the same way for all of them, whatever parser a command uses for the rest.
    const parsed = parseCommand(command, rest);
    if (parsed.help) {
      io.stdout(commandHelp(COMMANDS[command]));
      return 0;
    }
    if (parsed.watch) return await (await import("./watch")).watchCommand(command, rest, parsed, (args) => handler(args, io), io);
    return await handler(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`token-playground: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
