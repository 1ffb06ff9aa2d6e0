#!/usr/bin/env node
// `npm start`: runs `electron-vite dev` (arguments passed through, e.g. `npm start -- file.js`), but first
// checks that the Electron binary is installed. Without it electron-vite prints a dev-server URL that is
// about to die, then "Error: Electron uninstall" and a stack trace; this says instead what to do.
//
// The check reads what `require("electron")` would return (node_modules/electron/path.txt → dist/<binary>,
// or ELECTRON_EXEC_PATH, which electron-vite honours) without requiring the package: requiring it when the
// binary is missing starts a download, which hangs or fails offline.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Electron 45's installer and tooling (@electron/get, node-abi, …) declare this Node version. */
export const DESKTOP_NODE_RANGE = { major: 22, minor: 12 };

/**
 * Where the Electron binary is, or why there is none.
 * @param {{ env: Record<string, string | undefined>, electronPackageDir: () => string | null,
 *           exists: (file: string) => boolean, readText: (file: string) => string | null }} io
 * @returns {{ found: true, binary: string } | { found: false, reason: "no-package" | "no-binary" | "bad-exec-path", detail: string }}
 */
export function findElectronBinary(io) {
  const override = io.env.ELECTRON_EXEC_PATH;
  if (override) {
    return io.exists(override) ? { found: true, binary: override } : { found: false, reason: "bad-exec-path", detail: override };
  }
  const dir = io.electronPackageDir();
  if (dir === null) return { found: false, reason: "no-package", detail: "node_modules/electron" };
  const relative = io.readText(path.join(dir, "path.txt"))?.trim();
  if (!relative) return { found: false, reason: "no-binary", detail: path.join(dir, "dist") };
  const binary = path.join(dir, "dist", relative);
  return io.exists(binary) ? { found: true, binary } : { found: false, reason: "no-binary", detail: binary };
}

/** True when this Node can run Electron 45's installer. */
export function nodeCanInstallElectron(version) {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  return major > DESKTOP_NODE_RANGE.major || (major === DESKTOP_NODE_RANGE.major && minor >= DESKTOP_NODE_RANGE.minor);
}

/** The advice printed instead of electron-vite's stack trace. */
export function missingElectronMessage(result, nodeVersion) {
  const what =
    result.reason === "bad-exec-path"
      ? `ELECTRON_EXEC_PATH is set to ${result.detail}, which does not exist.`
      : result.reason === "no-package"
        ? "The electron package is not installed (run npm ci first)."
        : `The Electron binary is not installed (${result.detail} is missing): npm ci skips its download when offline or when ELECTRON_SKIP_BINARY_DOWNLOAD is set.`;
  const nodeNote = nodeCanInstallElectron(nodeVersion)
    ? []
    : [`  (Electron 45's installer needs Node ${DESKTOP_NODE_RANGE.major}.${DESKTOP_NODE_RANGE.minor} or newer; this is Node ${nodeVersion}.)`];
  return [
    `npm start cannot open the desktop app. ${what}`,
    "",
    "Get the binary (needs internet once):",
    "  node node_modules/electron/install.js",
    "or reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD set:",
    "  npm ci",
    ...nodeNote,
    "",
    "The same UI runs offline in the browser:",
    "  npm run web",
    "",
  ].join("\n");
}

function realIo(root) {
  const require = createRequire(path.join(root, "package.json"));
  return {
    env: process.env,
    electronPackageDir: () => {
      try {
        return path.dirname(require.resolve("electron/package.json"));
      } catch {
        return null;
      }
    },
    exists: (file) => existsSync(file),
    readText: (file) => {
      try {
        return readFileSync(file, "utf8");
      } catch {
        return null;
      }
    },
  };
}

function main() {
  const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
  const result = findElectronBinary(realIo(root));
  if (!result.found) {
    process.stderr.write(missingElectronMessage(result, process.version));
    process.exitCode = 1;
    return;
  }
  const require = createRequire(path.join(root, "package.json"));
  const electronVite = path.join(path.dirname(require.resolve("electron-vite/package.json")), "bin", "electron-vite.js");
  const child = spawn(process.execPath, [electronVite, "dev", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
