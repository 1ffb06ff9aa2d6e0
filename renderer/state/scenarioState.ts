/**
 * The scenario text read for the page: parsed, validated, its library paths resolved to the library files
 * the page has. Pure, so the page's store computes it on every scenario edit.
 */
import { parseJsonText, validateScenario, type ScenarioIssue } from "../../engine/api";
import { SAMPLE_LIBRARIES } from "../samples";
import { resolveLibraries } from "./libraries";
import { resolveOtherRule } from "./ruleFile";

export interface ScenarioState {
  /** The document as the user wrote it (the form edits this one). */
  doc: unknown;
  /** The document the engine runs: library paths (and IBM's otherRule file) replaced by the files' text. */
  runDoc: unknown;
  issues: ScenarioIssue[];
  timeoutMs: number;
}

export function readScenario(text: string, libraryFiles: ReadonlyMap<string, string> = SAMPLE_LIBRARIES): ScenarioState {
  const json = parseJsonText(text);
  if (!json.ok) return { doc: null, runDoc: null, issues: [json.issue], timeoutMs: 1000 };
  const outcome = validateScenario(json.value);
  if (!outcome.ok) return { doc: json.value, runDoc: json.value, issues: outcome.issues, timeoutMs: 1000 };
  const libraries = resolveLibraries(json.value, libraryFiles);
  const rule = resolveOtherRule(libraries.doc, libraryFiles);
  return { doc: json.value, runDoc: rule.doc, issues: [...libraries.issues, ...rule.issues], timeoutMs: outcome.scenario.timeoutMs };
}
