/**
 * "Migrate to next-generation" in a short-lived engine worker of its own, under the one supervisor
 * (engine/supervisor/): migrateAndCompare runs the legacy script and its rewrite (and, when a session may
 * explain a difference, the legacy script once more without it), so the watchdog allows three runs at the
 * scenario's limit plus the margin (and the cold start of the fresh worker), and the editor's worker stays free
 * for run-as-you-type meanwhile. Kept apart from the worker bundle's import so tests can hand in a worker double.
 */
import { Supervisor, type MigrationReport } from "../../engine/api";
import { webWorkerPort, type EngineClientOptions, type WorkerLike } from "./engineClient";

/** Resolves with the report; rejects with the supervisor's words when the runs overran or the worker failed. */
export async function migrateInWorker(
  createWorker: () => WorkerLike,
  script: string,
  scenario: unknown,
  timeoutMs: number,
  options: Pick<EngineClientOptions, "watchdogMarginMs" | "coldStartMs"> = {},
): Promise<MigrationReport> {
  const supervisor = new Supervisor(() => webWorkerPort(createWorker()), {
    workers: 1,
    ...(options.watchdogMarginMs !== undefined ? { marginMs: options.watchdogMarginMs } : {}),
    ...(options.coldStartMs !== undefined ? { coldStartMs: options.coldStartMs } : {}),
  });
  try {
    const outcome = await supervisor.submit({ type: "migrate", script, scenario, scriptLimitMs: timeoutMs }, 1);
    if (outcome.status === "answered" && outcome.answer.type === "migrated") return outcome.answer.report;
    throw new Error(outcome.status === "failed" ? outcome.error.message : `the migration was not answered (${outcome.status === "answered" ? outcome.answer.type : outcome.status})`);
  } finally {
    // One migration per worker: it is stopped whatever the outcome.
    void supervisor.close();
  }
}
