/** Small fakes of the Electron objects the main-process modules receive. Never imports "electron". */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import type { DialogPort, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from "../../electron/main/documents";
import type { BrowserWindowLike, Rectangle } from "../../electron/main/windows";

const tempDirs: string[] = [];

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "tsp-electron-"));
  tempDirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export class FakeWindow implements BrowserWindowLike {
  static created: { options: unknown; window: FakeWindow }[] = [];
  readonly listeners = new Map<string, (() => void)[]>();
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly webContents = { send: (channel: string, ...args: unknown[]) => void this.sent.push({ channel, args }) };
  loadedUrl: string | null = null;
  shown = false;
  focused = 0;
  maximized = false;
  bounds: Rectangle = { x: 0, y: 0, width: 1400, height: 900 };

  constructor(readonly options: Record<string, unknown>) {
    FakeWindow.created.push({ options, window: this });
  }
  on(event: string, listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
  getNormalBounds(): Rectangle {
    return this.bounds;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return false;
  }
  maximize(): void {
    this.maximized = true;
  }
  restore(): void {}
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused += 1;
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }
}

/** A dialog that answers from queues and records what it was asked. */
export class FakeDialog implements DialogPort<FakeWindow> {
  openAnswers: { canceled: boolean; filePaths: string[] }[] = [];
  saveAnswers: { canceled: boolean; filePath?: string }[] = [];
  messageAnswers: number[] = [];
  readonly asked: { kind: "open" | "save" | "message"; options: OpenDialogOptions | SaveDialogOptions | MessageBoxOptions }[] = [];

  async showOpenDialog(_window: FakeWindow, options: OpenDialogOptions) {
    this.asked.push({ kind: "open", options });
    return this.openAnswers.shift() ?? { canceled: true, filePaths: [] };
  }
  async showSaveDialog(_window: FakeWindow, options: SaveDialogOptions) {
    this.asked.push({ kind: "save", options });
    return this.saveAnswers.shift() ?? { canceled: true };
  }
  async showMessageBox(_window: FakeWindow, options: MessageBoxOptions) {
    this.asked.push({ kind: "message", options });
    return { response: this.messageAnswers.shift() ?? (options.cancelId ?? 0) };
  }
  messages(): MessageBoxOptions[] {
    return this.asked.filter((a) => a.kind === "message").map((a) => a.options as MessageBoxOptions);
  }
}
