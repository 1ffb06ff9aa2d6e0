/** What every flow runner's step answer starts as, whichever product's endpoints answer it. */
import type { FlowStep } from "./schema";
import type { FlowNote } from "./evidence";
import type { FlowStepResult } from "../run-types";

/** A step's time as the timeline prints it: ISO 8601 without zero milliseconds. */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

/** A step's answer with no script run behind it yet: the request, its grant type or token, status and body. */
export function baseStepResult(step: FlowStep, nowMs: number, status: number, body: Record<string, unknown>, notes: FlowNote[] = []): FlowStepResult {
  return {
    request: step.request,
    ...(step.request === "token" ? { grantType: step.grantType } : {}),
    ...(step.request === "introspect" || step.request === "revoke" ? { token: step.token } : {}),
    at: isoAt(nowMs),
    status,
    body,
    bodyDoubles: [],
    run: null,
    notes,
    warnings: [],
  };
}
