/**
 * The renderer's only way to reach the host: the Electron preload bridge (`window.playground`) when the
 * page runs in the desktop app, else browser file pickers, downloads and localStorage. Both sides offer
 * the same features; the browser keeps recent files and drafts in localStorage instead of on disk.
 */
import type { DraftSummary, FileStamp, MenuCommandEvent, PlaygroundApi, RecentFile } from "../../contracts/api";
import type { RendererCommandId } from "../../contracts/commands";
import { loadRunAsYouType, memoryStore, saveRunAsYouType, type KeyValueStore } from "../state/persist";
import { BrowserFiles } from "./browserFiles";
import { browserHookSender, type HookSender } from "../state/hookPermissions";

export interface OpenedFile {
  name: string;
  text: string;
  /** Desktop only: where the file lives (a capability for save and watch) and what it looked like. */
  path?: string;
  stamp?: FileStamp;
}

export type SaveResult = { status: "saved"; name: string; path?: string; stamp?: FileStamp } | { status: "cancelled" };

export interface DraftText {
  key: string;
  path: string | null;
  name: string;
  text: string;
}

export interface Platform {
  kind: "desktop" | "browser";
  store: KeyValueStore;
  /** Lets the user pick one or more files; [] when they cancel. */
  openFiles(extensions: string[]): Promise<OpenedFile[]>;
  /** A recent file again (desktop: read from disk; browser: the copy kept when it was opened). */
  openRecent(path: string): Promise<OpenedFile>;
  listRecent(): Promise<RecentFile[]>;
  /**
   * A file dropped on the window. Desktop: opened by its path on disk when it has one (so Save writes
   * back to it, it is watched and joins the recent files); otherwise, and in the browser, by its content.
   */
  openDropped(file: File): Promise<OpenedFile>;
  /** Run as you type, as the user last left it (desktop: main's settings file; browser: localStorage). */
  loadRunAsYouType(): Promise<boolean>;
  saveRunAsYouType(on: boolean): Promise<void>;
  /** Remembers a file the user opened another way (drag and drop, import) for the recent list. */
  rememberRecent(file: OpenedFile): void;
  /** Saves over the opened file (desktop asks before overwriting a file changed on disk since `stamp`). */
  save(file: { path?: string; name: string; stamp?: FileStamp }, text: string): Promise<SaveResult>;
  saveAs(suggestedName: string, text: string): Promise<SaveResult>;
  /** Desktop: an open dialog for exports; browser: a file picker for .json. */
  pickExportFile(): Promise<OpenedFile | null>;
  writeDraft(draft: DraftText): Promise<void>;
  listDrafts(): Promise<DraftSummary[]>;
  readDraft(key: string): Promise<DraftText | null>;
  discardDraft(key: string): Promise<void>;
  /** Notifies when the file at `path` changes on disk (desktop only; the browser cannot watch). */
  watch(path: string | null, listener: (stamp: FileStamp | null) => void): () => void;
  /**
   * A workspace folder's scripts and cases (names relative to it). Desktop: main's folder dialog and
   * listing (files come with path and stamp, so they can be saved); browser: `<input webkitdirectory>`.
   */
  pickWorkspaceFolder(): Promise<{ folder: string; files: OpenedFile[]; skipped: string[] } | null>;
  /** The file the app was started on (`npm start -- file.js`), or null. */
  launchDocument(): Promise<OpenedFile | null>;
  /**
   * Sends a hook request the user allowed to a service on this machine. Desktop: main's loopback caller
   * (no CORS); browser: the page's fetch (the service must allow the page's origin).
   */
  callHook: HookSender;
  /** Menu commands from the desktop shell; the browser has no menu, so nothing arrives there. */
  onCommand(listener: (command: { id: RendererCommandId; path?: string }) => void): () => void;
}

function browserStore(): KeyValueStore {
  try {
    const probe = "tsp.probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStore();
  }
}

function pickFiles(extensions: string[], multiple: boolean): Promise<OpenedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.multiple = multiple;
    input.accept = extensions.map((e) => (e.startsWith(".") ? e : `.${e}`)).join(",");
    // In the document (hidden) so tests and assistive tech can reach the chooser.
    input.hidden = true;
    input.dataset.testid = "file-input";
    document.body.appendChild(input);
    const done = (files: OpenedFile[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener("change", async () => done(await Promise.all([...(input.files ?? [])].map(async (f) => ({ name: f.name, text: await f.text() })))));
    input.addEventListener("cancel", () => done([]));
    input.click();
  });
}

/** `<input webkitdirectory>`: the folder's files, at most one sub-folder deep, scripts and cases only. */
function pickFolder(): Promise<{ folder: string; files: OpenedFile[]; skipped: string[] } | null> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.webkitdirectory = true;
    input.hidden = true;
    input.dataset.testid = "folder-input";
    document.body.appendChild(input);
    const done = (value: { folder: string; files: OpenedFile[]; skipped: string[] } | null) => {
      input.remove();
      resolve(value);
    };
    input.addEventListener("change", async () => {
      const all = [...(input.files ?? [])];
      if (!all.length) return done(null);
      const relative = (f: File) => (f.webkitRelativePath || f.name).split("/").slice(1).join("/") || f.name;
      const wanted = all.filter((f) => /\.(js|case\.json)$/i.test(f.name) && relative(f).split("/").length <= 2);
      const files = await Promise.all(wanted.map(async (f) => ({ name: relative(f), text: await f.text() })));
      done({ folder: (all[0]!.webkitRelativePath || all[0]!.name).split("/")[0] ?? "", files, skipped: [] });
    });
    input.addEventListener("cancel", () => done(null));
    input.click();
  });
}

function download(suggestedName: string, text: string): SaveResult {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = suggestedName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return { status: "saved", name: suggestedName };
}

export function browserPlatform(store: KeyValueStore = browserStore()): Platform {
  const files = new BrowserFiles(store);
  return {
    kind: "browser",
    store,
    async openFiles(extensions) {
      const picked = await pickFiles(extensions, true);
      for (const file of picked) files.remember(file.name, file.text);
      return picked;
    },
    async openRecent(name) {
      const text = files.recentText(name);
      if (text === null) throw new Error(`${name} is no longer in the recent list.`);
      files.remember(name, text);
      return { name, text };
    },
    listRecent: async () => files.recent(),
    openDropped: async (file) => ({ name: file.name, text: await file.text() }),
    loadRunAsYouType: async () => loadRunAsYouType(store),
    saveRunAsYouType: async (on) => saveRunAsYouType(store, on),
    rememberRecent: (file) => files.remember(file.name, file.text),
    async save(file, text) {
      const saved = download(file.name, text);
      files.remember(file.name, text);
      return saved;
    },
    async saveAs(suggestedName, text) {
      files.remember(suggestedName, text);
      return download(suggestedName, text);
    },
    pickExportFile: async () => (await pickFiles([".json"], false))[0] ?? null,
    writeDraft: async (draft) => files.writeDraft(draft),
    listDrafts: async () => files.listDrafts(),
    readDraft: async (key) => files.readDraft(key),
    discardDraft: async (key) => files.discardDraft(key),
    watch: () => () => {},
    pickWorkspaceFolder: pickFolder,
    launchDocument: async () => null,
    callHook: browserHookSender,
    onCommand: () => () => {},
  };
}

/** The desktop shell's bridge; layout and session stay in localStorage, which the app's own origin keeps. */
export function desktopPlatform(bridge: PlaygroundApi, store: KeyValueStore): Platform {
  const opened = (d: { name: string; text: string; path: string; stamp: FileStamp }): OpenedFile => ({ name: d.name, text: d.text, path: d.path, stamp: d.stamp });
  let watchListener: ((stamp: FileStamp | null) => void) | null = null;
  let watchedPath: string | null = null;
  bridge.onFileChanged((change) => {
    if (change.path === watchedPath) watchListener?.(change.stamp);
  });
  return {
    kind: "desktop",
    store,
    // The dialog offers every supported kind; the app sorts the picked files by kind.
    openFiles: async () => (await bridge.openFiles()).map(opened),
    openRecent: async (path) => opened(await bridge.openPath(path)),
    listRecent: () => bridge.listRecentFiles(),
    async openDropped(file) {
      // Resolved in the preload (File objects cannot cross IPC); main then checks and grants the path.
      const filePath = bridge.pathForDroppedFile(file);
      if (filePath === null) return { name: file.name, text: await file.text() };
      return opened(await bridge.openDroppedPath(filePath));
    },
    async loadRunAsYouType() {
      const settings = await bridge.readSettings();
      return settings?.runAsYouType !== false;
    },
    async saveRunAsYouType(on) {
      // Main stores it and ticks the Run menu's checkbox to match.
      await bridge.writeSettings({ runAsYouType: on });
    },
    // Main adds files to the recent list itself when they come through a dialog.
    rememberRecent: () => {},
    async save(file, text) {
      if (!file.path) return this.saveAs(file.name, text);
      return bridge.save({ path: file.path, text, expected: file.stamp ?? null });
    },
    saveAs: (suggestedName, text) => bridge.saveAs({ text, suggestedName }),
    async pickExportFile() {
      const picked = await bridge.importExportFile();
      return picked ? { name: picked.name, text: picked.text } : null;
    },
    writeDraft: (draft) => bridge.writeDraft({ key: draft.key, path: draft.path, text: draft.text }),
    listDrafts: () => bridge.listDrafts(),
    async readDraft(key) {
      const draft = await bridge.readDraft(key);
      return draft ? { key: draft.key, path: draft.path, name: draft.name, text: draft.text } : null;
    },
    discardDraft: (key) => bridge.discardDraft(key),
    watch(path, listener) {
      watchedPath = path;
      watchListener = listener;
      void bridge.watchFile(path);
      return () => {
        if (watchListener !== listener) return;
        watchListener = null;
        watchedPath = null;
        void bridge.watchFile(null);
      };
    },
    async pickWorkspaceFolder() {
      const folder = await bridge.openWorkspaceFolder();
      if (!folder) return null;
      return { folder: folder.name, files: folder.files.map(opened), skipped: folder.skipped.map((s) => `${s.name} (${s.reason})`) };
    },
    callHook: (request) => bridge.callHook(request),
    async launchDocument() {
      const doc = await bridge.getLaunchDocument();
      return doc ? opened(doc) : null;
    },
    onCommand(listener) {
      return bridge.onMenuCommand((command: MenuCommandEvent) => listener({ id: command.id as RendererCommandId, ...(command.path ? { path: command.path } : {}) }));
    },
  };
}

let current: Platform | null = null;

export function platform(): Platform {
  current ??= typeof window !== "undefined" && window.playground ? desktopPlatform(window.playground, browserStore()) : browserPlatform();
  return current;
}
