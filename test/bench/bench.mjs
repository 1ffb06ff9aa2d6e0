/**
 * `npm run bench`: measured speed and endurance of the engine against a hand-rolled node:vm floor.
 * Prints a table (or JSON with --json); with --write it also records the figures, the command and the
 * machine in docs/benchmarks.md. Writing is opt-in because that file is tracked: a run to look at the
 * numbers must not leave the tree dirty. --quick shrinks every measurement for a smoke run.
 * Each measurement runs in its own child process so one cannot warm up or pollute another.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildEngine } from "./build-engine.mjs";
import { generateCases } from "./generate-cases.mjs";
import { CLI, ROOT } from "./paths.mjs";
import { median } from "./stats.mjs";
import { renderMarkdown, renderTable, spliceFigures } from "./report.mjs";

const args = new Set(process.argv.slice(2));
// --no-write was the old way to keep the file; it is what happens by default now, and still accepted.
const KNOWN = new Set(["--quick", "--json", "--write", "--no-write"]);
const unknown = [...args].filter((a) => !KNOWN.has(a));
if (unknown.length) {
  process.stderr.write(`bench: unknown option ${unknown.join(" ")}; options: --quick, --json, --write (record the figures in docs/benchmarks.md)\n`);
  process.exit(2);
}
const quick = args.has("--quick");
const here = (file) => fileURLToPath(new URL(file, import.meta.url));
/**
 * Issue 17's targets, each a ratio against a baseline measured in the same run (or a growth after warm-up):
 * per run ≤ 1.0x a fresh node:vm context; `test`'s whole process ≤ 1.2x the node:vm loop's; a cold `run` ≤ 4x
 * `node -e 0`; heap growth over the endurance runs < 2 MB after warm-up, wasm memory flat.
 */
const TARGETS = { runCostRatio: 1.0, testRatio: 1.2, coldRunRatio: 4, enduranceGrowthBytes: 2 * 1024 * 1024 };

function progress(message) {
  process.stderr.write(`bench: ${message}\n`);
}

function node(argv, options = {}) {
  const started = performance.now();
  const child = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  const wallMs = performance.now() - started;
  if (child.error) throw child.error;
  return { ...child, wallMs };
}

function nodeJson(argv) {
  const child = node(argv);
  if (child.status !== 0) throw new Error(`${argv.join(" ")} exited ${child.status}:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

function machine() {
  const cpu = cpus()[0]?.model ?? "unknown";
  // Other processes compete for the same cores; the load average says how much to trust the figures.
  return { cpu, cores: availableParallelism(), node: process.version, platform: `${process.platform} ${process.arch}`, loadAverage: loadavg().map((l) => Number(l.toFixed(2))) };
}

async function main() {
  const startMachine = machine();
  progress("building the engine and the CLI");
  const engineUrl = await buildEngine();
  execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });

  progress("per-run cost (engine vs node:vm floor, interleaved)");
  const runCost = nodeJson([here("./measure-run-cost.mjs"), engineUrl, String(quick ? 10 : 60)]);

  const caseCount = quick ? 100 : 1000;
  const jobs = Math.min(2, availableParallelism());
  const dir = mkdtempSync(join(tmpdir(), "tp-bench-cases-"));
  let throughput;
  try {
    const templates = generateCases(dir, caseCount);
    progress(`throughput: ${caseCount} cases, token-playground test --jobs ${jobs} vs floor`);
    const cliRuns = [];
    const floorRuns = [];
    let cliSummary = null;
    let floorSummary = null;
    for (let i = 0; i < 3; i++) {
      const cli = node([CLI, "test", dir, "--jobs", String(jobs), "--reporter", "json"]);
      if (cli.status !== 0 && cli.status !== 1) throw new Error(`token-playground test exited ${cli.status}:\n${cli.stderr}`);
      const parsed = JSON.parse(cli.stdout);
      cliSummary = { passed: parsed.passed, failed: parsed.failed };
      cliRuns.push(cli.wallMs);
      const floor = node([here("./floor-cases.mjs"), engineUrl, dir]);
      if (floor.status !== 0) throw new Error(`floor-cases exited ${floor.status}:\n${floor.stderr}`);
      floorSummary = JSON.parse(floor.stdout);
      floorRuns.push(floor.wallMs);
    }
    const cliMs = median(cliRuns);
    const floorMs = median(floorRuns);
    throughput = {
      cases: caseCount,
      templates,
      jobs,
      cliMs,
      floorMs,
      cliCasesPerSecond: caseCount / (cliMs / 1000),
      floorCasesPerSecond: caseCount / (floorMs / 1000),
      ratio: cliMs / floorMs,
      cliSummary,
      floorSummary,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  progress("cold start");
  const coldRuns = quick ? 3 : 7;
  const cliCold = [];
  const inProcess = [];
  for (let i = 0; i < coldRuns; i++) {
    const cli = node([CLI, "run", "samples/seed-legacy.js", "--json"]);
    if (cli.status !== 0) throw new Error(`token-playground run exited ${cli.status}:\n${cli.stderr}`);
    cliCold.push(cli.wallMs);
    inProcess.push(nodeJson([here("./cold-first-result.mjs"), engineUrl]));
  }
  const coldStart = {
    runs: coldRuns,
    cliRunWallMs: median(cliCold),
    engineImportMs: median(inProcess.map((r) => r.importedMs)),
    engineFirstResultMs: median(inProcess.map((r) => r.firstResultMs)),
    nodeBaselineMs: median(Array.from({ length: coldRuns }, () => node(["-e", "0"]).wallMs)),
  };

  const enduranceRuns = quick ? 1000 : 10000;
  progress(`endurance: ${enduranceRuns} runs in one process`);
  const endurance = nodeJson(["--expose-gc", here("./measure-endurance.mjs"), engineUrl, String(enduranceRuns)]);
  endurance.heapGrowthBytes = endurance.end.heapUsed - endurance.start.heapUsed;
  endurance.wasmGrowthBytes = endurance.end.wasm - endurance.start.wasm;

  const loadAtEnd = loadavg().map((l) => Number(l.toFixed(2)));
  const report = {
    date: new Date().toISOString(),
    command: `npm run bench -- --write${quick ? " --quick" : ""}`,
    machine: { ...startMachine, loadAverageAtEnd: loadAtEnd },
    targets: TARGETS,
    runCost,
    throughput,
    coldStart,
    endurance,
    verdicts: {
      runCost: runCost.ratio <= TARGETS.runCostRatio,
      throughput: throughput.ratio <= TARGETS.testRatio,
      coldStart: coldStart.cliRunWallMs <= TARGETS.coldRunRatio * coldStart.nodeBaselineMs,
      endurance:
        endurance.heapGrowthBytes < TARGETS.enduranceGrowthBytes && endurance.wasmGrowthBytes < TARGETS.enduranceGrowthBytes,
    },
  };

  process.stdout.write(args.has("--json") ? `${JSON.stringify(report, null, 2)}\n` : renderTable(report));
  if (args.has("--write")) {
    const docPath = join(ROOT, "docs/benchmarks.md");
    writeFileSync(docPath, spliceFigures(existsSync(docPath) ? readFileSync(docPath, "utf8") : "", renderMarkdown(report)));
    progress("wrote docs/benchmarks.md");
  } else {
    progress(`docs/benchmarks.md left as it is; to record these figures there: npm run bench -- --write${quick ? " --quick" : ""}`);
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
