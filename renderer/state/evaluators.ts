/**
 * The evaluators the page offers: the catalog (contracts/catalog.ts: ids and labels, spelled once for the
 * schema, the CLI, the desktop shell and the page) joined with what the page shows of each (its panels, its
 * Logs hint: the engine's page contract, engine/products/page-contract.ts, where a new evaluator fails the
 * typecheck until they are written); its menu command is the catalog's too (contracts/commands.ts). The
 * toolbar's select, the menu/shortcut commands, the Migrate button's rule and the panels all read this list.
 */
import { EVALUATORS as CATALOG, evaluatorPageFacts, type Evaluator, type EvaluatorPageFacts } from "../../engine/api";
import { evaluatorCommandId, type EvaluatorCommandId } from "../../contracts/commands";

export interface EvaluatorChoice extends EvaluatorPageFacts {
  id: Evaluator;
  /** What the toolbar's select shows. */
  label: string;
  /** The menu / shortcut command that switches to it. */
  command: EvaluatorCommandId;
}

export const LEGACY = "legacy" satisfies Evaluator;
export const NEXT_GEN = "next-gen" satisfies Evaluator;

export const EVALUATORS: readonly EvaluatorChoice[] = CATALOG.map((info) => ({
  id: info.id,
  label: info.label,
  command: evaluatorCommandId(info.id),
  ...evaluatorPageFacts(info.id),
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
