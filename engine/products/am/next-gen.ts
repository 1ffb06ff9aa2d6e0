/** AM's next-generation evaluator (evaluatorVersion 2.0): Rhino with JS wrappers (evaluators/nextgen/). */
import { nextGenBindings } from "../../evaluators/nextgen/bindings";
import { amEvaluator } from "./evaluator";

export const amNextGen = amEvaluator({ evaluator: "next-gen", bindings: nextGenBindings });
