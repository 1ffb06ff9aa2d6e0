/**
 * What the page itself (not the worker) takes from the engine here: the scenario schema and validator, through
 * engine/api.ts, the light entry point, so the page bundle does not carry the sandbox;
 * runs always go through the worker (engineClient.ts), which imports engine/index.ts.
 */
export {
  scenarioJsonSchema,
  validateScenario,
  parseJsonText,
  type Evaluator,
  type Scenario,
  type ScenarioIssue,
  type RunResult,
  type RunError,
  type RunWarning,
  type LogEntry,
  type HttpCallRecord,
  type OpenIdmCallRecord,
  type JwtView,
  type TokenSnapshot,
} from "../../engine/api";
