/**
 * The worker pool behind `run` and `test`: never more workers than cores (or than work waiting), and a
 * run that cannot be carried to or from a worker fails alone. Uses the built worker (npm run build:cli).
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ScriptRunner, workerCount } from "../../cli/runner";
import { COLD_START_MS, WATCHDOG_MARGIN_MS } from "../../engine/index";

const WORKER = pathToFileURL(join(process.cwd(), "dist/cli/worker.js"));
const SCRIPT = 'accessToken.addExtraData("claim", "yes");';
let runner: ScriptRunner | null = null;

beforeAll(() => {
  if (!existsSync("dist/cli/worker.js")) throw new Error("build the CLI first: npm run build:cli");
});
afterEach(async () => {
  await runner?.close();
  runner = null;
});

describe("worker count", () => {
  it("is clamped to 1..cores whatever is asked", () => {
    expect(workerCount(200, 2)).toBe(2);
    expect(workerCount(1, 2)).toBe(1);
    expect(workerCount(0, 8)).toBe(1);
    expect(workerCount(-3, 8)).toBe(1);
    expect(workerCount(Number.NaN, 8)).toBe(1);
    expect(workerCount(Number.POSITIVE_INFINITY, 8)).toBe(1);
    expect(workerCount(3.7, 8)).toBe(3);
    expect(workerCount(4, 0)).toBe(1);
  });

  it("a runner asked for 200 workers starts at most the cores, and only as work arrives", async () => {
    runner = new ScriptRunner(WORKER, 200);
    expect(runner.workers).toBe(0);
    const runs = Array.from({ length: 12 }, () => runner!.run(SCRIPT, {}));
    expect(runner.workers).toBeLessThanOrEqual(availableParallelism());
    const results = await Promise.all(runs);
    expect(results.every((r) => r.ok && (r.tokenResponse as Record<string, unknown>).claim === "yes")).toBe(true);
    expect(runner.workers).toBeLessThanOrEqual(availableParallelism());
  });

  it("one run waiting starts one worker", async () => {
    runner = new ScriptRunner(WORKER, 8);
    const run = runner.run(SCRIPT, {});
    expect(runner.workers).toBe(1);
    expect((await run).ok).toBe(true);
  });
});

describe("a run that cannot be carried", () => {
  it("a scenario the structured clone refuses fails that run only; the next run works", async () => {
    runner = new ScriptRunner(WORKER, 1);
    const bad = await runner.run(SCRIPT, { systemEnv: { f: () => 1 } } as unknown as Record<string, unknown>);
    expect(bad.ok).toBe(false);
    expect(bad.error?.message).toMatch(/could not be handed to the sandbox/);
    const good = await runner.run(SCRIPT, {});
    expect(good.ok).toBe(true);
  });

  it("a scenario at the nesting limit (1000 levels) crosses to the worker and runs", async () => {
    runner = new ScriptRunner(WORKER, 1);
    let deep: unknown = 1;
    for (let i = 0; i < 997; i++) deep = [deep];
    const result = await runner.run('accessToken.setField("seen", String(systemEnv.getProperty("deep") !== null));', { systemEnv: { deep } });
    expect(result.error).toBeNull();
    expect(result.introspection).toMatchObject({ seen: "true" });
  });

  it("a run's own time comes back with its result", async () => {
    runner = new ScriptRunner(WORKER, 1);
    const { result, ms } = await runner.runTimed(SCRIPT, {});
    expect(result.ok).toBe(true);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(5000);
  });
});

describe("the watchdog over a real worker", () => {
  it("stops a builtin that ignores the limit at the limit plus the one margin, words it as the app does, and the next run gets a fresh worker", async () => {
    runner = new ScriptRunner(WORKER, 1);
    const started = Date.now();
    const stuck = await runner.run("new Array(1e9).join();", { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(300 + WATCHDOG_MARGIN_MS + COLD_START_MS);
    expect(stuck.error).toEqual({
      kind: "timeout",
      message: `The script ran longer than 300 ms (timeoutMs in the scenario) and was stopped. A builtin kept running past the limit, so the watchdog stopped the sandbox after ${300 + WATCHDOG_MARGIN_MS} ms and restarted it.`,
    });
    const next = await runner.run(SCRIPT, {});
    expect(next.ok).toBe(true);
  });
});

/**
 * Workers that die under the runner. The engine gives no script a way to do this on purpose, so these
 * workers are small stand-ins that answer "ready" and then die the way a real worker could.
 */
describe("a worker that dies mid-run", () => {
  function dyingWorker(body: string): URL {
    const file = join(mkdtempSync(join(tmpdir(), "tp-runner-")), "worker.mjs");
    writeFileSync(file, `import { parentPort } from "node:worker_threads";\nparentPort.on("message", () => { ${body} });\nparentPort.postMessage({ type: "ready" });\n`);
    return pathToFileURL(file);
  }

  it("out of host memory: that run fails as a memory error naming the limit", async () => {
    runner = new ScriptRunner(dyingWorker("const keep = []; for (;;) keep.push(new Array(1e6).fill({}));"), 1);
    const result = await runner.run(SCRIPT, { timeoutMs: 60000 });
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ kind: "memory", message: expect.stringMatching(/more than 256 MB/) });
  }, 60_000);

  it("exits: that run fails, and the next run gets a fresh worker", async () => {
    runner = new ScriptRunner(dyingWorker("process.exit(3);"), 1);
    const first = await runner.run(SCRIPT, {});
    expect(first.error?.message).toMatch(/its worker exited \(code 3\)/);
    const second = await runner.run(SCRIPT, {});
    expect(second.error?.message).toMatch(/its worker exited \(code 3\)/);
  });
});
