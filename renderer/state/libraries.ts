/**
 * Library scripts named by path. A scenario's `"libraries": { "name": "lib/x.js" }` names a file relative to
 * the scenario, which the CLI reads from disk. The page cannot read paths, so it resolves them against the
 * files it has: the samples' libraries bundled into the page, and library files the user opened. A path it
 * cannot resolve is a scenario issue at `$.libraries.<name>` (the engine would otherwise run the path itself
 * as JavaScript, failing with `"lib" is not defined`).
 */
import type { ScenarioIssue } from "../../engine/api";

/** The same test as the CLI's: a one-line value ending in .js, with nothing that could be code. */
export function isLibraryPath(value: string): boolean {
  return /\.js$/i.test(value.trim()) && !/[\n;(){}]/.test(value);
}

/** Normalises "./lib/x.js", "lib\\x.js" and "samples/lib/x.js" alike to "lib/x.js"-style keys. */
export function libraryKey(path: string): string {
  return path.trim().replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/^samples\//, "");
}

export interface ResolvedLibraries {
  /** The scenario as the engine must get it: library paths replaced by their source. */
  doc: unknown;
  issues: ScenarioIssue[];
}

export function resolveLibraries(doc: unknown, files: ReadonlyMap<string, string>): ResolvedLibraries {
  const libraries = (doc as { libraries?: unknown } | null)?.libraries;
  if (!libraries || typeof libraries !== "object" || Array.isArray(libraries)) return { doc, issues: [] };
  const issues: ScenarioIssue[] = [];
  const resolved: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(libraries as Record<string, unknown>)) {
    if (typeof value !== "string" || !isLibraryPath(value)) {
      resolved[name] = value;
      continue;
    }
    const key = libraryKey(value);
    const source = files.get(key) ?? files.get(key.replace(/^.*\//, ""));
    if (source === undefined) {
      issues.push({
        path: `$.libraries.${name}`,
        message: `library file "${value.trim()}" is not loaded: the browser cannot read paths. Open the file (Open…) to load it, or put the library's source here instead of its path.`,
      });
      continue;
    }
    resolved[name] = source;
  }
  return { doc: { ...(doc as Record<string, unknown>), libraries: resolved }, issues };
}
