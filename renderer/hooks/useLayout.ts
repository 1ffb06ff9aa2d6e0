/** Panel sizes: dragged on the splitters, remembered, and reset to the defaults. */
import { useCallback, useRef, useState } from "react";
import { DEFAULT_LAYOUT, loadLayout, saveLayout, type KeyValueStore, type Layout } from "../state/persist";

/** The narrowest a result column can be dragged. */
const COLUMN_MIN_PX = 180;

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

export function useLayout(store: KeyValueStore) {
  const [layout, setLayout] = useState<Layout>(() => loadLayout(store));
  const workspace = useRef<HTMLElement | null>(null);
  const resultsPane = useRef<HTMLDivElement | null>(null);
  const resultsRow = useRef<HTMLDivElement | null>(null);
  const persist = useCallback(() => setLayout((l) => (saveLayout(store, l), l)), [store]);
  const reset = useCallback(() => {
    setLayout(DEFAULT_LAYOUT);
    saveLayout(store, DEFAULT_LAYOUT);
  }, [store]);
  const resizeEditor = useCallback((delta: number) => setLayout((l) => ({ ...l, editorPct: clamp(l.editorPct + delta, 15, 85) })), []);
  const resizeResults = useCallback((delta: number) => setLayout((l) => ({ ...l, resultsPct: clamp(l.resultsPct + delta, 15, 90) })), []);
  const resizeColumn = useCallback(
    (index: 0 | 1, delta: number) =>
      setLayout((l) => {
        const cols = [...l.columnPcts] as [number, number, number];
        // A column keeps room for a key and a readable value (FieldTable's minimum), in pixels, not percent.
        const width = resultsRow.current?.getBoundingClientRect().width ?? 0;
        const minPct = width > 0 ? Math.min(31, (COLUMN_MIN_PX / width) * 100) : 10;
        const d = clamp(delta, minPct - cols[index], cols[index + 1] - minPct);
        cols[index] += d;
        cols[index + 1] -= d;
        return { ...l, columnPcts: cols };
      }),
    [],
  );
  return { layout, persist, reset, resizeEditor, resizeResults, resizeColumn, workspace, resultsPane, resultsRow };
}
