/** Messages between the page and the engine worker (renderer/worker/engine.worker.ts). */
import type { RunError, RunResult, RunWarning } from "../../engine/result";
import type { Evaluator } from "../../engine/scenario/schema";
import type { MigrationReport } from "../../engine/migrate/compare";
import type { CheckTarget } from "../../engine/check";

export interface CheckOutcome {
  ok: boolean;
  error: RunError | null;
  warnings: RunWarning[];
}

export type ToWorker =
  | { type: "run"; id: number; script: string; scenario: unknown; evaluator: Evaluator }
  /** target: the scenario's product (and what it says of the script), whose rules the check applies. */
  | { type: "check"; id: number; script: string; evaluator: Evaluator; target?: CheckTarget }
  /** The legacy script rewritten and both run on the scenario (migrateAndCompare). */
  | { type: "migrate"; id: number; script: string; scenario: unknown };

export type FromWorker =
  | { type: "ready" }
  | { type: "result"; id: number; result: RunResult }
  | { type: "checked"; id: number; outcome: CheckOutcome }
  | { type: "migrated"; id: number; report: MigrationReport }
  /** The engine itself threw (a bug or a bad input it did not expect); the run has no result. */
  | { type: "failed"; id: number; message: string };
