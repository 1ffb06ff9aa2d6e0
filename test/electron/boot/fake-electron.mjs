/**
 * A recording stand-in for the "electron" module, so the built main process (out/main/index.js) can run in
 * plain Node: every call main makes is noted, and once main has loaded its first window the fake drives
 * what Electron would (the app:// handler, permission requests, a navigation, an IPC request from the page)
 * and prints one JSON report on stdout. Only the APIs main uses exist; using another one fails the boot.
 */
import { EventEmitter } from "node:events";

const report = {
  order: [],
  privilegedSchemes: null,
  sandboxEnabled: false,
  singleInstanceLock: false,
  windows: [],
  protocolSchemes: [],
  ipcChannels: [],
  menu: null,
  appEvents: [],
  checks: {},
};
const note = (what) => report.order.push(what);
const userData = process.env.BOOT_USER_DATA;
const appEvents = new EventEmitter();
let protocolHandler = null;
const permission = { request: null, check: null };
const ipcHandlers = new Map();
const opened = [];

export const app = {
  isPackaged: false,
  getPath: (name) => {
    if (name !== "userData") throw new Error(`fake app.getPath(${name})`);
    return userData;
  },
  getName: () => "Token Script Playground",
  getVersion: () => "0.0.0-boot",
  getAppPath: () => process.cwd(),
  enableSandbox: () => {
    note("enableSandbox");
    report.sandboxEnabled = true;
  },
  requestSingleInstanceLock: () => {
    report.singleInstanceLock = true;
    return true;
  },
  whenReady: () => {
    note("whenReady");
    return Promise.resolve();
  },
  on: (event, listener) => {
    report.appEvents.push(event);
    appEvents.on(event, listener);
    return app;
  },
  quit: () => note("quit"),
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => {
    note("registerSchemesAsPrivileged");
    report.privilegedSchemes = schemes;
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => (permission.request = handler),
    setPermissionCheckHandler: (handler) => (permission.check = handler),
    webRequest: { onHeadersReceived: () => note("onHeadersReceived") },
    protocol: {
      handle: (scheme, handler) => {
        report.protocolSchemes.push(scheme);
        protocolHandler = handler;
      },
    },
  },
};

export const ipcMain = {
  handle: (channel, handler) => ipcHandlers.set(channel, handler),
  on: (channel) => {
    throw new Error(`main listens with ipcMain.on(${channel}); the fake expects invoke handlers only`);
  },
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
  showMessageBox: async () => ({ response: 0 }),
};

export const shell = {
  openExternal: async (url) => {
    opened.push(url);
  },
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => {
    report.menu = menu.template.map((item) => ({ label: item.label ?? item.role, items: (item.submenu ?? []).length }));
  },
};

class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.sent = [];
    this.windowOpenHandler = null;
  }
  send(channel, payload) {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static all = [];
  static getFocusedWindow() {
    return BrowserWindow.all[0] ?? null;
  }
  static getAllWindows() {
    return [...BrowserWindow.all];
  }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    this.url = null;
    BrowserWindow.all.push(this);
    appEvents.emit("web-contents-created", {}, this.webContents);
  }
  async loadURL(url) {
    this.url = url;
    report.windows.push({ options: this.options, url });
    note("loadURL");
    setTimeout(() => void drive(this).catch((error) => finish({ bootError: String(error?.stack ?? error) })), 50);
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1400, height: 900 };
  }
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  maximize() {}
  restore() {}
  show() {}
  focus() {}
}

async function serve(url) {
  const response = await protocolHandler(new Request(url));
  const body = await response.text();
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    csp: response.headers.get("content-security-policy"),
    bytes: body.length,
    hasRoot: body.includes('id="root"'),
  };
}

/** What Electron would do with the running app: load its page, ask permissions, navigate, call IPC. */
async function drive(window) {
  const checks = report.checks;
  checks.page = await serve(window.url);
  checks.traversal = await serve("app://playground/..%2F..%2Fpackage.json");
  checks.missing = await serve("app://playground/nope.js");
  let granted = null;
  permission.request?.(window.webContents, "media", (answer) => (granted = answer));
  checks.permissionRequest = granted;
  checks.permissionCheck = permission.check?.(window.webContents, "clipboard-read") ?? null;

  let prevented = false;
  window.webContents.emit("will-navigate", { preventDefault: () => (prevented = true) }, "file:///etc/passwd");
  window.webContents.emit("will-navigate", { preventDefault: () => undefined }, "https://docs.example.com/navigated");
  checks.navigationPrevented = prevented;
  // A page-made window.open (no input before it) opens nothing; a clicked target=_blank link does.
  checks.newWindowWithoutGesture = window.webContents.windowOpenHandler?.({ url: "https://docs.example.com/unasked" }) ?? null;
  window.webContents.emit("input-event", {}, { type: "mouseUp" });
  checks.newWindow = window.webContents.windowOpenHandler?.({ url: "https://docs.example.com/" }) ?? null;
  await new Promise((r) => setTimeout(r, 10));
  checks.openedExternally = [...opened];

  const frame = { url: window.url, parent: null };
  const invoke = (channel, senderFrame, ...args) =>
    ipcHandlers.get(channel)({ sender: window.webContents, senderFrame }, ...args);
  checks.appInfo = await invoke("playground:get-app-info", frame);
  checks.launchDocument = await invoke("playground:get-launch-document", frame);
  checks.foreignFrame = await invoke("playground:get-app-info", { url: "https://evil.example/", parent: null });
  checks.samples = await invoke("playground:read-samples", frame);
  report.ipcChannels = [...ipcHandlers.keys()].sort();
  finish({});
}

function finish(extra) {
  process.stdout.write(`BOOT-REPORT ${JSON.stringify({ ...report, ...extra })}\n`);
  process.exit(0);
}

export default { app, protocol, session, ipcMain, screen, dialog, shell, Menu, BrowserWindow };
