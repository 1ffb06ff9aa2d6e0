/**
 * The CLI's side of the one run supervisor (engine/supervisor/): node worker threads as its worker ports,
 * FIFO, as many workers as asked up to the cores. The supervisor owns the queue, the deadlines (the script's
 * limit plus WATCHDOG_MARGIN_MS), the watchdog, respawning and the words of every failure; this file only
 * turns a node Worker into a port and runs into results.
 *
 * Workers start only when there is work for them, and never more than the machine's cores: each one is a
 * V8 isolate with its own sandbox memory, so `--jobs 200` must not mean 200 of them.
 */
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { failureRunResult, Supervisor, type RunResult, type Evaluator, type WorkerPort, type EngineReply } from "../engine/api";
import type { WorkerOptions } from "./worker";
import { cliHookCaller } from "./hook-transport";

/**
 * The host-side heap a worker may grow to. The sandbox's own memory is capped inside the wasm; this caps
 * what a script can make the host build (bindings that copy strings out, say), so one run cannot take
 * the machine's memory: past it the worker dies, that run fails and a fresh worker serves the rest.
 */
export const WORKER_HEAP_LIMIT_MB = 256;

/** A run's result and how long the run took inside its worker (no worker start-up, no queueing). */
export interface TimedRunResult {
  result: RunResult;
  ms: number;
}

/** Workers for `requested` parallel runs: at least 1, at most the cores, whatever the caller asked. */
export function workerCount(requested: number, cores = availableParallelism()): number {
  const wanted = Number.isFinite(requested) ? Math.floor(requested) : 1;
  return Math.max(1, Math.min(wanted, Math.max(1, cores)));
}

/** A node worker thread as the supervisor's port. */
function nodeWorkerPort(url: URL, options: WorkerOptions): WorkerPort {
  const worker = new Worker(url, { workerData: options, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_LIMIT_MB } });
  // The supervisor's deadline timer keeps the process alive while a run is out; an idle worker must not.
  worker.unref();
  let stopping = false;
  const port: WorkerPort = {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => {
      stopping = true;
      return worker.terminate();
    },
    onmessage: null,
    onerror: null,
  };
  worker.on("message", (message: EngineReply) => port.onmessage?.(message));
  worker.on("error", (error) => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    port.onerror?.(code === "ERR_WORKER_OUT_OF_MEMORY" ? { kind: "out-of-memory", limitMb: WORKER_HEAP_LIMIT_MB } : { kind: "crashed", detail: error instanceof Error ? error.message : String(error) });
  });
  // An exit we did not ask for: the run in it fails, the rest go on.
  worker.on("exit", (code) => {
    if (!stopping) port.onerror?.({ kind: "exited", code });
  });
  return port;
}

export class ScriptRunner {
  private readonly supervisor: Supervisor;
  private nextId = 1;
  private closed = false;

  constructor(workerUrl: URL, size = 1, workerOptions: WorkerOptions = {}) {
    this.supervisor = new Supervisor(() => nodeWorkerPort(workerUrl, workerOptions), { workers: workerCount(size), queue: "fifo", callHook: cliHookCaller });
  }

  /** How many workers are alive now (starting or started); never more than the size. */
  get workers(): number {
    return this.supervisor.workers;
  }

  /** Runs a script; resolves with its result and the time the run took in its worker. */
  async runTimed(script: string, scenario: { timeoutMs?: number } & Record<string, unknown>, evaluator?: Evaluator): Promise<TimedRunResult> {
    if (this.closed) throw new Error("the runner is closed");
    const outcome = await this.supervisor.submit(
      { type: "run", script, scenario, ...(evaluator ? { evaluator } : {}), scriptLimitMs: scenario.timeoutMs ?? 1000 },
      this.nextId++,
    );
    switch (outcome.status) {
      case "answered":
        if (outcome.answer.type !== "result") throw new Error(`the worker answered a run with "${outcome.answer.type}"`);
        return { result: outcome.answer.result, ms: outcome.ms };
      case "failed":
        return { result: failureRunResult(evaluator ?? "legacy", outcome.error, outcome.ms), ms: outcome.ms };
      default:
        throw new Error("the runner was closed");
    }
  }

  async run(script: string, scenario: { timeoutMs?: number } & Record<string, unknown>, evaluator?: Evaluator): Promise<RunResult> {
    return (await this.runTimed(script, scenario, evaluator)).result;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.supervisor.close();
  }
}
