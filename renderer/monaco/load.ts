/**
 * Monaco on demand: the editor is the page's largest code by far (several MB), and the opening result must not
 * wait while it downloads, compiles and evaluates. The code editor starts the load (after the first result);
 * whatever else configures Monaco waits for that load with monacoLoaded() instead of starting it earlier.
 * Modules that only need Monaco's types import them with `import type`.
 */
import type * as MonacoModule from "./setup";

export type MonacoKit = Pick<typeof MonacoModule, "monaco" | "javascriptDefaults" | "jsonDefaults">;

let loading: Promise<MonacoKit> | null = null;
let announce: (kit: MonacoKit) => void = () => {};
const loaded = new Promise<MonacoKit>((resolve) => (announce = resolve));

/** Loads Monaco once (its chunk, its workers' setup) and resolves to it; later calls share the same load. */
export function loadMonaco(): Promise<MonacoKit> {
  loading ??= import("./setup").then((kit) => {
    kit.setupMonaco();
    announce(kit);
    return kit;
  });
  return loading;
}

/** Resolves once Monaco has been loaded by loadMonaco(), without starting the load itself. */
export function monacoLoaded(): Promise<MonacoKit> {
  return loaded;
}
