/** A worker thread that runs scripts for the CLI, so a stuck builtin can be stopped from outside. */
import { parentPort } from "node:worker_threads";
import { run, type Evaluator } from "../engine";

export interface RunRequest {
  id: number;
  script: string;
  scenario: unknown;
  evaluator?: Evaluator;
}

parentPort?.on("message", async (request: RunRequest) => {
  try {
    const result = await run(request.script, request.scenario, request.evaluator ? { evaluator: request.evaluator } : {});
    parentPort?.postMessage({ id: request.id, result });
  } catch (e) {
    parentPort?.postMessage({ id: request.id, failure: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
