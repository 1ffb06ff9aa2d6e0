/**
 * Issue 15's features for a support engineer, in real Chromium: the JWT view (encoded beside decoded,
 * readable times, signature checked with the demo keys), the HTTP pane as request/response pairs, Copy as
 * cURL, Save as test case (checked by the engine's own case runner), the theme choice, the layout reset.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { run } from "../../engine";
import { checkExpectation } from "../../engine/cases";
import { RESULTS_DIR, currentRunId, usePlaygroundBrowser, waitForResult, seriousViolations } from "./harness";

const session = usePlaygroundBrowser();

async function open(): Promise<Page> {
  const opened = await session.open();
  await waitForResult(opened.page, 0, 20_000);
  await opened.page.waitForSelector('[data-testid="editor"][data-ready="true"] .monaco-editor');
  await opened.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  return opened.page;
}



const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

async function editScenario(page: Page, patch: Record<string, unknown>): Promise<void> {
  const before = await currentRunId(page);
  await page.evaluate((p) => {
    const probe = window.__playground!;
    probe.setScenarioText(JSON.stringify({ ...JSON.parse(probe.getScenarioText()), ...p }, null, 2));
  }, patch);
  await waitForResult(page, before);
}

describe("the JWT view", () => {
  it("shows a client-side token encoded beside decoded, times as dates, and its signature verified with the demo secret", async () => {
    const page = await open();
    await editScenario(page, { token: { storage: "client-side" }, scopes: ["access", "openid"] });
    const jwt = page.getByTestId("panel-token").getByTestId("jwt");
    // Encoded and decoded sit side by side once the column is wide enough (here widened with the keyboard).
    await page.getByRole("separator", { name: "Resize token column" }).focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => jwt.getByTestId("jwt-signature").textContent()).toMatch(/Signature verified with the demo HMAC secret/);
    const encoded = (await jwt.locator(".jwt-encoded").boundingBox())!;
    const decoded = (await jwt.locator(".jwt-decoded").boundingBox())!;
    expect(decoded.x).toBeGreaterThan(encoded.x + encoded.width - 1);
    expect(await jwt.locator('tr[data-field="exp"] .value-note').textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    await jwt.getByRole("button", { name: "Copy token: Client-side token (JWT), encoded" }).click();
    await expect.poll(() => clipboard(page)).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    // The demo JWKS is shown and copyable.
    await jwt.locator("details.jwks summary").click();
    await jwt.getByRole("button", { name: "Copy JWKS of the demo keys" }).click();
    const jwks = JSON.parse(await clipboard(page)) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toContain("playground-demo-rsa");
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);

    // The ID token is a JWT too, RS256 with the demo key.
    const idToken = page.getByTestId("panel-token-response").getByTestId("id-token");
    await expect.poll(() => idToken.getByTestId("id-token-signature").textContent()).toMatch(/verified with the demo public key "playground-demo-rsa"/);
    expect(await idToken.locator('tr[data-field="iat"] .value-note').textContent()).toMatch(/UTC$/);
    await page.screenshot({ path: `${RESULTS_DIR}/jwt-view.png` });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("a token signed with the scenario's own HS256 secret verifies with that secret", async () => {
    const page = await open();
    await editScenario(page, { token: { storage: "client-side", signing: { alg: "HS256", secret: "a-secret-of-the-scenario-at-least-32-bytes" } } });
    await expect
      .poll(() => page.getByTestId("jwt-signature").textContent())
      .toMatch(/verified with the scenario's HMAC secret/);
  });
});

describe("the HTTP pane", () => {
  it("shows each call's request and the mock's response, which mock answered and why the others missed", async () => {
    const page = await open();
    const before = await currentRunId(page);
    await page.getByTestId("scenario-select").selectOption("seed-next-gen");
    await waitForResult(page, before);
    const doc = JSON.parse(await page.evaluate(() => window.__playground!.getScenarioText()));
    // A mock before the right one, that does not match: the pane says why.
    await editScenario(page, { http: [{ name: "wrong path", request: { method: "GET", url: "https://dummyjson.com/users" }, response: { status: 404 } }, ...doc.http] });
    const call = page.getByTestId("panel-http").getByTestId("http-call").first();
    await call.locator("summary").click();
    expect(await call.locator("summary").textContent()).toMatch(/GET https:\/\/dummyjson.com\/ip → 200 · mock #1 "dummyjson IP lookup"/);
    expect(await call.getByTestId("http-response-status").textContent()).toBe("200 OK");
    expect(await call.textContent()).toContain('"ip": "1.70.145.10"');
    expect(await call.textContent()).toContain("Content-Type");
    expect(await call.textContent()).toMatch(/mock #0 "wrong path": URL: the script sent https:\/\/dummyjson.com\/ip, the mock expects https:\/\/dummyjson.com\/users/);
    await call.getByRole("button", { name: "Copy as cURL: call 1" }).click();
    await expect.poll(() => clipboard(page)).toMatch(/^curl 'https:\/\/dummyjson.com\/ip'/);
    await page.screenshot({ path: `${RESULTS_DIR}/http-pane.png` });
    // Next-gen (IDM panel shown) with a call opened: still no critical or serious accessibility violation.
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe("Copy as cURL", () => {
  it("copies the token and introspection requests, secrets as placeholders", async () => {
    const page = await open();
    await page.getByTestId("panel-token-response").getByRole("button", { name: "Copy as cURL: the token request" }).click();
    const token = await clipboard(page);
    expect(token).toMatch(/^curl -X POST '.+\/access_token'/);
    expect(token).toContain("grant_type=authorization_code");
    expect(token).toContain("scope=access");
    expect(token).toContain("<client-secret>");
    await page.getByTestId("panel-introspection").getByRole("button", { name: "Copy as cURL: the introspection request" }).click();
    const introspect = await clipboard(page);
    expect(introspect).toMatch(/^curl -X POST '.+\/introspect'/);
    const accessToken = await page.locator('[data-testid="panel-token-response"] tr[data-field="access_token"] pre').textContent();
    expect(introspect).toContain(`token=${JSON.parse(accessToken!)}`);
  });
});

describe("Save as test case", () => {
  it("saves the scenario with the current result as its expectation, and the engine's case runner passes it", async () => {
    const page = await open();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("save-test-case").click()]);
    expect(download.suggestedFilename()).toBe("seed-legacy.case.json");
    const saved = JSON.parse(readFileSync((await download.path())!, "utf8")) as Record<string, unknown> & { expect: Record<string, unknown> };
    expect(saved.script).toBe("seed-legacy.js");
    expect(saved.expect).toMatchObject({ ok: true, introspection: { mail: ["user@example.com"], phone: "(555) 323-1234" }, tokenResponse: { hello: "world" } });
    const script = readFileSync("samples/seed-legacy.js", "utf8");
    const { expect: expectation, script: _script, ...scenario } = saved;
    expect(checkExpectation(expectation, await run(script, scenario))).toEqual([]);
    // It fails when the script stops doing what it did.
    expect(checkExpectation(expectation, await run(script.replace("addExtraData('hello', 'world')", "addExtraData('hello', 'moon')"), scenario))).not.toEqual([]);
  });
});

describe("theme and layout", () => {
  it("the theme can be chosen (light, dark, system) and is remembered", async () => {
    const page = await open();
    expect(await page.locator(".app").getAttribute("class")).toContain("theme-light");
    await page.getByTestId("theme-select").selectOption("dark");
    await expect.poll(() => page.locator(".app").getAttribute("class")).toContain("theme-dark");
    await page.locator('[data-testid="editor"] .monaco-editor.vs-dark').waitFor();
    await page.reload();
    await waitForResult(page, 0, 20_000);
    expect(await page.locator(".app").getAttribute("class")).toContain("theme-dark");
    await page.getByTestId("theme-select").selectOption("system");
    await expect.poll(() => page.locator(".app").getAttribute("class")).toContain("theme-light");
  });

  it("the layout is remembered and Reset layout brings back the defaults, also after a reload", async () => {
    const page = await open();
    const splitter = page.getByRole("separator", { name: "Resize editor" });
    const start = Number(await splitter.getAttribute("aria-valuenow"));
    await splitter.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(async () => Number(await splitter.getAttribute("aria-valuenow"))).toBe(start + 6);
    await page.reload();
    await waitForResult(page, 0, 20_000);
    expect(Number(await page.getByRole("separator", { name: "Resize editor" }).getAttribute("aria-valuenow"))).toBe(start + 6);
    await page.getByTestId("reset-layout").click();
    await expect.poll(async () => Number(await page.getByRole("separator", { name: "Resize editor" }).getAttribute("aria-valuenow"))).toBe(start);
    await page.reload();
    await waitForResult(page, 0, 20_000);
    expect(Number(await page.getByRole("separator", { name: "Resize editor" }).getAttribute("aria-valuenow"))).toBe(start);
  });
});
