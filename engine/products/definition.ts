/**
 * What one extension point of the playground is: a product (and, for AM, one of its evaluators) with its
 * dialect check, lint, IntelliSense declarations and run pipeline. registry.ts lists the shipped ones; a test
 * or an embedding can build its own registry from other definitions (createRegistry).
 */
import type { RunError, RunResult, RunWarning } from "../result";
import type { Scenario } from "../scenario/schema";
import type { HookTransport } from "./onewelcome/answer";
import type { HookSettings } from "./onewelcome/check";
import type { RuleStage } from "./ibm/rule";

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
