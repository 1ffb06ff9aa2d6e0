/** AM's next-generation evaluator (evaluatorVersion 2.0): Rhino with JS wrappers (evaluators/nextgen/). */
import { nextGenBindings } from "../../evaluators/nextgen/bindings";
import { BINDING_DECLARATIONS } from "../../bindings/declarations";
import { lintOf } from "../../analysis";
import { evaluatorInfo } from "../../../contracts/catalog";
import { amEvaluator } from "./evaluator";

const INFO = evaluatorInfo("next-gen");

export const amNextGen = amEvaluator({
  evaluator: INFO.id,
  label: INFO.label,
  lint: (script) => lintOf(script, INFO.id),
  declarations: BINDING_DECLARATIONS[INFO.id],
  bindings: nextGenBindings,
});
