/**
 * OneWelcome's Customize Access Token web hook as a registry definition: its own check (a handler or a
 * MockServer expectation file against the hook contract and the scenario's hook settings), its declarations,
 * its run, and its own flow (the hook runs when OneWelcome creates a grant, not at every issuance as AM's script).
 */
import type { ProductDefinition } from "../../run-types";
import { productInfo } from "../../../contracts/catalog";
import { runOneWelcome } from "./run";
import { runOneWelcomeFlow } from "./flow";
import { checkOneWelcomeHook } from "./check";
import { ONEWELCOME_DECLARATIONS } from "./declarations";

const INFO = productInfo("onewelcome");

export const oneWelcome: ProductDefinition = {
  product: INFO.id,
  label: INFO.label,
  check: (script, settings) => checkOneWelcomeHook(script, settings.onewelcome),
  declarations: ONEWELCOME_DECLARATIONS,
  run: (script, scenario, context) =>
    runOneWelcome(script, scenario, { ...(context.hookTransport ? { hookTransport: context.hookTransport } : {}), now: context.now }),
  runFlow: runOneWelcomeFlow,
};
