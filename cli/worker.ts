/** A worker thread that runs scripts for the CLI, so a stuck builtin can be stopped from outside. */
import { parentPort, workerData } from "node:worker_threads";
import { loadSandboxModule, run, type Evaluator } from "../engine";
import { loopbackHookTransport } from "./hook-transport";

export interface RunRequest {
  id: number;
  script: string;
  scenario: unknown;
  evaluator?: Evaluator;
}

/** What the worker answers: the result and how long the run itself took (no start-up, no queueing). */
export type RunReply =
  | { id: number; result: unknown; ms: number }
  | { id: number; failure: string; ms: number };

function describeFailure(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

parentPort?.on("message", async (request: RunRequest) => {
  const started = performance.now();
  let reply: RunReply;
  try {
    const result = await run(request.script, request.scenario, {
      ...(request.evaluator ? { evaluator: request.evaluator } : {}),
      hookTransport: loopbackHookTransport,
    });
    reply = { id: request.id, result, ms: performance.now() - started };
  } catch (e) {
    reply = { id: request.id, failure: describeFailure(e), ms: performance.now() - started };
  }
  try {
    parentPort?.postMessage(reply);
  } catch (e) {
    // A result the structured clone cannot carry (too deep, say) still answers, so the case fails alone.
    parentPort?.postMessage({ id: request.id, failure: `the run's result could not be sent back: ${describeFailure(e)}`, ms: reply.ms });
  }
});

/** What the runner tells a worker at start. */
export interface WorkerOptions {
  /** Run an empty script before taking work (for suites: the first case's time then measures the case). */
  warmUp?: boolean;
}

const options = (workerData ?? {}) as WorkerOptions;

// Load the wasm before taking work, so the watchdog's clock measures the script, not the cold start; when
// asked, run an empty script once too, as the first run in a fresh isolate also compiles the engine.
loadSandboxModule()
  .then(() => (options.warmUp ? run("", {}) : undefined))
  .then(
    () => parentPort?.postMessage({ ready: true }),
    (e: unknown) => parentPort?.postMessage({ fatal: e instanceof Error ? e.message : String(e) }),
  );
