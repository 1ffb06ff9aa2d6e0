/**
 * The engine's light entry point: types and pure helpers (scenario schema and validation, result types, the
 * case checker, AM's JSON printing, script import/export, the demo keys), nothing that runs a script. The app's
 * page imports this one; importing engine/index.ts there would put the run machinery (acorn, the dialect
 * checkers, the evaluators: ~240 kB) into the page's first load, where only the worker needs it. Its light
 * weight is a rule: .dependency-cruiser.cjs "api-stays-light".
 */
export * from "./result";
export * from "./scenario/schema";
export * from "../contracts/catalog";
export { runResultSchema, runResultJsonSchema } from "./result-schema";
export {
  ScenarioError,
  validateScenario,
  parseScenarioText,
  parseJsonText,
  resolveScenario,
  issuerOf,
  jsonPath,
  lineColumnAt,
  type ScenarioIssue,
} from "./scenario/validate";
export { BINDING_DECLARATIONS, declaredGlobals } from "./bindings/declarations";
export { JavaDouble, formatAmJson, javaDoubleString } from "./token/values";
export { checkExpectation, type Mismatch } from "./cases";
export { describeMismatch } from "./case-text";
export { timeoutMessage } from "./sandbox/limits";
export { mismatches, reasonPhrase } from "./http/mocks";
export { DEMO_EC_PRIVATE_JWK, DEMO_HMAC_SECRET, DEMO_RSA_PRIVATE_JWK } from "./token/demo-keys";
export { ImportError, parseScriptExport, type ImportedScript } from "./import/exports";
export { planScriptFiles, scenarioStub } from "./import/file-names";
export { ExportError, exportScript, type ExportedScript } from "./export/exports";
export { FLOW_GRANT_TYPES, TOKEN_REFERENCES, USERINFO_PRODUCTS, type TokenReference } from "./flow/schema";
export { buildScenarioFromEvidence, recogniseEvidence, type EvidenceOutcome } from "./evidence/build";
export { EvidenceError } from "./evidence/types";
// What the worker answers, as types only (they cost the page nothing: api-stays-light counts runtime imports).
export type { FlowResult, FlowStepResult } from "./run-types";
export type { MigrationReport } from "./migrate/compare";
export type { HookExchangeView } from "./products/onewelcome/run";
export type { IbmRequestView } from "./products/ibm/server";
export type { CheckTarget } from "./check";
// The products' IntelliSense: declaration strings with no imports (the rule lets these files through).
export { IBM_DECLARATIONS } from "./products/ibm/declarations";
export { ONEWELCOME_DECLARATIONS } from "./products/onewelcome/declarations";
// What the page decides of a product (which one a scenario or result is for, its declarations, its check's
// settings) and shows for an evaluator.
export {
  checkTargetOf,
  evaluatorPageFacts,
  productOfResult,
  productOfScenario,
  scriptDeclarations,
  type EvaluatorPageFacts,
  type ScriptDeclarations,
} from "./products/page-contract";
// The run supervisor (queue, deadlines, watchdog, respawn) and its protocol: the page's engine client is one of its adapters.
export { Supervisor, failureRunResult, type JobOutcome, type WorkerPort } from "./supervisor/supervisor";
export type { CheckOutcome, EngineReply, EngineRequest, HookCallOutcome, HookCallRequest, HostAnswer, ToWorker } from "./supervisor/protocol";
