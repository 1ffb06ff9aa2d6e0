/** Per-source analysis shared by run() and check(), remembered for the most recent scripts. */
import { checkRhinoSyntax, type RhinoSyntaxError } from "./dialect/rhino-syntax";
import { lintScript } from "./lint";
import type { Evaluator } from "./scenario/schema";
import type { RunWarning } from "./result";
import { memoize } from "./util/memo";

export const rhinoSyntaxOf: (source: string) => RhinoSyntaxError | null = memoize(checkRhinoSyntax);

const lintByKey = memoize((key: string) => {
  const split = key.indexOf("\n");
  return lintScript(key.slice(split + 1), key.slice(0, split) as Evaluator);
});

/** Lint warnings (a fresh array each call, so callers may change it). */
export function lintOf(source: string, evaluator: Evaluator): RunWarning[] {
  return lintByKey(`${evaluator}\n${source}`).map((w) => ({ ...w }));
}
