/**
 * "Migrate to next-generation" runs in its own short-lived engine worker: migrateAndCompare runs the legacy
 * script and its rewrite, which may take as long as two runs, and the editor's worker stays free for
 * run-as-you-type meanwhile. A watchdog ends the worker if the runs overrun their limits, so the view never hangs.
 */
import type { MigrationReport } from "../../engine/migrate/compare";
import type { FromWorker, ToWorker } from "./protocol";
import type { WorkerLike } from "./engineClient";
import EngineWorker from "../worker/engine.worker?worker";

/** Time for the worker to load the sandbox's wasm before the two runs start. */
const COLD_START_MS = 5000;

export function migrateInWorker(createWorker: () => WorkerLike, script: string, scenario: unknown, timeoutMs: number): Promise<MigrationReport> {
  return new Promise((resolve, reject) => {
    const worker = createWorker();
    const done = () => {
      clearTimeout(watchdog);
      worker.terminate();
    };
    // Two runs, one after the other in the worker, each within the scenario's limit, plus a margin each.
    const watchdog = setTimeout(() => {
      done();
      reject(new Error(`the two runs did not finish within ${2 * (timeoutMs + 1000) + COLD_START_MS} ms; the sandbox was stopped`));
    }, 2 * (timeoutMs + 1000) + COLD_START_MS);
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === "migrated") {
        done();
        resolve(message.report);
      } else if (message.type === "failed") {
        done();
        reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      done();
      reject(new Error(`the engine worker failed: ${event.message || "it could not be loaded"}`));
    };
    const request: ToWorker = { type: "migrate", id: 1, script, scenario };
    worker.postMessage(request);
  });
}

/** The app's migration: a fresh engine worker of the same bundle as the editor's. */
export function migrateInEngineWorker(script: string, scenario: unknown, timeoutMs: number): Promise<MigrationReport> {
  return migrateInWorker(() => new EngineWorker() as unknown as WorkerLike, script, scenario, timeoutMs);
}
