/**
 * The README's screenshot (npm run screenshot; needs `npm run build:web` first): the built app in Chromium at
 * 1440×900, light theme, on the seed's next-generation sample, written to docs/screenshot.png. A command makes
 * it so the picture shows the layout the code has now, not one someone took by hand long ago.
 */
import { fileURLToPath } from "node:url";
import { it } from "vitest";
import { currentRunId, usePlaygroundBrowser, waitForEditor, waitForResult } from "./harness";

const SAMPLE = "seed-next-gen";
const OUT = fileURLToPath(new URL("../../docs/screenshot.png", import.meta.url));

// The session checks after the shot that the page logged no error and reached nothing beyond 127.0.0.1.
const session = usePlaygroundBrowser();

it(`shoots the app on ${SAMPLE} into docs/screenshot.png`, async () => {
  const { page } = await session.open();
  await waitForResult(page, 0, 30_000);
  await waitForEditor(page, 30_000);
  const before = await currentRunId(page);
  await page.getByTestId("scenario-select").selectOption(SAMPLE);
  await waitForResult(page, before, 30_000);
  // The caret and hover states would differ from shot to shot.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: OUT });
});
