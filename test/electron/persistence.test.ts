import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ExternalChange } from "../../contracts/api";
import { DraftStore } from "../../electron/main/drafts";
import { writeFileAtomically } from "../../electron/main/files";
import { nodeFileSystem } from "../../electron/main/fs-port";
import { SettingsStore } from "../../electron/main/settings-store";
import { DEFAULT_SETTINGS } from "../../electron/main/validate";
import { FileWatcher } from "../../electron/main/watcher";
import { tempDir } from "./fakes";

describe("autosave drafts and crash recovery", () => {
  it("keeps the latest text of each unsaved document and offers it back to the next session", async () => {
    const userDataDir = await tempDir();
    let clock = Date.parse("2026-01-01T10:00:00Z");
    const now = () => new Date((clock += 1000));
    const session1 = new DraftStore({ fs: nodeFileSystem, userDataDir, now });
    await session1.write({ key: "doc-1", path: "/work/a.js", text: "v1" });
    await session1.write({ key: "untitled-2", path: null, text: "scratch" });
    await session1.write({ key: "doc-1", path: "/work/a.js", text: "v2 typed before the crash" });
    // No clean shutdown: a new store on the same folder is what the app sees after a crash.
    const session2 = new DraftStore({ fs: nodeFileSystem, userDataDir });
    expect(await session2.list()).toEqual([
      { key: "doc-1", path: "/work/a.js", name: "a.js", savedAt: "2026-01-01T10:00:03.000Z", bytes: 25 },
      { key: "untitled-2", path: null, name: "Untitled", savedAt: "2026-01-01T10:00:02.000Z", bytes: 7 },
    ]);
    expect(await session2.read("doc-1")).toMatchObject({ text: "v2 typed before the crash", path: "/work/a.js" });
  });

  it("a slow earlier write never overwrites a newer one for the same document", async () => {
    const userDataDir = await tempDir();
    let calls = 0;
    const slowFirstWrite = {
      ...nodeFileSystem,
      writeNewFileDurably: async (p: string, data: string, mode?: number) => {
        if (calls++ === 0) await new Promise((resolve) => setTimeout(resolve, 100));
        return nodeFileSystem.writeNewFileDurably(p, data, mode);
      },
    };
    const drafts = new DraftStore({ fs: slowFirstWrite, userDataDir });
    await Promise.all([drafts.write({ key: "k", path: null, text: "older" }), drafts.write({ key: "k", path: null, text: "newest" })]);
    expect((await drafts.read("k"))?.text).toBe("newest");
  });

  it("discarding a draft (after a save) removes it from the recovery list; discarding twice is harmless", async () => {
    const userDataDir = await tempDir();
    const drafts = new DraftStore({ fs: nodeFileSystem, userDataDir });
    await drafts.write({ key: "k", path: null, text: "x" });
    await drafts.discard("k");
    await drafts.discard("k");
    expect(await drafts.list()).toEqual([]);
    expect(await drafts.read("k")).toBeNull();
  });

  it("lists nothing before the first draft, and skips a damaged draft file instead of failing", async () => {
    const userDataDir = await tempDir();
    const drafts = new DraftStore({ fs: nodeFileSystem, userDataDir });
    expect(await drafts.list()).toEqual([]);
    await drafts.write({ key: "good", path: null, text: "ok" });
    await writeFile(path.join(drafts.dir, "bad.json"), "{not json");
    expect((await drafts.list()).map((d) => d.key)).toEqual(["good"]);
  });

  it("stores drafts inside the app data folder only, whatever the key looks like", async () => {
    const userDataDir = await tempDir();
    const drafts = new DraftStore({ fs: nodeFileSystem, userDataDir });
    await expect(drafts.write({ key: "../escape", path: null, text: "x" })).rejects.toThrow("Invalid draft key");
    expect(await readdir(userDataDir)).toEqual([]);
  });
});

describe("settings", () => {
  it("starts on defaults, merges validated patches and keeps them across restarts", async () => {
    const userDataDir = await tempDir();
    const store = new SettingsStore({ fs: nodeFileSystem, userDataDir });
    expect(await store.settings()).toEqual(DEFAULT_SETTINGS);
    expect(await store.updateSettings({ theme: "dark", editorFontSize: 16 })).toEqual({ ...DEFAULT_SETTINGS, theme: "dark", editorFontSize: 16 });
    const restarted = new SettingsStore({ fs: nodeFileSystem, userDataDir });
    expect(await restarted.settings()).toMatchObject({ theme: "dark", editorFontSize: 16 });
  });

  it("keeps a damaged settings file aside (never overwritten) and reports it", async () => {
    const userDataDir = await tempDir();
    await writeFile(path.join(userDataDir, "settings.json"), '{"settings": {"theme": "dark"');
    const reports: string[] = [];
    const store = new SettingsStore({ fs: nodeFileSystem, userDataDir, report: (m) => reports.push(m), now: () => new Date(5000) });
    expect(await store.settings()).toEqual(DEFAULT_SETTINGS);
    await store.updateSettings({ wordWrap: true });
    expect(await readFile(path.join(userDataDir, "settings.json.damaged-5000"), "utf8")).toBe('{"settings": {"theme": "dark"');
    expect(reports[0]).toMatch(/settings\.json could not be read .*kept as .*settings\.json\.damaged-5000, using defaults\./);
  });

  it("keeps the valid fields of a hand-edited file and names the ones it dropped", async () => {
    const userDataDir = await tempDir();
    await writeFile(
      path.join(userDataDir, "settings.json"),
      JSON.stringify({ settings: { theme: "light", editorFontSize: "huge" }, windowBounds: { width: 10, height: 10 }, recentFiles: [{ path: "rel" }] }),
    );
    const reports: string[] = [];
    const store = new SettingsStore({ fs: nodeFileSystem, userDataDir, report: (m) => reports.push(m) });
    expect(await store.settings()).toEqual({ ...DEFAULT_SETTINGS, theme: "light" });
    expect(reports).toEqual([`${path.join(userDataDir, "settings.json")}: ignored settings.editorFontSize (invalid values); defaults used instead.`]);
    expect(await store.windowBounds()).toEqual({ width: 1400, height: 900, maximized: false });
    expect(await store.recentFiles()).toEqual([]);
  });
});

describe("external change watcher", () => {
  async function watched() {
    const dir = await tempDir();
    const file = path.join(dir, "s.js");
    await writeFile(file, "v1");
    const changes: ExternalChange[] = [];
    const watcher = new FileWatcher({ fs: nodeFileSystem, notify: (c) => changes.push(c), debounceMs: 20 });
    await watcher.watch(file);
    return { dir, file, watcher, changes };
  }

  it("reports a change made by another program, with the new stamp", async () => {
    const { file, watcher, changes } = await watched();
    await writeFile(file, "v2 from vim");
    await expect.poll(() => changes.length, { timeout: 3000 }).toBe(1);
    expect(changes[0].path).toBe(file);
    expect(changes[0].stamp?.size).toBe(11);
    watcher.stop();
  });

  it("reports a replace-by-rename save (how many editors write) and a deletion", async () => {
    const { dir, file, watcher, changes } = await watched();
    await writeFile(path.join(dir, "tmp"), "v2 via rename");
    await rename(path.join(dir, "tmp"), file);
    await expect.poll(() => changes.length, { timeout: 3000 }).toBe(1);
    await rm(file);
    await expect.poll(() => changes.length, { timeout: 3000 }).toBe(2);
    expect(changes[1]).toEqual({ path: file, stamp: null });
    watcher.stop();
  });

  it("does not report the app's own save", async () => {
    const { file, watcher, changes } = await watched();
    const stamp = await writeFileAtomically(nodeFileSystem, file, "saved by the app");
    watcher.acknowledge(file, stamp);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await watcher.settled();
    expect(changes).toEqual([]);
    watcher.stop();
  });

  it("ignores other files in the same folder and stops when asked", async () => {
    const { dir, file, watcher, changes } = await watched();
    await writeFile(path.join(dir, "other.js"), "x");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await watcher.watch(null);
    await writeFile(file, "after stop");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(changes).toEqual([]);
    expect(watcher.watchedPath).toBeNull();
  });
});
