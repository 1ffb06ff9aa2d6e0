/**
 * Wires the real Electron modules into the small, tested modules beside this file. Nothing here decides
 * anything worth testing on its own; keep it that way.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from "electron";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DOCUMENTATION_URL, type CommandId } from "../../contracts/commands";
import { EVENT_CHANNELS } from "../../contracts/channels";
import { showAbout, collectAppInfo } from "./about";
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from "./app-protocol";
import { DocumentService, type DialogPort } from "./documents";
import { WorkspaceService } from "./workspace";
import { DraftStore } from "./drafts";
import { safeExternalUrl } from "./external-url";
import { nodeFileSystem } from "./fs-port";
import { registerIpcHandlers } from "./ipc";
import { launchPathFromArgv } from "./launch-args";
import { buildMenuTemplate } from "./menu";
import { applyDevelopmentCsp, denyAllPermissions, hardenWebContents } from "./security";
import { originOf } from "./sender";
import { SettingsStore } from "./settings-store";
import { WindowManager } from "./windows";

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (message: string): void => console.error(`[main] ${message}`);

// The dev server URL is honoured only in an unpackaged run, so a shipped app can never be pointed at
// remote content through the environment (checklist item 1).
// An empty variable counts as unset (it would otherwise load an empty URL).
const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;
const devOrigin = devServerUrl ? originOf(devServerUrl) : null;

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const fs = nodeFileSystem;
  const userDataDir = app.getPath("userData");
  const store = new SettingsStore({ fs, userDataDir, report: log });
  const drafts = new DraftStore({ fs, userDataDir, report: log });
  const openExternal = (url: string): Promise<void> => shell.openExternal(url);
  const appInfo = collectAppInfo(app.getName(), app.getVersion(), app.isPackaged, process);
  const dialogs: DialogPort<BrowserWindow> = dialog;

  const defaultSession = session.defaultSession;
  denyAllPermissions(defaultSession);
  if (devOrigin) applyDevelopmentCsp(defaultSession, devOrigin);
  defaultSession.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rootDir: path.join(here, "../renderer"), readFile: (file) => readFile(file) }),
  );
  app.on("web-contents-created", (_event, contents) => hardenWebContents(contents, openExternal));

  const windows = new WindowManager<BrowserWindow>({
    createWindow: (options) => new BrowserWindow(options),
    preloadPath: path.join(here, "../preload/index.cjs"),
    entryUrl: devServerUrl ?? APP_ENTRY_URL,
    store,
    screen,
    fs,
    log,
    onClosed: (closed) => void drafts.release(closed.id),
  });

  const rebuildMenu = async (): Promise<void> => {
    const template = buildMenuTemplate({
      appName: app.getName(),
      isMac: process.platform === "darwin",
      isDevelopment: !app.isPackaged,
      recentFiles: await store.recentFiles(),
      runAsYouType: (await store.settings()).runAsYouType,
      dispatch,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template as Electron.MenuItemConstructorOptions[]));
  };

  function dispatch(id: CommandId, filePath?: string): void {
    const focused = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    switch (id) {
      case "file.newWindow":
        void windows.open(null);
        return;
      case "help.about":
        void showAbout(dialogs, focused, appInfo);
        return;
      case "help.documentation": {
        // A menu click is a gesture main itself saw; the fixed URL still goes through the same check.
        const safe = safeExternalUrl(DOCUMENTATION_URL);
        if (safe !== null) void openExternal(safe);
        return;
      }
      default:
        focused?.webContents.send(EVENT_CHANNELS.menuCommand, filePath === undefined ? { id } : { id, path: filePath });
    }
  }

  const documents = new DocumentService<BrowserWindow>({
    fs,
    dialog: dialogs,
    store,
    onRecentChanged: () => void rebuildMenu(),
  });

  registerIpcHandlers({
    ipcMain,
    trustedOrigins: devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN],
    sessionFor: (sender) => windows.sessionForContents(sender),
    services: {
      fs,
      documents,
      store,
      drafts,
      workspace: new WorkspaceService<BrowserWindow>(fs, dialogs, documents.guard),
      samplesDir: app.isPackaged ? path.join(process.resourcesPath, "samples") : path.join(app.getAppPath(), "samples"),
      appInfo: () => appInfo,
      openExternal,
      onSettingsChanged: () => void rebuildMenu(),
      fetch: (url, init) => fetch(url, init),
    },
    log,
  });

  await rebuildMenu();

  app.on("second-instance", (_event, argv, workingDirectory) => {
    void windows.open(launchPathFromArgv(argv, app.isPackaged, workingDirectory));
  });
  app.on("open-file", (event, filePath) => {
    event.preventDefault();
    void windows.open(filePath);
  });
  app.on("activate", () => {
    if (windows.count === 0) void windows.open(null);
  });
  let settingsFlushed = false;
  app.on("will-quit", (event) => {
    // Window bounds are written as windows close; let that write land before the process exits.
    if (settingsFlushed) return;
    event.preventDefault();
    void store.flush().finally(() => {
      settingsFlushed = true;
      app.quit();
    });
  });
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });

  await windows.open(launchPathFromArgv(process.argv, app.isPackaged, process.cwd()));
}
