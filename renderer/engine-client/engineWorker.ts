/**
 * The engine worker's constructor, in a module of its own so the page's entry chunk can start the worker
 * (and, in it, the download and compile of the engine and its wasm) before it loads anything else.
 */
import EngineWorker from "../worker/engine.worker?worker";
import type { WorkerLike } from "./engineClient";

export function startEngineWorker(): WorkerLike {
  return new EngineWorker() as unknown as WorkerLike;
}

/**
 * A worker factory for the engine client that hands out `first` (the worker started by the entry) once, then
 * fresh workers (after the watchdog or a crash replaced one).
 */
export function workerFactory(first: WorkerLike | null): () => WorkerLike {
  let pending = first;
  return () => {
    const worker = pending ?? startEngineWorker();
    pending = null;
    return worker;
  };
}
