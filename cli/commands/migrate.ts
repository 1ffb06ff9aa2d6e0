import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseCommand } from "../args";
import { UsageError, type CliIO } from "../io";
import { loadScenario, readTextFile, siblingScenario } from "../files";
import { migrateAndCompare, type MigrationReport } from "../../engine/index";
import { ScriptRunner } from "../runner";
import { workerUrl } from "../worker-url";

function text(report: MigrationReport, file: string): string {
  const lines: string[] = [];
  lines.push(
    report.equivalent === null
      ? `${file}: rewritten for the next-generation evaluator (no scenario to run both: give --scenario to prove it)`
      : report.equivalent
        ? `✔ ${file}: the next-generation rewrite issues the same token response, introspection and JWT claims`
        : report.differences.length === 0
          ? // Both failed alike: nothing was issued to compare, so no verdict of sameness either.
            `✖ ${file}: the legacy script failed on this scenario, so there is no token to compare (${report.runs?.legacy.error?.message ?? "no result"})`
          : `✖ ${file}: the rewrite does NOT issue the same (${report.differences.length} difference${report.differences.length === 1 ? "" : "s"})`,
  );
  if (report.changes.length) {
    lines.push("", "Changes:");
    for (const c of report.changes) lines.push(`  line ${c.line}: ${c.from.trim().replace(/\s+/g, " ")} → ${c.to.trim().replace(/\s+/g, " ") || "(removed)"}`, `    ${c.why}`);
  }
  if (report.unresolved.length) {
    lines.push("", "Unresolved (no next-generation equivalent):");
    for (const u of report.unresolved) lines.push(`  line ${u.line}: ${u.message}`);
  }
  if (report.differences.length) {
    lines.push("", "Differences (legacy → next-generation):");
    for (const d of report.differences) {
      lines.push(`  ${d.path}: ${JSON.stringify(d.legacy)} → ${JSON.stringify(d.nextGen)}`);
      if (d.why) lines.push(`    ${d.why}`);
    }
  }
  if (report.notes.length) {
    lines.push("", "What the verdict rests on:");
    for (const n of report.notes) lines.push(`  ${n.message}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `migrate <legacy.js> [--scenario F] [--out FILE] [--json]`: exit 0 when equivalent (or nothing to run), 1 when
 * the runs differ or the script cannot be parsed (then nothing is printed or written as a rewrite).
 */
export async function migrateCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommand("migrate", argv);
  if (args.positional.length !== 1) throw new UsageError("migrate needs exactly one legacy script: migrate <legacy.js> [--scenario F]");
  const scriptPath = resolve(io.cwd, args.positional[0]);
  const script = readTextFile(scriptPath, "script");
  const scenarioPath = typeof args.flags.scenario === "string" ? resolve(io.cwd, args.flags.scenario) : siblingScenario(scriptPath);
  const scenario = scenarioPath ? loadScenario(scenarioPath) : undefined;
  const runner = new ScriptRunner(workerUrl(), 2);
  let report: MigrationReport;
  try {
    report = await migrateAndCompare(script, scenario, (s, sc, options) => runner.run(s, sc as Record<string, unknown>, options.evaluator));
  } finally {
    await runner.close();
  }
  if (typeof args.flags.out === "string" && !report.unreadable) {
    const out = resolve(io.cwd, args.flags.out);
    try {
      writeFileSync(out, report.script, { flag: args.flags.force ? "w" : "wx" });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`${out}: ${code === "EEXIST" ? "exists already (use --force to replace it)" : (e as Error).message}`);
    }
  }
  if (report.unreadable && !args.flags.json) {
    // Not a rewrite: the unchanged text must not be printed (or written to --out) as if it were one.
    const { line, column, message } = report.unreadable;
    io.stderr(`✖ ${args.positional[0]}:${line}:${column}: the script cannot be read as JavaScript (${message}); nothing was rewritten\n`);
    return 1;
  }
  if (args.flags.json) {
    const { runs: _runs, ...contract } = report;
    io.stdout(`${JSON.stringify(contract, null, 2)}\n`);
  } else {
    io.stdout(typeof args.flags.out === "string" ? text(report, args.positional[0]) : `${report.script}\n${"-".repeat(60)}\n${text(report, args.positional[0])}`);
  }
  return report.equivalent === false || report.unreadable ? 1 : 0;
}
