/**
 * The page's side of the one run supervisor (engine/supervisor/): one Web Worker as its port, and the
 * "newest" queue — one request runs at a time; while one runs, only the newest waiting run and the newest
 * waiting check are kept, older ones are answered as superseded, so a burst of edits costs one run. The
 * supervisor's watchdog terminates and recreates the worker when a request overruns its time limit plus the
 * margin, and the run is answered with a `timeout` error: the page never hangs.
 */
import { failureRunResult, Supervisor, type CheckTarget, type Evaluator, type JobOutcome, type RunResult, type WorkerPort } from "../../engine/api";
import type { CheckOutcome, FromWorker, HookCallOutcome, HookCallRequest, ToWorker } from "./protocol";
import { flowRunResult, flowStepCount, hasFlow } from "../state/flowResult";

/** What the page needs of a Web Worker (tests hand in doubles). */
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
  /** The scenario's script time limit; the watchdog allows this (per flow step) plus its margin. */
  timeoutMs: number;
}

export type RunAnswer = { id: number; superseded: false; result: RunResult } | { id: number; superseded: true };
export type CheckAnswer = { id: number; superseded: false; outcome: CheckOutcome } | { id: number; superseded: true };

export interface EngineClientOptions {
  /** Extra time past the script's own limit before the worker is killed (engine WATCHDOG_MARGIN_MS by default). */
  watchdogMarginMs?: number;
  /** Extra time for a request to a fresh worker that is still loading the wasm (COLD_START_MS by default). */
  coldStartMs?: number;
  /** Time limit for a check (syntax + lint). */
  checkLimitMs?: number;
  /** Ids come from here so the page can compare them with its own (LatestOnly). */
  nextId?: () => number;
  /** Makes a run's hook call (OneWelcome's hookUrl): the page's, which asks the user before a new address. */
  callHook?: (request: HookCallRequest) => Promise<HookCallOutcome>;
}

/** A Web Worker (or a double of one) as the supervisor's port. */
export function webWorkerPort(worker: WorkerLike): WorkerPort {
  const port: WorkerPort = {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    onmessage: null,
    onerror: null,
  };
  worker.onmessage = (event) => port.onmessage?.(event.data);
  worker.onerror = (event) => {
    // Handled here: the supervisor answers the run, so the browser need not report it as uncaught.
    event.preventDefault?.();
    port.onerror?.({ kind: "crashed", detail: event.message || "it could not be loaded" });
  };
  return port;
}

export class EngineClient {
  private readonly supervisor: Supervisor;
  private counter = 0;
  private checkCounter = 0;
  private readonly nextId: () => number;

  constructor(createWorker: () => WorkerLike, options: EngineClientOptions = {}) {
    this.supervisor = new Supervisor(() => webWorkerPort(createWorker()), {
      workers: 1,
      queue: "newest",
      ...(options.watchdogMarginMs !== undefined ? { marginMs: options.watchdogMarginMs } : {}),
      ...(options.coldStartMs !== undefined ? { coldStartMs: options.coldStartMs } : {}),
      ...(options.checkLimitMs !== undefined ? { checkLimitMs: options.checkLimitMs } : {}),
      ...(options.callHook ? { callHook: options.callHook } : {}),
    });
    this.nextId = options.nextId ?? (() => ++this.counter);
  }

  /** How many times the watchdog (or a crash) replaced the worker (shown in diagnostics, asserted in tests). */
  get restarts(): number {
    return this.supervisor.restarts;
  }

  /** A scenario with a `flow` is a grant's whole life: the worker runs every step, the page shows it as one result. */
  async run(request: RunRequest, id = this.nextId()): Promise<RunAnswer> {
    const { script, scenario, evaluator, timeoutMs } = request;
    const flow = hasFlow(scenario);
    const outcome = await this.supervisor.submit(
      flow
        ? { type: "flow", script, scenario, evaluator, scriptLimitMs: timeoutMs, steps: flowStepCount(scenario) }
        : { type: "run", script, scenario, evaluator, scriptLimitMs: timeoutMs },
      id,
    );
    const result = resultOf(outcome, evaluator);
    return result ? { id, superseded: false, result } : { id, superseded: true };
  }

  /** Checks count down from -1 so they never use up (or collide with) the page's run ids. */
  async check(script: string, evaluator: Evaluator, target: CheckTarget = {}, id = --this.checkCounter): Promise<CheckAnswer> {
    const outcome = await this.supervisor.submit({ type: "check", script, evaluator, target }, id);
    // A check that failed or overran has nothing to show: the squiggles stay as they were.
    if (outcome.status === "answered" && outcome.answer.type === "checked") return { id, superseded: false, outcome: outcome.answer.outcome };
    return { id, superseded: true };
  }

  /** Stops the worker for good (page unload, tests). */
  dispose(): void {
    void this.supervisor.close();
  }
}

/** The run result the page shows for a run's outcome; null when there is none (superseded, closed). */
function resultOf(outcome: JobOutcome, evaluator: Evaluator): RunResult | null {
  switch (outcome.status) {
    case "answered":
      if (outcome.answer.type === "result") return outcome.answer.result;
      if (outcome.answer.type === "flowed") return flowRunResult(outcome.answer.flow, evaluator);
      return failureRunResult(evaluator, { kind: "runtime", message: `The run failed in the playground itself: the worker answered "${outcome.answer.type}"` });
    case "failed":
      return failureRunResult(evaluator, outcome.error, outcome.ms);
    default:
      return null;
  }
}
