/**
 * The README's screenshot (npm run screenshot; needs `npm run build:web` first): the built app in Chromium at
 * 1440×900, light theme, on the seed's next-generation sample, written to docs/screenshot.png. A command makes
 * it so the picture shows the layout the code has now, not one someone took by hand long ago.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { currentRunId, launchBrowser, openPlayground, serveStatic, waitForEditor, waitForResult, type StaticServer } from "./harness";

const SAMPLE = "seed-next-gen";
const OUT = fileURLToPath(new URL("../../docs/screenshot.png", import.meta.url));

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it(`shoots the app on ${SAMPLE} into docs/screenshot.png`, async () => {
  const { page, context, problems } = await openPlayground(browser, server.url);
  await waitForResult(page, 0, 30_000);
  await waitForEditor(page, 30_000);
  const before = await currentRunId(page);
  await page.getByTestId("scenario-select").selectOption(SAMPLE);
  await waitForResult(page, before, 30_000);
  // The caret and hover states would differ from shot to shot.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: OUT });
  expect(problems).toEqual([]);
  await context.close();
});
