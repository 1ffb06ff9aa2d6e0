/**
 * IBM Security Verify Access OAuth mapping rules as a registry definition. Its own syntax check, lint and
 * declarations go in the fields below (until then the registry checks a rule as AM's default evaluator does,
 * which is what check() did before products had their own).
 */
import type { ProductDefinition } from "../definition";
import { productInfo } from "../catalog";
import { runIbm } from "./run";

const INFO = productInfo("ibm-verify-access");

export const ibmVerifyAccess: ProductDefinition = {
  product: INFO.id,
  label: INFO.label,
  run: (script, scenario, context) => runIbm(script, scenario, { now: context.now }),
};
