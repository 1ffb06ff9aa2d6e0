/**
 * The document operations behind the bridge: dialogs, open, save, save-as, import, recent files.
 *
 * Paths are capabilities, and only a user gesture creates one: a window may read, save or watch a path
 * only after the user chose it in a dialog, dropped it on the window, picked it from the recent list main
 * wrote, it was the launch file, or main's own draft index recorded it for a draft of a file the window
 * held. Nothing the renderer wrote (a draft's text, a file it saved) is ever read back as a path. And no
 * path inside the app's data folder is ever granted (path-guard.ts), so main's own records cannot be
 * forged through the bridge.
 */
import path from "node:path";
import type { FileStamp, ImportedExport, OpenedDocument, SaveAsRequest, SaveOutcome, SaveRequest } from "../../contracts/api";
import { notGrantedError, UserFacingError } from "./errors";
import { changedOnDisk, readDocument, writeFileAtomically } from "./files";
import type { FileSystem } from "./fs-port";
import { PathGuard } from "./path-guard";
import type { SettingsStore } from "./settings-store";

export interface OpenDialogOptions {
  title?: string;
  defaultPath?: string;
  properties: ("openFile" | "openDirectory" | "multiSelections")[];
  filters: { name: string; extensions: string[] }[];
}
export interface SaveDialogOptions {
  title?: string;
  defaultPath?: string;
  filters: { name: string; extensions: string[] }[];
}
export interface MessageBoxOptions {
  type: "none" | "info" | "error" | "question" | "warning";
  title?: string;
  message: string;
  detail?: string;
  buttons: string[];
  defaultId?: number;
  cancelId?: number;
  noLink?: boolean;
}

/** The slice of Electron's `dialog` module used here; W is the owner window type. */
export interface DialogPort<W> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showMessageBox(window: W, options: MessageBoxOptions): Promise<{ response: number }>;
}

/** Per-window state the document operations need. */
export interface DocumentWindow<W> {
  window: W;
  /** Paths this window may open, save and watch. */
  grants: Set<string>;
  /** Told about the app's own writes so they are not reported as outside changes. */
  acknowledgeWrite(filePath: string, stamp: FileStamp): void;
}

export const MAX_EXPORT_BYTES = 20 * 1024 * 1024;

const DOCUMENT_FILTERS = [
  { name: "Scripts and scenarios", extensions: ["js", "json"] },
  { name: "All files", extensions: ["*"] },
];

/** The kinds the open dialog offers (scripts, scenarios, cases, exports); other dropped files are refused. */
/** Scripts, JSON (scenarios, cases, exports, JSON evidence) and the customer's evidence files: HAR captures and JWTs. */
const DROPPABLE_EXTENSIONS = [".js", ".json", ".har", ".jwt"];

export const CONFLICT_BUTTONS = ["Overwrite", "Cancel"] as const;

export interface DocumentServiceOptions<W> {
  fs: FileSystem;
  dialog: DialogPort<W>;
  store: SettingsStore;
  /** Called after the recent list changed (to rebuild the Open Recent menu). */
  onRecentChanged?: () => void;
  /** Folders no window may touch; by default the store's data folder. */
  guard?: PathGuard;
}

export class DocumentService<W> {
  readonly guard: PathGuard;

  constructor(private readonly options: DocumentServiceOptions<W>) {
    this.guard = options.guard ?? new PathGuard(options.fs, [options.store.userDataDir]);
  }

  /** The one way a path becomes a capability of a window: after the guard admitted it. */
  async grant(target: DocumentWindow<W>, filePath: string): Promise<void> {
    await this.guard.check(filePath);
    target.grants.add(filePath);
  }

  /** A path the window already holds, still outside the protected folders (a link may have moved). */
  async requireGranted(target: DocumentWindow<W>, filePath: string): Promise<void> {
    if (!target.grants.has(filePath)) throw notGrantedError(filePath);
    await this.guard.check(filePath);
  }

  async openFiles(target: DocumentWindow<W>): Promise<OpenedDocument[]> {
    const choice = await this.options.dialog.showOpenDialog(target.window, {
      title: "Open",
      properties: ["openFile", "multiSelections"],
      filters: DOCUMENT_FILTERS,
    });
    if (choice.canceled) return [];
    const documents: OpenedDocument[] = [];
    for (const chosen of choice.filePaths) {
      const filePath = path.normalize(chosen);
      await this.grant(target, filePath);
      documents.push(await this.readAndRemember(filePath));
    }
    return documents;
  }

  async openPath(target: DocumentWindow<W>, filePath: string): Promise<OpenedDocument> {
    await this.requireKnown(target, filePath);
    try {
      // Inside the try: a recent entry that now leads into the data folder is dropped like a missing file.
      await this.grant(target, filePath);
      return await this.readAndRemember(filePath);
    } catch (error) {
      if (error instanceof UserFacingError) {
        await this.options.store.removeRecentFile(filePath);
        this.options.onRecentChanged?.();
      }
      throw error;
    }
  }

  /**
   * A file dropped on the window, by the path the preload resolved with webUtils. The renderer could
   * name any path here, so it must look like something a user would drop on purpose: an existing
   * regular file of a kind the open dialog offers, within the document size limit. Then it is treated
   * like a dialog result: granted to this window and added to the recent files. Never inside the app's
   * data folder, whatever the link or spelling.
   */
  async openDroppedPath(target: DocumentWindow<W>, filePath: string): Promise<OpenedDocument> {
    if (!DROPPABLE_EXTENSIONS.includes(path.extname(filePath).toLowerCase())) {
      throw new UserFacingError(`${path.basename(filePath)}: only scripts (.js), JSON files (.json) and evidence (.har, .jwt) can be dropped here.`);
    }
    await this.guard.check(filePath);
    const document = await readDocument(this.options.fs, filePath);
    await this.grant(target, filePath);
    await this.options.store.addRecentFile(filePath);
    this.options.onRecentChanged?.();
    return document;
  }

  async save(target: DocumentWindow<W>, request: SaveRequest): Promise<SaveOutcome> {
    await this.requireGranted(target, request.path);
    if (await changedOnDisk(this.options.fs, request.path, request.expected)) {
      const answer = await this.options.dialog.showMessageBox(target.window, {
        type: "warning",
        title: "File changed on disk",
        message: `${path.basename(request.path)} was changed by another program since you opened it.`,
        detail: "Overwrite it with your version? Choosing Cancel keeps the file on disk; your edits stay in the editor.",
        buttons: [...CONFLICT_BUTTONS],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      if (CONFLICT_BUTTONS[answer.response] !== "Overwrite") return { status: "cancelled" };
    }
    return this.writeAndRemember(target, request.path, request.text);
  }

  async saveAs(target: DocumentWindow<W>, request: SaveAsRequest): Promise<SaveOutcome> {
    const recent = await this.options.store.recentFiles();
    const folder = recent.length > 0 ? path.dirname(recent[0].path) : undefined;
    const name = request.suggestedName ?? "untitled.js";
    const choice = await this.options.dialog.showSaveDialog(target.window, {
      title: "Save As",
      defaultPath: folder ? path.join(folder, name) : name,
      filters: DOCUMENT_FILTERS,
    });
    if (choice.canceled || !choice.filePath) return { status: "cancelled" };
    const filePath = path.normalize(choice.filePath);
    await this.grant(target, filePath);
    // The system dialog already asked about replacing an existing file.
    return this.writeAndRemember(target, filePath, request.text);
  }

  async importExportFile(target: DocumentWindow<W>): Promise<ImportedExport | null> {
    const choice = await this.options.dialog.showOpenDialog(target.window, {
      title: "Import AM / Frodo export",
      properties: ["openFile"],
      filters: [
        { name: "Script exports", extensions: ["json"] },
        { name: "All files", extensions: ["*"] },
      ],
    });
    if (choice.canceled || choice.filePaths.length === 0) return null;
    const chosen = path.normalize(choice.filePaths[0]);
    await this.guard.check(chosen);
    const document = await readDocument(this.options.fs, chosen, MAX_EXPORT_BYTES);
    return { name: document.name, text: document.text };
  }

  private async requireKnown(target: DocumentWindow<W>, filePath: string): Promise<void> {
    if (target.grants.has(filePath)) return;
    const recent = await this.options.store.recentFiles();
    if (!recent.some((entry) => entry.path === filePath)) throw notGrantedError(filePath);
  }

  private async readAndRemember(filePath: string): Promise<OpenedDocument> {
    const document = await readDocument(this.options.fs, filePath);
    await this.options.store.addRecentFile(filePath);
    this.options.onRecentChanged?.();
    return document;
  }

  private async writeAndRemember(target: DocumentWindow<W>, filePath: string, text: string): Promise<SaveOutcome> {
    const stamp = await writeFileAtomically(this.options.fs, filePath, text);
    target.acknowledgeWrite(filePath, stamp);
    await this.options.store.addRecentFile(filePath);
    this.options.onRecentChanged?.();
    return { status: "saved", path: filePath, name: path.basename(filePath), stamp };
  }
}
