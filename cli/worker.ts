/** A worker thread that runs scripts for the CLI, so a stuck builtin can be stopped from outside. */
import { parentPort } from "node:worker_threads";
import { loadSandboxModule, run, type Evaluator } from "../engine";
import { loopbackHookTransport } from "./hook-transport";

export interface RunRequest {
  id: number;
  script: string;
  scenario: unknown;
  evaluator?: Evaluator;
}

parentPort?.on("message", async (request: RunRequest) => {
  try {
    const result = await run(request.script, request.scenario, {
      ...(request.evaluator ? { evaluator: request.evaluator } : {}),
      hookTransport: loopbackHookTransport,
    });
    parentPort?.postMessage({ id: request.id, result });
  } catch (e) {
    parentPort?.postMessage({ id: request.id, failure: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});

// Load the wasm before taking work, so the watchdog's clock measures the script, not the cold start.
loadSandboxModule().then(
  () => parentPort?.postMessage({ ready: true }),
  (e: unknown) => parentPort?.postMessage({ fatal: e instanceof Error ? e.message : String(e) }),
);
