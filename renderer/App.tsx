/** The playground page: editor on the left, results on the right, engine in a worker. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { BINDING_DECLARATIONS, scenarioJsonSchema, type Evaluator, type RunResult } from "./engine-client/engineApi";
import type { EngineClient, RunAnswer } from "./engine-client/engineClient";
import { readScenario, textsOf, type Boot } from "./boot";
import type { CheckOutcome } from "./engine-client/protocol";
import { javascriptDefaults, jsonDefaults } from "./monaco/setup";
import { platform, type OpenedFile } from "./platform";
import type { DraftSummary, FileStamp, RecentFile } from "../contracts/api";
import type { RendererCommandId } from "../contracts/commands";
import { action, actionForKey, actionTitle, isMacPlatform, type ActionHost } from "./actions/actions";
import { draftKeyFor, importExport, isRunnable, scenarioForImport } from "./state/fileKinds";
import type { ImportedScript } from "../engine/api";
import { ImportPicker, NoticeBar, RecoveryBar, type Notice } from "./components/FileBars";
import { WorkspaceView } from "./components/WorkspaceView";
import { EvidenceReport } from "./components/EvidenceReport";
import { MigrationView, type MigrationState } from "./components/MigrationView";
import { buildEvidence, kindOfDropped, type EvidenceBuild } from "./state/evidenceFiles";
import { migrateInEngineWorker } from "./engine-client/migrationClient";
import { allSamples, findSample, SAMPLE_LIBRARIES } from "./samples";
import { withEvaluator } from "./state/scenarioText";
import { testCaseFrom } from "./state/testCase";
import { isLibraryPath, libraryKey } from "./state/libraries";
import { debounce } from "./state/debounce";
import { errorMarkers, runMarkers, scenarioMarkers, warningMarkers, type Marker } from "./state/markers";
import { DEFAULT_LAYOUT, loadLayout, loadTheme, saveDraft, saveLayout, saveSession, saveTheme, type Layout, type ThemeChoice } from "./state/persist";
import { formatScenario } from "./state/scenarioForm";
import { useSystemDark } from "./hooks";
import { CodeEditor, type EditorApi } from "./components/CodeEditor";
import { ScenarioForm } from "./components/ScenarioForm";
import { Splitter } from "./components/Splitter";
import { defaultStep, FlowTimeline } from "./components/FlowTimeline";
import { ProductPanels, PRODUCTS, productOf } from "./components/ProductPanels";
import { isFlowResult, stepRunResult } from "./state/flowResult";
import {
  describeError,
  errorLine,
  HttpPanel,
  IdmPanel,
  IntrospectionPanel,
  LogsPanel,
  TokenPanel,
  TokenResponsePanel,
  WarningsPanel,
  type ShownResult,
} from "./components/ResultPanels";

export const RUN_DEBOUNCE_MS = 250;
/** Unsaved edits of an opened file are written as a draft this long after the last keystroke. */
export const DRAFT_DEBOUNCE_MS = 400;

/** The file the editor's Save goes to, and what it looked like when opened or last saved. */
interface OpenDocument {
  name: string;
  target: "script" | "scenario";
  path?: string;
  stamp?: FileStamp;
  savedText: string;
  draftKey: string;
}
const CHECK_DEBOUNCE_MS = 120;
const SCENARIO_SCHEMA_URI = "https://token-playground.dev/schema/scenario.json";

interface Shown {
  id: number;
  result: RunResult;
  editedAt: number;
  /** Which input it belongs to: bumped when another sample or file replaces the script and scenario. */
  context: number;
}

/**
 * While the user types, a failed run's banner waits until typing pauses this long (squiggles show at once):
 * intermediate states of a line are nearly always broken, and a banner per keystroke is noise.
 */
export const BANNER_PAUSE_MS = 600;
/** The scenario's HTTP mocks as written (the HTTP pane shows the answering one and why others missed). */
function httpMocksOf(doc: unknown): unknown[] {
  const http = (doc as { http?: unknown } | null)?.http;
  return Array.isArray(http) ? http : [];
}

/** The narrowest a result column can be dragged. */
const COLUMN_MIN_PX = 180;

/** Timings the e2e tests and the UI benchmark read (window.__playground). */
export interface PlaygroundProbe {
  results: { id: number; editedAt: number; shownAt: number; ok: boolean }[];
  firstResultAt: number | null;
  /** When the worker answered the opening run (before React rendered it). */
  firstAnsweredAt: number | null;
  /** When the editor bundle had loaded and the app rendered for the first time. */
  mountedAt: number;
  restarts: () => number;
  setScript: (text: string) => void;
  setScenarioText: (text: string) => void;
  getScript: () => string;
  getScenarioText: () => string;
  runDebounceMs: number;
}

declare global {
  interface Window {
    __playground?: PlaygroundProbe;
  }
}

export function App({ boot }: { boot: Boot }) {
  const store = platform().store;
  const samples = useMemo(allSamples, []);
  const session = boot.session;
  const [sample, setSample] = useState(boot.sample);
  const [script, setScript] = useState(boot.script);
  const [scenarioText, setScenarioText] = useState(boot.scenarioText);
  const [evaluator, setEvaluator] = useState<Evaluator>(boot.evaluator);
  const [tab, setTab] = useState<"script" | "scenario">(session.tab ?? "script");
  const [scenarioView, setScenarioView] = useState<"form" | "json">(session.scenarioView ?? "json");
  const [layout, setLayout] = useState<Layout>(() => loadLayout(store));
  const [shown, setShown] = useState<Shown | null>(null);
  const [lastGood, setLastGood] = useState<{ id: number; result: RunResult; context: number } | null>(null);
  const [context, setContext] = useState(0);
  const [typing, setTyping] = useState(false);
  const [confirmRevert, setConfirmRevert] = useState(false);
  const [tabMovesFocus, setTabMovesFocus] = useState(false);
  const [checked, setChecked] = useState<CheckOutcome | null>(null);
  const [running, setRunning] = useState(false);
  /** The flow step the timeline shows; null: the default one of each new result. */
  const [flowStep, setFlowStep] = useState<number | null>(null);
  const [revisions, setRevisions] = useState({ script: 0, scenario: 0 });
  const bumpRevisions = (script: boolean, scenario: boolean) =>
    setRevisions((r) => ({ script: r.script + (script ? 1 : 0), scenario: r.scenario + (scenario ? 1 : 0) }));
  const systemDark = useSystemDark();
  const [theme, setTheme] = useState<ThemeChoice>(() => loadTheme(store));
  const chooseTheme = (next: ThemeChoice) => {
    setTheme(next);
    saveTheme(store, next);
  };
  const dark = theme === "system" ? systemDark : theme === "dark";
  const [document_, setDocument] = useState<OpenDocument | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [importChoices, setImportChoices] = useState<{ file: string; scripts: ImportedScript[] } | null>(null);
  const [groovy, setGroovy] = useState<string | null>(null);
  const [runAsYouType, setRunAsYouType] = useState(true);
  // The stored choice arrives asynchronously; a toggle made before it arrives wins.
  const runAsYouTypeTouched = useRef(false);
  useEffect(() => {
    void platform()
      .loadRunAsYouType()
      .then((on) => {
        if (!runAsYouTypeTouched.current) setRunAsYouType(on);
      }, () => {});
  }, []);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const [workspaceOpen, setWorkspaceOpen] = useState(false);
  const [evidence, setEvidence] = useState<EvidenceBuild | null>(null);
  const [migration, setMigration] = useState<{ legacy: string; state: MigrationState } | null>(null);

  // Library files the scenario's "libraries" can name: the samples' (bundled) and those the user opened.
  const libraryFiles = useRef(new Map(SAMPLE_LIBRARIES));
  const [librariesRevision, setLibrariesRevision] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const scenario = useMemo(() => readScenario(scenarioText, libraryFiles.current), [scenarioText, librariesRevision]);

  // Refs give the debounced callbacks the newest input without re-creating them.
  const inputs = useRef({ script, scenario, evaluator, editedAt: 0, context: 0 });
  inputs.current = { ...inputs.current, script, scenario, evaluator };

  const runs = useRef(boot.runs);
  const client = useRef<EngineClient>(boot.client);
  useEffect(() => () => client.current.dispose(), []);

  const probe = useRef<PlaygroundProbe["results"]>([]);
  const [mountedAt] = useState(() => performance.now());
  // Monaco is created once the first result is on screen (or after a short wait if there is none).
  const [editorEnabled, setEditorEnabled] = useState(false);
  useEffect(() => {
    if (editorEnabled) return;
    if (!shown && boot.firstRun) {
      const timer = setTimeout(() => setEditorEnabled(true), 1500);
      return () => clearTimeout(timer);
    }
    // After the frame that paints the result.
    const frame = requestAnimationFrame(() => setTimeout(() => setEditorEnabled(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [shown, editorEnabled, boot]);
  const firstResultAt = useRef<number | null>(null);
  const editorApi = useRef<EditorApi | null>(null);

  const showWhenDone = useCallback((pending: Promise<RunAnswer>, editedAt: number, context: number) => {
    setRunning(true);
    void pending.then((answer) => {
      if (answer.superseded) return;
      if (runs.current.accept(answer.id)) {
        setShown({ id: answer.id, result: answer.result, editedAt, context });
        if (answer.result.ok) setLastGood({ id: answer.id, result: answer.result, context });
      }
      if (!runs.current.isSuperseded(answer.id)) setRunning(false);
    });
  }, []);

  const gates = useRef({ runAsYouType: true, groovy: false });
  gates.current = { runAsYouType, groovy: groovy !== null };
  const runNow = useCallback(() => {
    const { script, scenario, evaluator, editedAt, context } = inputs.current;
    if (scenario.issues.length) return; // results stay greyed until the scenario is fixed
    if (gates.current.groovy) return; // the playground does not run Groovy
    showWhenDone(client.current.run({ script, scenario: scenario.runDoc, evaluator, timeoutMs: scenario.timeoutMs }), editedAt, context);
  }, [showWhenDone]);

  const checkNow = useCallback(() => {
    const { script, evaluator } = inputs.current;
    void client.current.check(script, evaluator).then((answer) => {
      if (!answer.superseded) setChecked(answer.outcome);
    });
  }, []);

  const scheduledRun = useMemo(() => debounce(runNow, RUN_DEBOUNCE_MS), [runNow]);
  const scheduledCheck = useMemo(() => debounce(checkNow, CHECK_DEBOUNCE_MS), [checkNow]);
  // Typing pauses: a held error banner may show now.
  const typingPaused = useMemo(() => debounce(() => setTyping(false), BANNER_PAUSE_MS), []);
  const typed = useCallback(() => {
    setTyping(true);
    typingPaused(undefined);
  }, [typingPaused]);
  const runRequested = useCallback(() => {
    scheduledRun.cancel();
    // An explicit run (button, Ctrl+Enter, a sample or file loaded) shows its outcome at once.
    typingPaused.cancel();
    setTyping(false);
    runNow();
  }, [runNow, scheduledRun, typingPaused]);
  /** Another sample or file replaces the input: results of the old one are not this one's "previous result". */
  const newContext = () => {
    setFlowStep(null);
    inputs.current.context += 1;
    setContext(inputs.current.context);
  };

  // First load: the opening run started before the editor loaded (boot.ts); show it when it lands.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (boot.firstRun) showWhenDone(boot.firstRun.answer, boot.firstRun.startedAt, 0);
    checkNow();
  }, [boot, showWhenDone, checkNow]);

  // The editor echoes every text the app pushes into it (open, import, sample switch); an unchanged text is
  // not an edit, and scheduling a run for it would start a second, duplicate run after the app's own.
  const lastScenarioText = useRef(boot.scenarioText);
  const onScriptChange = useCallback(
    (text: string) => {
      if (text === inputs.current.script) return;
      inputs.current.editedAt = performance.now();
      inputs.current.script = text;
      setScript(text);
      typed();
      if (gates.current.runAsYouType) scheduledRun(undefined);
      scheduledCheck(undefined);
    },
    [scheduledRun, scheduledCheck, typed],
  );
  const onScenarioChange = useCallback(
    (text: string) => {
      if (text === lastScenarioText.current) return;
      lastScenarioText.current = text;
      inputs.current.editedAt = performance.now();
      const evaluatorIn = (doc: unknown) => (doc as { evaluator?: unknown } | null)?.evaluator;
      const previous = evaluatorIn(inputs.current.scenario.doc);
      inputs.current.scenario = readScenario(text, libraryFiles.current);
      // Editing the scenario's "evaluator" moves the switch with it (the switch wins otherwise).
      const next = evaluatorIn(inputs.current.scenario.doc);
      if (next !== previous && (next === "legacy" || next === "next-gen")) {
        inputs.current.evaluator = next;
        setEvaluator(next);
      }
      setScenarioText(text);
      typed();
      if (gates.current.runAsYouType) scheduledRun(undefined);
    },
    [scheduledRun, typed],
  );

  // Drafts and session survive a reload; nothing typed is lost.
  useEffect(() => {
    if (document_) return; // an opened file's edits go to its own draft (below)
    const draft = { ...(script !== sample.script ? { script } : {}), ...(scenarioText !== sample.scenarioText ? { scenarioText } : {}) };
    saveDraft(store, sample.id, draft);
  }, [script, scenarioText, sample, store, document_]);
  useEffect(() => saveSession(store, { sampleId: sample.id, evaluator, tab, scenarioView }), [sample, evaluator, tab, scenarioView, store]);

  // Editor help for the chosen evaluator; scenario JSON Schema for the JSON tab.
  useEffect(() => {
    javascriptDefaults.setExtraLibs([{ content: BINDING_DECLARATIONS[evaluator], filePath: `file:///bindings-${evaluator}.d.ts` }]);
  }, [evaluator]);
  useEffect(() => {
    jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      enableSchemaRequest: false,
      // Registered under the URL the samples' "$schema": "../schema/scenario.schema.json" resolves to as
      // well, because a document's own $schema takes precedence over fileMatch (and must not be fetched).
      schemas: [
        { uri: SCENARIO_SCHEMA_URI, fileMatch: ["file:///scenario.json", "*.scenario.json"], schema: scenarioJsonSchema() },
        { uri: "file:///schema/scenario.schema.json", schema: scenarioJsonSchema() },
      ],
    });
  }, []);

  const switchEvaluator = (next: Evaluator) => {
    inputs.current.evaluator = next;
    setEvaluator(next);
    // The scenario says which evaluator it is for; Save must write the one the switch shows.
    const text = withEvaluator(lastScenarioText.current, next);
    if (text !== lastScenarioText.current) {
      lastScenarioText.current = text;
      inputs.current.scenario = readScenario(text, libraryFiles.current);
      setScenarioText(text);
      bumpRevisions(false, true);
    }
    runRequested();
    scheduledCheck.cancel();
    checkNow();
  };

  const switchSample = (id: string) => {
    const next = findSample(id);
    const texts = textsOf(next);
    inputs.current = { ...inputs.current, script: texts.script, scenario: readScenario(texts.scenarioText, libraryFiles.current), evaluator: next.evaluator, editedAt: performance.now() };
    newContext();
    closeDocument();
    setSample(next);
    setScript(texts.script);
    lastScenarioText.current = texts.scenarioText;
    setScenarioText(texts.scenarioText);
    setEvaluator(next.evaluator);
    bumpRevisions(true, true);
    runRequested();
    checkNow();
  };

  const hasEdits = document_ !== null || script !== sample.script || scenarioText !== sample.scenarioText;
  const revertSample = () => {
    setConfirmRevert(false);
    closeDocument();
    saveDraft(store, sample.id, {});
    newContext();
    inputs.current = { ...inputs.current, script: sample.script, scenario: readScenario(sample.scenarioText, libraryFiles.current), evaluator: sample.evaluator, editedAt: performance.now() };
    setScript(sample.script);
    lastScenarioText.current = sample.scenarioText;
    setScenarioText(sample.scenarioText);
    setEvaluator(sample.evaluator);
    bumpRevisions(true, true);
    runRequested();
    checkNow();
  };

  // Keyboard shortcuts of the browser build; inside Electron the menu owns the accelerators (and sends
  // the command through onMenuCommand), so binding them here too would run each command twice.
  useEffect(() => {
    if (window.playground) return;
    const isMac = isMacPlatform();
    const onKey = (e: KeyboardEvent) => {
      const matched = actionForKey(e, isMac);
      if (!matched) return;
      e.preventDefault();
      matched.perform(actionHost.current);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Record when each result reached the screen (after the browser painted it).
  useLayoutEffect(() => {
    if (!shown) return;
    const { id, editedAt, result } = shown;
    requestAnimationFrame(() => {
      const shownAt = performance.now();
      firstResultAt.current ??= shownAt;
      probe.current.push({ id, editedAt, shownAt, ok: result.ok });
      if (probe.current.length > 1000) probe.current.shift();
    });
  }, [shown]);

  useEffect(() => {
    window.__playground = {
      results: probe.current,
      get firstResultAt() {
        return firstResultAt.current;
      },
      get firstAnsweredAt() {
        return boot.firstAnsweredAt;
      },
      mountedAt,
      restarts: () => client.current.restarts,
      setScript: (text) => editorApi.current?.scriptModel.pushEditOperations([], [{ range: editorApi.current.scriptModel.getFullModelRange(), text }], () => null),
      setScenarioText: (text) => editorApi.current?.scenarioModel.pushEditOperations([], [{ range: editorApi.current.scenarioModel.getFullModelRange(), text }], () => null),
      getScript: () => inputs.current.script,
      getScenarioText: () => editorApi.current?.scenarioModel.getValue() ?? "",
      runDebounceMs: RUN_DEBOUNCE_MS,
    };
  }, []);

  // What the panels show and whether it is greyed.
  const scenarioBroken = scenario.issues.length > 0;
  // Only results of the current sample or file are shown; another one's are never taken for this one's.
  const current = shown !== null && shown.context === context ? shown : null;
  const previous = lastGood !== null && lastGood.context === context && current !== null && lastGood.id < current.id ? lastGood : null;
  const failed = current !== null && current.result.error !== null;
  // While typing through broken states the last good result stays, greyed, instead of flipping to each failure.
  const holding = failed && typing && previous !== null;
  const display: ShownResult | null = current
    ? scenarioBroken
      ? { result: current.result, stale: true, staleLabel: "scenario invalid: last result" }
      : holding
        ? { result: previous!.result, stale: true, staleLabel: "typing: last good result" }
        : { result: current.result, stale: false, previous: failed ? previous : null }
    : shown !== null && running
      ? { result: shown.result, stale: true, running: true, staleLabel: "running the new input" }
      : null;
  // A flow's result: the panels show the step chosen on the timeline (the first failed or last step until one is).
  const flow = display && isFlowResult(display.result) ? display.result.flow : null;
  const step = flow && flow.steps.length ? (flowStep !== null && flowStep < flow.steps.length ? flowStep : defaultStep(flow)) : null;
  const panels: ShownResult | null = display && flow && step !== null ? { ...display, result: stepRunResult(flow.steps[step]!, display.result.evaluator), previous: null } : display;
  const bannerHeld = typing && (failed || scenarioBroken);
  const hmacSecret = (scenario.doc as { token?: { signing?: { secret?: unknown } } } | null)?.token?.signing?.secret;
  if (display && typeof hmacSecret === "string") display.hmacSecret = hmacSecret;

  const checkMarkers = useMemo(() => [...errorMarkers(checked?.error), ...warningMarkers(checked?.warnings)], [checked]);
  const scriptMarkers = useMemo(
    () => ({ "rhino-check": checkMarkers, run: shown ? runMarkers(shown.result.error, shown.result.warnings, checkMarkers) : [] }),
    [checkMarkers, shown],
  );
  const scenarioMarkerMap = useMemo(() => ({ scenario: scenarioMarkers(scenarioText, scenario.issues) }), [scenarioText, scenario.issues]);

  const updateLayout = (patch: (l: Layout) => Layout) => setLayout((l) => patch(l));
  const persistLayout = () => setLayout((l) => (saveLayout(store, l), l));
  const resetLayout = () => {
    setLayout(DEFAULT_LAYOUT);
    saveLayout(store, DEFAULT_LAYOUT);
  };
  const workspace = useRef<HTMLElement | null>(null);
  const resultsPane = useRef<HTMLDivElement | null>(null);
  const resultsRow = useRef<HTMLDivElement | null>(null);
  const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
  const resizeColumn = (index: 0 | 1, delta: number) =>
    updateLayout((l) => {
      const cols = [...l.columnPcts] as [number, number, number];
      // A column keeps room for a key and a readable value (FieldTable's minimum), in pixels, not percent.
      const width = resultsRow.current?.getBoundingClientRect().width ?? 0;
      const minPct = width > 0 ? Math.min(31, (COLUMN_MIN_PX / width) * 100) : 10;
      const d = clamp(delta, minPct - cols[index], cols[index + 1] - minPct);
      cols[index] += d;
      cols[index + 1] -= d;
      return { ...l, columnPcts: cols };
    });

  const isMac = useMemo(isMacPlatform, []);
  const documentDirty = document_ !== null && (document_.target === "script" ? script : scenarioText) !== document_.savedText;

  const closeDocument = () => {
    setDocument(null);
    setGroovy(null);
  };

  /** Puts a text into the script or scenario as if the app had typed it (runs, checks, editor model). */
  const loadText = (target: "script" | "scenario", text: string) => {
    if (target === "script") onScriptChange(text);
    else onScenarioChange(text);
    bumpRevisions(target === "script", target === "scenario");
    runRequested();
  };

  const openDocument = (file: OpenedFile, target: "script" | "scenario") => {
    newContext();
    setGroovy(null);
    setFileError(null);
    loadText(target, file.text);
    setTab(target);
    setDocument({ name: file.name, target, path: file.path, stamp: file.stamp, savedText: file.text, draftKey: draftKeyFor(file.path ?? file.name) });
  };

  const loadImported = (picked: ImportedScript) => {
    newContext();
    setImportChoices(null);
    const runnable = isRunnable(picked);
    // The scenario follows the script's evaluator; the rest of the user's scenario stays.
    onScenarioChange(scenarioForImport(inputs.current.scenario.doc === null ? scenarioText : JSON.stringify(inputs.current.scenario.doc), picked.evaluator));
    bumpRevisions(false, true);
    setGroovy(runnable ? null : picked.name);
    gates.current.groovy = !runnable;
    onScriptChange(picked.source);
    bumpRevisions(true, false);
    setTab("script");
    setDocument({ name: `${picked.name}.js`, target: "script", savedText: picked.source, draftKey: draftKeyFor(`import:${picked.format}:${picked.name}`) });
    if (picked.warnings.length) setNotice({ kind: "info", text: picked.warnings.join(" ") });
    if (runnable) runRequested();
  };

  /** An export file: one script loads at once, several are offered in a picker; errors leave the text as it was. */
  const importFile = (file: OpenedFile) => {
    const outcome = importExport(file.name, file.text);
    if (!outcome.ok) {
      setFileError(`Import failed — ${outcome.message}`);
      return;
    }
    setFileError(null);
    if (outcome.scripts.length === 1) loadImported(outcome.scripts[0]!);
    else setImportChoices({ file: file.name, scripts: outcome.scripts });
  };

  /**
   * Evidence files (one drop or pick) become one scenario, opened in the form; the report says how. A bad
   * file leaves the user's scenario as it was and the report names the file and the place.
   */
  const loadEvidence = (files: OpenedFile[]) => {
    const build = buildEvidence(files.map((f) => ({ name: f.name, text: f.text })));
    setEvidence(build);
    if (!build.ok) return;
    newContext();
    if (document_?.target === "scenario") setDocument(null);
    // The evidence says nothing about the evaluator: the one the switch shows stays.
    loadText("scenario", formatScenario({ ...build.outcome.scenario, evaluator: inputs.current.evaluator }));
    setTab("scenario");
    setScenarioView("form");
  };
  /** Files opened together: the evidence among them is read as one set, the rest one by one. */
  const loadFiles = async (files: OpenedFile[]) => {
    const evidenceFiles = files.filter((f) => kindOfDropped(f.name, f.text) === "evidence");
    for (const file of files) if (!evidenceFiles.includes(file)) await loadFile(file);
    if (evidenceFiles.length) loadEvidence(evidenceFiles);
  };

  /** Any file the user opened, dropped or picked in the workspace: sorted by kind. */
  const loadFile = async (file: OpenedFile) => {
    const kind = kindOfDropped(file.name, file.text);
    if (kind === "evidence") return loadEvidence([file]);
    if (kind === "unknown") {
      setFileError(`${file.name}: not a script (.js), scenario (.scenario.json), case (.case.json) or AM / Frodo export (.json).`);
      return;
    }
    if (kind === "script" && loadLibrary(file)) return;
    if (kind === "export") importFile(file);
    else openDocument(file, kind === "script" ? "script" : "scenario");
    platform().rememberRecent(file);
  };

  /**
   * A .js file the scenario's "libraries" names by path and the page does not have yet: it becomes that
   * library (the page cannot read paths itself), and the script in the editor stays.
   */
  const loadLibrary = (file: OpenedFile): boolean => {
    const libraries = (inputs.current.scenario.doc as { libraries?: Record<string, unknown> } | null)?.libraries ?? {};
    const wanted = Object.entries(libraries).find(
      ([, value]) => typeof value === "string" && isLibraryPath(value) && !libraryFiles.current.has(libraryKey(value)) && libraryKey(value).replace(/^.*\//, "") === file.name,
    );
    if (!wanted) return false;
    libraryFiles.current.set(libraryKey(wanted[1] as string), file.text);
    setLibrariesRevision((r) => r + 1);
    inputs.current.scenario = readScenario(lastScenarioText.current, libraryFiles.current);
    setNotice({ kind: "info", text: `Loaded ${file.name} as the library "${wanted[0]}" the scenario names.` });
    runRequested();
    return true;
  };

  const reportFailure = (what: string) => (error: unknown) => setFileError(`${what} failed — ${error instanceof Error ? error.message : String(error)}`);

  const openFiles = async () => {
    const files = await platform().openFiles([".js", ".json"]);
    // A script and a scenario picked together load side by side; otherwise the last of a kind wins.
    await loadFiles(files);
  };
  const dropFiles = async (dropped: File[]) => {
    const files: OpenedFile[] = [];
    for (const f of dropped) files.push(await platform().openDropped(f));
    await loadFiles(files);
  };
  const importEvidence = async () => {
    const files = await platform().openFiles([".json", ".jwt", ".har", ".txt"]);
    if (files.length) loadEvidence(files);
  };

  /** The legacy script rewritten for next-generation, both run on the current scenario in a worker of their own. */
  const migrate = () => {
    if (inputs.current.evaluator !== "legacy") {
      setNotice({ kind: "info", text: "Migrate to next-generation applies to legacy (1.0) scripts; this one is already for next-generation." });
      return;
    }
    const legacy = inputs.current.script;
    const { scenario: current } = inputs.current;
    setMigration({ legacy, state: { status: "running" } });
    const settle = (state: MigrationState) => setMigration((m) => (m && m.legacy === legacy ? { legacy, state } : m));
    // An invalid scenario cannot be run: the rewrite and its changes still show, without a verdict.
    migrateInEngineWorker(legacy, current.issues.length ? undefined : current.runDoc, current.timeoutMs).then(
      (report) => settle({ status: "done", report }),
      (error: unknown) => settle({ status: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
  };
  const adoptRewrite = (rewritten: string) => {
    setMigration(null);
    loadText("script", rewritten);
    setTab("script");
    switchEvaluator("next-gen");
  };
  const openRecent = async (path: string | undefined) => {
    if (!path) return;
    await loadFile(await platform().openRecent(path));
  };
  const refreshRecent = async () => setRecent(await platform().listRecent());

  const currentText = () => ((document_?.target ?? tab) === "scenario" ? scenarioText : inputs.current.script);
  const suggestedName = () => document_?.name ?? (tab === "script" ? `${sample.id}.js` : `${sample.id}.scenario.json`);
  const afterSave = (outcome: Awaited<ReturnType<ReturnType<typeof platform>["save"]>>, text: string, target: "script" | "scenario") => {
    if (outcome.status !== "saved") return;
    if (document_) void platform().discardDraft(document_.draftKey);
    setDocument({ name: outcome.name, target, path: outcome.path, stamp: outcome.stamp, savedText: text, draftKey: draftKeyFor(outcome.path ?? outcome.name) });
    setNotice({ kind: "info", text: `Saved ${outcome.name}.` });
  };
  const save = async () => {
    if (groovy) return setNotice({ kind: "info", text: "Groovy scripts are read-only here; nothing was saved." });
    const target = document_?.target ?? tab;
    const text = currentText();
    const outcome = document_ ? await platform().save(document_, text) : await platform().saveAs(suggestedName(), text);
    afterSave(outcome, text, target);
  };
  /** The scenario with the shown result as its `expect`: a regression test of what the script does now. */
  const saveTestCase = async () => {
    if (!current) return;
    const scriptName = document_?.target === "script" ? document_.name : `${sample.id}.js`;
    const file = testCaseFrom(inputs.current.scenario.doc, scriptName, current.result);
    const outcome = await platform().saveAs(file.name, file.text);
    if (outcome.status === "saved") setNotice({ kind: "info", text: `Saved ${outcome.name}: it expects what this run gave. Keep it beside ${scriptName}.` });
  };
  const saveAs = async () => {
    const target = document_?.target ?? tab;
    const text = currentText();
    afterSave(await platform().saveAs(suggestedName(), text), text, target);
  };

  // Autosave: an opened file's unsaved edits become a draft shortly after the user stops typing.
  const writeDraftLater = useMemo(
    () =>
      debounce((draft: { key: string; path: string | null; name: string; text: string }) => {
        void platform().writeDraft(draft).catch(() => {});
      }, DRAFT_DEBOUNCE_MS),
    [],
  );
  useEffect(() => {
    if (!document_ || groovy) return;
    const text = document_.target === "script" ? script : scenarioText;
    if (text === document_.savedText) return;
    writeDraftLater({ key: document_.draftKey, path: document_.path ?? null, name: document_.name, text });
  }, [document_, script, scenarioText, groovy, writeDraftLater]);

  // Drafts a crashed or force-quit session left behind are offered once, at start.
  useEffect(() => {
    void platform().listDrafts().then(setDrafts, () => {});
    void refreshRecent();
    // The file the app was launched on (`npm start -- file.js`) replaces the opening sample.
    void platform()
      .launchDocument()
      .then((doc) => (doc ? loadFile(doc) : undefined), reportFailure("Opening the launch file"));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const restoreDraft = async (key: string) => {
    const draft = await platform().readDraft(key);
    setDrafts((d) => d.filter((x) => x.key !== key));
    if (!draft) return;
    const target = draft.name.toLowerCase().endsWith(".json") ? "scenario" : "script";
    // The saved file (when there is one) stays the baseline, so the restored text shows as unsaved.
    let baseline: OpenedFile | null = null;
    if (draft.path) baseline = await platform().openRecent(draft.path).catch(() => null);
    loadText(target, draft.text);
    setTab(target);
    setDocument({ name: draft.name, target, path: draft.path ?? undefined, stamp: baseline?.stamp, savedText: baseline?.text ?? "", draftKey: draft.key });
  };
  const discardRecovered = async (key: string) => {
    await platform().discardDraft(key);
    setDrafts((d) => d.filter((x) => x.key !== key));
  };

  // A file changed on disk by someone else: say so and offer to reload it.
  useEffect(() => {
    if (!document_?.path) return;
    const path = document_.path;
    return platform().watch(path, (stamp) => {
      if (stamp && document_.stamp && stamp.sha256 === document_.stamp.sha256) return; // our own save
      setNotice(
        stamp
          ? { kind: "warning", text: `${document_.name} changed on disk.`, action: { label: "Reload", run: () => void openRecent(path).catch(reportFailure("Reload")) } }
          : { kind: "warning", text: `${document_.name} was deleted or moved on disk; Save will ask where to write it.` },
      );
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document_?.path, document_?.stamp?.sha256]);

  // One implementation per command, whether it comes from the menu, the keyboard or the toolbar.
  const actionHost = useRef<ActionHost>(null as unknown as ActionHost);
  actionHost.current = {
    run: runRequested,
    toggleRunAsYouType: () => {
      const next = !gates.current.runAsYouType;
      runAsYouTypeTouched.current = true;
      setRunAsYouType(next);
      void platform().saveRunAsYouType(next).catch(() => {});
    },
    setEvaluator: switchEvaluator,
    open: () => void openFiles().catch(reportFailure("Open")),
    openRecent: (path) => void openRecent(path).catch(reportFailure("Open recent")),
    importExport: () =>
      void platform()
        .pickExportFile()
        .then((file) => (file ? importFile(file) : undefined))
        .catch(reportFailure("Import")),
    importEvidence: () => void importEvidence().catch(reportFailure("Import evidence")),
    migrate,
    save: () => void save().catch(reportFailure("Save")),
    saveAs: () => void saveAs().catch(reportFailure("Save as")),
  };
  const perform = (id: RendererCommandId, path?: string) => action(id).perform(actionHost.current, path);
  useEffect(() => platform().onCommand((command) => action(command.id).perform(actionHost.current, command.path)), []);

  const bannerText = fileError
    ? fileError
    : bannerHeld
      ? null
      : scenarioBroken
        ? `Scenario is invalid — ${scenario.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}. Showing the last result until it is fixed.`
        : current?.result.error
          ? describeError(current.result)
          : null;
  const bannerKind = fileError ? "file" : scenarioBroken ? "scenario" : (current?.result.error?.kind ?? "");
  const goToLine = !fileError && !scenarioBroken ? errorLine(current?.result.error) : null;

  return (
    <div
      className={`app ${dark ? "theme-dark" : "theme-light"}`}
      data-testid="app"
      onDragOver={(e) => {
        if ([...e.dataTransfer.types].includes("Files")) e.preventDefault();
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        void dropFiles([...e.dataTransfer.files]).catch(reportFailure("Open"));
      }}
    >
      <header className="toolbar" role="banner">
        <h1>Token Script Playground</h1>
        <label className="tool">
          <span className="tool-label">Sample</span>
          <select data-testid="scenario-select" aria-label="Sample" value={sample.id} onChange={(e) => switchSample(e.target.value)}>
            {samples.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => (hasEdits ? setConfirmRevert(true) : revertSample())} title="Discard your edits of this sample" aria-expanded={confirmRevert}>
          Revert
        </button>
        <label className="tool">
          <span className="tool-label">Evaluator</span>
          <select data-testid="evaluator-select" aria-label="Evaluator" value={evaluator} onChange={(e) => switchEvaluator(e.target.value as Evaluator)}>
            <option value="legacy">Legacy (1.0)</option>
            <option value="next-gen">Next-gen (2.0)</option>
          </select>
        </label>
        <label className="tool product" title="Product: which server runs the script (AM, OneWelcome's web hook, IBM Verify Access)">
          <span className="tool-label">Product</span>
          <select
            data-testid="product-select"
            aria-label="Product"
            value={productOf(scenario.doc)}
            disabled={scenario.doc === null || typeof scenario.doc !== "object" || Array.isArray(scenario.doc)}
            onChange={(e) => {
              // Written into the scenario: the product is part of the case, as the CLI reads it.
              onScenarioChange(formatScenario({ ...(scenario.doc as Record<string, unknown>), product: e.target.value }));
              bumpRevisions(false, true);
            }}
          >
            {PRODUCTS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" data-testid="run-button" onClick={() => perform("run.run")} title={actionTitle("run.run", isMac)} aria-keyshortcuts="Control+Enter Meta+Enter">
          Run
        </button>
        <span className="status" role="status" aria-live="polite" data-testid="run-status" data-running={running ? "true" : "false"} data-run-id={shown?.id ?? 0}>
          {running ? (
            "Running…"
          ) : shown ? (
            <>
              {shown.result.ok ? "Done" : "Failed"}
              <span className="status-detail"> in {shown.result.timings.totalMs.toFixed(1)} ms</span>
            </>
          ) : (
            "Starting…"
          )}
        </span>
        <label className="tool" title="Run as you type: run the script after each pause in typing">
          <input type="checkbox" data-testid="run-as-you-type" checked={runAsYouType} onChange={() => perform("run.toggleRunAsYouType")} />
          <span>Live</span>
        </label>
        <span className="spacer" />
        {document_ ? (
          <span className="document-name" data-testid="document-name" data-dirty={documentDirty ? "true" : "false"} title={document_.path ?? document_.name}>
            {document_.name}
            {documentDirty ? " •" : ""}
          </span>
        ) : null}
        <button type="button" data-testid="open-button" onClick={() => perform("file.open")} title={actionTitle("file.open", isMac)}>
          Open…
        </button>
        <select
          data-testid="recent-select"
          aria-label="Open a recent file"
          value=""
          onFocus={() => void refreshRecent()}
          onPointerDown={() => void refreshRecent()}
          onChange={(e) => perform("file.openRecent", e.target.value)}
        >
          <option value="">Recent…</option>
          {recent.map((r) => (
            <option key={r.path} value={r.path} title={r.path}>
              {r.name}
            </option>
          ))}
        </select>
        <button type="button" data-testid="import-button" onClick={() => perform("file.importExport")} title={action("file.importExport").label}>
          Import…
        </button>
        <button type="button" data-testid="workspace-button" onClick={() => setWorkspaceOpen((o) => !o)} aria-pressed={workspaceOpen}>
          Workspace
        </button>
        <button type="button" data-testid="save-button" onClick={() => perform("file.save")} title={actionTitle("file.save", isMac)}>
          Save
        </button>
        <button type="button" data-testid="save-as-button" onClick={() => perform("file.saveAs")} title={actionTitle("file.saveAs", isMac)}>
          Save As…
        </button>
      </header>
      {confirmRevert ? (
        <div className="notice warning" role="alertdialog" aria-label="Discard edits?" data-testid="revert-confirm">
          Discard your edits of “{sample.label}”{document_ ? ` and close ${document_.name}` : ""}? This cannot be undone.{" "}
          <button type="button" onClick={revertSample}>
            Discard edits
          </button>{" "}
          <button type="button" autoFocus onClick={() => setConfirmRevert(false)}>
            Keep editing
          </button>
        </div>
      ) : null}
      <RecoveryBar drafts={drafts} onRestore={(key) => void restoreDraft(key)} onDiscard={(key) => void discardRecovered(key)} />
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {groovy ? (
        <div className="notice groovy" role="note" data-testid="groovy-notice">
          {groovy} is a Groovy script. It is shown read-only: the playground runs only JavaScript (AM&apos;s Rhino), not Groovy.
        </div>
      ) : null}
      {importChoices ? (
        <ImportPicker file={importChoices.file} scripts={importChoices.scripts} onPick={loadImported} onCancel={() => setImportChoices(null)} />
      ) : null}
      {evidence ? <EvidenceReport build={evidence} onDismiss={() => setEvidence(null)} /> : null}
      {migration ? <MigrationView legacy={migration.legacy} state={migration.state} onUse={adoptRewrite} onClose={() => setMigration(null)} /> : null}
      {workspaceOpen ? <WorkspaceView onOpen={(file) => void loadFile(file)} onClose={() => setWorkspaceOpen(false)} /> : null}
      <main className="workspace" ref={workspace}>
        <section className="editor-pane" style={{ width: `${layout.editorPct}%` }} aria-label="Editor">
          <div className="tabs">
            {/* Only tabs inside the tablist (ARIA: a tablist owns tabs only); the view switch sits beside it. */}
            <div role="tablist" aria-label="Editor tabs" className="tablist">
              <button role="tab" type="button" aria-selected={tab === "script"} data-testid="tab-script" onClick={() => setTab("script")}>
                Script
              </button>
              <button role="tab" type="button" aria-selected={tab === "scenario"} data-testid="tab-scenario" onClick={() => setTab("scenario")}>
                Scenario{scenarioBroken ? " ⚠" : ""}
              </button>
            </div>
            {tab === "scenario" ? (
              <span className="view-switch" role="group" aria-label="Scenario view">
                <button type="button" aria-pressed={scenarioView === "form"} data-testid="scenario-view-form" onClick={() => setScenarioView("form")}>
                  Form
                </button>
                <button type="button" aria-pressed={scenarioView === "json"} data-testid="scenario-view-json" onClick={() => setScenarioView("json")}>
                  JSON
                </button>
              </span>
            ) : null}
          </div>
          <div className="editor-body" role="tabpanel">
            <CodeEditor
              show={tab}
              hidden={tab === "scenario" && scenarioView === "form"}
              enabled={editorEnabled}
              script={script}
              scenarioText={scenarioText}
              scriptRevision={revisions.script}
              scenarioRevision={revisions.scenario}
              onScriptChange={onScriptChange}
              onScenarioChange={onScenarioChange}
              scriptMarkers={scriptMarkers}
              scenarioMarkers={scenarioMarkerMap}
              onRun={runRequested}
              dark={dark}
              onReady={(api) => (editorApi.current = api)}
              scriptReadOnly={groovy !== null}
              tabMovesFocus={tabMovesFocus}
              onToggleTabMovesFocus={() => setTabMovesFocus((t) => !t)}
            />
            {tab === "scenario" && scenarioView === "form" ? (
              <ScenarioForm doc={scenario.issues.length && scenario.doc === null ? null : scenario.doc} onChange={(doc) => {
                  onScenarioChange(formatScenario(doc));
                  bumpRevisions(false, true);
                }}
              />
            ) : null}
          </div>
          {tab === "script" || scenarioView === "json" ? (
            <div className="editor-statusbar">
              <button
                type="button"
                className="link"
                data-testid="tab-focus-toggle"
                aria-pressed={tabMovesFocus}
                onClick={() => setTabMovesFocus((t) => !t)}
                title="Tab trapping, as in VS Code: whether Tab indents or moves focus out of the editor"
              >
                {tabMovesFocus ? "Tab moves focus" : "Tab indents"} · {isMac ? "⌃⇧M" : "Ctrl+M"} to switch
              </button>
            </div>
          ) : null}
        </section>
        <Splitter
          orientation="vertical"
          label="Resize editor"
          onReset={resetLayout}
          valuePct={layout.editorPct}
          container={() => workspace.current}
          onResize={(d) => updateLayout((l) => ({ ...l, editorPct: clamp(l.editorPct + d, 15, 85) }))}
          onResizeEnd={persistLayout}
        />
        <section className="results-pane" ref={resultsPane} aria-label="Results">
          {/* The banner's place is kept whether or not it shows, so the panels never move under the user. */}
          <div className="banner-slot" role="alert" data-testid="banner-slot">
            {bannerText ? (
              <div className={`error-banner ${bannerKind}`} data-testid="error-banner" data-kind={bannerKind}>
                <span className="banner-text">{bannerText}</span>
                {fileError ? (
                  <button type="button" className="link" onClick={() => setFileError(null)}>
                    Dismiss
                  </button>
                ) : null}
                {goToLine !== null ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setTab("script");
                      const column = current?.result.error?.column ?? 1;
                      setTimeout(() => {
                        editorApi.current?.editor.revealLineInCenter(goToLine);
                        editorApi.current?.editor.setPosition({ lineNumber: goToLine, column });
                        editorApi.current?.editor.focus();
                      });
                    }}
                  >
                    Go to line {goToLine}
                  </button>
                ) : null}
              </div>
            ) : (
              <span className="banner-quiet">{bannerHeld ? "Typing… errors show when you pause." : "No errors."}</span>
            )}
          </div>
          {flow && step !== null ? <FlowTimeline flow={flow} selected={step} onSelect={setFlowStep} stale={display?.stale} /> : null}
          <ProductPanels result={panels?.result} stale={panels?.stale} />
          <div className="results-row" ref={resultsRow} style={{ height: `${layout.resultsPct}%` }} data-evaluator={shown?.result.evaluator}>
            <div className="column" style={{ width: `${layout.columnPcts[0]}%` }}>
              <TokenPanel shown={panels} />
            </div>
            <Splitter orientation="vertical" label="Resize token column" onReset={resetLayout} valuePct={layout.columnPcts[0]} container={() => resultsRow.current} onResize={(d) => resizeColumn(0, d)} onResizeEnd={persistLayout} />
            <div className="column" style={{ width: `${layout.columnPcts[1]}%` }}>
              <TokenResponsePanel shown={panels} />
            </div>
            <Splitter orientation="vertical" label="Resize token response column" onReset={resetLayout} valuePct={layout.columnPcts[0] + layout.columnPcts[1]} container={() => resultsRow.current} onResize={(d) => resizeColumn(1, d)} onResizeEnd={persistLayout} />
            <div className="column" style={{ width: `${layout.columnPcts[2]}%` }}>
              <IntrospectionPanel shown={panels} />
            </div>
          </div>
          <Splitter
            orientation="horizontal"
            label="Resize results and details"
            onReset={resetLayout}
            valuePct={layout.resultsPct}
            container={() => resultsPane.current}
            onResize={(d) => updateLayout((l) => ({ ...l, resultsPct: clamp(l.resultsPct + d, 15, 90) }))}
            onResizeEnd={persistLayout}
          />
          <div className={`details-row ${evaluator === "next-gen" ? "with-idm" : ""}`}>
            <LogsPanel shown={panels} />
            <HttpPanel shown={panels} mocks={httpMocksOf(scenario.doc)} />
            {/* openidm exists only for next-generation scripts. */}
            {evaluator === "next-gen" ? <IdmPanel shown={panels} /> : null}
            <WarningsPanel shown={panels} />
          </div>
        </section>
      </main>
      <footer className="statusbar">
        <label className="tool">
          <span>Theme</span>
          <select data-testid="theme-select" value={theme} onChange={(e) => chooseTheme(e.target.value as ThemeChoice)}>
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        {/* Here, not in the toolbar: the toolbar must stay one unclipped row at 1024 px. */}
        <button type="button" data-testid="import-evidence-button" onClick={() => perform("file.importEvidence")} title="Build a scenario from a customer's files (client export, user, token, introspection, HAR, mocks); you can also drop them on the window">
          Import evidence…
        </button>
        <button
          type="button"
          data-testid="migrate-button"
          onClick={() => perform("run.migrate")}
          disabled={evaluator !== "legacy"}
          title={evaluator === "legacy" ? actionTitle("run.migrate", isMac) : "Only legacy (1.0) scripts are migrated"}
        >
          Migrate to next-gen…
        </button>
        <button
          type="button"
          data-testid="save-test-case"
          disabled={current === null || scenarioBroken}
          onClick={() => void saveTestCase().catch(reportFailure("Save as test case"))}
          title="Save this scenario with the current result as its expectation (*.case.json), for the CLI and Run all cases"
        >
          Save as test case…
        </button>
        <button type="button" data-testid="reset-layout" onClick={resetLayout} title="Panel sizes back to the defaults (also: double-click a divider)">
          Reset layout
        </button>
      </footer>
    </div>
  );
}
