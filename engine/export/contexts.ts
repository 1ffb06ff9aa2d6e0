import type { EvaluatorName } from "../import/exports";
import { EVALUATORS } from "../../contracts/catalog";

/**
 * Legacy script contexts and their next-generation counterparts, as AM lists them
 * (shared/reference/am-token-modification.md §5.1). LIBRARY and OAUTH2_DYNAMIC_CLIENT_REGISTRATION
 * exist for next-gen only, so they have no legacy side.
 */
const NEXT_GEN_OF: Record<string, string> = {
  OAUTH2_ACCESS_TOKEN_MODIFICATION: "OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN",
  OAUTH2_EVALUATE_SCOPE: "OAUTH2_EVALUATE_SCOPE_NEXT_GEN",
  OAUTH2_VALIDATE_SCOPE: "OAUTH2_VALIDATE_SCOPE_NEXT_GEN",
  OAUTH2_MAY_ACT: "OAUTH2_MAY_ACT_NEXT_GEN",
  OAUTH2_SCRIPTED_JWT_ISSUER: "OAUTH2_SCRIPTED_JWT_ISSUER_NEXT_GEN",
  OAUTH2_AUTHORIZE_ENDPOINT_DATA_PROVIDER: "OAUTH2_AUTHORIZE_ENDPOINT_DATA_PROVIDER_NEXT_GEN",
  OIDC_CLAIMS: "OIDC_CLAIMS_NEXT_GEN",
  AUTHENTICATION_TREE_DECISION_NODE: "SCRIPTED_DECISION_NODE",
};

const LEGACY_OF: Record<string, string> = Object.fromEntries(Object.entries(NEXT_GEN_OF).map(([legacy, next]) => [next, legacy]));
const NEXT_GEN_ONLY = new Set(["LIBRARY", "OAUTH2_DYNAMIC_CLIENT_REGISTRATION"]);

export const EVALUATOR_VERSION = Object.fromEntries(EVALUATORS.map((e) => [e.id, e.evaluatorVersion])) as Record<EvaluatorName, string>;

/**
 * The context a script of `context` has under `evaluator`: itself when it already belongs there,
 * its counterpart when it has one, or a reason why it cannot move.
 */
export function contextFor(context: string, evaluator: EvaluatorName): { context: string } | { problem: string } {
  if (evaluator === "next-gen") {
    if (context in LEGACY_OF || NEXT_GEN_ONLY.has(context)) return { context };
    if (context in NEXT_GEN_OF) return { context: NEXT_GEN_OF[context] };
  } else {
    if (context in NEXT_GEN_OF) return { context };
    if (context in LEGACY_OF) return { context: LEGACY_OF[context] };
    if (NEXT_GEN_ONLY.has(context)) return { problem: `the context ${context} exists for the next-generation evaluator only` };
  }
  return { problem: `the context ${context} has no known ${evaluator} counterpart` };
}
