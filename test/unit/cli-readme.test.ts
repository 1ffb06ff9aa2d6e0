import { describe, expect, it, beforeAll, vi } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

// Each test spawns the CLI several times; on two shared cores that can take longer than the default 20 s.
vi.setConfig({ testTimeout: 120000 });

/**
 * The README's shell snippets that call the command line are run as written, so its commands stay true.
 * A trailing `# … → "text"` comment is a promise about the output, and is checked too.
 */
const README = readFileSync("README.md", "utf8");
const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
const cliBlocks = blocks.filter((b) => b.includes("bin/token-playground.js") && !/^\s*npm /m.test(b));

function promises(block: string): string[] {
  return [...block.matchAll(/→ "([^"]+)"/g)].map((m) => m[1]);
}

beforeAll(() => {
  if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli (npm test does)");
});

describe("README", () => {
  it("opens with install, start, the offline alternative and the tests", () => {
    const first = blocks[0];
    expect(first.split("\n").map((l) => l.split("#")[0].trim()).filter(Boolean)).toEqual([
      "npm install",
      "npm start",
      "npm run web",
      "npm test",
    ]);
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    for (const name of ["start", "web", "test"]) expect(scripts).toHaveProperty(name);
  });

  it("has command-line snippets to run", () => {
    expect(cliBlocks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(cliBlocks.map((b) => [b.split("\n")[0], b]))("runs as written: %s …", (_first, block) => {
    // Line by line with -e: every command in the block must succeed, not just the last one.
    const result = spawnSync("bash", ["-euo", "pipefail", "-c", block], { encoding: "utf8", timeout: 120000 });
    expect(result.stderr).not.toMatch(/unknown (option|command)/);
    expect(result.status, result.stderr).toBe(0);
    for (const promise of promises(block)) expect(result.stdout).toContain(promise);
  });
});
