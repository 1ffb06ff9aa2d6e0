/**
 * One window per workspace (the file a window was opened on; null for a fresh window). Opening a file
 * that already has a window focuses it. Size and position are remembered in the settings file and
 * restored only when they still fall on a connected display.
 */
import { randomUUID } from "node:crypto";
import type { ExternalChange, FileStamp } from "../../contracts/api";
import { EVENT_CHANNELS } from "../../contracts/channels";
import type { FileSystem } from "./fs-port";
import type { WindowSession } from "./ipc";
import { secureWebPreferences, userGesturesOf } from "./security";
import type { SettingsStore, WindowBounds } from "./settings-store";
import { FileWatcher } from "./watcher";

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  on(event: "ready-to-show" | "close" | "closed", listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isMinimized(): boolean;
  maximize(): void;
  restore(): void;
  show(): void;
  focus(): void;
  loadURL(url: string): Promise<void>;
}

export interface DisplayPort {
  getAllDisplays(): { workArea: Rectangle }[];
}

export const WINDOW_TITLE = "Token Script Playground";
const CASCADE_OFFSET = 24;

/** Options for `new BrowserWindow(...)`; every security-relevant choice is in secureWebPreferences. */
export function windowOptions(bounds: WindowBounds, preloadPath: string) {
  return {
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: WINDOW_TITLE,
    backgroundColor: "#1e1e1e",
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** Keeps x/y only when the window's top-left area is on some display's work area. */
export function placeOnScreen(bounds: WindowBounds, displays: readonly { workArea: Rectangle }[]): WindowBounds {
  if (bounds.x === undefined || bounds.y === undefined) return bounds;
  const { x, y } = bounds;
  const visible = displays.some(
    ({ workArea: a }) => x + 100 > a.x && x < a.x + a.width - 100 && y >= a.y - 10 && y < a.y + a.height - 100,
  );
  if (visible) return bounds;
  const { x: _x, y: _y, ...sizeOnly } = bounds;
  return sizeOnly;
}

export interface WindowManagerOptions<W extends BrowserWindowLike> {
  createWindow(options: ReturnType<typeof windowOptions>): W;
  preloadPath: string;
  /** app://playground/index.html, or the dev server URL in development. */
  entryUrl: string;
  store: SettingsStore;
  screen: DisplayPort;
  fs: FileSystem;
  log?: (message: string) => void;
  /** After a window closed (its drafts become orphans for crash recovery). */
  onClosed?: (session: WindowSession<W>) => void;
}

interface ManagedWindow<W> extends WindowSession<W> {
  watcher: FileWatcher;
}

export class WindowManager<W extends BrowserWindowLike> {
  private readonly windows: ManagedWindow<W>[] = [];

  constructor(private readonly options: WindowManagerOptions<W>) {}

  get count(): number {
    return this.windows.length;
  }

  /** Focuses the window already showing `launchPath`, or opens a new one. */
  async open(launchPath: string | null): Promise<W> {
    const existing = launchPath === null ? undefined : this.windows.find((w) => w.launchPath === launchPath);
    if (existing) {
      if (existing.window.isMinimized()) existing.window.restore();
      existing.window.focus();
      return existing.window;
    }
    const saved = placeOnScreen(await this.options.store.windowBounds(), this.options.screen.getAllDisplays());
    const bounds = this.cascade(saved);
    const window = this.options.createWindow(windowOptions(bounds, this.options.preloadPath));
    const managed = this.manage(window, launchPath);
    window.on("ready-to-show", () => {
      if (bounds.maximized) window.maximize();
      window.show();
    });
    window.on("close", () => {
      const normal = window.getNormalBounds();
      void this.options.store.setWindowBounds({ ...normal, maximized: window.isMaximized() }).catch((error: Error) => {
        this.options.log?.(`Could not remember window bounds: ${error.message}`);
      });
    });
    window.on("closed", () => {
      managed.watcher.stop();
      this.windows.splice(this.windows.indexOf(managed), 1);
      this.options.onClosed?.(managed);
    });
    await window.loadURL(this.options.entryUrl);
    return window;
  }

  sessionForContents(contents: unknown): WindowSession<W> | undefined {
    return this.windows.find((w) => w.window.webContents === contents);
  }

  private manage(window: W, launchPath: string | null): ManagedWindow<W> {
    const watcher = new FileWatcher({
      fs: this.options.fs,
      notify: (change: ExternalChange) => window.webContents.send(EVENT_CHANNELS.fileChanged, change),
    });
    const managed: ManagedWindow<W> = {
      id: randomUUID(),
      window,
      launchPath,
      grants: new Set(launchPath ? [launchPath] : []),
      watcher,
      acknowledgeWrite: (filePath: string, stamp: FileStamp) => watcher.acknowledge(filePath, stamp),
      watchFile: (filePath) => watcher.watch(filePath),
      consumeUserGesture: () => userGesturesOf(window.webContents).consume(),
    };
    this.windows.push(managed);
    return managed;
  }

  /** A second window opens offset from the first so it does not hide it exactly. */
  private cascade(bounds: WindowBounds): WindowBounds {
    if (this.windows.length === 0) return bounds;
    if (bounds.x === undefined || bounds.y === undefined) return { ...bounds, maximized: false };
    const step = CASCADE_OFFSET * this.windows.length;
    return { ...bounds, x: bounds.x + step, y: bounds.y + step, maximized: false };
  }
}
