/**
 * The one list of user commands. The Electron menu is built from it, and the renderer's toolbar and
 * keyboard shortcuts read the same entries, so a label or accelerator is changed in one place only.
 *
 * Pure data plus pure helpers, importing only the catalog (./catalog.ts, no imports of its own): safe for main,
 * preload, renderer and the browser build.
 *
 * `target` says who carries a command out:
 * - "renderer": the menu sends `{ id }` to the focused window (`playground.onMenuCommand`), and the
 *   renderer runs the same action as its toolbar button;
 * - "main": the main process handles it itself (new window, about box, documentation link);
 * - "role": a native Electron role (clipboard, zoom, …); the renderer leaves these to the platform.
 * `group` splits a menu into separator-delimited sections.
 */
import { EVALUATORS, type EvaluatorId } from "./catalog";

export type MenuName = "file" | "edit" | "view" | "run" | "help";

export type CommandTarget = "renderer" | "main" | "role";

export interface CommandSpec {
  readonly id: string;
  readonly menu: MenuName;
  readonly group: number;
  readonly label: string;
  readonly accelerator?: string;
  readonly target: CommandTarget;
  /** Electron menu role, only for target "role". */
  readonly role?: string;
  /** Shown only in development builds (DevTools, reload). */
  readonly devOnly?: boolean;
}

export const MENU_ORDER: readonly MenuName[] = ["file", "edit", "view", "run", "help"];

export const MENU_LABELS: Readonly<Record<MenuName, string>> = {
  file: "&File",
  edit: "&Edit",
  view: "&View",
  run: "&Run",
  help: "&Help",
};

/** The id of the menu / shortcut command that switches to an evaluator. */
export type EvaluatorCommandId = `run.evaluator.${EvaluatorId}`;

export function evaluatorCommandId<T extends EvaluatorId>(evaluator: T): `run.evaluator.${T}` {
  return `run.evaluator.${evaluator}`;
}

// One per evaluator of the catalog, in its order: a new evaluator gets its menu entry and its Ctrl+Alt+<n>.
const EVALUATOR_COMMANDS = EVALUATORS.map(
  (evaluator, i) =>
    ({
      id: evaluatorCommandId(evaluator.id),
      menu: "run",
      group: 1,
      label: `${evaluator.menuLabel} (${evaluator.evaluatorVersion})`,
      accelerator: `CmdOrCtrl+Alt+${i + 1}`,
      target: "renderer",
    }) as const,
);

export const COMMANDS = [
  { id: "file.newWindow", menu: "file", group: 0, label: "New Window", accelerator: "CmdOrCtrl+Shift+N", target: "main" },
  { id: "file.open", menu: "file", group: 1, label: "Open…", accelerator: "CmdOrCtrl+O", target: "renderer" },
  { id: "file.openRecent", menu: "file", group: 1, label: "Open Recent", target: "renderer" },
  { id: "file.importExport", menu: "file", group: 1, label: "Import AM / Frodo Export…", target: "renderer" },
  { id: "file.importEvidence", menu: "file", group: 1, label: "Import Evidence…", target: "renderer" },
  { id: "file.save", menu: "file", group: 2, label: "Save", accelerator: "CmdOrCtrl+S", target: "renderer" },
  { id: "file.saveAs", menu: "file", group: 2, label: "Save As…", accelerator: "CmdOrCtrl+Shift+S", target: "renderer" },
  { id: "file.closeWindow", menu: "file", group: 3, label: "Close Window", accelerator: "CmdOrCtrl+W", target: "role", role: "close" },

  { id: "edit.undo", menu: "edit", group: 0, label: "Undo", accelerator: "CmdOrCtrl+Z", target: "role", role: "undo" },
  { id: "edit.redo", menu: "edit", group: 0, label: "Redo", accelerator: "CmdOrCtrl+Shift+Z", target: "role", role: "redo" },
  { id: "edit.cut", menu: "edit", group: 1, label: "Cut", accelerator: "CmdOrCtrl+X", target: "role", role: "cut" },
  { id: "edit.copy", menu: "edit", group: 1, label: "Copy", accelerator: "CmdOrCtrl+C", target: "role", role: "copy" },
  { id: "edit.paste", menu: "edit", group: 1, label: "Paste", accelerator: "CmdOrCtrl+V", target: "role", role: "paste" },
  { id: "edit.selectAll", menu: "edit", group: 1, label: "Select All", accelerator: "CmdOrCtrl+A", target: "role", role: "selectAll" },

  { id: "view.resetZoom", menu: "view", group: 0, label: "Actual Size", accelerator: "CmdOrCtrl+0", target: "role", role: "resetZoom" },
  { id: "view.zoomIn", menu: "view", group: 0, label: "Zoom In", accelerator: "CmdOrCtrl+=", target: "role", role: "zoomIn" },
  { id: "view.zoomOut", menu: "view", group: 0, label: "Zoom Out", accelerator: "CmdOrCtrl+-", target: "role", role: "zoomOut" },
  { id: "view.toggleFullScreen", menu: "view", group: 1, label: "Toggle Full Screen", accelerator: "F11", target: "role", role: "togglefullscreen" },
  { id: "view.reload", menu: "view", group: 2, label: "Reload", accelerator: "CmdOrCtrl+R", target: "role", role: "reload", devOnly: true },
  { id: "view.toggleDevTools", menu: "view", group: 2, label: "Toggle Developer Tools", accelerator: "CmdOrCtrl+Alt+I", target: "role", role: "toggleDevTools", devOnly: true },

  { id: "run.run", menu: "run", group: 0, label: "Run", accelerator: "CmdOrCtrl+Enter", target: "renderer" },
  { id: "run.toggleRunAsYouType", menu: "run", group: 0, label: "Run As You Type", target: "renderer" },
  ...EVALUATOR_COMMANDS,
  { id: "run.migrate", menu: "run", group: 2, label: "Migrate to Next-Generation…", accelerator: "CmdOrCtrl+Alt+M", target: "renderer" },

  { id: "help.documentation", menu: "help", group: 0, label: "Access Token Modification Docs", target: "main" },
  { id: "help.about", menu: "help", group: 1, label: "About Token Script Playground", target: "main" },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]["id"];

/** Commands the renderer must carry out when the menu (or its own toolbar/shortcut) fires them. */
export type RendererCommandId = Extract<(typeof COMMANDS)[number], { target: "renderer" }>["id"];

/** Where "Access Token Modification Docs" points; opened with the same https check as every link. */
export const DOCUMENTATION_URL = "https://docs.pingidentity.com/pingoneaic/am-oauth2/plugins-access-token-modifier.html";

/** The parts of a KeyboardEvent an accelerator is compared against. */
export interface KeyChord {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * True when a keydown matches an Electron accelerator string such as "CmdOrCtrl+Shift+S".
 * For the browser build's shortcuts; inside Electron the menu already owns these keys.
 */
export function acceleratorMatches(accelerator: string, chord: KeyChord, isMac: boolean): boolean {
  const parts = accelerator.split("+");
  const keyPart = parts.pop() ?? "";
  let wantCtrl = false;
  let wantMeta = false;
  let wantShift = false;
  let wantAlt = false;
  for (const modifier of parts) {
    switch (modifier) {
      case "CmdOrCtrl":
      case "CommandOrControl":
        if (isMac) wantMeta = true;
        else wantCtrl = true;
        break;
      case "Ctrl":
      case "Control":
        wantCtrl = true;
        break;
      case "Cmd":
      case "Command":
      case "Super":
      case "Meta":
        wantMeta = true;
        break;
      case "Shift":
        wantShift = true;
        break;
      case "Alt":
      case "Option":
        wantAlt = true;
        break;
      default:
        return false;
    }
  }
  if (chord.ctrlKey !== wantCtrl || chord.metaKey !== wantMeta || chord.altKey !== wantAlt) return false;
  if (chord.shiftKey !== wantShift) return false;
  return normaliseKey(chord.key) === normaliseKey(keyPart);
}

function normaliseKey(key: string): string {
  const lower = key.toLowerCase();
  if (lower === "return") return "enter";
  if (lower === "plus") return "+";
  return lower;
}
