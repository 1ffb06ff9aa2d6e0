/**
 * The page's document work, shared by the commands (actions.ts), drag and drop, the workspace view, the
 * launch file and draft recovery: every way a file arrives goes through `loadFile`, every way the input is
 * replaced starts a new context, and Save goes to the opened file. Plain functions over an ActionContext,
 * so each is unit-tested with a real store and a stand-in platform (test/renderer/actions.test.ts).
 */
import type { Evaluator, ImportedScript } from "../../engine/api";
import type { OpenedFile, SaveResult } from "../platform";
import type { ActionContext } from "./context";
import type { EditorTarget } from "../state/pageState";
import { draftKeyFor, importExport, isRunnable, scenarioForImport } from "../state/fileKinds";
import { buildEvidence, kindOfDropped } from "../state/evidenceFiles";
import { formatScenario } from "../state/scenarioForm";
import { isLibraryPath, libraryKey } from "../state/libraries";
import { testCaseFrom } from "../state/testCase";
import { evaluatorChoice, MIGRATION_TARGET } from "../state/evaluators";
import { findSample, type Sample } from "../samples";
import { loadDraft, saveDraft } from "../state/persist";

/** Shows why an operation failed in the error banner (`data-kind="file"`). */
export function reportFailure(ctx: ActionContext, what: string): (error: unknown) => void {
  return (error) => ctx.store.dispatch({ type: "fileErrorShown", message: `${what} failed — ${error instanceof Error ? error.message : String(error)}` });
}

/** Puts a text into the script or scenario as if the app had typed it (editor model, check), and runs it. */
export function loadText(ctx: ActionContext, target: EditorTarget, text: string): void {
  ctx.store.dispatch({ type: "textEdited", target, text, at: ctx.now(), pushed: true });
  if (target === "script") ctx.runs.check();
  ctx.runs.request();
}

export function openDocument(ctx: ActionContext, file: OpenedFile, target: EditorTarget): void {
  const { dispatch } = ctx.store;
  dispatch({ type: "contextStarted" });
  dispatch({ type: "groovyShown", name: null });
  dispatch({ type: "fileErrorShown", message: null });
  loadText(ctx, target, file.text);
  dispatch({ type: "tabChosen", tab: target });
  dispatch({ type: "documentOpened", document: { name: file.name, target, path: file.path, stamp: file.stamp, savedText: file.text, draftKey: draftKeyFor(file.path ?? file.name) } });
}

/** One script of an export: into the editor; the scenario keeps the user's fields and takes its evaluator. */
export function loadImported(ctx: ActionContext, picked: ImportedScript): void {
  const { dispatch, getState } = ctx.store;
  dispatch({ type: "contextStarted" });
  dispatch({ type: "importChoicesShown", choices: null });
  const runnable = isRunnable(picked);
  const { scenario, scenarioText } = getState();
  dispatch({ type: "textEdited", target: "scenario", text: scenarioForImport(scenario.doc === null ? scenarioText : JSON.stringify(scenario.doc), picked.evaluator), at: ctx.now(), pushed: true });
  // Groovy is shown read-only and never run.
  dispatch({ type: "groovyShown", name: runnable ? null : picked.name });
  dispatch({ type: "textEdited", target: "script", text: picked.source, at: ctx.now(), pushed: true });
  ctx.runs.check();
  dispatch({ type: "tabChosen", tab: "script" });
  dispatch({ type: "documentOpened", document: { name: `${picked.name}.js`, target: "script", savedText: picked.source, draftKey: draftKeyFor(`import:${picked.format}:${picked.name}`) } });
  if (picked.warnings.length) dispatch({ type: "noticeShown", notice: { kind: "info", text: picked.warnings.join(" ") } });
  if (runnable) ctx.runs.request();
}

/** An export file: one script loads at once, several are offered in a picker; errors leave the text as it was. */
export function importFile(ctx: ActionContext, file: OpenedFile): void {
  const { dispatch } = ctx.store;
  const outcome = importExport(file.name, file.text);
  if (!outcome.ok) {
    dispatch({ type: "fileErrorShown", message: `Import failed — ${outcome.message}` });
    return;
  }
  dispatch({ type: "fileErrorShown", message: null });
  if (outcome.scripts.length === 1) loadImported(ctx, outcome.scripts[0]!);
  else dispatch({ type: "importChoicesShown", choices: { file: file.name, scripts: outcome.scripts } });
}

/**
 * Evidence files (one drop or pick) become one scenario, opened in the form; the report says how. A bad
 * file leaves the user's scenario as it was and the report names the file and the place.
 */
export function loadEvidence(ctx: ActionContext, files: OpenedFile[]): void {
  const { dispatch, getState } = ctx.store;
  const build = buildEvidence(files.map((f) => ({ name: f.name, text: f.text })));
  dispatch({ type: "evidenceShown", build });
  if (!build.ok) return;
  dispatch({ type: "contextStarted" });
  if (getState().document?.target === "scenario") dispatch({ type: "documentOpened", document: null });
  // The evidence says nothing about the evaluator: the one the switch shows stays.
  loadText(ctx, "scenario", formatScenario({ ...build.outcome.scenario, evaluator: getState().evaluator }));
  dispatch({ type: "tabChosen", tab: "scenario" });
  dispatch({ type: "scenarioViewChosen", view: "form" });
}

/**
 * A .js file the scenario's "libraries" names by path and the page does not have yet: it becomes that
 * library (the page cannot read paths itself), and the script in the editor stays.
 */
export function loadLibrary(ctx: ActionContext, file: OpenedFile): boolean {
  const state = ctx.store.getState();
  const libraries = (state.scenario.doc as { libraries?: Record<string, unknown> } | null)?.libraries ?? {};
  const wanted = Object.entries(libraries).find(
    ([, value]) =>
      typeof value === "string" && isLibraryPath(value) && !state.libraries.has(libraryKey(value)) && libraryKey(value).replace(/^.*\//, "") === file.name,
  );
  if (!wanted) return false;
  ctx.store.dispatch({ type: "libraryAdded", key: libraryKey(wanted[1] as string), text: file.text });
  ctx.store.dispatch({ type: "noticeShown", notice: { kind: "info", text: `Loaded ${file.name} as the library "${wanted[0]}" the scenario names.` } });
  ctx.runs.request();
  return true;
}

/** Any file the user opened, dropped or picked in the workspace: sorted by kind. */
export async function loadFile(ctx: ActionContext, file: OpenedFile): Promise<void> {
  const kind = kindOfDropped(file.name, file.text);
  if (kind === "evidence") return loadEvidence(ctx, [file]);
  if (kind === "unknown") {
    ctx.store.dispatch({ type: "fileErrorShown", message: `${file.name}: not a script (.js), scenario (.scenario.json), case (.case.json) or AM / Frodo export (.json).` });
    return;
  }
  if (kind === "script" && loadLibrary(ctx, file)) return;
  if (kind === "export") importFile(ctx, file);
  else openDocument(ctx, file, kind === "script" ? "script" : "scenario");
  ctx.platform.rememberRecent(file);
}

/** Files opened together: the evidence among them is read as one set, the rest one by one. */
export async function loadFiles(ctx: ActionContext, files: OpenedFile[]): Promise<void> {
  const evidenceFiles = files.filter((f) => kindOfDropped(f.name, f.text) === "evidence");
  for (const file of files) if (!evidenceFiles.includes(file)) await loadFile(ctx, file);
  if (evidenceFiles.length) loadEvidence(ctx, evidenceFiles);
}

export async function openRecent(ctx: ActionContext, path: string | undefined): Promise<void> {
  if (!path) return;
  await loadFile(ctx, await ctx.platform.openRecent(path));
}

export async function refreshRecent(ctx: ActionContext): Promise<void> {
  ctx.store.dispatch({ type: "recentListed", recent: await ctx.platform.listRecent() });
}

/** A draft a crashed or closed session left: its text, with the saved file (if any) as the unsaved baseline. */
export async function restoreDraft(ctx: ActionContext, key: string): Promise<void> {
  const draft = await ctx.platform.readDraft(key);
  ctx.store.dispatch({ type: "draftDropped", key });
  if (!draft) return;
  const target: EditorTarget = draft.name.toLowerCase().endsWith(".json") ? "scenario" : "script";
  let baseline: OpenedFile | null = null;
  if (draft.path) baseline = await ctx.platform.openRecent(draft.path).catch(() => null);
  loadText(ctx, target, draft.text);
  ctx.store.dispatch({ type: "tabChosen", tab: target });
  ctx.store.dispatch({
    type: "documentOpened",
    document: { name: draft.name, target, path: draft.path ?? undefined, stamp: baseline?.stamp, savedText: baseline?.text ?? "", draftKey: draft.key },
  });
}

export async function discardRecovered(ctx: ActionContext, key: string): Promise<void> {
  await ctx.platform.discardDraft(key);
  ctx.store.dispatch({ type: "draftDropped", key });
}

/** The text Save writes: the opened document's, else the tab's. */
function saveTarget(ctx: ActionContext): { target: EditorTarget; text: string; suggestedName: string } {
  const { document, tab, script, scenarioText, sample } = ctx.store.getState();
  const target = document?.target ?? tab;
  return {
    target,
    text: target === "scenario" ? scenarioText : script,
    suggestedName: document?.name ?? (tab === "script" ? `${sample.id}.js` : `${sample.id}.scenario.json`),
  };
}

function afterSave(ctx: ActionContext, outcome: SaveResult, text: string, target: EditorTarget): void {
  if (outcome.status !== "saved") return;
  const opened = ctx.store.getState().document;
  if (opened) void ctx.platform.discardDraft(opened.draftKey);
  ctx.store.dispatch({
    type: "documentOpened",
    document: { name: outcome.name, target, path: outcome.path, stamp: outcome.stamp, savedText: text, draftKey: draftKeyFor(outcome.path ?? outcome.name) },
  });
  ctx.store.dispatch({ type: "noticeShown", notice: { kind: "info", text: `Saved ${outcome.name}.` } });
}

export async function save(ctx: ActionContext): Promise<void> {
  const { groovy, document } = ctx.store.getState();
  if (groovy) return ctx.store.dispatch({ type: "noticeShown", notice: { kind: "info", text: "Groovy scripts are read-only here; nothing was saved." } });
  const { target, text, suggestedName } = saveTarget(ctx);
  const outcome = document ? await ctx.platform.save(document, text) : await ctx.platform.saveAs(suggestedName, text);
  afterSave(ctx, outcome, text, target);
}

export async function saveAs(ctx: ActionContext): Promise<void> {
  const { target, text, suggestedName } = saveTarget(ctx);
  afterSave(ctx, await ctx.platform.saveAs(suggestedName, text), text, target);
}

/** The scenario with the shown result as its `expect`: a regression test of what the script does now. */
export async function saveTestCase(ctx: ActionContext): Promise<void> {
  const { shown, context, document, sample, scenario } = ctx.store.getState();
  if (!shown || shown.context !== context) return;
  const scriptName = document?.target === "script" ? document.name : `${sample.id}.js`;
  const file = testCaseFrom(scenario.doc, scriptName, shown.result);
  const outcome = await ctx.platform.saveAs(file.name, file.text);
  if (outcome.status === "saved") ctx.store.dispatch({ type: "noticeShown", notice: { kind: "info", text: `Saved ${outcome.name}: it expects what this run gave. Keep it beside ${scriptName}.` } });
}

/** The evaluator switch: written into the scenario, run and checked at once. */
export function switchEvaluator(ctx: ActionContext, evaluator: Evaluator): void {
  ctx.store.dispatch({ type: "evaluatorSwitched", evaluator, at: ctx.now() });
  ctx.runs.request();
  ctx.runs.check();
}

function loadSample(ctx: ActionContext, sample: Sample, texts: { script: string; scenarioText: string }): void {
  ctx.store.dispatch({ type: "sampleLoaded", sample, ...texts, at: ctx.now() });
  ctx.runs.request();
  ctx.runs.check();
}

/** Another sample: the user's draft of it when there is one. */
export function switchSample(ctx: ActionContext, id: string): void {
  const next = findSample(id);
  const draft = loadDraft(ctx.platform.store, next.id);
  loadSample(ctx, next, { script: draft.script ?? next.script, scenarioText: draft.scenarioText ?? next.scenarioText });
}

/** The sample as shipped: its draft discarded, an opened file closed. */
export function revertSample(ctx: ActionContext): void {
  const { sample } = ctx.store.getState();
  saveDraft(ctx.platform.store, sample.id, {});
  loadSample(ctx, sample, { script: sample.script, scenarioText: sample.scenarioText });
}

/** The legacy script rewritten for next-generation, both run on the current scenario in a worker of their own. */
export function migrate(ctx: ActionContext): void {
  const { evaluator, script: legacy, scenario } = ctx.store.getState();
  if (!evaluatorChoice(evaluator).migratable) {
    ctx.store.dispatch({ type: "noticeShown", notice: { kind: "info", text: "Migrate to next-generation applies to legacy (1.0) scripts; this one is already for next-generation." } });
    return;
  }
  ctx.store.dispatch({ type: "migrationStarted", legacy });
  // An invalid scenario cannot be run: the rewrite and its changes still show, without a verdict.
  ctx.migrate(legacy, scenario.issues.length ? undefined : scenario.runDoc, scenario.timeoutMs).then(
    (report) => ctx.store.dispatch({ type: "migrationSettled", legacy, state: { status: "done", report } }),
    (error: unknown) => ctx.store.dispatch({ type: "migrationSettled", legacy, state: { status: "failed", message: error instanceof Error ? error.message : String(error) } }),
  );
}

/** "Use the rewrite": the next-generation script replaces the legacy one, and the switch follows. */
export function adoptRewrite(ctx: ActionContext, rewritten: string): void {
  ctx.store.dispatch({ type: "migrationClosed" });
  loadText(ctx, "script", rewritten);
  ctx.store.dispatch({ type: "tabChosen", tab: "script" });
  switchEvaluator(ctx, MIGRATION_TARGET);
}

export function toggleRunAsYouType(ctx: ActionContext): void {
  const next = !ctx.store.getState().runAsYouType;
  ctx.store.dispatch({ type: "runAsYouTypeSet", on: next, byUser: true });
  void ctx.platform.saveRunAsYouType(next).catch(() => {});
}
