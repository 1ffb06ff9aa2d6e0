/**
 * Builds the `window.playground` object from a minimal IPC port. Kept apart from preload/index.ts so it
 * can be tested with a fake port; the real preload passes Electron's ipcRenderer.
 *
 * The renderer never sees ipcRenderer, channel names or IPC events: only these named methods, and
 * listeners that receive plain data.
 */
import type { ExternalChange, IpcEnvelope, MenuCommandEvent, PlaygroundApi, Unsubscribe } from "../../contracts/api";
import { EVENT_CHANNELS, REQUEST_CHANNELS, type RequestName } from "../../contracts/channels";

type Listener = (event: unknown, ...args: unknown[]) => void;

export interface RendererIpcPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: Listener): unknown;
  removeListener(channel: string, listener: Listener): unknown;
}

/** Electron's `webUtils` (≥ 32): the path behind a File from a drop or file input ("" when it has none). */
export interface FilePathPort {
  getPathForFile(file: File): string;
}

/** Why openDroppedPath refused a path the preload did not resolve from a dropped File itself. */
export const NOT_DROPPED_MESSAGE = "That path did not come from a file dropped on this window.";

export function createPlaygroundApi(ipc: RendererIpcPort, files: FilePathPort): PlaygroundApi {
  // Paths webUtils resolved from real File objects. Page script cannot add to this set (it lives in the
  // isolated world), so openDroppedPath only ever sends a path a drop produced; main checks it again.
  const droppedPaths = new Set<string>();

  async function request<T>(name: RequestName, ...args: unknown[]): Promise<T> {
    const envelope = (await ipc.invoke(REQUEST_CHANNELS[name], ...args)) as IpcEnvelope<T>;
    if (envelope.ok) return envelope.value;
    throw new Error(envelope.message);
  }

  function subscribe<T>(channel: string, listener: (payload: T) => void): Unsubscribe {
    // The IPC event (with its sender and ports) stays in the preload; the page gets the payload only.
    const wrapped: Listener = (_event, payload) => listener(payload as T);
    ipc.on(channel, wrapped);
    return () => {
      ipc.removeListener(channel, wrapped);
    };
  }

  return {
    openFiles: () => request("openFiles"),
    openPath: (path) => request("openPath", path),
    pathForDroppedFile: (file) => {
      try {
        const filePath = files.getPathForFile(file);
        if (typeof filePath !== "string" || filePath.length === 0) return null;
        droppedPaths.add(filePath);
        return filePath;
      } catch {
        // Not a File the browser created (a page-made object): no path rather than an error.
        return null;
      }
    },
    openDroppedPath: async (path) => {
      if (typeof path !== "string" || !droppedPaths.has(path)) throw new Error(NOT_DROPPED_MESSAGE);
      return request("openDroppedPath", path);
    },
    getLaunchDocument: () => request("getLaunchDocument"),
    save: (req) => request("save", req),
    saveAs: (req) => request("saveAs", req),
    listRecentFiles: () => request("listRecentFiles"),
    importExportFile: () => request("importExportFile"),
    readSamples: () => request("readSamples"),
    readSettings: () => request("readSettings"),
    writeSettings: (patch) => request("writeSettings", patch),
    writeDraft: (draft) => request("writeDraft", draft),
    readDraft: (key) => request("readDraft", key),
    listDrafts: () => request("listDrafts"),
    discardDraft: (key) => request("discardDraft", key),
    watchFile: (path) => request("watchFile", path),
    onFileChanged: (listener) => subscribe<ExternalChange>(EVENT_CHANNELS.fileChanged, listener),
    openWorkspaceFolder: () => request("openWorkspaceFolder"),
    listWorkspaceFolder: (path) => request("listWorkspaceFolder", path),
    callHook: (req) => request("callHook", req),
    getAppInfo: () => request("getAppInfo"),
    openExternal: (url) => request("openExternal", url),
    onMenuCommand: (listener) => subscribe<MenuCommandEvent>(EVENT_CHANNELS.menuCommand, listener),
  };
}
