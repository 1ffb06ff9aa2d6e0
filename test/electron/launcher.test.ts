/**
 * `npm start` without the Electron binary (issue 16): the launcher finds that out before electron-vite
 * starts, and says what to do instead of printing a dead dev-server URL and a stack trace.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findElectronBinary, missingElectronMessage, nodeCanInstallElectron, type LauncherIo } from "../../electron/scripts/start.mjs";

const root = path.resolve(import.meta.dirname, "../..");

function io(files: Record<string, string>, env: Record<string, string> = {}, packageDir: string | null = "/repo/node_modules/electron"): LauncherIo {
  return {
    env,
    electronPackageDir: () => packageDir,
    exists: (file) => file in files,
    readText: (file) => files[file] ?? null,
  };
}

describe("finding the Electron binary (what require('electron') would return, without its download)", () => {
  it("finds it through path.txt when the binary exists", () => {
    const found = findElectronBinary(io({ "/repo/node_modules/electron/path.txt": "electron", "/repo/node_modules/electron/dist/electron": "" }));
    expect(found).toEqual({ found: true, binary: "/repo/node_modules/electron/dist/electron" });
  });

  it("reports the binary missing when path.txt is absent (download skipped) or names a file that is gone", () => {
    expect(findElectronBinary(io({}))).toEqual({ found: false, reason: "no-binary", detail: "/repo/node_modules/electron/dist" });
    expect(findElectronBinary(io({ "/repo/node_modules/electron/path.txt": "electron\n" }))).toEqual({
      found: false,
      reason: "no-binary",
      detail: "/repo/node_modules/electron/dist/electron",
    });
  });

  it("honours ELECTRON_EXEC_PATH as electron-vite does, and says when it points nowhere", () => {
    expect(findElectronBinary(io({ "/opt/electron/electron": "" }, { ELECTRON_EXEC_PATH: "/opt/electron/electron" }))).toEqual({ found: true, binary: "/opt/electron/electron" });
    expect(findElectronBinary(io({}, { ELECTRON_EXEC_PATH: "/nowhere/electron" }))).toEqual({ found: false, reason: "bad-exec-path", detail: "/nowhere/electron" });
  });

  it("reports the electron package itself missing", () => {
    expect(findElectronBinary(io({}, {}, null))).toMatchObject({ found: false, reason: "no-package" });
  });

  it("knows which Node can run Electron 45's installer", () => {
    expect(nodeCanInstallElectron("v22.12.0")).toBe(true);
    expect(nodeCanInstallElectron("v24.1.0")).toBe(true);
    expect(nodeCanInstallElectron("v22.11.9")).toBe(false);
    expect(nodeCanInstallElectron("v20.19.0")).toBe(false);
  });

  it("the advice names the fix, the offline alternative, and the Node the installer needs when this one is older", () => {
    const message = missingElectronMessage({ found: false, reason: "no-binary", detail: "/r/node_modules/electron/dist" }, "v20.19.0");
    expect(message).toContain("node node_modules/electron/install.js");
    expect(message).toContain("ELECTRON_SKIP_BINARY_DOWNLOAD");
    expect(message).toContain("npm run web");
    expect(message).toContain("needs Node 22.12 or newer; this is Node v20.19.0");
    expect(missingElectronMessage({ found: false, reason: "no-binary", detail: "/x" }, "v22.12.0")).not.toContain("needs Node");
  });
});

describe("npm start on this machine (no Electron binary here)", () => {
  const electronDir = path.dirname(createRequire(path.join(root, "package.json")).resolve("electron/package.json"));
  const binaryPresent = findElectronBinary({
    env: {},
    electronPackageDir: () => electronDir,
    exists: (file) => {
      try {
        readFileSync(file);
        return true;
      } catch {
        return false;
      }
    },
    readText: (file) => {
      try {
        return readFileSync(file, "utf8");
      } catch {
        return null;
      }
    },
  }).found;

  it("`npm start` runs the launcher", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
    expect(pkg.scripts.start).toBe("node electron/scripts/start.mjs");
  });

  it("prints what to do and exits 1, with no dev-server URL and no stack trace (the binary is absent here)", () => {
    // On a machine that has the binary, `npm start` would open the app instead: nothing to check here but the lookup.
    if (binaryPresent) return expect(binaryPresent).toBe(true);
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== "ELECTRON_EXEC_PATH"));
    const started = Date.now();
    const result = spawnSync(process.execPath, ["electron/scripts/start.mjs", "samples/seed-legacy.js"], { cwd: root, env, encoding: "utf8", timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.signal).toBeNull();
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^npm start cannot open the desktop app\. The Electron binary is not installed/);
    expect(result.stderr).toContain("node node_modules/electron/install.js");
    expect(result.stderr).toContain("npm run web");
    expect(result.stderr).not.toMatch(/localhost|127\.0\.0\.1|\n\s+at |Electron uninstall/);
    expect(Date.now() - started).toBeLessThan(10_000); // no download attempt, no dev server
  });

  it("with ELECTRON_EXEC_PATH pointing nowhere, says so the same way", () => {
    const result = spawnSync(process.execPath, ["electron/scripts/start.mjs"], {
      cwd: root,
      env: { ...process.env, ELECTRON_EXEC_PATH: "/nowhere/electron" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("ELECTRON_EXEC_PATH is set to /nowhere/electron, which does not exist.");
  });
});

describe("Node engines (issue 16)", () => {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const semver = createRequire(path.join(root, "package.json"))("semver") as { satisfies(version: string, range: string): boolean };

  it("states what the CLI, web build and tests need (Vite 8: ^20.19 or 22.12+), so Node 20 CI keeps working", () => {
    const range: string = pkg.engines.node;
    for (const ok of ["20.19.0", "20.20.2", "22.12.0", "24.0.0"]) expect(semver.satisfies(ok, range), ok).toBe(true);
    for (const tooOld of ["20.18.3", "21.7.0", "22.11.0", "18.20.0"]) expect(semver.satisfies(tooOld, range), tooOld).toBe(false);
  });

  it("matches what the tooling itself declares: Vite and electron-vite accept it, Electron's installer alone needs 22.12+", () => {
    const enginesOf = (name: string) => JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).engines.node as string;
    expect(enginesOf("vite")).toBe("^20.19.0 || >=22.12.0");
    expect(enginesOf("electron-vite")).toBe("^20.19.0 || >=22.12.0");
    expect(semver.satisfies("20.19.0", enginesOf("electron"))).toBe(false);
    expect(semver.satisfies("22.12.0", enginesOf("electron"))).toBe(true);
  });

  it("is not made strict for npm ci (engine-strict would turn Electron's EBADENGINE warnings on Node 20 into failures)", () => {
    let npmrc = "";
    try {
      npmrc = readFileSync(path.join(root, ".npmrc"), "utf8");
    } catch {
      // no project .npmrc: npm's default, engine-strict=false
    }
    expect(npmrc).not.toMatch(/engine-strict\s*=\s*true/);
    expect(pkg.devEngines).toBeUndefined();
  });
});
