/** The playground page: editor on the left, results on the right, engine in a worker. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { BINDING_DECLARATIONS, scenarioJsonSchema, type Evaluator, type RunResult } from "./engine-client/engineApi";
import type { EngineClient, RunAnswer } from "./engine-client/engineClient";
import { readScenario, textsOf, type Boot } from "./boot";
import type { CheckOutcome } from "./engine-client/protocol";
import { javascriptDefaults, jsonDefaults } from "./monaco/setup";
import { platform } from "./platform";
import { allSamples, findSample } from "./samples";
import { debounce } from "./state/debounce";
import { errorMarkers, runMarkers, scenarioMarkers, warningMarkers, type Marker } from "./state/markers";
import { loadLayout, saveDraft, saveLayout, saveSession, type Layout } from "./state/persist";
import { formatScenario } from "./state/scenarioForm";
import { useSystemDark } from "./hooks";
import { CodeEditor, type EditorApi } from "./components/CodeEditor";
import { ScenarioForm } from "./components/ScenarioForm";
import { Splitter } from "./components/Splitter";
import {
  describeError,
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
const CHECK_DEBOUNCE_MS = 120;
const SCENARIO_SCHEMA_URI = "https://token-playground.dev/schema/scenario.json";

interface Shown {
  id: number;
  result: RunResult;
  editedAt: number;
}

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
  const [lastGood, setLastGood] = useState<RunResult | null>(null);
  const [checked, setChecked] = useState<CheckOutcome | null>(null);
  const [running, setRunning] = useState(false);
  const [revisions, setRevisions] = useState({ script: 0, scenario: 0 });
  const bumpRevisions = (script: boolean, scenario: boolean) =>
    setRevisions((r) => ({ script: r.script + (script ? 1 : 0), scenario: r.scenario + (scenario ? 1 : 0) }));
  const dark = useSystemDark();

  const scenario = useMemo(() => readScenario(scenarioText), [scenarioText]);

  // Refs give the debounced callbacks the newest input without re-creating them.
  const inputs = useRef({ script, scenario, evaluator, editedAt: 0 });
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

  const showWhenDone = useCallback((pending: Promise<RunAnswer>, editedAt: number) => {
    setRunning(true);
    void pending.then((answer) => {
      if (answer.superseded) return;
      if (runs.current.accept(answer.id)) {
        setShown({ id: answer.id, result: answer.result, editedAt });
        if (answer.result.ok || answer.result.tokenResponse) setLastGood(answer.result);
      }
      if (!runs.current.isSuperseded(answer.id)) setRunning(false);
    });
  }, []);

  const runNow = useCallback(() => {
    const { script, scenario, evaluator, editedAt } = inputs.current;
    if (scenario.issues.length) return; // results stay greyed until the scenario is fixed
    showWhenDone(client.current.run({ script, scenario: scenario.doc, evaluator, timeoutMs: scenario.timeoutMs }), editedAt);
  }, [showWhenDone]);

  const checkNow = useCallback(() => {
    const { script, evaluator } = inputs.current;
    void client.current.check(script, evaluator).then((answer) => {
      if (!answer.superseded) setChecked(answer.outcome);
    });
  }, []);

  const scheduledRun = useMemo(() => debounce(runNow, RUN_DEBOUNCE_MS), [runNow]);
  const scheduledCheck = useMemo(() => debounce(checkNow, CHECK_DEBOUNCE_MS), [checkNow]);
  const runRequested = useCallback(() => {
    scheduledRun.cancel();
    runNow();
  }, [runNow, scheduledRun]);

  // First load: the opening run started before the editor loaded (boot.ts); show it when it lands.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (boot.firstRun) showWhenDone(boot.firstRun.answer, boot.firstRun.startedAt);
    checkNow();
  }, [boot, showWhenDone, checkNow]);

  const onScriptChange = useCallback(
    (text: string) => {
      inputs.current.editedAt = performance.now();
      inputs.current.script = text;
      setScript(text);
      scheduledRun(undefined);
      scheduledCheck(undefined);
    },
    [scheduledRun, scheduledCheck],
  );
  const onScenarioChange = useCallback(
    (text: string) => {
      inputs.current.editedAt = performance.now();
      const evaluatorIn = (doc: unknown) => (doc as { evaluator?: unknown } | null)?.evaluator;
      const previous = evaluatorIn(inputs.current.scenario.doc);
      inputs.current.scenario = readScenario(text);
      // Editing the scenario's "evaluator" moves the switch with it (the switch wins otherwise).
      const next = evaluatorIn(inputs.current.scenario.doc);
      if (next !== previous && (next === "legacy" || next === "next-gen")) {
        inputs.current.evaluator = next;
        setEvaluator(next);
      }
      setScenarioText(text);
      scheduledRun(undefined);
    },
    [scheduledRun],
  );

  // Drafts and session survive a reload; nothing typed is lost.
  useEffect(() => {
    const draft = { ...(script !== sample.script ? { script } : {}), ...(scenarioText !== sample.scenarioText ? { scenarioText } : {}) };
    saveDraft(store, sample.id, draft);
  }, [script, scenarioText, sample, store]);
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
    runRequested();
    scheduledCheck.cancel();
    checkNow();
  };

  const switchSample = (id: string) => {
    const next = findSample(id);
    const texts = textsOf(next);
    inputs.current = { script: texts.script, scenario: readScenario(texts.scenarioText), evaluator: next.evaluator, editedAt: performance.now() };
    setSample(next);
    setScript(texts.script);
    setScenarioText(texts.scenarioText);
    setEvaluator(next.evaluator);
    bumpRevisions(true, true);
    runRequested();
    checkNow();
  };

  const revertSample = () => {
    saveDraft(store, sample.id, {});
    inputs.current = { script: sample.script, scenario: readScenario(sample.scenarioText), evaluator: sample.evaluator, editedAt: performance.now() };
    setScript(sample.script);
    setScenarioText(sample.scenarioText);
    setEvaluator(sample.evaluator);
    bumpRevisions(true, true);
    runRequested();
    checkNow();
  };

  // Ctrl/Cmd+Enter anywhere on the page (Monaco handles it itself inside the editor).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        runRequested();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [runRequested]);

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
  const failedWithoutToken = shown !== null && !shown.result.ok && !shown.result.tokenResponse;
  const display: ShownResult | null = shown
    ? scenarioBroken
      ? { result: shown.result, stale: true }
      : failedWithoutToken && lastGood
        ? { result: { ...lastGood, error: shown.result.error, logs: shown.result.logs, http: shown.result.http, openidm: shown.result.openidm, warnings: shown.result.warnings }, stale: true }
        : { result: shown.result, stale: false }
    : null;

  const checkMarkers = useMemo(() => [...errorMarkers(checked?.error), ...warningMarkers(checked?.warnings)], [checked]);
  const scriptMarkers = useMemo(
    () => ({ "rhino-check": checkMarkers, run: shown ? runMarkers(shown.result.error, shown.result.warnings, checkMarkers) : [] }),
    [checkMarkers, shown],
  );
  const scenarioMarkerMap = useMemo(() => ({ scenario: scenarioMarkers(scenarioText, scenario.issues) }), [scenarioText, scenario.issues]);

  const updateLayout = (patch: (l: Layout) => Layout) => setLayout((l) => patch(l));
  const persistLayout = () => setLayout((l) => (saveLayout(store, l), l));
  const workspace = useRef<HTMLDivElement | null>(null);
  const resultsPane = useRef<HTMLDivElement | null>(null);
  const resultsRow = useRef<HTMLDivElement | null>(null);
  const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
  const resizeColumn = (index: 0 | 1, delta: number) =>
    updateLayout((l) => {
      const cols = [...l.columnPcts] as [number, number, number];
      const d = clamp(delta, 10 - cols[index], cols[index + 1] - 10);
      cols[index] += d;
      cols[index + 1] -= d;
      return { ...l, columnPcts: cols };
    });

  const openFile = async () => {
    const file = await platform().openTextFile(tab === "script" ? [".js"] : [".json"]);
    if (!file) return;
    if (tab === "script") onScriptChange(file.text);
    else onScenarioChange(file.text);
    bumpRevisions(tab === "script", tab === "scenario");
  };
  const saveFile = () => {
    void platform().saveTextFile(tab === "script" ? `${sample.id}.js` : `${sample.id}.scenario.json`, tab === "script" ? script : scenarioText);
  };

  // Menu commands of the desktop shell do what the toolbar does.
  const commandHandlers = useRef<Partial<Record<string, () => void>>>({});
  commandHandlers.current = {
    "run.run": runRequested,
    "run.evaluatorLegacy": () => switchEvaluator("legacy"),
    "run.evaluatorNextGen": () => switchEvaluator("next-gen"),
    "file.open": () => void openFile(),
    "file.save": saveFile,
    "file.saveAs": saveFile,
  };
  useEffect(() => platform().onCommand((id) => commandHandlers.current[id]?.()), []);

  const bannerText = scenarioBroken
    ? `Scenario is invalid — ${scenario.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}. Showing the last result until it is fixed.`
    : shown?.result.error
      ? describeError(shown.result)
      : null;

  return (
    <div className={`app ${dark ? "theme-dark" : "theme-light"}`}>
      <header className="toolbar" role="banner">
        <h1>Token Script Playground</h1>
        <label className="tool">
          <span>Sample</span>
          <select data-testid="scenario-select" value={sample.id} onChange={(e) => switchSample(e.target.value)}>
            {samples.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={revertSample} title="Discard your edits of this sample">
          Revert
        </button>
        <label className="tool">
          <span>Evaluator</span>
          <select data-testid="evaluator-select" value={evaluator} onChange={(e) => switchEvaluator(e.target.value as Evaluator)}>
            <option value="legacy">Legacy (1.0)</option>
            <option value="next-gen">Next-generation (2.0)</option>
          </select>
        </label>
        <button type="button" className="primary" data-testid="run-button" onClick={runRequested} title="Run (Ctrl/Cmd+Enter)" aria-keyshortcuts="Control+Enter Meta+Enter">
          Run
        </button>
        <span className="status" role="status" aria-live="polite" data-testid="run-status" data-running={running ? "true" : "false"} data-run-id={shown?.id ?? 0}>
          {running ? "Running…" : shown ? `${shown.result.ok ? "Done" : "Failed"} in ${shown.result.timings.totalMs.toFixed(1)} ms` : "Starting…"}
        </span>
        <span className="spacer" />
        <button type="button" onClick={openFile}>Open…</button>
        <button type="button" onClick={saveFile}>Save…</button>
      </header>
      <div className="workspace" ref={workspace}>
        <section className="editor-pane" style={{ width: `${layout.editorPct}%` }} aria-label="Editor">
          <div className="tabs" role="tablist" aria-label="Editor tabs">
            <button role="tab" type="button" aria-selected={tab === "script"} data-testid="tab-script" onClick={() => setTab("script")}>
              Script
            </button>
            <button role="tab" type="button" aria-selected={tab === "scenario"} data-testid="tab-scenario" onClick={() => setTab("scenario")}>
              Scenario{scenarioBroken ? " ⚠" : ""}
            </button>
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
            />
            {tab === "scenario" && scenarioView === "form" ? (
              <ScenarioForm doc={scenario.issues.length && scenario.doc === null ? null : scenario.doc} onChange={(doc) => {
                  onScenarioChange(formatScenario(doc));
                  bumpRevisions(false, true);
                }}
              />
            ) : null}
          </div>
        </section>
        <Splitter
          orientation="vertical"
          label="Resize editor"
          valuePct={layout.editorPct}
          container={() => workspace.current}
          onResize={(d) => updateLayout((l) => ({ ...l, editorPct: clamp(l.editorPct + d, 15, 85) }))}
          onResizeEnd={persistLayout}
        />
        <section className="results-pane" ref={resultsPane} aria-label="Results">
          {bannerText ? (
            <div className={`error-banner ${scenarioBroken ? "scenario" : shown?.result.error?.kind ?? ""}`} role="alert" data-testid="error-banner" data-kind={scenarioBroken ? "scenario" : shown?.result.error?.kind}>
              {bannerText}
              {!scenarioBroken && shown?.result.error?.line !== undefined ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setTab("script");
                    const line = shown.result.error!.line!;
                    setTimeout(() => {
                      editorApi.current?.editor.revealLineInCenter(line);
                      editorApi.current?.editor.setPosition({ lineNumber: line, column: shown.result.error?.column ?? 1 });
                      editorApi.current?.editor.focus();
                    });
                  }}
                >
                  Go to line {shown.result.error.line}
                </button>
              ) : null}
            </div>
          ) : null}
          <div className="results-row" ref={resultsRow} style={{ height: `${layout.resultsPct}%` }} data-evaluator={shown?.result.evaluator}>
            <div className="column" style={{ width: `${layout.columnPcts[0]}%` }}>
              <TokenPanel shown={display} />
            </div>
            <Splitter orientation="vertical" label="Resize token column" valuePct={layout.columnPcts[0]} container={() => resultsRow.current} onResize={(d) => resizeColumn(0, d)} onResizeEnd={persistLayout} />
            <div className="column" style={{ width: `${layout.columnPcts[1]}%` }}>
              <TokenResponsePanel shown={display} />
            </div>
            <Splitter orientation="vertical" label="Resize token response column" valuePct={layout.columnPcts[0] + layout.columnPcts[1]} container={() => resultsRow.current} onResize={(d) => resizeColumn(1, d)} onResizeEnd={persistLayout} />
            <div className="column" style={{ width: `${layout.columnPcts[2]}%` }}>
              <IntrospectionPanel shown={display} />
            </div>
          </div>
          <Splitter
            orientation="horizontal"
            label="Resize results and details"
            valuePct={layout.resultsPct}
            container={() => resultsPane.current}
            onResize={(d) => updateLayout((l) => ({ ...l, resultsPct: clamp(l.resultsPct + d, 15, 90) }))}
            onResizeEnd={persistLayout}
          />
          <div className="details-row">
            <LogsPanel shown={display} />
            <HttpPanel shown={display} />
            <IdmPanel shown={display} />
            <WarningsPanel shown={display} />
          </div>
        </section>
      </div>
    </div>
  );
}
