/**
 * What an export must know of each evaluator to move a script to it: which script contexts belong to it, what
 * a script's context becomes there, and whether it runs Groovy. One entry per catalog evaluator
 * (EVALUATOR_CONTEXTS, keyed by the catalog's ids, so the compiler asks for a new evaluator's): contextFor()
 * and exports.ts read the entries and never compare evaluator ids.
 */
import type { EvaluatorName } from "../import/exports";
import { EVALUATORS } from "../../contracts/catalog";

/**
 * Legacy script contexts and their next-generation counterparts, as AM lists them
 * (shared/reference/am-token-modification.md §5.1). LIBRARY and OAUTH2_DYNAMIC_CLIENT_REGISTRATION
 * exist for next-gen only, so they have no legacy side.
 */
const NEXT_GEN_OF: ReadonlyMap<string, string> = new Map([
  ["OAUTH2_ACCESS_TOKEN_MODIFICATION", "OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN"],
  ["OAUTH2_EVALUATE_SCOPE", "OAUTH2_EVALUATE_SCOPE_NEXT_GEN"],
  ["OAUTH2_VALIDATE_SCOPE", "OAUTH2_VALIDATE_SCOPE_NEXT_GEN"],
  ["OAUTH2_MAY_ACT", "OAUTH2_MAY_ACT_NEXT_GEN"],
  ["OAUTH2_SCRIPTED_JWT_ISSUER", "OAUTH2_SCRIPTED_JWT_ISSUER_NEXT_GEN"],
  ["OAUTH2_AUTHORIZE_ENDPOINT_DATA_PROVIDER", "OAUTH2_AUTHORIZE_ENDPOINT_DATA_PROVIDER_NEXT_GEN"],
  ["OIDC_CLAIMS", "OIDC_CLAIMS_NEXT_GEN"],
  ["AUTHENTICATION_TREE_DECISION_NODE", "SCRIPTED_DECISION_NODE"],
]);
const LEGACY_OF: ReadonlyMap<string, string> = new Map([...NEXT_GEN_OF].map(([legacy, next]) => [next, legacy]));
const NEXT_GEN_ONLY = ["LIBRARY", "OAUTH2_DYNAMIC_CLIENT_REGISTRATION"];

/** What an export knows of one evaluator. */
export interface EvaluatorContexts {
  /** How a message names the evaluator ("exists for the <name> evaluator only"). */
  readonly name: string;
  /** It runs JavaScript only, so a Groovy script cannot move to it. */
  readonly javascriptOnly: boolean;
  /** The contexts its scripts have: a script already in one of them keeps it. */
  readonly own: ReadonlySet<string>;
  /** Another evaluator's context → the one it becomes under this evaluator. */
  readonly counterparts: ReadonlyMap<string, string>;
}

const EVALUATOR_CONTEXTS: Readonly<Record<EvaluatorName, EvaluatorContexts>> = {
  legacy: { name: "legacy", javascriptOnly: false, own: new Set(NEXT_GEN_OF.keys()), counterparts: LEGACY_OF },
  "next-gen": { name: "next-generation", javascriptOnly: true, own: new Set([...LEGACY_OF.keys(), ...NEXT_GEN_ONLY]), counterparts: NEXT_GEN_OF },
};

export function evaluatorContexts(evaluator: EvaluatorName): EvaluatorContexts {
  return EVALUATOR_CONTEXTS[evaluator];
}

export const EVALUATOR_VERSION = Object.fromEntries(EVALUATORS.map((e) => [e.id, e.evaluatorVersion])) as Record<EvaluatorName, string>;

/** What AM reads a script without an evaluatorVersion as (legacy's "1.0"), so an export need not write that one. */
export const VERSION_WHEN_MISSING = EVALUATOR_VERSION.legacy;

/**
 * The context a script of `context` has under `evaluator`: itself when it already belongs there,
 * its counterpart when it has one, or a reason why it cannot move.
 */
export function contextFor(context: string, evaluator: EvaluatorName): { context: string } | { problem: string } {
  const target = EVALUATOR_CONTEXTS[evaluator];
  if (target.own.has(context)) return { context };
  const counterpart = target.counterparts.get(context);
  if (counterpart !== undefined) return { context: counterpart };
  // A context only other evaluators have, none of whose scripts it can become.
  const owners = EVALUATORS.map((e) => EVALUATOR_CONTEXTS[e.id]).filter((other) => other.own.has(context));
  if (owners.length > 0) return { problem: `the context ${context} exists for the ${owners.map((o) => o.name).join(" or ")} evaluator only` };
  return { problem: `the context ${context} has no known ${evaluator} counterpart` };
}
