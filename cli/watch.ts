/**
 * `--watch` for run, test and check: runs the command, then runs it again whenever one of its inputs is
 * saved (the script, the scenario, a case, a library). A bad edit prints its error and watching goes on;
 * only Ctrl+C ends it (exit 0). Folders are watched rather than files, because editors save by writing a
 * new file and renaming it over the old one, which a watch on the old file would miss.
 */
import { watch, readdirSync, readFileSync, type FSWatcher } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError, type CliIO } from "./io";
import type { ParsedArgs } from "./args";
import { isLibraryPath, siblingScenario } from "./files";

/** Time to wait after the last change before running: one save often fires several events. */
export const WATCH_DEBOUNCE_MS = 150;

const SKIP_DIRS = new Set(["node_modules", ".git", "dist", "out", "release"]);

/** What to watch: files by folder, and folders where any new or changed *.case.json counts. */
interface WatchTargets {
  files: Map<string, Set<string>>;
  caseFolders: Set<string>;
}

function addFile(targets: WatchTargets, file: string): void {
  const folder = dirname(file);
  let names = targets.files.get(folder);
  if (!names) targets.files.set(folder, (names = new Set()));
  names.add(basename(file));
}

/** The script and library paths a scenario or case file names (as files.ts reads them), if it parses. */
function referencedFiles(file: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return [];
  }
  if (data === null || typeof data !== "object") return [];
  const { script, libraries, ibm } = data as { script?: unknown; libraries?: unknown; ibm?: { otherRule?: unknown } };
  const out: string[] = [];
  if (typeof script === "string") out.push(resolve(dirname(file), script));
  const otherRule = ibm && typeof ibm === "object" ? ibm.otherRule : undefined;
  if (typeof otherRule === "string" && isLibraryPath(otherRule)) out.push(resolve(dirname(file), otherRule.trim()));
  if (libraries && typeof libraries === "object") {
    for (const value of Object.values(libraries)) {
      if (typeof value === "string" && /\.js$/i.test(value.trim()) && !/[\n;(){}]/.test(value)) {
        out.push(resolve(dirname(file), value.trim()));
      }
    }
  }
  return out;
}

function addCaseTree(targets: WatchTargets, path: string): void {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    if (path.endsWith(".case.json")) {
      addFile(targets, path);
      for (const file of referencedFiles(path)) addFile(targets, file);
    }
    return;
  }
  targets.caseFolders.add(path);
  for (const entry of entries) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) addCaseTree(targets, full);
    } else if (entry.name.endsWith(".case.json")) {
      for (const file of referencedFiles(full)) addFile(targets, file);
    }
  }
}

/** Recomputed after every run, so a library added to the scenario is watched from then on. */
export function watchTargets(command: string, args: ParsedArgs, cwd: string): WatchTargets {
  const targets: WatchTargets = { files: new Map(), caseFolders: new Set() };
  if (command === "test") {
    for (const root of args.positional.length ? args.positional : ["."]) addCaseTree(targets, resolve(cwd, root));
    return targets;
  }
  if (args.positional[0] === undefined) return targets;
  const script = resolve(cwd, args.positional[0]);
  addFile(targets, script);
  if (command === "run") {
    const scenario =
      typeof args.flags.scenario === "string"
        ? resolve(cwd, args.flags.scenario)
        : (siblingScenario(script) ?? resolve(dirname(script), `${basename(script).replace(/\.(js|groovy)$/i, "")}.scenario.json`));
    addFile(targets, scenario);
    for (const file of referencedFiles(scenario)) addFile(targets, file);
    if (typeof args.flags["other-rule"] === "string") addFile(targets, resolve(cwd, args.flags["other-rule"]));
  }
  return targets;
}

function countFiles(targets: WatchTargets): number {
  let n = 0;
  for (const names of targets.files.values()) n += names.size;
  return n;
}

/**
 * Runs `runOnce` with the command's arguments minus --watch, then again on every save until Ctrl+C.
 * Resolves 0 when interrupted.
 */
export function watchCommand(
  command: string,
  argv: string[],
  args: ParsedArgs,
  runOnce: (argv: string[]) => Promise<number>,
  io: CliIO,
): Promise<number> {
  if (command !== "run" && command !== "test" && command !== "check") {
    throw new UsageError(`${command} has no --watch`);
  }
  const terminator = argv.indexOf("--");
  const rerunArgv = argv.filter((a, i) => a !== "--watch" || (terminator >= 0 && i > terminator));
  let watchers: FSWatcher[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let changedAgain = false;
  let stopped = false;
  let changed: string | null = null;

  const closeWatchers = () => {
    for (const w of watchers) w.close();
    watchers = [];
  };

  const rewatch = (announce: boolean) => {
    closeWatchers();
    const targets = watchTargets(command, args, io.cwd);
    const folders = new Set([...targets.files.keys(), ...targets.caseFolders]);
    for (const folder of folders) {
      const names = targets.files.get(folder);
      const anyCase = targets.caseFolders.has(folder);
      try {
        const watcher = watch(folder, (_event, filename) => {
          const name = filename === null ? null : String(filename);
          if (name !== null && !names?.has(name) && !(anyCase && name.endsWith(".case.json"))) return;
          schedule(name === null ? folder : join(folder, name));
        });
        watcher.on("error", () => undefined);
        watchers.push(watcher);
      } catch {
        // A folder that does not exist (yet): nothing in it can be saved; the next run looks again.
      }
    }
    if (announce) io.stderr(`Watching ${describeTargets(targets) || "nothing"} for changes; Ctrl+C to stop.\n`);
  };

  const runAndReport = async () => {
    running = true;
    try {
      await runOnce(rerunArgv);
    } catch (e) {
      // A bad edit (unreadable scenario, invalid JSON, …) is printed and watching goes on.
      io.stderr(`token-playground: ${e instanceof UsageError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    } finally {
      running = false;
    }
    if (stopped) return;
    rewatch(true);
    if (changedAgain) {
      changedAgain = false;
      schedule(changed ?? "");
    }
  };

  const schedule = (file: string) => {
    changed = file;
    if (running) {
      changedAgain = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (stopped) return;
      if (io.stdoutIsTTY) io.stdout("\x1b[2J\x1b[3J\x1b[H");
      io.stderr(`${file ? `${displayPath(io.cwd, file)} changed` : "A file changed"}; running again\n`);
      void runAndReport();
    }, WATCH_DEBOUNCE_MS);
  };

  return new Promise((done) => {
    const removeHandler = io.onInterrupt?.(() => {
      stopped = true;
      if (timer) clearTimeout(timer);
      closeWatchers();
      removeHandler?.();
      done(0);
    });
    // Watch from the start, so a save during the first (cold) run is not missed.
    rewatch(false);
    void runAndReport();
  });
}

function describeTargets(targets: WatchTargets): string {
  const files = countFiles(targets);
  const parts = [];
  if (files) parts.push(`${files} file${files === 1 ? "" : "s"}`);
  if (targets.caseFolders.size) parts.push(`*.case.json in ${targets.caseFolders.size} folder${targets.caseFolders.size === 1 ? "" : "s"}`);
  return parts.join(" and ");
}

function displayPath(cwd: string, file: string): string {
  return file.startsWith(`${cwd}/`) ? file.slice(cwd.length + 1) : file;
}
