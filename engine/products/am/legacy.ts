/** AM's legacy evaluator (evaluatorVersion 1.0): Rhino with AM's Java objects (evaluators/legacy/). */
import { legacyBindings } from "../../evaluators/legacy/bindings";
import { describeLegacyError } from "../../evaluators/legacy/errors";
import { amEvaluator } from "./evaluator";

export const amLegacy = amEvaluator({ evaluator: "legacy", bindings: legacyBindings, describeError: describeLegacyError });
