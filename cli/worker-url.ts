/**
 * Where the built worker lives: dist/cli/worker.js, beside the built CLI entry. The commands load lazily, so this
 * module is bundled into dist/cli/chunks/ (vite.cli.config.ts's chunkFileNames), one folder below it.
 */
export function workerUrl(): URL {
  const inChunk = /\/chunks\/[^/]+$/.test(new URL(import.meta.url).pathname);
  return new URL(inChunk ? "../worker.js" : "./worker.js", import.meta.url);
}
