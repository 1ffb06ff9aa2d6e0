/**
 * Everything main remembers between sessions, in one JSON file in the app data folder: the renderer's
 * settings, the last window bounds and the recent files. Written atomically; a damaged file is moved
 * aside (never overwritten) and the app starts on defaults, naming the fields it could not use.
 */
import path from "node:path";
import type { RecentFile, Settings } from "../../contracts/api";
import { writeFileAtomically } from "./files";
import { isMissingFileError, type FileSystem } from "./fs-port";
import { settingsFromDisk } from "./validate";

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_BOUNDS: Readonly<WindowBounds> = { width: 1400, height: 900, maximized: false };
export const MAX_RECENT_FILES = 10;

interface StoredState {
  settings: Settings;
  windowBounds: WindowBounds;
  recentFiles: RecentFile[];
}

export interface SettingsStoreOptions {
  fs: FileSystem;
  userDataDir: string;
  now?: () => Date;
  /** Told about fields or files that could not be used, e.g. to log them. */
  report?: (message: string) => void;
}

export class SettingsStore {
  private state: StoredState | null = null;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly file: string;
  /** The app's data folder (settings, drafts): never a capability of any window (path-guard.ts). */
  readonly userDataDir: string;
  private readonly now: () => Date;
  private readonly report: (message: string) => void;

  constructor(private readonly options: SettingsStoreOptions) {
    this.file = path.join(options.userDataDir, "settings.json");
    this.userDataDir = options.userDataDir;
    this.now = options.now ?? (() => new Date());
    this.report = options.report ?? (() => undefined);
  }

  async settings(): Promise<Settings> {
    return { ...(await this.load()).settings };
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const state = await this.load();
    state.settings = { ...state.settings, ...patch };
    await this.persist();
    return { ...state.settings };
  }

  async windowBounds(): Promise<WindowBounds> {
    return { ...(await this.load()).windowBounds };
  }

  async setWindowBounds(bounds: WindowBounds): Promise<void> {
    const state = await this.load();
    state.windowBounds = sanitizeBounds(bounds) ?? { ...DEFAULT_WINDOW_BOUNDS };
    await this.persist();
  }

  async recentFiles(): Promise<RecentFile[]> {
    return (await this.load()).recentFiles.map((entry) => ({ ...entry }));
  }

  /** Moves `filePath` to the top of the recent list (adding it if new), keeping at most ten. */
  async addRecentFile(filePath: string): Promise<RecentFile[]> {
    const state = await this.load();
    const entry: RecentFile = { path: filePath, name: path.basename(filePath), openedAt: this.now().toISOString() };
    state.recentFiles = [entry, ...state.recentFiles.filter((item) => item.path !== filePath)].slice(0, MAX_RECENT_FILES);
    await this.persist();
    return this.recentFiles();
  }

  async removeRecentFile(filePath: string): Promise<void> {
    const state = await this.load();
    state.recentFiles = state.recentFiles.filter((item) => item.path !== filePath);
    await this.persist();
  }

  /** Resolves when every write started so far has finished (called before the app quits). */
  async flush(): Promise<void> {
    await this.writes;
  }

  private async load(): Promise<StoredState> {
    if (this.state) return this.state;
    let raw: unknown;
    try {
      const text = new TextDecoder().decode(await this.options.fs.readFile(this.file));
      raw = JSON.parse(text);
    } catch (error) {
      if (!isMissingFileError(error)) {
        const aside = `${this.file}.damaged-${this.now().getTime()}`;
        await this.options.fs.rename(this.file, aside).catch(() => undefined);
        this.report(`${this.file} could not be read (${(error as Error).message}); kept as ${aside}, using defaults.`);
      }
      raw = {};
    }
    this.state = stateFromDisk(raw, this.report, this.file);
    return this.state;
  }

  private persist(): Promise<void> {
    // Writes are chained so two quick updates cannot interleave their temp-file renames.
    const snapshot = JSON.stringify(this.state, null, 2);
    const write = this.writes.then(async () => {
      await this.options.fs.mkdir(this.options.userDataDir);
      await writeFileAtomically(this.options.fs, this.file, snapshot);
    });
    this.writes = write.catch(() => undefined);
    return write;
  }
}

function stateFromDisk(raw: unknown, report: (message: string) => void, file: string): StoredState {
  const record = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const { settings, dropped } = settingsFromDisk(record.settings);
  if (dropped.length > 0) report(`${file}: ignored ${dropped.join(", ")} (invalid values); defaults used instead.`);
  const windowBounds = sanitizeBounds(record.windowBounds) ?? { ...DEFAULT_WINDOW_BOUNDS };
  const recentFiles = Array.isArray(record.recentFiles) ? record.recentFiles.filter(isRecentFile).slice(0, MAX_RECENT_FILES) : [];
  return { settings, windowBounds, recentFiles };
}

function isRecentFile(value: unknown): value is RecentFile {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.path === "string" && path.isAbsolute(entry.path) && typeof entry.name === "string" && typeof entry.openedAt === "string"
  );
}

export function sanitizeBounds(value: unknown): WindowBounds | null {
  if (typeof value !== "object" || value === null) return null;
  const b = value as Record<string, unknown>;
  const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
  if (!isInt(b.width) || !isInt(b.height) || b.width < 400 || b.height < 300 || b.width > 20000 || b.height > 20000) return null;
  const bounds: WindowBounds = { width: b.width, height: b.height, maximized: b.maximized === true };
  if (isInt(b.x) && isInt(b.y)) {
    bounds.x = b.x;
    bounds.y = b.y;
  }
  return bounds;
}
