/**
 * End-to-end harness: serves dist/web/ from an in-process static server on 127.0.0.1 (with the
 * production CSP as a header, as a real server must send it for the worker) and drives Debian's Chromium
 * through playwright-core. Every request that would leave 127.0.0.1 is refused and counted.
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../contracts/csp";

export const WEB_ROOT = fileURLToPath(new URL("../../dist/web", import.meta.url));
export const RESULTS_DIR = fileURLToPath(new URL("../../test-results", import.meta.url));

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(root = WEB_ROOT): Promise<StaticServer> {
  if (!existsSync(join(root, "index.html"))) {
    throw new Error(`${root}/index.html is missing: run "npm run build:web" first.`);
  }
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(root, path === "/" ? "index.html" : path));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": MIME[extname(file)] ?? "application/octet-stream",
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "Cache-Control": "no-store",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
].filter((p): p is string => Boolean(p));

export function findChromium(candidates: readonly string[] = CHROMIUM_CANDIDATES): string {
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(", ")}). ` +
        `Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH. The browser tests cannot run without it.`,
    );
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  /** Requests that tried to leave 127.0.0.1 (refused). */
  offsite: string[];
  /** Problems the test provokes on purpose, not counted against the page. */
  tolerated: readonly RegExp[];
}

/**
 * What a test lets its page do beyond the playground's own origin: reach a service of the test's own on
 * 127.0.0.1 (a hook service), and log the errors that test provokes on purpose (a service that is down).
 */
export interface OpenOptions {
  allowOrigins?: readonly string[];
  toleratedProblems?: readonly RegExp[];
}

export async function openPlayground(browser: Browser, url: string, context?: BrowserContext, options: OpenOptions = {}): Promise<OpenedPage> {
  const ctx = context ?? (await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "light" }));
  const page = await ctx.newPage();
  const problems: string[] = [];
  const offsite: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  await ctx.route("**/*", (route) => {
    const target = route.request().url();
    if (target.startsWith(url) || target.startsWith("data:") || target.startsWith("blob:")) return route.continue();
    if (options.allowOrigins?.some((origin) => target.startsWith(`${origin}/`))) return route.continue();
    offsite.push(target);
    return route.abort();
  });
  await page.goto(url);
  return { context: ctx, page, problems, offsite, tolerated: options.toleratedProblems ?? [] };
}

/** Waits until a result newer than `afterRunId` is on screen and the page is idle; returns its run id. */
export async function waitForResult(page: Page, afterRunId = 0, timeout = 10_000): Promise<number> {
  await page.waitForFunction(
    (after) => {
      const status = document.querySelector('[data-testid="run-status"]');
      return status && Number(status.getAttribute("data-run-id")) > after && status.getAttribute("data-running") === "false";
    },
    afterRunId,
    { timeout },
  );
  return Number(await page.getByTestId("run-status").getAttribute("data-run-id"));
}

export async function currentRunId(page: Page): Promise<number> {
  return Number(await page.getByTestId("run-status").getAttribute("data-run-id"));
}

/** Waits until Monaco has loaded and the editor exists (it loads after the first result is on screen). */
export async function waitForEditor(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForSelector('[data-testid="editor"][data-ready="true"] .monaco-editor', { timeout });
}

/** Replaces the visible editor's text by typing it, as a user would. */
export async function typeInEditor(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="editor"] .monaco-editor .view-lines').click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text, { delay: 5 });
}

export interface PlaygroundSession {
  readonly browser: Browser;
  readonly url: string;
  /** The page opened by the running test, if any. */
  readonly current: OpenedPage | null;
  /** Opens the playground (in `context` if given); after the test it is checked and closed. */
  open(context?: BrowserContext, options?: OpenOptions): Promise<OpenedPage>;
}

/**
 * One static server and one Chromium for a test file. After each test, the page it opened must not have
 * reached beyond 127.0.0.1 nor logged errors (CSP violations included); then its context is closed.
 */
export function usePlaygroundBrowser(): PlaygroundSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let current: OpenedPage | null = null;
  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    server = await serveStatic();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    const opened = current;
    current = null;
    if (!opened) return;
    try {
      expect(opened.offsite).toEqual([]);
      expect(opened.problems.filter((p) => !/Failed to load resource.*favicon/.test(p) && !opened.tolerated.some((t) => t.test(p)))).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
  return {
    get browser() {
      if (!browser) throw new Error("the browser starts in beforeAll");
      return browser;
    },
    get url() {
      if (!server) throw new Error("the server starts in beforeAll");
      return server.url;
    },
    get current() {
      return current;
    },
    async open(context?: BrowserContext, options?: OpenOptions) {
      current = await openPlayground(this.browser, this.url, context, options);
      return current;
    },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's critical and serious violations, in the page as it is now or inside `selector`, as
 * "rule: targets (why)" lines; [] when there are none.
 */
export async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (include) => {
    type Violation = { id: string; impact: string; nodes: { target: string[]; failureSummary?: string }[] };
    const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(include ? { include: [include] } : document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "critical" || v.impact === "serious")
      .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary})` : ""}`).join(", ")}`);
  }, selector ?? null);
}

