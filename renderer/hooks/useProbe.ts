/**
 * `window.__playground`: when each result reached the screen (for the e2e tests and `npm run bench:ui`), and
 * setScript/setScenarioText, which edit through the editor model (the same path as typing).
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { Boot } from "../boot";
import type { EditorApi } from "../components/CodeEditor";
import type { PageStore } from "../actions/context";
import type { ShownRun } from "../state/pageState";
import { RUN_DEBOUNCE_MS } from "./useRuns";

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

export function useProbe(store: PageStore, boot: Boot, shown: ShownRun | null, editor: RefObject<EditorApi | null>): void {
  const results = useRef<PlaygroundProbe["results"]>([]);
  const firstResultAt = useRef<number | null>(null);
  const [mountedAt] = useState(() => performance.now());

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
    const replace = (model: "scriptModel" | "scenarioModel", text: string) => {
      const api = editor.current;
      api?.[model].pushEditOperations([], [{ range: api[model].getFullModelRange(), text }], () => null);
    };
    window.__playground = {
      results: results.current,
      get firstResultAt() {
        return firstResultAt.current;
      },
      get firstAnsweredAt() {
        return boot.firstAnsweredAt;
      },
      mountedAt,
      restarts: () => boot.client.restarts,
      setScript: (text) => replace("scriptModel", text),
      setScenarioText: (text) => replace("scenarioModel", text),
      getScript: () => store.getState().script,
      getScenarioText: () => editor.current?.scenarioModel.getValue() ?? "",
      runDebounceMs: RUN_DEBOUNCE_MS,
    };
  }, [store, boot, mountedAt, editor]);
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
