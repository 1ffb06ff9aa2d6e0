/**
 * UI latency in Chromium (npm run bench:ui; needs `npm run build:web` first):
 * - first result after page load (navigation start → first result painted), over fresh page loads;
 * - edit-to-result: an edit of the seed scripts → its result painted, over 200 edits, reported with and
 *   without the run-as-you-type debounce.
 * Results go to docs/benchmarks-ui.md and docs/benchmarks-ui.json, with the 1-minute load average of the
 * machine before and after (the figures mean little on a busy machine).
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import os from "node:os";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPlayground, serveStatic, waitForEditor, waitForResult, type StaticServer } from "./harness";

const PAGE_LOADS = 7;
const EDITS = 200;
/** Targets: issue 17's (the stricter) and issue 15's. */
const TARGETS = {
  firstResultP50Ms: { strict: 1000, relaxed: 1200 },
  editBeyondDebounceP95Ms: { strict: 15, relaxed: 30 },
};
const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));

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

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** One edit through the editor model (the same path as typing) and the time until its result was painted. */
async function timedEdit(page: Page, text: string): Promise<{ totalMs: number; ok: boolean }> {
  return page.evaluate(async (script) => {
    const probe = window.__playground!;
    const seen = probe.results.length;
    probe.setScript(script);
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 2));
      const last = probe.results[probe.results.length - 1];
      if (probe.results.length > seen && last) return { totalMs: last.shownAt - last.editedAt, ok: last.ok };
    }
    throw new Error("no result within 10 s");
  }, text);
}

const loadAverage = () => round(os.loadavg()[0]);

it("measures first result and edit-to-result latency", async () => {
  const loadBefore = loadAverage();
  const firstResults: number[] = [];
  const phases = { workerStarted: [] as number[], firstRunPosted: [] as number[], appMounted: [] as number[], engineAnswered: [] as number[], editorReady: [] as number[] };
  for (let i = 0; i < PAGE_LOADS; i++) {
    const opened = await openPlayground(browser, server.url);
    await waitForResult(opened.page, 0, 30_000);
    await opened.page.waitForFunction(() => window.__playground?.firstResultAt != null);
    await waitForEditor(opened.page, 30_000);
    const times = await opened.page.evaluate(() => {
      const p = window.__playground!;
      return {
        shown: p.firstResultAt!,
        workerStarted: p.workerStartedAt ?? NaN,
        firstRunPosted: p.firstRunPostedAt ?? NaN,
        appMounted: p.mountedAt,
        engineAnswered: p.firstAnsweredAt ?? NaN,
        editorReady: p.editorReadyAt ?? NaN,
      };
    });
    firstResults.push(times.shown);
    for (const phase of Object.keys(phases) as (keyof typeof phases)[]) phases[phase].push(times[phase]);
    await opened.context.close();
  }
  const breakdownP50 = Object.fromEntries(Object.entries(phases).map(([phase, values]) => [phase, round(percentile(values, 50))])) as Record<keyof typeof phases, number>;

  const opened = await openPlayground(browser, server.url);
  const page = opened.page;
  await waitForResult(page, 0, 30_000);
  await waitForEditor(page, 30_000);
  const debounceMs = await page.evaluate(() => window.__playground!.runDebounceMs);
  const samples: { sample: string; totalMs: number }[] = [];
  for (const sampleId of ["seed-legacy", "seed-next-gen"]) {
    const before = Number(await page.getByTestId("run-status").getAttribute("data-run-id"));
    await page.getByTestId("scenario-select").selectOption(sampleId);
    await waitForResult(page, before);
    const seed = await page.evaluate(() => window.__playground!.getScript());
    for (let i = 0; i < EDITS / 2; i++) {
      // A realistic edit: a changed literal in a new line, as when a user tries a value.
      const edited = `${seed}\naccessToken.setField('edit', ${i});\n`;
      const { totalMs, ok } = await timedEdit(page, edited);
      expect(ok).toBe(true);
      samples.push({ sample: sampleId, totalMs });
    }
  }
  await opened.context.close();

  const totals = samples.map((s) => s.totalMs);
  const beyond = totals.map((t) => t - debounceMs);
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", platform: `${os.platform()} ${os.release()}`, loadAverage1m: { before: loadBefore, after: loadAverage() } },
    browser: browser.version(),
    debounceMs,
    firstResultMs: {
      runs: PAGE_LOADS,
      p50: round(percentile(firstResults, 50)),
      max: round(Math.max(...firstResults)),
      all: firstResults.map(round),
      breakdownP50,
    },
    editToResultMs: {
      edits: totals.length,
      p50: round(percentile(totals, 50)),
      p95: round(percentile(totals, 95)),
      beyondDebounce: { p50: round(percentile(beyond, 50)), p95: round(percentile(beyond, 95)), max: round(Math.max(...beyond)) },
    },
    targets: TARGETS,
  };
  writeFileSync(docs("benchmarks-ui.json"), JSON.stringify(report, null, 2) + "\n");
  const verdict = (value: number, target: { strict: number; relaxed: number }, unit: string) =>
    `≤ ${target.strict} ${unit} (issue 17): ${value <= target.strict ? "meets" : "MISSED"}; ≤ ${target.relaxed} ${unit} (issue 15): ${value <= target.relaxed ? "meets" : "MISSED"}`;
  const b = report.firstResultMs.breakdownP50;
  const load = report.machine.loadAverage1m;
  writeFileSync(
    docs("benchmarks-ui.md"),
    `# UI latency (Chromium)

Measured by \`npm run bench:ui\` (test/e2e/ui-latency.bench-ui.ts) against the built site (\`npm run build:web\`)
served on 127.0.0.1, in headless ${report.browser}, on ${report.machine.cpus}× ${report.machine.cpu} (${report.machine.platform}),
${report.date.slice(0, 10)}; load average (1 min) ${load.before} before, ${load.after} after.

| measure | p50 | p95 / max | target |
|---|---|---|---|
| first result after page load (navigation start → first result painted, ${PAGE_LOADS} fresh loads) | ${report.firstResultMs.p50} ms | max ${report.firstResultMs.max} ms | p50 ${verdict(report.firstResultMs.p50, TARGETS.firstResultP50Ms, "ms")} |
| edit → result painted, including the ${debounceMs} ms run-as-you-type debounce (${totals.length} edits) | ${report.editToResultMs.p50} ms | p95 ${report.editToResultMs.p95} ms | |
| edit → result painted, beyond the debounce | ${report.editToResultMs.beyondDebounce.p50} ms | p95 ${report.editToResultMs.beyondDebounce.p95} ms | p95 ${verdict(report.editToResultMs.beyondDebounce.p95, TARGETS.editBeyondDebounceP95Ms, "ms")} |

The path to the first result (p50 of each moment, ms after navigation start):

| moment | p50 |
|---|---|
| the entry chunk started the engine worker | ${b.workerStarted} ms |
| boot posted the opening run to it (samples read, scenario validated) | ${b.firstRunPosted} ms |
| the UI bundle loaded and the app first rendered (without Monaco) | ${b.appMounted} ms |
| the worker answered the opening run (its script compiled and evaluated, QuickJS loaded, the run) | ${b.engineAnswered} ms |
| **the first result painted** | ${report.firstResultMs.p50} ms |
| Monaco loaded and the editor created (it starts loading after the first result) | ${b.editorReady} ms |

Edits: ${EDITS / 2} on the seed's legacy script and ${EDITS / 2} on its next-generation script, each adding
\`accessToken.setField('edit', i)\` through the editor model (the path typing takes), one at a time, each
timed from the model change to the frame after its result was rendered. "Beyond the debounce" subtracts the
${debounceMs} ms the page waits for typing to pause. Raw numbers: \`docs/benchmarks-ui.json\`.
`,
  );
  console.log(JSON.stringify(report, null, 2));
});
