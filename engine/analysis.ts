/** Per-source analysis shared by run() and check(), remembered for the most recent scripts. */
import { checkRhinoSyntax, type RhinoSyntaxError } from "./dialect/rhino-syntax";
import { memoize } from "./util/memo";

export const rhinoSyntaxOf: (source: string) => RhinoSyntaxError | null = memoize(checkRhinoSyntax);
