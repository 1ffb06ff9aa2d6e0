/**
 * Evidence a customer sent (client export, user, token, introspection, HAR, mock files) versus the files the
 * app opened before (scripts, scenarios, cases, AM script exports), told apart by content: a JSON file that is
 * a valid scenario or a readable script export keeps its old meaning, and only then is it tried as evidence.
 * Pure: the engine's evidence code runs here on the page (it needs no sandbox).
 */
// engine/api.ts, not engine/index.ts: the page bundle does not carry the sandbox.
import { buildScenarioFromEvidence, EvidenceError, parseScriptExport, recogniseEvidence, validateScenario, type EvidenceOutcome } from "../../engine/api";
import { kindOfFile, type FileKind } from "./fileKinds";

export type DroppedKind = FileKind | "evidence";

/** Names whose content is evidence whatever it holds (a JWT, a HAR); their errors are evidence errors. */
const EVIDENCE_EXTENSIONS = [".jwt", ".har", ".txt", ".token"];

function parses(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function recognised(name: string, text: string): boolean {
  try {
    recogniseEvidence({ name, text });
    return true;
  } catch {
    return false;
  }
}

function isScriptExport(name: string, text: string): boolean {
  try {
    return parseScriptExport(text, name).length > 0;
  } catch {
    return false;
  }
}

export function kindOfDropped(name: string, text: string): DroppedKind {
  const lower = name.toLowerCase();
  if (EVIDENCE_EXTENSIONS.some((ext) => lower.endsWith(ext))) return "evidence";
  const kind = kindOfFile(name, text);
  if (lower.endsWith(".scenario.json") || lower.endsWith(".case.json")) return kind;
  // An AM REST export's "script" is a string too, which kindOfFile alone takes for a case's script name.
  if (kind === "case") return isScriptExport(name, text) ? "export" : kind;
  if (kind !== "export" && kind !== "scenario") return kind;
  const doc = parses(text);
  // Broken JSON: the evidence reader names the line and column (the file is not a scenario either way).
  if (doc === undefined) return "evidence";
  if (kind === "scenario" && validateScenario(doc).ok) return "scenario";
  if (isScriptExport(name, text)) return "export";
  if (recognised(name, text)) return "evidence";
  // Neither: the old handling says what is wrong (the importer's or the scenario's own messages).
  return kind;
}

export type EvidenceBuild =
  | { ok: true; outcome: EvidenceOutcome }
  | { ok: false; file: string; place: string; message: string };

/** All evidence of one drop or pick becomes one scenario; the first bad file stops it and is named. */
export function buildEvidence(files: { name: string; text: string }[]): EvidenceBuild {
  try {
    return { ok: true, outcome: buildScenarioFromEvidence(files) };
  } catch (error) {
    if (error instanceof EvidenceError) return { ok: false, file: error.file, place: error.place, message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, file: files.map((f) => f.name).join(", "), place: "", message: `${files.map((f) => f.name).join(", ")}: ${message}` };
  }
}
