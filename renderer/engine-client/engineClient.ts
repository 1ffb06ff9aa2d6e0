/**
 * Talks to the engine worker. One request runs at a time (the worker is single-threaded); while one
 * runs, only the newest waiting run and the newest waiting check are kept — older ones are answered
 * as superseded, so a burst of edits costs one run. A watchdog terminates and recreates the worker when a
 * request overruns its time limit plus a margin, and answers with a `timeout` error: the page never hangs.
 */
import { emptyRunResult, type RunResult } from "../../engine/result";
import type { Evaluator } from "../../engine/scenario/schema";
import { timeoutMessage } from "../../engine/sandbox/limits";
import type { CheckOutcome, FromWorker, ToWorker } from "./protocol";
import type { CheckTarget } from "../../engine/check";
import { flowStepCount } from "../state/flowResult";

export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface RunRequest {
  script: string;
  /** The scenario document (validated by the engine again). */
  scenario: unknown;
  evaluator: Evaluator;
  /** The scenario's script time limit; the watchdog allows this plus its margin. */
  timeoutMs: number;
}

export type RunAnswer = { id: number; superseded: false; result: RunResult } | { id: number; superseded: true };
export type CheckAnswer = { id: number; superseded: false; outcome: CheckOutcome } | { id: number; superseded: true };

export interface EngineClientOptions {
  /** Extra time past the script's own limit before the worker is killed. */
  watchdogMarginMs?: number;
  /** Extra time for the first request of a fresh worker (it loads the wasm first). */
  coldStartMs?: number;
  /** Time limit for a check (syntax + lint). */
  checkLimitMs?: number;
  /** Ids come from here so the page can compare them with its own (LatestOnly). */
  nextId?: () => number;
}

interface Job {
  id: number;
  kind: "run" | "check";
  message: ToWorker;
  limitMs: number;
  /** A run's own limit (the scenario's timeoutMs), which the watchdog's message names. */
  scriptLimitMs?: number;
  evaluator: Evaluator;
  resolve: (answer: never) => void;
}

/** A run result for a failure outside the script (watchdog, engine crash), shaped like any other. */
export function failureResult(evaluator: Evaluator, kind: "timeout" | "binding", message: string): RunResult {
  return emptyRunResult(evaluator, { kind, message });
}

export class EngineClient {
  private worker: WorkerLike | null = null;
  private fresh = true;
  private running: Job | null = null;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private waitingRun: Job | null = null;
  private waitingCheck: Job | null = null;
  private counter = 0;
  private checkCounter = 0;
  private readonly margin: number;
  private readonly coldStart: number;
  private readonly checkLimit: number;
  private readonly nextId: () => number;
  /** How many times the watchdog replaced the worker (shown in diagnostics, asserted in tests). */
  restarts = 0;

  constructor(
    private readonly createWorker: () => WorkerLike,
    options: EngineClientOptions = {},
  ) {
    // One second past the script's own limit: with the default 1 s limit a stuck builtin ends within 2 s, as in the CLI.
    this.margin = options.watchdogMarginMs ?? 1000;
    this.coldStart = options.coldStartMs ?? 5000;
    this.checkLimit = options.checkLimitMs ?? 1000;
    this.nextId = options.nextId ?? (() => ++this.counter);
  }

  run(request: RunRequest, id = this.nextId()): Promise<RunAnswer> {
    return new Promise((resolve) => {
      const job: Job = {
        id,
        kind: "run",
        message: { type: "run", id, script: request.script, scenario: request.scenario, evaluator: request.evaluator },
        // A flow runs the script once per step: the watchdog covers the whole flow, each step at its own limit.
        limitMs: flowStepCount(request.scenario) * request.timeoutMs + this.margin,
        scriptLimitMs: request.timeoutMs,
        evaluator: request.evaluator,
        resolve: resolve as (answer: never) => void,
      };
      if (this.waitingRun) this.answer(this.waitingRun, { id: this.waitingRun.id, superseded: true });
      this.waitingRun = job;
      this.pump();
    });
  }

  /** Checks count down from -1 so they never use up (or collide with) the page's run ids. */
  check(script: string, evaluator: Evaluator, target: CheckTarget = {}, id = --this.checkCounter): Promise<CheckAnswer> {
    return new Promise((resolve) => {
      const job: Job = {
        id,
        kind: "check",
        message: { type: "check", id, script, evaluator, target },
        limitMs: this.checkLimit,
        evaluator,
        resolve: resolve as (answer: never) => void,
      };
      if (this.waitingCheck) this.answer(this.waitingCheck, { id: this.waitingCheck.id, superseded: true });
      this.waitingCheck = job;
      this.pump();
    });
  }

  /** Stops the worker for good (page unload, tests). */
  dispose(): void {
    this.clearWatchdog();
    this.worker?.terminate();
    this.worker = null;
  }

  private answer(job: Job, value: RunAnswer | CheckAnswer): void {
    (job.resolve as (v: RunAnswer | CheckAnswer) => void)(value);
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => this.onMessage(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.replaceWorker(`The engine worker failed: ${event.message || "it could not be loaded"}`, "binding");
    };
    this.worker = worker;
    this.fresh = true;
    return worker;
  }

  private pump(): void {
    if (this.running) return;
    // Checks are quick and drive the squiggles, so they go first.
    const job = this.waitingCheck ?? this.waitingRun;
    if (!job) return;
    if (job === this.waitingCheck) this.waitingCheck = null;
    else this.waitingRun = null;
    const worker = this.ensureWorker();
    this.running = job;
    const limit = job.limitMs + (this.fresh ? this.coldStart : 0);
    this.fresh = false;
    this.watchdog = setTimeout(() => {
      this.replaceWorker(
        job.scriptLimitMs === undefined
          ? `The check did not finish within ${job.limitMs} ms; the sandbox was stopped and restarted.`
          : `${timeoutMessage(job.scriptLimitMs)} A builtin kept running past the limit, so the watchdog stopped the sandbox after ${job.limitMs} ms and restarted it.`,
        "timeout",
      );
    }, limit);
    worker.postMessage(job.message);
  }

  private clearWatchdog(): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = null;
  }

  private replaceWorker(message: string, kind: "timeout" | "binding"): void {
    this.clearWatchdog();
    this.worker?.terminate();
    this.worker = null;
    this.restarts += 1;
    const job = this.running;
    this.running = null;
    if (job) {
      if (job.kind === "run") this.answer(job, { id: job.id, superseded: false, result: failureResult(job.evaluator, kind, message) });
      else this.answer(job, { id: job.id, superseded: true });
    }
    this.pump();
  }

  private onMessage(message: FromWorker): void {
    if (message.type === "ready") return;
    const job = this.running;
    if (!job || job.id !== message.id) return;
    this.clearWatchdog();
    this.running = null;
    if (message.type === "result") this.answer(job, { id: job.id, superseded: false, result: message.result });
    else if (message.type === "checked") this.answer(job, { id: job.id, superseded: false, outcome: message.outcome });
    else if (job.kind === "run" && message.type === "failed")
      this.answer(job, { id: job.id, superseded: false, result: failureResult(job.evaluator, "binding", message.message) });
    else this.answer(job, { id: job.id, superseded: true });
    this.pump();
  }
}
