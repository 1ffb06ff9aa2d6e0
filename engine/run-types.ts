/**
 * The types run(), runFlow(), check() and the product definitions share, in one module that imports no module
 * of theirs: a definition's runFlow answers a FlowResult and takes FlowOptions, which extend RunOptions, which
 * name a Registry of definitions. Split over their own modules these types import each other in a circle
 * (dependency-cruiser counts type-only imports). A product's folder and the entry points import them from here.
 */
import type { RunError, RunResult, RunWarning } from "./result";
import type { Evaluator, Scenario } from "./scenario/schema";
import type { FlowStep, TokenReference } from "./flow/schema";
import type { FlowNote } from "./flow/evidence";
import type { HookTransport } from "./products/onewelcome/answer";
import type { HookSettings } from "./products/onewelcome/check";
import type { RuleStage } from "./products/ibm/rule";

// ---- run()'s options

/** run()'s options; the flows and the other products' runners take them too. */
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

// ---- runFlow(): what a flow takes and answers

/** One request of a flow and the product's answer to it. */
export interface FlowStepResult {
  request: FlowStep["request"];
  grantType?: string;
  token?: TokenReference;
  /** When the request was made (the scenario's clock plus every `after` so far). */
  at: string;
  /** The HTTP status AM answers with. */
  status: number;
  /** The JSON the client receives: token response, authorization response, introspection or error. */
  body: Record<string, unknown>;
  /** Headers the request carried that its answer depends on (X-Discharge-Macaroon on a macaroon's introspection). */
  requestHeaders?: Record<string, string[]>;
  /** JSON Pointers into `body` of numbers AM holds as java.lang.Double (printed as 42.0). */
  bodyDoubles: string[];
  /** The script's run at this step; null when the script did not run. */
  run: RunResult | null;
  /** Token fields added, changed or removed since the previous issuance of this flow. */
  changes?: { added: string[]; changed: string[]; removed: string[] };
  /** The facts this answer rests on, marked documented / observed / inferred. */
  notes: FlowNote[];
  warnings: RunWarning[];
}

/** Runs the script for one issuance; the CLI hands in its supervised worker pool, tests and the app's worker use run(). */
export type StepExecutor = (script: string, scenario: Scenario, options: RunOptions) => Promise<RunResult>;

export interface FlowOptions extends RunOptions {
  execute?: StepExecutor;
}

export interface FlowResult {
  /** False when any step's script failed. */
  ok: boolean;
  steps: FlowStepResult[];
  /** The IDM's objects after the last step, when a script created, updated, patched or deleted one during the flow. */
  openidm?: Record<string, Record<string, unknown>>;
}

// ---- a product definition and the registry of them (products/registry.ts lists the shipped ones)

/** What check() answers: the dialect's syntax error, else the lint's warnings. */
export interface CheckResult {
  ok: boolean;
  error: RunError | null;
  warnings: RunWarning[];
}

/** What a scenario tells a product's own check about the script (the product reads its part). */
export interface CheckSettings {
  /** IBM: the scenario's ibm.rule (pre- or post-token), for the stage-dependent lint. */
  ibmRule?: RuleStage;
  /** OneWelcome: the scenario's hook settings. */
  onewelcome?: HookSettings;
}

/** A syntax error in the definition's dialect, with the hints that say how to write it there. */
export interface SyntaxFinding {
  error: RunError;
  warnings: RunWarning[];
}

/** What run() hands a definition's pipeline besides the script and the resolved scenario. */
export interface ProductRunContext {
  /** Host clock for timings. */
  now: () => number;
  /** now() when run() was called, so totalMs includes resolving the scenario. */
  started: number;
  /** The evaluator the run was asked for (options.evaluator, else the scenario's). */
  evaluator: Scenario["evaluator"];
  hookTransport?: HookTransport;
}

export interface ProductDefinition {
  /** The scenario's `product` this definition serves. */
  readonly product: string;
  /** For a product whose scenario names an evaluator (AM): which one; absent when any evaluator runs the same way. */
  readonly evaluator?: string;
  /** What a select or a menu shows. */
  readonly label: string;
  /**
   * The dialect's syntax check, or null when the script parses. Absent: the registry's first (default)
   * definition's check, which is how check() treated every script before products had their own.
   */
  readonly syntax?: (script: string) => SyntaxFinding | null;
  /** Static warnings before a run. Absent: the default definition's, as for `syntax`. */
  readonly lint?: (script: string) => RunWarning[];
  /**
   * The product's whole check (its syntax, its lint and what the scenario says of the script), when it is more
   * than `syntax` then `lint`; check() uses it instead of them.
   */
  readonly check?: (script: string, settings: CheckSettings) => CheckResult;
  /** TypeScript declarations of the script's bindings (the editor's IntelliSense). Absent: the default definition's. */
  readonly declarations?: string;
  /** One run of the script against the scenario: what the product would issue. */
  readonly run: (script: string, scenario: Scenario, context: ProductRunContext) => Promise<RunResult>;
  /**
   * A grant's whole life the product's own way (IBM: its own endpoints and token store). Absent: runFlow()
   * answers each request as AM does and runs the script through `run` at every issuance.
   */
  readonly runFlow?: (script: string, scenario: Scenario, flow: FlowStep[], options: FlowOptions) => Promise<FlowResult>;
}

/** The definitions one run() or check() chooses from. */
export interface Registry {
  readonly definitions: readonly ProductDefinition[];
  /** The definition that runs a scenario of this product with this evaluator; throws when the registry has none. */
  forRun(product: string, evaluator: string): ProductDefinition;
  /**
   * What check() uses for a target: an evaluator id (that evaluator's definition) or a product id (its first
   * definition), or a product with an evaluator (the definition that runs them); undefined gives the default
   * (first) definition. Missing checks are filled from the default.
   */
  forCheck(target?: string | { product: string; evaluator: string }): Required<Pick<ProductDefinition, "syntax" | "lint" | "declarations">> & ProductDefinition;
}
