/**
 * Entry, kept to a few hundred bytes: the first thing the page does is start the engine worker, whose script
 * and wasm are the longest path to the opening result. Only then does it load the boot code (samples, scenario
 * validation, the opening run) and the UI (React); Monaco, the largest part, loads after the first result
 * (components/CodeEditor.tsx).
 */
import { startEngineWorker } from "./engine-client/engineWorker";

const worker = startEngineWorker();
const workerStartedAt = performance.now();
const started = import("./boot").then(({ boot }) => boot(worker, workerStartedAt));

void Promise.all([started, import("./mount")]).then(([booted, { mount }]) => mount(document.getElementById("root")!, booted));
