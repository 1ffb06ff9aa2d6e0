import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { IpcEnvelope, WorkspaceFolder } from "../../contracts/api";
import { REQUEST_CHANNELS } from "../../contracts/channels";
import { DocumentService } from "../../electron/main/documents";
import { DraftStore } from "../../electron/main/drafts";
import { nodeFileSystem } from "../../electron/main/fs-port";
import { registerIpcHandlers, type InvokeEventLike, type WindowSession } from "../../electron/main/ipc";
import { SettingsStore } from "../../electron/main/settings-store";
import { listWorkspaceFolder, WorkspaceService } from "../../electron/main/workspace";
import { FakeDialog, FakeWindow, tempDir } from "./fakes";

async function folderWithFiles(): Promise<string> {
  const folder = path.join(await tempDir(), "my-workspace");
  await mkdir(path.join(folder, "nested"), { recursive: true });
  await writeFile(path.join(folder, "b.js"), "accessToken.setField('b', 1);");
  await writeFile(path.join(folder, "a.case.json"), '{"script":"b.js"}');
  await writeFile(path.join(folder, "notes.txt"), "not a script");
  await writeFile(path.join(folder, "data.json"), "{}");
  await writeFile(path.join(folder, "nested", "deep.js"), "// not listed: the view is not recursive");
  await mkdir(path.join(folder, "folder.js"));
  return folder;
}

describe("workspace folder listing", () => {
  it("lists only the folder's own *.js and *.case.json files, sorted, with text and stamp", async () => {
    const folder = await folderWithFiles();
    const listing = await listWorkspaceFolder(nodeFileSystem, folder);
    expect(listing.name).toBe("my-workspace");
    expect(listing.files.map((f) => f.name)).toEqual(["a.case.json", "b.js"]);
    expect(listing.files[1]!.text).toContain("setField('b'");
    expect(listing.files[1]!.stamp.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(listing.skipped).toEqual([]);
  });

  it("skips files over the size limit and beyond the count limit, saying why", async () => {
    const folder = await folderWithFiles();
    await writeFile(path.join(folder, "big.js"), "x".repeat(2048));
    const listing = await listWorkspaceFolder(nodeFileSystem, folder, { maxFiles: 1, maxFileBytes: 1024, maxTotalBytes: 10_000 });
    expect(listing.files.map((f) => f.name)).toEqual(["a.case.json"]);
    expect(listing.skipped).toEqual([
      { name: "b.js", reason: "more than 1 files" },
      { name: "big.js", reason: "more than 1 files" },
    ]);
    const bySize = await listWorkspaceFolder(nodeFileSystem, folder, { maxFiles: 10, maxFileBytes: 1024, maxTotalBytes: 10_000 });
    expect(bySize.skipped).toEqual([{ name: "big.js", reason: "larger than 1 KB" }]);
  });

  it("says so when the folder is gone", async () => {
    await expect(listWorkspaceFolder(nodeFileSystem, path.join(await tempDir(), "missing"))).rejects.toThrow(/no longer exists/);
  });
});

describe("workspace IPC (sender-checked, validated, capability-granting)", () => {
  type Contents = { id: number };
  type Listener = (event: InvokeEventLike<Contents>, ...args: unknown[]) => Promise<unknown>;

  async function setup() {
    const dir = await tempDir();
    const fs = nodeFileSystem;
    const store = new SettingsStore({ fs, userDataDir: path.join(dir, "userData") });
    const dialog = new FakeDialog();
    const handlers = new Map<string, Listener>();
    const contents: Contents = { id: 1 };
    const documents = new DocumentService({ fs, dialog, store });
    const session: WindowSession<FakeWindow> = { id: "window-1", window: new FakeWindow({}), launchPath: null, grants: new Set(), acknowledgeWrite: () => undefined, watchFile: async () => undefined, consumeUserGesture: () => false };
    registerIpcHandlers<FakeWindow, Contents>({
      ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener) },
      trustedOrigins: ["app://playground"],
      sessionFor: (sender) => (sender === contents ? session : undefined),
      services: {
        fs,
        documents,
        store,
        drafts: new DraftStore({ fs, userDataDir: path.join(dir, "userData") }),
        workspace: new WorkspaceService(fs, dialog, documents.guard),
        samplesDir: path.join(dir, "samples"),
        fetch: () => Promise.reject(new Error("no hook calls in this test")),
        appInfo: () => ({ name: "x", version: "0", versions: { electron: "45", chrome: "1", node: "20", v8: "1" }, platform: "linux", isPackaged: false }),
        openExternal: async () => undefined,
      },
    });
    const call = async (channel: string, args: unknown[], frame = { url: "app://playground/index.html", parent: null as unknown }) =>
      (await handlers.get(channel)!({ sender: contents, senderFrame: frame as never }, ...args)) as IpcEnvelope<unknown>;
    return { call, dialog, session };
  }

  it("opens the folder the user picks, lists it, and grants the folder and its files to the window", async () => {
    const { call, dialog, session } = await setup();
    const folder = await folderWithFiles();
    dialog.openAnswers.push({ canceled: false, filePaths: [folder] });
    const answer = await call(REQUEST_CHANNELS.openWorkspaceFolder, []);
    expect(answer.ok).toBe(true);
    const listing = (answer as { ok: true; value: WorkspaceFolder }).value;
    expect(listing.files.map((f) => f.name)).toEqual(["a.case.json", "b.js"]);
    expect((dialog.asked[0]!.options as { properties: string[] }).properties).toEqual(["openDirectory"]);
    expect(session.grants.has(folder)).toBe(true);
    expect(session.grants.has(path.join(folder, "b.js"))).toBe(true);
    expect(session.grants.has(path.join(folder, "notes.txt"))).toBe(false);
    // Listed files can now be opened for editing (and so saved and watched).
    const reopened = await call(REQUEST_CHANNELS.openPath, [path.join(folder, "b.js")]);
    expect(reopened.ok).toBe(true);
    // And the folder can be listed again.
    expect((await call(REQUEST_CHANNELS.listWorkspaceFolder, [folder])).ok).toBe(true);
  });

  it("answers null when the dialog is cancelled", async () => {
    const { call } = await setup();
    expect(await call(REQUEST_CHANNELS.openWorkspaceFolder, [])).toEqual({ ok: true, value: null });
  });

  it("refuses to list a folder the window was never given, a relative path, or extra arguments", async () => {
    const { call } = await setup();
    const folder = await folderWithFiles();
    const notGranted = await call(REQUEST_CHANNELS.listWorkspaceFolder, [folder]);
    expect(notGranted.ok).toBe(false);
    const relative = await call(REQUEST_CHANNELS.listWorkspaceFolder, ["my-workspace"]);
    expect(relative).toMatchObject({ ok: false, message: expect.stringMatching(/absolute/) });
    const extra = await call(REQUEST_CHANNELS.openWorkspaceFolder, ["/etc"]);
    expect(extra).toMatchObject({ ok: false, message: expect.stringMatching(/takes 0 argument/) });
  });

  it("refuses a request from a frame that is not the playground's top frame", async () => {
    const { call, dialog } = await setup();
    dialog.openAnswers.push({ canceled: false, filePaths: [await folderWithFiles()] });
    const answer = await call(REQUEST_CHANNELS.openWorkspaceFolder, [], { url: "https://evil.example/", parent: null });
    expect(answer).toEqual({ ok: false, message: "Request refused: it did not come from the playground window." });
    expect(dialog.asked).toEqual([]); // no dialog was shown
  });
});
