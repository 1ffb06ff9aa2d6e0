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

const IMPORT_PATTERN = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT_PATTERN)].map((m) => m[1] ?? m[2]);
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

  it("renderer/ never imports electron, node: modules or the electron/ folder (the bridge's shapes live in contracts/)", () => {
    let checked = 0;
    for (const file of sources("renderer")) {
      for (const spec of imports(file)) {
        checked++;
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:|^electron(\/|$)/);
        expect(spec, `${file} imports ${spec}`).not.toMatch(/(^|\/)electron\//);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("electron/ never imports renderer/ (what both sides share lives in contracts/)", () => {
    let checked = 0;
    for (const file of sources("electron")) {
      for (const spec of imports(file)) {
        checked++;
        expect(spec, `${file} imports ${spec}`).not.toMatch(/(^|\/)renderer\//);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("engine/ reads one file of contracts/, the catalog, and the catalog imports nothing (so the engine takes no more of contracts/ through it)", () => {
    const reached = sources("engine").flatMap((file) => imports(file).filter((spec) => /(^|\/)contracts\//.test(spec)).map((spec) => spec.replace(/^(\.\.\/)+/, "")));
    expect(reached.length).toBeGreaterThan(0);
    expect([...new Set(reached)]).toEqual(["contracts/catalog"]);
    expect(imports("contracts/catalog.ts")).toEqual([]);
  });

  it("contracts/ is neutral: zod and its own files only, nothing from engine/, cli/, renderer/, electron/ or node:", () => {
    let checked = 0;
    for (const file of sources("contracts")) {
      for (const spec of imports(file)) {
        checked++;
        expect(spec === "zod" || /^\.\/[A-Za-z0-9_-]+$/.test(spec), `${file} imports ${spec}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("the import scanner sees the shapes these rules are about (so a rule cannot pass by reading nothing)", () => {
    const probe = ['import type { A } from "../electron/api";', 'export { B } from "./b";', 'const c = await import("../renderer/x");'].join("\n");
    expect([...probe.matchAll(IMPORT_PATTERN)].map((m) => m[1] ?? m[2])).toEqual(["../electron/api", "./b", "../renderer/x"]);
  });
});
