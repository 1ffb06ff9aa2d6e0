/**
 * Reading the user's files. Only regular files are read (after following links), and only up to a size
 * limit, so `/dev/zero`, a FIFO or a huge file ends in a clear error instead of reading forever; paths a
 * case or scenario names are confined to its folder unless the user allows otherwise. A problem is bad
 * input (exit 2) naming the file.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { dirname, resolve, basename } from "node:path";
import { ScenarioError, parseScenarioText } from "../engine/api";
import type { Scenario } from "../engine/api";
import { UsageError } from "./io";
import { isWithinFolder } from "./path-confinement";

const MiB = 1024 * 1024;
/** Scripts and libraries: AM keeps a script in one configuration attribute; 1 MiB is far beyond any real one. */
export const MAX_SCRIPT_BYTES = 1 * MiB;
/** Scenarios and case files, which may carry IDM objects and mocked HTTP answers. */
export const MAX_SCENARIO_BYTES = 10 * MiB;
/** Script exports, which may hold every script of several realms, Base64-encoded. */
export const MAX_EXPORT_BYTES = 50 * MiB;

export type ReadOutcome = { ok: true; text: string } | { ok: false; problem: string };

function kindOf(stat: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stat.isDirectory()) return "is a directory";
  if (stat.isFIFO()) return "is a FIFO (named pipe), not a regular file";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "is a device, not a regular file";
  if (stat.isSocket()) return "is a socket, not a regular file";
  return "is not a regular file";
}

function sizeText(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(bytes % MiB ? 1 : 0)} MiB` : `${bytes} bytes`;
}

function osReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ELOOP") return "too many symbolic links";
  if (code === "ENAMETOOLONG") return "the name is too long";
  return (e as Error).message;
}

/**
 * Reads a regular file of at most `maxBytes` as UTF-8. The open does not block (a FIFO with no writer
 * would wait forever) and the file's type is checked on the open descriptor, so a link swapped after a
 * check cannot slip a device in; the read stops at the limit even if the file grows meanwhile.
 */
export function readRegularFile(path: string, maxBytes: number): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EISDIR") return { ok: false, problem: "is a directory" };
    return { ok: false, problem: osReason(e) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, problem: kindOf(stat) };
    const limit = `the ${sizeText(maxBytes)} limit for this kind of file`;
    if (stat.size > maxBytes) return { ok: false, problem: `is ${sizeText(stat.size)}, larger than ${limit}` };
    // Read to the end, not to the stat's size (the file may grow meanwhile), but never past the limit.
    let buffer = Buffer.alloc(Math.min(maxBytes + 1, stat.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { ok: false, problem: `is larger than ${limit}` };
        const bigger = Buffer.alloc(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return { ok: true, text: buffer.toString("utf8", 0, length) };
      length += n;
    }
  } catch (e) {
    return { ok: false, problem: osReason(e) };
  } finally {
    closeSync(fd);
  }
}

/** Reads a file the user named (see readRegularFile); throws UsageError naming it. */
export function readTextFile(path: string, what: string, maxBytes = MAX_SCRIPT_BYTES): string {
  const outcome = readRegularFile(path, maxBytes);
  if (!outcome.ok) throw new UsageError(`${path}: cannot read ${what}: ${outcome.problem}`);
  return outcome.text;
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** What a case or scenario file may name: files in its own folder tree, or anywhere with the user's leave. */
export interface Confinement {
  /** The folder the named files must stay in (after links are resolved). */
  root: string;
  /** Set by `--allow-outside`: no confinement. */
  allowOutside: boolean;
}

/** The flag that lifts the confinement, for messages and the commands' option lists. */
export const ALLOW_OUTSIDE_FLAG = "allow-outside";

/**
 * Resolves `target` (as named in `file`, at JSON path `where`) and checks it stays inside the
 * confinement's root once links are followed; throws UsageError naming the file and place otherwise.
 */
export function confinedPath(target: string, confinement: Confinement, file: string, where: string): string {
  if (confinement.allowOutside) return target;
  let real: string;
  let realRoot: string;
  try {
    // The native call gives each name as the file system spells it (its case included), so names compare exactly.
    realRoot = realpathSync.native(confinement.root);
    real = realpathSync.native(target);
  } catch (e) {
    throw new UsageError(`${file}: ${where}: cannot read ${target}: ${osReason(e)}`);
  }
  if (!isWithinFolder(realRoot, real)) {
    throw new UsageError(
      `${file}: ${where}: ${target} is outside ${confinement.root} (the file's folder); pass --${ALLOW_OUTSIDE_FLAG} to read files elsewhere`,
    );
  }
  return real;
}

/** The scenario beside a script: `name.js` → `name.scenario.json`, if present. */
export function siblingScenario(scriptPath: string): string | null {
  const candidate = resolve(dirname(scriptPath), `${basename(scriptPath).replace(/\.(js|groovy)$/i, "")}.scenario.json`);
  return isFile(candidate) ? candidate : null;
}

export function loadScenario(path: string, options: { allowOutside?: boolean } = {}): Scenario {
  const text = readTextFile(path, "scenario", MAX_SCENARIO_BYTES);
  try {
    return inlineLibraries(parseScenarioText(text, path), path, { root: dirname(path), allowOutside: options.allowOutside ?? false });
  } catch (e) {
    if (e instanceof ScenarioError) throw new UsageError(e.message);
    throw e;
  }
}

/** Whether a library value (or ibm.otherRule) names a file rather than holding source: it ends in .js and has no code in it. */
export function isLibraryPath(value: string): boolean {
  return /\.js$/i.test(value.trim()) && !/[\n;(){}]/.test(value);
}

/**
 * Library values and `ibm.otherRule` that name a .js file (relative to the scenario or case file) are
 * replaced by its text; the files must lie in the confinement's folder tree.
 */
export function inlineLibraries(
  scenario: Scenario,
  file: string,
  confinement: Confinement = { root: dirname(file), allowOutside: false },
  /** The file as messages name it (as the user typed it). */
  shown = file,
): Scenario {
  const libraries: Record<string, string> = {};
  for (const [name, value] of Object.entries(scenario.libraries)) {
    if (!isLibraryPath(value)) {
      libraries[name] = value;
      continue;
    }
    const where = `$.libraries${/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`}`;
    const path = confinedPath(resolve(dirname(file), value.trim()), confinement, shown, where);
    libraries[name] = readTextFile(path, `library "${name}" (${where})`);
  }
  return inlineOtherRule({ ...scenario, libraries }, file, confinement, shown);
}

/** IBM's other mapping rule, named by path in the file: read relative to the file, confined like a library. */
function inlineOtherRule(scenario: Scenario, file: string, confinement: Confinement, shown: string): Scenario {
  const other = scenario.ibm?.otherRule;
  if (other === undefined || !isLibraryPath(other)) return scenario;
  const where = "$.ibm.otherRule";
  const path = confinedPath(resolve(dirname(file), other.trim()), confinement, shown, where);
  return { ...scenario, ibm: { ...scenario.ibm, otherRule: readTextFile(path, `the other mapping rule (${shown}, ${where})`) } };
}

/**
 * `--other-rule FILE`: the other stage's IBM mapping rule from the command line (relative to the current
 * folder, as every path typed there), in place of the scenario's ibm.otherRule. Only an IBM scenario has one.
 */
export function withOtherRuleFile(scenario: Record<string, unknown>, flag: string | true | undefined, cwd: string): Record<string, unknown> {
  if (typeof flag !== "string") return scenario;
  const product = typeof scenario.product === "string" ? scenario.product : "am";
  if (product !== "ibm-verify-access") {
    throw new UsageError(`--other-rule ${flag}: the other mapping rule is for IBM Verify Access, and the scenario's product is "${product}" (set "product": "ibm-verify-access")`);
  }
  const ibm = (scenario.ibm && typeof scenario.ibm === "object" ? scenario.ibm : {}) as Record<string, unknown>;
  return { ...scenario, ibm: { ...ibm, otherRule: readTextFile(resolve(cwd, flag), "the other mapping rule (--other-rule)") } };
}
