/**
 * The one message protocol between a supervisor (cli/runner.ts, renderer/engine-client/) and an engine worker
 * (cli/worker.ts, renderer/worker/engine.worker.ts). It lives in engine/ rather than contracts/ because its
 * replies carry the engine's own types (RunResult, FlowResult, MigrationReport) and contracts/ imports none of
 * the layers; engine/ stays platform-free (no node:, no DOM), so both the Node and the browser side import it.
 * Types only: nothing here runs a script, so the page may import it without the run machinery.
 */
import type { Evaluator } from "../scenario/schema";
import type { RunError, RunResult, RunWarning } from "../result";
import type { FlowResult } from "../run-types";
import type { MigrationReport } from "../migrate/compare";
import type { CheckTarget } from "../check";
import type { HookHttpRequest } from "../products/onewelcome/request";
import type { HookHttpResponse } from "../products/onewelcome/answer";

/** What a check (syntax + lint, no run) answers; the same shape as engine/check.ts's CheckResult. */
export interface CheckOutcome {
  ok: boolean;
  error: RunError | null;
  warnings: RunWarning[];
}

/** One request to the worker; the worker answers each with exactly one reply of the same id. */
export type EngineRequest =
  | { type: "run"; id: number; script: string; scenario: unknown; evaluator?: Evaluator }
  /** A grant's whole life: the script runs once per step of the scenario's `flow`. */
  | { type: "flow"; id: number; script: string; scenario: unknown; evaluator?: Evaluator }
  /** target: the scenario's product (and what it says of the script), whose rules the check applies. */
  | { type: "check"; id: number; script: string; evaluator: Evaluator; target?: CheckTarget }
  /** The legacy script rewritten for next-gen and both run on the scenario (migrateAndCompare). */
  | { type: "migrate"; id: number; script: string; scenario: unknown };

/**
 * What the worker sends. `ms` is how long the request itself took inside the worker (no start-up, no queueing),
 * when the worker measured it.
 */
export type EngineReply =
  /** The sandbox is loaded (and warmed up when asked): from now on a request's time is its own. */
  | { type: "ready" }
  /** The sandbox could not be loaded: this worker will answer nothing. */
  | { type: "fatal"; message: string }
  /**
   * The worker has the request and begins it: the script's clock starts here, not when the request was sent,
   * so the time a large scenario takes to reach the worker (or the supervisor's own thread being busy) is
   * never blamed on the script.
   */
  | { type: "started"; id: number }
  | { type: "result"; id: number; result: RunResult; ms?: number }
  | { type: "flowed"; id: number; flow: FlowResult; ms?: number }
  | { type: "checked"; id: number; outcome: CheckOutcome; ms?: number }
  | { type: "migrated"; id: number; report: MigrationReport; ms?: number }
  /** The engine itself threw (a bug, or an input it did not expect, or a reply that could not be carried back). */
  | { type: "failed"; id: number; message: string; ms?: number }
  /**
   * Request `id` needs the host to call a hook service (OneWelcome's `hookUrl`): the worker has no network
   * of its own, so the host (the CLI's main thread, the app's page and main process) makes the call, under its
   * own rules (loopback only, asked first), and answers with a `hook-answered` of the same `callId`.
   */
  | { type: "hook-call"; id: number; callId: number; request: HookCallRequest };

export type HookCallRequest = HookHttpRequest & { timeoutMs: number };

/** What the host's call came to (the shape of contracts/hook-call.ts, which the engine may not import). */
export type HookCallOutcome =
  | { status: "answered"; response: HookHttpResponse }
  /** Nothing was sent (not on this machine, not allowed by the user, no way to call in this host). */
  | { status: "refused"; reason: string }
  /** Sent, and no usable HTTP answer came back. */
  | { status: "failed"; reason: string };

/** The host's answer to a worker's `hook-call`: not a request, so nothing replies to it. */
export type HostAnswer = { type: "hook-answered"; callId: number; outcome: HookCallOutcome };

/** Everything a host sends its worker. */
export type ToWorker = EngineRequest | HostAnswer;

/** The replies that answer a request (everything but the worker's own start-up news and its calls out). */
export type EngineAnswer = Exclude<Extract<EngineReply, { id: number }>, { type: "started" } | { type: "hook-call" }>;
