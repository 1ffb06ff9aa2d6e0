/**
 * The app's migration under the one supervisor, with a worker double: the report comes back and the worker is
 * stopped; runs that overrun two script limits plus the margin are stopped with the supervisor's words; an
 * engine exception rejects instead of hanging the view.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { migrateInWorker } from "../../renderer/engine-client/migration";
import type { MigrationReport } from "../../engine/migrate/compare";
import { FakeWorker } from "./fake-worker";


const REPORT = { script: "rewritten", changes: [], unresolved: [], equivalent: true, differences: [] } as unknown as MigrationReport;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("migrating in a worker of its own", () => {
  it("sends one migrate request, resolves with the report and stops the worker", async () => {
    const worker = new FakeWorker();
    const pending = migrateInWorker(() => worker, "legacy()", {}, 1000, { coldStartMs: 0 });
    expect(worker.sent).toEqual([{ type: "migrate", id: 1, script: "legacy()", scenario: {} }]);
    worker.reply({ type: "migrated", id: 1, report: REPORT, ms: 5 });
    expect(await pending).toBe(REPORT);
    expect(worker.terminated).toBe(true);
  });

  it("allows three runs at the scenario's limit plus the margin (legacy, rewrite, legacy without the session), then stops the worker and says why", async () => {
    const worker = new FakeWorker();
    const pending = migrateInWorker(() => worker, "legacy()", {}, 400, { watchdogMarginMs: 1000, coldStartMs: 0 });
    const settled = pending.catch((e: Error) => e);
    vi.advanceTimersByTime(3 * 400 + 1000 - 1);
    expect(worker.terminated).toBe(false);
    // The deadline, and the one event-loop turn the watchdog waits for an answer already sent.
    vi.advanceTimersByTime(1 + 1);
    const error = await settled;
    expect(worker.terminated).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      "The script ran longer than 400 ms (timeoutMs in the scenario) and was stopped. A builtin kept running past the limit in the legacy script or its rewrite, so the watchdog stopped the sandbox after 2200 ms.",
    );
  });

  it("an engine exception rejects with the engine's words", async () => {
    const worker = new FakeWorker();
    const pending = migrateInWorker(() => worker, "legacy()", {}, 1000, { coldStartMs: 0 });
    worker.reply({ type: "failed", id: 1, message: "SyntaxError: bad" });
    await expect(pending).rejects.toThrow("The run failed in the playground itself: SyntaxError: bad");
    expect(worker.terminated).toBe(true);
  });
});
