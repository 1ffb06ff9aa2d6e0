import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { IpcEnvelope } from "../../contracts/api";
import { REQUEST_CHANNELS } from "../../contracts/channels";
import { DocumentService } from "../../electron/main/documents";
import { DraftStore } from "../../electron/main/drafts";
import { nodeFileSystem } from "../../electron/main/fs-port";
import { registerIpcHandlers, type InvokeEventLike, type WindowSession } from "../../electron/main/ipc";
import { SettingsStore } from "../../electron/main/settings-store";
import { WorkspaceService } from "../../electron/main/workspace";
import { FakeDialog, FakeWindow, tempDir } from "./fakes";

type Contents = { id: number };
type Listener = (event: InvokeEventLike<Contents>, ...args: unknown[]) => Promise<unknown>;

async function setup() {
  const dir = await tempDir();
  const userDataDir = path.join(dir, "userData");
  const fs = nodeFileSystem;
  const store = new SettingsStore({ fs, userDataDir });
  const dialog = new FakeDialog();
  const opened: string[] = [];
  const handlers = new Map<string, Listener>();
  const log: string[] = [];
  const contents: Contents = { id: 1 };
  const watched: (string | null)[] = [];
  const settingsChanged: boolean[] = [];
  const session: WindowSession<FakeWindow> = {
    window: new FakeWindow({}),
    launchPath: null,
    grants: new Set(),
    acknowledgeWrite: () => undefined,
    watchFile: async (p) => void watched.push(p),
  };
  registerIpcHandlers<FakeWindow, Contents>({
    ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener) },
    trustedOrigins: ["app://playground"],
    sessionFor: (sender) => (sender === contents ? session : undefined),
    services: {
      fs,
      documents: new DocumentService({ fs, dialog, store }),
      store,
      drafts: new DraftStore({ fs, userDataDir }),
      workspace: new WorkspaceService(fs, dialog),
      samplesDir: path.join(dir, "samples"),
      appInfo: () => ({
        name: "Token Script Playground",
        version: "0.1.0",
        versions: { electron: "45.4.1", chrome: "1", node: "20", v8: "1" },
        platform: "linux",
        isPackaged: false,
      }),
      openExternal: async (url) => void opened.push(url),
      onSettingsChanged: (settings) => void settingsChanged.push(settings.runAsYouType),
    },
    log: (message) => log.push(message),
  });
  const mainFrame = { url: "app://playground/index.html", parent: null };
  async function call(channel: string, args: unknown[], event: Partial<InvokeEventLike<Contents>> = {}) {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return (await listener({ sender: contents, senderFrame: mainFrame, ...event }, ...args)) as IpcEnvelope<unknown>;
  }
  return { dir, handlers, call, session, dialog, opened, log, watched, store, settingsChanged };
}

describe("IPC registration", () => {
  it("registers exactly one handler per bridge method, all on fixed playground: channels", async () => {
    const { handlers } = await setup();
    expect([...handlers.keys()].sort()).toEqual(Object.values(REQUEST_CHANNELS).sort());
    for (const channel of handlers.keys()) expect(channel).toMatch(/^playground:[a-z-]+$/);
  });
});

describe("sender validation (item 17)", () => {
  const refused = { ok: false, message: "Request refused: it did not come from the playground window." };

  it.each([
    ["a subframe of our page", { url: "app://playground/index.html", parent: {} }],
    ["another origin", { url: "https://evil.example/", parent: null }],
    ["a file:// page", { url: "file:///tmp/x.html", parent: null }],
    ["an app:// page on another host", { url: "app://evil/index.html", parent: null }],
    ["the dev server, when not in development", { url: "http://localhost:5173/", parent: null }],
    ["a destroyed frame", null],
  ])("refuses every request from %s", async (_label, frame) => {
    const { handlers, call, log } = await setup();
    for (const channel of handlers.keys()) {
      expect(await call(channel, [], { senderFrame: frame }), channel).toEqual(refused);
    }
    expect(log.length).toBe(handlers.size);
  });

  it("refuses a trusted-looking frame in web contents that is not one of our windows", async () => {
    const { call } = await setup();
    expect(await call(REQUEST_CHANNELS.readSettings, [], { sender: { id: 99 } })).toEqual(refused);
  });

  it("serves the main frame of our window", async () => {
    const { call } = await setup();
    expect(await call(REQUEST_CHANNELS.getAppInfo, [])).toMatchObject({ ok: true, value: { name: "Token Script Playground" } });
  });
});

describe("argument validation", () => {
  it("refuses a wrong number of arguments", async () => {
    const { call } = await setup();
    expect(await call(REQUEST_CHANNELS.readSettings, ["extra"])).toEqual({
      ok: false,
      message: "Invalid call: readSettings takes 0 argument(s), got 1.",
    });
    expect(await call(REQUEST_CHANNELS.openPath, [])).toMatchObject({ ok: false });
  });

  it.each([
    [REQUEST_CHANNELS.openPath, [42], "Invalid path: expected a non-empty string."],
    [REQUEST_CHANNELS.openPath, ["relative/file.js"], "Invalid path: expected an absolute path."],
    [REQUEST_CHANNELS.openPath, ["/tmp/a\0b"], "Invalid path: contains a NUL character."],
    [REQUEST_CHANNELS.save, [{ path: "/tmp/a.js", text: 1, expected: null }], "Invalid save request text: expected a string."],
    [REQUEST_CHANNELS.save, [{ path: "/tmp/a.js", text: "", expected: null, mode: 0o777 }], 'Invalid save request: unexpected field "mode".'],
    [REQUEST_CHANNELS.save, [{ path: "/tmp/a.js", text: "", expected: { mtimeMs: 1, size: 1, sha256: "zz" } }], "Invalid save request expected.sha256: expected 64 hex digits."],
    [REQUEST_CHANNELS.saveAs, [{ text: "", suggestedName: "../../etc/passwd" }], "Invalid suggested name: expected a plain file name."],
    [REQUEST_CHANNELS.writeSettings, [{ theme: "neon" }], 'Invalid settings.theme: unexpected value "neon".'],
    [REQUEST_CHANNELS.writeSettings, [{ editorFontSize: 400 }], "Invalid settings.editorFontSize: unexpected value 400."],
    [REQUEST_CHANNELS.writeSettings, [{ __proto__: { polluted: true }, theme: "dark" }], "Invalid settings: expected an object."],
    [REQUEST_CHANNELS.writeDraft, [{ key: "../../x", path: null, text: "" }], "Invalid draft key: expected 1-64 letters, digits, '-' or '_'."],
    [REQUEST_CHANNELS.readDraft, ["a/b"], "Invalid draft key: expected 1-64 letters, digits, '-' or '_'."],
    [REQUEST_CHANNELS.watchFile, [7], "Invalid path: expected a non-empty string."],
    [REQUEST_CHANNELS.openExternal, [{}], "Invalid URL: expected a string."],
  ])("%s %j → %s", async (channel, args, message) => {
    const { call } = await setup();
    expect(await call(channel, args)).toEqual({ ok: false, message });
  });

  it("refuses text larger than 5 MB", async () => {
    const { call } = await setup();
    const big = "x".repeat(5 * 1024 * 1024 + 1);
    expect(await call(REQUEST_CHANNELS.writeDraft, [{ key: "k", path: null, text: big }])).toEqual({
      ok: false,
      message: "Invalid draft text: larger than 5 MB.",
    });
  });

  it("refuses paths this window was never given (no reading or writing arbitrary files)", async () => {
    const { call, dir, watched } = await setup();
    const file = path.join(dir, "secret.js");
    await writeFile(file, "secret");
    const notOpened = `${file} was not opened in this window; use Open or Save As first.`;
    expect(await call(REQUEST_CHANNELS.openPath, [file])).toEqual({ ok: false, message: notOpened });
    expect(await call(REQUEST_CHANNELS.save, [{ path: file, text: "pwned", expected: null }])).toEqual({ ok: false, message: notOpened });
    expect(await call(REQUEST_CHANNELS.watchFile, [file])).toEqual({ ok: false, message: notOpened });
    expect(await call(REQUEST_CHANNELS.writeDraft, [{ key: "k", path: file, text: "x" }])).toEqual({ ok: false, message: notOpened });
    expect(watched).toEqual([]);
  });

  it("opens a file chosen in the dialog and then allows saving and watching it", async () => {
    const { call, dir, dialog, watched } = await setup();
    const file = path.join(dir, "script.js");
    await writeFile(file, "accessToken.setField('a', 1);");
    dialog.openAnswers.push({ canceled: false, filePaths: [file] });
    const opened = await call(REQUEST_CHANNELS.openFiles, []);
    expect(opened).toMatchObject({ ok: true, value: [{ path: file, name: "script.js", text: "accessToken.setField('a', 1);" }] });
    expect(await call(REQUEST_CHANNELS.watchFile, [file])).toEqual({ ok: true, value: undefined });
    expect(watched).toEqual([file]);
    const stamp = (opened as { ok: true; value: { stamp: unknown }[] }).value[0].stamp;
    expect(await call(REQUEST_CHANNELS.save, [{ path: file, text: "// edited", expected: stamp }])).toMatchObject({
      ok: true,
      value: { status: "saved", path: file },
    });
  });

  it("opens only https links externally and reports the refusal", async () => {
    const { call, opened } = await setup();
    expect(await call(REQUEST_CHANNELS.openExternal, ["https://docs.pingidentity.com/"])).toEqual({ ok: true, value: true });
    expect(await call(REQUEST_CHANNELS.openExternal, ["file:///etc/passwd"])).toEqual({ ok: true, value: false });
    expect(opened).toEqual(["https://docs.pingidentity.com/"]);
  });

  it("reads the bundled samples with their relative paths", async () => {
    const { call, dir } = await setup();
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.join(dir, "samples", "seed"), { recursive: true });
    await writeFile(path.join(dir, "samples", "seed", "legacy.js"), "// legacy");
    await writeFile(path.join(dir, "samples", "seed", "legacy.scenario.json"), "{}");
    await writeFile(path.join(dir, "samples", "notes.txt"), "ignored");
    expect(await call(REQUEST_CHANNELS.readSamples, [])).toEqual({
      ok: true,
      value: [
        { relativePath: "seed/legacy.js", name: "legacy.js", text: "// legacy" },
        { relativePath: "seed/legacy.scenario.json", name: "legacy.scenario.json", text: "{}" },
      ],
    });
  });
});

describe("dropped files (openDroppedPath)", () => {
  it("treats a dropped script like a dialog result: read, granted for save and watch, added to recent files", async () => {
    const { call, dir, watched, store } = await setup();
    const file = path.join(dir, "dropped.js");
    await writeFile(file, "accessToken.setField('d', 1);");
    const opened = await call(REQUEST_CHANNELS.openDroppedPath, [file]);
    expect(opened).toMatchObject({ ok: true, value: { path: file, name: "dropped.js", text: "accessToken.setField('d', 1);" } });
    expect(await call(REQUEST_CHANNELS.watchFile, [file])).toEqual({ ok: true, value: undefined });
    expect(watched).toEqual([file]);
    const stamp = (opened as { ok: true; value: { stamp: unknown } }).value.stamp;
    expect(await call(REQUEST_CHANNELS.save, [{ path: file, text: "// saved back", expected: stamp }])).toMatchObject({
      ok: true,
      value: { status: "saved", path: file },
    });
    expect((await store.recentFiles()).map((r) => r.path)).toEqual([file]);
  });

  it.each([
    ["a relative path", () => "dropped.js", "Invalid dropped file path: expected an absolute path."],
    ["a non-string", () => 17, "Invalid dropped file path: expected a non-empty string."],
  ])("refuses %s", async (_label, arg, message) => {
    const { call } = await setup();
    expect(await call(REQUEST_CHANNELS.openDroppedPath, [arg()])).toEqual({ ok: false, message });
  });

  it("refuses a directory, a missing file, a wrong kind and an oversized file, granting nothing", async () => {
    const { call, dir, session, store } = await setup();
    const { mkdir } = await import("node:fs/promises");
    const folder = path.join(dir, "folder.json");
    await mkdir(folder);
    const missing = path.join(dir, "gone.js");
    const key = path.join(dir, "id_rsa");
    await writeFile(key, "-----BEGIN OPENSSH PRIVATE KEY-----");
    const huge = path.join(dir, "huge.json");
    await writeFile(huge, "x".repeat(5 * 1024 * 1024 + 1));
    expect(await call(REQUEST_CHANNELS.openDroppedPath, [folder])).toEqual({ ok: false, message: `${folder} is not a file.` });
    expect(await call(REQUEST_CHANNELS.openDroppedPath, [missing])).toEqual({ ok: false, message: `${missing} no longer exists.` });
    expect(await call(REQUEST_CHANNELS.openDroppedPath, [key])).toEqual({
      ok: false,
      message: "id_rsa: only scripts (.js) and JSON files (.json) can be dropped here.",
    });
    expect(await call(REQUEST_CHANNELS.openDroppedPath, [huge])).toEqual({ ok: false, message: `${huge} is larger than 5 MB.` });
    expect([...session.grants]).toEqual([]);
    expect(await store.recentFiles()).toEqual([]);
    // And the refused paths stay unusable for save.
    expect(await call(REQUEST_CHANNELS.save, [{ path: key, text: "x", expected: null }])).toMatchObject({ ok: false });
  });

  it("refuses a dropped path sent from a subframe or a foreign window without reading it", async () => {
    const { call, dir, session } = await setup();
    const file = path.join(dir, "dropped.js");
    await writeFile(file, "x");
    const refused = { ok: false, message: "Request refused: it did not come from the playground window." };
    expect(await call(REQUEST_CHANNELS.openDroppedPath, [file], { senderFrame: { url: "app://playground/index.html", parent: {} } })).toEqual(refused);
    expect(await call(REQUEST_CHANNELS.openDroppedPath, [file], { senderFrame: { url: "https://evil.example/", parent: null } })).toEqual(refused);
    expect(await call(REQUEST_CHANNELS.openDroppedPath, [file], { sender: { id: 2 } })).toEqual(refused);
    expect([...session.grants]).toEqual([]);
  });
});

describe("settings changes", () => {
  it("stores Run As You Type and tells main (which rebuilds the menu checkbox)", async () => {
    const { call, store, settingsChanged } = await setup();
    expect(await call(REQUEST_CHANNELS.writeSettings, [{ runAsYouType: false }])).toMatchObject({ ok: true, value: { runAsYouType: false } });
    expect((await store.settings()).runAsYouType).toBe(false);
    expect(settingsChanged).toEqual([false]);
    expect(await call(REQUEST_CHANNELS.writeSettings, [{ runAsYouType: "no" }])).toMatchObject({ ok: false });
    expect(settingsChanged).toEqual([false]);
  });
});
