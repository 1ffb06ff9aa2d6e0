/**
 * Whether one real path lies inside another, for the CLI's file confinement (files.ts), as pure path logic so
 * that Windows spellings can be tested on any machine with node:path.win32 injected. Both paths are what
 * realpathSync.native returned: the file system's own spelling of each name, so names compare exactly. A
 * case-insensitive comparison (path.win32.relative's) would let `..\ROOT\x` out of `C:\proj\root` in a folder
 * where Windows' per-directory case sensitivity is on, and `\\?\` / `\\.\` prefixes would make one folder look
 * like two.
 */
import nodePath, { type PlatformPath } from "node:path";

/** `\\?\C:\x` and `\\.\C:\x` → `C:\x`; `\\?\UNC\server\share\x` → `\\server\share\x` (Windows only). */
export function withoutDevicePrefix(path: string, api: PlatformPath = nodePath): string {
  if (api.sep !== "\\") return path;
  const slashes = path.replace(/\//g, "\\");
  const unc = /^\\\\[?.]\\UNC\\/i.exec(slashes);
  if (unc) return `\\\\${slashes.slice(unc[0].length)}`;
  const device = /^\\\\[?.]\\(?=[A-Za-z]:)/.exec(slashes);
  return device ? slashes.slice(device[0].length) : slashes;
}

/** A path's root (drive or UNC share, compared without case as Windows does) and its names (compared exactly). */
function parts(path: string, api: PlatformPath): { root: string; names: string[] } {
  const normal = api.normalize(withoutDevicePrefix(path, api));
  const root = api.parse(normal).root;
  const names = normal.slice(root.length).split(api.sep).filter((n) => n !== "");
  return { root: api.sep === "\\" ? root.toLowerCase() : root, names };
}

/** Whether `inner` is `outer` or inside it; both absolute real paths. */
export function isWithinFolder(outer: string, inner: string, api: PlatformPath = nodePath): boolean {
  if (!api.isAbsolute(outer) || !api.isAbsolute(inner)) return false;
  const o = parts(outer, api);
  const i = parts(inner, api);
  if (o.root !== i.root || i.names.length < o.names.length) return false;
  return o.names.every((name, k) => i.names[k] === name);
}
