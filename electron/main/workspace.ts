/**
 * The workspace folder view: the user picks a folder in main's dialog, and main lists the scripts
 * (`*.js`) and cases (`*.case.json`) directly in it (not recursive), with their text and stamp, so the
 * renderer can show them, run every case, and open one for editing.
 *
 * The folder and every listed file become capabilities of the window (open, save, watch); nothing else
 * under the folder does. Limits keep a folder of generated files from flooding the renderer.
 */
import path from "node:path";
import type { OpenedDocument, WorkspaceFolder } from "../../contracts/api";
import type { DialogPort, DocumentWindow } from "./documents";
import type { PathGuard } from "./path-guard";
import { notGrantedError, UserFacingError } from "./errors";
import { readDocument } from "./files";
import { isMissingFileError, type FileSystem } from "./fs-port";

export interface WorkspaceLimits {
  /** Files listed at most (the rest are reported as skipped). */
  maxFiles: number;
  maxFileBytes: number;
  /** All listed texts together. */
  maxTotalBytes: number;
}

export const WORKSPACE_LIMITS: Readonly<WorkspaceLimits> = { maxFiles: 200, maxFileBytes: 1024 * 1024, maxTotalBytes: 16 * 1024 * 1024 };

const LISTED = /(\.js|\.case\.json)$/i;

export function isWorkspaceFileName(name: string): boolean {
  return LISTED.test(name) && !name.startsWith(".");
}

/** Reads the folder's scripts and cases, sorted by name, within the limits. */
export async function listWorkspaceFolder(fs: FileSystem, folder: string, limits: WorkspaceLimits = WORKSPACE_LIMITS): Promise<WorkspaceFolder> {
  let entries: string[];
  try {
    if (!(await fs.stat(folder)).isDirectory()) throw new UserFacingError(`${folder} is not a folder.`);
    entries = await fs.readdir(folder);
  } catch (error) {
    if (isMissingFileError(error)) throw new UserFacingError(`${folder} no longer exists.`);
    throw error;
  }
  const files: OpenedDocument[] = [];
  const skipped: WorkspaceFolder["skipped"] = [];
  let total = 0;
  for (const name of entries.filter(isWorkspaceFileName).sort((a, b) => a.localeCompare(b))) {
    const filePath = path.join(folder, name);
    const info = await fs.stat(filePath).catch(() => null);
    if (!info?.isFile()) continue; // a folder named "x.js", or gone meanwhile
    if (files.length >= limits.maxFiles) {
      skipped.push({ name, reason: `more than ${limits.maxFiles} files` });
      continue;
    }
    if (info.size > limits.maxFileBytes) {
      skipped.push({ name, reason: `larger than ${Math.round(limits.maxFileBytes / 1024)} KB` });
      continue;
    }
    if (total + info.size > limits.maxTotalBytes) {
      skipped.push({ name, reason: "the folder's files together are too large" });
      continue;
    }
    const document = await readDocument(fs, filePath, limits.maxFileBytes).catch(() => null);
    if (!document) continue;
    total += info.size;
    files.push(document);
  }
  return { path: folder, name: path.basename(folder), files, skipped };
}

export class WorkspaceService<W> {
  /** `guard`: the same as the document service's, so a folder inside the app's data folder is refused. */
  constructor(
    private readonly fs: FileSystem,
    private readonly dialog: DialogPort<W>,
    private readonly guard: PathGuard,
    private readonly limits: WorkspaceLimits = WORKSPACE_LIMITS,
  ) {}

  /** The folder dialog; null when cancelled. The folder and its listed files are granted to the window. */
  async open(target: DocumentWindow<W>): Promise<WorkspaceFolder | null> {
    const choice = await this.dialog.showOpenDialog(target.window, { title: "Open Workspace Folder", properties: ["openDirectory"], filters: [] });
    const folder = choice.filePaths[0];
    if (choice.canceled || !folder) return null;
    await this.guard.check(folder);
    target.grants.add(folder);
    return this.grantAll(target, await listWorkspaceFolder(this.fs, folder, this.limits));
  }

  /** Lists a folder this window opened before (to refresh after files changed). */
  async list(target: DocumentWindow<W>, folder: string): Promise<WorkspaceFolder> {
    if (!target.grants.has(folder)) throw notGrantedError(folder);
    await this.guard.check(folder);
    return this.grantAll(target, await listWorkspaceFolder(this.fs, folder, this.limits));
  }

  /** Every listed file is granted, except one that links into the app's data folder (left out, said why). */
  private async grantAll(target: DocumentWindow<W>, listing: WorkspaceFolder): Promise<WorkspaceFolder> {
    const files: OpenedDocument[] = [];
    const skipped = [...listing.skipped];
    for (const file of listing.files) {
      try {
        await this.guard.check(file.path);
      } catch (error) {
        skipped.push({ name: file.name, reason: (error as Error).message });
        continue;
      }
      target.grants.add(file.path);
      files.push(file);
    }
    return { ...listing, files, skipped };
  }
}
