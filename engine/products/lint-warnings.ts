/**
 * A run's warnings with the product's lint in front, as an AM run gives them (am/project.ts): what the lint
 * predicted is dropped where the run itself reported the same thing (same code), so the user reads it once.
 */
import type { RunWarning } from "../result";

export function withLintWarnings(lint: readonly RunWarning[], runWarnings: readonly RunWarning[]): RunWarning[] {
  const seen = new Set(runWarnings.map((w) => w.code));
  return [...lint.filter((w) => !seen.has(w.code)), ...runWarnings];
}
