/**
 * The playground page: editor on the left, results on the right, engine in a worker. This file wires the
 * parts: the page's store (state/pageState.ts), the hooks per job (hooks/: runs, persistence, document
 * drafts, file watch, layout, theme, editor help, test probe, commands) and the actions (actions/), and
 * lays out the components.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import type { Boot } from "./boot";
import { platform as currentPlatform } from "./platform";
import type { ActionContext } from "./actions/context";
import * as documents from "./actions/documents";
import { isMacPlatform } from "./actions/actions";
import { ImportPicker, NoticeBar, RecoveryBar } from "./components/FileBars";
import { WorkspaceView } from "./components/WorkspaceView";
import { HookQuestion } from "./components/HookQuestion";
import { scenarioHookAddress } from "./state/hookSettings";
import { EvidenceReport } from "./components/EvidenceReport";
import { MigrationView } from "./components/MigrationView";
import { migrateInEngineWorker } from "./engine-client/migrationClient";
import { allSamples } from "./samples";
import { errorMarkers, runMarkers, scenarioMarkers, warningMarkers } from "./state/markers";
import { formatScenario } from "./state/scenarioForm";
import { createStore, useStoreState } from "./state/store";
import { documentDirty, hasEdits, initialPageState, pageReducer } from "./state/pageState";
import { pageView } from "./state/pageView";
import { evaluatorChoice } from "./state/evaluators";
import { useRuns } from "./hooks/useRuns";
import { usePersistence } from "./hooks/usePersistence";
import { useDocumentDrafts } from "./hooks/useDocumentDrafts";
import { useFileWatch } from "./hooks/useFileWatch";
import { useLayout } from "./hooks/useLayout";
import { useTheme } from "./hooks/useTheme";
import { useEditorHelp } from "./hooks/useEditorHelp";
import { useEditorStart, useProbe } from "./hooks/useProbe";
import { useCommands } from "./hooks/useCommands";
import { CodeEditor, type EditorApi } from "./components/CodeEditor";
import { ScenarioForm } from "./components/ScenarioForm";
import { Splitter } from "./components/Splitter";
import { FlowTimeline } from "./components/FlowTimeline";
import { ProductPanels } from "./components/ProductPanels";
import { productOfScenario } from "./state/products";
import { Toolbar } from "./components/Toolbar";
import { StatusBar } from "./components/StatusBar";
import { HttpPanel, IdmPanel, IntrospectionPanel, LogsPanel, TokenPanel, TokenResponsePanel, WarningsPanel } from "./components/ResultPanels";

export { RUN_DEBOUNCE_MS, BANNER_PAUSE_MS } from "./hooks/useRuns";
export { DRAFT_DEBOUNCE_MS } from "./hooks/useDocumentDrafts";
export type { PlaygroundProbe } from "./hooks/useProbe";

/** The scenario's HTTP mocks as written (the HTTP pane shows the answering one and why others missed). */
function httpMocksOf(doc: unknown): unknown[] {
  const http = (doc as { http?: unknown } | null)?.http;
  return Array.isArray(http) ? http : [];
}

export function App({ boot }: { boot: Boot }) {
  const platform = currentPlatform();
  const samples = useMemo(allSamples, []);
  const [store] = useState(() =>
    createStore(
      pageReducer,
      initialPageState({ sample: boot.sample, script: boot.script, scenarioText: boot.scenarioText, evaluator: boot.evaluator, tab: boot.session.tab, scenarioView: boot.session.scenarioView }),
    ),
  );
  const state = useStoreState(store);
  const { dispatch } = store;
  const runs = useRuns(store, boot);
  const ctx = useMemo<ActionContext>(
    () => ({ store, platform, runs, migrate: migrateInEngineWorker, now: () => performance.now() }),
    [store, platform, runs],
  );
  const perform = useCommands(ctx);
  usePersistence(store, platform, state);
  useDocumentDrafts(ctx, state);
  useFileWatch(ctx, state.document);
  useEditorHelp(productOfScenario(state.scenario.doc), state.evaluator);
  const layout = useLayout(platform.store);
  const theme = useTheme(platform.store);
  const editorApi = useRef<EditorApi | null>(null);
  const editorReadyForProbe = useProbe(store, boot, state.shown, editorApi);
  const editorEnabled = useEditorStart(boot, state.shown);
  const isMac = useMemo(isMacPlatform, []);

  // The editor echoes every text the app pushes into it (open, import, sample switch); an unchanged text is
  // not an edit, and scheduling a run for it would start a second, duplicate run after the app's own.
  const onScriptChange = useCallback(
    (text: string) => {
      if (text === store.getState().script) return;
      store.dispatch({ type: "textEdited", target: "script", text, at: performance.now() });
      runs.edited("script");
    },
    [store, runs],
  );
  const onScenarioChange = useCallback(
    (text: string) => {
      if (text === store.getState().scenarioText) return;
      store.dispatch({ type: "textEdited", target: "scenario", text, at: performance.now() });
      runs.edited("scenario");
    },
    [store, runs],
  );
  /** A scenario edit the page makes for the user (form, product picker): like typing, and the editor follows. */
  const editScenarioAsApp = (text: string) => {
    onScenarioChange(text);
    dispatch({ type: "textEdited", target: "scenario", text, at: performance.now(), pushed: true });
  };
  const toggleTabMovesFocus = useCallback(() => store.dispatch({ type: "tabMovesFocusToggled" }), [store]);

  const { tab, scenarioView, scenario, evaluator } = state;
  const view = pageView(state);
  const { flow, step, panels, goToLine } = view;
  const hasOpenIdm = evaluatorChoice(evaluator).hasOpenIdm;
  const dark = theme.dark;

  const checkMarkers = useMemo(() => [...errorMarkers(state.checked?.error), ...warningMarkers(state.checked?.warnings)], [state.checked]);
  const shown = state.shown;
  const scriptMarkers = useMemo(
    () => ({ "rhino-check": checkMarkers, run: shown ? runMarkers(shown.result.error, shown.result.warnings, checkMarkers) : [] }),
    [checkMarkers, shown],
  );
  const scenarioMarkerMap = useMemo(() => ({ scenario: scenarioMarkers(state.scenarioText, scenario.issues) }), [state.scenarioText, scenario.issues]);

  const dropFiles = async (dropped: File[]) => {
    const files = [];
    for (const f of dropped) files.push(await platform.openDropped(f));
    await documents.loadFiles(ctx, files);
  };

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
        void dropFiles([...e.dataTransfer.files]).catch(documents.reportFailure(ctx, "Open"));
      }}
    >
      <Toolbar
        samples={samples}
        sample={state.sample}
        evaluator={evaluator}
        scenarioDoc={scenario.doc}
        running={state.running}
        shown={state.shown}
        runAsYouType={state.runAsYouType}
        document={state.document}
        documentDirty={documentDirty(state)}
        recent={state.recent}
        workspaceOpen={state.workspaceOpen}
        confirmRevert={state.confirmRevert}
        isMac={isMac}
        perform={perform}
        onSample={(id) => documents.switchSample(ctx, id)}
        onRevert={() => (hasEdits(state) ? dispatch({ type: "revertAsked", asking: true }) : documents.revertSample(ctx))}
        // Written into the scenario: the product is part of the case, as the CLI reads it.
        onProduct={(product) => editScenarioAsApp(formatScenario({ ...(scenario.doc as Record<string, unknown>), product }))}
        onRefreshRecent={() => void documents.refreshRecent(ctx).catch(() => {})}
        onToggleWorkspace={() => dispatch({ type: "workspaceToggled" })}
      />
      {state.confirmRevert ? (
        <div className="notice warning" role="alertdialog" aria-label="Discard edits?" data-testid="revert-confirm">
          Discard your edits of “{state.sample.label}”{state.document ? ` and close ${state.document.name}` : ""}? This cannot be undone.{" "}
          <button type="button" onClick={() => documents.revertSample(ctx)}>
            Discard edits
          </button>{" "}
          <button type="button" autoFocus onClick={() => dispatch({ type: "revertAsked", asking: false })}>
            Keep editing
          </button>
        </div>
      ) : null}
      <HookQuestion permissions={boot.hookPermissions} currentAddress={scenarioHookAddress(scenario.doc)} anyAddress={state.workspaceOpen} onDecided={() => runs.request()} />
      <RecoveryBar drafts={state.drafts} onRestore={(key) => void documents.restoreDraft(ctx, key).catch(documents.reportFailure(ctx, "Restore"))} onDiscard={(key) => void documents.discardRecovered(ctx, key).catch(() => {})} />
      <NoticeBar notice={state.notice} onDismiss={() => dispatch({ type: "noticeShown", notice: null })} />
      {state.groovy ? (
        <div className="notice groovy" role="note" data-testid="groovy-notice">
          {state.groovy} is a Groovy script. It is shown read-only: the playground runs only JavaScript (AM&apos;s Rhino), not Groovy.
        </div>
      ) : null}
      {state.importChoices ? (
        <ImportPicker
          file={state.importChoices.file}
          scripts={state.importChoices.scripts}
          onPick={(picked) => documents.loadImported(ctx, picked)}
          onCancel={() => dispatch({ type: "importChoicesShown", choices: null })}
        />
      ) : null}
      {state.evidence ? <EvidenceReport build={state.evidence} onDismiss={() => dispatch({ type: "evidenceShown", build: null })} /> : null}
      {state.migration ? (
        <MigrationView legacy={state.migration.legacy} state={state.migration.state} onUse={(rewritten) => documents.adoptRewrite(ctx, rewritten)} onClose={() => dispatch({ type: "migrationClosed" })} />
      ) : null}
      {state.workspaceOpen ? (
        <WorkspaceView callHook={boot.callHook} onOpen={(file) => void documents.loadFile(ctx, file).catch(documents.reportFailure(ctx, "Open"))} onClose={() => dispatch({ type: "workspaceToggled", open: false })} />
      ) : null}
      <main className="workspace" ref={layout.workspace}>
        <section className="editor-pane" style={{ width: `${layout.layout.editorPct}%` }} aria-label="Editor">
          <div className="tabs">
            {/* Only tabs inside the tablist (ARIA: a tablist owns tabs only); the view switch sits beside it. */}
            <div role="tablist" aria-label="Editor tabs" className="tablist">
              <button role="tab" type="button" aria-selected={tab === "script"} data-testid="tab-script" onClick={() => dispatch({ type: "tabChosen", tab: "script" })}>
                Script
              </button>
              <button role="tab" type="button" aria-selected={tab === "scenario"} data-testid="tab-scenario" onClick={() => dispatch({ type: "tabChosen", tab: "scenario" })}>
                Scenario{view.scenarioBroken ? " ⚠" : ""}
              </button>
            </div>
            {tab === "scenario" ? (
              <span className="view-switch" role="group" aria-label="Scenario view">
                <button type="button" aria-pressed={scenarioView === "form"} data-testid="scenario-view-form" onClick={() => dispatch({ type: "scenarioViewChosen", view: "form" })}>
                  Form
                </button>
                <button type="button" aria-pressed={scenarioView === "json"} data-testid="scenario-view-json" onClick={() => dispatch({ type: "scenarioViewChosen", view: "json" })}>
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
              script={state.script}
              scenarioText={state.scenarioText}
              scriptRevision={state.revisions.script}
              scenarioRevision={state.revisions.scenario}
              onScriptChange={onScriptChange}
              onScenarioChange={onScenarioChange}
              scriptMarkers={scriptMarkers}
              scenarioMarkers={scenarioMarkerMap}
              onRun={runs.request}
              dark={dark}
              onReady={(api) => {
                editorApi.current = api;
                editorReadyForProbe(api);
              }}
              scriptReadOnly={state.groovy !== null}
              tabMovesFocus={state.tabMovesFocus}
              onToggleTabMovesFocus={toggleTabMovesFocus}
            />
            {tab === "scenario" && scenarioView === "form" ? (
              <ScenarioForm
                doc={scenario.issues.length && scenario.doc === null ? null : scenario.doc}
                onChange={(doc) => editScenarioAsApp(formatScenario(doc))}
                files={state.libraries}
                onFileLoaded={(key, text) => dispatch({ type: "libraryAdded", key, text })}
              />
            ) : null}
          </div>
          {tab === "script" || scenarioView === "json" ? (
            <div className="editor-statusbar">
              <button
                type="button"
                className="link"
                data-testid="tab-focus-toggle"
                aria-pressed={state.tabMovesFocus}
                onClick={toggleTabMovesFocus}
                title="Tab trapping, as in VS Code: whether Tab indents or moves focus out of the editor"
              >
                {state.tabMovesFocus ? "Tab moves focus" : "Tab indents"} · {isMac ? "⌃⇧M" : "Ctrl+M"} to switch
              </button>
            </div>
          ) : null}
        </section>
        <Splitter
          orientation="vertical"
          label="Resize editor"
          onReset={layout.reset}
          valuePct={layout.layout.editorPct}
          container={() => layout.workspace.current}
          onResize={layout.resizeEditor}
          onResizeEnd={layout.persist}
        />
        <section className="results-pane" ref={layout.resultsPane} aria-label="Results">
          {/* The banner's place is kept whether or not it shows, so the panels never move under the user. */}
          <div className="banner-slot" role="alert" data-testid="banner-slot">
            {view.banner ? (
              <div className={`error-banner ${view.banner.kind}`} data-testid="error-banner" data-kind={view.banner.kind}>
                <span className="banner-text">{view.banner.text}</span>
                {state.fileError ? (
                  <button type="button" className="link" onClick={() => dispatch({ type: "fileErrorShown", message: null })}>
                    Dismiss
                  </button>
                ) : null}
                {goToLine !== null ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      dispatch({ type: "tabChosen", tab: "script" });
                      const column = view.current?.result.error?.column ?? 1;
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
              <span className="banner-quiet">{view.bannerHeld ? "Typing… errors show when you pause." : "No errors."}</span>
            )}
          </div>
          {flow && step !== null ? <FlowTimeline flow={flow} selected={step} onSelect={(s) => dispatch({ type: "flowStepChosen", step: s })} stale={view.display?.stale} /> : null}
          <ProductPanels result={panels?.result} stale={panels?.stale} />
          <div className="results-row" ref={layout.resultsRow} style={{ height: `${layout.layout.resultsPct}%` }} data-evaluator={state.shown?.result.evaluator}>
            <div className="column" style={{ width: `${layout.layout.columnPcts[0]}%` }}>
              <TokenPanel shown={panels} />
            </div>
            <Splitter orientation="vertical" label="Resize token column" onReset={layout.reset} valuePct={layout.layout.columnPcts[0]} container={() => layout.resultsRow.current} onResize={(d) => layout.resizeColumn(0, d)} onResizeEnd={layout.persist} />
            <div className="column" style={{ width: `${layout.layout.columnPcts[1]}%` }}>
              <TokenResponsePanel shown={panels} />
            </div>
            <Splitter orientation="vertical" label="Resize token response column" onReset={layout.reset} valuePct={layout.layout.columnPcts[0] + layout.layout.columnPcts[1]} container={() => layout.resultsRow.current} onResize={(d) => layout.resizeColumn(1, d)} onResizeEnd={layout.persist} />
            <div className="column" style={{ width: `${layout.layout.columnPcts[2]}%` }}>
              <IntrospectionPanel shown={panels} />
            </div>
          </div>
          <Splitter
            orientation="horizontal"
            label="Resize results and details"
            onReset={layout.reset}
            valuePct={layout.layout.resultsPct}
            container={() => layout.resultsPane.current}
            onResize={layout.resizeResults}
            onResizeEnd={layout.persist}
          />
          <div className={`details-row ${hasOpenIdm ? "with-idm" : ""}`}>
            <LogsPanel shown={panels} />
            <HttpPanel shown={panels} mocks={httpMocksOf(scenario.doc)} />
            {/* openidm exists only for next-generation scripts. */}
            {hasOpenIdm ? <IdmPanel shown={panels} /> : null}
            <WarningsPanel shown={panels} />
          </div>
        </section>
      </main>
      <StatusBar
        theme={theme.theme}
        onTheme={theme.choose}
        evaluator={evaluator}
        canSaveTestCase={view.current !== null && !view.scenarioBroken}
        isMac={isMac}
        perform={perform}
        onSaveTestCase={() => void documents.saveTestCase(ctx).catch(documents.reportFailure(ctx, "Save as test case"))}
        onResetLayout={layout.reset}
      />
    </div>
  );
}
