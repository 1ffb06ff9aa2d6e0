/**
 * OneWelcome's Customize Access Token web hook as a registry definition. Its own syntax check, lint and
 * declarations go in the fields below (until then the registry checks a handler as AM's default evaluator
 * does, which is what check() did before products had their own).
 */
import type { ProductDefinition } from "../definition";
import { productInfo } from "../catalog";
import { runOneWelcome } from "./run";

const INFO = productInfo("onewelcome");

export const oneWelcome: ProductDefinition = {
  product: INFO.id,
  label: INFO.label,
  run: (script, scenario, context) =>
    runOneWelcome(script, scenario, { ...(context.hookTransport ? { hookTransport: context.hookTransport } : {}), now: context.now }),
};
