import { defineConfig } from "vite";

// Builds the command line (and its worker) for Node; dependencies stay external and load from node_modules.
export default defineConfig({
  build: {
    ssr: true,
    outDir: "dist/cli",
    emptyOutDir: true,
    target: "node20",
    sourcemap: false,
    minify: false,
    rollupOptions: {
      input: { "token-playground": "cli/entry.ts", worker: "cli/worker.ts" },
      output: { format: "es", entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js" },
    },
  },
});
