/** The engine's public surface: everything the CLI, the renderer's worker and the tests use. */
// Everything of the light entry point too (engine/api.ts: types and pure helpers, what the app's page loads).
export * from "./api";
export { run, TOKEN_SIZE_LIMITS, type RunOptions } from "./run";
export { check, type CheckResult, type CheckOptions } from "./check";
export { SHIPPED_REGISTRY } from "./products/registry";
export { createRegistry } from "./products/create-registry";
export type { ProductDefinition, ProductRunContext, Registry, SyntaxFinding } from "./run-types";
export { configureSandbox, loadSandboxModule, sandboxWasmBytes } from "./sandbox/module";
export { setSandboxSnapshots } from "./sandbox/snapshot";
export { checkRhinoSyntax } from "./dialect/rhino-syntax";
export { runFlow, defaultFlow, type FlowResult, type FlowStepResult, type FlowOptions, type StepExecutor } from "./flow/run-flow";
export { flowStepSchema, MAX_FLOW_STEPS, type FlowStep, type TokenReference } from "./flow/schema";
export type { FlowNote, Evidence } from "./flow/evidence";
export { checkFlowExpectation } from "./flow/expect";
export { buildScenarioFromEvidence, recogniseEvidence, type EvidenceOutcome, type EvidenceReport } from "./evidence/build";
export { EvidenceError, type EvidenceFile, type Redaction } from "./evidence/types";
export { migrateScript, type MigrationResult } from "./migrate/migrate";
export { migrateAndCompare, compareRuns, type MigrationReport, type Difference, type MigrationExecutor } from "./migrate/compare";
export { HOOK_PATH, checkHookResponse, type HookRequest, type HookResponse } from "./products/onewelcome/contract";
export type { HookTransport, HookHttpResponse } from "./products/onewelcome/answer";
export type { HookHttpRequest } from "./products/onewelcome/request";
export type { OneWelcomeRunResult, HookExchangeView } from "./products/onewelcome/run";
export type { IbmRunResult, IbmRequestView } from "./products/ibm/run";
// The one run supervisor (queue, deadline, watchdog, respawn) over a worker port, its protocol and the workers' side.
export { Supervisor, failureRunResult, type WorkerPort, type WorkerFault, type EngineJob, type JobOutcome, type SupervisorOptions } from "./supervisor/supervisor";
export { WATCHDOG_MARGIN_MS, COLD_START_MS, CHECK_LIMIT_MS, runBudgetMs } from "./supervisor/deadlines";
export type { EngineRequest, EngineReply, EngineAnswer, CheckOutcome, HookCallOutcome, HookCallRequest, HostAnswer, ToWorker } from "./supervisor/protocol";
export { serveEngineRequests, answerRequest, type ServeOptions } from "./supervisor/serve";
