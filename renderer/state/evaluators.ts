/**
 * The evaluators the page offers, each spelled once: the toolbar's select, the menu/shortcut commands, the
 * Migrate button's rule and the panels the evaluator has all read this list. (It moves to the engine's
 * evaluator registry once there is one; then this module only re-exports it.)
 */
import type { Evaluator } from "../../engine/api";
import type { RendererCommandId } from "../../contracts/commands";

export interface EvaluatorChoice {
  id: Evaluator;
  /** What the toolbar's select shows. */
  label: string;
  /** The menu / shortcut command that switches to it. */
  command: RendererCommandId;
  /** Whether scripts for it can call `openidm` (the IDM panel shows only then). */
  hasOpenIdm: boolean;
  /** Whether "Migrate to next-gen" applies to its scripts. */
  migratable: boolean;
  /** The Logs panel's hint when a run logged nothing: the logger methods its scripts have. */
  emptyLogsHint: string;
}

export const LEGACY = "legacy" satisfies Evaluator;
export const NEXT_GEN = "next-gen" satisfies Evaluator;

export const EVALUATORS: readonly EvaluatorChoice[] = [
  {
    id: LEGACY,
    label: "Legacy (1.0)",
    command: "run.evaluatorLegacy",
    hasOpenIdm: false,
    migratable: true,
    emptyLogsHint: "Nothing logged. Use logger.message(…), logger.warning(…) or logger.error(…) in the script.",
  },
  {
    id: NEXT_GEN,
    label: "Next-gen (2.0)",
    command: "run.evaluatorNextGen",
    hasOpenIdm: true,
    migratable: false,
    emptyLogsHint:
      "Nothing logged. Use logger.info(…), logger.warn(…), logger.error(…) or logger.debug(…) in the script ({} takes the next argument).",
  },
];

/** What "Migrate to next-gen" rewrites a legacy script for. */
export const MIGRATION_TARGET: Evaluator = NEXT_GEN;

export function isEvaluator(value: unknown): value is Evaluator {
  return EVALUATORS.some((e) => e.id === value);
}

export function evaluatorChoice(id: Evaluator): EvaluatorChoice {
  const found = EVALUATORS.find((e) => e.id === id);
  if (!found) throw new Error(`unknown evaluator ${id}`);
  return found;
}
