/**
 * Issue 15: the app holds up with real data (200 fields, 5 KB claims, long names) and shows what a support
 * engineer needs. One test per defect, in real Chromium at the sizes the defects were seen at.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { RESULTS_DIR, currentRunId, usePlaygroundBrowser, waitForResult, seriousViolations } from "./harness";

const session = usePlaygroundBrowser();

async function open(viewport = { width: 1440, height: 900 }, colorScheme: "light" | "dark" = "light"): Promise<Page> {
  const opened = await session.open(await session.browser.newContext({ viewport, colorScheme }));
  await waitForResult(opened.page, 0, 20_000);
  await opened.page.waitForSelector('[data-testid="editor"][data-ready="true"] .monaco-editor');
  return opened.page;
}

const field = (page: Page, panelId: string, key: string) => page.locator(`[data-testid="${panelId}"] tr[data-field="${key}"]`);
const setScript = (page: Page, text: string) => page.evaluate((t) => window.__playground!.setScript(t), text);

const LONG_NAME = "a_really_long_custom_claim_name_for_entitlements";
const UUID = "550e8400-e29b-41d4-a716-446655440000";
const URL_VALUE = "https://entitlements.example.com/api/v2/users/550e8400-e29b-41d4-a716-446655440000/roles?expand=all";
/** A token like the ones support engineers get: 200 fields, one 5 KB claim under a long name. */
const REAL_DATA_SCRIPT = [
  "var big = [];",
  "for (var i = 0; i < 250; i++) big.push('entitlement-' + i);",
  `accessToken.setField('${LONG_NAME}', big.join(','));`,
  `accessToken.setField('uuid', '${UUID}');`,
  `accessToken.setField('url', '${URL_VALUE}');`,
  "for (var j = 0; j < 200; j++) accessToken.setField('field_' + j, 'value ' + j);",
].join("\n");

async function showRealData(page: Page): Promise<void> {
  const before = await currentRunId(page);
  await setScript(page, REAL_DATA_SCRIPT);
  await waitForResult(page, before);
  await field(page, "panel-introspection", LONG_NAME).waitFor();
}

/** Rendered lines of an element's text (its height over its line height). */
const linesOf = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));

describe("real data in the result panels (defect 1)", () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 1024, height: 700 }]) {
    it(`at ${viewport.width}×${viewport.height}: a long claim name cannot squeeze the values; long values collapse; tokens never break`, async () => {
      const page = await open(viewport);
      await showRealData(page);
      for (const panelId of ["panel-token", "panel-introspection"]) {
        const row = field(page, panelId, LONG_NAME);
        const rowBox = (await row.boundingBox())!;
        // Collapsed: a 5 KB value is one short row (its long name wraps in a few lines), not a 71,712 px slab.
        expect(rowBox.height).toBeLessThan(120);
        const valueBox = (await row.locator("td").boundingBox())!;
        expect(valueBox.width).toBeGreaterThanOrEqual(140);
        // The key column is capped: the name does not take the row.
        const keyBox = (await row.locator("th").boundingBox())!;
        expect(keyBox.width).toBeLessThanOrEqual(rowBox.width * 0.45);
        // A UUID and a normal value stay on one line (never one character per line, never broken mid-token).
        expect(await linesOf(page, `[data-testid="${panelId}"] tr[data-field="uuid"] pre.value`)).toBe(1);
        expect(await linesOf(page, `[data-testid="${panelId}"] tr[data-field="field_7"] pre.value`)).toBe(1);
        const url = field(page, panelId, "url").locator("pre.value");
        expect(await url.evaluate((el) => getComputedStyle(el).overflowWrap)).not.toBe("anywhere");
        expect(await url.evaluate((el) => getComputedStyle(el).wordBreak)).not.toBe("break-all");
      }
      await page.screenshot({ path: `${RESULTS_DIR}/real-data-${viewport.width}.png` });

      // Expand shows the whole value; Copy copies just this value.
      await session.current!.context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const row = field(page, "panel-introspection", LONG_NAME);
      const expand = row.getByRole("button", { name: /Expand/ });
      expect(await expand.getAttribute("aria-expanded")).toBe("false");
      await expand.click();
      await expect.poll(() => row.getByRole("button", { name: /Collapse/ }).getAttribute("aria-expanded")).toBe("true");
      expect((await row.locator("pre.value").textContent())!.length).toBeGreaterThan(3000);
      await row.getByRole("button", { name: new RegExp(`Copy.*${LONG_NAME}`) }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^"entitlement-0,entitlement-1,.*entitlement-249"$/);
    });
  }
});

describe("the scenario form (defect 2)", () => {
  it("Scopes keeps typed spaces; Lifetime can be cleared and says why 0 is refused", async () => {
    const page = await open();
    await page.getByTestId("tab-scenario").click();
    await page.getByTestId("scenario-view-form").click();
    const scopes = page.getByTestId("form-scopes");
    await scopes.click();
    await scopes.press("ControlOrMeta+A");
    await scopes.pressSequentially("access openid", { delay: 30 });
    expect(await scopes.inputValue()).toBe("access openid");
    await expect.poll(() => page.evaluate(() => JSON.parse(window.__playground!.getScenarioText()).scopes)).toEqual(["access", "openid"]);

    const lifetime = page.getByTestId("form-lifetime");
    await lifetime.fill("");
    expect(await lifetime.inputValue()).toBe("");
    await expect.poll(() => page.getByTestId("form-lifetime-error").textContent()).toMatch(/seconds/);
    await lifetime.fill("0");
    expect(await lifetime.inputValue()).toBe("0");
    expect(await lifetime.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.getByTestId("form-lifetime-error").textContent()).toMatch(/at least 1/);
    const before = await currentRunId(page);
    await lifetime.fill("120");
    await waitForResult(page, before);
    expect(await lifetime.getAttribute("aria-invalid")).toBe("false");
    await expect.poll(() => field(page, "panel-token-response", "expires_in").textContent()).toContain("119");
  });
});

describe("what a failed run shows (defects 3 and 4)", () => {
  it("switching to the Rhino syntax mistake sample shows its failure, not the seed's token", async () => {
    const page = await open();
    expect(await field(page, "panel-introspection", "phone").count()).toBe(1);
    const before = await currentRunId(page);
    await page.getByTestId("scenario-select").selectOption("rhino-syntax-mistake");
    await waitForResult(page, before);
    await expect.poll(() => page.getByTestId("error-banner").getAttribute("data-kind")).toBe("syntax");
    // Nothing of the seed's result is on screen: another sample's token is not "the previous result".
    for (const id of ["panel-token", "panel-token-response", "panel-introspection"]) {
      expect(await page.getByTestId(id).locator('tr[data-field="phone"]').count()).toBe(0);
    }
    // What the client receives.
    const response = page.getByTestId("panel-token-response");
    await expect.poll(() => response.getByTestId("failure-status").textContent()).toContain("500");
    expect(await response.textContent()).toContain("Error running access token modification plugin");
    expect(await response.textContent()).toMatch(/inferred/i);
  });

  it("a failed run in the same sample shows the failure, with the previous result collapsed and labelled", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await setScript(page, "accessToken.setField('a', 1);\nnoSuchFunction();\n");
    await waitForResult(page, before);
    const response = page.getByTestId("panel-token-response");
    await expect.poll(() => response.getByTestId("failure-status").textContent()).toContain("500");
    expect(await response.getByTestId("failure-status").isVisible()).toBe(true);
    // The seed's token is no longer presented as the result: it sits in a closed, labelled "previous result".
    const previous = page.getByTestId("panel-introspection").getByTestId("previous-result");
    expect(await previous.getAttribute("open")).toBeNull();
    expect(await previous.locator("summary").textContent()).toMatch(/previous result/i);
    expect(await field(page, "panel-introspection", "phone").isVisible()).toBe(false);
    await previous.locator("summary").click();
    await expect.poll(() => field(page, "panel-introspection", "phone").isVisible()).toBe(true);
    await page.screenshot({ path: `${RESULTS_DIR}/failed-run.png` });
  });

  it("an error without a line does not offer one (the watchdog's timeout)", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await setScript(page, "new Array(1e9).join();");
    await waitForResult(page, before, 15_000);
    const banner = page.getByTestId("error-banner");
    await expect.poll(() => banner.getAttribute("data-kind")).toBe("timeout");
    expect(await banner.textContent()).not.toMatch(/line/i);
    expect(await banner.getByRole("button", { name: /Go to line/ }).count()).toBe(0);
  });
});

describe("library scripts in the browser (defect 5)", () => {
  it("the library-script sample runs: its library is bundled with it", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await page.getByTestId("scenario-select").selectOption("library-claims");
    await waitForResult(page, before);
    await expect.poll(() => field(page, "panel-introspection", "department").textContent()).toContain('"finance"');
    expect(await field(page, "panel-introspection", "email").textContent()).toContain('"bjensen@example.com"');
    expect(await page.getByTestId("error-banner").count()).toBe(0);
  });

  it("a library path the browser cannot read is named at its place in the scenario", async () => {
    const page = await open();
    await page.getByTestId("evaluator-select").selectOption("next-gen");
    await page.evaluate(() => {
      const probe = window.__playground!;
      const doc = JSON.parse(probe.getScenarioText());
      probe.setScenarioText(JSON.stringify({ ...doc, evaluator: "next-gen", libraries: { helpers: "lib/not-there.js" } }, null, 2));
    });
    const banner = page.getByTestId("error-banner");
    await expect.poll(() => banner.getAttribute("data-kind")).toBe("scenario");
    expect(await banner.textContent()).toContain("$.libraries.helpers");
    expect(await banner.textContent()).toContain("lib/not-there.js");

    // Opening that file loads it as the library; the script in the editor stays.
    const script = "var h = require('helpers');\naccessToken.setField('loud', h.shout('quiet'));\n";
    await setScript(page, script);
    const before = await currentRunId(page);
    page.on("filechooser", () => undefined);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByTestId("open-button").click()]);
    await chooser.setFiles({ name: "not-there.js", mimeType: "text/javascript", buffer: Buffer.from("exports.shout = function (s) { return String(s).toUpperCase(); };") });
    await waitForResult(page, before);
    await expect.poll(() => banner.count(), { timeout: 5_000 }).toBe(0);
    await expect.poll(() => page.locator('[data-testid="panel-introspection"] tr[data-field="loud"]').textContent()).toContain('"QUIET"');
    expect(await page.getByTestId("notice").textContent()).toContain('as the library "helpers"');
    expect(await page.evaluate(() => window.__playground!.getScript())).toBe(script);
  });
});

describe("run as you type (defect 6)", () => {
  it("typing through broken states does not flash the error banner nor move the panels; the error shows once typing pauses", async () => {
    const page = await open();
    await page.evaluate(() => {
      const w = window as unknown as { __bannerShows: number; __tops: Set<number> };
      w.__bannerShows = 0;
      w.__tops = new Set();
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="error-banner"]') && !(w as unknown as { __bannerOn?: boolean }).__bannerOn) w.__bannerShows++;
        (w as unknown as { __bannerOn?: boolean }).__bannerOn = document.querySelector('[data-testid="error-banner"]') !== null;
        w.__tops.add(Math.round(document.querySelector('[data-testid="panel-token"]')!.getBoundingClientRect().top));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const before = await currentRunId(page);
    await page.locator('[data-testid="editor"] .monaco-editor .view-lines').click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.press("Enter");
    // 300 ms between keys: slower than the run debounce, so each pause runs a broken script.
    // Ends broken (a trailing operator); on the way it passes through runtime and syntax errors alike.
    await page.keyboard.type("var total = price * ", { delay: 300 });
    expect(await currentRunId(page)).toBeGreaterThan(before + 3);
    // Squiggles at once, while typing.
    await page.locator('[data-testid="editor"] .squiggly-error').first().waitFor({ timeout: 5_000 });
    const during = await page.evaluate(() => (window as unknown as { __bannerShows: number }).__bannerShows);
    expect(during).toBe(0);
    // Typing paused: now the error shows, once.
    await expect.poll(() => page.getByTestId("error-banner").count(), { timeout: 5_000 }).toBe(1);
    const tops = await page.evaluate(() => [...(window as unknown as { __tops: Set<number> }).__tops]);
    expect(tops).toHaveLength(1);
  });
});

describe("evaluator, revert, hints (defect 7)", () => {
  it("the evaluator switch writes the scenario's evaluator, so Save keeps it", async () => {
    const page = await open();
    await page.getByTestId("evaluator-select").selectOption("next-gen");
    await expect.poll(() => page.evaluate(() => JSON.parse(window.__playground!.getScenarioText()).evaluator)).toBe("next-gen");
    await page.getByTestId("evaluator-select").selectOption("legacy");
    await expect.poll(() => page.evaluate(() => JSON.parse(window.__playground!.getScenarioText()).evaluator)).toBe("legacy");
  });

  it("Revert asks before discarding edits", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await setScript(page, "accessToken.setField('mine', 'keep me');");
    await waitForResult(page, before);
    await page.getByRole("button", { name: "Revert" }).click();
    const confirm = page.getByTestId("revert-confirm");
    await confirm.waitFor();
    await confirm.getByRole("button", { name: /Keep/ }).click();
    expect(await page.evaluate(() => window.__playground!.getScript())).toContain("keep me");
    await page.getByRole("button", { name: "Revert" }).click();
    await page.getByTestId("revert-confirm").getByRole("button", { name: /Discard/ }).click();
    await expect.poll(() => page.evaluate(() => window.__playground!.getScript())).not.toContain("keep me");
  });

  it("next-gen's empty Logs hint names next-gen's logger; the IDM panel is for next-gen only", async () => {
    const page = await open();
    expect(await page.getByTestId("panel-idm").count()).toBe(0);
    const before = await currentRunId(page);
    await page.getByTestId("evaluator-select").selectOption("next-gen");
    await waitForResult(page, before);
    const typed = await currentRunId(page);
    await setScript(page, "accessToken.setField('a', 'b');");
    await waitForResult(page, typed);
    const logs = await page.getByTestId("panel-logs").textContent();
    expect(logs).not.toContain("logger.message");
    expect(logs).toContain("logger.info");
    expect(await page.getByTestId("panel-idm").count()).toBe(1);
  });
});

describe("leaving the editor with the keyboard (defect 8)", () => {
  it("says how Tab leaves the editor, and Ctrl+M switches Tab to moving focus", async () => {
    const page = await open();
    const toggle = page.getByTestId("tab-focus-toggle");
    expect(await toggle.textContent()).toMatch(/Ctrl\+M/);
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await page.locator('[data-testid="editor"] .monaco-editor .view-lines').click();
    await page.keyboard.press("Control+M");
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="editor"]') === null)).toBe(true);
  });
});

describe("accessibility (defect 9)", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`axe-core finds no critical or serious violation (${scheme}), with a result, a failure and stale panels`, async () => {
      const page = await open({ width: 1440, height: 900 }, scheme);
      const audit = () => seriousViolations(page);
      expect(await audit()).toEqual([]);
      expect(await page.locator("main").count()).toBe(1);
      // A client-side JWT (coloured parts) and the scenario form.
      await page.evaluate(() => {
        const probe = window.__playground!;
        const doc = JSON.parse(probe.getScenarioText());
        probe.setScenarioText(JSON.stringify({ ...doc, token: { ...(doc.token ?? {}), storage: "client-side" } }, null, 2));
      });
      await page.getByTestId("jwt-size").waitFor();
      await page.getByTestId("tab-scenario").click();
      expect(await audit()).toEqual([]);
      // A failed run (previous result collapsed) and an invalid scenario (panels greyed).
      const before = await currentRunId(page);
      await setScript(page, "noSuchFunction();");
      await waitForResult(page, before);
      await page.getByTestId("failure-status").first().waitFor();
      expect(await audit()).toEqual([]);
      await page.evaluate(() => window.__playground!.setScenarioText('{ "identity": { "attributes": { "mail": "x" } } }'));
      await expect.poll(() => page.getByTestId("panel-token").getAttribute("data-stale")).toBe("true");
      expect(await audit()).toEqual([]);
    });
  }
});

describe("layout at 1440 and 1024 (defect 10)", () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 1024, height: 700 }]) {
    it(`at ${viewport.width}: one toolbar row, nothing cut or clipped, no page overflow`, async () => {
      const page = await open(viewport);
      const toolbar = (await page.locator("header.toolbar").boundingBox())!;
      expect(toolbar.height).toBeLessThan(48);
      const select = (await page.getByTestId("scenario-select").boundingBox())!;
      expect(select.width).toBeGreaterThanOrEqual(120);
      expect(select.x + select.width).toBeLessThanOrEqual(viewport.width);
      const overflow = await page.evaluate(() => ({ x: document.documentElement.scrollWidth - innerWidth, y: document.documentElement.scrollHeight - innerHeight }));
      expect(overflow).toEqual({ x: 0, y: 0 });
      // Every panel's Copy JSON button is inside its panel.
      for (const id of ["panel-token", "panel-token-response", "panel-introspection", "panel-logs", "panel-http", "panel-warnings"]) {
        const panelBox = (await page.getByTestId(id).boundingBox())!;
        const button = (await page.getByTestId(id).locator(".copy-button").boundingBox())!;
        expect(button.x + button.width, id).toBeLessThanOrEqual(panelBox.x + panelBox.width + 0.5);
        expect(button.x + button.width, id).toBeLessThanOrEqual(viewport.width);
      }
    });
  }

  it("the editor wraps long lines", async () => {
    const page = await open({ width: 1024, height: 700 });
    await setScript(page, `accessToken.setField('long', '${"x".repeat(400)}');`);
    await expect.poll(() => page.locator('[data-testid="editor"] .view-line').count()).toBeGreaterThan(1);
  });

  it("a result column cannot be dragged narrower than its content needs, and the layout can be reset", async () => {
    const page = await open({ width: 1024, height: 700 });
    const splitter = page.getByRole("separator", { name: "Resize token column" });
    const start = Number(await splitter.getAttribute("aria-valuenow"));
    const box = (await splitter.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - 600, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    const column = (await page.getByTestId("panel-token").boundingBox())!;
    expect(column.width).toBeGreaterThanOrEqual(175);
    await page.getByRole("button", { name: "Reset layout" }).click();
    await expect.poll(async () => Number(await splitter.getAttribute("aria-valuenow"))).toBe(start);
  });
});
