import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";

describe("npm run bench's options", () => {
  it("refuses an unknown option before measuring anything, naming --write, and leaves docs/benchmarks.md alone", () => {
    const before = { text: readFileSync("docs/benchmarks.md", "utf8"), mtime: statSync("docs/benchmarks.md").mtimeMs };
    const result = spawnSync(process.execPath, ["test/bench/bench.mjs", "--wirte"], { encoding: "utf8", timeout: 20000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option --wirte");
    expect(result.stderr).toContain("--write (record the figures in docs/benchmarks.md)");
    expect(result.stderr).not.toContain("building the engine");
    expect(readFileSync("docs/benchmarks.md", "utf8")).toBe(before.text);
    expect(statSync("docs/benchmarks.md").mtimeMs).toBe(before.mtime);
  });

  it("documents that the figures are written only with --write", () => {
    const doc = readFileSync("docs/benchmarks.md", "utf8");
    expect(doc).toContain("`npm run bench -- --write` also rewrites the figures block");
    expect(readFileSync("test/bench/bench.mjs", "utf8")).toMatch(/if \(args\.has\("--write"\)\) \{\n\s+const docPath/);
  });
});
