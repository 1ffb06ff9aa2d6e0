/**
 * What the page itself (not the worker) takes from the engine: editor declarations, the scenario schema and
 * validator. Imported module by module rather than from engine/index.ts so the page bundle does not carry
 * the sandbox; runs always go through the worker (engineClient.ts), which imports the engine as a whole.
 */
export { BINDING_DECLARATIONS } from "../../engine/bindings/declarations";
export { IBM_DECLARATIONS } from "../../engine/products/ibm/declarations";
export { ONEWELCOME_DECLARATIONS } from "../../engine/products/onewelcome/declarations";
export { scenarioJsonSchema, type Evaluator, type Scenario } from "../../engine/scenario/schema";
export { validateScenario, parseJsonText, type ScenarioIssue } from "../../engine/scenario/validate";
export type { RunResult, RunError, RunWarning, LogEntry, HttpCallRecord, OpenIdmCallRecord, JwtView, TokenSnapshot } from "../../engine/result";
