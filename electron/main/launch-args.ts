/**
 * The file a window should open on, from a command line: `token-playground path/to/script.js`, a
 * second instance, or `npm start -- file`. Chromium and Electron switches are skipped.
 */
import path from "node:path";

export function launchPathFromArgv(argv: readonly string[], isPackaged: boolean, cwd: string): string | null {
  // Packaged: [app, ...args]. Development: [electron, appPath, ...args].
  const args = argv.slice(isPackaged ? 1 : 2);
  const candidate = args.find((arg) => arg.length > 0 && !arg.startsWith("-"));
  return candidate === undefined ? null : path.resolve(cwd, candidate);
}
