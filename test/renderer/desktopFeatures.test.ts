import { describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { ACTIONS, actionForKey, actionTitle } from "../../renderer/actions/actions";
import { COMMANDS } from "../../contracts/commands";
import { amJsonAt, doublesOf, rebaseDoubles } from "../../renderer/state/doubles";
import { formatValue } from "../../renderer/components/FieldTable";
import { draftKeyFor, importExport, isRunnable, kindOfFile, scenarioForImport } from "../../renderer/state/fileKinds";
import { judgeCase, listWorkspace, prepareCase } from "../../renderer/state/workspace";
import { BrowserFiles, MAX_RECENT } from "../../renderer/platform/browserFiles";
import { browserPlatform, desktopPlatform } from "../../renderer/platform";
import { memoryStore } from "../../renderer/state/persist";
import type { ExternalChange, MenuCommandEvent, PlaygroundApi } from "../../contracts/api";
import type { RunResult } from "../../engine/result";

const chord = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("actions: one implementation per renderer command", () => {
  it("covers every renderer command of the shared list, and nothing else", () => {
    const rendererIds = COMMANDS.filter((c) => c.target === "renderer").map((c) => c.id).sort();
    expect([...ACTIONS.keys()].sort()).toEqual(rendererIds);
  });

  it("maps keys to commands by the shared accelerators: Ctrl on Linux/Windows, Cmd on a Mac", () => {
    expect(actionForKey(chord("s", { ctrlKey: true }), false)?.id).toBe("file.save");
    expect(actionForKey(chord("S", { ctrlKey: true, shiftKey: true }), false)?.id).toBe("file.saveAs");
    expect(actionForKey(chord("o", { ctrlKey: true }), false)?.id).toBe("file.open");
    expect(actionForKey(chord("Enter", { ctrlKey: true }), false)?.id).toBe("run.run");
    expect(actionForKey(chord("2", { ctrlKey: true, altKey: true }), false)?.id).toBe("run.evaluator.next-gen");
    expect(actionForKey(chord("m", { ctrlKey: true, altKey: true }), false)?.id).toBe("run.migrate");
    expect(actionForKey(chord("s", { metaKey: true }), true)?.id).toBe("file.save");
    expect(actionForKey(chord("s", { metaKey: true }), false)).toBeNull();
    expect(actionForKey(chord("s"), false)).toBeNull(); // typing an "s" is not a save
  });

  it("tooltips name the shortcut for the platform", () => {
    expect(actionTitle("file.saveAs", false)).toBe("Save As (Ctrl+Shift+S)");
    expect(actionTitle("file.open", true)).toBe("Open (Cmd+O)");
  });
});

describe("Java doubles on screen", () => {
  it("prints numbers listed in javaDoubles as AM does, others as JSON", () => {
    const doubles = doublesOf({ javaDoubles: ["/introspection/n", "/introspection/list/1"] });
    expect(formatValue(42, doubles, "/introspection/n")).toBe("42.0");
    expect(formatValue(42, doubles, "/introspection/m")).toBe("42");
    expect(formatValue([1, 2], doubles, "/introspection/list")).toBe("[1,2.0]");
    expect(formatValue(1e7, new Set(["/x"]), "/x")).toBe("1.0E7");
  });

  it("Copy JSON of a panel keeps 42.0 after its value moved to a new place", () => {
    const doubles = doublesOf({ javaDoubles: ["/token/after/n", "/introspection/n"] });
    const moved = rebaseDoubles(doubles, [["/token/after", "/fields"]]);
    expect([...moved]).toEqual(["/fields/n"]);
    expect(amJsonAt({ fields: { n: 42 } }, moved, "", 2)).toContain('"n": 42.0');
    expect(amJsonAt({ n: 42 }, rebaseDoubles(doubles, [["/introspection", ""]]), "")).toBe('{\n  "n": 42.0\n}');
  });
});

describe("what an opened or dropped file is", () => {
  it("sorts files by name, then by content for plain .json", () => {
    expect(kindOfFile("a.js", "")).toBe("script");
    expect(kindOfFile("a.scenario.json", "{}")).toBe("scenario");
    expect(kindOfFile("a.case.json", "{}")).toBe("case");
    expect(kindOfFile("x.json", '{"script":"a.js","expect":{}}')).toBe("case");
    expect(kindOfFile("x.json", '{"script":{"id":{}}}')).toBe("export");
    expect(kindOfFile("x.json", '{"result":[]}')).toBe("export");
    expect(kindOfFile("x.json", '{"clock":"2025-01-01T00:00:00Z"}')).toBe("scenario");
    expect(kindOfFile("x.json", "{ broken")).toBe("export");
    expect(kindOfFile("notes.txt", "")).toBe("unknown");
  });

  it("imports the fixtures' Frodo export and reports a broken one with file and JSON path", () => {
    const frodo = readFileSync(new URL("../fixtures/exports/frodo-allAlphaScripts.script.json", import.meta.url), "utf8");
    const outcome = importExport("alpha.json", frodo);
    expect(outcome.ok && outcome.scripts.map((s) => s.name)).toContain("Alpha Next-Gen Mail Claim");
    const broken = readFileSync(new URL("../fixtures/exports/bad/missing-script.json", import.meta.url), "utf8");
    const failed = importExport("missing.json", broken);
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.message).toMatch(/missing\.json.*\$\.script/);
  });

  it("Groovy is not runnable; an import keeps the user's scenario and sets the evaluator", () => {
    expect(isRunnable({ language: "GROOVY" })).toBe(false);
    expect(isRunnable({ language: "JAVASCRIPT" })).toBe(true);
    expect(JSON.parse(scenarioForImport('{"scopes":["a"],"evaluator":"legacy"}', "next-gen"))).toEqual({ scopes: ["a"], evaluator: "next-gen" });
    expect(JSON.parse(scenarioForImport("{ broken", "legacy"))).toEqual({ evaluator: "legacy" });
  });

  it("draft keys fit the bridge's rule and differ per path", () => {
    const a = draftKeyFor("/home/me/scripts/my script.js");
    expect(a).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(draftKeyFor("/other/my script.js")).not.toBe(a);
  });
});

describe("workspace folder", () => {
  const result = (over: Partial<RunResult>): RunResult => ({ ok: true, error: null, tokenResponse: { hello: "world" }, ...over }) as unknown as RunResult;

  it("lists scripts and cases, leaving other files and oversized ones out", () => {
    const listing = listWorkspace([
      { name: "b.js", text: "" },
      { name: "a.case.json", text: "{}" },
      { name: "notes.txt", text: "" },
      { name: "huge.js", text: "x".repeat(1024 * 1024 + 1) },
    ]);
    expect(listing.scripts.map((f) => f.name)).toEqual(["b.js"]);
    expect(listing.cases.map((f) => f.name)).toEqual(["a.case.json"]);
  });

  it("finds a case's script beside it and judges the result against expect", () => {
    const scripts = [{ name: "sub/s.js", text: "// s" }];
    const prepared = prepareCase({ name: "sub/c.case.json", text: '{"script":"./s.js","expect":{"tokenResponse":{"hello":"world"}}}' }, scripts);
    expect("error" in prepared ? prepared.error : prepared.script).toBe("// s");
    expect(prepareCase({ name: "c.case.json", text: '{"script":"missing.js"}' }, scripts)).toEqual({ error: 'c.case.json: script "missing.js" is not in this folder' });
    if ("error" in prepared) throw new Error(prepared.error);
    expect(judgeCase(prepared.expect, result({}))).toEqual({ status: "pass" });
    const failed = judgeCase(prepared.expect, result({ tokenResponse: { hello: "mars" } }));
    expect(failed.status).toBe("fail");
    expect(judgeCase(undefined, result({ ok: false, error: { message: "boom" } as never })).status).toBe("error");
  });
});

describe("browser stand-ins for recent files and drafts", () => {
  it("keeps the newest files first, one entry per name, at most MAX_RECENT", () => {
    let t = 0;
    const files = new BrowserFiles(memoryStore(), () => new Date(Date.UTC(2026, 0, 1, 0, 0, t++)));
    for (let i = 0; i < MAX_RECENT + 2; i++) files.remember(`f${i}.js`, `// ${i}`);
    files.remember("f5.js", "// again");
    const recent = files.recent();
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0]!.name).toBe("f5.js");
    expect(files.recentText("f5.js")).toBe("// again");
    expect(recent.filter((r) => r.name === "f5.js")).toHaveLength(1);
  });

  it("lists drafts newest first and forgets a discarded one", () => {
    let t = 0;
    const files = new BrowserFiles(memoryStore(), () => new Date(Date.UTC(2026, 0, 1, 0, 0, t++)));
    files.writeDraft({ key: "a", path: null, name: "a.js", text: "1" });
    files.writeDraft({ key: "b", path: null, name: "b.js", text: "22" });
    expect(files.listDrafts().map((d) => [d.name, d.bytes])).toEqual([["b.js", 2], ["a.js", 1]]);
    files.discardDraft("b");
    expect(files.listDrafts().map((d) => d.key)).toEqual(["a"]);
    expect(files.readDraft("a")?.text).toBe("1");
  });
});

describe("desktop platform over the preload bridge", () => {
  function fakeBridge() {
    let fileListener: ((c: ExternalChange) => void) | null = null;
    let menuListener: ((c: MenuCommandEvent) => void) | null = null;
    const stamp = { mtimeMs: 1, size: 2, sha256: "ab" };
    const bridge = {
      save: vi.fn(async (req: { path: string }) => ({ status: "saved" as const, path: req.path, name: "a.js", stamp })),
      saveAs: vi.fn(async () => ({ status: "cancelled" as const })),
      watchFile: vi.fn(async () => {}),
      onFileChanged: (l: (c: ExternalChange) => void) => ((fileListener = l), () => {}),
      onMenuCommand: (l: (c: MenuCommandEvent) => void) => ((menuListener = l), () => {}),
      writeDraft: vi.fn(async () => {}),
      pathForDroppedFile: vi.fn((file: File) => (file.name === "on-disk.js" ? "/home/me/on-disk.js" : null)),
      openDroppedPath: vi.fn(async (path: string) => ({ path, name: "on-disk.js", text: "// from disk", stamp })),
      readSettings: vi.fn(async () => ({ theme: "system", editorFontSize: 14, wordWrap: false, runAsYouType: false, defaultEvaluator: "legacy" })),
      writeSettings: vi.fn(async () => ({})),
      openWorkspaceFolder: vi.fn(async () => ({
        path: "/w",
        name: "w",
        files: [{ path: "/w/a.js", name: "a.js", text: "// a", stamp }],
        skipped: [{ name: "big.js", reason: "larger than 1024 KB" }],
      })),
    } as unknown as PlaygroundApi;
    return { bridge, stamp, change: (c: ExternalChange) => fileListener?.(c), menu: (c: MenuCommandEvent) => menuListener?.(c) };
  }

  it("saves over the opened path with the stamp it was opened with, so main can spot an external change", async () => {
    const fake = fakeBridge();
    const desktop = desktopPlatform(fake.bridge, memoryStore());
    await desktop.save({ path: "/w/a.js", name: "a.js", stamp: fake.stamp }, "text");
    expect(fake.bridge.save).toHaveBeenCalledWith({ path: "/w/a.js", text: "text", expected: fake.stamp });
    // An untitled document goes through Save As.
    expect(await desktop.save({ name: "new.js" }, "text")).toEqual({ status: "cancelled" });
    expect(fake.bridge.saveAs).toHaveBeenCalledWith({ text: "text", suggestedName: "new.js" });
  });

  it("passes on changes of the watched file only, and stops watching on unsubscribe", () => {
    const fake = fakeBridge();
    const desktop = desktopPlatform(fake.bridge, memoryStore());
    const seen: unknown[] = [];
    const stop = desktop.watch("/w/a.js", (s) => seen.push(s));
    expect(fake.bridge.watchFile).toHaveBeenCalledWith("/w/a.js");
    fake.change({ path: "/w/other.js", stamp: fake.stamp });
    fake.change({ path: "/w/a.js", stamp: null });
    expect(seen).toEqual([null]);
    stop();
    expect(fake.bridge.watchFile).toHaveBeenLastCalledWith(null);
    fake.change({ path: "/w/a.js", stamp: fake.stamp });
    expect(seen).toEqual([null]);
  });

  it("a workspace folder from main keeps each file's path and stamp (so it can be saved) and says what was skipped", async () => {
    const fake = fakeBridge();
    const picked = await desktopPlatform(fake.bridge, memoryStore()).pickWorkspaceFolder();
    expect(picked).toEqual({ folder: "w", files: [{ name: "a.js", text: "// a", path: "/w/a.js", stamp: fake.stamp }], skipped: ["big.js (larger than 1024 KB)"] });
  });

  it("hands menu commands (with the recent path) to the renderer's actions", () => {
    const fake = fakeBridge();
    const desktop = desktopPlatform(fake.bridge, memoryStore());
    const got: unknown[] = [];
    desktop.onCommand((c) => got.push(c));
    fake.menu({ id: "file.openRecent", path: "/w/a.js" });
    fake.menu({ id: "file.save" });
    expect(got).toEqual([{ id: "file.openRecent", path: "/w/a.js" }, { id: "file.save" }]);
  });

  it("opens a dropped file by its path on disk, so Save writes back to it (not Save As)", async () => {
    const fake = fakeBridge();
    const desktop = desktopPlatform(fake.bridge, memoryStore());
    const dropped = await desktop.openDropped(new File(["// stale copy"], "on-disk.js"));
    expect(fake.bridge.openDroppedPath).toHaveBeenCalledWith("/home/me/on-disk.js");
    expect(dropped).toEqual({ name: "on-disk.js", text: "// from disk", path: "/home/me/on-disk.js", stamp: fake.stamp });
    await desktop.save(dropped, "// edited");
    expect(fake.bridge.save).toHaveBeenCalledWith({ path: "/home/me/on-disk.js", text: "// edited", expected: fake.stamp });
    expect(fake.bridge.saveAs).not.toHaveBeenCalled();
  });

  it("opens a dropped file without a path (e.g. from another app) by its content, untitled", async () => {
    const fake = fakeBridge();
    const dropped = await desktopPlatform(fake.bridge, memoryStore()).openDropped(new File(["// pasted"], "clip.js"));
    expect(dropped).toEqual({ name: "clip.js", text: "// pasted" });
    expect(fake.bridge.openDroppedPath).not.toHaveBeenCalled();
  });

  it("reads and stores Run As You Type through main's settings (which the menu checkbox follows)", async () => {
    const fake = fakeBridge();
    const desktop = desktopPlatform(fake.bridge, memoryStore());
    expect(await desktop.loadRunAsYouType()).toBe(false);
    await desktop.saveRunAsYouType(true);
    expect(fake.bridge.writeSettings).toHaveBeenCalledWith({ runAsYouType: true });
  });
});

describe("browser build: drops and Run As You Type", () => {
  it("opens a dropped file by its content, with no path", async () => {
    const browser = browserPlatform(memoryStore());
    expect(await browser.openDropped(new File(["// dropped"], "d.js"))).toEqual({ name: "d.js", text: "// dropped" });
  });

  it("keeps Run As You Type in the store between sessions, on by default", async () => {
    const store = memoryStore();
    expect(await browserPlatform(store).loadRunAsYouType()).toBe(true);
    await browserPlatform(store).saveRunAsYouType(false);
    expect(await browserPlatform(store).loadRunAsYouType()).toBe(false);
    await browserPlatform(store).saveRunAsYouType(true);
    expect(await browserPlatform(store).loadRunAsYouType()).toBe(true);
    store.setItem("tsp.settings.v1", "{not json");
    expect(await browserPlatform(store).loadRunAsYouType()).toBe(true);
  });
});
