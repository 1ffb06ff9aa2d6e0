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
    // One retry: Chromium and Monaco's language workers share two cores with the rest of CI; a real defect
    // fails twice.
    retry: 1,
    pool: "forks",
  },
});
