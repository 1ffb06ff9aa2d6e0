/**
 * Issue 14 in the editor: with a product picked, the script editor offers that product's API and marks what
 * that product's check says. IBM: OAuthMappingExtUtils' methods are completed, and a utility used without
 * importClass is marked. Real Chromium, the real engine in its worker; every wait is on state.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { RESULTS_DIR, currentRunId, typeInEditor, usePlaygroundBrowser, waitForResult } from "./harness";

const session = usePlaygroundBrowser();

async function open(): Promise<Page> {
  const opened = await session.open(await session.browser.newContext({ viewport: { width: 1440, height: 900 } }));
  await waitForResult(opened.page, 0, 20_000);
  await opened.page.waitForSelector('[data-testid="editor"][data-ready="true"] .monaco-editor');
  return opened.page;
}

describe("the editor follows the product", () => {
  it("IBM picked: a mapping rule's utility is completed, and using it unimported is marked with IBM's reason", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await page.getByTestId("product-select").selectOption("ibm-verify-access");
    await waitForResult(page, before, 20_000);

    // AM's check has nothing to say of this line; IBM's says the class was never imported.
    const typed = await currentRunId(page);
    await typeInEditor(page, 'IDMappingExtUtils.traceString("x");');
    await page.locator('[data-testid="editor"] .squiggly-warning').first().waitFor({ timeout: 15_000 });
    // The previous script's run markers stay until the typed line's own run lands (run as you type).
    await waitForResult(page, typed, 20_000);
    // F8 opens the next marker with its message, as a user reads it. The line has two once the run-as-you-type
    // run lands (the run's ReferenceError and the check's warning), in whichever order they arrived: F8 again
    // moves on, so the user reaches the warning within the line's markers.
    const widget = page.locator('[data-testid="editor"] .marker-widget').first();
    const seen: string[] = [];
    for (let i = 0; i < 3 && !seen.some((t) => t.includes("IDMappingExtUtils is used but never imported")); i++) {
      await page.keyboard.press("F8");
      await widget.waitFor({ timeout: 10_000 });
      seen.push((await widget.textContent()) ?? "");
    }
    expect(seen.join("\n")).toContain("IDMappingExtUtils is used but never imported");
    await page.keyboard.press("Escape");

    // Completions come from IBM's declarations: OAuthMappingExtUtils.<Ctrl+Space> lists getAssociation.
    await page.locator('[data-testid="editor"] .monaco-editor .view-lines').click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type(" OAuthMappingExtUtils.");
    await page.keyboard.press("Control+Space");
    await page.locator(".suggest-widget .monaco-list-row", { hasText: "getAssociation" }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${RESULTS_DIR}/products-ibm-editor.png` });
    await page.keyboard.press("Escape");
  });

  it("back to AM: AM's bindings are completed again and the IBM marker is gone", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await page.getByTestId("product-select").selectOption("ibm-verify-access");
    await waitForResult(page, before, 20_000);
    await typeInEditor(page, 'IDMappingExtUtils.traceString("x");');
    await page.locator('[data-testid="editor"] .squiggly-warning').first().waitFor({ timeout: 15_000 });
    await page.getByTestId("product-select").selectOption("am");
    await expect.poll(() => page.locator('[data-testid="editor"] .squiggly-warning').count(), { timeout: 15_000 }).toBe(0);
    await page.locator('[data-testid="editor"] .monaco-editor .view-lines').click();
    await page.keyboard.press("ControlOrMeta+End");
    // The list is virtualised: a prefix brings the method into view.
    await page.keyboard.type(" accessToken.setFi");
    await page.keyboard.press("Control+Space");
    await page.locator(".suggest-widget .monaco-list-row", { hasText: "setField" }).first().waitFor({ timeout: 15_000 });
  });
});

describe("the IBM panel's STSUU before and after", () => {
  it("shows what IBM handed the rule and what the rule changed, attribute by attribute", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await page.getByTestId("scenario-select").selectOption("ibm-associations");
    await waitForResult(page, before, 20_000);
    await page.getByTestId("ibm-panel").waitFor();
    const changes = page.getByTestId("ibm-stsuu-changes");
    await expect.poll(() => changes.locator('li[data-change="added"]').allTextContents()).toContain('+ context tier (urn:ibm:names:ITFIM:oauth:response:attribute) = "platinum"');
    // Before: the post-token rule got the grant's state_id and the response about to be returned, not the rule's tier.
    const shownBefore = (await page.getByTestId("ibm-stsuu-before").textContent()) ?? "";
    expect(shownBefore).toContain('"state_id"');
    expect(shownBefore).not.toContain('"platinum"');
    expect(await page.getByTestId("ibm-stsuu").textContent()).toContain('"platinum"');
    await page.getByTestId("ibm-panel").screenshot({ path: `${RESULTS_DIR}/products-ibm-stsuu.png` });
  });
});
