/**
 * What every binding of one run shares: the scenario, the token being modified, the seeded random
 * source, and the records the result reports (logs, HTTP calls, IDM calls, warnings).
 */
import type { Scenario } from "../scenario/schema";
import type { TokenState } from "../token/state";
import type { SeededRandom } from "../util/random";
import type { HttpCallRecord, LogEntry, OpenIdmCallRecord, RunWarning } from "../result";
import { MockServer } from "../http/mocks";
import { IdmStore } from "../openidm/store";
import { BINDING_VALUES, HostBudget } from "./host-budget";
import { DEFAULT_LIMITS } from "../sandbox/sandbox";
import { addRunWarning } from "../util/run-warnings";

export interface RunContext {
  scenario: Scenario;
  token: TokenState;
  random: SeededRandom;
  logs: LogEntry[];
  http: HttpCallRecord[];
  openidm: OpenIdmCallRecord[];
  warnings: RunWarning[];
  mocks: MockServer;
  idm: IdmStore;
  /** The script line currently executing, when the sandbox can tell (for warnings). */
  currentLine: () => number | undefined;
  /**
   * What the values bindings keep for the script (token fields, logs, identity attributes, HTTP requests, IDM
   * objects) cost the host, against the sandbox's memory limit: next-generation bindings charge it (legacy's
   * Java values have their Java world's own, java-world.ts), so that a loop storing a big string ends in the
   * run's memory error instead of a host that runs out.
   */
  budget: HostBudget;
}

export function createRunContext(scenario: Scenario, token: TokenState, random: SeededRandom): RunContext {
  return {
    scenario,
    token,
    random,
    logs: [],
    http: [],
    openidm: [],
    warnings: [],
    mocks: new MockServer(scenario.http),
    idm: new IdmStore(scenario.openidm, random),
    currentLine: () => undefined,
    budget: new HostBudget(DEFAULT_LIMITS.memoryBytes, BINDING_VALUES),
  };
}

/** Adds a warning once per code, line and message (and within the run's cap, util/run-warnings.ts). */
export function warn(ctx: RunContext, code: string, message: string): void {
  const line = ctx.currentLine();
  addRunWarning(ctx.warnings, { code, message, ...(line ? { line } : {}) });
}
