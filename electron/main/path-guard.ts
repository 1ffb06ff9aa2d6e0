/**
 * The folders main keeps for itself (the app's data folder: settings, recent files, the draft index and
 * texts, Chromium's storage). No window may ever hold a capability inside them, whatever way the path
 * arrived (drop, dialog, recent list, launch file, workspace, recovered draft), because a window that could
 * write there could forge main's own records — e.g. a draft index that names ~/.bashrc.
 *
 * A path is refused when it lies inside a protected folder as written (after folding "." and ".."), or once
 * symlinks are resolved (a link elsewhere that points in), compared without regard to case (macOS and
 * Windows file systems fold case, so "USERDATA/Drafts" is the same folder). On a case-sensitive system the
 * fold can only refuse more, never less.
 */
import path from "node:path";
import { UserFacingError } from "./errors";
import { errorCode, type FileSystem } from "./fs-port";

export class ProtectedPathError extends UserFacingError {
  override name = "ProtectedPathError";
}

export class PathGuard {
  private canonicalDirs: Promise<string[]> | null = null;

  constructor(
    private readonly fs: FileSystem,
    private readonly protectedDirs: readonly string[],
  ) {}

  /**
   * Resolves when `filePath` may become (or be used as) a capability; otherwise throws a message that
   * names the file. A path that does not exist yet (Save As to a new name) is judged by its folder.
   */
  async check(filePath: string): Promise<void> {
    const written = path.resolve(filePath);
    const forms = [written, await this.canonical(written)];
    const dirs = [...this.protectedDirs.map((dir) => path.resolve(dir)), ...(await this.canonicalProtectedDirs())];
    if (forms.some((form) => dirs.some((dir) => isInside(form, dir)))) {
      throw new ProtectedPathError(`${filePath} is inside the app's own data folder; files there cannot be opened or saved from a window.`);
    }
  }

  /** The symlink-free form of a path, or of its nearest existing ancestor plus the rest. */
  private async canonical(filePath: string): Promise<string> {
    let existing = filePath;
    const rest: string[] = [];
    for (;;) {
      try {
        return path.join(await this.fs.realpath(existing), ...rest);
      } catch (error) {
        const code = errorCode(error);
        if (code === "ENAMETOOLONG") throw new UserFacingError(`${path.basename(filePath).slice(0, 80)}…: the name is too long for this system.`);
        if (code !== "ENOENT" && code !== "ENOTDIR") throw new UserFacingError(`${filePath} cannot be used (${code ?? (error as Error).message}).`);
        const parent = path.dirname(existing);
        if (parent === existing) return filePath;
        rest.unshift(path.basename(existing));
        existing = parent;
      }
    }
  }

  private canonicalProtectedDirs(): Promise<string[]> {
    // The data folder may itself sit behind a symlink (a moved home folder); resolved once, when it exists.
    this.canonicalDirs ??= Promise.all(this.protectedDirs.map((dir) => this.canonical(path.resolve(dir)).catch(() => path.resolve(dir))));
    return this.canonicalDirs;
  }
}

/** True when `candidate` is `dir` or lies below it, ignoring case. */
export function isInside(candidate: string, dir: string): boolean {
  const relative = path.relative(dir.toLowerCase(), candidate.toLowerCase());
  // "..name" is a file inside; only ".." itself or "../…" leaves the folder.
  const leaves = relative === ".." || relative.startsWith(`..${path.sep}`);
  return relative === "" || (!leaves && !path.isAbsolute(relative));
}
