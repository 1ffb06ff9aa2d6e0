/**
 * What survives a reload: panel sizes, the chosen sample, and the user's drafts per sample. Stored as
 * JSON in a key-value store (localStorage in a browser, the Electron bridge's store in the app). Anything
 * unreadable falls back to defaults instead of breaking the page.
 */
import type { Evaluator } from "../../engine/api";
import { isEvaluator } from "./evaluators";

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface Layout {
  /** Editor column width, % of the window. */
  editorPct: number;
  /** Height of the three result columns, % of the right side (logs etc. below take the rest). */
  resultsPct: number;
  /** Widths of the three result columns, % each. */
  columnPcts: [number, number, number];
}

export const DEFAULT_LAYOUT: Layout = { editorPct: 40, resultsPct: 62, columnPcts: [34, 33, 33] };

const LAYOUT_KEY = "tsp.layout.v1";
const SESSION_KEY = "tsp.session.v1";
const DRAFT_PREFIX = "tsp.draft.v1.";

function clamp(n: unknown, min: number, max: number, fallback: number): number {
  return typeof n === "number" && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

function readJson(store: KeyValueStore, key: string): unknown {
  try {
    const text = store.getItem(key);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // A full or blocked store must not break editing; the text is still in the editor.
  }
}

export function loadLayout(store: KeyValueStore): Layout {
  const raw = readJson(store, LAYOUT_KEY) as Partial<Layout> | undefined;
  if (!raw || typeof raw !== "object") return DEFAULT_LAYOUT;
  const cols = Array.isArray(raw.columnPcts) && raw.columnPcts.length === 3 ? raw.columnPcts : DEFAULT_LAYOUT.columnPcts;
  const columnPcts = cols.map((c, i) => clamp(c, 10, 80, DEFAULT_LAYOUT.columnPcts[i])) as [number, number, number];
  const total = columnPcts[0] + columnPcts[1] + columnPcts[2];
  return {
    editorPct: clamp(raw.editorPct, 15, 85, DEFAULT_LAYOUT.editorPct),
    resultsPct: clamp(raw.resultsPct, 15, 90, DEFAULT_LAYOUT.resultsPct),
    columnPcts: columnPcts.map((c) => (c * 100) / total) as [number, number, number],
  };
}

export function saveLayout(store: KeyValueStore, layout: Layout): void {
  writeJson(store, LAYOUT_KEY, layout);
}

export interface SessionState {
  sampleId: string;
  evaluator: Evaluator;
  tab: "script" | "scenario";
  scenarioView: "form" | "json";
}

export function loadSession(store: KeyValueStore): Partial<SessionState> {
  const raw = readJson(store, SESSION_KEY);
  if (!raw || typeof raw !== "object") return {};
  const s = raw as Record<string, unknown>;
  const out: Partial<SessionState> = {};
  if (typeof s.sampleId === "string") out.sampleId = s.sampleId;
  if (isEvaluator(s.evaluator)) out.evaluator = s.evaluator;
  if (s.tab === "script" || s.tab === "scenario") out.tab = s.tab;
  if (s.scenarioView === "form" || s.scenarioView === "json") out.scenarioView = s.scenarioView;
  return out;
}

export function saveSession(store: KeyValueStore, session: SessionState): void {
  writeJson(store, SESSION_KEY, session);
}

/** The user's text for one sample; absent fields mean "as the sample has it". */
export interface Draft {
  script?: string;
  scenarioText?: string;
}

export function loadDraft(store: KeyValueStore, sampleId: string): Draft {
  const raw = readJson(store, DRAFT_PREFIX + sampleId);
  if (!raw || typeof raw !== "object") return {};
  const d = raw as Record<string, unknown>;
  return {
    ...(typeof d.script === "string" ? { script: d.script } : {}),
    ...(typeof d.scenarioText === "string" ? { scenarioText: d.scenarioText } : {}),
  };
}

export function saveDraft(store: KeyValueStore, sampleId: string, draft: Draft): void {
  writeJson(store, DRAFT_PREFIX + sampleId, draft);
}

const SETTINGS_KEY = "tsp.settings.v1";

/** Run as you type, on unless the user switched it off (browser build; the app keeps it in main's settings). */
export function loadRunAsYouType(store: KeyValueStore): boolean {
  const raw = readJson(store, SETTINGS_KEY) as { runAsYouType?: unknown } | undefined;
  return !(raw && typeof raw === "object" && raw.runAsYouType === false);
}

export function saveRunAsYouType(store: KeyValueStore, on: boolean): void {
  const raw = readJson(store, SETTINGS_KEY);
  const settings = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  writeJson(store, SETTINGS_KEY, { ...settings, runAsYouType: on });
}

export type ThemeChoice = "system" | "light" | "dark";

/** The chosen theme; "system" follows the operating system's light or dark setting. */
export function loadTheme(store: KeyValueStore): ThemeChoice {
  const raw = readJson(store, SETTINGS_KEY) as { theme?: unknown } | undefined;
  const theme = raw && typeof raw === "object" ? raw.theme : undefined;
  return theme === "light" || theme === "dark" ? theme : "system";
}

export function saveTheme(store: KeyValueStore, theme: ThemeChoice): void {
  const raw = readJson(store, SETTINGS_KEY);
  const settings = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  writeJson(store, SETTINGS_KEY, { ...settings, theme });
}

/** An in-memory store for places without localStorage (and for tests). */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}
