import { describe, expect, it } from "vitest";
import type { RecentFile } from "../../contracts/api";
import { acceleratorMatches, COMMANDS, MENU_ORDER, type CommandId } from "../../contracts/commands";
import { aboutBox, collectAppInfo } from "../../electron/main/about";
import { buildMenuTemplate, type MenuItemTemplate } from "../../electron/main/menu";

function build(overrides: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  const dispatched: { id: CommandId; path?: string }[] = [];
  const template = buildMenuTemplate({
    appName: "Token Script Playground",
    isMac: false,
    isDevelopment: false,
    recentFiles: [],
    runAsYouType: true,
    dispatch: (id, path) => dispatched.push(path === undefined ? { id } : { id, path }),
    ...overrides,
  });
  return { template, dispatched };
}

function items(template: MenuItemTemplate[]): MenuItemTemplate[] {
  return template.flatMap((menu) => menu.submenu ?? []).filter((item) => item.type !== "separator");
}

describe("command list", () => {
  it("has unique ids and unique accelerators", () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const accelerators = COMMANDS.flatMap((c) => ("accelerator" in c ? [c.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
  it("gives every role command a role and no other command one", () => {
    for (const command of COMMANDS) expect("role" in command, command.id).toBe(command.target === "role");
  });
});

describe("application menu", () => {
  it("has File, Edit, View, Run, Help in that order (plus the app menu first on macOS)", () => {
    expect(build().template.map((m) => m.label)).toEqual(["&File", "&Edit", "&View", "&Run", "&Help"]);
    const mac = build({ isMac: true }).template;
    expect(mac[0]).toEqual({ label: "Token Script Playground", role: "appMenu" });
    expect(mac).toHaveLength(MENU_ORDER.length + 1);
  });

  it("is built from the command list: every command appears once with its label and accelerator", () => {
    const built = items(build({ isDevelopment: true }).template);
    for (const command of COMMANDS) {
      const item = built.find((i) => i.id === command.id);
      expect(item, command.id).toBeDefined();
      expect(item!.label).toBe(command.label);
      expect(item!.accelerator).toBe("accelerator" in command ? command.accelerator : undefined);
    }
    expect(built.find((i) => i.id === "run.run")).toMatchObject({ label: "Run", accelerator: "CmdOrCtrl+Enter" });
    expect(built.find((i) => i.id === "file.save")).toMatchObject({ accelerator: "CmdOrCtrl+S" });
  });

  it("sends renderer commands and main commands through dispatch, and leaves roles to Electron", () => {
    const { template, dispatched } = build();
    const built = items(template);
    built.find((i) => i.id === "run.run")!.click!();
    built.find((i) => i.id === "help.about")!.click!();
    expect(dispatched).toEqual([{ id: "run.run" }, { id: "help.about" }]);
    const copy = built.find((i) => i.id === "edit.copy")!;
    expect(copy.role).toBe("copy");
    expect(copy.click).toBeUndefined();
  });

  it("hides developer tools and reload in a packaged build", () => {
    expect(items(build({ isDevelopment: false }).template).some((i) => i.role === "toggleDevTools" || i.role === "reload")).toBe(false);
    expect(items(build({ isDevelopment: true }).template).some((i) => i.role === "toggleDevTools")).toBe(true);
  });

  it("lists recent files under Open Recent, each dispatching its path", () => {
    const recentFiles: RecentFile[] = [{ path: "/w/a.js", name: "a.js", openedAt: "2026-01-01T00:00:00Z" }];
    const { template, dispatched } = build({ recentFiles });
    const openRecent = items(template).find((i) => i.id === "file.openRecent")!;
    expect(openRecent.submenu).toHaveLength(1);
    openRecent.submenu![0].click!();
    expect(dispatched).toEqual([{ id: "file.openRecent", path: "/w/a.js" }]);
    const empty = items(build().template).find((i) => i.id === "file.openRecent")!;
    expect(empty.submenu).toEqual([{ label: "No Recent Files", enabled: false }]);
  });

  it("shows Run As You Type as a checkbox ticked from the stored setting, dispatching the toggle", () => {
    const find = (runAsYouType: boolean) => items(build({ runAsYouType }).template).find((i) => i.id === "run.toggleRunAsYouType")!;
    expect(find(true)).toMatchObject({ type: "checkbox", checked: true, label: "Run As You Type" });
    expect(find(false)).toMatchObject({ type: "checkbox", checked: false });
    const { template, dispatched } = build({ runAsYouType: false });
    items(template).find((i) => i.id === "run.toggleRunAsYouType")!.click!();
    expect(dispatched).toEqual([{ id: "run.toggleRunAsYouType" }]);
    // Only that item is a checkbox.
    expect(items(build().template).filter((i) => i.type === "checkbox").map((i) => i.id)).toEqual(["run.toggleRunAsYouType"]);
  });

  it("separates command groups and ends File with Quit outside macOS", () => {
    const file = build().template[0].submenu!;
    expect(file.filter((i) => i.type === "separator")).toHaveLength(4);
    expect(file.at(-1)).toEqual({ label: "Quit", role: "quit", accelerator: "CmdOrCtrl+Q" });
    expect(build({ isMac: true }).template[1].submenu!.some((i) => i.role === "quit")).toBe(false);
  });
});

describe("acceleratorMatches (the renderer's shortcuts use the same strings)", () => {
  const chord = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it("maps CmdOrCtrl to Ctrl elsewhere and Cmd on macOS", () => {
    expect(acceleratorMatches("CmdOrCtrl+Enter", chord("Enter", { ctrlKey: true }), false)).toBe(true);
    expect(acceleratorMatches("CmdOrCtrl+Enter", chord("Enter", { metaKey: true }), true)).toBe(true);
    expect(acceleratorMatches("CmdOrCtrl+Enter", chord("Enter", { metaKey: true }), false)).toBe(false);
  });
  it("requires the exact modifiers", () => {
    expect(acceleratorMatches("CmdOrCtrl+S", chord("s", { ctrlKey: true }), false)).toBe(true);
    expect(acceleratorMatches("CmdOrCtrl+S", chord("S", { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(acceleratorMatches("CmdOrCtrl+Shift+S", chord("S", { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(acceleratorMatches("F11", chord("F11"), false)).toBe(true);
  });
});

describe("About box", () => {
  it("shows the app version and the Electron, Chromium, Node and V8 versions", () => {
    const info = collectAppInfo("Token Script Playground", "0.1.0", true, {
      versions: { electron: "45.4.1", chrome: "142.0.1", node: "22.20.0", v8: "14.2" },
      platform: "linux",
    });
    const box = aboutBox(info);
    expect(box.message).toBe("Token Script Playground 0.1.0");
    for (const text of ["Electron 45.4.1", "Chromium 142.0.1", "Node.js 22.20.0", "V8 14.2", "Platform linux"]) expect(box.detail).toContain(text);
  });
});
