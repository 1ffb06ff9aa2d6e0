import { existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ImportError, parseScriptExport, type ImportedScript } from "../../engine/api";
import { planScriptFiles, scenarioStub } from "../../engine/api";
import type { CliIO } from "../io";
import { shellQuote } from "../format";
import { MAX_EXPORT_BYTES, MAX_SCRIPT_BYTES, readRegularFile } from "../files";

const USAGE = "usage: token-playground import <export.json> [--out DIR] [--force] [--allow-outside]";
const SCHEMA_LOCATION = path.join("schema", "scenario.schema.json");

interface ImportOptions {
  /** The export file as the user typed it, for messages. */
  exportArg: string;
  exportFile: string;
  outDir: string;
  force: boolean;
  /** Frodo's `file://` references may lead (through links) outside the export's folder. */
  allowOutside: boolean;
}

/**
 * `import <export.json> [--out DIR] [--force] [--allow-outside]`: turns an AM REST / Amster / Frodo script export into
 * `<slug>.js` (or `.groovy`) plus `<slug>.scenario.json` per script. All-or-nothing: any problem
 * (bad input, a file already there without --force, a folder where a file goes, a write the OS refuses)
 * exits 2 naming the path and the reason, with nothing written (see writeAllOrNothing).
 */
export async function importCommand(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseArguments(argv, io.cwd);
  if (typeof parsed === "string") {
    io.stderr(`${parsed}\n${USAGE}\n`);
    return 2;
  }
  const { exportArg, exportFile, outDir, force, allowOutside } = parsed;

  const text = readExportFile(exportFile);
  if (!text.ok) {
    io.stderr(`import: cannot read the export file ${exportArg}: ${text.problem}\n`);
    return 2;
  }

  let scripts: ImportedScript[];
  try {
    scripts = parseScriptExport(text.content, exportArg, siblingReader(path.dirname(exportFile), allowOutside));
  } catch (error) {
    if (error instanceof ImportError) {
      io.stderr(`import: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    io.stderr(`import: --out ${outDir} is a file, not a folder\n`);
    return 2;
  }

  const schemaReference = findSchemaReference(outDir);
  const writes = planScriptFiles(scripts).flatMap((planned) => [
    { file: path.join(outDir, planned.sourceFile), content: planned.script.source },
    {
      file: path.join(outDir, planned.scenarioFile),
      content: JSON.stringify(scenarioStub(planned.script, schemaReference), null, 2) + "\n",
    },
  ]);

  for (const write of writes) {
    const existing = lstatOrNull(write.file);
    if (existing?.isDirectory()) {
      io.stderr(`import: ${displayPath(io.cwd, write.file)} is a folder; nothing was written (--force replaces files, never folders)\n`);
      return 2;
    }
    if (existing && !force) {
      io.stderr(`import: ${displayPath(io.cwd, write.file)} already exists; nothing was written (use --force to overwrite)\n`);
      return 2;
    }
  }

  const written = writeAllOrNothing(outDir, writes);
  if (!written.ok) {
    io.stderr(`import: cannot write ${displayPath(io.cwd, written.path)}: ${written.reason}; nothing was written\n`);
    return 2;
  }
  io.stdout(`writing ${writes.length} files to ${outDir === io.cwd ? "the current folder (--out DIR writes elsewhere)" : shellQuote(displayPath(io.cwd, outDir))}:\n`);
  for (const write of writes) io.stdout(`wrote ${shellQuote(displayPath(io.cwd, write.file))}\n`);
  for (const script of scripts) {
    for (const warning of script.warnings) io.stderr(`warning: ${script.name}: ${warning}\n`);
  }
  return 0;
}

function parseArguments(argv: string[], cwd: string): ImportOptions | string {
  const positional: string[] = [];
  let out: string | undefined;
  let force = false;
  let allowOutside = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--force") {
      force = true;
    } else if (arg === "--allow-outside") {
      allowOutside = true;
    } else if (arg === "--out") {
      out = argv[++i];
      if (out === undefined || out === "") return "import: --out needs a folder";
    } else if (arg.startsWith("--out=")) {
      out = arg.slice("--out=".length);
      if (out === "") return "import: --out needs a folder";
    } else if (arg.startsWith("-") && arg !== "-") {
      return `import: unknown option ${arg}`;
    } else {
      positional.push(arg);
    }
  }
  if (positional.length === 0) return "import: which export file? Give its path";
  if (positional.length > 1) return `import: one export file at a time (got ${positional.join(", ")})`;
  return { exportArg: positional[0], exportFile: path.resolve(cwd, positional[0]), outDir: path.resolve(cwd, out ?? "."), force, allowOutside };
}

function readExportFile(file: string): { ok: true; content: string } | { ok: false; problem: string } {
  const outcome = readRegularFile(file, MAX_EXPORT_BYTES);
  if (outcome.ok) return { ok: true, content: outcome.text };
  return { ok: false, problem: outcome.problem === "is a directory" ? "it is a folder" : outcome.problem };
}

/**
 * Frodo's `file://Name.script.js` references are relative to the export file's folder (the engine refuses
 * `..` and absolute paths); a link there that leads outside it is not followed unless --allow-outside.
 */
function siblingReader(folder: string, allowOutside: boolean): (relativePath: string) => string | undefined {
  return (relativePath) => {
    const file = path.join(folder, relativePath);
    try {
      const real = realpathSync(file);
      const inside = path.relative(realpathSync(folder), real);
      if (!allowOutside && (inside.startsWith("..") || path.isAbsolute(inside))) return undefined;
    } catch {
      return undefined;
    }
    const outcome = readRegularFile(file, MAX_SCRIPT_BYTES);
    return outcome.ok ? outcome.text : undefined;
  };
}

interface PlannedWrite {
  file: string;
  content: string;
}

type WriteOutcome = { ok: true } | { ok: false; path: string; reason: string };

function osReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "permission denied";
    case "ENOTDIR":
      return "a file is where a folder should be";
    case "ENAMETOOLONG":
      return "the name is too long for the file system";
    case "EISDIR":
      return "it is a folder";
    case "ENOSPC":
      return "no space left on the device";
    case "EEXIST":
      return "it already exists";
    default:
      return (error as Error).message;
  }
}

/**
 * Writes every file or none: the folder is created (and removed again on failure) if missing, the files
 * are written into a temporary folder inside it, then moved into place one by one, each file already
 * there (with --force) first moved aside; any failure moves everything back and removes what was made.
 * `beforeCommit` lets tests change the disk between staging and the moves, as another program might.
 */
export function writeAllOrNothing(outDir: string, writes: readonly PlannedWrite[], beforeCommit?: () => void): WriteOutcome {
  // The outermost folder this import creates, removed again on failure (with all it made inside).
  const createdRoot = firstMissingFolder(outDir);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    if (createdRoot && pathExists(createdRoot)) rmSync(createdRoot, { recursive: true, force: true });
    return { ok: false, path: outDir, reason: osReason(error) };
  }
  const removeCreated = () => {
    if (createdRoot && pathExists(createdRoot)) rmSync(createdRoot, { recursive: true, force: true });
  };
  let staging: string;
  try {
    staging = mkdtempSync(path.join(outDir, ".token-playground-import-"));
  } catch (error) {
    removeCreated();
    return { ok: false, path: outDir, reason: osReason(error) };
  }
  const cleanUp = () => {
    rmSync(staging, { recursive: true, force: true });
    removeCreated();
  };

  const staged: string[] = [];
  for (const [i, write] of writes.entries()) {
    // Staged under the final name, so a name the file system refuses fails here, before anything moves.
    const file = path.join(staging, `${i}`, path.basename(write.file));
    try {
      mkdirSync(path.dirname(file));
      writeFileSync(file, write.content, "utf8");
    } catch (error) {
      cleanUp();
      return { ok: false, path: write.file, reason: osReason(error) };
    }
    staged.push(file);
  }

  beforeCommit?.();
  const done: CommitStep[] = [];
  for (const [i, write] of writes.entries()) {
    const step: CommitStep = { target: write.file, backup: null, placed: false };
    try {
      const existing = lstatOrNull(write.file);
      if (existing?.isDirectory()) throw Object.assign(new Error("it is a folder"), { code: "EISDIR" });
      if (existing) {
        step.backup = path.join(staging, `${i}.previous`);
        renameSync(write.file, step.backup);
      }
      renameSync(staged[i], write.file);
      step.placed = true;
    } catch (error) {
      rollBack([...done, step]);
      cleanUp();
      return { ok: false, path: write.file, reason: osReason(error) };
    }
    done.push(step);
  }
  rmSync(staging, { recursive: true, force: true });
  return { ok: true };
}

interface CommitStep {
  target: string;
  /** Where the file that was there before has been moved, if there was one. */
  backup: string | null;
  /** Whether the new file is in place. */
  placed: boolean;
}

/** Undoes the moves, newest first: the new file goes, the previous one (if any) comes back. */
function rollBack(steps: CommitStep[]): void {
  for (const step of steps.reverse()) {
    if (step.placed) rmSync(step.target, { force: true });
    if (step.backup) renameSync(step.backup, step.target);
  }
}

/** The outermost folder of `dir` (itself or a parent) that does not exist yet, or undefined. */
function firstMissingFolder(dir: string): string | undefined {
  let missing: string | undefined;
  for (let folder = dir; !pathExists(folder); folder = path.dirname(folder)) {
    missing = folder;
    if (path.dirname(folder) === folder) break;
  }
  return missing;
}

/** Whether anything is at `file` (a folder on the way being a file counts as nothing there). */
function pathExists(file: string): boolean {
  return lstatOrNull(file) !== null;
}

function lstatOrNull(file: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

/**
 * The `$schema` reference for scenario stubs: the project's schema/scenario.schema.json found in the
 * output folder or one of its parents (as when importing into a checkout's samples/), as a relative
 * path with forward slashes; none when the output folder is outside such a project.
 */
function findSchemaReference(outDir: string): string | undefined {
  for (let folder = outDir; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, SCHEMA_LOCATION);
    if (existsSync(candidate)) return path.relative(outDir, candidate).split(path.sep).join("/");
    if (path.dirname(folder) === folder) return undefined;
  }
}

function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
