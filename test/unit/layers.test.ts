import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
}

describe("layer rules", () => {
  it("engine/ imports no node: module, no DOM-only package and nothing from the other layers", () => {
    for (const file of sources("engine")) {
      for (const spec of imports(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:|^(fs|path|os|child_process|worker_threads|electron)$/);
        expect(spec, `${file} imports ${spec}`).not.toMatch(/(^|\/)(cli|renderer|electron)\//);
      }
    }
  });

  it("renderer/ never imports electron or node: modules", () => {
    let checked = 0;
    for (const file of sources("renderer")) {
      for (const spec of imports(file)) {
        checked++;
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:|^electron(\/|$)/);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
