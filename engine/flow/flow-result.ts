// What a flow run answers and takes, apart from runFlow() itself: the other products' flow runners (IBM) return
// the same shapes, and runFlow() calls them.
import type { RunOptions } from "../run-options";
import type { Scenario } from "../scenario/schema";
import type { RunResult, RunWarning } from "../result";
import type { FlowStep, TokenReference } from "./schema";
import type { FlowNote } from "./evidence";

export interface FlowStepResult {
  request: FlowStep["request"];
  grantType?: string;
  token?: TokenReference;
  /** When the request was made (the scenario's clock plus every `after` so far). */
  at: string;
  /** The HTTP status AM answers with. */
  status: number;
  /** The JSON the client receives: token response, authorization response, introspection or error. */
  body: Record<string, unknown>;
  /** JSON Pointers into `body` of numbers AM holds as java.lang.Double (printed as 42.0). */
  bodyDoubles: string[];
  /** The script's run at this step; null when the script did not run. */
  run: RunResult | null;
  /** Token fields added, changed or removed since the previous issuance of this flow. */
  changes?: { added: string[]; changed: string[]; removed: string[] };
  /** The facts this answer rests on, marked documented / observed / inferred. */
  notes: FlowNote[];
  warnings: RunWarning[];
}

/** Runs the script for one issuance; the CLI hands in its supervised worker pool, tests and the app's worker use run(). */
export type StepExecutor = (script: string, scenario: Scenario, options: RunOptions) => Promise<RunResult>;

export interface FlowOptions extends RunOptions {
  execute?: StepExecutor;
}

export interface FlowResult {
  /** False when any step's script failed. */
  ok: boolean;
  steps: FlowStepResult[];
  /** The IDM's objects after the last step, when a script created, updated, patched or deleted one during the flow. */
  openidm?: Record<string, Record<string, unknown>>;
}
