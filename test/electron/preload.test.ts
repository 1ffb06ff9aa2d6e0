import { describe, expect, it, vi } from "vitest";
import type { PlaygroundApi } from "../../contracts/api";
import { EVENT_CHANNELS, REQUEST_CHANNELS } from "../../contracts/channels";
import { createPlaygroundApi, NOT_DROPPED_MESSAGE, type FilePathPort, type RendererIpcPort } from "../../electron/preload/bridge";

const exposed = vi.hoisted(() => [] as { key: string; api: unknown }[]);
const fakeIpcRenderer = vi.hoisted(() => ({
  invoke: async () => ({ ok: true, value: null }),
  on: () => undefined,
  removeListener: () => undefined,
  send: () => undefined,
  sendSync: () => undefined,
}));

// The preload's only import; replaced so the real Electron package is never loaded.
vi.mock("electron", () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
  ipcRenderer: fakeIpcRenderer,
  webUtils: { getPathForFile: () => "" },
}));

const NAMED_METHODS: (keyof PlaygroundApi)[] = [
  "callHook",
  "openFiles",
  "openPath",
  "pathForDroppedFile",
  "openDroppedPath",
  "getLaunchDocument",
  "save",
  "saveAs",
  "listRecentFiles",
  "importExportFile",
  "readSamples",
  "readSettings",
  "writeSettings",
  "writeDraft",
  "readDraft",
  "listDrafts",
  "discardDraft",
  "watchFile",
  "onFileChanged",
  "openWorkspaceFolder",
  "listWorkspaceFolder",
  "getAppInfo",
  "openExternal",
  "onMenuCommand",
];

/** webUtils for files that have no path on disk. */
const noPaths: FilePathPort = { getPathForFile: () => "" };

class FakeIpc implements RendererIpcPort {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  readonly listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  reply: unknown = { ok: true, value: "result" };
  async invoke(channel: string, ...args: unknown[]) {
    this.invoked.push({ channel, args });
    return this.reply;
  }
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(listener);
  }
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    this.listeners.get(channel)?.delete(listener);
  }
  emit(channel: string, payload: unknown) {
    const event = { sender: "ipcRenderer-internals", ports: [] };
    for (const listener of this.listeners.get(channel) ?? []) listener(event, payload);
  }
}

describe("preload entry (item 20: no raw Electron APIs for the page)", () => {
  it("exposes exactly one object, window.playground, holding only the named methods", async () => {
    await import("../../electron/preload/index");
    expect(exposed.map((e) => e.key)).toEqual(["playground"]);
    const api = exposed[0].api as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...NAMED_METHODS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe("function");
    // Nothing of ipcRenderer leaks through: no send/invoke/on and not the object itself.
    expect(Object.values(api)).not.toContain(fakeIpcRenderer);
    for (const raw of ["invoke", "send", "sendSync", "on", "ipcRenderer", "removeListener"]) expect(api).not.toHaveProperty(raw);
  });
});

describe("bridge factory", () => {
  it("sends each request on its fixed playground: channel with the caller's arguments only", async () => {
    const ipc = new FakeIpc();
    const api = createPlaygroundApi(ipc, noPaths);
    await api.openPath("/w/a.js");
    await api.save({ path: "/w/a.js", text: "x", expected: null });
    await api.readSettings();
    await api.openExternal("https://example.com");
    expect(ipc.invoked).toEqual([
      { channel: REQUEST_CHANNELS.openPath, args: ["/w/a.js"] },
      { channel: REQUEST_CHANNELS.save, args: [{ path: "/w/a.js", text: "x", expected: null }] },
      { channel: REQUEST_CHANNELS.readSettings, args: [] },
      { channel: REQUEST_CHANNELS.openExternal, args: ["https://example.com"] },
    ]);
  });

  it("covers every request channel main handles, and nothing else", async () => {
    const ipc = new FakeIpc();
    // The dropped File resolves to "arg", so openDroppedPath("arg") below is a path a drop produced.
    const api = createPlaygroundApi(ipc, { getPathForFile: () => "arg" }) as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of NAMED_METHODS) {
      if (name.startsWith("on")) api[name](() => undefined);
      else if (name === "pathForDroppedFile") api[name](new File(["x"], "a.js"));
      else await api[name]("arg");
    }
    expect(new Set(ipc.invoked.map((i) => i.channel))).toEqual(new Set(Object.values(REQUEST_CHANNELS)));
    expect(new Set(ipc.listeners.keys())).toEqual(new Set(Object.values(EVENT_CHANNELS)));
  });

  it("returns the value of a successful request and throws main's message on failure", async () => {
    const ipc = new FakeIpc();
    const api = createPlaygroundApi(ipc, noPaths);
    expect(await api.listDrafts()).toBe("result");
    ipc.reply = { ok: false, message: "/w/a.js no longer exists." };
    await expect(api.openPath("/w/a.js")).rejects.toThrow(/^\/w\/a\.js no longer exists\.$/);
  });

  it("gives listeners the payload only (never the IPC event) and unsubscribes them", () => {
    const ipc = new FakeIpc();
    const api = createPlaygroundApi(ipc, noPaths);
    const seen: unknown[][] = [];
    const stop = api.onMenuCommand((...args) => seen.push(args));
    ipc.emit(EVENT_CHANNELS.menuCommand, { id: "run.run" });
    stop();
    ipc.emit(EVENT_CHANNELS.menuCommand, { id: "file.save" });
    expect(seen).toEqual([[{ id: "run.run" }]]);
    expect(ipc.listeners.get(EVENT_CHANNELS.menuCommand)?.size).toBe(0);
  });

  it("delivers external file changes to onFileChanged", () => {
    const ipc = new FakeIpc();
    const api = createPlaygroundApi(ipc, noPaths);
    const seen: unknown[] = [];
    api.onFileChanged((change) => seen.push(change));
    ipc.emit(EVENT_CHANNELS.fileChanged, { path: "/w/a.js", stamp: null });
    expect(seen).toEqual([{ path: "/w/a.js", stamp: null }]);
  });

  it("resolves a dropped file's path in the preload with webUtils, without any IPC", () => {
    const ipc = new FakeIpc();
    const dropped = new File(["var x = 1;"], "token.js");
    const asked: File[] = [];
    const api = createPlaygroundApi(ipc, {
      getPathForFile: (file) => {
        asked.push(file);
        return file === dropped ? "/home/me/scripts/token.js" : "";
      },
    });
    expect(api.pathForDroppedFile(dropped)).toBe("/home/me/scripts/token.js");
    expect(asked).toEqual([dropped]);
    // A File made by the page (or dragged from another app) has no path: null, not "".
    expect(api.pathForDroppedFile(new File(["x"], "made-up.js"))).toBeNull();
    expect(ipc.invoked).toEqual([]);
  });

  it("answers null when webUtils refuses the object instead of throwing into the page", () => {
    const api = createPlaygroundApi(new FakeIpc(), {
      getPathForFile: () => {
        throw new TypeError("Error processing argument at index 0, conversion failure");
      },
    });
    expect(api.pathForDroppedFile({} as File)).toBeNull();
  });

  it("sends openDroppedPath on its own channel with the path it resolved from the dropped File", async () => {
    const ipc = new FakeIpc();
    ipc.reply = { ok: true, value: { path: "/w/a.js", name: "a.js", text: "x", stamp: { mtimeMs: 1, size: 1, sha256: "0".repeat(64) } } };
    const dropped = new File(["x"], "a.js");
    const api = createPlaygroundApi(ipc, { getPathForFile: (file) => (file === dropped ? "/w/a.js" : "") });
    expect(api.pathForDroppedFile(dropped)).toBe("/w/a.js");
    expect((await api.openDroppedPath("/w/a.js")).name).toBe("a.js");
    expect(ipc.invoked).toEqual([{ channel: REQUEST_CHANNELS.openDroppedPath, args: ["/w/a.js"] }]);
  });

  it("refuses, without asking main, a path page script names that no drop produced", async () => {
    const ipc = new FakeIpc();
    const dropped = new File(["x"], "a.js");
    const api = createPlaygroundApi(ipc, { getPathForFile: (file) => (file === dropped ? "/w/a.js" : "") });
    await expect(api.openDroppedPath("/home/me/.config/Token Script Playground/drafts/index.json")).rejects.toThrow(NOT_DROPPED_MESSAGE);
    await expect(api.openDroppedPath("/w/a.js")).rejects.toThrow(NOT_DROPPED_MESSAGE); // before the drop
    await expect(api.openDroppedPath({ toString: () => "/w/a.js" } as unknown as string)).rejects.toThrow(NOT_DROPPED_MESSAGE);
    expect(ipc.invoked).toEqual([]);
  });
});
