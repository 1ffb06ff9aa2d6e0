/**
 * How long the supervisor lets a request run before it terminates the worker. QuickJS's interrupt stops
 * ordinary loops at the scenario's `timeoutMs`, but some builtins (`new Array(1e9).join()`) never poll it, so
 * an outside watchdog waits the script's own limit plus one margin and then ends the worker. These are the
 * only copies of the figures: the CLI, the app and the READMEs (test/conformance/watchdog-figures.test.ts)
 * take them from here.
 */

/** How long past the script's own limit (per run it makes) the watchdog waits before it stops the worker. */
export const WATCHDOG_MARGIN_MS = 1000;

/**
 * Extra time for a request until its worker says "started": the worker may still be loading the wasm (and in
 * the CLI warming up), or taking in a multi-megabyte scenario. From "started" on, the request's clock starts
 * again at its own budget.
 */
export const COLD_START_MS = 5000;

/** The budget of a check (syntax + lint, no script run): it has no scenario limit of its own. */
export const CHECK_LIMIT_MS = 1000;

/** A request's budget: every run it makes at the script's limit, plus one margin. */
export function runBudgetMs(scriptLimitMs: number, runs: number, marginMs = WATCHDOG_MARGIN_MS): number {
  return Math.max(1, Math.floor(runs)) * scriptLimitMs + marginMs;
}
