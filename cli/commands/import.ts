import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ImportError, parseScriptExport, type ImportedScript } from "../../engine/import/exports";
import { planScriptFiles, scenarioStub } from "../../engine/import/file-names";
import type { CliIO } from "../io";
import { shellQuote } from "../format";

const USAGE = "usage: token-playground import <export.json> [--out DIR] [--force]";
const SCHEMA_LOCATION = path.join("schema", "scenario.schema.json");

interface ImportOptions {
  /** The export file as the user typed it, for messages. */
  exportArg: string;
  exportFile: string;
  outDir: string;
  force: boolean;
}

/**
 * `import <export.json> [--out DIR] [--force]`: turns an AM REST / Amster / Frodo script export into
 * `<slug>.js` (or `.groovy`) plus `<slug>.scenario.json` per script. All-or-nothing: any problem
 * (bad input, a file already there without --force) exits 2 before anything is written.
 */
export async function importCommand(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseArguments(argv, io.cwd);
  if (typeof parsed === "string") {
    io.stderr(`${parsed}\n${USAGE}\n`);
    return 2;
  }
  const { exportArg, exportFile, outDir, force } = parsed;

  const text = readExportFile(exportFile);
  if (!text.ok) {
    io.stderr(`import: cannot read the export file ${exportArg}: ${text.problem}\n`);
    return 2;
  }

  let scripts: ImportedScript[];
  try {
    scripts = parseScriptExport(text.content, exportArg, siblingReader(path.dirname(exportFile)));
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

  if (!force) {
    const existing = writes.find((write) => existsSync(write.file));
    if (existing) {
      io.stderr(`import: ${displayPath(io.cwd, existing.file)} already exists; nothing was written (use --force to overwrite)\n`);
      return 2;
    }
  }

  mkdirSync(outDir, { recursive: true });
  io.stdout(`writing ${writes.length} files to ${outDir === io.cwd ? "the current folder (--out DIR writes elsewhere)" : shellQuote(displayPath(io.cwd, outDir))}:\n`);
  for (const write of writes) {
    writeFileSync(write.file, write.content, "utf8");
    io.stdout(`wrote ${shellQuote(displayPath(io.cwd, write.file))}\n`);
  }
  for (const script of scripts) {
    for (const warning of script.warnings) io.stderr(`warning: ${script.name}: ${warning}\n`);
  }
  return 0;
}

function parseArguments(argv: string[], cwd: string): ImportOptions | string {
  const positional: string[] = [];
  let out: string | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--force") {
      force = true;
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
  return { exportArg: positional[0], exportFile: path.resolve(cwd, positional[0]), outDir: path.resolve(cwd, out ?? "."), force };
}

function readExportFile(file: string): { ok: true; content: string } | { ok: false; problem: string } {
  try {
    return { ok: true, content: readFileSync(file, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : String((error as Error).message);
    return { ok: false, problem };
  }
}

/** Frodo's `file://Name.script.js` references are relative to the export file's folder. */
function siblingReader(folder: string): (relativePath: string) => string | undefined {
  return (relativePath) => {
    try {
      return readFileSync(path.join(folder, relativePath), "utf8");
    } catch {
      return undefined;
    }
  };
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
