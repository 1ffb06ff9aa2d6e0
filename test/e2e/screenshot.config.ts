import { defineConfig } from "vitest/config";

/** The README's screenshot (npm run screenshot): not a test, a picture written to docs/. */
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/e2e/readme-screenshot.shot-ui.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
