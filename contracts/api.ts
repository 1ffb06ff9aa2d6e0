/**
 * The bridge the preload exposes as `window.playground`. Types only: the renderer imports this file with
 * `import type`, so nothing here may exist at run time. Main, preload and renderer share these shapes.
 *
 * Every method is a named, argument-checked request; there is no generic send/invoke. Paths the renderer
 * may name (openPath, save, watchFile) must have come from this bridge first (a dialog, the recent list,
 * a recovered draft or the file the window was launched with); any other path is refused.
 */
import type { CommandId } from "./commands";
import type { HookCallOutcome, HookCallRequest } from "./hook-call";

/**
 * FileStamp (what a file looked like when we last read or wrote it: mtimeMs, size, sha256 hex; a save
 * compares it with the disk) and Settings (the preferences the renderer owns; main validates every field,
 * window bounds and recents are kept apart) are inferred from their schemas in validation.ts.
 */
export type { EvaluatorName, FileStamp, Settings, Theme } from "./validation";
import type { FileStamp, Settings } from "./validation";

export interface OpenedDocument {
  path: string;
  /** File name without folders, for titles and tabs. */
  name: string;
  text: string;
  stamp: FileStamp;
}

export interface SaveRequest {
  path: string;
  text: string;
  /** The stamp from when the document was opened or last saved; null for "overwrite whatever is there". */
  expected: FileStamp | null;
}

export interface SaveAsRequest {
  text: string;
  /** Proposed file name in the dialog, e.g. "my-script.js". */
  suggestedName?: string;
}

export type SaveOutcome =
  | { status: "saved"; path: string; name: string; stamp: FileStamp }
  /** The user cancelled a dialog, or declined to overwrite a file changed on disk. Nothing was written. */
  | { status: "cancelled" };

export interface RecentFile {
  path: string;
  name: string;
  /** ISO time it was last opened or saved. */
  openedAt: string;
}

/** An AM REST / Amster / Frodo export, handed to the engine's importer unparsed. */
export interface ImportedExport {
  name: string;
  text: string;
}

export interface SampleFile {
  /** Path relative to the samples folder, with "/" separators, e.g. "seed/legacy.js". */
  relativePath: string;
  name: string;
  text: string;
}


/**
 * An unsaved edit, written as the user types (the renderer debounces; main writes). Main stores it under an
 * id it issues and records the path in its own index; per window at most 20 drafts, 5 MB each, 20 MB together.
 */
export interface DraftInput {
  /**
   * The window's own label for the document, letters, digits, "-" and "_", at most 64; or the key a
   * recovered draft was offered under (listDrafts), to keep writing to it.
   */
  key: string;
  /** The file the edit belongs to (a path this window was granted), or null for an untitled document. */
  path: string | null;
  text: string;
}

export interface DraftSummary {
  key: string;
  path: string | null;
  /** File name, or "Untitled". */
  name: string;
  /** ISO time of the last write. */
  savedAt: string;
  bytes: number;
}

export interface Draft extends DraftSummary {
  text: string;
}

/** The watched file changed on disk (stamp) or disappeared (stamp null). */
export interface ExternalChange {
  path: string;
  stamp: FileStamp | null;
}

export interface AppInfo {
  name: string;
  version: string;
  versions: { electron: string; chrome: string; node: string; v8: string };
  platform: string;
  isPackaged: boolean;
}

export interface MenuCommandEvent {
  id: CommandId;
  /** For "file.openRecent": the recent file picked in the menu (already allowed for openPath). */
  path?: string;
}

/** A workspace folder: its scripts (`*.js`) and cases (`*.case.json`), not recursive. */
export interface WorkspaceFolder {
  path: string;
  name: string;
  /** Sorted by name; each may be opened, saved and watched by this window. */
  files: OpenedDocument[];
  /** Files left out by the size and count limits, with the reason. */
  skipped: { name: string; reason: string }[];
}

export type Unsubscribe = () => void;

export interface PlaygroundApi {
  /** Shows the open dialog (several files allowed); [] when cancelled. */
  openFiles(): Promise<OpenedDocument[]>;
  /** Opens a path already granted to this window (dialog, drop, recent list, launch file, recovered draft). */
  openPath(path: string): Promise<OpenedDocument>;
  /**
   * Desktop drag and drop: the on-disk path of a File dropped on the page, or null when it has none
   * (e.g. dragged out of another app). Runs in the preload, since File objects cannot cross IPC.
   */
  pathForDroppedFile(file: File): string | null;
  /**
   * Opens a dropped file by the path `pathForDroppedFile` gave. Main checks it like a dialog result
   * (absolute, an existing regular .js / .json file within the size limit) and grants it to the window,
   * so it can be saved and watched, and adds it to the recent files.
   */
  openDroppedPath(path: string): Promise<OpenedDocument>;
  /** The file this window was started on (command line, second instance, Finder), or null. */
  getLaunchDocument(): Promise<OpenedDocument | null>;
  /** Atomic save; asks the user before overwriting a file that changed on disk since `expected`. */
  save(request: SaveRequest): Promise<SaveOutcome>;
  saveAs(request: SaveAsRequest): Promise<SaveOutcome>;
  listRecentFiles(): Promise<RecentFile[]>;
  /** Shows an open dialog for JSON exports; null when cancelled. */
  importExportFile(): Promise<ImportedExport | null>;
  /** The bundled samples (scripts, scenarios, cases). */
  readSamples(): Promise<SampleFile[]>;
  readSettings(): Promise<Settings>;
  /** Merges the given fields (each validated) and returns the stored settings. */
  writeSettings(patch: Partial<Settings>): Promise<Settings>;
  writeDraft(draft: DraftInput): Promise<void>;
  readDraft(key: string): Promise<Draft | null>;
  /** This window's drafts and those a crashed session or closed window left (first to restore claims), newest first. */
  listDrafts(): Promise<DraftSummary[]>;
  discardDraft(key: string): Promise<void>;
  /** Watches one file for this window (null stops watching); changes arrive through onFileChanged. */
  watchFile(path: string | null): Promise<void>;
  onFileChanged(listener: (change: ExternalChange) => void): Unsubscribe;
  /** Shows a folder dialog and lists the folder's scripts and cases; null when cancelled. */
  openWorkspaceFolder(): Promise<WorkspaceFolder | null>;
  /** Lists again a folder this window opened with openWorkspaceFolder. */
  listWorkspaceFolder(path: string): Promise<WorkspaceFolder>;
  getAppInfo(): Promise<AppInfo>;
  /** Opens an https link in the user's browser; false when the URL was refused. */
  openExternal(url: string): Promise<boolean>;
  onMenuCommand(listener: (command: MenuCommandEvent) => void): Unsubscribe;
  /**
   * POSTs a OneWelcome hook request to a service on this machine (the page asked the user first). Main checks
   * the request's shape, refuses any address off the loopback interface, and never throws: the outcome says
   * what happened.
   */
  callHook(request: HookCallRequest): Promise<HookCallOutcome>;
}

/** What every request returns over IPC; the preload turns failures back into thrown Errors. */
export type IpcEnvelope<T> = { ok: true; value: T } | { ok: false; message: string };

declare global {
  interface Window {
    /** Present only inside the Electron shell; the browser build runs without it. */
    playground?: PlaygroundApi;
  }
}
