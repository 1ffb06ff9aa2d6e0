/**
 * What an opened or dropped file is, and what to load from it. Pure: unit-tested in test/renderer.
 * - `*.js` → the script; `*.scenario.json` → the scenario; `*.case.json` → the scenario (its `script` and
 *   `expect` stay in the JSON; the case runs as a scenario);
 * - any other JSON that looks like an AM REST / Amster / Frodo script export → the importer.
 */
import { ImportError, parseScriptExport, type ImportedScript } from "../../engine/api";

export type FileKind = "script" | "scenario" | "case" | "export" | "unknown";

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const EXPORT_MARKERS = ["result", "metadata", "realm", "global", "_id", "language", "evaluatorVersion"];

export function kindOfFile(name: string, text: string): FileKind {
  const lower = name.toLowerCase();
  if (lower.endsWith(".js")) return "script";
  if (lower.endsWith(".case.json")) return "case";
  if (lower.endsWith(".scenario.json")) return "scenario";
  if (!lower.endsWith(".json")) return "unknown";
  const doc = parseObject(text);
  if (!doc) return "export"; // let the importer name the JSON syntax error with its place
  if (typeof doc.script === "string" || "expect" in doc) return "case";
  if ((doc.script !== null && typeof doc.script === "object") || EXPORT_MARKERS.some((k) => k in doc)) return "export";
  return "scenario";
}

export type ImportOutcome = { ok: true; scripts: ImportedScript[] } | { ok: false; message: string };

/** Runs the engine's importer; an ImportError's message names the file and the JSON path. */
export function importExport(name: string, text: string): ImportOutcome {
  try {
    return { ok: true, scripts: parseScriptExport(text, name) };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, message: error.message };
    return { ok: false, message: `${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The playground runs JavaScript only; Groovy scripts are shown, read-only, and never run. */
export function isRunnable(script: Pick<ImportedScript, "language">): boolean {
  return script.language === "JAVASCRIPT";
}

/**
 * The scenario an imported script is loaded with: the current scenario (when it parses) with the script's
 * evaluator, so the user's client, identity and mocks stay and only the evaluator follows the export.
 */
export function scenarioForImport(currentScenarioText: string, evaluator: ImportedScript["evaluator"]): string {
  const current = parseObject(currentScenarioText) ?? {};
  return `${JSON.stringify({ ...current, evaluator }, null, 2)}\n`;
}

/** A draft key for a document (letters, digits, "-" and "_", at most 64, as the bridge requires). */
export function draftKeyFor(pathOrName: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < pathOrName.length; i++) {
    hash ^= pathOrName.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const stem = pathOrName.split(/[\\/]/).pop()!.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 40);
  return `doc-${stem}-${hash.toString(16)}`;
}
