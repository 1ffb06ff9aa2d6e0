/**
 * The pieces an AM evaluator hands the shared AM pipeline (check → prepare → execute → project): its bindings,
 * its own error wording, and optionally its own projection of the outputs and its own lint profile. Its label,
 * lint and declarations follow from its id (evaluator.ts).
 */
import type { RunError, RunResult, RunWarning } from "../../result";
import type { Scenario } from "../../scenario/schema";
import type { EvaluatorId } from "../../../contracts/catalog";
import type { RunContext } from "../../evaluators/context";
import type { TokenState } from "../../token/state";
import type { GuestErrorInfo, SandboxOutcome } from "../../sandbox/sandbox";
import type { ProductRunContext } from "../../run-types";
import type { AmLintProfile } from "./lint";

/** One run's bindings, whatever the evaluator: what the sandbox binds and what the pipeline calls around it. */
export interface AmBindings {
  globals: Record<string, unknown>;
  /** The script ended without an error: commit what it left pending (identity.store()). */
  finish(): void;
  /** The run failed (or a caught error was reworded): add warnings that explain a failure the docs leave open. */
  explainFailure?(error: RunError): void;
  /** The evaluator's host world while the sandbox evaluates (the legacy Java world's budgets). */
  enter?(): void;
  leave?(): void;
}

/** What the prepare stage builds for one run. */
export interface PreparedRun {
  scenario: Scenario;
  state: TokenState;
  /** The token's fields before the script ran. */
  before: Record<string, unknown>;
  ctx: RunContext;
  bindings: AmBindings;
}

/** What the projection receives: everything the run produced. */
export interface ExecutedRun extends PreparedRun {
  script: string;
  outcome: SandboxOutcome;
  evaluator: EvaluatorId;
  lint: (script: string) => RunWarning[];
  context: ProductRunContext;
}

/** Turns a finished run into the result the panels show (AM: token, JWT, token response, introspection). */
export type AmProjection = (run: ExecutedRun) => Promise<RunResult>;

export interface AmEvaluatorSpec {
  evaluator: EvaluatorId;
  bindings: (ctx: RunContext) => AmBindings;
  /** The evaluator's own wording of an uncaught guest error, tried before Rhino's (null: Rhino's). */
  describeError?: (info: GuestErrorInfo) => RunError | null;
  /** Replaces the AM projection (default: project.ts). */
  project?: AmProjection;
  /** Replaces the lint profile of its id (default: lint-profiles.ts); AM's shared lint runs under it either way. */
  lint?: AmLintProfile;
}
