/**
 * The renderer inside the desktop shell, with a fake `window.playground` bridge injected before the page
 * loads (the Electron binary cannot run here). Checks what only the app does: the launch document, Save
 * with the external-change stamp, the watched file's change notice with Reload, drafts through the bridge,
 * menu commands, and that keyboard shortcuts are left to the menu (no double save).
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { currentRunId, usePlaygroundBrowser, waitForResult } from "./harness";

const session = usePlaygroundBrowser();


/** Runs in the page before any script: a bridge that records calls and lets the test fire events. */
function installFakeBridge() {
  type Listener = (payload: unknown) => void;
  const calls: { method: string; args: unknown[] }[] = [];
  const listeners: Record<string, Listener[]> = { file: [], menu: [] };
  const stamp1 = { mtimeMs: 1, size: 40, sha256: "1".repeat(64) };
  const stamp2 = { mtimeMs: 2, size: 41, sha256: "2".repeat(64) };
  const disk = { text: "accessToken.setField('launched', 'yes');\n", stamp: stamp1 };
  const doc = () => ({ path: "/home/me/launch.js", name: "launch.js", text: disk.text, stamp: disk.stamp });
  const record = (method: string, value: (...args: unknown[]) => unknown) => async (...args: unknown[]) => {
    calls.push({ method, args });
    return value(...args);
  };
  (window as unknown as { playground: unknown }).playground = {
    openFiles: record("openFiles", () => []),
    openPath: record("openPath", () => doc()),
    getLaunchDocument: record("getLaunchDocument", () => doc()),
    save: record("save", (req) => ({ status: "saved", path: (req as { path: string }).path, name: "launch.js", stamp: stamp2 })),
    saveAs: record("saveAs", () => ({ status: "cancelled" })),
    listRecentFiles: record("listRecentFiles", () => [{ path: "/home/me/launch.js", name: "launch.js", openedAt: "2026-01-01T00:00:00Z" }]),
    importExportFile: record("importExportFile", () => null),
    readSamples: record("readSamples", () => []),
    // Main's settings file, kept across reloads of the page (localStorage stands in for the disk).
    readSettings: record("readSettings", () => ({ runAsYouType: localStorage.getItem("fake-main.runAsYouType") !== "false" })),
    writeSettings: record("writeSettings", (patch) => {
      const on = (patch as { runAsYouType?: boolean }).runAsYouType;
      if (typeof on === "boolean") localStorage.setItem("fake-main.runAsYouType", String(on));
      return { runAsYouType: localStorage.getItem("fake-main.runAsYouType") !== "false" };
    }),
    // Like webUtils: files from the disk have a path (here: names starting "disk-"), others none.
    pathForDroppedFile: (file: File) => {
      calls.push({ method: "pathForDroppedFile", args: [file.name] });
      return file.name.startsWith("disk-") ? `/home/me/${file.name}` : null;
    },
    openDroppedPath: record("openDroppedPath", (p) => ({
      path: p,
      name: String(p).split("/").pop(),
      text: "accessToken.setField('fromDisk', 'yes');\n",
      stamp: { mtimeMs: 5, size: 41, sha256: "5".repeat(64) },
    })),
    writeDraft: record("writeDraft", () => undefined),
    readDraft: record("readDraft", () => null),
    listDrafts: record("listDrafts", () => []),
    discardDraft: record("discardDraft", () => undefined),
    watchFile: record("watchFile", () => undefined),
    onFileChanged: (l: Listener) => (listeners.file!.push(l), () => {}),
    openWorkspaceFolder: record("openWorkspaceFolder", () => null),
    listWorkspaceFolder: record("listWorkspaceFolder", () => null),
    getAppInfo: record("getAppInfo", () => ({})),
    openExternal: record("openExternal", () => false),
    // Main's loopback caller stands in: the page must hand the call to the bridge, never fetch itself.
    callHook: record("callHook", () => ({ status: "answered", response: { status: 200, headers: {}, body: { removeScopes: ["email"], additionalClaims: { via: "main" } } } })),
    onMenuCommand: (l: Listener) => (listeners.menu!.push(l), () => {}),
  };
  (window as unknown as { __bridge: unknown }).__bridge = {
    calls,
    menu: (id: string, path?: string) => listeners.menu!.forEach((l) => l({ id, path })),
    changeOnDisk: (text: string) => {
      disk.text = text;
      disk.stamp = { mtimeMs: 3, size: text.length, sha256: "3".repeat(64) };
      listeners.file!.forEach((l) => l({ path: "/home/me/launch.js", stamp: disk.stamp }));
    },
  };
}

interface BridgeProbe {
  calls: { method: string; args: unknown[] }[];
  menu(id: string, path?: string): void;
  changeOnDisk(text: string): void;
}
const calls = (page: Page, method: string) =>
  page.evaluate((m) => (window as unknown as { __bridge: BridgeProbe }).__bridge.calls.filter((c) => c.method === m).map((c) => c.args), method);
const script = (page: Page) => page.evaluate(() => window.__playground!.getScript());

async function openDesktop(): Promise<Page> {
  const context = await session.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(installFakeBridge);
  const opened = await session.open(context);
  await waitForResult(opened.page, 0, 20_000);
  await opened.page.waitForSelector('[data-testid="editor"][data-ready="true"] .monaco-editor');
  return opened.page;
}

describe("the renderer in the desktop shell (fake bridge)", () => {
  it("opens the launch document, saves it with its stamp, writes drafts while typing, and reloads it after an outside change", async () => {
    const page = await openDesktop();
    await expect.poll(() => script(page)).toContain("'launched'");
    await expect.poll(() => page.getByTestId("document-name").textContent()).toContain("launch.js");
    expect(await calls(page, "watchFile")).toContainEqual(["/home/me/launch.js"]);

    await page.evaluate(() => window.__playground!.setScript("accessToken.setField('edited', 1);\n"));
    await expect.poll(() => calls(page, "writeDraft")).toHaveLength(1);
    const [draft] = (await calls(page, "writeDraft"))[0] as [{ path: string; text: string }];
    expect(draft.path).toBe("/home/me/launch.js");
    expect(draft.text).toContain("'edited'");

    // The menu's Save goes to the bridge with the stamp from opening (main compares it with the disk).
    await page.evaluate(() => (window as unknown as { __bridge: BridgeProbe }).__bridge.menu("file.save"));
    await expect.poll(() => calls(page, "save")).toHaveLength(1);
    const [request] = (await calls(page, "save"))[0] as [{ path: string; text: string; expected: { sha256: string } }];
    expect(request).toMatchObject({ path: "/home/me/launch.js", expected: { sha256: "1".repeat(64) } });
    expect(request.text).toContain("'edited'");
    await expect.poll(() => calls(page, "discardDraft")).toHaveLength(1);
    await expect.poll(() => page.getByTestId("document-name").getAttribute("data-dirty")).toBe("false");

    // Someone else changes the file: a notice offers Reload, which reads it again.
    await page.evaluate(() => (window as unknown as { __bridge: BridgeProbe }).__bridge.changeOnDisk("accessToken.setField('outside', 2);\n"));
    const notice = page.getByTestId("notice");
    await expect.poll(() => notice.textContent()).toContain("changed on disk");
    await notice.getByRole("button", { name: "Reload" }).click();
    await expect.poll(() => script(page)).toContain("'outside'");
  });

  it("leaves keyboard shortcuts to the menu: Ctrl+S does not save twice, the menu command saves once", async () => {
    const page = await openDesktop();
    await expect.poll(() => script(page)).toContain("'launched'");
    await page.locator('[data-testid="editor"] .monaco-editor .view-lines').click();
    await page.keyboard.press("Control+S");
    await page.waitForTimeout(300);
    expect(await calls(page, "save")).toHaveLength(0);
    await page.evaluate(() => (window as unknown as { __bridge: BridgeProbe }).__bridge.menu("file.openRecent", "/home/me/launch.js"));
    await expect.poll(() => calls(page, "openPath")).toEqual([["/home/me/launch.js"]]);
    await page.evaluate(() => (window as unknown as { __bridge: BridgeProbe }).__bridge.menu("run.evaluator.next-gen"));
    await expect.poll(() => page.getByTestId("evaluator-select").inputValue()).toBe("next-gen");
  });

  it("opens a dropped file by its path: Save writes back to it (no Save As) and it is watched", async () => {
    const page = await openDesktop();
    await expect.poll(() => script(page)).toContain("'launched'");
    const data = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(["// the page's copy"], "disk-token.js", { type: "text/plain" }));
      return transfer;
    });
    await page.dispatchEvent('[data-testid="app"]', "dragover", { dataTransfer: data });
    await page.dispatchEvent('[data-testid="app"]', "drop", { dataTransfer: data });
    await expect.poll(() => calls(page, "openDroppedPath")).toEqual([["/home/me/disk-token.js"]]);
    // The text main read from disk, not the File's bytes.
    await expect.poll(() => script(page)).toContain("'fromDisk'");
    await expect.poll(() => page.getByTestId("document-name").textContent()).toContain("disk-token.js");
    await expect.poll(() => calls(page, "watchFile")).toContainEqual(["/home/me/disk-token.js"]);

    await page.evaluate(() => window.__playground!.setScript("accessToken.setField('fromDisk', 'edited');\n"));
    await page.evaluate(() => (window as unknown as { __bridge: BridgeProbe }).__bridge.menu("file.save"));
    await expect.poll(() => calls(page, "save")).toHaveLength(1);
    const [request] = (await calls(page, "save"))[0] as [{ path: string; expected: { sha256: string } }];
    expect(request).toMatchObject({ path: "/home/me/disk-token.js", expected: { sha256: "5".repeat(64) } });
    expect(await calls(page, "saveAs")).toHaveLength(0);
  });

  it("Run As You Type: the menu and the toolbar checkbox switch the same setting, stored in main across sessions", async () => {
    const page = await openDesktop();
    const checkbox = page.getByTestId("run-as-you-type");
    await expect.poll(() => checkbox.isChecked()).toBe(true);
    await page.evaluate(() => (window as unknown as { __bridge: BridgeProbe }).__bridge.menu("run.toggleRunAsYouType"));
    await expect.poll(() => checkbox.isChecked()).toBe(false);
    await expect.poll(() => calls(page, "writeSettings")).toEqual([[{ runAsYouType: false }]]);

    // Typing no longer runs.
    const before = await currentRunId(page);
    await page.evaluate(() => window.__playground!.setScript("accessToken.setField('typed', 1);\n"));
    await page.waitForTimeout(600);
    expect(await currentRunId(page)).toBe(before);

    // Next session: still off.
    await page.reload();
    await waitForResult(page, 0, 20_000);
    await expect.poll(() => calls(page, "readSettings")).toHaveLength(1);
    await expect.poll(() => page.getByTestId("run-as-you-type").isChecked()).toBe(false);
    // The toolbar checkbox writes the same setting back (main then ticks the menu item).
    await page.getByTestId("run-as-you-type").click();
    await expect.poll(() => calls(page, "writeSettings")).toEqual([[{ runAsYouType: true }]]);
  });

  it("a OneWelcome hookUrl run asks first, then hands the call to main through the bridge (no fetch from the page)", async () => {
    const page = await openDesktop();
    const before = await currentRunId(page);
    const scenario = {
      product: "onewelcome",
      client: { clientId: "client" },
      identity: { id: "u1", username: "john", attributes: {} },
      scopes: ["profile", "email"],
      // Nothing listens there: only main's stand-in answers, so a fetch from the page would fail (and be caught as offsite).
      onewelcome: { hookUrl: "http://127.0.0.1:9" },
    };
    await page.evaluate((t) => window.__playground!.setScenarioText(t), JSON.stringify(scenario, null, 2));
    await page.getByTestId("hook-question").waitFor();
    expect(await calls(page, "callHook")).toEqual([]);
    await page.getByTestId("hook-allow").click();
    await waitForResult(page, before, 20_000);
    await expect.poll(() => calls(page, "callHook")).toHaveLength(1);
    const [request] = (await calls(page, "callHook"))[0] as [{ url: string; method: string; timeoutMs: number; body: { scopes: string[] } }];
    expect(request).toMatchObject({ method: "POST", url: "http://127.0.0.1:9/v1/customize-access-token", timeoutMs: 1000, body: { scopes: ["profile", "email"] } });
    await expect.poll(() => page.getByTestId("hook-response-body").textContent()).toContain('"via": "main"');
    await expect.poll(() => page.getByTestId("panel-token").textContent()).toContain("via");
  });
});

