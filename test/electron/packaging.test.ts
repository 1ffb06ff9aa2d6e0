/**
 * Fast, offline checks of the packaging config and of the shell's sources. The slow end-to-end check
 * (package against a stub Electron, inspect app.asar, read the fuses back) is `npm run check:package`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "../..");
const builderConfig = JSON.parse(readFileSync(path.join(root, "electron-builder.json"), "utf8"));
const packageJson = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

describe("electron-builder.json", () => {
  it("passes electron-builder's own schema validation (and the validator does reject a bad key)", async () => {
    const { validateConfiguration } = require("app-builder-lib/out/util/config/config");
    await expect(validateConfiguration(builderConfig, { isEnabled: false })).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...builderConfig, nope: 1 }, { isEnabled: false })).rejects.toThrow(/unknown property 'nope'/);
  }, 30000);

  it("item 19: sets every fuse the checklist asks for", () => {
    expect(builderConfig.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("packages only built output: no sources, source maps or node_modules", () => {
    const includes = builderConfig.files.filter((f: string) => !f.startsWith("!"));
    expect(includes.every((f: string) => f === "package.json" || f.startsWith("out/"))).toBe(true);
    expect(builderConfig.files).toEqual(expect.arrayContaining(["!**/*.map", "!**/*.ts", "!node_modules/**/*"]));
    expect(builderConfig.asar).toBe(true);
  });

  it("builds AppImage + deb, dmg and nsis installers from the app icon", () => {
    expect(builderConfig.linux.target).toEqual(["AppImage", "deb"]);
    expect(builderConfig.mac.target).toEqual(["dmg"]);
    expect(builderConfig.win.target).toEqual(["nsis"]);
    expect(builderConfig.appId).toMatch(/^[a-z0-9.-]+$/);
    const png = readFileSync(path.join(root, builderConfig.linux.icon));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    // electron-builder needs at least 512×512 to derive the macOS and Windows icons.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });

  it("starts the packaged app from electron-vite's main output", () => {
    expect(packageJson.main).toBe("out/main/index.js");
  });
});

/** The parts of the resolved electron-vite config this test reads. */
type BuiltConfig = {
  main: { build: { rolldownOptions: { input: Record<string, string> }; outDir: string } };
  preload: { build: { rolldownOptions: { output: unknown }; outDir: string } };
  renderer: { root: string; base: string; build: { outDir: string; sourcemap: unknown } };
};

describe("electron-vite config", () => {
  it("builds main from electron/main, a CommonJS preload (.cjs) and the renderer into out/", async () => {
    const { default: configExport } = await import("../../electron.vite.config");
    const config = await (configExport as (env: { command: "build"; mode: string }) => Promise<BuiltConfig>)({ command: "build", mode: "production" });
    expect(config.main.build.rolldownOptions.input.index).toBe(path.join(root, "electron/main/index.ts"));
    expect(config.main.build.outDir).toBe(path.join(root, "out/main"));
    expect(config.preload.build.rolldownOptions.output).toEqual({ format: "cjs", entryFileNames: "[name].cjs" });
    expect(config.preload.build.outDir).toBe(path.join(root, "out/preload"));
    expect(config.renderer.root).toBe(path.join(root, "renderer"));
    expect(config.renderer.base).toBe("./");
    expect(config.renderer.build.outDir).toBe(path.join(root, "out/renderer"));
    expect(config.renderer.build.sourcemap).toBe(false);
  }, 30000);
});

describe("item 16: a current Electron", () => {
  it("uses Electron 45 or newer", () => {
    const installed = require("electron/package.json").version as string;
    expect(Number(installed.split(".")[0])).toBeGreaterThanOrEqual(45);
    expect(packageJson.devDependencies.electron).toMatch(/^\^?4[5-9]|^\^?[5-9]\d/);
  });
});

/** The shell's TypeScript sources with comments removed, so prose about an option does not count. */
function shellSources(): { file: string; code: string }[] {
  const dir = path.join(root, "electron");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => ({
      file,
      code: readFileSync(path.join(dir, file), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/(^|[^:"'])\/\/.*$/gm, "$1"),
    }));
}

describe("shell sources never weaken a checklist item", () => {
  const sources = shellSources();
  it.each([
    ["item 2: nodeIntegration: true", /nodeIntegration\w*\s*:\s*true/],
    ["item 3: contextIsolation: false", /contextIsolation\s*:\s*false/],
    ["item 4: sandbox: false / no-sandbox", /sandbox\s*:\s*false|no-sandbox/],
    ["item 6: any webSecurity setting", /webSecurity/],
    ["item 8: allowRunningInsecureContent", /allowRunningInsecureContent/],
    ["item 9: experimentalFeatures", /experimentalFeatures/],
    ["item 10: enableBlinkFeatures", /enableBlinkFeatures/],
    ["items 11/12: webviewTag: true / allowpopups", /webviewTag\s*:\s*true|allowpopups/],
    ["item 1: http:// content or insecure certificates", /["'`]http:\/\/|certificate-error|ignore-certificate-errors/],
    ["item 18: file:// pages or loadFile", /file:\/\/|loadFile\(/],
    ["item 20: ipcRenderer outside the preload", /ipcRenderer/],
  ])("%s does not appear", (_label, pattern) => {
    const offenders = sources.filter(({ file, code }) => pattern.test(code) && !(String(pattern).includes("ipcRenderer") && file.startsWith("preload")));
    expect(offenders.map((s) => s.file)).toEqual([]);
  });

  it("item 20: exactly one contextBridge exposure, in the preload", () => {
    const exposures = sources.filter(({ code }) => code.includes("exposeInMainWorld"));
    expect(exposures.map((s) => s.file)).toEqual([path.join("preload", "index.ts")]);
  });

  it("only main/index.ts imports the electron package (everything else is injected)", () => {
    const importers = sources.filter(({ code }) => /from\s+["']electron["']/.test(code)).map((s) => s.file).sort();
    expect(importers).toEqual([path.join("main", "index.ts"), path.join("preload", "index.ts")].sort());
  });
});

describe("the README's security checklist table", () => {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const table = readme.slice(readme.indexOf("### Electron security checklist → tests"));
  const rows = table
    .split("\n")
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => line.split("|").map((cell) => cell.trim()));

  it("has the checklist's 20 items, in order", () => {
    expect(rows.map((cells) => Number(cells[1]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("names only test files that exist, and every item names one", () => {
    const present = new Set(readdirSync(path.join(root, "test", "electron")));
    for (const cells of rows) {
      const named = [...cells[4].matchAll(/`([\w-]+\.test\.ts)`/g)].map((m) => m[1]);
      if (cells[4] !== "same as 11") expect(named.length, `item ${cells[1]}`).toBeGreaterThan(0);
      for (const file of named) expect(present.has(file), `item ${cells[1]}: ${file}`).toBe(true);
    }
  });
});
