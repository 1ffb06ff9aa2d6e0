/**
 * "Migrate to next-generation" runs in its own short-lived engine worker: migrateAndCompare runs the legacy
 * script and its rewrite, which may take as long as two runs, and the editor's worker stays free for
 * run-as-you-type meanwhile. The one supervisor (engine/supervisor/) guards it: two runs at the scenario's
 * limit plus the margin (and the cold start of a fresh worker), so the view never hangs.
 */
import type { MigrationReport } from "../../engine/migrate/compare";
import { Supervisor } from "../../engine/supervisor/supervisor";
import { webWorkerPort, type WorkerLike } from "./engineClient";
import EngineWorker from "../worker/engine.worker?worker";

export async function migrateInWorker(createWorker: () => WorkerLike, script: string, scenario: unknown, timeoutMs: number): Promise<MigrationReport> {
  const supervisor = new Supervisor(() => webWorkerPort(createWorker()), { workers: 1 });
  try {
    const outcome = await supervisor.submit({ type: "migrate", script, scenario, scriptLimitMs: timeoutMs }, 1);
    if (outcome.status === "answered" && outcome.answer.type === "migrated") return outcome.answer.report;
    throw new Error(outcome.status === "failed" ? outcome.error.message : `the migration was not answered (${outcome.status === "answered" ? outcome.answer.type : outcome.status})`);
  } finally {
    void supervisor.close();
  }
}

/** The app's migration: a fresh engine worker of the same bundle as the editor's. */
export function migrateInEngineWorker(script: string, scenario: unknown, timeoutMs: number): Promise<MigrationReport> {
  return migrateInWorker(() => new EngineWorker() as unknown as WorkerLike, script, scenario, timeoutMs);
}
