import { writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseCommand } from "../args";
import { UsageError, type CliIO } from "../io";
import { readTextFile } from "../files";
import { buildScenarioFromEvidence, EvidenceError, type EvidenceOutcome } from "../../engine/index";

function report(outcome: EvidenceOutcome): string {
  const lines: string[] = [];
  for (const r of outcome.reports) {
    lines.push(`${r.file}: ${r.kind}`);
    if (r.filled.length) lines.push(`  filled ${r.filled.join(", ")}`);
    for (const note of r.notes) lines.push(`  note: ${note}`);
    for (const ignored of r.ignored) lines.push(`  ignored: ${ignored}`);
  }
  for (const c of outcome.conflicts) lines.push(`conflict at ${c.path}: kept ${c.kept}, replaced ${c.replaced}`);
  if (outcome.redactions.length) {
    lines.push(`secrets kept out of the scenario (${outcome.redactions.length}):`);
    for (const r of outcome.redactions) lines.push(`  ${r.file}: ${r.place} → ${r.placeholder}`);
  }
  return `${lines.join("\n")}\n`;
}

/** `scenario <files…> [--out F]`: a scenario from a customer's evidence; exit 2 naming the file it cannot read. */
export async function scenarioCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommand("scenario", argv);
  if (args.positional.length === 0) throw new UsageError("scenario needs at least one evidence file: scenario <files…> [--out F]");
  const files = args.positional.map((name) => ({ name: basename(name), text: readTextFile(resolve(io.cwd, name), "evidence") }));
  let outcome: EvidenceOutcome;
  try {
    outcome = buildScenarioFromEvidence(files);
  } catch (e) {
    if (e instanceof EvidenceError) throw new UsageError(e.message);
    throw e;
  }
  const text = `${JSON.stringify(outcome.scenario, null, 2)}\n`;
  if (typeof args.flags.out === "string") {
    const out = resolve(io.cwd, args.flags.out);
    try {
      writeFileSync(out, text, { flag: args.flags.force ? "w" : "wx" });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`${out}: ${code === "EEXIST" ? "exists already (use --force to replace it)" : (e as Error).message}`);
    }
    io.stderr(`${report(outcome)}wrote ${out}\n`);
  } else {
    io.stdout(text);
    io.stderr(report(outcome));
  }
  return 0;
}
