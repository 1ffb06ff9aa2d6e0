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
  const documents = new DocumentService({ fs, dialog, store });
  const drafts = new DraftStore({ fs, userDataDir });
  const watched: (string | null)[] = [];
  const gesture = { pending: false };
  const settingsChanged: boolean[] = [];
  const session: WindowSession<FakeWindow> = {
    id: "window-1",
    window: new FakeWindow({}),
    launchPath: null,
    grants: new Set(),
    acknowledgeWrite: () => undefined,
    watchFile: async (p) => void watched.push(p),
    // Stands for a click main saw just before the request (security.ts tracks the real input events).
    consumeUserGesture: () => {
      const had = gesture.pending;
      gesture.pending = false;
      return had;
    },
  };
  registerIpcHandlers<FakeWindow, Contents>({
    ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener) },
    trustedOrigins: ["app://playground"],
    sessionFor: (sender) => (sender === contents ? session : undefined),
    services: {
      fs,
      documents,
      store,
      drafts,
      workspace: new WorkspaceService(fs, dialog, documents.guard),
      samplesDir: path.join(dir, "samples"),
      fetch: (url, init) => fetch(url, init),
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
  return { gesture, dir, userDataDir, handlers, call, session, dialog, opened, log, watched, store, settingsChanged, drafts };
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
    [REQUEST_CHANNELS.saveAs, [{ text: "", suggestedName: "../../etc/passwd" }], "Invalid save-as request suggestedName: expected a plain file name."],
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

  it("opens only https links externally, right after a user gesture, and reports the refusal", async () => {
    const { call, opened, gesture } = await setup();
    gesture.pending = true;
    expect(await call(REQUEST_CHANNELS.openExternal, ["https://docs.pingidentity.com/"])).toEqual({ ok: true, value: true });
    gesture.pending = true;
    expect(await call(REQUEST_CHANNELS.openExternal, ["file:///etc/passwd"])).toEqual({ ok: true, value: false });
    expect(opened).toEqual(["https://docs.pingidentity.com/"]);
  });

  it("opens nothing without a user gesture, and one gesture opens one link", async () => {
    const { call, opened, gesture } = await setup();
    expect(await call(REQUEST_CHANNELS.openExternal, ["https://docs.pingidentity.com/"])).toEqual({ ok: true, value: false });
    gesture.pending = true;
    expect(await call(REQUEST_CHANNELS.openExternal, ["https://docs.pingidentity.com/a"])).toEqual({ ok: true, value: true });
    expect(await call(REQUEST_CHANNELS.openExternal, ["https://docs.pingidentity.com/b"])).toEqual({ ok: true, value: false });
    expect(opened).toEqual(["https://docs.pingidentity.com/a"]);
  });

  it("opens the parsed URL re-serialised, never the raw string the page sent", async () => {
    const { call, opened, gesture } = await setup();
    gesture.pending = true;
    expect(await call(REQUEST_CHANNELS.openExternal, ["https://evil.example\\@good.example"])).toEqual({ ok: true, value: true });
    gesture.pending = true;
    expect(await call(REQUEST_CHANNELS.openExternal, ["HTTPS://Docs.PingIdentity.com/a/../b"])).toEqual({ ok: true, value: true });
    expect(opened).toEqual(["https://evil.example/@good.example", "https://docs.pingidentity.com/b"]);
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

  it("opens dropped evidence: a HAR capture and a JWT", async () => {
    const { call, dir } = await setup();
    const har = path.join(dir, "capture.har");
    await writeFile(har, '{"log":{"entries":[]}}');
    const jwt = path.join(dir, "token.jwt");
    await writeFile(jwt, "eyJhbGciOiJIUzI1NiJ9.e30.x");
    expect(await call(REQUEST_CHANNELS.openDroppedPath, [har])).toMatchObject({ ok: true });
    expect(await call(REQUEST_CHANNELS.openDroppedPath, [jwt])).toMatchObject({ ok: true });
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
      message: "id_rsa: only scripts (.js), JSON files (.json) and evidence (.har, .jwt) can be dropped here.",
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

describe("capabilities come from gestures only (issue 11: the draft → drop → save → readDraft → openPath chain)", () => {
  /** A file outside the app that a compromised page wants to read and overwrite. */
  async function victim(dir: string) {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.join(dir, "home"), { recursive: true });
    const bashrc = path.join(dir, "home", ".bashrc");
    await writeFile(bashrc, "export PATH=/usr/bin\n");
    return bashrc;
  }
  const refusedInside = (p: string) => `${p} is inside the app's own data folder; files there cannot be opened or saved from a window.`;
  const notOpened = (p: string) => `${p} was not opened in this window; use Open or Save As first.`;

  it("fails at every link, each link tried even as if the one before had worked", async () => {
    const { call, dir, userDataDir, session } = await setup();
    const { readFile, readdir } = await import("node:fs/promises");
    const bashrc = await victim(dir);
    const forged = JSON.stringify({ key: "k", path: bashrc, text: "pwned", savedAt: "2026-01-01T00:00:00.000Z" });

    // 1. The page writes a draft whose *text* is a forged old-style draft record naming ~/.bashrc.
    expect(await call(REQUEST_CHANNELS.writeDraft, [{ key: "k", path: null, text: forged }])).toEqual({ ok: true, value: undefined });
    const draftFiles = await readdir(path.join(userDataDir, "drafts"));
    expect(draftFiles).not.toContain("k.json"); // the file is named by main's id, not the page's key
    expect(draftFiles).toEqual(expect.arrayContaining(["index.json"]));

    // 2. It asks main to open that record (and main's own files) as if dropped: refused, whatever exists there.
    await writeFile(path.join(userDataDir, "drafts", "k.json"), forged); // as if step 1 had named the file
    for (const inside of [path.join(userDataDir, "drafts", "k.json"), path.join(userDataDir, "drafts", "index.json"), path.join(userDataDir, "settings.json")]) {
      expect(await call(REQUEST_CHANNELS.openDroppedPath, [inside])).toEqual({ ok: false, message: refusedInside(inside) });
    }

    // 3. Save over ~/.bashrc: "~" is no absolute path, and the real path was never granted.
    expect(await call(REQUEST_CHANNELS.save, [{ path: "~/.bashrc", text: "pwned", expected: null }])).toEqual({
      ok: false,
      message: "Invalid save request path: expected an absolute path.",
    });
    expect(await call(REQUEST_CHANNELS.save, [{ path: bashrc, text: "pwned", expected: null }])).toEqual({ ok: false, message: notOpened(bashrc) });

    // 4. Reading the draft back gives its text, and no path: the path comes from main's index only.
    expect(await call(REQUEST_CHANNELS.readDraft, ["k"])).toMatchObject({ ok: true, value: { key: "k", path: null, name: "Untitled", text: forged } });

    // 5. So ~/.bashrc is still out of reach for open, watch and a draft's path.
    expect(await call(REQUEST_CHANNELS.openPath, [bashrc])).toEqual({ ok: false, message: notOpened(bashrc) });
    expect(await call(REQUEST_CHANNELS.watchFile, [bashrc])).toEqual({ ok: false, message: notOpened(bashrc) });
    expect(await call(REQUEST_CHANNELS.writeDraft, [{ key: "k2", path: bashrc, text: "x" }])).toEqual({ ok: false, message: notOpened(bashrc) });

    expect([...session.grants]).toEqual([]);
    expect(await readFile(bashrc, "utf8")).toBe("export PATH=/usr/bin\n");
  });

  it("refuses the app's data folder by every spelling: '..', a symlinked file or folder, another case, and in dialogs", async () => {
    const { call, dir, userDataDir, session, dialog, store } = await setup();
    const { symlink, mkdir, readFile } = await import("node:fs/promises");
    await store.updateSettings({ theme: "dark" }); // settings.json exists now
    const settingsFile = path.join(userDataDir, "settings.json");
    const before = await readFile(settingsFile, "utf8");
    await mkdir(path.join(dir, "elsewhere"));
    const dotted = path.join(dir, "elsewhere", "..", "userData", "settings.json");
    const fileLink = path.join(dir, "innocent.json");
    await symlink(settingsFile, fileLink);
    const folderLink = path.join(dir, "projects");
    await symlink(userDataDir, folderLink);
    const throughFolderLink = path.join(folderLink, "settings.json");
    const otherCase = path.join(dir, "USERDATA", "Settings.JSON");

    expect(await call(REQUEST_CHANNELS.openDroppedPath, [dotted])).toEqual({ ok: false, message: refusedInside(settingsFile) });
    for (const spelled of [fileLink, throughFolderLink, otherCase]) {
      expect(await call(REQUEST_CHANNELS.openDroppedPath, [spelled]), spelled).toEqual({ ok: false, message: refusedInside(spelled) });
    }
    // A dialog is a gesture, but still never hands main's own files to a window.
    dialog.openAnswers.push({ canceled: false, filePaths: [fileLink] });
    expect(await call(REQUEST_CHANNELS.openFiles, [])).toEqual({ ok: false, message: refusedInside(fileLink) });
    dialog.saveAnswers.push({ canceled: false, filePath: path.join(userDataDir, "drafts", "index.json") });
    expect(await call(REQUEST_CHANNELS.saveAs, [{ text: "{}" }])).toEqual({ ok: false, message: refusedInside(path.join(userDataDir, "drafts", "index.json")) });
    dialog.openAnswers.push({ canceled: false, filePaths: [folderLink] });
    expect(await call(REQUEST_CHANNELS.openWorkspaceFolder, [])).toEqual({ ok: false, message: refusedInside(folderLink) });
    // A recent-list entry from an older version that pointed inside is refused too (and dropped from the list).
    await store.addRecentFile(settingsFile);
    expect(await call(REQUEST_CHANNELS.openPath, [settingsFile])).toEqual({ ok: false, message: refusedInside(settingsFile) });
    expect((await store.recentFiles()).map((r) => r.path)).not.toContain(settingsFile);

    expect([...session.grants]).toEqual([]);
    expect(JSON.parse(await readFile(settingsFile, "utf8"))).toEqual({ ...JSON.parse(before), recentFiles: [] });
  });

  it("a granted file later replaced by a link into the data folder can no longer be read, saved or watched", async () => {
    const { call, dir, userDataDir, dialog, store } = await setup();
    const { symlink, rm } = await import("node:fs/promises");
    await store.updateSettings({ theme: "dark" });
    const file = path.join(dir, "script.js");
    await writeFile(file, "// mine");
    dialog.openAnswers.push({ canceled: false, filePaths: [file] });
    expect(await call(REQUEST_CHANNELS.openFiles, [])).toMatchObject({ ok: true });
    await rm(file);
    await symlink(path.join(userDataDir, "settings.json"), file);
    for (const [channel, args] of [
      [REQUEST_CHANNELS.openPath, [file]],
      [REQUEST_CHANNELS.save, [{ path: file, text: "x", expected: null }]],
      [REQUEST_CHANNELS.watchFile, [file]],
    ] as const) {
      expect(await call(channel, [...args]), channel).toEqual({ ok: false, message: refusedInside(file) });
    }
  });

  it("refuses very long names and paths with a clear message, granting nothing", async () => {
    const { call, dir, session } = await setup();
    const longName = path.join(dir, `${"a".repeat(300)}.js`);
    expect(await call(REQUEST_CHANNELS.openDroppedPath, [longName])).toEqual({
      ok: false,
      message: `${"a".repeat(80)}…: the name is too long for this system.`,
    });
    expect(await call(REQUEST_CHANNELS.openDroppedPath, [`/${"d/".repeat(2100)}x.js`])).toEqual({ ok: false, message: "Invalid dropped file path: too long." });
    expect([...session.grants]).toEqual([]);
  });

  it("lists and reads only this window's drafts; another window's live drafts stay hidden", async () => {
    const { call, drafts } = await setup();
    await drafts.write("another-window", { key: "theirs", path: null, text: "their unsaved secret" });
    await call(REQUEST_CHANNELS.writeDraft, [{ key: "mine", path: null, text: "mine" }]);
    expect(await call(REQUEST_CHANNELS.listDrafts, [])).toMatchObject({ ok: true, value: [{ key: "mine" }] });
    expect(await call(REQUEST_CHANNELS.readDraft, ["theirs"])).toEqual({ ok: true, value: null });
    expect(await call(REQUEST_CHANNELS.discardDraft, ["theirs"])).toEqual({ ok: true, value: undefined });
    expect((await drafts.read("another-window", "theirs"))?.text).toBe("their unsaved secret");
  });

  it("crash recovery still works: a draft main recorded for a granted file comes back with that file granted", async () => {
    const { call, dir, drafts, session } = await setup();
    const file = path.join(dir, "script.js");
    await writeFile(file, "// saved");
    // What an earlier session's window (which held the file) left in main's index before it crashed.
    await drafts.write("crashed-window", { key: "doc", path: file, text: "// unsaved edit" });
    await drafts.release("crashed-window");
    const listed = (await call(REQUEST_CHANNELS.listDrafts, [])) as { ok: true; value: { key: string; path: string }[] };
    expect(listed.value).toEqual([expect.objectContaining({ path: file, name: "script.js" })]);
    expect(await call(REQUEST_CHANNELS.readDraft, [listed.value[0].key])).toMatchObject({ ok: true, value: { path: file, text: "// unsaved edit" } });
    expect(session.grants.has(file)).toBe(true);
    expect(await call(REQUEST_CHANNELS.openPath, [file])).toMatchObject({ ok: true, value: { text: "// saved" } });
  });

  it("a recovered draft whose file now links into the data folder comes back untitled, its path not granted", async () => {
    const { call, dir, userDataDir, drafts, session, store } = await setup();
    const { symlink } = await import("node:fs/promises");
    await store.updateSettings({ theme: "dark" });
    const file = path.join(dir, "script.js");
    await drafts.write("crashed-window", { key: "doc", path: file, text: "// unsaved edit" });
    await drafts.release("crashed-window");
    await symlink(path.join(userDataDir, "settings.json"), file);
    const listed = (await call(REQUEST_CHANNELS.listDrafts, [])) as { ok: true; value: { key: string }[] };
    expect(await call(REQUEST_CHANNELS.readDraft, [listed.value[0].key])).toMatchObject({
      ok: true,
      value: { path: null, name: "Untitled", text: "// unsaved edit" },
    });
    expect([...session.grants]).toEqual([]);
  });

  it("tells the page which draft quota it hit", async () => {
    const { call } = await setup();
    for (let i = 0; i < 20; i++) expect(await call(REQUEST_CHANNELS.writeDraft, [{ key: `k${i}`, path: null, text: "x" }])).toMatchObject({ ok: true });
    expect(await call(REQUEST_CHANNELS.writeDraft, [{ key: "k20", path: null, text: "x" }])).toEqual({
      ok: false,
      message: "Draft not saved: this window already keeps 20 unsaved drafts, the most allowed. Save or discard one first.",
    });
  });
});

describe("callHook: the page's hook call, made by main on the loopback interface only", () => {
  const hookRequest = (url: string) => ({ method: "POST", url, headers: { "Content-Type": "application/json" }, body: { scopes: ["profile"] }, timeoutMs: 2000 });

  it("POSTs to a real service on 127.0.0.1 and hands back its answer", async () => {
    const { createServer } = await import("node:http");
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        bodies.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"removeScopes":[]}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { call } = await setup();
      const port = (server.address() as { port: number }).port;
      const envelope = await call(REQUEST_CHANNELS.callHook, [hookRequest(`http://127.0.0.1:${port}/v1/customize-access-token`)]);
      expect(envelope).toMatchObject({ ok: true, value: { status: "answered", response: { status: 200, body: { removeScopes: [] } } } });
      expect(bodies).toEqual(['POST /v1/customize-access-token {"scopes":["profile"]}']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("refuses an address off this machine without calling it", async () => {
    const { call } = await setup();
    expect(await call(REQUEST_CHANNELS.callHook, [hookRequest("http://192.168.1.10:8080/v1/customize-access-token")])).toEqual({
      ok: true,
      value: { status: "refused", reason: "192.168.1.10:8080 is not on this machine: the playground only calls hook services on 127.0.0.1 (or localhost)" },
    });
  });

  it("refuses a request of the wrong shape, naming the field", async () => {
    const { call } = await setup();
    expect(await call(REQUEST_CHANNELS.callHook, [{ ...hookRequest("http://127.0.0.1:9/"), method: "GET" }])).toEqual({ ok: false, message: 'Invalid hook request method: expected "POST".' });
    expect(await call(REQUEST_CHANNELS.callHook, [{ ...hookRequest("http://127.0.0.1:9/"), timeoutMs: 600000 }])).toEqual({ ok: false, message: "Invalid hook request timeoutMs: expected 1 to 60000." });
    expect(await call(REQUEST_CHANNELS.callHook, [{ ...hookRequest("http://127.0.0.1:9/"), headers: { a: 1 } }])).toEqual({ ok: false, message: "Invalid hook request headers.a: expected a string." });
    expect(await call(REQUEST_CHANNELS.callHook, [{ ...hookRequest("http://127.0.0.1:9/"), extra: true }])).toEqual({ ok: false, message: 'Invalid hook request: unexpected field "extra".' });
    // Size and address are the shared caller's rules: refused there, nothing sent.
    expect(await call(REQUEST_CHANNELS.callHook, [{ ...hookRequest("http://127.0.0.1:9/v1/customize-access-token"), body: "x".repeat(1024 * 1024 + 1) }])).toEqual({
      ok: true,
      value: { status: "refused", reason: "the request body is larger than 1024 KB (1048579 bytes)" },
    });
    expect(await call(REQUEST_CHANNELS.callHook, [hookRequest("http://127.0.0.1:9/admin/api")])).toEqual({
      ok: true,
      value: { status: "refused", reason: "only the contract's path /v1/customize-access-token is called, not /admin/api" },
    });
  });
});
