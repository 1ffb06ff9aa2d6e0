/**
 * The shipped registry: every product and evaluator the playground runs, one definition each, the default
 * (AM's legacy evaluator) first. Adding one is an entry here, its ids in catalog.ts, and its own folder
 * (engine/README.md, "Adding an evaluator or product").
 */
import { createRegistry } from "./create-registry";
import { amLegacy } from "./am/legacy";
import { amNextGen } from "./am/next-gen";
import { oneWelcome } from "./onewelcome/definition";
import { ibmVerifyAccess } from "./ibm/definition";

export const SHIPPED_REGISTRY = createRegistry([amLegacy, amNextGen, oneWelcome, ibmVerifyAccess]);
