/**
 * electron-vite: main (ESM), preload (CommonJS, because sandboxed preloads cannot be ES modules) and
 * the renderer. The renderer reuses the web build's own vite.config.ts, so the desktop app and
 * `npm run build:web` ship the same page; only the output folder differs (out/renderer).
 */
import { defineConfig, type UserConfig as ElectronViteConfig } from "electron-vite";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfigFromFile, mergeConfig, type UserConfig } from "vite";

const root = import.meta.dirname;

export default defineConfig(async (env): Promise<ElectronViteConfig> => {
  const webConfigFile = resolve(root, "vite.config.ts");
  const web: UserConfig = existsSync(webConfigFile)
    ? ((await loadConfigFromFile(env, webConfigFile, root))?.config ?? {})
    : { root: "renderer", base: "./", worker: { format: "es" } };

  return {
    main: {
      build: {
        outDir: resolve(root, "out/main"),
        // Bundle everything main imports: the packaged app ships no node_modules at all.
        externalizeDeps: false,
        sourcemap: false,
        rolldownOptions: { input: { index: resolve(root, "electron/main/index.ts") } },
      },
    },
    preload: {
      build: {
        outDir: resolve(root, "out/preload"),
        externalizeDeps: false,
        sourcemap: false,
        rolldownOptions: {
          input: { index: resolve(root, "electron/preload/index.ts") },
          output: { format: "cjs", entryFileNames: "[name].cjs" },
        },
      },
    },
    renderer: mergeConfig(web, {
      root: resolve(root, "renderer"),
      base: "./",
      build: {
        outDir: resolve(root, "out/renderer"),
        emptyOutDir: true,
        sourcemap: false,
        minify: true,
        rolldownOptions: { input: resolve(root, "renderer/index.html") },
      },
    }),
  };
});
