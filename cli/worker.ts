/**
 * A worker thread that runs scripts for the CLI, so a stuck builtin can be stopped from outside. It speaks the
 * engine's one protocol through the shared request handler (engine/supervisor/serve.ts); this file only wires
 * it to node's message port. Hook calls go to the main thread (cli/hook-transport.ts), as in the app.
 */
import { parentPort, workerData } from "node:worker_threads";
import { serveEngineRequests, type ToWorker } from "../engine";

/** What the runner tells a worker at start. */
export interface WorkerOptions {
  /** Run an empty script before taking work (for suites: the first case's time then measures the case). */
  warmUp?: boolean;
}

const options = (workerData ?? {}) as WorkerOptions;
const port = parentPort;
if (port) {
  const answer = serveEngineRequests((reply) => port.postMessage(reply), { warmUp: options.warmUp === true });
  port.on("message", (message: ToWorker) => void answer(message));
}
