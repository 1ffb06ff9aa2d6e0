// run()'s options in a module of their own: the flows and the other products' runners take them too, and run()
// calls those runners, so they cannot import run.ts for the type without a cycle.
import type { Evaluator } from "./scenario/schema";
import type { HookTransport } from "./products/onewelcome/answer";

export interface RunOptions {
  /** Sends a OneWelcome hook request to the user's own service (onewelcome.hookUrl); the CLI and the app hand it in. */
  hookTransport?: HookTransport;
  /** Overrides the scenario's evaluator. */
  evaluator?: Evaluator;
  /** Host clock for timings (tests inject a fake). */
  now?: () => number;
}
