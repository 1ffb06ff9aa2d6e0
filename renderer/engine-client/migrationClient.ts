/** The app's migration: a fresh engine worker of the same bundle as the editor's (see migration.ts). */
import type { MigrationReport } from "../../engine/api";
import { migrateInWorker } from "./migration";
import type { WorkerLike } from "./engineClient";
import EngineWorker from "../worker/engine.worker?worker";

export { migrateInWorker };

export function migrateInEngineWorker(script: string, scenario: unknown, timeoutMs: number): Promise<MigrationReport> {
  return migrateInWorker(() => new EngineWorker() as unknown as WorkerLike, script, scenario, timeoutMs);
}
