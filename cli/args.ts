/**
 * Every command's options in one table: node:util's strict parseArgs reads them, and `--help` prints them,
 * so an option cannot exist without being documented. Unknown options and missing values are usage errors
 * (exit 2) that end with the command's usage line.
 */
import { parseArgs as parseNodeArgs } from "node:util";
import { UsageError } from "./io";
// The catalog itself (what engine/api.ts re-exports), so the usage and help load none of the engine.
import { DEFAULT_EVALUATOR, EVALUATOR_IDS, isEvaluatorId, quotedChoices, type EvaluatorId } from "../contracts/catalog";

/** The --evaluator values, from the engine's registry catalog: `legacy|next-gen`. */
const EVALUATOR_CHOICES = EVALUATOR_IDS.join("|");

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** For string options: what the value is, as the help shows it (`--jobs N`). */
  value?: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  /** The usage line without the program name, e.g. `run <script> [options]`. */
  usage: string;
  summary: string;
  /** Paragraphs after the options: defaults, exit codes, examples. */
  notes?: string[];
  options: Record<string, OptionSpec>;
}

const HELP_OPTION: OptionSpec = { type: "boolean", short: "h", help: "Show this help and exit." };

const EVALUATOR_OPTION: OptionSpec = {
  type: "string",
  value: EVALUATOR_CHOICES,
  help: `Which evaluator runs the script; default: the scenario's "evaluator" (${DEFAULT_EVALUATOR} when unset).`,
};

const WATCH_OPTION: OptionSpec = {
  type: "boolean",
  help: "Run again whenever the script, the scenario, a case or a library is saved; Ctrl+C stops.",
};

const OTHER_RULE_OPTION: OptionSpec = {
  type: "string",
  value: "FILE",
  help: "IBM Verify Access: the other stage's mapping rule (pre-token or post-token), in place of the scenario's ibm.otherRule.",
};

const ALLOW_OUTSIDE_OPTION: OptionSpec = {
  type: "boolean",
  help: "Let a case's or scenario's script and libraries live outside its folder tree (refused by default).",
};

export const COMMANDS: Record<string, CommandSpec> = {
  run: {
    name: "run",
    usage: `run <script> [--scenario FILE] [--evaluator ${EVALUATOR_CHOICES}] [--other-rule FILE] [--json] [--watch] [--allow-outside]`,
    summary: "Run a script once against a scenario and print the token response, introspection, JWT, logs and warnings.",
    notes: [
      "Without --scenario, <script>.scenario.json beside the script is used if it exists, else the defaults of an empty scenario ({}).",
      "Exit codes: 0 the script ran, 1 the script failed (the result is still printed), 2 bad usage or bad input.",
    ],
    options: {
      scenario: { type: "string", value: "FILE", help: "The scenario file (*.scenario.json or *.case.json)." },
      evaluator: EVALUATOR_OPTION,
      "other-rule": OTHER_RULE_OPTION,
      json: { type: "boolean", help: "Print the whole run result as JSON (its shape: schema/run-result.schema.json)." },
      watch: WATCH_OPTION,
      "allow-outside": ALLOW_OUTSIDE_OPTION,
      help: HELP_OPTION,
    },
  },
  test: {
    name: "test",
    usage: "test [paths…] [--reporter text|junit|json] [--jobs N] [--watch] [--allow-outside]",
    summary: 'Run every *.case.json under the paths (default: the current folder); ends with "N passed, N failed".',
    notes: [
      "On a terminal a progress line counts the cases on stderr and each failure is shown as it happens.",
      "Exit codes: 0 every case passed, 1 a case failed, 2 bad usage or bad input.",
    ],
    options: {
      reporter: {
        type: "string",
        value: "text|junit|json",
        help: "Output format on stdout; default text. junit prints JUnit XML (the summary goes to stderr).",
      },
      jobs: {
        type: "string",
        value: "N",
        help: "How many cases run at once, 1 to 64; default: one per core. More than the cores is clamped to the cores.",
      },
      watch: WATCH_OPTION,
      "allow-outside": ALLOW_OUTSIDE_OPTION,
      help: HELP_OPTION,
    },
  },
  check: {
    name: "check",
    usage: `check <script> [--scenario FILE] [--evaluator ${EVALUATOR_CHOICES}] [--json] [--watch]`,
    summary: "Check a script's syntax (Rhino 1.7.14's dialect) and lint it, without running it.",
    notes: ["Exit codes: 0 no syntax error, 1 a syntax error, 2 bad usage or bad input."],
    options: {
      scenario: { type: "string", value: "FILE", help: "The scenario whose evaluator the lint follows; default: <script>.scenario.json beside the script." },
      evaluator: { ...EVALUATOR_OPTION, help: `Which evaluator's rules the lint applies; default: the scenario's, else ${DEFAULT_EVALUATOR}.` },
      json: { type: "boolean", help: "Print { ok, error, warnings } as JSON." },
      watch: { ...WATCH_OPTION, help: "Check again whenever the script is saved; Ctrl+C stops." },
      help: HELP_OPTION,
    },
  },
  flow: {
    name: "flow",
    usage: `flow <script> [--scenario FILE] [--evaluator ${EVALUATOR_CHOICES}] [--other-rule FILE] [--json]`,
    summary: "Run a grant's whole life (the scenario's flow: authorize, token, refresh, introspect, revoke, userinfo) and print what AM answers at each request.",
    notes: [
      "Without a flow in the scenario, the grant's usual life runs: authorize and exchange the code (or the grant's one request), introspect, refresh halfway through the lifetime, introspect every token.",
      'What the scripts write to IDM (openidm.create/patch/update/delete) is what the next requests read; the output ends with the IDM after the flow, and a case checks it with expect.openidm.',
      'A "userinfo" step (product ibm-verify-access) runs IBM\'s mapping rules at /userinfo with the grant\'s access token; AM\'s script does not run there, so an AM flow refuses it.',
      'token.storage "macaroon" issues macaroon access and refresh tokens; the script\'s caveats (addFirstPartyCaveat, addThirdPartyCaveat) narrow introspection. An introspect step\'s dischargeMacaroons (or the scenario\'s token.dischargeMacaroons) are the X-Discharge-Macaroon a third-party caveat needs. The layout is AM\'s documented one, the key and identifier the playground\'s: each run says so. See docs/flows.md.',
      "Each step says what it rests on; INFERRED lines are the playground's inferences, not AM's documented behaviour.",
      "Exit codes: 0 the script ran at every issuance, 1 it failed at some request, 2 bad usage or bad input.",
    ],
    options: {
      scenario: { type: "string", value: "FILE", help: "The scenario (or case) file with the flow; default: <script>.scenario.json beside the script." },
      evaluator: EVALUATOR_OPTION,
      "other-rule": OTHER_RULE_OPTION,
      json: { type: "boolean", help: "Print the flow result as JSON: { ok, steps: [ { request, at, status, body, run, notes, … } ], openidm }." },
      help: HELP_OPTION,
    },
  },
  scenario: {
    name: "scenario",
    usage: "scenario <files…> [--out FILE] [--force]",
    summary: "Build a scenario from a customer's evidence: OAuth2 client exports, users, tokens, introspection, HAR, MockServer and WireMock files.",
    notes: [
      "Each file is recognised by its content. What each gave, what it ignored and every secret kept out of the scenario are listed on stderr.",
      "Exit codes: 0 written, 2 a file cannot be read or recognised (the message names the file and the place).",
    ],
    options: {
      out: { type: "string", value: "FILE", help: "Write the scenario here instead of printing it." },
      force: { type: "boolean", help: "Replace --out if it exists." },
      help: HELP_OPTION,
    },
  },
  migrate: {
    name: "migrate",
    usage: "migrate <legacy.js> [--scenario FILE] [--out FILE] [--json]",
    summary: "Rewrite a legacy script for the next-generation evaluator, and with a scenario run both to prove they issue the same.",
    notes: [
      "Without --out the rewrite is printed, then the changes, what could not be translated, and the verdict.",
      "Exit codes: 0 equivalent (or no scenario to run), 1 the runs differ, 2 bad usage or bad input.",
    ],
    options: {
      scenario: { type: "string", value: "FILE", help: "The scenario both scripts run on; default: <script>.scenario.json beside the script." },
      out: { type: "string", value: "FILE", help: "Write the next-generation script here." },
      force: { type: "boolean", help: "Replace --out if it exists." },
      json: { type: "boolean", help: "Print { script, changes, unresolved, equivalent, differences } as JSON." },
      help: HELP_OPTION,
    },
  },
  import: {
    name: "import",
    usage: "import <export.json> [--out DIR] [--force] [--allow-outside]",
    summary: "Turn an AM REST / Amster / Frodo script export into <Script-Name>.js files and <Script-Name>.scenario.json stubs.",
    notes: [
      "Files are written to the current folder unless --out names another; existing files are never overwritten without --force, and nothing is written on any error.",
      "Exit codes: 0 written, 2 bad usage or bad input.",
    ],
    options: {
      out: { type: "string", value: "DIR", help: "The folder to write to (created if missing); default: the current folder." },
      force: { type: "boolean", help: "Overwrite files that already exist." },
      "allow-outside": { ...ALLOW_OUTSIDE_OPTION, help: "Let a Frodo export's extracted script (file://…) live outside the export's folder (refused by default)." },
      help: HELP_OPTION,
    },
  },
  export: {
    name: "export",
    usage: `export <script.js> --like <original-export.json> [--out FILE] [--force] [--evaluator ${EVALUATOR_CHOICES}] [--script ID|NAME]`,
    summary: "Put an edited script back into the AM REST / Amster / Frodo export it came from, in that format, ready to import into the tenant.",
    notes: [
      "Only the values that change are rewritten (the script text; with --evaluator, evaluatorVersion and context), so ids, names, metadata, key order and layout stay as they were: an unedited script gives the original file back byte for byte.",
      "Without --out the new export is printed. A Frodo export with the text extracted to \"file://X.script.js\" needs --out: the .json is written there and X.script.js beside it.",
      "A many-script export (frodo -a, a config export, an AM REST query) keeps every script; the edited one is found by --script, or by the file name import gave it.",
      "Existing files are never replaced without --force (one that already holds exactly the new text is left alone), and nothing is written on any error.",
      "Exit codes: 0 written, 2 bad usage or bad input (the message names the file and the place).",
    ],
    options: {
      like: { type: "string", value: "FILE", help: "The original export the script was imported from; its format, ids and metadata are kept." },
      out: { type: "string", value: "FILE", help: "Write the new export here (and a Frodo extracted script beside it) instead of printing it." },
      force: { type: "boolean", help: "Replace --out (and the extracted script beside it) if they exist." },
      evaluator: {
        type: "string",
        value: EVALUATOR_CHOICES,
        help: 'Move the script to this evaluator: next-gen sets evaluatorVersion "2.0" and the _NEXT_GEN context (as after migrate); default: keep the original\'s.',
      },
      script: { type: "string", value: "ID|NAME", help: "Which script of a many-script export the edited file is, by _id or name." },
      help: HELP_OPTION,
    },
  },
  schema: {
    name: "schema",
    usage: "schema [--result]",
    summary: "Print the JSON Schema of scenario files (the same as schema/scenario.schema.json).",
    options: {
      result: {
        type: "boolean",
        help: "Print the JSON Schema of the run result instead (what run --json prints; schema/run-result.schema.json).",
      },
      help: HELP_OPTION,
    },
  },
  keys: {
    name: "keys",
    usage: "keys",
    summary: "Print the public JWKS of the demo keys that sign RS256 and ES256 tokens, to verify their signatures.",
    notes: ["The demo keys protect nothing: they exist so that output is reproducible. Never trust a token they signed."],
    options: { help: HELP_OPTION },
  },
};

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
  /** --allow-outside: a case's script and libraries may live outside the case's folder tree. */
  allowOutside: boolean;
  watch: boolean;
  help: boolean;
}

/** Parses one command's arguments strictly; an unknown option is a usage error ending with the usage line. */
export function parseCommand(command: string, argv: string[]): ParsedArgs {
  const spec = COMMANDS[command];
  if (!spec) throw new UsageError(`unknown command "${command}"`);
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(spec.options).map(([name, o]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }]),
      ),
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new UsageError(`${command}: ${parseErrorText(e, spec)}\nusage: token-playground ${spec.usage}`);
  }
  const flags: Record<string, string | true> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === "string") {
      if (value === "") throw new UsageError(`${command}: --${name} needs a value\nusage: token-playground ${spec.usage}`);
      flags[name] = value;
    } else if (value === true) flags[name] = true;
  }
  return {
    positional: parsed.positionals,
    flags,
    allowOutside: flags["allow-outside"] === true,
    watch: flags.watch === true,
    help: flags.help === true,
  };
}

/** node:util's messages are long and mention `--` tricks; say it the way the rest of the CLI does. */
function parseErrorText(e: unknown, spec: CommandSpec): string {
  const error = e as { code?: string; message?: string };
  const message = error.message ?? String(e);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${option}`;
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const name = /--([\w-]+)/.exec(message)?.[1] ?? option.replace(/^-+/, "");
    const o = spec.options[name];
    if (o?.type === "boolean") return `--${name} takes no value`;
    // `--jobs -1`: node:util will not take a value that starts with a dash unless it is written `--jobs=-1`.
    return /ambiguous/.test(message)
      ? `--${name} needs a value (${o?.value ?? "VALUE"}); write --${name}=VALUE for one that starts with "-"`
      : `--${name} needs a value${o?.value ? ` (${o.value})` : ""}`;
  }
  return message;
}

/** `token-playground <command> --help`: the usage line, every option with what it does, then the notes. */
export function commandHelp(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const left = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` ${o.value ?? "VALUE"}` : ""}`;
    return { left, help: o.help };
  });
  const width = Math.max(...rows.map((r) => r.left.length)) + 2;
  const lines = [
    `Usage: token-playground ${spec.usage}`,
    "",
    spec.summary,
    "",
    "Options:",
    ...rows.map((r) => `  ${r.left.padEnd(width)}${r.help}`),
  ];
  for (const note of spec.notes ?? []) lines.push("", note);
  return `${lines.join("\n")}\n`;
}

export function evaluatorFlag(value: string | true | undefined): EvaluatorId | undefined {
  if (value === undefined) return undefined;
  if (isEvaluatorId(value)) return value;
  throw new UsageError(`--evaluator must be ${quotedChoices(EVALUATOR_IDS)}, not "${String(value)}"`);
}

/** Beyond this many workers the machine thrashes whatever it has; a typo like 200 is refused, not obeyed. */
export const MAX_JOBS = 64;

/**
 * `--jobs N`: a decimal integer from 1 to 64 (not `0x10`, `1.5` or `-1`). More than the machine's cores is
 * clamped to the cores, with a note on stderr, since extra workers only compete for the same cores.
 */
export function jobsFlag(value: string | true | undefined, cores: number, note: (text: string) => void): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^[0-9]+$/.test(text)) throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${text}"`);
  const jobs = Number.parseInt(text, 10);
  if (jobs < 1 || jobs > MAX_JOBS) throw new UsageError(`--jobs must be from 1 to ${MAX_JOBS}, not ${jobs}`);
  if (jobs > cores) {
    note(`token-playground: --jobs ${jobs} is more than this machine's ${cores} core(s); using ${cores}\n`);
    return cores;
  }
  return jobs;
}
