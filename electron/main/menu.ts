/**
 * The application menu, built from the shared command list (contracts/commands.ts) so menu labels and
 * accelerators cannot drift from the renderer's toolbar and shortcuts.
 */
import type { RecentFile } from "../../contracts/api";
import { COMMANDS, MENU_LABELS, MENU_ORDER, type CommandId, type CommandSpec } from "../../contracts/commands";

/** The subset of Electron's MenuItemConstructorOptions produced here. */
export interface MenuItemTemplate {
  id?: string;
  label?: string;
  role?: string;
  type?: "separator" | "submenu" | "normal" | "checkbox";
  checked?: boolean;
  accelerator?: string;
  enabled?: boolean;
  submenu?: MenuItemTemplate[];
  click?: () => void;
}

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  isDevelopment: boolean;
  recentFiles: readonly RecentFile[];
  /** The stored setting; the "Run As You Type" item is a checkbox showing it. */
  runAsYouType: boolean;
  /** Runs a command: main-target ones in main, renderer-target ones in the focused window. */
  dispatch(id: CommandId, path?: string): void;
  commands?: readonly CommandSpec[];
}

export function buildMenuTemplate(options: MenuOptions): MenuItemTemplate[] {
  const all: readonly CommandSpec[] = options.commands ?? COMMANDS;
  const commands = all.filter((command) => options.isDevelopment || !command.devOnly);
  const menus: MenuItemTemplate[] = [];
  if (options.isMac) {
    // macOS expects the application menu first (About, Hide, Quit live there by convention).
    menus.push({ label: options.appName, role: "appMenu" });
  }
  for (const menu of MENU_ORDER) {
    const items: MenuItemTemplate[] = [];
    let lastGroup: number | null = null;
    for (const command of commands.filter((c) => c.menu === menu)) {
      if (lastGroup !== null && command.group !== lastGroup) items.push({ type: "separator" });
      lastGroup = command.group;
      items.push(menuItemFor(command, options));
    }
    if (menu === "file" && !options.isMac) {
      items.push({ type: "separator" }, { label: "Quit", role: "quit", accelerator: "CmdOrCtrl+Q" });
    }
    menus.push({ label: MENU_LABELS[menu], submenu: items });
  }
  return menus;
}

function menuItemFor(command: CommandSpec, options: MenuOptions): MenuItemTemplate {
  const id = command.id as CommandId;
  if (command.id === "file.openRecent") {
    const submenu: MenuItemTemplate[] =
      options.recentFiles.length === 0
        ? [{ label: "No Recent Files", enabled: false }]
        : options.recentFiles.map((file) => ({
            label: `${file.name}  —  ${file.path}`,
            click: () => options.dispatch(id, file.path),
          }));
    return { id: command.id, label: command.label, submenu };
  }
  const item: MenuItemTemplate = { id: command.id, label: command.label };
  if (command.accelerator) item.accelerator = command.accelerator;
  if (command.id === "run.toggleRunAsYouType") {
    // Electron flips the tick on click; the renderer then toggles and stores the setting, and main
    // rebuilds the menu from the stored value, so menu and toolbar cannot disagree for long.
    item.type = "checkbox";
    item.checked = options.runAsYouType;
  }
  if (command.target === "role") item.role = command.role;
  else item.click = () => options.dispatch(id);
  return item;
}
