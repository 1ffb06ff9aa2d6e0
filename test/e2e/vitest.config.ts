import { defineConfig } from "vitest/config";

/** Browser tests (npm run test:e2e): real Chromium against the built site; needs `npm run build:web` first. */
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: "forks",
  },
});
