/**
 * IBM's other mapping rule (`ibm.otherRule`) as a file in the page. The CLI reads a `.js` value as a path
 * relative to the scenario; the page cannot read paths, so the user loads the file (the form's "Other rule"
 * field: pick or drop) and the page keeps its text beside the scenario's libraries, under the name the
 * scenario now holds. The scenario text keeps the file's name, so Save writes what the CLI reads; the engine
 * gets the rule's source (`ScenarioState.runDoc`). A name the page has no file for is a scenario issue at
 * `$.ibm.otherRule` that says how to load it, never a run of the name as JavaScript.
 */
import type { ScenarioIssue } from "../../engine/api";
import { SAMPLE_SCRIPT_FILES } from "../samples";
import { isLibraryPath, libraryKey } from "./libraries";

/** IBM's default rules are about 30 KB; a file far beyond that is not a mapping rule. */
export const RULE_FILE_MAX_BYTES = 512 * 1024;

export type RuleFileRead = { ok: true; name: string; text: string } | { ok: false; message: string };

/** A picked or dropped file's bytes as a mapping rule's source, or why they are not one (naming the file). */
export function readRuleFile(name: string, bytes: Uint8Array): RuleFileRead {
  if (!/\.js$/i.test(name)) return { ok: false, message: `${name}: not a mapping rule: IBM's rules are JavaScript files (.js).` };
  if (bytes.byteLength > RULE_FILE_MAX_BYTES) {
    return { ok: false, message: `${name}: ${Math.ceil(bytes.byteLength / 1024)} KB is more than a mapping rule (at most ${RULE_FILE_MAX_BYTES / 1024} KB).` };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: `${name}: not UTF-8 text, so not a rule the appliance could load.` };
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) return { ok: false, message: `${name}: a binary file (a NUL character at offset ${nul}), not a rule's source.` };
  if (text.trim() === "") return { ok: false, message: `${name}: the file is empty; the other rule would do nothing.` };
  return { ok: true, name, text: text.replace(/^\uFEFF/, "") };
}

interface IbmPart {
  product?: unknown;
  ibm?: { otherRule?: unknown };
}

/** What the scenario's ibm.otherRule holds, as the form shows it. */
export type OtherRuleView =
  | { kind: "none" }
  | { kind: "inline"; lines: number }
  | { kind: "file"; name: string; loaded: boolean; lines: number | null; from: "loaded" | "sample" | null };

/**
 * The file a rule path names: one the user loaded, else a sample's own script (a sample scenario names its
 * other rule relative to samples/, as the CLI reads it).
 */
function fileOf(path: string, files: ReadonlyMap<string, string>): { text: string; from: "loaded" | "sample" } | undefined {
  const key = libraryKey(path);
  const name = key.replace(/^.*\//, "");
  const loaded = files.get(key) ?? files.get(name);
  if (loaded !== undefined) return { text: loaded, from: "loaded" };
  const sample = SAMPLE_SCRIPT_FILES.get(name);
  return sample === undefined ? undefined : { text: sample, from: "sample" };
}

const lineCount = (text: string) => text.split("\n").length;

export function otherRuleView(doc: unknown, files: ReadonlyMap<string, string>): OtherRuleView {
  const other = (doc as IbmPart | null)?.ibm?.otherRule;
  if (typeof other !== "string") return { kind: "none" };
  if (!isLibraryPath(other)) return { kind: "inline", lines: lineCount(other) };
  const file = fileOf(other, files);
  return { kind: "file", name: other.trim(), loaded: file !== undefined, lines: file ? lineCount(file.text) : null, from: file?.from ?? null };
}

/**
 * The key a loaded file's text is kept under, and the value ibm.otherRule takes: a path the scenario already
 * names with the same file name stays (so the CLI still finds it beside the scenario), else the file's name.
 */
export function ruleFileTarget(doc: unknown, fileName: string): { key: string; otherRule: string } {
  const other = (doc as IbmPart | null)?.ibm?.otherRule;
  if (typeof other === "string" && isLibraryPath(other) && libraryKey(other).replace(/^.*\//, "") === fileName) {
    return { key: libraryKey(other), otherRule: other.trim() };
  }
  return { key: libraryKey(fileName), otherRule: fileName };
}

/** The scenario as the engine must get it: an IBM scenario's otherRule file name replaced by that file's text. */
export function resolveOtherRule(doc: unknown, files: ReadonlyMap<string, string>): { doc: unknown; issues: ScenarioIssue[] } {
  const part = doc as IbmPart | null;
  const other = part?.ibm?.otherRule;
  if (part?.product !== "ibm-verify-access" || typeof other !== "string" || !isLibraryPath(other)) return { doc, issues: [] };
  const file = fileOf(other, files);
  if (file === undefined) {
    return {
      doc,
      issues: [
        {
          path: "$.ibm.otherRule",
          message: `the other mapping rule's file "${other.trim()}" is not loaded: the page cannot read paths. Load it in Scenario › Form › IBM mapping rules (pick or drop the file), or put the rule's source here.`,
        },
      ],
    };
  }
  return { doc: { ...(doc as Record<string, unknown>), ibm: { ...part.ibm, otherRule: file.text } }, issues: [] };
}

/** The scenario with its IBM part patched; `otherRule: undefined` removes the other rule. */
export function withIbm(doc: unknown, patch: { rule?: "pre-token" | "post-token"; otherRule?: string | undefined }): Record<string, unknown> {
  const base = (doc && typeof doc === "object" && !Array.isArray(doc) ? doc : {}) as Record<string, unknown>;
  const ibm = { ...((base.ibm && typeof base.ibm === "object" ? base.ibm : {}) as Record<string, unknown>) };
  if (patch.rule) ibm.rule = patch.rule;
  if ("otherRule" in patch) {
    if (patch.otherRule === undefined) delete ibm.otherRule;
    else ibm.otherRule = patch.otherRule;
  }
  return { ...base, ibm };
}
