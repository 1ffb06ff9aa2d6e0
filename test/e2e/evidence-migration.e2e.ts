/**
 * Issues 18 and 19 in the app, in real Chromium: evidence dropped on the window becomes the scenario (with a
 * report of what each file gave and the secrets kept out; a bad file keeps the scenario), and "Migrate to
 * next-generation" shows the rewrite beside the original with each change's reason and both runs' verdict.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { RESULTS_DIR, currentRunId, usePlaygroundBrowser, waitForResult, seriousViolations } from "./harness";

const session = usePlaygroundBrowser();

async function open(): Promise<Page> {
  const opened = await session.open();
  await waitForResult(opened.page, 0, 20_000);
  await opened.page.waitForSelector('[data-testid="editor"][data-ready="true"] .monaco-editor');
  return opened.page;
}



const evidenceFixture = (name: string) => ({ name, text: readFileSync(new URL(`../fixtures/evidence/${name}`, import.meta.url), "utf8") });

/** Drops the files on the window together, as a user drags a selection from the file manager. */
async function drop(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const data = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([f.text], f.name, { type: "application/json" }));
    return transfer;
  }, files);
  await page.dispatchEvent('[data-testid="app"]', "dragover", { dataTransfer: data });
  await page.dispatchEvent('[data-testid="app"]', "drop", { dataTransfer: data });
}

const scenarioText = (page: Page) => page.evaluate(() => window.__playground!.getScenarioText());
const script = (page: Page) => page.evaluate(() => window.__playground!.getScript());

describe("evidence → scenario", () => {
  it("builds the scenario from a Frodo client export, an IDM user and an introspection, opens it in the form and reports the password kept out", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await drop(page, ["frodo-oauth2-client.json", "idm-user.json", "seed-introspection.json"].map(evidenceFixture));
    const report = page.getByTestId("evidence-report");
    await expect.poll(() => report.getAttribute("data-ok")).toBe("true");
    await waitForResult(page, before);
    // The form shows what the evidence filled.
    await expect.poll(() => page.getByTestId("tab-scenario").getAttribute("aria-selected")).toBe("true");
    expect(await page.getByTestId("form-client-id").inputValue()).toBe("myClient");
    expect(await page.getByLabel("Id (_id)").inputValue()).toBe("014c54bd-6078-4639-8316-8ce0e7746fa4");
    const doc = JSON.parse(await scenarioText(page)) as { client: { clientId: string }; identity: { id: string } };
    expect(doc.client.clientId).toBe("myClient");
    expect(doc.identity.id).toBe("014c54bd-6078-4639-8316-8ce0e7746fa4");
    expect(await scenarioText(page)).not.toContain("Ch4ngeIt!");
    // Per file: what it was recognised as and what it filled; the secret kept out with its placeholder.
    const files = report.getByTestId("evidence-file");
    expect(await files.count()).toBe(3);
    expect(await report.locator('[data-file="frodo-oauth2-client.json"]').textContent()).toMatch(/OAuth2 client.*Filled:.*\$\.client\.clientId/s);
    expect(await report.locator('[data-file="idm-user.json"]').textContent()).toMatch(/\$\.identity/);
    const redactions = (await report.getByTestId("evidence-redactions").textContent()) ?? "";
    expect(redactions).toMatch(/idm-user\.json.*password.*<redacted:/s);
    expect(await seriousViolations(page, '[data-testid="evidence-report"]')).toEqual([]);
    await report.getByRole("button", { name: "Dismiss" }).click();
    await expect.poll(() => report.count()).toBe(0);
  });

  it("a broken JSON file names the file and the line, and the scenario the user had stays as it was", async () => {
    const page = await open();
    const mine = await scenarioText(page);
    await drop(page, [evidenceFixture("idm-user.json"), { name: "broken.json", text: '{\n  "clientId": "x",\n  oops\n}\n' }]);
    const report = page.getByTestId("evidence-report");
    await expect.poll(() => report.getAttribute("data-ok")).toBe("false");
    const error = report.getByTestId("evidence-error");
    expect(await error.getAttribute("data-file")).toBe("broken.json");
    expect(await error.textContent()).toMatch(/^broken\.json: line 3, column \d+: /);
    expect(await scenarioText(page)).toBe(mine);
    expect(await seriousViolations(page, '[data-testid="evidence-report"]')).toEqual([]);
  });

  it("Evidence… picks files in the browser build: a JWT and a token response build the scenario too", async () => {
    const page = await open();
    page.on("filechooser", () => undefined);
    const before = await currentRunId(page);
    const files = ["access-token.jwt", "token-response.json"].map(evidenceFixture);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByTestId("import-evidence-button").click()]);
    await chooser.setFiles(files.map((f) => ({ name: f.name, mimeType: "application/octet-stream", buffer: Buffer.from(f.text) })));
    const report = page.getByTestId("evidence-report");
    await expect.poll(() => report.getAttribute("data-ok")).toBe("true");
    await waitForResult(page, before);
    expect(await report.getByTestId("evidence-file").count()).toBe(2);
    expect(await report.locator('[data-file="access-token.jwt"]').textContent()).toMatch(/JWT/i);
    expect(await scenarioText(page)).toMatch(/"name": "From access-token\.jwt, token-response\.json"/);
  });

  it("still imports an AM script export dropped on the window (told apart by content)", async () => {
    const page = await open();
    const before = await currentRunId(page);
    const text = readFileSync(new URL("../fixtures/exports/amster-script.json", import.meta.url), "utf8");
    await drop(page, [{ name: "amster-script.json", text }]);
    await waitForResult(page, before);
    expect(await page.getByTestId("evidence-report").count()).toBe(0);
    await expect.poll(() => page.getByTestId("document-name").textContent()).toMatch(/\.js/);
  });
});

describe("migrate to next-generation", () => {
  it("rewrites the seed's legacy script: equivalent, the getAttributeValues change with its reason on hover; Use the rewrite switches to next-gen", async () => {
    const page = await open();
    expect(await page.getByTestId("scenario-select").inputValue()).toBe("seed-legacy");
    await page.getByTestId("migrate-button").click();
    const view = page.getByTestId("migration-view");
    await expect.poll(() => page.getByTestId("migration-verdict").getAttribute("data-verdict"), { timeout: 20_000 }).toBe("equivalent");
    expect(await page.getByTestId("migration-verdict").textContent()).toMatch(/^Equivalent/);
    const changes = (await view.getByTestId("migration-changes").textContent()) ?? "";
    expect(changes).toMatch(/Line 6: .*getAttribute.*→.*getAttributeValues.*java\.util\.Set/);
    // Both results side by side, each run ok.
    expect(await view.getByTestId("migration-run-legacy").getAttribute("data-ok")).toBe("true");
    expect(await view.getByTestId("migration-run-next-gen").getAttribute("data-ok")).toBe("true");
    // The diff editor: the original's line 6 is marked, and hovering it tells why.
    await page.waitForSelector('[data-testid="migration-diff"] .editor.original .migration-glyph');
    // The diff has been computed (its marks are drawn) before axe looks at the colours.
    await page.waitForSelector('[data-testid="migration-diff"] .editor.original .char-delete');
    expect(await seriousViolations(page, '[data-testid="migration-view"]')).toEqual([]);
    const original = page.locator('[data-testid="migration-diff"] .editor.original');
    await original.locator(".view-line").nth(5).hover({ position: { x: 60, y: 5 } });
    await expect.poll(() => page.locator(".monaco-hover:not(.hidden)").filter({ hasText: "java.util.Set" }).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    const before = await currentRunId(page);
    await view.getByTestId("migration-use").click();
    await waitForResult(page, before);
    await expect.poll(() => page.getByTestId("evaluator-select").inputValue()).toBe("next-gen");
    expect(await script(page)).toContain("identity.getAttributeValues('mail')");
    expect(await page.getByTestId("migration-view").count()).toBe(0);
    await expect.poll(() => page.getByTestId("migrate-button").isDisabled()).toBe(true);
  });

  it("a script reading the session differs when the scenario has a session, and the session is listed as not translated", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await page.evaluate(() => {
      const probe = window.__playground!;
      probe.setScript("if (session) { accessToken.setField('host', String(session.getProperty('Host'))); }\n");
      probe.setScenarioText(JSON.stringify({ ...JSON.parse(probe.getScenarioText()), session: { properties: { Host: "h1" } } }, null, 2));
    });
    await waitForResult(page, before);
    await page.keyboard.press("Control+Alt+M");
    await expect.poll(() => page.getByTestId("migration-verdict").getAttribute("data-verdict"), { timeout: 20_000 }).toBe("differs");
    const view = page.getByTestId("migration-view");
    const differences = view.getByTestId("migration-differences");
    expect(await differences.locator('tr[data-path="introspection.host"]').textContent()).toContain("h1");
    // Why it differs, and that the rewrite is equivalent for requests without a session.
    expect(await differences.locator('tr[data-path="introspection.host"]').textContent()).toContain("Only the legacy run sees the scenario's session");
    expect(await view.getByTestId("migration-notes").textContent()).toContain("on requests without a session cookie the rewrite is equivalent");
    expect(await view.getByTestId("migration-unresolved").textContent()).toMatch(/Line 1: .*session/);
    await page.waitForSelector('[data-testid="migration-diff"] .editor.original .char-delete');
    await page.screenshot({ path: `${RESULTS_DIR}/migration-view-differs.png` });
    expect(await seriousViolations(page, '[data-testid="migration-view"]')).toEqual([]);
    // Closing keeps the legacy script and evaluator.
    await view.getByTestId("migration-close").click();
    expect(await page.getByTestId("migration-view").count()).toBe(0);
    expect(await page.getByTestId("evaluator-select").inputValue()).toBe("legacy");
    expect(await script(page)).toContain("if (session)");
  });
});
