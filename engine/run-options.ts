// run()'s options in a module of their own: the flows and the other products' runners take them too, and run()
// calls those runners, so they cannot import run.ts for the type without a cycle.
import type { Evaluator } from "./scenario/schema";
import type { HookTransport } from "./products/onewelcome/answer";
import type { Registry } from "./products/definition";

export interface RunOptions {
  /** Sends a OneWelcome hook request to the user's own service (onewelcome.hookUrl); the CLI and the app hand it in. */
  hookTransport?: HookTransport;
  /** Overrides the scenario's evaluator. */
  evaluator?: Evaluator;
  /** Host clock for timings (tests inject a fake). */
  now?: () => number;
  /** The products and evaluators to choose from (default: the shipped registry, products/registry.ts). */
  registry?: Registry;
  /**
   * Overrides the scenario's product: one of `registry`'s, which the scenario schema need not list (a test's
   * or an embedding's own product).
   */
  product?: string;
}
