/**
 * Runs scripts in worker threads with a wall-clock watchdog: QuickJS's interrupt stops ordinary loops, but
 * some builtins (e.g. `new Array(1e9).join()`) never poll it, so a run that overruns its time limit plus a
 * grace period is ended by terminating the worker, and a fresh worker takes its place.
 */
import { Worker } from "node:worker_threads";
import { emptyRunResult, type RunResult } from "../engine/result";
import type { Evaluator } from "../engine/scenario/schema";
import { timeoutMessage } from "../engine/sandbox/limits";
import type { RunRequest } from "./worker";

/** How long past the script's own limit the watchdog waits before it terminates the worker. */
export const WATCHDOG_GRACE_MS = 1000;

interface Job {
  request: RunRequest;
  timeoutMs: number;
  resolve(result: RunResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
}

function watchdogResult(evaluator: Evaluator, limitMs: number, ms: number): RunResult {
  const result = emptyRunResult(evaluator, {
    kind: "timeout",
    message: `${timeoutMessage(limitMs)} A builtin kept running past the limit, so the watchdog stopped the sandbox after ${ms} ms.`,
  });
  result.timings = { evalMs: ms, totalMs: ms };
  return result;
}

export class ScriptRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(
    private readonly workerUrl: URL,
    size = 1,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.workerUrl), ready: false, job: null, timer: null };
    slot.worker.on("message", (message: { id?: number; ready?: boolean; fatal?: string; result?: RunResult; failure?: string }) => {
      if (message.ready) {
        slot.ready = true;
        this.pump();
        return;
      }
      if (message.fatal) {
        for (const job of this.queue.splice(0)) job.reject(new Error(`the sandbox could not start: ${message.fatal}`));
        return;
      }
      const job = slot.job;
      if (!job || job.request.id !== message.id) return;
      this.finish(slot);
      if (message.result) job.resolve(message.result);
      else job.reject(new Error(message.failure ?? "worker failed"));
    });
    slot.worker.on("error", (error) => {
      const job = slot.job;
      this.replace(slot);
      job?.reject(error);
    });
    slot.worker.unref();
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    this.pump();
  }

  private replace(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = this.spawn();
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift() as Job;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        const evaluator = job.request.evaluator ?? "legacy";
        job.resolve(watchdogResult(evaluator, job.timeoutMs, job.timeoutMs + WATCHDOG_GRACE_MS));
        slot.job = null;
        this.replace(slot);
      }, job.timeoutMs + WATCHDOG_GRACE_MS);
      slot.worker.postMessage(job.request);
    }
    const waiting = this.queue.length > 0;
    for (const slot of this.slots) {
      if (slot.job || (waiting && !slot.ready)) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  run(script: string, scenario: { timeoutMs?: number } & Record<string, unknown>, evaluator?: Evaluator): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const request: RunRequest = { id: this.nextId++, script, scenario, ...(evaluator ? { evaluator } : {}) };
      this.queue.push({ request, timeoutMs: scenario.timeoutMs ?? 1000, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
