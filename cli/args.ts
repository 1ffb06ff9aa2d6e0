/** A small, strict option parser: unknown flags and missing values are usage errors (exit 2). */
import { UsageError } from "./io";

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[], spec: { values: string[]; booleans: string[] }): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split("=", 2);
    if (spec.booleans.includes(name)) {
      flags[name] = true;
    } else if (spec.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value`);
      flags[name] = value;
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, flags };
}

export function evaluatorFlag(value: string | true | undefined): "legacy" | "next-gen" | undefined {
  if (value === undefined) return undefined;
  if (value === "legacy" || value === "next-gen") return value;
  throw new UsageError(`--evaluator must be "legacy" or "next-gen", not "${String(value)}"`);
}
