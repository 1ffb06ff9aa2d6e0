/**
 * The desktop features as the browser build offers them: import an export, drag and drop, the workspace
 * folder with "Run all cases", keyboard shortcuts, Java doubles, drafts offered back after a reload.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { RESULTS_DIR, currentRunId, usePlaygroundBrowser, waitForResult } from "./harness";

const session = usePlaygroundBrowser();

async function open(): Promise<Page> {
  const opened = await session.open();
  // A standing listener keeps Playwright's file-chooser interception on, so a chooser opened by a key
  // press right after a waitForEvent() call cannot slip past before the interception is switched on.
  opened.page.on("filechooser", () => undefined);
  await waitForResult(opened.page, 0, 20_000);
  await opened.page.waitForSelector('[data-testid="editor"][data-ready="true"] .monaco-editor');
  return opened.page;
}

const field = (page: Page, panelId: string, key: string) => page.locator(`[data-testid="${panelId}"] tr[data-field="${key}"]`);
const script = (page: Page) => page.evaluate(() => window.__playground!.getScript());

const EXPORT = {
  meta: { origin: "https://am.example.com/am", exportTool: "frodo" },
  script: {
    "11111111-aaaa-4bbb-8ccc-000000000001": {
      _id: "11111111-aaaa-4bbb-8ccc-000000000001",
      name: "Department Claim",
      language: "JAVASCRIPT",
      context: "OAUTH2_ACCESS_TOKEN_MODIFICATION",
      evaluatorVersion: "1.0",
      script: ["accessToken.setField('department', 'sales');", "accessToken.setField('n', 42);"],
    },
    "11111111-aaaa-4bbb-8ccc-000000000002": {
      _id: "11111111-aaaa-4bbb-8ccc-000000000002",
      name: "Groovy Claim",
      language: "GROOVY",
      context: "OAUTH2_ACCESS_TOKEN_MODIFICATION",
      evaluatorVersion: "1.0",
      script: ["accessToken.setField('groovy', 'yes')"],
    },
  },
};

async function chooseFiles(page: Page, click: () => Promise<void>, files: { name: string; text: string }[] | string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), click()]);
  await chooser.setFiles(typeof files === "string" ? files : files.map((f) => ({ name: f.name, mimeType: "application/json", buffer: Buffer.from(f.text) })));
}

describe("desktop features in the browser build", () => {
  it("shows a legacy setField('n', 42) as 42.0 in the panels and in Copy JSON", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await page.evaluate(() => window.__playground!.setScript("accessToken.setField('n', 42);\naccessToken.setField('half', 1.5);"));
    await waitForResult(page, before);
    await expect.poll(() => field(page, "panel-introspection", "n").locator("pre").textContent()).toBe("42.0");
    expect(await field(page, "panel-token", "n").locator("pre").textContent()).toBe("42.0");
    expect(await field(page, "panel-introspection", "half").locator("pre").textContent()).toBe("1.5");
    await session.current!.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByTestId("panel-introspection").getByRole("button", { name: /Copy JSON of Introspection/ }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('"n": 42.0');
    expect(copied).not.toContain('"n": 42,');
  });

  it("imports an export with two scripts: the picker loads the JavaScript one with its evaluator, Groovy is read-only and not run", async () => {
    const page = await open();
    await chooseFiles(page, () => page.getByTestId("import-button").click(), [{ name: "alpha-scripts.json", text: JSON.stringify(EXPORT) }]);
    await expect.poll(() => page.getByTestId("import-choice").count()).toBe(2);
    const before = await currentRunId(page);
    await page.getByTestId("import-choice").filter({ hasText: "Department Claim" }).click();
    await waitForResult(page, before);
    expect(await script(page)).toContain("setField('department', 'sales')");
    await expect.poll(() => field(page, "panel-introspection", "department").textContent()).toContain('"sales"');
    expect(await page.getByTestId("evaluator-select").inputValue()).toBe("legacy");

    await chooseFiles(page, () => page.getByTestId("import-button").click(), [{ name: "alpha-scripts.json", text: JSON.stringify(EXPORT) }]);
    const runId = await currentRunId(page);
    await page.getByTestId("import-choice").filter({ hasText: "Groovy Claim" }).click();
    await expect.poll(() => page.getByTestId("groovy-notice").textContent()).toContain("not Groovy");
    expect(await page.getByTestId("editor").getAttribute("data-readonly")).toBe("true");
    expect(await script(page)).toContain("setField('groovy', 'yes')");
    await page.waitForTimeout(600);
    expect(await currentRunId(page)).toBe(runId); // nothing ran
  });

  it("a broken export names the file and JSON path in the error banner and keeps the user's text", async () => {
    const page = await open();
    const mine = "accessToken.setField('mine', true);";
    const before = await currentRunId(page);
    await page.evaluate((t) => window.__playground!.setScript(t), mine);
    await waitForResult(page, before);
    const broken = { script: { abc: { _id: "abc", name: "No Text", language: "JAVASCRIPT", context: "OAUTH2_ACCESS_TOKEN_MODIFICATION", evaluatorVersion: "1.0" } } };
    await chooseFiles(page, () => page.getByTestId("import-button").click(), [{ name: "broken-export.json", text: JSON.stringify(broken) }]);
    const banner = page.getByTestId("error-banner");
    await expect.poll(() => banner.getAttribute("data-kind")).toBe("file");
    const text = (await banner.textContent()) ?? "";
    expect(text).toContain("broken-export.json");
    expect(text).toContain('$.script');
    expect(await script(page)).toBe(mine);
  });

  it("opens a dropped .js file and a dropped .case.json file", async () => {
    const page = await open();
    const drop = async (name: string, text: string) => {
      const data = await page.evaluateHandle(
        ([n, t]) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([t], n, { type: "text/plain" }));
          return transfer;
        },
        [name, text] as const,
      );
      await page.dispatchEvent('[data-testid="app"]', "dragover", { dataTransfer: data });
      await page.dispatchEvent('[data-testid="app"]', "drop", { dataTransfer: data });
    };
    const before = await currentRunId(page);
    await drop("dropped.js", "accessToken.setField('dropped', 'yes');");
    await waitForResult(page, before);
    expect(await script(page)).toContain("'dropped'");
    await expect.poll(() => page.getByTestId("document-name").textContent()).toContain("dropped.js");
    await expect.poll(() => field(page, "panel-introspection", "dropped").textContent()).toContain('"yes"');

    await drop("mine.case.json", JSON.stringify({ script: "dropped.js", evaluator: "legacy", scopes: ["profile"] }, null, 2));
    await expect.poll(() => page.evaluate(() => window.__playground!.getScenarioText())).toContain('"profile"');
    await expect.poll(() => page.getByTestId("tab-scenario").getAttribute("aria-selected")).toBe("true");
  });

  it("runs every case of a workspace folder and shows pass or fail per case", async () => {
    const page = await open();
    const dir = mkdtempSync(join(tmpdir(), "tsp-ws-"));
    const folder = join(dir, "my-cases");
    mkdirSync(folder);
    const samples = new URL("../../samples/", import.meta.url);
    writeFileSync(join(folder, "seed-legacy.js"), readFileSync(new URL("seed-legacy.js", samples)));
    const passing = readFileSync(new URL("seed-legacy.case.json", samples), "utf8");
    writeFileSync(join(folder, "passing.case.json"), passing);
    const failing = JSON.parse(passing);
    failing.expect = { tokenResponse: { hello: "mars" } };
    writeFileSync(join(folder, "failing.case.json"), JSON.stringify(failing));
    writeFileSync(join(folder, "notes.txt"), "not listed");

    await page.getByTestId("workspace-button").click();
    await chooseFiles(page, () => page.getByTestId("workspace-open-folder").click(), folder);
    await expect.poll(() => page.getByTestId("workspace-case").count()).toBe(2);
    expect(await page.getByTestId("workspace-script").count()).toBe(1);
    await page.getByTestId("workspace-run-all").click();
    await expect.poll(() => page.getByTestId("workspace-summary").textContent(), { timeout: 20_000 }).toBe("1 passed, 1 failed");
    expect(await page.locator('[data-case="passing.case.json"]').getAttribute("data-status")).toBe("pass");
    const failed = page.locator('[data-case="failing.case.json"]');
    expect(await failed.getAttribute("data-status")).toBe("fail");
    expect(await failed.textContent()).toContain('"mars"');
    await page.screenshot({ path: `${RESULTS_DIR}/10-workspace-run-all.png` });
  });

  it("keyboard: Ctrl+O opens a file chooser, Ctrl+S saves the opened file (a download here), Ctrl+Shift+S saves as", async () => {
    const page = await open();
    await page.locator('[data-testid="editor"] .monaco-editor .view-lines').click();
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Control+O")]);
    await chooser.setFiles([{ name: "opened.js", mimeType: "text/javascript", buffer: Buffer.from("accessToken.setField('opened', 1);") }]);
    await expect.poll(() => script(page)).toContain("'opened'");
    await page.locator('[data-testid="editor"] .monaco-editor .view-lines').click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+S")]);
    expect(download.suggestedFilename()).toBe("opened.js");
    const [downloadAs] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+Shift+S")]);
    expect(downloadAs.suggestedFilename()).toBe("opened.js");
    // The file is now in the recent list.
    await page.getByTestId("recent-select").focus();
    await expect.poll(() => page.locator('[data-testid="recent-select"] option[value="opened.js"]').count()).toBe(1);
  });

  it("offers an opened file's unsaved edits back after the page was closed without saving", async () => {
    const page = await open();
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByTestId("open-button").click()]);
    await chooser.setFiles([{ name: "kept.js", mimeType: "text/javascript", buffer: Buffer.from("// saved\n") }]);
    await expect.poll(() => script(page)).toBe("// saved\n");
    // The editor shows the opened text before the user edits it (the app pushes it into the model after render).
    await expect.poll(async () => (await page.locator('[data-testid="editor"] .view-lines').textContent())?.replace(/\u00a0/g, " ")).toContain("// saved");
    await page.evaluate(() => window.__playground!.setScript("// saved\naccessToken.setField('unsaved', 'edit');"));
    await expect.poll(() => page.getByTestId("document-name").getAttribute("data-dirty")).toBe("true");
    await page.waitForTimeout(700); // the draft is written 400 ms after the last edit
    await page.reload();
    await waitForResult(page, 0, 20_000);
    const recovery = page.getByTestId("draft-recovery");
    await expect.poll(() => recovery.textContent()).toContain("kept.js");
    await recovery.getByRole("button", { name: "Restore" }).click();
    await expect.poll(() => script(page)).toContain("'unsaved'");
  });

  it("remembers Run As You Type between sessions", async () => {
    const page = await open();
    const checkbox = page.getByTestId("run-as-you-type");
    await expect.poll(() => checkbox.isChecked()).toBe(true);
    await checkbox.click();
    await expect.poll(() => checkbox.isChecked()).toBe(false);
    await page.reload();
    await waitForResult(page, 0, 20_000);
    await expect.poll(() => page.getByTestId("run-as-you-type").isChecked()).toBe(false);
    await page.waitForSelector('[data-testid="editor"][data-ready="true"] .monaco-editor');
    const before = await currentRunId(page);
    await page.evaluate(() => window.__playground!.setScript("accessToken.setField('typed', 1);\n"));
    await page.waitForTimeout(600);
    expect(await currentRunId(page)).toBe(before);
  });
});
