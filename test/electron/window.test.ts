import { beforeEach, describe, expect, it } from "vitest";
import { APP_ENTRY_URL } from "../../electron/main/app-protocol";
import { nodeFileSystem } from "../../electron/main/fs-port";
import { secureWebPreferences, userGesturesOf } from "../../electron/main/security";
import { SettingsStore } from "../../electron/main/settings-store";
import { placeOnScreen, windowOptions, WindowManager } from "../../electron/main/windows";
import { FakeWindow, tempDir } from "./fakes";

const display = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };

describe("window webPreferences (Electron security checklist)", () => {
  const prefs = secureWebPreferences("/app/out/preload/index.cjs") as Record<string, unknown>;

  it("item 2: no Node.js integration anywhere in the page, its workers or subframes", () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
  it("item 3: context isolation is on", () => expect(prefs.contextIsolation).toBe(true));
  it("item 4: the renderer is sandboxed", () => expect(prefs.sandbox).toBe(true));
  it("item 6: webSecurity is not touched (left at its secure default)", () => expect("webSecurity" in prefs).toBe(false));
  it("item 8: allowRunningInsecureContent is not set", () => expect("allowRunningInsecureContent" in prefs).toBe(false));
  it("item 9: no experimental features", () => expect("experimentalFeatures" in prefs).toBe(false));
  it("item 10: no enableBlinkFeatures", () => expect("enableBlinkFeatures" in prefs).toBe(false));
  it("items 11/12: the <webview> tag is disabled", () => expect(prefs.webviewTag).toBe(false));
  it("the preload is the CommonJS build (sandboxed preloads cannot be ES modules)", () => {
    expect(prefs.preload).toMatch(/\.cjs$/);
  });
  it("the window is created hidden and shown when ready, with the secure preferences", () => {
    const options = windowOptions({ width: 1000, height: 700, maximized: false }, "/p/index.cjs");
    expect(options.show).toBe(false);
    expect(options.webPreferences).toEqual(secureWebPreferences("/p/index.cjs"));
  });
});

describe("window placement", () => {
  it("keeps a remembered position that is on a connected display", () => {
    const bounds = { x: 100, y: 80, width: 1200, height: 800, maximized: false };
    expect(placeOnScreen(bounds, [display])).toEqual(bounds);
  });
  it("drops a position left on a display that is gone, keeping the size", () => {
    expect(placeOnScreen({ x: 3000, y: 200, width: 1200, height: 800, maximized: true }, [display])).toEqual({
      width: 1200,
      height: 800,
      maximized: true,
    });
  });
});

describe("WindowManager", () => {
  beforeEach(() => {
    FakeWindow.created = [];
  });

  async function manager(entryUrl = APP_ENTRY_URL) {
    const userDataDir = await tempDir();
    const store = new SettingsStore({ fs: nodeFileSystem, userDataDir });
    const windows = new WindowManager<FakeWindow>({
      createWindow: (options) => new FakeWindow(options as Record<string, unknown>),
      preloadPath: "/app/out/preload/index.cjs",
      entryUrl,
      store,
      screen: { getAllDisplays: () => [display] },
      fs: nodeFileSystem,
      onClosed: (session) => closed.push(session.id),
    });
    return { windows, store, userDataDir, closed };
  }
  const closed: string[] = [];

  it("item 18: loads the page from app://, not file://", async () => {
    const { windows } = await manager();
    const window = await windows.open(null);
    expect(window.loadedUrl).toBe("app://playground/index.html");
  });

  it("opens one window per workspace: the same file focuses its window instead of opening another", async () => {
    const { windows } = await manager();
    const first = await windows.open("/work/a.js");
    const again = await windows.open("/work/a.js");
    const other = await windows.open("/work/b.js");
    expect(again).toBe(first);
    expect(first.focused).toBe(1);
    expect(other).not.toBe(first);
    expect(FakeWindow.created).toHaveLength(2);
  });

  it("remembers size, position and maximized state when a window closes and reuses them", async () => {
    const { windows, userDataDir } = await manager();
    const first = await windows.open(null);
    first.bounds = { x: 120, y: 60, width: 1100, height: 750 };
    first.maximized = true;
    first.emit("close");
    first.emit("closed");
    // A new session (new store, same folder) must see the saved bounds.
    const freshStore = () => new SettingsStore({ fs: nodeFileSystem, userDataDir });
    await expect.poll(() => freshStore().windowBounds()).toEqual({ x: 120, y: 60, width: 1100, height: 750, maximized: true });
    const store = freshStore();
    const reopened = new WindowManager<FakeWindow>({
      createWindow: (options) => new FakeWindow(options as Record<string, unknown>),
      preloadPath: "/p.cjs",
      entryUrl: APP_ENTRY_URL,
      store,
      screen: { getAllDisplays: () => [display] },
      fs: nodeFileSystem,
    });
    const second = await reopened.open(null);
    expect(second.options).toMatchObject({ x: 120, y: 60, width: 1100, height: 750 });
    second.emit("ready-to-show");
    expect(second.maximized).toBe(true);
    expect(second.shown).toBe(true);
  });

  it("cascades a second window so it does not sit exactly on the first", async () => {
    const { windows, store } = await manager();
    await store.setWindowBounds({ x: 100, y: 100, width: 1000, height: 700, maximized: false });
    await windows.open("/a.js");
    await windows.open("/b.js");
    expect(FakeWindow.created[1].options).toMatchObject({ x: 124, y: 124 });
  });

  it("gives each window its own random id (whose drafts are whose) and reports it when the window closes", async () => {
    const { windows } = await manager();
    closed.length = 0;
    const a = await windows.open("/w/a.js");
    const b = await windows.open("/w/b.js");
    const idA = windows.sessionForContents(a.webContents)!.id;
    const idB = windows.sessionForContents(b.webContents)!.id;
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(idB).not.toBe(idA);
    a.emit("closed");
    expect(closed).toEqual([idA]);
  });

  it("a window's session answers a user gesture only after real input reached its web contents", async () => {
    const { windows } = await manager();
    const window = await windows.open(null);
    const session = windows.sessionForContents(window.webContents)!;
    expect(session.consumeUserGesture()).toBe(false);
    userGesturesOf(window.webContents).note({ type: "mouseUp" });
    expect(session.consumeUserGesture()).toBe(true);
    expect(session.consumeUserGesture()).toBe(false);
  });

  it("finds the session of a window by its web contents, and forgets it once closed", async () => {
    const { windows } = await manager();
    const window = await windows.open("/w/a.js");
    const session = windows.sessionForContents(window.webContents);
    expect(session?.launchPath).toBe("/w/a.js");
    expect(session?.grants.has("/w/a.js")).toBe(true);
    expect(windows.sessionForContents({ send() {} })).toBeUndefined();
    window.emit("closed");
    expect(windows.sessionForContents(window.webContents)).toBeUndefined();
  });
});

describe("launch file from the command line", () => {
  it("takes the first non-switch argument after the app path in development", async () => {
    const { launchPathFromArgv } = await import("../../electron/main/launch-args");
    expect(launchPathFromArgv(["/bin/electron", ".", "--inspect=0", "samples/x.js"], false, "/repo")).toBe("/repo/samples/x.js");
    expect(launchPathFromArgv(["/bin/electron", "."], false, "/repo")).toBeNull();
  });
  it("has no app-path argument in a packaged build", async () => {
    const { launchPathFromArgv } = await import("../../electron/main/launch-args");
    expect(launchPathFromArgv(["/opt/app/token-script-playground", "/home/u/a.js"], true, "/")).toBe("/home/u/a.js");
    expect(launchPathFromArgv(["/opt/app/token-script-playground", "--no-sandbox"], true, "/")).toBeNull();
  });
});
