/**
 * One action per renderer command (Excalidraw-style): each performs its own work on the page's store and
 * host (documents.ts holds the work several share). The Electron menu (`onMenuCommand`), the browser's
 * keyboard shortcuts and the toolbar buttons all call `perform`, so a command does the same thing whichever
 * way the user reached it. Labels and accelerators come from the shared command list (contracts/commands.ts),
 * so the menu, tooltips and shortcuts cannot drift apart. Unit-tested in test/renderer/actions.test.ts.
 */
import { COMMANDS, acceleratorMatches, type EvaluatorCommandId, type KeyChord, type RendererCommandId } from "../../contracts/commands";
import type { ActionContext } from "./context";
import { EVALUATORS } from "../state/evaluators";
import * as documents from "./documents";

export interface Action {
  id: RendererCommandId;
  label: string;
  accelerator?: string;
  /** `path`: the recent file a menu's Open Recent entry names. */
  perform(ctx: ActionContext, path?: string): void;
}

// One switch per evaluator of the catalog. EVALUATORS holds every catalog evaluator with its command (its
// Record over the catalog's ids makes the typecheck ask for each), so the cast only restates that.
const EVALUATOR_ACTIONS = Object.fromEntries(
  EVALUATORS.map((choice): [EvaluatorCommandId, Action["perform"]] => [choice.command, (ctx) => documents.switchEvaluator(ctx, choice.id)]),
) as Record<EvaluatorCommandId, Action["perform"]>;

const PERFORM: Record<RendererCommandId, Action["perform"]> = {
  ...EVALUATOR_ACTIONS,
  "file.open": (ctx) =>
    void ctx.platform
      .openFiles([".js", ".json"])
      // A script and a scenario picked together load side by side; otherwise the last of a kind wins.
      .then((files) => documents.loadFiles(ctx, files))
      .catch(documents.reportFailure(ctx, "Open")),
  "file.openRecent": (ctx, path) => void documents.openRecent(ctx, path).catch(documents.reportFailure(ctx, "Open recent")),
  "file.importExport": (ctx) =>
    void ctx.platform
      .pickExportFile()
      .then((file) => (file ? documents.importFile(ctx, file) : undefined))
      .catch(documents.reportFailure(ctx, "Import")),
  "file.importEvidence": (ctx) =>
    void ctx.platform
      .openFiles([".json", ".jwt", ".har", ".txt"])
      .then((files) => (files.length ? documents.loadEvidence(ctx, files) : undefined))
      .catch(documents.reportFailure(ctx, "Import evidence")),
  "file.save": (ctx) => void documents.save(ctx).catch(documents.reportFailure(ctx, "Save")),
  "file.saveAs": (ctx) => void documents.saveAs(ctx).catch(documents.reportFailure(ctx, "Save as")),
  "run.run": (ctx) => ctx.runs.request(),
  "run.toggleRunAsYouType": (ctx) => documents.toggleRunAsYouType(ctx),
  "run.migrate": (ctx) => documents.migrate(ctx),
};

export const ACTIONS: ReadonlyMap<RendererCommandId, Action> = new Map(
  COMMANDS.filter((c): c is Extract<(typeof COMMANDS)[number], { target: "renderer" }> => c.target === "renderer").map((c) => [
    c.id,
    { id: c.id, label: c.label, ...("accelerator" in c ? { accelerator: c.accelerator } : {}), perform: PERFORM[c.id] },
  ]),
);

export function action(id: RendererCommandId): Action {
  const found = ACTIONS.get(id);
  if (!found) throw new Error(`unknown renderer command ${id}`);
  return found;
}

/** The action whose accelerator a keydown matches, or null. */
export function actionForKey(chord: KeyChord, isMac: boolean): Action | null {
  for (const candidate of ACTIONS.values()) {
    if (candidate.accelerator && acceleratorMatches(candidate.accelerator, chord, isMac)) return candidate;
  }
  return null;
}

/** "CmdOrCtrl+Shift+S" → "Ctrl+Shift+S" (or "⌘⇧S"-style "Cmd+Shift+S" on a Mac), for tooltips. */
export function shortcutText(accelerator: string | undefined, isMac: boolean): string {
  if (!accelerator) return "";
  return accelerator.replace(/CmdOrCtrl|CommandOrControl/g, isMac ? "Cmd" : "Ctrl");
}

/** A tooltip: the command's label plus its shortcut. */
export function actionTitle(id: RendererCommandId, isMac: boolean): string {
  const found = action(id);
  const keys = shortcutText(found.accelerator, isMac);
  return keys ? `${found.label.replace(/…$/, "")} (${keys})` : found.label;
}

export function isMacPlatform(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
}
