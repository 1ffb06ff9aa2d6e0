/** AM's legacy evaluator (evaluatorVersion 1.0): Rhino with AM's Java objects (evaluators/legacy/). */
import { legacyBindings } from "../../evaluators/legacy/bindings";
import { describeLegacyError } from "../../evaluators/legacy/errors";
import { BINDING_DECLARATIONS } from "../../bindings/declarations";
import { lintOf } from "../../analysis";
import { evaluatorInfo } from "../../../contracts/catalog";
import { amEvaluator } from "./evaluator";

const INFO = evaluatorInfo("legacy");

export const amLegacy = amEvaluator({
  evaluator: INFO.id,
  label: INFO.label,
  lint: (script) => lintOf(script, INFO.id),
  declarations: BINDING_DECLARATIONS[INFO.id],
  bindings: legacyBindings,
  describeError: describeLegacyError,
});
