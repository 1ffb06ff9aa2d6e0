/**
 * The browser build's stand-in for the desktop's recent files and draft folder: both in the key-value
 * store (localStorage). A recent file keeps a copy of its text, because a page cannot reopen a file by
 * name; copies are capped so a large file does not fill the store.
 */
import type { DraftSummary, RecentFile } from "../../contracts/api";
import type { KeyValueStore } from "../state/persist";

const RECENT_KEY = "tsp.recentFiles";
const DRAFT_INDEX_KEY = "tsp.fileDrafts";
const DRAFT_PREFIX = "tsp.fileDraft.";
export const MAX_RECENT = 10;
export const MAX_KEPT_BYTES = 256 * 1024;

interface StoredRecent extends RecentFile {
  text: string;
}

interface StoredDraft {
  key: string;
  path: string | null;
  name: string;
  text: string;
  savedAt: string;
}

function read<T>(store: KeyValueStore, key: string, fallback: T): T {
  try {
    const text = store.getItem(key);
    return text === null ? fallback : (JSON.parse(text) as T);
  } catch {
    return fallback;
  }
}

function write(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // Quota exceeded: the feature degrades (nothing kept), typing goes on.
  }
}

export class BrowserFiles {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  recent(): RecentFile[] {
    return read<StoredRecent[]>(this.store, RECENT_KEY, []).map(({ path, name, openedAt }) => ({ path, name, openedAt }));
  }

  recentText(path: string): string | null {
    return read<StoredRecent[]>(this.store, RECENT_KEY, []).find((r) => r.path === path)?.text ?? null;
  }

  /** Newest first, one entry per name; files over the cap are not kept. */
  remember(name: string, text: string): void {
    if (text.length > MAX_KEPT_BYTES) return;
    const others = read<StoredRecent[]>(this.store, RECENT_KEY, []).filter((r) => r.path !== name);
    write(this.store, RECENT_KEY, [{ path: name, name, openedAt: this.now().toISOString(), text }, ...others].slice(0, MAX_RECENT));
  }

  writeDraft(draft: { key: string; path: string | null; name: string; text: string }): void {
    write(this.store, DRAFT_PREFIX + draft.key, { ...draft, savedAt: this.now().toISOString() } satisfies StoredDraft);
    const index = read<string[]>(this.store, DRAFT_INDEX_KEY, []);
    if (!index.includes(draft.key)) write(this.store, DRAFT_INDEX_KEY, [...index, draft.key]);
  }

  readDraft(key: string): StoredDraft | null {
    return read<StoredDraft | null>(this.store, DRAFT_PREFIX + key, null);
  }

  listDrafts(): DraftSummary[] {
    return read<string[]>(this.store, DRAFT_INDEX_KEY, [])
      .map((key) => this.readDraft(key))
      .filter((d): d is StoredDraft => d !== null)
      .map((d) => ({ key: d.key, path: d.path, name: d.name, savedAt: d.savedAt, bytes: d.text.length }))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  discardDraft(key: string): void {
    if ("removeItem" in this.store && typeof this.store.removeItem === "function") this.store.removeItem(DRAFT_PREFIX + key);
    else write(this.store, DRAFT_PREFIX + key, null);
    write(this.store, DRAFT_INDEX_KEY, read<string[]>(this.store, DRAFT_INDEX_KEY, []).filter((k) => k !== key));
  }
}
