/**
 * Which declarations the script editor's IntelliSense and hovers use: the product picked decides what the
 * script is (an AM script for the chosen evaluator, an IBM mapping rule, a OneWelcome hook handler), so an
 * IBM rule is offered stsuu and OAuthMappingExtUtils, never AM's accessToken, and the other way round.
 */
import { BINDING_DECLARATIONS, IBM_DECLARATIONS, ONEWELCOME_DECLARATIONS, type Evaluator } from "../engine-client/engineApi";
import type { CheckTarget, Product } from "../../engine/api";

export interface ExtraLib {
  content: string;
  filePath: string;
}

export function scriptDeclarations(product: Product, evaluator: Evaluator): ExtraLib {
  if (product === "ibm-verify-access") return { content: IBM_DECLARATIONS, filePath: "file:///bindings-ibm-verify-access.d.ts" };
  if (product === "onewelcome") return { content: ONEWELCOME_DECLARATIONS, filePath: "file:///bindings-onewelcome.d.ts" };
  return { content: BINDING_DECLARATIONS[evaluator], filePath: `file:///bindings-${evaluator}.d.ts` };
}

/** What the editor's check applies, read from the scenario under edit (its product and what it says of the script). */
export function checkTargetOf(doc: unknown, product: Product): CheckTarget {
  const d = (doc ?? {}) as { ibm?: { rule?: unknown }; onewelcome?: Record<string, unknown> };
  if (product === "ibm-verify-access") return { product, ibmRule: d.ibm?.rule === "pre-token" ? "pre-token" : "post-token" };
  if (product === "onewelcome") {
    const ow = d.onewelcome && typeof d.onewelcome === "object" ? d.onewelcome : {};
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    const auth = ow.authentication === "basic" || ow.authentication === "jwt" ? ow.authentication : "none";
    return { product, onewelcome: { hookUrl: str(ow.hookUrl), authentication: auth, username: str(ow.username), password: str(ow.password) } };
  }
  return { product };
}
