import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFLICT_BUTTONS, DocumentService, type DocumentWindow } from "../../electron/main/documents";
import { changedOnDisk, readDocument, writeFileAtomically } from "../../electron/main/files";
import { nodeFileSystem, type FileSystem } from "../../electron/main/fs-port";
import { MAX_RECENT_FILES, SettingsStore } from "../../electron/main/settings-store";
import { FakeDialog, FakeWindow, tempDir } from "./fakes";

/** The real file system, except that rename "crashes": the process dies between temp write and rename. */
function crashingBeforeRename(): FileSystem {
  return { ...nodeFileSystem, rename: async () => Promise.reject(new Error("simulated crash before rename")) };
}

describe("atomic save", () => {
  it("replaces the file's content in one step and leaves no temp file behind", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "script.js");
    await writeFile(file, "old");
    const stamp = await writeFileAtomically(nodeFileSystem, file, "new content");
    expect(await readFile(file, "utf8")).toBe("new content");
    expect(await readdir(dir)).toEqual(["script.js"]);
    expect(stamp.size).toBe(11);
    expect(stamp.sha256).toBe((await readDocument(nodeFileSystem, file)).stamp.sha256);
  });

  it("a crash between the temp write and the rename leaves the original file intact", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "script.js");
    await writeFile(file, "the original script");
    await expect(writeFileAtomically(crashingBeforeRename(), file, "half-finished edit")).rejects.toThrow(
      /Could not save .*script\.js: simulated crash before rename\. The file on disk was not changed\./,
    );
    expect(await readFile(file, "utf8")).toBe("the original script");
    expect(await readdir(dir)).toEqual(["script.js"]);
  });

  it("writes the temp file in the same folder as the target (so the rename cannot cross file systems)", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "a.js");
    const tempPaths: string[] = [];
    const spying: FileSystem = {
      ...nodeFileSystem,
      writeNewFileDurably: async (p, data, mode) => {
        tempPaths.push(p);
        return nodeFileSystem.writeNewFileDurably(p, data, mode);
      },
    };
    await writeFileAtomically(spying, file, "x");
    expect(tempPaths).toHaveLength(1);
    expect(path.dirname(tempPaths[0])).toBe(dir);
    expect(tempPaths[0]).not.toBe(file);
  });
});

async function documents() {
  const dir = await tempDir();
  const store = new SettingsStore({ fs: nodeFileSystem, userDataDir: path.join(dir, "userData") });
  const dialog = new FakeDialog();
  const acknowledged: string[] = [];
  let recentChanges = 0;
  const service = new DocumentService<FakeWindow>({ fs: nodeFileSystem, dialog, store, onRecentChanged: () => recentChanges++ });
  const target: DocumentWindow<FakeWindow> = {
    window: new FakeWindow({}),
    grants: new Set(),
    acknowledgeWrite: (p) => void acknowledged.push(p),
  };
  return { dir, store, dialog, service, target, acknowledged, recentChanges: () => recentChanges };
}

/** A document service with s.js (holding `text`) already opened through the dialog. */
async function openedThroughDialog(text: string) {
  const context = await documents();
  const file = path.join(context.dir, "s.js");
  await writeFile(file, text);
  context.dialog.openAnswers.push({ canceled: false, filePaths: [file] });
  const [opened] = await context.service.openFiles(context.target);
  return { ...context, file, opened };
}

describe("external change detection", () => {
  it("notices content changed on disk since it was opened, but not a mere touch", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "s.js");
    await writeFile(file, "v1");
    const { stamp } = await readDocument(nodeFileSystem, file);
    await writeFile(file, "v1"); // same bytes, new mtime
    expect(await changedOnDisk(nodeFileSystem, file, stamp)).toBe(false);
    await writeFile(file, "v2 from another editor");
    expect(await changedOnDisk(nodeFileSystem, file, stamp)).toBe(true);
    await rm(file);
    expect(await changedOnDisk(nodeFileSystem, file, stamp)).toBe(true);
  });

  it("asks before overwriting a file changed elsewhere; Cancel keeps the other program's version", async () => {
    const { dialog, service, target, file, opened } = await openedThroughDialog("v1");
    await writeFile(file, "edited by someone else");
    dialog.messageAnswers.push(CONFLICT_BUTTONS.indexOf("Cancel"));
    expect(await service.save(target, { path: file, text: "my edit", expected: opened.stamp })).toEqual({ status: "cancelled" });
    expect(await readFile(file, "utf8")).toBe("edited by someone else");
    expect(dialog.messages()).toHaveLength(1);
    expect(dialog.messages()[0]).toMatchObject({ type: "warning", buttons: ["Overwrite", "Cancel"], cancelId: 1, defaultId: 1 });
    expect(dialog.messages()[0].message).toContain("s.js was changed by another program");
  });

  it("overwrites when the user chooses Overwrite", async () => {
    const { dialog, service, target, file, opened } = await openedThroughDialog("v1");
    await writeFile(file, "edited by someone else");
    dialog.messageAnswers.push(CONFLICT_BUTTONS.indexOf("Overwrite"));
    const outcome = await service.save(target, { path: file, text: "my edit", expected: opened.stamp });
    expect(outcome).toMatchObject({ status: "saved", path: file, name: "s.js" });
    expect(await readFile(file, "utf8")).toBe("my edit");
  });

  it("saves without asking when the disk still holds what was opened, and tells the watcher", async () => {
    const { dialog, service, target, acknowledged, file, opened } = await openedThroughDialog("v1");
    const saved = await service.save(target, { path: file, text: "v2", expected: opened.stamp });
    expect(dialog.messages()).toEqual([]);
    expect(await readFile(file, "utf8")).toBe("v2");
    expect(acknowledged).toEqual([file]);
    // The returned stamp is the new baseline: a second save with it does not ask either.
    if (saved.status !== "saved") throw new Error("expected saved");
    await service.save(target, { path: file, text: "v3", expected: saved.stamp });
    expect(dialog.messages()).toEqual([]);
  });
});

describe("open, save as, import", () => {
  it("opens several files from one dialog; cancel opens none", async () => {
    const { dir, dialog, service, target } = await documents();
    const a = path.join(dir, "a.js");
    const b = path.join(dir, "a.scenario.json");
    await writeFile(a, "// a");
    await writeFile(b, "{}");
    dialog.openAnswers.push({ canceled: false, filePaths: [a, b] });
    expect((await service.openFiles(target)).map((d) => d.name)).toEqual(["a.js", "a.scenario.json"]);
    expect(await service.openFiles(target)).toEqual([]);
    const openOptions = dialog.asked[0].options as { properties: string[] };
    expect(openOptions.properties).toEqual(["openFile", "multiSelections"]);
  });

  it("save as writes where the user chose and then allows plain saves there", async () => {
    const { dir, dialog, service, target } = await documents();
    const file = path.join(dir, "new.js");
    dialog.saveAnswers.push({ canceled: false, filePath: file });
    expect(await service.saveAs(target, { text: "// new", suggestedName: "new.js" })).toMatchObject({ status: "saved", path: file });
    expect(await readFile(file, "utf8")).toBe("// new");
    expect(target.grants.has(file)).toBe(true);
    expect(await service.saveAs(target, { text: "x" })).toEqual({ status: "cancelled" });
  });

  it("imports an export file as name + text without granting it for saving", async () => {
    const { dir, dialog, service, target } = await documents();
    const file = path.join(dir, "export.json");
    await writeFile(file, '{"script":{}}');
    dialog.openAnswers.push({ canceled: false, filePaths: [file] });
    expect(await service.importExportFile(target)).toEqual({ name: "export.json", text: '{"script":{}}' });
    expect(target.grants.has(file)).toBe(false);
    expect(await service.importExportFile(target)).toBeNull();
  });

  it("refuses files larger than the document limit with a message naming the file", async () => {
    const { dir } = await documents();
    const file = path.join(dir, "big.js");
    await writeFile(file, "x".repeat(2048));
    await expect(readDocument(nodeFileSystem, file, 1024)).rejects.toThrow(`${file} is larger than`);
  });
});

describe("recent files", () => {
  it("lists opened and saved files newest first, without duplicates, at most ten", async () => {
    const { dir, dialog, service, target, store, recentChanges } = await documents();
    const files: string[] = [];
    for (let i = 0; i < 12; i++) {
      const file = path.join(dir, `s${i}.js`);
      await writeFile(file, `// ${i}`);
      files.push(file);
      dialog.openAnswers.push({ canceled: false, filePaths: [file] });
      await service.openFiles(target);
    }
    dialog.openAnswers.push({ canceled: false, filePaths: [files[5]] });
    await service.openFiles(target);
    const recent = await store.recentFiles();
    expect(recent).toHaveLength(MAX_RECENT_FILES);
    expect(recent.map((r) => r.name)).toEqual(["s5.js", "s11.js", "s10.js", "s9.js", "s8.js", "s7.js", "s6.js", "s4.js", "s3.js", "s2.js"]);
    expect(recentChanges()).toBe(13);
  });

  it("lets a new window open a recent file by path, and drops a recent file that was deleted", async () => {
    const { dir, dialog, service, target, store } = await documents();
    const file = path.join(dir, "r.js");
    await writeFile(file, "// r");
    dialog.openAnswers.push({ canceled: false, filePaths: [file] });
    await service.openFiles(target);
    const otherWindow: DocumentWindow<FakeWindow> = { window: new FakeWindow({}), grants: new Set(), acknowledgeWrite: () => {} };
    expect((await service.openPath(otherWindow, file)).text).toBe("// r");
    expect(otherWindow.grants.has(file)).toBe(true);
    await rm(file);
    await expect(service.openPath(otherWindow, file)).rejects.toThrow(`${file} no longer exists.`);
    expect(await store.recentFiles()).toEqual([]);
  });

  it("survives a restart (kept in the settings file)", async () => {
    const { dir, dialog, service, target } = await documents();
    const file = path.join(dir, "keep.js");
    await writeFile(file, "");
    dialog.openAnswers.push({ canceled: false, filePaths: [file] });
    await service.openFiles(target);
    const restarted = new SettingsStore({ fs: nodeFileSystem, userDataDir: path.join(dir, "userData") });
    expect((await restarted.recentFiles()).map((r) => r.path)).toEqual([file]);
  });
});
