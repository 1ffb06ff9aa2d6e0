/**
 * The playground in real Chromium, against the built site (dist/web/) served on 127.0.0.1.
 * Each test gets a fresh browser context (empty localStorage), so it starts on the seed's legacy example.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { RESULTS_DIR, currentRunId, typeInEditor, usePlaygroundBrowser, waitForEditor, waitForResult } from "./harness";

const session = usePlaygroundBrowser();

async function open(): Promise<Page> {
  const opened = await session.open();
  await waitForResult(opened.page, 0, 20_000);
  return opened.page;
}

const panel = (page: Page, id: string) => page.getByTestId(id);
const field = (page: Page, panelId: string, key: string) => page.locator(`[data-testid="${panelId}"] tr[data-field="${key}"]`);

describe("the playground in Chromium", () => {
  it("opens on the seed's legacy example, already run, with results in all three panels", async () => {
    const page = await open();
    await expect.poll(() => page.getByTestId("evaluator-select").inputValue()).toBe("legacy");
    await expect.poll(() => page.getByTestId("scenario-select").inputValue()).toBe("seed-legacy");

    // Token: the script's fields are marked as added.
    await expect.poll(() => field(page, "panel-token", "mail").getAttribute("data-mark")).toBe("added");
    await expect.poll(() => field(page, "panel-token", "phone").getAttribute("data-mark")).toBe("added");
    // Token response: "hello": "world" is extra data, next to the native fields.
    const hello = field(page, "panel-token-response", "hello");
    expect(await hello.getAttribute("data-mark")).toBe("extra");
    expect(await hello.textContent()).toContain('"world"');
    expect(await field(page, "panel-token-response", "token_type").textContent()).toContain("Bearer");
    expect(await field(page, "panel-token-response", "expires_in").textContent()).toContain("3599");
    // Introspection: the profile values the seed documents.
    expect(await field(page, "panel-introspection", "mail").textContent()).toContain('["user@example.com"]');
    expect(await field(page, "panel-introspection", "phone").textContent()).toContain('"(555) 323-1234"');
    expect(await field(page, "panel-introspection", "phone").getAttribute("data-mark")).toBe("custom");
    await expect.poll(() => page.getByTestId("error-banner").count()).toBe(0);

    // Every panel is a named region.
    for (const id of ["panel-token", "panel-token-response", "panel-introspection", "panel-logs", "panel-http", "panel-warnings"]) {
      expect(await panel(page, id).getAttribute("role")).toBe("region");
    }
    await page.screenshot({ path: `${RESULTS_DIR}/01-seed-legacy.png` });
  });

  it("runs what the user types, as they type", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await typeInEditor(page, "accessToken.setField('greeting', 'hi from the e2e test');");
    await waitForResult(page, before);
    await expect.poll(() => field(page, "panel-introspection", "greeting").textContent()).toContain("hi from the e2e test");
    expect(await field(page, "panel-token", "greeting").getAttribute("data-mark")).toBe("added");
    // The seed's fields are gone with the seed's script.
    expect(await field(page, "panel-introspection", "mail").count()).toBe(0);
  });

  it("Run button and Ctrl+Enter run again", async () => {
    const page = await open();
    const first = await currentRunId(page);
    await page.getByTestId("run-button").click();
    const second = await waitForResult(page, first);
    expect(second).toBeGreaterThan(first);
    await page.locator('[data-testid="editor"] .monaco-editor .view-lines').click();
    await page.keyboard.press("Control+Enter");
    expect(await waitForResult(page, second)).toBeGreaterThan(second);
  });

  it("switches to the next-generation evaluator: its bindings run and its IntelliSense is offered", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await page.getByTestId("evaluator-select").selectOption("next-gen");
    await waitForResult(page, before);
    expect(await page.locator(".results-row").getAttribute("data-evaluator")).toBe("next-gen");

    const typed = await currentRunId(page);
    await typeInEditor(page, 'accessToken.setField("ng", identity.getAttributeValues("mail")[0]);');
    await waitForResult(page, typed);
    await expect.poll(() => field(page, "panel-introspection", "ng").textContent()).toContain('"user@example.com"');

    // IntelliSense from the next-gen declarations: identity.<Ctrl+Space> lists getAttributeValues.
    await page.keyboard.press("End");
    await page.keyboard.type(" identity.");
    await page.keyboard.press("Control+Space");
    await page.locator(".suggest-widget .monaco-list-row", { hasText: "getAttributeValues" }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press("Escape");
    await page.screenshot({ path: `${RESULTS_DIR}/02-next-gen.png` });
  });

  it("hovering a binding shows its documentation for the chosen evaluator", async () => {
    const page = await open();
    // Monaco groups several words into one token span and re-renders lines as tokenization settles, so
    // measure the span again until it holds still; then point the mouse inside the word (monospace font).
    await page.locator('[data-testid="editor"] .monaco-editor .view-lines').waitFor();
    const span = page.locator('[data-testid="editor"] .view-lines .view-line span span', { hasText: "addExtraData" }).first();
    let point: { x: number; y: number } | null = null;
    await expect
      .poll(async () => {
        const [text, box] = await Promise.all([span.textContent(), span.boundingBox()]);
        if (!text || !box) return false;
        point = { x: box.x + (text.indexOf("addExtraData") + 4) * (box.width / text.length), y: box.y + box.height / 2 };
        return true;
      })
      .toBe(true);
    // The TypeScript worker may still be loading on a busy machine, and Monaco asks for a hover only when
    // the mouse comes to rest on a word: rest on it, and if nothing shows, leave and come back.
    const hover = page.locator(".monaco-hover", { hasText: "response" }).first();
    let shown = false;
    for (let attempt = 0; attempt < 10 && !shown; attempt++) {
      await page.mouse.move(point!.x, point!.y + 200);
      await page.mouse.move(point!.x, point!.y);
      shown = await hover.waitFor({ timeout: 4_000 }).then(
        () => true,
        () => false,
      );
    }
    expect(shown).toBe(true);
    // The legacy declaration documents the supplier-function form.
    expect(await hover.textContent()).toContain("supplier");
  });

  it("a Rhino syntax error is reported at its line, squiggled, with what the client gets and the last good result kept aside", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await page.evaluate(() => window.__playground!.setScript("var a = 1;\nlet b = 2;\naccessToken.setField('a', a);\n"));
    await waitForResult(page, before);
    const banner = page.getByTestId("error-banner");
    await expect.poll(() => banner.getAttribute("data-kind"), { timeout: 5_000 }).toBe("syntax");
    expect(await banner.textContent()).toMatch(/line 2/);
    await page.locator('[data-testid="editor"] .squiggly-error').first().waitFor({ timeout: 10_000 });
    // The client gets AM's failure; the last good token is kept, collapsed and labelled as the previous result.
    expect(await page.getByTestId("failure-status").textContent()).toContain("500");
    expect(await panel(page, "panel-introspection").getAttribute("data-stale")).toBe("false");
    expect(await panel(page, "panel-introspection").getByTestId("previous-result").locator('tr[data-field="mail"]').count()).toBe(1);
    await page.screenshot({ path: `${RESULTS_DIR}/03-syntax-error.png` });

    // Fixing it clears the error.
    const broken = await currentRunId(page);
    await page.evaluate(() => window.__playground!.setScript("var a = 1;\nvar b = 2;\naccessToken.setField('a', a + b);\n"));
    await waitForResult(page, broken);
    await expect.poll(() => banner.count()).toBe(0);
    expect(await panel(page, "panel-introspection").getAttribute("data-stale")).toBe("false");
  });

  it("an endless loop ends in a timeout within seconds and the page keeps working", async () => {
    const page = await open();
    // Timed from when the user can type (Monaco loads after the first result).
    await waitForEditor(page);
    const before = await currentRunId(page);
    const started = Date.now();
    await typeInEditor(page, "while (true) {}");
    await waitForResult(page, before, 10_000);
    await expect.poll(() => page.getByTestId("error-banner").getAttribute("data-kind"), { timeout: 5_000 }).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(6_000);
    await page.screenshot({ path: `${RESULTS_DIR}/04-timeout.png` });

    // The UI responded during and after the loop: a new script runs normally.
    const looped = await currentRunId(page);
    await typeInEditor(page, "accessToken.setField('after', 'loop');");
    await waitForResult(page, looped);
    await expect.poll(() => field(page, "panel-introspection", "after").textContent()).toContain('"loop"');
    await expect.poll(() => page.getByTestId("error-banner").count()).toBe(0);
  });

  it("editing the scenario in the form changes the result", async () => {
    const page = await open();
    await page.getByTestId("tab-scenario").click();
    await page.getByTestId("scenario-view-form").click();
    const mailValues = page.getByLabel("attribute mail values, one per line");
    const before = await currentRunId(page);
    await mailValues.fill("support@example.org");
    await waitForResult(page, before);
    await expect.poll(() => field(page, "panel-introspection", "mail").textContent()).toContain('["support@example.org"]');

    // The JSON view shows the same change.
    await page.getByTestId("scenario-view-json").click();
    await expect.poll(() => page.locator('[data-testid="editor"] .view-lines').textContent()).toContain("support@example.org");

    // Changing the scenario's evaluator in the JSON moves the evaluator switch.
    expect(await page.evaluate(() => window.__playground!.getScenarioText())).toContain('"evaluator": "legacy"');
    await page.evaluate(() => {
      const probe = window.__playground!;
      probe.setScenarioText(probe.getScenarioText().replace('"evaluator": "legacy"', '"evaluator": "next-gen"'));
    });
    await expect.poll(() => page.getByTestId("evaluator-select").inputValue()).toBe("next-gen");
    await page.screenshot({ path: `${RESULTS_DIR}/05-scenario-form.png` });
  });

  it("invalid scenario JSON is marked where it is and the old result stays, greyed, until fixed", async () => {
    const page = await open();
    await page.getByTestId("tab-scenario").click();
    await page.getByTestId("scenario-view-json").click();
    const good = await page.evaluate(() => document.querySelector('[data-testid="editor"]') !== null);
    expect(good).toBe(true);
    // A wrong type deep in the file: the validator's JSON path must land on that line.
    await page.evaluate(() =>
      window.__playground!.setScenarioText('{\n  "identity": {\n    "attributes": { "mail": "not-a-list" }\n  }\n}\n'),
    );
    const banner = page.getByTestId("error-banner");
    await expect.poll(() => banner.getAttribute("data-kind"), { timeout: 5_000 }).toBe("scenario");
    expect(await banner.textContent()).toContain("$.identity.attributes.mail");
    await page.locator('[data-testid="editor"] .squiggly-error').first().waitFor({ timeout: 10_000 });
    expect(await panel(page, "panel-introspection").getAttribute("data-stale")).toBe("true");
    expect(await field(page, "panel-introspection", "mail").textContent()).toContain("user@example.com");

    // Broken JSON syntax: still marked, still the old result.
    await page.evaluate(() => window.__playground!.setScenarioText('{\n  "identity": {\n    "username": "x",,\n  }\n}\n'));
    await expect.poll(() => banner.textContent(), { timeout: 5_000 }).toContain("line 3");
    await page.screenshot({ path: `${RESULTS_DIR}/06-invalid-scenario.png` });

    // Fixed: a new result, not greyed.
    const before = await currentRunId(page);
    await page.evaluate(() =>
      window.__playground!.setScenarioText('{\n  "identity": {\n    "attributes": { "mail": ["fixed@example.com"], "telephoneNumber": ["1"] }\n  }\n}\n'),
    );
    await waitForResult(page, before);
    await expect.poll(() => banner.count()).toBe(0);
    expect(await panel(page, "panel-introspection").getAttribute("data-stale")).toBe("false");
    await expect.poll(() => field(page, "panel-introspection", "mail").textContent()).toContain("fixed@example.com");
  });

  it("the sample picker opens the next-gen seed: HTTP calls with their mock, IDM calls, extra JSON data", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await page.getByTestId("scenario-select").selectOption("seed-next-gen");
    await waitForResult(page, before);
    expect(await page.getByTestId("evaluator-select").inputValue()).toBe("next-gen");
    const http = panel(page, "panel-http");
    await expect.poll(() => http.textContent()).toContain("https://dummyjson.com/ip");
    expect(await http.textContent()).toContain("Answered by mock #0");
    const idm = await panel(page, "panel-idm").textContent();
    expect(idm).toContain("read");
    expect(idm).toContain("update");
    expect(await field(page, "panel-token-response", "uids").getAttribute("data-mark")).toBe("extra");
    expect(await field(page, "panel-introspection", "ip").textContent()).toContain('"1.70.145.10"');
    await page.screenshot({ path: `${RESULTS_DIR}/08-next-gen-seed.png` });
  });

  it("a client-side token (chosen in the form) is shown decoded, with its size", async () => {
    const page = await open();
    await page.getByTestId("tab-scenario").click();
    await page.getByTestId("scenario-view-form").click();
    const before = await currentRunId(page);
    await page.getByTestId("form-storage").selectOption("client-side");
    await waitForResult(page, before);
    const size = page.getByTestId("jwt-size");
    await expect.poll(() => size.textContent()).toMatch(/\d+ bytes/);
    const token = await panel(page, "panel-token").textContent();
    expect(token).toContain('"alg"');
    expect(await page.locator('[data-testid="panel-token"] table[aria-label="Client-side token (JWT) claims"] tr[data-field="mail"]').getAttribute("data-mark")).toBe("added");
    await page.screenshot({ path: `${RESULTS_DIR}/09-client-side-jwt.png` });
  });

  it("panel sizes and the user's text survive a reload", async () => {
    const page = await open();
    const splitter = page.getByRole("separator", { name: "Resize editor" });
    const start = Number(await splitter.getAttribute("aria-valuenow"));
    await splitter.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => Number(await splitter.getAttribute("aria-valuenow"))).toBe(start + 4);
    const before = await currentRunId(page);
    await typeInEditor(page, "accessToken.setField('kept', 'yes');");
    await waitForResult(page, before);

    await page.reload();
    await waitForResult(page, 0, 20_000);
    expect(Number(await page.getByRole("separator", { name: "Resize editor" }).getAttribute("aria-valuenow"))).toBe(start + 4);
    await expect.poll(() => field(page, "panel-introspection", "kept").textContent()).toContain('"yes"');
  });

  it("follows a dark system theme", async () => {
    const opened = await session.open(await session.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "dark" }));
    await waitForResult(opened.page, 0, 20_000);
    expect(await opened.page.locator(".app").getAttribute("class")).toContain("theme-dark");
    await opened.page.locator('[data-testid="editor"] .monaco-editor.vs-dark').waitFor();
    await opened.page.screenshot({ path: `${RESULTS_DIR}/07-dark.png` });
  });
});
