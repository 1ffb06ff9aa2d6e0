/**
 * `window.__playground`: when each result reached the screen (for the e2e tests and `npm run bench:ui`), and
 * setScript/setScenarioText, which edit through the editor model (the same path as typing); called before
 * Monaco has loaded, they wait for it.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { Boot } from "../boot";
import type { EditorApi } from "../components/CodeEditor";
import type { PageStore } from "../actions/context";
import type { ShownRun } from "../state/pageState";
import { RUN_DEBOUNCE_MS } from "./useRuns";

/** Timings the e2e tests and the UI benchmark read (window.__playground). */
export interface PlaygroundProbe {
  results: { id: number; editedAt: number; shownAt: number; ok: boolean }[];
  firstResultAt: number | null;
  /** When the entry started the engine worker, and when boot posted the opening run to it. */
  workerStartedAt: number | null;
  firstRunPostedAt: number | null;
  /** When the worker answered the opening run (before React rendered it). */
  firstAnsweredAt: number | null;
  /** When the UI bundle had loaded and the app rendered for the first time. */
  mountedAt: number;
  /** When Monaco had loaded and the editor was created (null before). */
  editorReadyAt: number | null;
  restarts: () => number;
  /** Resolves once the edit is in the editor's model. */
  setScript: (text: string) => Promise<void>;
  setScenarioText: (text: string) => Promise<void>;
  getScript: () => string;
  getScenarioText: () => string;
  runDebounceMs: number;
}

declare global {
  interface Window {
    __playground?: PlaygroundProbe;
  }
}

/** Installs the probe; returns what the editor calls once it exists (the probe's edits wait for that). */
export function useProbe(store: PageStore, boot: Boot, shown: ShownRun | null, editor: RefObject<EditorApi | null>): (api: EditorApi) => void {
  const results = useRef<PlaygroundProbe["results"]>([]);
  const firstResultAt = useRef<number | null>(null);
  const editorReadyAt = useRef<number | null>(null);
  const waitingForEditor = useRef<((api: EditorApi) => void)[]>([]);
  const [mountedAt] = useState(() => performance.now());
  const editorReady = useCallback((api: EditorApi) => {
    editorReadyAt.current ??= performance.now();
    for (const resume of waitingForEditor.current.splice(0)) resume(api);
  }, []);

  // Record when each result reached the screen (after the browser painted it).
  useLayoutEffect(() => {
    if (!shown) return;
    const { id, editedAt, result } = shown;
    requestAnimationFrame(() => {
      const shownAt = performance.now();
      firstResultAt.current ??= shownAt;
      results.current.push({ id, editedAt, shownAt, ok: result.ok });
      if (results.current.length > 1000) results.current.shift();
    });
  }, [shown]);

  useEffect(() => {
    // At once when the editor exists (tests read the state right after), else as soon as it does.
    const replace = (model: "scriptModel" | "scenarioModel", text: string): Promise<void> => {
      const push = (api: EditorApi) => void api[model].pushEditOperations([], [{ range: api[model].getFullModelRange(), text }], () => null);
      if (editor.current) {
        push(editor.current);
        return Promise.resolve();
      }
      return new Promise((resume) =>
        waitingForEditor.current.push((api) => {
          push(api);
          resume();
        }),
      );
    };
    window.__playground = {
      results: results.current,
      get firstResultAt() {
        return firstResultAt.current;
      },
      workerStartedAt: boot.workerStartedAt,
      firstRunPostedAt: boot.firstRun?.startedAt ?? null,
      get firstAnsweredAt() {
        return boot.firstAnsweredAt;
      },
      mountedAt,
      get editorReadyAt() {
        return editorReadyAt.current;
      },
      restarts: () => boot.client.restarts,
      setScript: (text) => replace("scriptModel", text),
      setScenarioText: (text) => replace("scenarioModel", text),
      getScript: () => store.getState().script,
      getScenarioText: () => editor.current?.scenarioModel.getValue() ?? store.getState().scenarioText,
      runDebounceMs: RUN_DEBOUNCE_MS,
    };
  }, [store, boot, mountedAt, editor]);
  return editorReady;
}

/**
 * Monaco is created once the first result is on screen (or after a short wait if there is none): creating it
 * takes the main thread for a few hundred milliseconds, and the opening result should not wait behind it.
 */
export function useEditorStart(boot: Boot, shown: ShownRun | null): boolean {
  const [enabled, setEnabled] = useState(false);
  useEffect(() => {
    if (enabled) return;
    if (!shown && boot.firstRun) {
      const timer = setTimeout(() => setEnabled(true), 1500);
      return () => clearTimeout(timer);
    }
    // After the frame that paints the result.
    const frame = requestAnimationFrame(() => setTimeout(() => setEnabled(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [shown, enabled, boot]);
  return enabled;
}
