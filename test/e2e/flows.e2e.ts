/**
 * Issue 13 ("A grant's whole life") and issue 14's product picker in the app: the flow timeline above the result
 * panels, the flow editor in the scenario form, and the product picker with the OneWelcome hook panel. Real
 * Chromium, the real engine in its worker; every wait is on state.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { currentRunId, usePlaygroundBrowser, waitForResult, seriousViolations } from "./harness";

const session = usePlaygroundBrowser();


async function open(): Promise<Page> {
  const opened = await session.open(await session.browser.newContext({ viewport: { width: 1440, height: 900 } }));
  await waitForResult(opened.page, 0, 20_000);
  await opened.page.waitForSelector('[data-testid="editor"][data-ready="true"] .monaco-editor');
  return opened.page;
}

async function pickSample(page: Page, id: string): Promise<void> {
  const before = await currentRunId(page);
  await page.getByTestId("scenario-select").selectOption(id);
  await waitForResult(page, before, 20_000);
}

const chips = (page: Page) => page.locator('[data-testid="flow-timeline"] [role="option"]');
const field = (page: Page, panelId: string, key: string) => page.locator(`[data-testid="${panelId}"] tr[data-field="${key}"]`);
const scenarioDoc = async (page: Page) => JSON.parse(await page.evaluate(() => window.__playground!.getScenarioText())) as Record<string, unknown>;

describe("flow timeline", () => {
  it("the seed flow sample shows its 7 requests with AM's statuses; the refresh token's introspection says refresh_token and is marked inferred", async () => {
    const page = await open();
    await pickSample(page, "seed-legacy-flow");
    await expect.poll(() => chips(page).count()).toBe(7);
    const statuses = await page.locator('[data-testid^="flow-step-"][data-testid$="-status"]').allTextContents();
    expect(statuses).toEqual(["302", "200", "200", "200", "200", "200", "200"]);
    await expect.poll(() => page.getByTestId("flow-step-0").getAttribute("class")).toContain("redirect");

    // Step 5: introspecting the refresh token.
    await page.getByTestId("flow-step-5").click();
    await expect.poll(() => page.getByTestId("flow-step-5").getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => field(page, "panel-introspection", "token_type").textContent()).toContain("refresh_token");
    const marker = page.getByTestId("flow-step-5-inferred");
    expect(await marker.isVisible()).toBe(true);
    expect(await marker.getAttribute("title")).toContain("never shows the script's fields");
    // The code exchange's issuance shows the script's token, not the introspection.
    await page.getByTestId("flow-step-1").click();
    await expect.poll(() => field(page, "panel-token-response", "hello").count()).toBe(1);
    expect(await page.getByTestId("flow-changes").textContent()).toContain("First token of this flow");

    // Arrow keys move along the timeline when it has focus.
    await page.getByTestId("flow-timeline").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.getByTestId("flow-step-2").getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => field(page, "panel-introspection", "mail").count()).toBe(1);
    await page.keyboard.press("End");
    await expect.poll(() => page.getByTestId("flow-step-6").getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => field(page, "panel-introspection", "active").textContent()).toContain("false");
  });

  it("the session-claim sample's refresh step says the claim was lost, and what changed", async () => {
    const page = await open();
    await pickSample(page, "session-claim-on-refresh");
    await expect.poll(() => chips(page).count()).toBe(4);
    await page.getByTestId("flow-step-2").click();
    await expect.poll(() => page.locator('[data-testid="flow-warnings"] li[data-code="claim-lost-on-refresh"]').count()).toBe(1);
    expect(await page.getByTestId("flow-changes-removed").textContent()).toContain("login_host");
    // The warnings panel below shows the step's warning too.
    expect(await page.getByTestId("panel-warnings").textContent()).toContain("claim-lost-on-refresh");
    // The code exchange before it still has the claim.
    await page.getByTestId("flow-step-1").click();
    await expect.poll(() => field(page, "panel-token", "login_host").count()).toBe(1);
  });

  it("editing the flow in the scenario form changes the chips", async () => {
    const page = await open();
    await pickSample(page, "seed-legacy-flow");
    await expect.poll(() => chips(page).count()).toBe(7);
    await page.getByTestId("tab-scenario").click();
    await page.getByTestId("scenario-view-form").click();
    const editor = page.getByTestId("flow-editor");
    await editor.waitFor();

    // Remove the last step: six chips, and the scenario JSON says so.
    let before = await currentRunId(page);
    await page.getByRole("button", { name: "Remove step 7" }).click();
    await waitForResult(page, before, 20_000);
    await expect.poll(() => chips(page).count()).toBe(6);
    expect(((await scenarioDoc(page)).flow as unknown[]).length).toBe(6);

    // Add a step, make it a revoke of the refresh token 60 s later, then introspect after that.
    before = await currentRunId(page);
    await page.getByTestId("flow-add-step").click();
    await waitForResult(page, before, 20_000);
    await expect.poll(() => chips(page).count()).toBe(7);
    before = await currentRunId(page);
    await page.getByLabel("Step 7 request").selectOption("revoke");
    await waitForResult(page, before, 20_000);
    await expect.poll(() => page.getByTestId("flow-step-6").textContent()).toContain("revoke");
    before = await currentRunId(page);
    await page.getByLabel("Step 7 seconds after the previous step").fill("60");
    await waitForResult(page, before, 20_000);
    const flow = (await scenarioDoc(page)).flow as Record<string, unknown>[];
    expect(flow[6]).toEqual({ request: "revoke", token: "refresh_token", after: 60 });
    await expect.poll(() => page.getByTestId("flow-step-6").textContent()).toContain("18:08:40");

    // Move the revoke up above the last introspection: the access token is then inactive.
    before = await currentRunId(page);
    await page.getByRole("button", { name: "Move step 7 up" }).click();
    await waitForResult(page, before, 20_000);
    await expect.poll(() => page.getByTestId("flow-step-5").textContent()).toContain("revoke");
    await page.getByTestId("flow-step-6").click();
    await expect.poll(() => page.getByTestId("flow-step-6").textContent()).toContain("introspect · refresh_token");
    await expect.poll(() => field(page, "panel-introspection", "active").textContent()).toContain("false");

    // A token step's scopes: the refresh asking for a scope the grant never had is refused (400 invalid_scope).
    before = await currentRunId(page);
    await page.getByLabel("Step 4 scopes (empty: the scenario's)").fill("access admin");
    await waitForResult(page, before, 20_000);
    await expect.poll(() => page.getByTestId("flow-step-3-status").textContent()).toBe("400");
    expect(((await scenarioDoc(page)).flow as Record<string, unknown>[])[3]).toMatchObject({ request: "token", grantType: "refresh_token", scopes: ["access", "admin"] });

    // Its grant type: client credentials issue for the client whatever the grant held, so the same scopes answer 200.
    before = await currentRunId(page);
    await page.getByLabel("Step 4 grant type").selectOption("client_credentials");
    await waitForResult(page, before, 20_000);
    await expect.poll(() => page.getByTestId("flow-step-3").textContent()).toContain("client_credentials");
    await expect.poll(() => page.getByTestId("flow-step-3-status").textContent()).toBe("200");
  });

  it("axe-core finds no critical or serious violation on the timeline, nor in the flow editor", async () => {
    const page = await open();
    await pickSample(page, "session-claim-on-refresh");
    await expect.poll(() => chips(page).count()).toBe(4);
    await page.getByTestId("flow-step-2").click();
    await page.getByTestId("flow-warnings").waitFor();
    const audit = (selector: string) => seriousViolations(page, selector);
    expect(await audit('section[aria-label="Flow"]')).toEqual([]);
    await page.getByTestId("tab-scenario").click();
    await page.getByTestId("scenario-view-form").click();
    await page.getByTestId("flow-editor").waitFor();
    expect(await audit('[data-testid="flow-editor"]')).toEqual([]);
  });
});

describe("macaroon access tokens", () => {
  it("the token panel shows the macaroon and its third-party caveat; the introspection that carries the discharge shows its X-Discharge-Macaroon header and answers active", async () => {
    const page = await open();
    await pickSample(page, "macaroon-terms");
    await expect.poll(() => chips(page).count()).toBe(6);
    await page.getByTestId("flow-step-1").click();
    await expect.poll(() => page.getByTestId("macaroon-size").textContent()).toMatch(/^Macaroon access token: [\d,]+ bytes$/);
    expect(await page.locator('[data-testid="macaroon-caveats"] li').allTextContents()).toEqual(["third-party: terms-accepted (discharged by https://terms.example.com/)"]);
    expect(await seriousViolations(page, '[data-testid="macaroon"]')).toEqual([]);
    // Without the discharge the token is inactive, and no discharge header is shown.
    await page.getByTestId("flow-step-2").click();
    await expect.poll(() => field(page, "panel-introspection", "active").textContent()).toContain("false");
    expect(await page.getByTestId("flow-request-headers").count()).toBe(0);
    // An introspection issues no token: the empty Token panel says so of the step, not of the scenario.
    expect(await page.getByTestId("panel-token").textContent()).toContain("No token at this step: introspect · access_token answers none.");
    await page.getByTestId("flow-step-3").click();
    await expect.poll(() => field(page, "panel-introspection", "active").textContent()).toContain("true");
    const headers = page.getByTestId("flow-request-headers");
    expect(await headers.locator("summary").textContent()).toBe("Request headers: X-Discharge-Macaroon (1)");
    await headers.locator("summary").click();
    expect(await headers.locator("pre").textContent()).toMatch(/^X-Discharge-Macaroon: [A-Za-z0-9_-]+$/);
  });
});

describe("product picker", () => {
  it("switching to OneWelcome writes product into the scenario and shows the hook's request body", async () => {
    const page = await open();
    await pickSample(page, "onewelcome-subscriptions");
    await page.getByTestId("hook-panel").waitFor();
    expect(await page.getByTestId("product-select").inputValue()).toBe("onewelcome");

    // The seed sample is AM's; the picker makes it OneWelcome's hook handler input.
    await pickSample(page, "seed-legacy");
    expect(await page.getByTestId("product-select").inputValue()).toBe("am");
    expect(await page.getByTestId("hook-panel").count()).toBe(0);
    const before = await currentRunId(page);
    await page.getByTestId("product-select").selectOption("onewelcome");
    await waitForResult(page, before, 20_000);
    expect((await scenarioDoc(page)).product).toBe("onewelcome");
    await page.getByTestId("hook-panel").waitFor();
    const body = JSON.parse((await page.getByTestId("hook-request-body").textContent()) ?? "null") as Record<string, unknown>;
    expect(Object.keys(body).length).toBeGreaterThan(0);
    expect(await page.getByTestId("hook-request-line").textContent()).toMatch(/^POST /);
  });

  it("with IBM picked the panels speak of IBM: the empty Logs panel points at traceString, not AM's logger", async () => {
    const page = await open();
    await pickSample(page, "seed-legacy");
    await expect.poll(() => page.getByTestId("panel-logs").textContent()).toContain("logger.");
    const before = await currentRunId(page);
    await page.getByTestId("product-select").selectOption("ibm-verify-access");
    await waitForResult(page, before, 20_000);
    // AM's script as an IBM rule logs nothing: the hint names IBM's trace, and no panel names AM's logger or endpoint.
    await expect.poll(() => page.getByTestId("panel-logs").textContent()).toContain("IDMappingExtUtils.traceString(");
    expect(await page.getByTestId("panel-logs").textContent()).not.toContain("logger.");
    // The rule fails (AM's accessToken is no IBM binding): the client's answer names IBM's request, not AM's endpoint.
    await expect.poll(() => page.getByTestId("failure-response").textContent()).toContain("The access_token request →");
    expect(await page.getByTestId("failure-response").textContent()).not.toContain("/oauth2/");
    // The collapsed AM result under the failure is labelled as not what IBM issues.
    expect(await page.locator('[data-testid="panel-token"] [data-testid="previous-result"] summary').textContent()).toContain("not what IBM Verify Access issues now");
  });

  it("the IBM samples show the request view: state_id and associations", async () => {
    const page = await open();
    await pickSample(page, "ibm-associations");
    expect(await page.getByTestId("product-select").inputValue()).toBe("ibm-verify-access");
    await page.getByTestId("ibm-panel").waitFor();
    expect(await page.getByTestId("ibm-associations").textContent()).not.toBe("");
    await pickSample(page, "ibm-state-sharing-flow");
    await expect.poll(() => chips(page).count()).toBe(5);
    await page.getByTestId("ibm-panel").waitFor();
  });
});

describe("IBM's userinfo step", () => {
  it("the flow editor offers userinfo for IBM only; the added step's chip shows its status and the rule's STSUU changes", async () => {
    const page = await open();
    await pickSample(page, "ibm-state-sharing-flow");
    await expect.poll(() => chips(page).count()).toBe(5);
    await page.getByTestId("tab-scenario").click();
    await page.getByTestId("scenario-view-form").click();
    await page.getByTestId("flow-editor").waitFor();
    const options = (n: number) => page.getByLabel(`Step ${n} request`).locator("option:not([disabled])").allTextContents();
    expect(await options(1)).toContain("userinfo");

    // A sixth step, made a userinfo request: it runs the rules with the grant's current access token.
    let before = await currentRunId(page);
    await page.getByTestId("flow-add-step").click();
    await waitForResult(page, before, 20_000);
    before = await currentRunId(page);
    await page.getByLabel("Step 6 request").selectOption("userinfo");
    await waitForResult(page, before, 20_000);
    expect(((await scenarioDoc(page)).flow as Record<string, unknown>[])[5]).toEqual({ request: "userinfo" });
    const chip = page.getByTestId("flow-step-5");
    await expect.poll(() => chip.textContent()).toContain("userinfo");
    expect(await page.getByTestId("flow-step-5-status").textContent()).toBe(await chip.getAttribute("data-status"));
    await chip.click();
    await expect.poll(() => page.getByTestId("flow-changes").textContent()).toMatch(/^The (pre|post)-token rule changed in the STSUU: /);
    await page.getByTestId("ibm-panel").waitFor();

    // AM refuses a userinfo step: with AM picked the scenario is refused (the panels grey), the editor no longer
    // offers userinfo, and the step left says why.
    await page.getByTestId("product-select").selectOption("am");
    await expect.poll(() => page.getByTestId("panel-token").getAttribute("data-stale")).toBe("true");
    expect(await options(1)).not.toContain("userinfo");
    await expect.poll(() => page.getByTestId("flow-editor-step-5-note").textContent()).toContain("does not run at /userinfo");
  });
});

describe("flow timeline and stale input", () => {
  it("greys the timeline with the panels while the scenario is invalid", async () => {
    const page = await open();
    await pickSample(page, "seed-legacy-flow");
    await expect.poll(() => chips(page).count()).toBe(7);
    await page.evaluate(() => {
      const probe = window.__playground!;
      const doc = JSON.parse(probe.getScenarioText());
      probe.setScenarioText(JSON.stringify({ ...doc, flow: [{ request: "nonsense" }] }, null, 2));
    });
    await expect.poll(() => page.getByTestId("panel-token").getAttribute("data-stale")).toBe("true");
    expect(await page.locator('section[aria-label="Flow"]').getAttribute("data-stale")).toBe("true");
    expect(await chips(page).count()).toBe(7);
  });
});
