/**
 * Web build of the renderer (`npm run web`, `npm run build:web` → dist/web/).
 * Relative base so the site works from any static server, file:// and Electron's custom scheme.
 * The CLI has its own config (vite.cli.config.ts).
 */
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { CONTENT_SECURITY_POLICY } from "./contracts/csp";

const repoRoot = fileURLToPath(new URL(".", import.meta.url));

/** The CSP as a <meta> tag in the built page. Dev mode skips it: Vite's HMR preamble is an inline script. */
function contentSecurityPolicy(): Plugin {
  return {
    name: "playground-csp",
    apply: "build",
    transformIndexHtml: () => [
      { tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY }, injectTo: "head-prepend" },
    ],
  };
}

export default defineConfig({
  root: "renderer",
  base: "./",
  publicDir: false,
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: "es" },
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    sourcemap: false,
  },
  server: { fs: { allow: [repoRoot] }, host: "127.0.0.1" },
  // Pre-bundled up front so the dev server does not reload the page when the worker first pulls them in.
  optimizeDeps: {
    include: ["react", "react-dom/client", "zod", "@jitl/quickjs-wasmfile-release-sync", "quickjs-emscripten-core", "acorn", "acorn-walk", "jose", "bcryptjs"],
  },
});
