import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    testTimeout: 20000,
    hookTimeout: 60000,
    pool: "forks",
    // Each fork runs its test files in one module graph instead of a fresh one per file: importing the
    // engine took 1.5 s per file, 39 s of a 241 s run. No test relies on a fresh graph: the whole suite passed
    // with files in two shuffled orders (--sequence.shuffle.files, seeds 7 and 4242) like this.
    isolate: false,
  },
});
