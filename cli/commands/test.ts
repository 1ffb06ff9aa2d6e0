import { readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { availableParallelism } from "node:os";
import { ScenarioError, parseScenarioText } from "../../engine/api";
import type { Scenario } from "../../engine/api";
import { checkExpectation } from "../../engine/api";
import { checkFlowExpectation, runFlow, type FlowResult } from "../../engine/index";
import { jobsFlag, parseCommand } from "../args";
import { UsageError, type CliIO } from "../io";
import { MAX_SCENARIO_BYTES, confinedPath, inlineLibraries, readRegularFile, readTextFile } from "../files";
import { HeapPacer } from "../heap-pacer";
import { ScriptRunner, workerCount } from "../runner";
import { workerUrl } from "../worker-url";
import { describeMismatch, formatError } from "../format";
import { caseProgress } from "../progress";

interface CaseOutcome {
  file: string;
  name: string;
  passed: boolean;
  /** A case file that is bad input (invalid JSON, unknown field, missing script…): reported, and `test` exits 2. */
  invalid: boolean;
  problems: string[];
  /** How long the run took in its worker; 0 for a case that did not run. */
  ms: number;
  /** A flow case: one entry per request, so JUnit shows which step failed. */
  steps?: { name: string; passed: boolean; problems: string[] }[];
}

function stepName(step: FlowResult["steps"][number], index: number): string {
  const what = step.request === "token" ? `token ${step.grantType}` : step.token ? `${step.request} ${step.token}` : step.request;
  return `step ${index + 1}: ${what}`;
}

/** The per-step view of a flow case's problems: a mismatch under $.steps[i] belongs to step i. */
function flowSteps(result: FlowResult, problems: string[]): CaseOutcome["steps"] {
  return result.steps.map((step, i) => {
    const own = problems.filter((p) => p.startsWith(`$.steps[${i}]`));
    return { name: stepName(step, i), passed: own.length === 0, problems: own };
  });
}

const SKIP_DIRS = new Set(["node_modules", ".git", "dist", "out", "release"]);
const CASE_SUFFIX = ".case.json";

interface FoundCases {
  files: string[];
  /** Things under the folders that were not read, each with why (a FIFO, a device, an unreadable folder). */
  skipped: string[];
}

type Stat = NonNullable<ReturnType<typeof statSync>>;

/** The stat after following links, or why there is none ("a link to nothing", "too many symbolic links"). */
function statFollowingLinks(path: string): { stat: Stat } | { problem: string } {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat ? { stat } : { problem: "no such file or directory" };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return { problem: "a loop of symbolic links" };
    if (code === "EACCES") return { problem: "permission denied" };
    return { problem: (e as Error).message };
  }
}

function describeNonRegular(stat: Stat): string {
  if (stat.isFIFO()) return "is a FIFO (named pipe), not a regular file";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "is a device, not a regular file";
  if (stat.isSocket()) return "is a socket, not a regular file";
  return "is not a regular file";
}

/**
 * The *.case.json files under the paths. A path named on the command line that is not a folder or a
 * regular file is bad usage (exit 2); non-regular files met in folders are skipped with a message, and
 * links are followed once (a folder reached twice, e.g. by a link to a parent, is walked once).
 */
export function findCaseFiles(paths: string[]): FoundCases {
  const files = new Set<string>();
  const skipped: string[] = [];
  const walked = new Set<string>();
  const walk = (folder: string, named: boolean): void => {
    let real: string;
    let entries: string[];
    try {
      real = realpathSync(folder);
      if (walked.has(real)) return;
      walked.add(real);
      entries = readdirSync(folder).sort();
    } catch (e) {
      const problem = `${folder}: cannot read the folder: ${(e as NodeJS.ErrnoException).code === "EACCES" ? "permission denied" : (e as Error).message}`;
      // A folder the user named is bad usage; one met on the way is reported and passed over.
      if (named) throw new UsageError(problem);
      skipped.push(problem);
      return;
    }
    for (const name of entries) {
      const path = join(folder, name);
      const found = statFollowingLinks(path);
      const stat = "stat" in found ? found.stat : null;
      if (stat?.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(path, false);
      } else if (name.endsWith(CASE_SUFFIX)) {
        if (stat?.isFile()) files.add(path);
        else if (stat) skipped.push(`${path}: skipped: ${describeNonRegular(stat)}`);
        else skipped.push(`${path}: skipped: ${"problem" in found && found.problem !== "no such file or directory" ? found.problem : "a link to nothing"}`);
      }
    }
  };
  for (const path of paths) {
    const found = statFollowingLinks(path);
    if (!("stat" in found)) throw new UsageError(`${path}: ${found.problem}`);
    const stat = found.stat;
    if (stat.isDirectory()) walk(path, true);
    else if (!stat.isFile()) throw new UsageError(`${path}: cannot read test case: ${describeNonRegular(stat)}`);
    else if (path.endsWith(CASE_SUFFIX)) files.add(path);
  }
  return { files: [...files].sort(), skipped };
}

/**
 * Text for an XML attribute or element. Characters XML 1.0 cannot carry at all (control characters, lone
 * surrogates, U+FFFE/U+FFFF — a script's error message may hold any) are written as `\uXXXX`, so the report
 * stays well-formed whatever the script threw.
 */
function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function junit(outcomes: CaseOutcome[]): string {
  const failures = outcomes.filter((o) => !o.passed && !o.invalid).length;
  const errors = outcomes.filter((o) => o.invalid).length;
  const cases = outcomes
    .map((o) => {
      if (o.steps) {
        // A flow case is one testcase per request; problems outside any step go to the first one.
        const outside = o.problems.filter((p) => !/^\$\.steps\[\d+\]/.test(p));
        return o.steps
          .map((step, i) => {
            const problems = i === 0 ? [...outside, ...step.problems] : step.problems;
            const head = `    <testcase classname="${escapeXml(`${o.file} ${o.name}`)}" name="${escapeXml(step.name)}" time="${(o.ms / 1000 / o.steps!.length).toFixed(3)}"`;
            return problems.length === 0
              ? `${head}/>`
              : `${head}>\n      <failure message="${escapeXml(problems[0])}">${escapeXml(problems.join("\n"))}</failure>\n    </testcase>`;
          })
          .join("\n");
      }
      const head = `    <testcase classname="${escapeXml(o.file)}" name="${escapeXml(o.name)}" time="${(o.ms / 1000).toFixed(3)}"`;
      if (o.passed) return `${head}/>`;
      // JUnit's <error> is "could not run", <failure> "ran and did not match": a bad case file is the former.
      const tag = o.invalid ? "error" : "failure";
      return `${head}>\n      <${tag} message="${escapeXml(o.problems[0] ?? "failed")}">${escapeXml(o.problems.join("\n"))}</${tag}>\n    </testcase>`;
    })
    .join("\n");
  const counts = `tests="${outcomes.length}" failures="${failures}" errors="${errors}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${counts}>\n  <testsuite name="token-playground" ${counts}>\n${cases}\n  </testsuite>\n</testsuites>\n`;
}

/** The file's size for the heap pacer; 0 when it cannot be told (loadCase then reports the problem). */
function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

type LoadedCase = { ok: true; scenario: Scenario; script: string; scriptPath: string } | { ok: false; problem: string };

/** Reads and checks one case file and the script it names; every problem is bad input, named with the file. */
export function loadCase(file: string, shown: string, allowOutside: boolean): LoadedCase {
  try {
    const text = readRegularFile(file, MAX_SCENARIO_BYTES);
    if (!text.ok) return { ok: false, problem: `${shown}: cannot read test case: ${text.problem}` };
    const confinement = { root: dirname(file), allowOutside };
    const scenario = inlineLibraries(parseScenarioText(text.text, shown), file, confinement, shown);
    if (!scenario.script) {
      return { ok: false, problem: `${shown}: $.script: a test case needs "script" (a path relative to the case file)` };
    }
    const scriptPath = confinedPath(resolve(dirname(file), scenario.script), confinement, shown, "$.script");
    return { ok: true, scenario, script: readTextFile(scriptPath, "script"), scriptPath };
  } catch (e) {
    if (e instanceof ScenarioError || e instanceof UsageError) return { ok: false, problem: e.message };
    // Whatever else went wrong reading this case, it is this case's problem: the others still run.
    return { ok: false, problem: `${shown}: cannot read test case: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Runs the cases as a stream: `lanes` at a time each read one case, run it and take the next, so memory
 * holds only the cases in flight whatever the suite's size. Outcomes keep the files' order. The caller gives
 * two lanes per worker, so that a worker finds the next case queued when it answers one instead of waiting
 * while this thread checks the answer and reads the next file.
 */
async function runCases(files: string[], runner: ScriptRunner, lanes: number, io: CliIO, allowOutside: boolean): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = new Array(files.length);
  const progress = caseProgress(io, files.length);
  const pacer = new HeapPacer();
  const runOne = progress.each(async (file: string): Promise<CaseOutcome> => {
    const shown = relative(io.cwd, file) || file;
    pacer.read(fileSize(file));
    const loaded = loadCase(file, shown, allowOutside);
    if (!loaded.ok) return { file: shown, name: shown, passed: false, invalid: true, problems: [loaded.problem], ms: 0 };
    const { scenario, script, scriptPath } = loaded;
    if (scenario.flow) {
      // A flow case: every issuance through the supervised workers, timed run by run.
      let ms = 0;
      const flow = await runFlow(script, scenario, {
        execute: async (s, sc, o) => {
          const timed = await runner.runTimed(s, sc, o.evaluator);
          ms += timed.ms;
          return timed.result;
        },
      });
      const problems = checkFlowExpectation(scenario.expect as Record<string, unknown> | undefined, flow).map(describeMismatch);
      return { file: shown, name: scenario.name, passed: problems.length === 0, invalid: false, problems, ms, steps: flowSteps(flow, problems) };
    }
    const { result, ms } = await runner.runTimed(script, scenario);
    const problems = checkExpectation(scenario.expect as Record<string, unknown> | undefined, result).map(describeMismatch);
    if (problems.length && result.error) problems.unshift(formatError(result, relative(io.cwd, scriptPath), scenario.timeoutMs).trim());
    return { file: shown, name: scenario.name, passed: problems.length === 0, invalid: false, problems, ms };
  });
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      outcomes[index] = await runOne(files[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, files.length)) }, lane));
  progress.end();
  return outcomes;
}

/**
 * `test [paths…] [--reporter text|junit|json] [--jobs N] [--allow-outside]`: runs every *.case.json.
 * Exit 0 when all pass, 1 when a case failed, 2 when a case file is bad input (the good ones still run
 * and are reported). A case's script and libraries must lie in its folder tree unless --allow-outside.
 */
export async function testCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommand("test", argv);
  const reporter = (args.flags.reporter as string | undefined) ?? "text";
  if (!["text", "junit", "json"].includes(reporter)) throw new UsageError(`--reporter must be text, junit or json, not "${reporter}"`);
  const roots = args.positional.length ? args.positional : ["."];
  const { files, skipped } = findCaseFiles(roots.map((p) => resolve(io.cwd, p)));
  for (const message of skipped) io.stderr(`token-playground: ${message}\n`);
  const jobs = workerCount(Math.min(jobsFlag(args.flags.jobs, availableParallelism(), io.stderr) ?? availableParallelism(), Math.max(1, files.length)));
  // Warm workers: a case's JUnit time is then its run, not the isolate's first compile of the engine.
  const runner = new ScriptRunner(workerUrl(), jobs, { warmUp: true });
  let outcomes: CaseOutcome[];
  try {
    outcomes = await runCases(files, runner, jobs * 2, io, args.allowOutside);
  } finally {
    await runner.close();
  }
  report(outcomes, reporter, roots, io);
  if (outcomes.some((o) => o.invalid)) return 2;
  return outcomes.some((o) => !o.passed) ? 1 : 0;
}

function report(outcomes: CaseOutcome[], reporter: string, roots: string[], io: CliIO): void {
  const passed = outcomes.filter((o) => o.passed).length;
  const invalid = outcomes.filter((o) => o.invalid).length;
  const failed = outcomes.length - passed - invalid;
  const summary = `${passed} passed, ${failed} failed${invalid ? `, ${invalid} invalid case file${invalid === 1 ? "" : "s"}` : ""}\n`;
  if (reporter === "junit") io.stdout(junit(outcomes));
  else if (reporter === "json") io.stdout(`${JSON.stringify({ passed, failed, invalid, cases: outcomes }, null, 2)}\n`);
  else {
    for (const o of outcomes) {
      io.stdout(`${o.passed ? "✔" : "✖"} ${o.name} (${o.invalid ? "bad case file" : o.file})\n`);
      for (const p of o.problems) io.stdout(`    ${p.replace(/\n/g, "\n    ")}\n`);
    }
    if (outcomes.length === 0) io.stdout(`No *.case.json found under ${roots.join(", ")}\n`);
  }
  // The JUnit XML must stay well-formed when redirected, so its summary goes to stderr.
  if (reporter === "text") io.stdout(summary);
  else if (reporter === "junit") io.stderr(summary);
  // Bad case files are bad input: name each on stderr too, so a CI log that only keeps stderr shows them.
  for (const o of outcomes.filter((x) => x.invalid)) io.stderr(`token-playground: ${o.problems[0].split("\n")[0]}\n`);
}
