/**
 * How the sandbox words a run it stopped at a limit, shared by the engine and the outside watchdog of the
 * run supervisor (supervisor/supervisor.ts, for the CLI and the app) so the user reads one sentence that names the limit and where it
 * is set, never QuickJS's bare "InternalError: interrupted".
 */

/** A script stopped at its time limit (the scenario's `timeoutMs`). */
export function timeoutMessage(limitMs: number): string {
  return `The script ran longer than ${limitMs} ms (timeoutMs in the scenario) and was stopped.`;
}

/**
 * A script stopped at the sandbox's memory limit: the wasm memory cap for everything it holds, and QuickJS's
 * own limit for one allocation. Neither is a scenario setting; AM's limit is its JVM's heap.
 */
export function memoryMessage(capMiB: number, allocationMiB: number): string {
  return (
    `InternalError: out of memory: the script needed more than the playground sandbox allows ` +
    `(${capMiB} MiB in all, ${allocationMiB} MiB in one allocation; a playground limit, not a scenario setting).`
  );
}
