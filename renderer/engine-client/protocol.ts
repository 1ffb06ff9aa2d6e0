/** Messages between the page and the engine worker (renderer/worker/engine.worker.ts). */
import type { RunError, RunResult, RunWarning } from "../../engine/result";
import type { Evaluator } from "../../engine/scenario/schema";

export interface CheckOutcome {
  ok: boolean;
  error: RunError | null;
  warnings: RunWarning[];
}

export type ToWorker =
  | { type: "run"; id: number; script: string; scenario: unknown; evaluator: Evaluator }
  | { type: "check"; id: number; script: string; evaluator: Evaluator };

export type FromWorker =
  | { type: "ready" }
  | { type: "result"; id: number; result: RunResult }
  | { type: "checked"; id: number; outcome: CheckOutcome }
  /** The engine itself threw (a bug or a bad input it did not expect); the run has no result. */
  | { type: "failed"; id: number; message: string };
