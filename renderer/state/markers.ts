/**
 * Editor squiggles: Rhino-dialect syntax errors and lint warnings from `check`, the failing line of the
 * last run, and scenario issues placed where their JSON path points in the text.
 */
import { lineColumnAt, type RunError, type RunWarning, type ScenarioIssue } from "../../engine/api";
import { indexJsonPlaces, locateJsonPath } from "./jsonLocate";

export interface Marker {
  message: string;
  severity: "error" | "warning";
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** Monaco clamps columns to the line's length, so this underlines to the end of the line. */
const LINE_END = 10_000;

function lineMarker(message: string, severity: Marker["severity"], line: number, column?: number): Marker {
  return { message, severity, startLine: line, startColumn: column ?? 1, endLine: line, endColumn: LINE_END };
}

export function errorMarkers(error: RunError | null | undefined): Marker[] {
  // Only an error with a real line of the script is marked (a watchdog timeout or an engine failure has none).
  if (!error || typeof error.line !== "number" || !Number.isInteger(error.line) || error.line < 1) return [];
  return [lineMarker(error.message, "error", error.line, error.column)];
}

export function warningMarkers(warnings: readonly RunWarning[] | undefined): Marker[] {
  return (warnings ?? [])
    .filter((w) => w.line !== undefined)
    .map((w) => lineMarker(`${w.message} (${w.code})`, "warning", w.line!));
}

/** Markers of a run result, leaving out what the syntax check already shows. */
export function runMarkers(error: RunError | null, warnings: readonly RunWarning[], alreadyShown: readonly Marker[]): Marker[] {
  const shown = new Set(alreadyShown.map((m) => `${m.startLine}|${m.message}`));
  const fromRun = error?.kind === "syntax" ? [] : errorMarkers(error);
  return [...fromRun, ...warningMarkers(warnings)].filter((m) => !shown.has(`${m.startLine}|${m.message}`));
}

/** Scenario issues as markers in the JSON text (syntax errors by line/column, others by JSON path). */
export function scenarioMarkers(text: string, issues: readonly ScenarioIssue[]): Marker[] {
  let places: ReturnType<typeof indexJsonPlaces> | undefined;
  return issues.map((issue) => {
    const at = /^line (\d+), column (\d+)$/.exec(issue.path);
    if (at) return lineMarker(issue.message, "error", Number(at[1]), Number(at[2]));
    if (!issue.path.startsWith("$")) return lineMarker(issue.message, "error", 1);
    places ??= indexJsonPlaces(text);
    const range = locateJsonPath(text, issue.path, places);
    const start = lineColumnAt(text, range.start);
    const end = lineColumnAt(text, range.end);
    return {
      message: `${issue.path}: ${issue.message}`,
      severity: "error",
      startLine: start.line,
      startColumn: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  });
}
