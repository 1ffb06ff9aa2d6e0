/**
 * Issue 14 in the scenario form: IBM's other mapping rule comes from a file the user picks or drops on the
 * field (the page reads no paths), its name is shown and kept in the scenario, and what is not a rule is
 * refused naming the file. The form's token words follow the product. Real Chromium, the real engine in its
 * worker; every wait is on state.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { RESULTS_DIR, currentRunId, seriousViolations, usePlaygroundBrowser, waitForResult } from "./harness";

const session = usePlaygroundBrowser();

const PRE_RULE =
  'importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtUtils);\nIDMappingExtUtils.traceString("pre-token rule from pre.js");\n';

/** The app with the sample `id` picked and its run on screen. */
async function openSample(id: string): Promise<Page> {
  const { page } = await session.open(await session.browser.newContext({ viewport: { width: 1440, height: 900 } }));
  await waitForResult(page, 0, 20_000);
  const before = await currentRunId(page);
  await page.getByTestId("scenario-select").selectOption(id);
  await waitForResult(page, before, 20_000);
  return page;
}

async function openIbmForm(): Promise<Page> {
  // The post-token rule of seed 003's pattern; its scenario has no other rule.
  const page = await openSample("ibm-state-sharing");
  await page.getByTestId("tab-scenario").click();
  await page.getByTestId("scenario-view-form").click();
  await page.getByTestId("form-other-rule").waitFor();
  return page;
}

const scenarioOf = (page: Page) => page.evaluate(() => JSON.parse(window.__playground!.getScenarioText()) as { ibm?: { otherRule?: string; rule?: string } });
const logsOf = (page: Page) => page.getByTestId("panel-logs").textContent();

/** Drops files on the field as a user's drag from the file manager does (a DataTransfer holding Files). */
async function dropOn(page: Page, testId: string, files: { name: string; text: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: "text/javascript" }));
    return dt;
  }, files);
  const target = page.getByTestId(testId);
  await target.dispatchEvent("dragover", { dataTransfer });
  await target.dispatchEvent("drop", { dataTransfer });
}

describe("IBM's other rule from a file", () => {
  it("a picked .js file runs as the pre-token rule before the script; the scenario keeps its name and the form shows it", async () => {
    const page = await openIbmForm();
    expect(await page.getByTestId("form-other-rule-status").textContent()).toBe("None: only the post-token rule runs.");
    expect(await logsOf(page)).not.toContain("pre-token rule from pre.js");
    const before = await currentRunId(page);
    await page.getByTestId("form-other-rule-file").setInputFiles({ name: "pre.js", mimeType: "text/javascript", buffer: Buffer.from(PRE_RULE) });
    await waitForResult(page, before, 20_000);
    await expect.poll(() => logsOf(page)).toContain("pre-token rule from pre.js");
    // The pre-token rule's trace comes first, then the post-token rule's own.
    const logs = (await logsOf(page)) ?? "";
    expect(logs.indexOf("pre-token rule from pre.js")).toBeLessThan(logs.indexOf("post-token: request_type="));
    expect((await scenarioOf(page)).ibm?.otherRule).toBe("pre.js");
    expect(await page.getByTestId("form-other-rule-status").textContent()).toBe("pre.js (3 lines, loaded)");
    await page.getByTestId("form-other-rule").screenshot({ path: `${RESULTS_DIR}/products-ibm-other-rule.png` });

    // Removing it runs the script alone again.
    const loaded = await currentRunId(page);
    await page.getByTestId("form-other-rule-remove").click();
    await waitForResult(page, loaded, 20_000);
    await expect.poll(() => logsOf(page)).not.toContain("pre-token rule from pre.js");
    expect((await scenarioOf(page)).ibm?.otherRule).toBeUndefined();
  });

  it("a file dropped on the field becomes the other rule, and the window does not open it as the script", async () => {
    const page = await openIbmForm();
    const script = await page.evaluate(() => window.__playground!.getScript());
    const before = await currentRunId(page);
    await dropOn(page, "form-other-rule", [{ name: "pre.js", text: PRE_RULE }]);
    await waitForResult(page, before, 20_000);
    await expect.poll(() => logsOf(page)).toContain("pre-token rule from pre.js");
    expect((await scenarioOf(page)).ibm?.otherRule).toBe("pre.js");
    expect(await page.evaluate(() => window.__playground!.getScript())).toBe(script);
  });

  it("what is not a rule is refused naming the file, and the scenario stays as it was", async () => {
    const page = await openIbmForm();
    const scenario = await page.evaluate(() => window.__playground!.getScenarioText());
    await page.getByTestId("form-other-rule-file").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await expect
      .poll(() => page.getByTestId("form-other-rule-error").textContent())
      .toBe("notes.txt: not a mapping rule: IBM's rules are JavaScript files (.js). The scenario is unchanged.");
    await page.getByTestId("form-other-rule-file").setInputFiles({ name: "empty.js", mimeType: "text/javascript", buffer: Buffer.from("\n") });
    await expect.poll(() => page.getByTestId("form-other-rule-error").textContent()).toContain("empty.js: the file is empty");
    await dropOn(page, "form-other-rule", [
      { name: "a.js", text: PRE_RULE },
      { name: "b.js", text: PRE_RULE },
    ]);
    await expect.poll(() => page.getByTestId("form-other-rule-error").textContent()).toContain("Drop one rule file here (2 were dropped).");
    expect(await page.evaluate(() => window.__playground!.getScenarioText())).toBe(scenario);
  });

  it("a scenario naming a rule file the page has not got says where to load it; loading it keeps the scenario's path", async () => {
    const page = await openIbmForm();
    const scenario = (await scenarioOf(page)) as Record<string, unknown> & { ibm: Record<string, unknown> };
    await page.evaluate((text) => window.__playground!.setScenarioText(text), JSON.stringify({ ...scenario, ibm: { ...scenario.ibm, otherRule: "rules/pre.js" } }, null, 2));
    const banner = page.getByTestId("error-banner");
    await expect.poll(() => banner.textContent()).toContain("$.ibm.otherRule");
    expect(await banner.textContent()).toContain('"rules/pre.js" is not loaded');
    await expect.poll(() => page.getByTestId("form-other-rule-status").textContent()).toBe("rules/pre.js: not loaded in this page. Pick or drop the file to run it.");
    const before = await currentRunId(page);
    await page.getByTestId("form-other-rule-file").setInputFiles({ name: "pre.js", mimeType: "text/javascript", buffer: Buffer.from(PRE_RULE) });
    await waitForResult(page, before, 20_000);
    await expect.poll(() => logsOf(page)).toContain("pre-token rule from pre.js");
    expect((await scenarioOf(page)).ibm?.otherRule).toBe("rules/pre.js");
  });
});

describe("the form's token words follow the product", () => {
  it("IBM's lifetime is the API protection definition's, 0 is refused as an inference, and no storage choice of AM's is offered", async () => {
    const page = await openIbmForm();
    expect(await page.getByTestId("form-lifetime-note").textContent()).toContain("API protection definition's access token lifetime");
    expect(await page.getByTestId("form-storage").count()).toBe(0);
    expect(await page.getByTestId("form-storage-note").textContent()).toContain("opaque token values");
    await page.getByTestId("form-lifetime").fill("0");
    const error = (await page.getByTestId("form-lifetime-error").textContent()) ?? "";
    expect(error).toContain("at least 1 second");
    expect(error).toContain("(inferred)");
    expect(error).not.toMatch(/\bAM\b/);
  });
});

describe("OneWelcome's hook settings in the form", () => {
  it("switches the answer to the user's service, refuses a URL off this machine without touching the scenario, and writes Basic credentials", async () => {
    const page = await openSample("onewelcome-subscriptions");
    await page.getByTestId("tab-scenario").click();
    await page.getByTestId("scenario-view-form").click();
    const owOf = async () => ((await scenarioOf(page)) as { onewelcome?: Record<string, unknown> }).onewelcome ?? {};

    expect(await page.getByTestId("form-hook-source").inputValue()).toBe("script");
    expect(await page.getByTestId("form-hook-url").count()).toBe(0);
    await page.getByTestId("form-hook-source").selectOption("service");
    await expect.poll(owOf).toMatchObject({ hookUrl: "http://127.0.0.1:8085" });
    expect(await page.getByTestId("form-hook-note").textContent()).toContain("POST to http://127.0.0.1:8085/v1/customize-access-token");
    // The run that follows would call it: the app asks first.
    await page.getByTestId("hook-question").waitFor();

    await page.getByTestId("form-hook-url").fill("https://hooks.example.com");
    expect(await page.getByTestId("form-hook-url-error").textContent()).toContain("hooks.example.com is not on this machine");
    expect((await owOf()).hookUrl).toBe("http://127.0.0.1:8085");
    await page.getByTestId("form-hook-url").fill("http://localhost:9001");
    await expect.poll(owOf).toMatchObject({ hookUrl: "http://localhost:9001" });
    expect(await page.getByTestId("form-hook-url-error").count()).toBe(0);

    await page.getByTestId("form-hook-auth").selectOption("basic");
    await page.getByTestId("form-hook-username").fill("hook");
    await page.getByTestId("form-hook-password").fill("secret");
    await expect.poll(owOf).toEqual({ hookUrl: "http://localhost:9001", authentication: "basic", username: "hook", password: "secret" });
    expect(await seriousViolations(page, '[data-testid="scenario-form"]')).toEqual([]);
    await page.getByTestId("form-hook-source").locator("xpath=ancestor::fieldset").screenshot({ path: `${RESULTS_DIR}/products-onewelcome-form.png` });

    await page.getByTestId("form-hook-source").selectOption("script");
    await expect.poll(owOf).toEqual({ authentication: "basic", username: "hook", password: "secret" });
  });
});

describe("OneWelcome's hook over the grant's life in the app", () => {
  it("the timeline shows the hook at /authorize and at refresh with the grant's scopes, and the code exchange marked inferred", async () => {
    const page = await openSample("onewelcome-subscriptions-flow");
    await page.getByTestId("flow-timeline").waitFor();
    expect(await page.locator('[data-testid^="flow-step-"][data-testid$="-status"]').allTextContents()).toEqual(["302", "200", "200", "200"]);
    // The code exchange rests on an inference (the hook is not called again there): its chip says so.
    expect(await page.getByTestId("flow-step-1-inferred").getAttribute("title")).toContain("The code exchange creates no grant");

    await page.getByTestId("flow-step-0").click();
    await expect.poll(() => page.getByTestId("hook-request-body").textContent()).toContain('"/oauth/authorize"');
    expect(await page.getByTestId("hook-request-body").textContent()).toContain('"reports"');

    await page.getByTestId("flow-step-2").click();
    await expect.poll(() => page.getByTestId("hook-request-body").textContent()).toContain('"/oauth/token"');
    // The grant lost "reports" at /authorize: the refresh's hook request does not ask for it again.
    expect(await page.getByTestId("hook-request-body").textContent()).not.toContain('"reports"');
    await page.screenshot({ path: `${RESULTS_DIR}/products-onewelcome-flow.png` });
  });
});
