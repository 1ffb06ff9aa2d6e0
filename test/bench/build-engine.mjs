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

export async function buildEngine() {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: "warn",
    build: {
      ssr: true,
      outDir: ENGINE_BUNDLE_DIR,
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
  return pathToFileURL(ENGINE_BUNDLE).href;
}

export const engineUrl = () => pathToFileURL(ENGINE_BUNDLE).href;
