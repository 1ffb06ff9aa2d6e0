/**
 * The built desktop app's main process, run for real in Node with a recording stand-in for the "electron"
 * module (boot/fake-electron.mjs): main/index.ts is the one module the other tests cannot reach, since it
 * wires Electron itself. This runs what `npm start` runs (out/main/index.js from `electron-vite build`) up to
 * its first window, then has the fake do what Electron would: load the page over app://, ask a permission,
 * navigate, open a window, and call IPC from the page and from a foreign frame.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REQUEST_CHANNELS } from "../../contracts/channels";
import { CONTENT_SECURITY_POLICY } from "../../electron/main/app-protocol";

const root = path.resolve(__dirname, "../..");
const userData = mkdtempSync(path.join(tmpdir(), "tsp-boot-"));
const launchFile = path.join(root, "samples", "seed-legacy.js");

interface Served {
  status: number;
  type: string | null;
  csp: string | null;
  bytes: number;
  hasRoot: boolean;
}

interface BootReport {
  bootError?: string;
  order: string[];
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[] | null;
  sandboxEnabled: boolean;
  singleInstanceLock: boolean;
  windows: { options: { webPreferences: Record<string, unknown>; show?: boolean }; url: string }[];
  protocolSchemes: string[];
  ipcChannels: string[];
  menu: { label: string; items: number }[] | null;
  appEvents: string[];
  checks: {
    page: Served;
    traversal: Served;
    missing: Served;
    permissionRequest: boolean | null;
    permissionCheck: boolean | null;
    navigationPrevented: boolean;
    newWindow: { action: string } | null;
    newWindowWithoutGesture: { action: string } | null;
    openedExternally: string[];
    appInfo: { ok: boolean; value?: Record<string, unknown> };
    launchDocument: { ok: boolean; value?: { path: string; text: string } | null };
    foreignFrame: { ok: boolean; message?: string };
    samples: { ok: boolean; value?: unknown[] };
  };
}

let report: BootReport;
/** Without a dev server URL, main serves the built renderer over app://, as the packaged app does. */
const productionEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== "ELECTRON_RENDERER_URL"));

beforeAll(() => {
  // The same build `npm start` and the packager use (a few seconds).
  execFileSync("npx", ["electron-vite", "build"], { cwd: root, stdio: "pipe" });
  const run = spawnSync(
    process.execPath,
    ["--import", "./test/electron/boot/register.mjs", "out/main/index.js", launchFile],
    { cwd: root, env: { ...productionEnv, BOOT_USER_DATA: userData }, encoding: "utf8", timeout: 60_000 },
  );
  const line = run.stdout.split("\n").find((l) => l.startsWith("BOOT-REPORT "));
  if (!line) throw new Error(`main did not reach its first window.\nstatus ${run.status}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
  report = JSON.parse(line.slice("BOOT-REPORT ".length)) as BootReport;
}, 180_000);

afterAll(() => rmSync(userData, { recursive: true, force: true }));

describe("the built main process, booted against a recording Electron", () => {
  it("boots without error", () => {
    expect(report.bootError).toBeUndefined();
  });

  it("registers app:// as privileged and enables the sandbox before the app is ready, and keeps one instance", () => {
    expect(report.order.indexOf("registerSchemesAsPrivileged")).toBeLessThan(report.order.indexOf("whenReady"));
    expect(report.order.indexOf("enableSandbox")).toBeLessThan(report.order.indexOf("whenReady"));
    expect(report.privilegedSchemes?.[0]).toMatchObject({ scheme: "app", privileges: { standard: true, secure: true } });
    expect(report.sandboxEnabled).toBe(true);
    expect(report.singleInstanceLock).toBe(true);
  });

  it("opens one window on app:// with the secure preferences and the built preload", () => {
    expect(report.windows).toHaveLength(1);
    const [window] = report.windows;
    expect(window.url.startsWith("app://playground/")).toBe(true);
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    const preload = String(window.options.webPreferences.preload);
    expect(preload.endsWith(path.join("out", "preload", "index.cjs"))).toBe(true);
    expect(existsSync(preload)).toBe(true);
  });

  it("serves the built page over app:// with the CSP header, and refuses traversal and missing files", () => {
    const { page, traversal, missing } = report.checks;
    expect(page).toMatchObject({ status: 200, hasRoot: true });
    expect(page.type).toMatch(/^text\/html/);
    expect(page.csp).toBe(CONTENT_SECURITY_POLICY);
    expect(page.csp).toContain("'wasm-unsafe-eval'");
    expect(traversal.status).toBeGreaterThanOrEqual(400);
    expect(missing.status).toBe(404);
    expect(missing.csp).toBe(page.csp);
  });

  it("denies permissions, blocks navigation (opening nothing) and new windows, and sends a clicked https link to the system browser", () => {
    expect(report.checks.permissionRequest).toBe(false);
    expect(report.checks.permissionCheck).toBe(false);
    expect(report.checks.navigationPrevented).toBe(true);
    expect(report.checks.newWindow).toEqual({ action: "deny" });
    expect(report.checks.newWindowWithoutGesture).toEqual({ action: "deny" });
    // Only the link clicked by the user: not the https navigation, not the window.open with no input before it.
    expect(report.checks.openedExternally).toEqual(["https://docs.example.com/"]);
  });

  it("answers every request channel, serves the page's frame and refuses a foreign one", () => {
    expect(report.ipcChannels).toEqual(Object.values(REQUEST_CHANNELS).sort());
    expect(report.checks.appInfo).toMatchObject({ ok: true, value: { name: "Token Script Playground" } });
    expect(report.checks.foreignFrame.ok).toBe(false);
    expect(report.checks.samples.ok).toBe(true);
    expect(report.checks.samples.value?.length).toBeGreaterThan(0);
  });

  it("opens the file named on the command line in the first window", () => {
    expect(report.checks.launchDocument.ok).toBe(true);
    expect(report.checks.launchDocument.value?.path).toBe(launchFile);
    expect(report.checks.launchDocument.value?.text).toContain("accessToken");
  });

  it("builds the File, Edit, View, Run and Help menus", () => {
    expect(report.menu?.map((m) => m.label)).toEqual(["&File", "&Edit", "&View", "&Run", "&Help"]);
    expect(report.menu?.every((m) => m.items > 0)).toBe(true);
  });

  it("listens for the app events a desktop app must handle", () => {
    expect(report.appEvents).toEqual(
      expect.arrayContaining(["web-contents-created", "second-instance", "open-file", "activate", "will-quit", "window-all-closed"]),
    );
  });
});

describe("the built preload, run where Electron runs a sandboxed preload", () => {
  it("needs nothing but require('electron') and exposes only the named bridge methods", async () => {
    const exposed: { key: string; api: Record<string, unknown> }[] = [];
    const invoked: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }) },
      ipcRenderer: {
        invoke: async (channel: string) => {
          invoked.push(channel);
          return { ok: true, value: { name: "Token Script Playground" } };
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
      webUtils: { getPathForFile: () => "" },
    };
    // A sandboxed preload gets a CommonJS wrapper whose require() knows only a few modules; anything the
    // bundle pulled in from Node would throw here, as it would in the app.
    const required: string[] = [];
    const sandboxedRequire = (name: string): unknown => {
      required.push(name);
      if (name === "electron") return electron;
      throw new Error(`a sandboxed preload cannot require("${name}")`);
    };
    const module = { exports: {} };
    const source = readFileSync(path.join(root, "out", "preload", "index.cjs"), "utf8");
    runInNewContext(source, { require: sandboxedRequire, module, exports: module.exports, console }, { filename: "index.cjs" });
    expect(required).toEqual(["electron"]);
    expect(exposed.map((e) => e.key)).toEqual(["playground"]);
    const api = exposed[0].api;
    expect(Object.values(api).every((value) => typeof value === "function")).toBe(true);
    expect(Object.keys(api)).not.toContain("ipcRenderer");
    const info = await (api.getAppInfo as () => Promise<unknown>)();
    expect(info).toEqual({ name: "Token Script Playground" });
    expect(invoked).toEqual([REQUEST_CHANNELS.getAppInfo]);
  });
});
