/**
 * The one way run-time code adds a warning: once per code, line and message, and at most MAX_RUN_WARNINGS of
 * them. A script can raise warnings in a loop (a different field name each time, a getter called a million
 * times), and each is host memory outside the sandbox's limit: unbounded, a loop within the time limit grew the
 * list by tens of megabytes and the result past what the page can show.
 */
import type { RunWarning } from "../result";

export const MAX_RUN_WARNINGS = 200;

export const WARNINGS_CAPPED = "warnings-capped";

export function addRunWarning(warnings: RunWarning[], warning: RunWarning): void {
  if (warnings.some((w) => w.code === warning.code && w.line === warning.line && w.message === warning.message)) return;
  if (warnings.length >= MAX_RUN_WARNINGS) {
    if (!warnings.some((w) => w.code === WARNINGS_CAPPED)) {
      warnings.push({ code: WARNINGS_CAPPED, message: `The script raised more than ${MAX_RUN_WARNINGS} different warnings; the rest are not listed (the first ${MAX_RUN_WARNINGS} are).` });
    }
    return;
  }
  warnings.push(warning);
}
