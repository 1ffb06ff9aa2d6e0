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
  const A = "window-a";
  const B = "window-b";

  it("keeps the latest text of each unsaved document and offers it back to the next session, by main's id", async () => {
    const userDataDir = await tempDir();
    let clock = Date.parse("2026-01-01T10:00:00Z");
    const now = () => new Date((clock += 1000));
    const session1 = new DraftStore({ fs: nodeFileSystem, userDataDir, now });
    await session1.write(A, { key: "doc-1", path: "/work/a.js", text: "v1" });
    await session1.write(A, { key: "untitled-2", path: null, text: "scratch" });
    await session1.write(A, { key: "doc-1", path: "/work/a.js", text: "v2 typed before the crash" });
    // No clean shutdown: a new store on the same folder is what the app sees after a crash. Its window
    // is new too; the earlier drafts are orphans, offered under the ids main gave them.
    const session2 = new DraftStore({ fs: nodeFileSystem, userDataDir });
    const offered = await session2.list("window-after-crash");
    expect(offered.map(({ key: _key, ...rest }) => rest)).toEqual([
      { path: "/work/a.js", name: "a.js", savedAt: "2026-01-01T10:00:03.000Z", bytes: 25 },
      { path: null, name: "Untitled", savedAt: "2026-01-01T10:00:02.000Z", bytes: 7 },
    ]);
    for (const summary of offered) expect(summary.key).toMatch(/^d[0-9a-f]{32}$/);
    expect(await session2.read("window-after-crash", offered[0].key)).toMatchObject({ text: "v2 typed before the crash", path: "/work/a.js" });
    // The text files are named by those ids, not by the renderer's labels.
    expect((await readdir(path.join(userDataDir, "drafts"))).sort()).toEqual([...offered.map((d) => `${d.key}.txt`).sort(), "index.json"].sort());
  });

  it("a restored draft belongs to the window that restored it: it keeps writing under the offered key, others no longer see it", async () => {
    const userDataDir = await tempDir();
    await new DraftStore({ fs: nodeFileSystem, userDataDir }).write(A, { key: "doc", path: null, text: "before" });
    const drafts = new DraftStore({ fs: nodeFileSystem, userDataDir });
    const [orphan] = await drafts.list(B);
    expect((await drafts.list("window-c")).map((d) => d.key)).toEqual([orphan.key]);
    expect((await drafts.read(B, orphan.key))?.text).toBe("before");
    await drafts.write(B, { key: orphan.key, path: null, text: "after" });
    expect((await drafts.list(B)).map((d) => [d.key, d.bytes])).toEqual([[orphan.key, 5]]);
    expect(await drafts.list("window-c")).toEqual([]);
    expect(await drafts.read("window-c", orphan.key)).toBeNull();
  });

  it("lists only the window's own drafts while it is open, and offers them to others once it closed", async () => {
    const userDataDir = await tempDir();
    const drafts = new DraftStore({ fs: nodeFileSystem, userDataDir });
    await drafts.write(A, { key: "mine", path: null, text: "a's secret edit" });
    await drafts.write(B, { key: "mine", path: null, text: "b's edit" });
    expect((await drafts.list(A)).map((d) => d.key)).toEqual(["mine"]);
    expect((await drafts.read(A, "mine"))?.text).toBe("a's secret edit");
    expect((await drafts.read(B, "mine"))?.text).toBe("b's edit");
    await drafts.discard(B, "mine");
    expect((await drafts.read(A, "mine"))?.text).toBe("a's secret edit");
    await drafts.release(A);
    const [offered] = await drafts.list(B);
    expect(offered.key).toMatch(/^d[0-9a-f]{32}$/);
    expect((await drafts.read(B, offered.key))?.text).toBe("a's secret edit");
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
    await Promise.all([drafts.write(A, { key: "k", path: null, text: "older" }), drafts.write(A, { key: "k", path: null, text: "newest" })]);
    expect((await drafts.read(A, "k"))?.text).toBe("newest");
    expect(await new DraftStore({ fs: nodeFileSystem, userDataDir }).list(B)).toHaveLength(1);
  });

  it("discarding a draft (after a save) removes it from the recovery list; discarding twice is harmless", async () => {
    const userDataDir = await tempDir();
    const drafts = new DraftStore({ fs: nodeFileSystem, userDataDir });
    await drafts.write(A, { key: "k", path: null, text: "x" });
    await drafts.discard(A, "k");
    await drafts.discard(A, "k");
    expect(await drafts.list(A)).toEqual([]);
    expect(await drafts.read(A, "k")).toBeNull();
    expect(await readdir(path.join(userDataDir, "drafts"))).toEqual(["index.json"]);
  });

  it("lists nothing before the first draft; a damaged index is moved aside, and malformed entries are left out", async () => {
    const userDataDir = await tempDir();
    const reports: string[] = [];
    expect(await new DraftStore({ fs: nodeFileSystem, userDataDir }).list(A)).toEqual([]);
    await new DraftStore({ fs: nodeFileSystem, userDataDir }).write(A, { key: "good", path: null, text: "ok" });
    const indexFile = path.join(userDataDir, "drafts", "index.json");
    const index = JSON.parse(await readFile(indexFile, "utf8"));
    index.drafts.push({ id: "../../settings", label: "x", path: null, savedAt: "", bytes: 1 }, { id: "d" + "0".repeat(32), label: "y", path: "relative.js", savedAt: "", bytes: 1 });
    await writeFile(indexFile, JSON.stringify(index));
    expect((await new DraftStore({ fs: nodeFileSystem, userDataDir }).list(B)).map((d) => d.bytes)).toEqual([2]);
    await writeFile(indexFile, "{not json");
    expect(await new DraftStore({ fs: nodeFileSystem, userDataDir, report: (m) => reports.push(m) }).list(B)).toEqual([]);
    expect(reports).toEqual([expect.stringMatching(/index\.json could not be read .*kept as .*index\.json\.damaged-\d+/)]);
  });

  it("keeps an earlier version's <key>.json drafts as untitled text, dropping the path they carried", async () => {
    const userDataDir = await tempDir();
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.join(userDataDir, "drafts"));
    await writeFile(
      path.join(userDataDir, "drafts", "doc-a.json"),
      JSON.stringify({ key: "doc-a", path: "/home/me/.bashrc", text: "unsaved work", savedAt: "2026-01-01T10:00:00.000Z" }),
    );
    await writeFile(path.join(userDataDir, "drafts", "notes.json"), "{not json");
    const reports: string[] = [];
    const drafts = new DraftStore({ fs: nodeFileSystem, userDataDir, report: (m) => reports.push(m) });
    const [kept] = await drafts.list(A);
    expect(kept).toMatchObject({ path: null, name: "Untitled", savedAt: "2026-01-01T10:00:00.000Z", bytes: 12 });
    expect(await drafts.read(A, kept.key)).toMatchObject({ path: null, text: "unsaved work" });
    const files = await readdir(path.join(userDataDir, "drafts"));
    expect(files).not.toContain("doc-a.json");
    expect(files).toContain("notes.json"); // not a draft: left alone
    expect(reports).toEqual(["Kept 1 draft(s) of an earlier version as untitled drafts."]);
    expect(await new DraftStore({ fs: nodeFileSystem, userDataDir }).list(B)).toHaveLength(1); // adopted once, not twice
  });

  it("stores drafts inside the app data folder only, whatever the key looks like", async () => {
    const userDataDir = await tempDir();
    const drafts = new DraftStore({ fs: nodeFileSystem, userDataDir });
    await expect(drafts.read(A, "../escape")).rejects.toThrow("Invalid draft key");
    expect(await readdir(userDataDir)).toEqual([]);
  });
});

describe("draft quotas (per window)", () => {
  const quota = { maxDraftBytes: 10, maxDraftsPerWindow: 3, maxBytesPerWindow: 20 };

  it("refuses an oversized draft, a draft beyond the count and beyond the window's total, each saying why; other windows are unaffected", async () => {
    const userDataDir = await tempDir();
    const drafts = new DraftStore({ fs: nodeFileSystem, userDataDir, quota: { ...quota, maxDraftBytes: 1.5 * 1048576, maxBytesPerWindow: 3 * 1048576 } });
    await expect(drafts.write("w", { key: "big", path: null, text: "x".repeat(2 * 1048576) })).rejects.toThrow(
      "Draft not saved: it is 2 MB, more than the 1.5 MB a draft may hold. Save the file instead.",
    );
    await drafts.write("w", { key: "a", path: null, text: "x".repeat(1048576) });
    await drafts.write("w", { key: "b", path: null, text: "x".repeat(1048576) });
    await expect(drafts.write("w", { key: "c", path: null, text: "x".repeat(1.25 * 1048576) })).rejects.toThrow(
      "Draft not saved: this window's drafts would take 3.3 MB together, more than the 3 MB allowed. Save or discard one first.",
    );
    await drafts.write("other", { key: "c", path: null, text: "x".repeat(1048576) });
  });

  it("counts drafts per window; replacing a draft does not count twice, and discarding frees a place", async () => {
    const userDataDir = await tempDir();
    const drafts = new DraftStore({ fs: nodeFileSystem, userDataDir, quota });
    for (const key of ["a", "b", "c"]) await drafts.write("w", { key, path: null, text: "1" });
    await drafts.write("w", { key: "a", path: null, text: "12345" });
    await expect(drafts.write("w", { key: "d", path: null, text: "1" })).rejects.toThrow(
      "Draft not saved: this window already keeps 3 unsaved drafts, the most allowed. Save or discard one first.",
    );
    await drafts.discard("w", "b");
    await drafts.write("w", { key: "d", path: null, text: "1" });
    expect((await drafts.list("w")).map((d) => d.key).sort()).toEqual(["a", "c", "d"]);
    // A refused write left nothing behind: three text files and the index.
    expect((await readdir(path.join(userDataDir, "drafts"))).length).toBe(4);
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
