/**
 * IBM Security Verify Access OAuth mapping rules as a registry definition: its own check (Rhino's syntax as IBM
 * parses a rule, and the mapping-rule lint), its declarations, its run, and its own flow (IBM's endpoints and
 * token store answer each request, not AM's).
 */
import type { ProductDefinition } from "../../run-types";
import { productInfo } from "../../../contracts/catalog";
import { runIbm, runIbmFlow } from "./run";
import { checkIbmRule } from "./check";
import { lintIbmRule } from "./lint";
import { IBM_DECLARATIONS } from "./declarations";

const INFO = productInfo("ibm-verify-access");

export const ibmVerifyAccess: ProductDefinition = {
  product: INFO.id,
  label: INFO.label,
  check: (script, settings) => checkIbmRule(script, settings.ibmRule),
  lint: (script) => lintIbmRule(script),
  declarations: IBM_DECLARATIONS,
  run: (script, scenario, context) => runIbm(script, scenario, { now: context.now }),
  runFlow: runIbmFlow,
};
