/** Where the built worker lives: beside the built CLI entry (dist/cli/). */
export function workerUrl(): URL {
  return new URL("./worker.js", import.meta.url);
}
