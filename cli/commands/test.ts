import { readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { availableParallelism } from "node:os";
import { ScenarioError, parseScenarioText } from "../../engine/scenario/validate";
import type { RunResult } from "../../engine/result";
import { checkExpectation } from "../../engine/cases";
import { checkFlowExpectation, runFlow, type FlowResult } from "../../engine/index";
import { jobsFlag, parseCommand } from "../args";
import { UsageError, type CliIO } from "../io";
import { inlineLibraries, readTextFile } from "../files";
import { ScriptRunner } from "../runner";
import { workerUrl } from "../worker-url";
import { describeMismatch, formatError } from "../format";
import { caseProgress } from "../progress";

interface CaseOutcome {
  file: string;
  name: string;
  passed: boolean;
  problems: string[];
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

function findCases(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`${path}: no such file or directory`);
  if (stat.isFile()) return path.endsWith(".case.json") ? [path] : [];
  const found: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) found.push(...findCases(join(path, entry.name)));
    } else if (entry.name.endsWith(".case.json")) found.push(join(path, entry.name));
  }
  return found.sort();
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function junit(outcomes: CaseOutcome[]): string {
  const failures = outcomes.filter((o) => !o.passed).length;
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
      return o.passed
        ? `${head}/>`
        : `${head}>\n      <failure message="${escapeXml(o.problems[0] ?? "failed")}">${escapeXml(o.problems.join("\n"))}</failure>\n    </testcase>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="${outcomes.length}" failures="${failures}">\n  <testsuite name="token-playground" tests="${outcomes.length}" failures="${failures}">\n${cases}\n  </testsuite>\n</testsuites>\n`;
}

/** `test [paths…] [--reporter text|junit|json]`: runs every *.case.json; exit 1 on any failure. */
export async function testCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommand("test", argv);
  const reporter = (args.flags.reporter as string | undefined) ?? "text";
  if (!["text", "junit", "json"].includes(reporter)) throw new UsageError(`--reporter must be text, junit or json, not "${reporter}"`);
  const roots = args.positional.length ? args.positional : ["."];
  const files = roots.flatMap((p) => findCases(resolve(io.cwd, p)));
  const jobs = jobsFlag(args.flags.jobs, availableParallelism(), io.stderr) ?? Math.max(1, Math.min(availableParallelism(), files.length));
  const runner = new ScriptRunner(workerUrl(), Math.max(1, jobs));
  const progress = caseProgress(io, files.length);
  const outcomes = await Promise.all(
    files.map(progress.each(async (file: string): Promise<CaseOutcome> => {
      const shown = relative(io.cwd, file) || file;
      const started = performance.now();
      try {
        const scenario = inlineLibraries(parseScenarioText(readTextFile(file, "test case"), shown), file);
        if (!scenario.script) {
          return { file: shown, name: scenario.name, passed: false, problems: [`${shown}: $.script: a test case needs "script" (a path relative to the case file)`], ms: 0 };
        }
        const scriptPath = resolve(dirname(file), scenario.script);
        const script = readTextFile(scriptPath, "script");
        if (scenario.flow) {
          const flow = await runFlow(script, scenario, { execute: (s, sc, o) => runner.run(s, sc, o.evaluator) });
          const problems = checkFlowExpectation(scenario.expect as Record<string, unknown> | undefined, flow).map(describeMismatch);
          return { file: shown, name: scenario.name, passed: problems.length === 0, problems, ms: performance.now() - started, steps: flowSteps(flow, problems) };
        }
        const result: RunResult = await runner.run(script, scenario);
        const mismatches = checkExpectation(scenario.expect as Record<string, unknown> | undefined, result);
        const problems = mismatches.map(describeMismatch);
        if (problems.length && result.error) problems.unshift(formatError(result, relative(io.cwd, scriptPath), scenario.timeoutMs).trim());
        return { file: shown, name: scenario.name, passed: problems.length === 0, problems, ms: performance.now() - started };
      } catch (e) {
        const message = e instanceof ScenarioError || e instanceof UsageError ? e.message : e instanceof Error ? e.message : String(e);
        return { file: shown, name: shown, passed: false, problems: [message], ms: performance.now() - started };
      }
    })),
  );
  progress.end();
  await runner.close();
  const passed = outcomes.filter((o) => o.passed).length;
  const failed = outcomes.length - passed;
  if (reporter === "junit") io.stdout(junit(outcomes));
  else if (reporter === "json") io.stdout(`${JSON.stringify({ passed, failed, cases: outcomes }, null, 2)}\n`);
  else {
    for (const o of outcomes) {
      io.stdout(`${o.passed ? "✔" : "✖"} ${o.name} (${o.file})\n`);
      for (const p of o.problems) io.stdout(`    ${p.replace(/\n/g, "\n    ")}\n`);
    }
    if (files.length === 0) io.stdout(`No *.case.json found under ${roots.join(", ")}\n`);
  }
  // The JUnit XML must stay well-formed when redirected, so its summary goes to stderr.
  if (reporter === "text") io.stdout(`${passed} passed, ${failed} failed\n`);
  else if (reporter === "junit") io.stderr(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
