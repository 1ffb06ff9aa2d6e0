/**
 * One Monaco editor with two models (script.js and scenario.json); the visible one follows the tab.
 * Text flows out through onChange on every edit and flows in when the app's text differs from the model
 * (sample switch, form edit), as an undoable edit.
 */
import { useEffect, useRef, useState } from "react";
import type { monaco as Monaco } from "../monaco/setup";
import { loadMonaco } from "../monaco/load";

type MonacoApi = typeof Monaco;

export type EditorMarker = {
  message: string;
  severity: "error" | "warning";
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
};

export interface CodeEditorProps {
  show: "script" | "scenario";
  script: string;
  scenarioText: string;
  onScriptChange: (text: string) => void;
  onScenarioChange: (text: string) => void;
  /**
   * Bumped by the app when it changes a text itself (sample switch, form edit, open file). Only then is the
   * app's text pushed into the model: while the user types, the app's text lags a keystroke or two behind the
   * model, and pushing it back would eat the newest characters.
   */
  scriptRevision: number;
  scenarioRevision: number;
  /** Markers per owner, for each model. */
  scriptMarkers: Record<string, EditorMarker[]>;
  scenarioMarkers: Record<string, EditorMarker[]>;
  onRun: () => void;
  dark: boolean;
  /** Lets the page (and tests) reach the editor, e.g. to reveal a line. */
  onReady?: (api: EditorApi) => void;
  hidden?: boolean;
  /** The script cannot be edited (an imported Groovy script is shown, never run). */
  scriptReadOnly?: boolean;
  /**
   * False until the page has shown its first result: loading and creating Monaco (and its TypeScript worker)
   * takes the main thread for a few hundred milliseconds, and the opening result should not wait behind it.
   * Until Monaco is ready the texts show as plain text.
   */
  enabled: boolean;
  /** Tab trapping off: Tab and Shift+Tab move focus out of the editor instead of indenting (VS Code's Ctrl+M). */
  tabMovesFocus?: boolean;
  onToggleTabMovesFocus?: () => void;
}

export interface EditorApi {
  editor: Monaco.editor.IStandaloneCodeEditor;
  scriptModel: Monaco.editor.ITextModel;
  scenarioModel: Monaco.editor.ITextModel;
}

/**
 * Monaco's own themes with line numbers and comments readable against the editor's background (WCAG AA: the
 * default dims the number after the last line to about 2:1).
 */
let themesDefined = false;
function themeName(monaco: MonacoApi, dark: boolean): string {
  if (!themesDefined) {
    themesDefined = true;
    monaco.editor.defineTheme("tsp-light", {
      base: "vs",
      inherit: true,
      rules: [],
      colors: { "editorLineNumber.foreground": "#5d6675", "editorLineNumber.dimmedForeground": "#5d6675", "editorLineNumber.activeForeground": "#1d2330" },
    });
    monaco.editor.defineTheme("tsp-dark", {
      base: "vs-dark",
      inherit: true,
      // vs-dark's comment green is 4.2:1 on its background; this one is over 6:1.
      rules: [{ token: "comment", foreground: "8fbf73" }],
      colors: { "editorLineNumber.foreground": "#a2a9b5", "editorLineNumber.dimmedForeground": "#a2a9b5", "editorLineNumber.activeForeground": "#e4e6eb" },
    });
  }
  return dark ? "tsp-dark" : "tsp-light";
}

function replaceText(model: Monaco.editor.ITextModel, text: string) {
  if (model.getValue() === text) return;
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
}

function toMonacoMarkers(monaco: MonacoApi, markers: EditorMarker[]): Monaco.editor.IMarkerData[] {
  return markers.map((m) => ({
    message: m.message,
    severity: m.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    startLineNumber: m.startLine,
    startColumn: m.startColumn,
    endLineNumber: m.endLine,
    endColumn: m.endColumn,
  }));
}

/** Creates the editor and its two models in `host` from the newest props; returns its disposal. */
function createEditor(monaco: MonacoApi, host: HTMLDivElement, latest: { readonly current: CodeEditorProps }, api: { current: EditorApi | null }): () => void {
  const scriptModel =
    monaco.editor.getModel(monaco.Uri.parse("file:///script.js")) ??
    monaco.editor.createModel(latest.current.script, "javascript", monaco.Uri.parse("file:///script.js"));
  const scenarioModel =
    monaco.editor.getModel(monaco.Uri.parse("file:///scenario.json")) ??
    monaco.editor.createModel(latest.current.scenarioText, "json", monaco.Uri.parse("file:///scenario.json"));
  scriptModel.updateOptions({ tabSize: 2, insertSpaces: true });
  scenarioModel.updateOptions({ tabSize: 2, insertSpaces: true });
  const editor = monaco.editor.create(host, {
    model: latest.current.show === "script" ? scriptModel : scenarioModel,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    theme: themeName(monaco, latest.current.dark),
    ariaLabel: "Script editor",
    renderValidationDecorations: "on",
    tabFocusMode: Boolean(latest.current.tabMovesFocus),
    // Long lines wrap at the editor's edge: a 400-character claim line stays readable without scrolling.
    wordWrap: "on",
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun());
  // VS Code's tab-trapping toggle (Ctrl+M; on macOS Ctrl+Shift+M, as Cmd+M minimises the window). The page
  // owns the state, so the hint under the editor and the editor always agree.
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
  editor.addCommand(isMac ? monaco.KeyMod.WinCtrl | monaco.KeyMod.Shift | monaco.KeyCode.KeyM : monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, () =>
    latest.current.onToggleTabMovesFocus?.(),
  );
  const subs = [
    scriptModel.onDidChangeContent(() => latest.current.onScriptChange(scriptModel.getValue())),
    scenarioModel.onDidChangeContent(() => latest.current.onScenarioChange(scenarioModel.getValue())),
  ];
  api.current = { editor, scriptModel, scenarioModel };
  latest.current.onReady?.(api.current);
  return () => {
    subs.forEach((s) => s.dispose());
    editor.dispose();
    scriptModel.dispose();
    scenarioModel.dispose();
    api.current = null;
  };
}

export function CodeEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement | null>(null);
  const api = useRef<EditorApi | null>(null);
  const latest = useRef(props);
  latest.current = props;

  // Monaco once it has loaded; `ready` re-runs the effects below that apply props to the editor.
  const monacoRef = useRef<MonacoApi | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!props.enabled) return;
    let dispose: (() => void) | null = null;
    let cancelled = false;
    void loadMonaco().then(({ monaco }) => {
      if (cancelled || !host.current) return;
      monacoRef.current = monaco;
      dispose = createEditor(monaco, host.current, latest, api);
      setReady(true);
    });
    return () => {
      cancelled = true;
      dispose?.();
      setReady(false);
    };
  }, [props.enabled]);

  useEffect(() => {
    const a = api.current;
    if (!a) return;
    const model = props.show === "script" ? a.scriptModel : a.scenarioModel;
    if (a.editor.getModel() !== model) a.editor.setModel(model);
    a.editor.updateOptions({ ariaLabel: props.show === "script" ? "Script editor" : "Scenario JSON editor" });
  }, [props.show, ready]);

  // A text is pushed into its model only when its revision moved (see scriptRevision): the revision each model
  // last received is remembered, so a text that merely changed (typing) is never pushed back.
  const pushed = useRef({ script: props.scriptRevision, scenario: props.scenarioRevision });
  useEffect(() => {
    if (pushed.current.script === props.scriptRevision) return;
    pushed.current.script = props.scriptRevision;
    // Before Monaco exists there is no model to push into: it is created from the newest text.
    if (api.current) replaceText(api.current.scriptModel, props.script);
  }, [props.scriptRevision, props.script]);
  useEffect(() => {
    if (pushed.current.scenario === props.scenarioRevision) return;
    pushed.current.scenario = props.scenarioRevision;
    // Before Monaco exists there is no model to push into: it is created from the newest text.
    if (api.current) replaceText(api.current.scenarioModel, props.scenarioText);
  }, [props.scenarioRevision, props.scenarioText]);

  // Markers that arrived before Monaco was ready are applied once it is (`ready` in the dependencies).
  useEffect(() => {
    const a = api.current;
    const monaco = monacoRef.current;
    if (!a || !monaco) return;
    for (const [owner, markers] of Object.entries(props.scriptMarkers)) monaco.editor.setModelMarkers(a.scriptModel, owner, toMonacoMarkers(monaco, markers));
  }, [props.scriptMarkers, ready]);
  useEffect(() => {
    const a = api.current;
    const monaco = monacoRef.current;
    if (!a || !monaco) return;
    for (const [owner, markers] of Object.entries(props.scenarioMarkers)) monaco.editor.setModelMarkers(a.scenarioModel, owner, toMonacoMarkers(monaco, markers));
  }, [props.scenarioMarkers, ready]);

  useEffect(() => {
    api.current?.editor.updateOptions({ readOnly: Boolean(props.scriptReadOnly) && props.show === "script" });
  }, [props.scriptReadOnly, props.show, ready]);

  useEffect(() => {
    const monaco = monacoRef.current;
    if (ready && monaco) monaco.editor.setTheme(themeName(monaco, props.dark));
  }, [props.dark, ready]);

  useEffect(() => {
    api.current?.editor.updateOptions({ tabFocusMode: Boolean(props.tabMovesFocus) });
  }, [props.tabMovesFocus, ready]);

  return (
    <div className="code-editor" ref={host} data-testid="editor" data-model={props.show} data-ready={ready ? "true" : "false"} data-readonly={props.scriptReadOnly && props.show === "script" ? "true" : "false"} hidden={props.hidden}>
      {ready ? null : <pre className="editor-placeholder">{props.show === "script" ? props.script : props.scenarioText}</pre>}
    </div>
  );
}
