/**
 * Tells a window when the file it shows changes on disk (another editor, git checkout). The folder is
 * watched rather than the file, because editors that save by rename replace the file's inode and a
 * file watch would go silent. Only content changes are reported, and the app's own saves are not.
 */
import path from "node:path";
import type { ExternalChange, FileStamp } from "../../contracts/api";
import { currentStamp, sameContent } from "./files";
import type { DirectoryWatcher, FileSystem } from "./fs-port";

export interface FileWatcherOptions {
  fs: FileSystem;
  notify: (change: ExternalChange) => void;
  /** Bursts of events (write + rename + chmod) are folded into one check. */
  debounceMs?: number;
}

export class FileWatcher {
  private watched: { path: string; known: FileStamp | null; handle: DirectoryWatcher } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private checking: Promise<void> = Promise.resolve();

  constructor(private readonly options: FileWatcherOptions) {}

  get watchedPath(): string | null {
    return this.watched?.path ?? null;
  }

  /** Starts watching `filePath` (replacing any earlier watch); null stops. */
  async watch(filePath: string | null): Promise<void> {
    this.stop();
    if (filePath === null) return;
    const known = await currentStamp(this.options.fs, filePath);
    const name = path.basename(filePath);
    const handle = this.options.fs.watchDirectory(path.dirname(filePath), (changed) => {
      if (changed === null || changed === name) this.schedule();
    });
    this.watched = { path: filePath, known, handle };
  }

  /** Records a write made by the app itself so it is not reported as an outside change. */
  acknowledge(filePath: string, stamp: FileStamp): void {
    if (this.watched && this.watched.path === filePath) this.watched.known = stamp;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.watched?.handle.close();
    this.watched = null;
  }

  /** Resolves once any pending check has run; for callers that need a settled state. */
  async settled(): Promise<void> {
    await this.checking;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.checking = this.checking.then(() => this.check());
    }, this.options.debounceMs ?? 150);
  }

  private async check(): Promise<void> {
    const watched = this.watched;
    if (!watched) return;
    const now = await currentStamp(this.options.fs, watched.path).catch(() => null);
    const unchanged = now === null ? watched.known === null : watched.known !== null && sameContent(now, watched.known);
    if (unchanged || this.watched !== watched) return;
    watched.known = now;
    this.options.notify({ path: watched.path, stamp: now });
  }
}
