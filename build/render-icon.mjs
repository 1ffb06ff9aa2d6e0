// Regenerates build/icon.png (1024×1024) from build/icon.svg with the system Chromium:
//   node build/render-icon.mjs
// electron-builder derives the Windows .ico and macOS .icns from this PNG.
import { chromium } from "playwright-core";
import { readFile } from "node:fs/promises";

const svg = await readFile(new URL("./icon.svg", import.meta.url), "utf8");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator("svg").screenshot({ path: new URL("./icon.png", import.meta.url).pathname, omitBackground: true });
await browser.close();
