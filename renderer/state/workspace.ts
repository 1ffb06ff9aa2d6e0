/**
 * A workspace folder: its scripts and cases, and what running a case means. Pure; unit-tested.
 * A case names its script relative to itself; the folder view is flat, so the name is looked up among
 * the folder's files (a "./" prefix is allowed, sub-folders are not).
 */
import { checkExpectation, type Mismatch, type RunResult } from "../../engine/api";

export interface WorkspaceFile {
  /** Path relative to the folder, "/"-separated. */
  name: string;
  text: string;
}

export interface WorkspaceListing {
  scripts: WorkspaceFile[];
  cases: WorkspaceFile[];
}

export const MAX_WORKSPACE_FILES = 500;
export const MAX_WORKSPACE_FILE_BYTES = 1024 * 1024;

export function listWorkspace(files: readonly WorkspaceFile[]): WorkspaceListing {
  const usable = files.filter((f) => f.text.length <= MAX_WORKSPACE_FILE_BYTES).slice(0, MAX_WORKSPACE_FILES);
  const byName = (a: WorkspaceFile, b: WorkspaceFile) => a.name.localeCompare(b.name);
  return {
    scripts: usable.filter((f) => f.name.toLowerCase().endsWith(".js")).sort(byName),
    cases: usable.filter((f) => f.name.toLowerCase().endsWith(".case.json")).sort(byName),
  };
}

export interface PreparedCase {
  name: string;
  script: string;
  scenario: Record<string, unknown>;
  expect: Record<string, unknown> | undefined;
}

export type CaseOutcome = { status: "pass" } | { status: "fail"; mismatches: Mismatch[] } | { status: "error"; message: string };

function folderOf(name: string): string {
  const cut = name.lastIndexOf("/");
  return cut < 0 ? "" : name.slice(0, cut + 1);
}

/** The case's scenario and its script's text, or why it cannot run. */
export function prepareCase(caseFile: WorkspaceFile, scripts: readonly WorkspaceFile[]): PreparedCase | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(caseFile.text);
  } catch (error) {
    return { error: `${caseFile.name}: not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return { error: `${caseFile.name}: a case must be a JSON object` };
  const scenario = doc as Record<string, unknown>;
  if (typeof scenario.script !== "string") return { error: `${caseFile.name}: $.script must name the script file` };
  const wanted = folderOf(caseFile.name) + scenario.script.replace(/^\.\//, "");
  const script = scripts.find((s) => s.name === wanted);
  if (!script) return { error: `${caseFile.name}: script "${scenario.script}" is not in this folder` };
  const expect = scenario.expect && typeof scenario.expect === "object" ? (scenario.expect as Record<string, unknown>) : undefined;
  return { name: caseFile.name, script: script.text, scenario, expect };
}

/** Pass when the result matches `expect`; a case without `expect` passes when the script ran without error. */
export function judgeCase(expect: Record<string, unknown> | undefined, result: RunResult): CaseOutcome {
  if (!expect) return result.ok ? { status: "pass" } : { status: "error", message: result.error?.message ?? "the script failed" };
  const mismatches = checkExpectation(expect, result);
  return mismatches.length ? { status: "fail", mismatches } : { status: "pass" };
}
