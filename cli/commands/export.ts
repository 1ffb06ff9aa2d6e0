import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { COMMANDS, evaluatorFlag, parseCommand } from "../args";
import { MAX_EXPORT_BYTES, readTextFile } from "../files";
import { UsageError, type CliIO } from "../io";
import { ExportError, exportScript, type ExportedScript } from "../../engine/api";
import { ImportError } from "../../engine/api";

const USAGE = COMMANDS.export.usage;

interface PlannedWrite {
  file: string;
  text: string;
}

/**
 * `export <script.js> --like <original.json>`: the edited script back in the export format it came from,
 * so it can go back to the tenant (`frodo script import`, Amster, AM's REST API). All or nothing: every
 * problem exits 2 before anything is written, and no file is replaced without --force.
 */
export async function exportCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommand("export", argv);
  if (args.positional.length !== 1) {
    throw new UsageError(`export needs exactly one edited script (got ${args.positional.length === 0 ? "none" : args.positional.join(", ")})\nusage: token-playground ${USAGE}`);
  }
  if (typeof args.flags.like !== "string") {
    throw new UsageError(`export needs --like <original-export.json>, the export the script came from, to keep its format\nusage: token-playground ${USAGE}`);
  }
  const scriptArg = args.positional[0];
  const likeArg = args.flags.like;
  const likeFile = resolve(io.cwd, likeArg);
  const source = readTextFile(resolve(io.cwd, scriptArg), "the edited script");
  const originalText = readTextFile(likeFile, "the original export (--like)", MAX_EXPORT_BYTES);
  const evaluator = evaluatorFlag(args.flags.evaluator);

  let exported: ExportedScript;
  try {
    exported = exportScript({
      originalText,
      originalFile: likeArg,
      source,
      sourceFile: scriptArg,
      script: typeof args.flags.script === "string" ? args.flags.script : undefined,
      evaluator,
      readSibling: (relativePath) => readIfThere(join(dirname(likeFile), relativePath)),
    });
  } catch (e) {
    if (e instanceof ImportError || e instanceof ExportError) throw new UsageError(e.message);
    throw e;
  }

  const summary = exported.changes.length === 0 ? "no changes: the export is the original" : `changed: ${exported.changes.join("; ")}`;
  const warnings = exported.script.warnings.map((w) => `warning: ${exported.script.name}: ${w}\n`).join("");
  if (typeof args.flags.out !== "string") {
    if (exported.siblings.length > 0) {
      throw new UsageError(
        `${likeArg} keeps the script text in the separate file ${exported.siblings.map((s) => s.relativePath).join(", ")} ` +
          "(Frodo's extracted format); give --out FILE so that file can be written beside it",
      );
    }
    io.stdout(exported.exportText);
    io.stderr(`${exported.script.name}: ${summary}\n${warnings}`);
    return 0;
  }

  const out = resolve(io.cwd, args.flags.out);
  const writes: PlannedWrite[] = [
    { file: out, text: exported.exportText },
    ...exported.siblings.map((s) => ({ file: join(dirname(out), s.relativePath), text: s.text })),
  ];
  // A file that already holds exactly what would be written (the extracted .js edited in place) is left alone.
  const pending = writes.filter((w) => readIfThere(w.file) !== w.text);
  if (!args.flags.force) {
    const existing = pending.find((w) => existsSync(w.file));
    if (existing) throw new UsageError(`${shown(io.cwd, existing.file)} exists already; nothing was written (use --force to replace it)`);
  }
  writeAllOrNothing(pending);
  const lines = writes.map((w) => `${pending.includes(w) ? "wrote" : "unchanged"} ${shown(io.cwd, w.file)}\n`).join("");
  io.stderr(`${exported.script.name}: ${summary}\n${lines}${warnings}`);
  return 0;
}

/** Writes each file beside its target first and renames them only when all were written. */
function writeAllOrNothing(writes: PlannedWrite[]): void {
  const staged: { temporary: string; file: string }[] = [];
  try {
    for (const w of writes) {
      mkdirSync(dirname(w.file), { recursive: true });
      const temporary = join(dirname(w.file), `.${basename(w.file)}.${process.pid}.tmp`);
      writeFileSync(temporary, w.text, { encoding: "utf8", flag: "wx" });
      staged.push({ temporary, file: w.file });
    }
  } catch (e) {
    for (const s of staged) rmSync(s.temporary, { force: true });
    throw new UsageError(`cannot write ${(e as NodeJS.ErrnoException).path ?? ""}: ${(e as Error).message}; nothing was written`);
  }
  for (const s of staged) renameSync(s.temporary, s.file);
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function shown(cwd: string, file: string): string {
  const r = relative(cwd, file);
  return r === "" || r.startsWith("..") ? file : r;
}
