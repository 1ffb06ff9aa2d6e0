/**
 * The page's watchdog in real Chromium: a builtin that never polls QuickJS's interrupt
 * (`new Array(1e9).join()`) keeps the worker busy past the script's time limit; the page must
 * terminate and replace the worker, show a timeout, and run the next script normally.
 */
import { describe, expect, it } from "vitest";
import { currentRunId, typeInEditor, usePlaygroundBrowser, waitForEditor, waitForResult } from "./harness";

const session = usePlaygroundBrowser();

describe("the page's watchdog", () => {
  it("stops a builtin that ignores the time limit within about 2 s and the next run works", async () => {
    const { page } = await session.open();
    await waitForResult(page, 0, 20_000);
    // Timed from when the user can type (Monaco loads after the first result).
    await waitForEditor(page);
    const before = await currentRunId(page);
    const started = Date.now();
    await typeInEditor(page, "new Array(1e9).join();");
    await waitForResult(page, before, 15_000);
    await expect.poll(() => page.getByTestId("error-banner").getAttribute("data-kind")).toBe("timeout");
    // 1 s script limit + 1 s watchdog margin, plus the debounce and a loaded CI machine's slack.
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect.poll(() => page.getByTestId("error-banner").textContent()).toMatch(/time|watchdog|stopped/i);

    const stuck = await currentRunId(page);
    await typeInEditor(page, "accessToken.setField('after', 'watchdog');");
    await waitForResult(page, stuck, 20_000);
    await expect
      .poll(() => page.locator('[data-testid="panel-introspection"] tr[data-field="after"]').textContent())
      .toContain('"watchdog"');
  });
});
