/**
 * The file-system operations main needs, as an interface so tests can inject faults (a crash between
 * the temp write and the rename) while still using a real temporary folder.
 */
import { promises as fsp, watch as fsWatch } from "node:fs";

export interface FileInfo {
  mtimeMs: number;
  size: number;
  mode: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface DirectoryWatcher {
  close(): void;
}

export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>;
  /** Creates `path` (fails if it exists), writes and flushes it to disk before resolving. */
  writeNewFileDurably(path: string, data: string, mode?: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<FileInfo>;
  mkdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  /** The canonical path: symlinks resolved, "." and ".." folded (fails when the path does not exist). */
  realpath(path: string): Promise<string>;
  /** Calls `listener(fileName)` when something in the folder changes. */
  watchDirectory(path: string, listener: (fileName: string | null) => void): DirectoryWatcher;
}

export const nodeFileSystem: FileSystem = {
  readFile: (path) => fsp.readFile(path),
  async writeNewFileDurably(path, data, mode) {
    const handle = await fsp.open(path, "wx", mode ?? 0o644);
    try {
      await handle.writeFile(data, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  stat: (path) => fsp.stat(path),
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true });
  },
  readdir: (path) => fsp.readdir(path),
  realpath: (path) => fsp.realpath(path),
  watchDirectory(path, listener) {
    const watcher = fsWatch(path, { persistent: false }, (_event, fileName) => listener(fileName ? String(fileName) : null));
    watcher.on("error", () => undefined);
    return watcher;
  },
};

export function errorCode(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

export function isMissingFileError(error: unknown): boolean {
  return errorCode(error) === "ENOENT";
}
