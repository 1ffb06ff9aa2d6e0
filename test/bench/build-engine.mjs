/**
 * Builds engine/index.ts into plain ESM (as the CLI's build does) so the benchmark measures the same
 * JavaScript the CLI runs, with no TypeScript loader in the timed path. Output lives under
 * node_modules/.cache so bare imports (quickjs, jose, zod…) resolve from the project's node_modules.
 */
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { build } from "vite";

import { ROOT } from "./paths.mjs";
export { ROOT };
export const ENGINE_BUNDLE_DIR = join(ROOT, "node_modules/.cache/token-playground-bench");
export const ENGINE_BUNDLE = join(ENGINE_BUNDLE_DIR, "engine.js");

/** Builds the engine bundle into `outDir` (the shared cache by default) and returns its URL. */
export async function buildEngine(outDir = ENGINE_BUNDLE_DIR) {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: "warn",
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: "node20",
      minify: false,
      sourcemap: false,
      rollupOptions: {
        input: { engine: join(ROOT, "engine/index.ts") },
        output: { format: "es", entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js" },
      },
    },
  });
  return pathToFileURL(join(outDir, "engine.js")).href;
}

export const engineUrl = () => pathToFileURL(ENGINE_BUNDLE).href;
