import { defineConfig } from "vitest/config";

/** The UI latency benchmark (npm run bench:ui): not a test, a measurement written to docs/. */
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/e2e/ui-latency.bench-ui.ts"],
    environment: "node",
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
