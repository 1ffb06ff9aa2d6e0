/**
 * Runs scripts in worker threads with a wall-clock watchdog: QuickJS's interrupt stops ordinary loops, but
 * some builtins (e.g. `new Array(1e9).join()`) never poll it, so a run that overruns its time limit plus a
 * grace period is ended by terminating the worker, and a fresh worker takes its place.
 *
 * Workers start only when there is work for them, and never more than the machine's cores: each one is a
 * V8 isolate with its own sandbox memory, so `--jobs 200` must not mean 200 of them.
 */
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { emptyRunResult, type RunResult } from "../engine/api";
import type { Evaluator } from "../engine/api";
import { timeoutMessage } from "../engine/api";
import type { RunReply, RunRequest, WorkerOptions } from "./worker";

/** How long past the script's own limit the watchdog waits before it terminates the worker. */
export const WATCHDOG_GRACE_MS = 1000;

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

interface Job {
  request: RunRequest;
  timeoutMs: number;
  resolve(outcome: TimedRunResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Workers for `requested` parallel runs: at least 1, at most the cores, whatever the caller asked. */
export function workerCount(requested: number, cores = availableParallelism()): number {
  const wanted = Number.isFinite(requested) ? Math.floor(requested) : 1;
  return Math.max(1, Math.min(wanted, Math.max(1, cores)));
}

function watchdogResult(evaluator: Evaluator, limitMs: number, ms: number): RunResult {
  const result = emptyRunResult(evaluator, {
    kind: "timeout",
    message: `${timeoutMessage(limitMs)} A builtin kept running past the limit, so the watchdog stopped the sandbox after ${ms} ms.`,
  });
  result.timings = { evalMs: ms, totalMs: ms };
  return result;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * A run that ended outside the script (its worker died, its request or result could not be carried) is
 * still a result: the run failed, and the caller goes on with the others instead of crashing.
 */
function failedRun(job: Job, kind: "memory" | "runtime", message: string, ms = 0): TimedRunResult {
  const result = emptyRunResult(job.request.evaluator ?? "legacy", { kind, message });
  result.timings = { evalMs: ms, totalMs: ms };
  return { result, ms };
}

function isOutOfMemory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "ERR_WORKER_OUT_OF_MEMORY";
}

export class ScriptRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly size: number;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly workerUrl: URL,
    size = 1,
    private readonly workerOptions: WorkerOptions = {},
  ) {
    this.size = workerCount(size);
  }

  /** How many workers are alive now (starting or started); never more than the size. */
  get workers(): number {
    return this.slots.length;
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, { workerData: this.workerOptions, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_LIMIT_MB } });
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    worker.on("message", (message: { ready?: boolean; fatal?: string } | RunReply) => {
      if ("ready" in message && message.ready) {
        slot.ready = true;
        this.pump();
        return;
      }
      if ("fatal" in message && message.fatal) {
        for (const job of this.queue.splice(0)) job.resolve(failedRun(job, "runtime", `The sandbox could not start: ${message.fatal}`));
        this.retire(slot);
        return;
      }
      const reply = message as RunReply;
      const job = slot.job;
      if (!job || job.request.id !== reply.id) return;
      this.finish(slot);
      if ("result" in reply) job.resolve({ result: reply.result as RunResult, ms: reply.ms });
      else job.resolve(failedRun(job, "runtime", `The run failed in the playground itself: ${reply.failure}`, reply.ms));
    });
    worker.on("error", (error) => {
      const job = slot.job;
      slot.job = null;
      this.retire(slot);
      if (!job) return;
      job.resolve(
        isOutOfMemory(error)
          ? failedRun(job, "memory", `Script stopped: it made the host use more than ${WORKER_HEAP_LIMIT_MB} MB of memory.`)
          : failedRun(job, "runtime", `The run failed in the playground itself: its worker stopped (${describe(error)}).`),
      );
    });
    worker.on("exit", (code) => {
      // An exit we did not ask for (retire() removes the slot first): the run in it fails, the rest go on.
      if (!this.slots.includes(slot)) return;
      const job = slot.job;
      slot.job = null;
      this.retire(slot);
      job?.resolve(failedRun(job, "runtime", `The run failed in the playground itself: its worker exited (code ${code}).`));
    });
    worker.unref();
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    this.pump();
  }

  /** Ends a worker that failed or overran; the next pump starts a fresh one if work is waiting. */
  private retire(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    this.pump();
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.timer = setTimeout(() => {
      const evaluator = job.request.evaluator ?? "legacy";
      const ms = job.timeoutMs + WATCHDOG_GRACE_MS;
      slot.job = null;
      this.retire(slot);
      job.resolve({ result: watchdogResult(evaluator, job.timeoutMs, ms), ms });
    }, job.timeoutMs + WATCHDOG_GRACE_MS);
    try {
      slot.worker.postMessage(job.request);
    } catch (e) {
      // The request could not be cloned (e.g. nested too deep for the structured clone): this run fails, the worker stays.
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      slot.job = null;
      job.resolve(failedRun(job, "runtime", `The scenario could not be handed to the sandbox: ${describe(e)}`));
    }
  }

  private pump(): void {
    if (this.closed) return;
    for (;;) {
      const idle = this.slots.find((s) => s.ready && !s.job);
      if (!idle || this.queue.length === 0) break;
      this.dispatch(idle, this.queue.shift() as Job);
    }
    // Start workers for waiting work: one per waiting job not already covered by a worker that is starting.
    const starting = this.slots.filter((s) => !s.ready).length;
    for (let n = this.queue.length - starting; n > 0 && this.slots.length < this.size; n--) this.slots.push(this.spawn());
    const waiting = this.queue.length > 0;
    for (const slot of this.slots) {
      if (slot.job || (waiting && !slot.ready)) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  /** Runs a script; resolves with its result and the time the run took in its worker. */
  runTimed(script: string, scenario: { timeoutMs?: number } & Record<string, unknown>, evaluator?: Evaluator): Promise<TimedRunResult> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error("the runner is closed"));
      const request: RunRequest = { id: this.nextId++, script, scenario, ...(evaluator ? { evaluator } : {}) };
      this.queue.push({ request, timeoutMs: scenario.timeoutMs ?? 1000, resolve, reject });
      this.pump();
    });
  }

  async run(script: string, scenario: { timeoutMs?: number } & Record<string, unknown>, evaluator?: Evaluator): Promise<RunResult> {
    return (await this.runTimed(script, scenario, evaluator)).result;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the runner was closed"));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
