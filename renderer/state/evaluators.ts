/**
 * The evaluators the page offers: the catalog (contracts/catalog.ts: ids and labels, spelled once for the
 * schema, the CLI, the desktop shell and the page) joined with what only the page needs of each (its panels,
 * its Logs hint); its menu command is the catalog's too (contracts/commands.ts). The toolbar's select, the menu/shortcut commands, the Migrate button's rule and
 * the panels all read this list; a new evaluator in the catalog fails the typecheck here until its page
 * facts are written.
 */
import { EVALUATORS as CATALOG, type Evaluator } from "../../engine/api";
import { evaluatorCommandId, type EvaluatorCommandId } from "../../contracts/commands";
export interface EvaluatorChoice {
  id: Evaluator;
  /** What the toolbar's select shows. */
  label: string;
  /** The menu / shortcut command that switches to it. */
  command: EvaluatorCommandId;
  /** Whether scripts for it can call `openidm` (the IDM panel shows only then). */
  hasOpenIdm: boolean;
  /** Whether "Migrate to next-gen" applies to its scripts. */
  migratable: boolean;
  /** The Logs panel's hint when a run logged nothing: the logger methods its scripts have. */
  emptyLogsHint: string;
}

export const LEGACY = "legacy" satisfies Evaluator;
export const NEXT_GEN = "next-gen" satisfies Evaluator;

const PAGE_FACTS: Record<Evaluator, Omit<EvaluatorChoice, "id" | "label" | "command">> = {
  legacy: {
    hasOpenIdm: false,
    migratable: true,
    emptyLogsHint: "Nothing logged. Use logger.message(…), logger.warning(…) or logger.error(…) in the script.",
  },
  "next-gen": {
    hasOpenIdm: true,
    migratable: false,
    emptyLogsHint:
      "Nothing logged. Use logger.info(…), logger.warn(…), logger.error(…) or logger.debug(…) in the script ({} takes the next argument).",
  },
};

export const EVALUATORS: readonly EvaluatorChoice[] = CATALOG.map((info) => ({
  id: info.id,
  label: info.label,
  command: evaluatorCommandId(info.id),
  ...PAGE_FACTS[info.id],
}));

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
