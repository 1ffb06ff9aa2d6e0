/**
 * The one run supervisor, used by the CLI (node worker threads, cli/runner.ts) and the app (a Web Worker,
 * renderer/engine-client/): it owns the job queue, each request's deadline, the watchdog that terminates a
 * worker past it, the fresh worker that takes its place, and the words of every failure that happens outside
 * the script. It is platform-free: a worker is a `WorkerPort` the caller's factory makes, and the only host
 * service used is setTimeout.
 */
import { emptyRunResult, type RunError, type RunResult } from "../result";
import type { Evaluator } from "../scenario/schema";
import type { CheckTarget } from "../check";
import { timeoutMessage } from "../sandbox/limits";
import type { EngineAnswer, EngineReply, EngineRequest, HookCallOutcome, HookCallRequest, ToWorker } from "./protocol";
import { CHECK_LIMIT_MS, COLD_START_MS, WATCHDOG_MARGIN_MS, runBudgetMs } from "./deadlines";

/** How a worker died under the supervisor, as the platform's adapter saw it. */
export type WorkerFault =
  | { kind: "crashed"; detail: string }
  | { kind: "exited"; code: number }
  /** The worker's host heap (capped by the adapter at `limitMb`) ran out. */
  | { kind: "out-of-memory"; limitMb: number };

/** One worker as the supervisor sees it: the adapters wrap a node Worker or a Web Worker in this. */
export interface WorkerPort {
  /** Throws when the request cannot be carried (the structured clone refused it). */
  postMessage(message: ToWorker): void;
  terminate(): void | Promise<unknown>;
  onmessage: ((message: EngineReply) => void) | null;
  onerror: ((fault: WorkerFault) => void) | null;
}

/** A request as the caller hands it in: the protocol's request plus what its deadline is made of. */
export type EngineJob =
  | { type: "run"; script: string; scenario: unknown; evaluator?: Evaluator; scriptLimitMs: number }
  /** `steps`: how many times the script runs in the flow (each at `scriptLimitMs`). */
  | { type: "flow"; script: string; scenario: unknown; evaluator?: Evaluator; scriptLimitMs: number; steps: number }
  /** Two runs (legacy and its rewrite), each at `scriptLimitMs`. */
  | { type: "migrate"; script: string; scenario: unknown; scriptLimitMs: number }
  | { type: "check"; script: string; evaluator: Evaluator; target?: CheckTarget };

export type JobOutcome =
  | { status: "answered"; answer: Exclude<EngineAnswer, { type: "failed" }>; ms: number }
  /** The request ended outside the script: the watchdog, a worker that died, an engine exception. */
  | { status: "failed"; error: RunError; ms: number }
  /** A newer request of the same kind took its place before it started ("newest" queue only). */
  | { status: "superseded" }
  /** The supervisor was closed before the request was answered. */
  | { status: "closed" };

export interface SupervisorOptions {
  /** How many workers may run at once; they start only as work arrives. Default 1. */
  workers?: number;
  /**
   * "fifo" (the CLI): every request runs, in the order given. "newest" (the app's run-as-you-type): while the
   * workers are busy only the newest waiting check and the newest waiting other request are kept, older ones
   * are answered as superseded, and a waiting check goes first (it is quick and drives the squiggles).
   */
  queue?: "fifo" | "newest";
  /** Time past the script's own limit before the worker is stopped; WATCHDOG_MARGIN_MS unless a test says. */
  marginMs?: number;
  /** Extra time for a request until its worker begins it (says "started"); COLD_START_MS unless a test says. */
  coldStartMs?: number;
  /** A check's whole budget; CHECK_LIMIT_MS unless a test says. */
  checkLimitMs?: number;
  /**
   * Calls a hook service for a worker (OneWelcome's `hookUrl`): the CLI's loopback HTTP, the app's page (which
   * asks the user first). Its time counts against the request's own budget. Without it every call is refused.
   */
  callHook?: (request: HookCallRequest) => Promise<HookCallOutcome>;
}

/** Why a worker's hook call is refused when the host gave the supervisor no way to make one. */
export const NO_HOOK_CALLER = "this host does not call hook services";

interface Job {
  id: number;
  job: EngineJob;
  lane: "check" | "run";
  budgetMs: number;
  settle(outcome: JobOutcome): void;
}

interface Slot {
  port: WorkerPort;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
  /** How long the armed watchdog waits: the job's budget, plus the cold start until the worker begins it. */
  waitMs: number;
}

/** A run result for a request that ended outside the script, shaped like any other. */
export function failureRunResult(evaluator: Evaluator, error: RunError, ms = 0): RunResult {
  const result = emptyRunResult(evaluator, error);
  result.timings = { evalMs: ms, totalMs: ms };
  return result;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function watchdogMessage(job: EngineJob, waitedMs: number): string {
  if (job.type === "check") return `The check did not finish within ${waitedMs} ms; the sandbox was stopped and restarted.`;
  // A migration's worker serves that one request, so nothing is restarted for it.
  if (job.type === "migrate") return `${timeoutMessage(job.scriptLimitMs)} A builtin kept running past the limit in the legacy script or its rewrite, so the watchdog stopped the sandbox after ${waitedMs} ms.`;
  return `${timeoutMessage(job.scriptLimitMs)} A builtin kept running past the limit, so the watchdog stopped the sandbox after ${waitedMs} ms and restarted it.`;
}

function faultError(fault: WorkerFault): RunError {
  switch (fault.kind) {
    case "out-of-memory":
      return { kind: "memory", message: `Script stopped: it made the host use more than ${fault.limitMb} MB of memory.` };
    case "exited":
      return { kind: "runtime", message: `The run failed in the playground itself: its worker exited (code ${fault.code}).` };
    case "crashed":
      return { kind: "runtime", message: `The run failed in the playground itself: its worker stopped (${fault.detail}).` };
  }
}

function requestOf(id: number, job: EngineJob): EngineRequest {
  switch (job.type) {
    case "run":
    case "flow":
      return { type: job.type, id, script: job.script, scenario: job.scenario, ...(job.evaluator ? { evaluator: job.evaluator } : {}) };
    case "migrate":
      return { type: "migrate", id, script: job.script, scenario: job.scenario };
    case "check":
      return { type: "check", id, script: job.script, evaluator: job.evaluator, ...(job.target ? { target: job.target } : {}) };
  }
}

export class Supervisor {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private readonly size: number;
  private readonly policy: "fifo" | "newest";
  private readonly marginMs: number;
  private readonly coldStartMs: number;
  private readonly checkLimitMs: number;
  private readonly callHook: SupervisorOptions["callHook"];
  private closed = false;
  /** How many times a worker was replaced after a deadline or a crash (diagnostics, tests). */
  restarts = 0;

  constructor(
    private readonly createPort: () => WorkerPort,
    options: SupervisorOptions = {},
  ) {
    this.size = Math.max(1, Math.floor(options.workers ?? 1));
    this.policy = options.queue ?? "fifo";
    this.marginMs = options.marginMs ?? WATCHDOG_MARGIN_MS;
    this.coldStartMs = options.coldStartMs ?? COLD_START_MS;
    this.checkLimitMs = options.checkLimitMs ?? CHECK_LIMIT_MS;
    this.callHook = options.callHook;
  }

  /** How many workers are alive now (starting or started); never more than the size. */
  get workers(): number {
    return this.slots.length;
  }

  /** How long the watchdog lets this request run in a ready worker. */
  budgetMs(job: EngineJob): number {
    switch (job.type) {
      case "check":
        return this.checkLimitMs;
      case "run":
        return runBudgetMs(job.scriptLimitMs, 1, this.marginMs);
      case "flow":
        return runBudgetMs(job.scriptLimitMs, job.steps, this.marginMs);
      case "migrate":
        // The legacy script, its rewrite, and (with a session in the scenario) the legacy script again without it.
        return runBudgetMs(job.scriptLimitMs, 3, this.marginMs);
    }
  }

  /** Queues a request under `id` (the caller's, so it can compare ids with its own); settles exactly once. */
  submit(job: EngineJob, id: number): Promise<JobOutcome> {
    return new Promise((resolve) => {
      if (this.closed) return resolve({ status: "closed" });
      const entry: Job = { id, job, lane: job.type === "check" ? "check" : "run", budgetMs: this.budgetMs(job), settle: resolve };
      if (this.policy === "newest") {
        const older = this.waiting.findIndex((w) => w.lane === entry.lane);
        if (older >= 0) this.waiting.splice(older, 1)[0].settle({ status: "superseded" });
      }
      this.waiting.push(entry);
      this.pump();
    });
  }

  /** Stops every worker for good; requests not yet answered settle as closed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.settle({ status: "closed" });
    const stopping = this.slots.splice(0).map((slot) => {
      const job = slot.job;
      this.disarm(slot);
      slot.job = null;
      job?.settle({ status: "closed" });
      return this.stop(slot);
    });
    await Promise.all(stopping);
  }

  private next(): Job | undefined {
    if (this.policy === "newest") {
      const check = this.waiting.findIndex((w) => w.lane === "check");
      if (check >= 0) return this.waiting.splice(check, 1)[0];
    }
    return this.waiting.shift();
  }

  private pump(): void {
    while (!this.closed && this.waiting.length > 0) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : null);
      if (!slot) return;
      this.dispatch(slot, this.next() as Job);
    }
  }

  private spawn(): Slot {
    const port = this.createPort();
    const slot: Slot = { port, job: null, timer: null, waitMs: 0 };
    port.onmessage = (message) => this.onMessage(slot, message);
    port.onerror = (fault) => this.onFault(slot, fault);
    this.slots.push(slot);
    return slot;
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    // Until the worker says "started", the request is on its way (a multi-megabyte scenario being cloned, a
    // worker still loading the wasm): that gets the cold-start allowance on top, and "started" restarts the
    // clock at the request's own budget.
    this.arm(slot, job.budgetMs + this.coldStartMs);
    try {
      slot.port.postMessage(requestOf(job.id, job.job));
    } catch (e) {
      // The request could not be cloned (a function in it, say): this request fails, the worker stays.
      this.disarm(slot);
      slot.job = null;
      job.settle({ status: "failed", error: { kind: "runtime", message: `The scenario could not be handed to the sandbox: ${describe(e)}` }, ms: 0 });
    }
  }

  private arm(slot: Slot, waitMs: number): void {
    this.disarm(slot);
    slot.waitMs = waitMs;
    slot.timer = setTimeout(() => this.overdue(slot), waitMs);
  }

  private disarm(slot: Slot): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /**
   * The watchdog fired. When this thread was busy (reading and parsing the next case files, a long GC), the
   * timer and the worker's answer became due together and timers go first: so the kill waits one turn of the
   * event loop, in which an answer or a "started" already sent is taken, and only a worker still at it is
   * stopped.
   */
  private overdue(slot: Slot): void {
    const job = slot.job;
    slot.timer = setTimeout(() => {
      if (slot.job === job && this.slots.includes(slot)) this.overran(slot);
    }, 0);
  }

  private overran(slot: Slot): void {
    const job = slot.job;
    const waited = slot.waitMs;
    this.replace(slot);
    job?.settle({ status: "failed", error: { kind: "timeout", message: watchdogMessage(job.job, waited) }, ms: waited });
    this.pump();
  }

  private onMessage(slot: Slot, message: EngineReply): void {
    if (!this.slots.includes(slot)) return;
    // "ready" needs nothing: a request already handed over is begun (and "started") as soon as the sandbox is loaded.
    if (message.type === "ready") return;
    if (message.type === "started") {
      if (slot.job && slot.job.id === message.id) this.arm(slot, slot.job.budgetMs);
      return;
    }
    if (message.type === "hook-call") {
      void this.relayHookCall(slot, message.id, message.callId, message.request);
      return;
    }
    if (message.type === "fatal") {
      // A fresh worker would fail the same way: every request waiting fails now, the next one tries again.
      const failed = [slot.job, ...this.waiting.splice(0)];
      slot.job = null;
      this.retire(slot);
      const error: RunError = { kind: "runtime", message: `The sandbox could not start: ${message.message}` };
      for (const job of failed) job?.settle({ status: "failed", error, ms: 0 });
      return;
    }
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    this.disarm(slot);
    slot.job = null;
    const ms = message.ms ?? 0;
    if (message.type === "failed") job.settle({ status: "failed", error: { kind: "runtime", message: `The run failed in the playground itself: ${message.message}` }, ms });
    else job.settle({ status: "answered", answer: message, ms });
    this.pump();
  }

  /** Makes a worker's hook call and answers it, unless the worker or its request is gone by then. */
  private async relayHookCall(slot: Slot, id: number, callId: number, request: HookCallRequest): Promise<void> {
    let outcome: HookCallOutcome;
    if (!slot.job || slot.job.id !== id) outcome = { status: "refused", reason: "the request that made it has ended" };
    else if (!this.callHook) outcome = { status: "refused", reason: NO_HOOK_CALLER };
    else {
      try {
        outcome = await this.callHook(request);
      } catch (e) {
        outcome = { status: "failed", reason: describe(e) };
      }
    }
    // A worker that was replaced gets nothing; one that moved on gets the answer, which settles (and drops) the
    // call it still holds.
    if (!this.slots.includes(slot)) return;
    try {
      slot.port.postMessage({ type: "hook-answered", callId, outcome });
    } catch (e) {
      slot.port.postMessage({ type: "hook-answered", callId, outcome: { status: "failed", reason: `its answer could not be handed to the sandbox: ${describe(e)}` } });
    }
  }

  private onFault(slot: Slot, fault: WorkerFault): void {
    if (!this.slots.includes(slot)) return;
    const job = slot.job;
    this.replace(slot);
    job?.settle({ status: "failed", error: faultError(fault), ms: 0 });
    this.pump();
  }

  /** Ends a worker that overran or died; the next request gets a fresh one. */
  private replace(slot: Slot): void {
    this.restarts += 1;
    this.retire(slot);
  }

  private retire(slot: Slot): void {
    this.disarm(slot);
    slot.job = null;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    void this.stop(slot);
  }

  private async stop(slot: Slot): Promise<void> {
    slot.port.onmessage = null;
    slot.port.onerror = null;
    try {
      await slot.port.terminate();
    } catch {
      // A worker that is already gone has nothing left to stop.
    }
  }
}
