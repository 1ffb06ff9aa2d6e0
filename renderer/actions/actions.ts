/**
 * One implementation per renderer command (Excalidraw-style action modules). The Electron menu
 * (`onMenuCommand`), the browser's keyboard shortcuts and the toolbar buttons all call `perform`, so a
 * command does the same thing whichever way the user reached it. Labels and accelerators come from the
 * shared command list (`electron/commands.ts`), so the menu, tooltips and shortcuts cannot drift apart.
 */
import { COMMANDS, acceleratorMatches, type KeyChord, type RendererCommandId } from "../../contracts/commands";
import type { Evaluator } from "../engine-client/engineApi";

/** What the page offers the actions; App implements it. */
export interface ActionHost {
  run(): void;
  toggleRunAsYouType(): void;
  setEvaluator(evaluator: Evaluator): void;
  open(): void;
  openRecent(path: string | undefined): void;
  importExport(): void;
  importEvidence(): void;
  migrate(): void;
  save(): void;
  saveAs(): void;
}

export interface Action {
  id: RendererCommandId;
  label: string;
  accelerator?: string;
  perform(host: ActionHost, path?: string): void;
}

const PERFORM: Record<RendererCommandId, Action["perform"]> = {
  "file.open": (host) => host.open(),
  "file.openRecent": (host, path) => host.openRecent(path),
  "file.importExport": (host) => host.importExport(),
  "file.importEvidence": (host) => host.importEvidence(),
  "file.save": (host) => host.save(),
  "file.saveAs": (host) => host.saveAs(),
  "run.run": (host) => host.run(),
  "run.toggleRunAsYouType": (host) => host.toggleRunAsYouType(),
  "run.evaluatorLegacy": (host) => host.setEvaluator("legacy"),
  "run.evaluatorNextGen": (host) => host.setEvaluator("next-gen"),
  "run.migrate": (host) => host.migrate(),
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
