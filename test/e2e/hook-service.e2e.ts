/**
 * Issue 14: a OneWelcome scenario's `hookUrl` names the user's own hook service on this machine, and the app
 * calls it: the sample service (samples/onewelcome-hook-service.mjs, with the CORS answers the browser build needs), the real
 * page in Chromium, the real engine in its worker. Nothing is sent before the user allows the address; a
 * refused address is never called and the result says so. Every wait is on state.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "node:http";
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { Page } from "playwright-core";
import { RESULTS_DIR, currentRunId, seriousViolations, usePlaygroundBrowser, waitForResult } from "./harness";

const session = usePlaygroundBrowser();

/** The sample hook service (samples/onewelcome-hook-service.mjs), started as a user starts it, its lines read back. */
let service: ChildProcess;
let port = 0;
const received: string[] = [];

beforeAll(async () => {
  service = spawn(process.execPath, ["samples/onewelcome-hook-service.mjs", "--port", "0", "--user", "hook", "--password", "secret"], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: service.stdout! });
  port = await new Promise<number>((resolve, reject) => {
    service.once("exit", (code) => reject(new Error(`the sample hook service exited (${code})`)));
    lines.on("line", (line) => {
      const listening = /^listening on http:\/\/127\.0\.0\.1:(\d+)$/.exec(line);
      if (listening) resolve(Number(listening[1]));
      else received.push(line);
    });
  });
});
afterAll(() => void service.kill());

async function openOneWelcome(options: { tolerate?: RegExp[]; allow?: string[] } = {}): Promise<Page> {
  // The page may reach the test's hook service, and nothing else beyond its own origin.
  const allowOrigins = options.allow ?? [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const { page } = await session.open(await session.browser.newContext({ viewport: { width: 1440, height: 900 } }), { allowOrigins, toleratedProblems: options.tolerate ?? [] });
  await waitForResult(page, 0, 20_000);
  const before = await currentRunId(page);
  await page.getByTestId("scenario-select").selectOption("onewelcome-subscriptions");
  await waitForResult(page, before, 20_000);
  return page;
}

/** The sample's scenario with the hook settings given, written through the editor as typing would. */
async function useHookSettings(page: Page, onewelcome: Record<string, unknown>): Promise<void> {
  const scenario = JSON.parse(await page.evaluate(() => window.__playground!.getScenarioText())) as Record<string, unknown>;
  const text = JSON.stringify({ ...scenario, onewelcome }, null, 2);
  await page.evaluate((t) => window.__playground!.setScenarioText(t), text);
}

const banner = (page: Page) => page.getByTestId("error-banner");

describe("a hook service on this machine", () => {
  it("asks before the first call, sends nothing until allowed, then shows the service's answer in the hook panel and the token", async () => {
    // The second call goes without credentials on purpose: Chromium logs the service's 401.
    const page = await openOneWelcome({ tolerate: [/status of 401/] });
    received.length = 0;
    await useHookSettings(page, { hookUrl: `http://127.0.0.1:${port}`, authentication: "basic", username: "hook", password: "secret" });

    const question = page.getByTestId("hook-question");
    await question.waitFor();
    expect(await question.getAttribute("aria-label")).toBe(`Call the hook service at 127.0.0.1:${port}?`);
    expect(await page.getByTestId("hook-question-url").textContent()).toBe(`http://127.0.0.1:${port}/v1/customize-access-token`);
    await expect.poll(() => banner(page).textContent()).toContain(`asks before it calls 127.0.0.1:${port} for the first time`);
    expect(received).toEqual([]);
    await question.screenshot({ path: `${RESULTS_DIR}/hook-question.png` });
    expect(await seriousViolations(page, '[data-testid="hook-question"]')).toEqual([]);

    const before = await currentRunId(page);
    // It leaves the focus where the user was typing (a keystroke must not answer it); from the keyboard, Enter on
    // its button allows.
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="hook-question"]') ?? null)).toBeNull();
    await page.getByTestId("hook-allow").focus();
    await page.keyboard.press("Enter");
    await waitForResult(page, before, 20_000);
    await expect.poll(() => page.getByTestId("hook-panel").textContent()).toContain(`answered by the service at 127.0.0.1:${port}`);
    expect(await page.getByTestId("hook-question").count()).toBe(0);
    // The service checks the Basic credentials (401 otherwise) and answers from the scopes it was sent.
    await expect.poll(() => received).toEqual(['POST /v1/customize-access-token → 200 {"removeScopes":["reports"],"additionalClaims":{"plan":"basic","answeredBy":"onewelcome-hook-service.mjs"}}']);
    expect(await page.getByTestId("hook-response-status").textContent()).toBe("HTTP 200");
    expect(await page.getByTestId("hook-response-body").textContent()).toContain("onewelcome-hook-service.mjs");
    expect(await banner(page).count()).toBe(0);
    // removeScopes took "reports" out of the grant; additionalClaims went into the JWT.
    await expect.poll(() => page.getByTestId("panel-token").textContent()).toContain("answeredBy");
    expect(await page.getByTestId("panel-token-response").textContent()).toContain('"profile email"');
    await page.screenshot({ path: `${RESULTS_DIR}/hook-service-answered.png` });

    // Allowed for this window: the next edit's run calls it again without asking (and without credentials, the
    // service says 401, which the result shows against the contract).
    const again = await currentRunId(page);
    await useHookSettings(page, { hookUrl: `http://127.0.0.1:${port}/`, authentication: "none" });
    await waitForResult(page, again, 20_000);
    await expect.poll(() => received.length).toBe(2);
    expect(received[1]).toBe('POST /v1/customize-access-token → 401 {"error":"unauthorized"}');
    expect(await page.getByTestId("hook-question").count()).toBe(0);
    await expect.poll(() => page.getByTestId("hook-response-status").textContent()).toBe("HTTP 401");
  });

  it("an address the user refuses (Escape) is never called, and the result says why", async () => {
    const page = await openOneWelcome();
    received.length = 0;
    await useHookSettings(page, { hookUrl: `http://localhost:${port}` });
    const question = page.getByTestId("hook-question");
    await question.waitFor();
    const before = await currentRunId(page);
    await page.getByTestId("hook-refuse").focus();
    await page.keyboard.press("Escape");
    await waitForResult(page, before, 20_000);
    await expect.poll(() => banner(page).textContent()).toContain(`was not called: you chose not to let this window call localhost:${port}`);
    expect(await question.count()).toBe(0);
    expect(await page.getByTestId("hook-response-status").textContent()).toBe("No answer from the hook.");
    expect(await page.getByTestId("hook-panel").textContent()).toContain(`no answer from the service at localhost:${port}`);
    expect(received).toEqual([]);
  });

  it("a service that is down is reported as not reachable, with what the browser build needs of it", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    // Chromium logs the refused connection itself; that is the point of this test.
    const page = await openOneWelcome({ allow: [`http://127.0.0.1:${deadPort}`], tolerate: [/ERR_CONNECTION_REFUSED/] });
    await useHookSettings(page, { hookUrl: `http://127.0.0.1:${deadPort}` });
    await page.getByTestId("hook-question").waitFor();
    const before = await currentRunId(page);
    await page.getByTestId("hook-allow").click();
    await waitForResult(page, before, 20_000);
    await expect.poll(() => banner(page).textContent()).toContain(`The hook service at http://127.0.0.1:${deadPort}/v1/customize-access-token did not answer: it could not be reached`);
    expect(await banner(page).textContent()).toContain("Access-Control-Allow-Origin");
  });

  it("a question the scenario no longer needs goes away, and an address the browser build's CSP cannot reach is refused as such", async () => {
    const page = await openOneWelcome({ allow: [] });
    received.length = 0;
    await useHookSettings(page, { hookUrl: `http://127.0.0.1:${port}` });
    await page.getByTestId("hook-question").waitFor();
    // The scenario moves on (the script answers again): the stale question is not left to be allowed.
    const scenario = JSON.parse(await page.evaluate(() => window.__playground!.getScenarioText())) as Record<string, unknown>;
    delete scenario.onewelcome;
    await page.evaluate((t) => window.__playground!.setScenarioText(t), JSON.stringify(scenario, null, 2));
    await expect.poll(() => page.getByTestId("hook-question").count()).toBe(0);

    // 127.0.0.2 is this machine, but the page's CSP can name only 127.0.0.1 and localhost.
    await useHookSettings(page, { hookUrl: `http://127.0.0.2:${port}` });
    await page.getByTestId("hook-question").waitFor();
    const before = await currentRunId(page);
    await page.getByTestId("hook-allow").click();
    await waitForResult(page, before, 20_000);
    await expect.poll(() => banner(page).textContent()).toContain("was not called: the browser build can reach only http://127.0.0.1 and http://localhost");
    expect(received).toEqual([]);
  });
});

