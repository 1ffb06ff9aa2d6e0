/**
 * The page's state and the one reducer that changes it. Everything the page shows or a debounced callback
 * needs (the newest script, scenario and evaluator) lives here, so callbacks read `store.getState()` instead
 * of refs that copy React state. Pure: unit-tested in test/renderer/pageState.test.ts.
 */
import type { Evaluator, ImportedScript, MigrationReport, RunResult } from "../../engine/api";
import type { DraftSummary, FileStamp, RecentFile } from "../../contracts/api";
import type { CheckOutcome } from "../engine-client/protocol";
import type { EvidenceBuild } from "./evidenceFiles";
import type { Sample } from "../samples";
import { SAMPLE_LIBRARIES } from "../samples";
import { isEvaluator } from "./evaluators";
import { readScenario, type ScenarioState } from "./scenarioState";
import { withEvaluator } from "./scenarioText";

/** The file the editor's Save goes to, and what it looked like when opened or last saved. */
export interface OpenDocument {
  name: string;
  target: EditorTarget;
  path?: string;
  stamp?: FileStamp;
  savedText: string;
  draftKey: string;
}

export type EditorTarget = "script" | "scenario";

/** A strip under the toolbar: what happened to a file, with at most one thing to do about it. */
export interface Notice {
  kind: "info" | "warning";
  text: string;
  action?: { label: string; run: () => void };
}

export type MigrationState = { status: "running" } | { status: "done"; report: MigrationReport } | { status: "failed"; message: string };

export interface ShownRun {
  id: number;
  result: RunResult;
  /** When the input it ran was edited (the UI benchmark's edit → result time). */
  editedAt: number;
  /** Which input it belongs to: bumped when another sample or file replaces the script and scenario. */
  context: number;
}

export interface PageState {
  sample: Sample;
  script: string;
  scenarioText: string;
  /** `scenarioText` read: parsed, validated, libraries resolved (recomputed by every scenario change). */
  scenario: ScenarioState;
  /** Library files the scenario's "libraries" can name: the samples' (bundled) and those the user opened. */
  libraries: ReadonlyMap<string, string>;
  evaluator: Evaluator;
  /** When the input last changed (by the user or the app). */
  editedAt: number;
  /** Bumped when the app itself changes a text, so the editor pushes it into its model (see CodeEditor). */
  revisions: Record<EditorTarget, number>;
  /** Bumped when another sample or file replaces the input: the old input's results are not this one's. */
  context: number;

  running: boolean;
  shown: ShownRun | null;
  /** The newest successful run (the "previous result" a failure shows beneath it). */
  lastGood: ShownRun | null;
  /** Typing is under way: a failed run's banner waits for the pause. */
  typing: boolean;
  checked: CheckOutcome | null;
  runAsYouType: boolean;
  /** The user toggled run-as-you-type: the stored choice, arriving later, does not override it. */
  runAsYouTypeTouched: boolean;

  tab: EditorTarget;
  scenarioView: "form" | "json";
  /** The flow step the timeline shows; null: the default one of each new result. */
  flowStep: number | null;
  tabMovesFocus: boolean;

  document: OpenDocument | null;
  /** The name of an imported Groovy script shown read-only (never run), or null. */
  groovy: string | null;
  notice: Notice | null;
  fileError: string | null;
  importChoices: { file: string; scripts: ImportedScript[] } | null;
  evidence: EvidenceBuild | null;
  migration: { legacy: string; state: MigrationState } | null;
  workspaceOpen: boolean;
  confirmRevert: boolean;
  recent: RecentFile[];
  drafts: DraftSummary[];
}

export interface InitialInput {
  sample: Sample;
  script: string;
  scenarioText: string;
  evaluator: Evaluator;
  tab?: EditorTarget;
  scenarioView?: "form" | "json";
}

export function initialPageState(input: InitialInput): PageState {
  return {
    sample: input.sample,
    script: input.script,
    scenarioText: input.scenarioText,
    scenario: readScenario(input.scenarioText, SAMPLE_LIBRARIES),
    libraries: SAMPLE_LIBRARIES,
    evaluator: input.evaluator,
    editedAt: 0,
    revisions: { script: 0, scenario: 0 },
    context: 0,
    running: false,
    shown: null,
    lastGood: null,
    typing: false,
    checked: null,
    runAsYouType: true,
    runAsYouTypeTouched: false,
    tab: input.tab ?? "script",
    scenarioView: input.scenarioView ?? "json",
    flowStep: null,
    tabMovesFocus: false,
    document: null,
    groovy: null,
    notice: null,
    fileError: null,
    importChoices: null,
    evidence: null,
    migration: null,
    workspaceOpen: false,
    confirmRevert: false,
    recent: [],
    drafts: [],
  };
}

export type PageAction =
  /** The user edited a text in the editor (or the form); `pushed`: the app changed it, the editor must follow. */
  | { type: "textEdited"; target: EditorTarget; text: string; at: number; pushed?: boolean }
  /** The evaluator switch (toolbar, menu, shortcut): also written into the scenario, so Save keeps it. */
  | { type: "evaluatorSwitched"; evaluator: Evaluator; at: number }
  /** Another sample, or the sample's own texts again (Revert): a new context, no open document. */
  | { type: "sampleLoaded"; sample: Sample; script: string; scenarioText: string; at: number }
  /** Another file or import replaces the input: its results start afresh. */
  | { type: "contextStarted" }
  | { type: "libraryAdded"; key: string; text: string }
  | { type: "runStarted" }
  | { type: "runAnswered"; run: ShownRun; accepted: boolean; stillNewest: boolean }
  | { type: "checked"; outcome: CheckOutcome }
  | { type: "typingStarted" }
  | { type: "typingPaused" }
  | { type: "runAsYouTypeSet"; on: boolean; byUser: boolean }
  | { type: "tabChosen"; tab: EditorTarget }
  | { type: "scenarioViewChosen"; view: "form" | "json" }
  | { type: "flowStepChosen"; step: number | null }
  | { type: "tabMovesFocusToggled" }
  | { type: "documentOpened"; document: OpenDocument | null }
  | { type: "groovyShown"; name: string | null }
  | { type: "noticeShown"; notice: Notice | null }
  | { type: "fileErrorShown"; message: string | null }
  | { type: "importChoicesShown"; choices: PageState["importChoices"] }
  | { type: "evidenceShown"; build: EvidenceBuild | null }
  | { type: "migrationStarted"; legacy: string }
  /** A migration's outcome; ignored when another migration (or none) is showing by then. */
  | { type: "migrationSettled"; legacy: string; state: MigrationState }
  | { type: "migrationClosed" }
  | { type: "workspaceToggled"; open?: boolean }
  | { type: "revertAsked"; asking: boolean }
  | { type: "recentListed"; recent: RecentFile[] }
  | { type: "draftsListed"; drafts: DraftSummary[] }
  | { type: "draftDropped"; key: string };

const evaluatorIn = (doc: unknown): unknown => (doc as { evaluator?: unknown } | null)?.evaluator;

function bump(revisions: PageState["revisions"], target: EditorTarget): PageState["revisions"] {
  return { ...revisions, [target]: revisions[target] + 1 };
}

function scenarioEdited(state: PageState, text: string, at: number, pushed: boolean): PageState {
  const scenario = readScenario(text, state.libraries);
  // Editing the scenario's "evaluator" moves the switch with it (the switch wins otherwise).
  const previous = evaluatorIn(state.scenario.doc);
  const next = evaluatorIn(scenario.doc);
  const evaluator = next !== previous && isEvaluator(next) ? next : state.evaluator;
  return { ...state, scenarioText: text, scenario, evaluator, editedAt: at, revisions: pushed ? bump(state.revisions, "scenario") : state.revisions };
}

function newContext(state: PageState): PageState {
  return { ...state, context: state.context + 1, flowStep: null };
}

export function pageReducer(state: PageState, action: PageAction): PageState {
  switch (action.type) {
    case "textEdited": {
      const pushed = action.pushed ?? false;
      if (action.target === "scenario") {
        if (action.text === state.scenarioText) return pushed ? { ...state, revisions: bump(state.revisions, "scenario") } : state;
        return scenarioEdited(state, action.text, action.at, pushed);
      }
      if (action.text === state.script) return pushed ? { ...state, revisions: bump(state.revisions, "script") } : state;
      return { ...state, script: action.text, editedAt: action.at, revisions: pushed ? bump(state.revisions, "script") : state.revisions };
    }
    case "evaluatorSwitched": {
      const text = withEvaluator(state.scenarioText, action.evaluator);
      const withText = text === state.scenarioText ? state : scenarioEdited(state, text, action.at, true);
      return { ...withText, evaluator: action.evaluator, editedAt: action.at };
    }
    case "sampleLoaded": {
      const loaded: PageState = {
        ...newContext(state),
        sample: action.sample,
        script: action.script,
        scenarioText: action.scenarioText,
        scenario: readScenario(action.scenarioText, state.libraries),
        evaluator: action.sample.evaluator,
        editedAt: action.at,
        revisions: { script: state.revisions.script + 1, scenario: state.revisions.scenario + 1 },
        document: null,
        groovy: null,
        confirmRevert: false,
      };
      return loaded;
    }
    case "contextStarted":
      return newContext(state);
    case "libraryAdded": {
      const libraries = new Map(state.libraries).set(action.key, action.text);
      return { ...state, libraries, scenario: readScenario(state.scenarioText, libraries) };
    }
    case "runStarted":
      return state.running ? state : { ...state, running: true };
    case "runAnswered": {
      const { run, accepted, stillNewest } = action;
      return {
        ...state,
        shown: accepted ? run : state.shown,
        lastGood: accepted && run.result.ok ? run : state.lastGood,
        running: stillNewest ? false : state.running,
      };
    }
    case "checked":
      return { ...state, checked: action.outcome };
    case "typingStarted":
      return state.typing ? state : { ...state, typing: true };
    case "typingPaused":
      return state.typing ? { ...state, typing: false } : state;
    case "runAsYouTypeSet":
      // The stored choice arrives asynchronously; a toggle made before it arrives wins.
      if (!action.byUser && state.runAsYouTypeTouched) return state;
      return { ...state, runAsYouType: action.on, runAsYouTypeTouched: state.runAsYouTypeTouched || action.byUser };
    case "tabChosen":
      return { ...state, tab: action.tab };
    case "scenarioViewChosen":
      return { ...state, scenarioView: action.view };
    case "flowStepChosen":
      return { ...state, flowStep: action.step };
    case "tabMovesFocusToggled":
      return { ...state, tabMovesFocus: !state.tabMovesFocus };
    case "documentOpened":
      return { ...state, document: action.document };
    case "groovyShown":
      return { ...state, groovy: action.name };
    case "noticeShown":
      return { ...state, notice: action.notice };
    case "fileErrorShown":
      return { ...state, fileError: action.message };
    case "importChoicesShown":
      return { ...state, importChoices: action.choices };
    case "evidenceShown":
      return { ...state, evidence: action.build };
    case "migrationStarted":
      return { ...state, migration: { legacy: action.legacy, state: { status: "running" } } };
    case "migrationSettled":
      return state.migration && state.migration.legacy === action.legacy ? { ...state, migration: { legacy: action.legacy, state: action.state } } : state;
    case "migrationClosed":
      return { ...state, migration: null };
    case "workspaceToggled":
      return { ...state, workspaceOpen: action.open ?? !state.workspaceOpen };
    case "revertAsked":
      return { ...state, confirmRevert: action.asking };
    case "recentListed":
      return { ...state, recent: action.recent };
    case "draftsListed":
      return { ...state, drafts: action.drafts };
    case "draftDropped":
      return { ...state, drafts: state.drafts.filter((d) => d.key !== action.key) };
  }
}

/** Whether the input differs from the sample as shipped (Revert asks before discarding it). */
export function hasEdits(state: PageState): boolean {
  return state.document !== null || state.script !== state.sample.script || state.scenarioText !== state.sample.scenarioText;
}

/** Whether the opened file has unsaved edits (the toolbar's `•`). */
export function documentDirty(state: PageState): boolean {
  const doc = state.document;
  return doc !== null && (doc.target === "script" ? state.script : state.scenarioText) !== doc.savedText;
}
