/** Flow test cases: `expect.ok` and `expect.steps` (step i a deep subset of the flow's step i) against a flow result. */
import { matches, type Mismatch } from "../cases";
import type { FlowResult } from "./run-flow";

export function checkFlowExpectation(expect: Record<string, unknown> | undefined, result: FlowResult): Mismatch[] {
  const out: Mismatch[] = [];
  const expected = expect ?? {};
  if (!("ok" in expected)) {
    // As for a single run: a script that failed at some request fails the case unless the case expects it.
    result.steps.forEach((step, i) => {
      const expectedStep = Array.isArray(expected.steps) ? (expected.steps as Record<string, unknown>[])[i] : undefined;
      const expectsFailure = expectedStep !== undefined && (expectedStep.status === 500 || "run" in expectedStep);
      if (step.run && !step.run.ok && !expectsFailure) out.push({ path: `$.steps[${i}].run.error`, expected: null, actual: step.run.error });
    });
  }
  if (expected.ok !== undefined) matches(expected.ok, result.ok, ["ok"], out);
  // What IDM holds after the flow (the scripts' writes), a deep subset like the rest.
  if (expected.openidm !== undefined) matches(expected.openidm, result.openidm ?? {}, ["openidm"], out);
  if (expected.steps !== undefined) {
    if (!Array.isArray(expected.steps)) {
      out.push({ path: "$.steps", expected: expected.steps, actual: "(a list of steps)" });
      return out;
    }
    // Step i of the expectation is step i of the flow: the requests are a fixed sequence.
    expected.steps.forEach((step, i) => {
      if (i >= result.steps.length) out.push({ path: `$.steps[${i}]`, expected: step, actual: `(the flow has ${result.steps.length} steps)` });
      else matches(step, result.steps[i], ["steps", i], out);
    });
  }
  return out;
}
