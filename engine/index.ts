/** The engine's public surface: everything the CLI, the renderer's worker and the tests use. */
export { run, TOKEN_SIZE_LIMITS, type RunOptions } from "./run";
export { check, type CheckResult } from "./check";
export * from "./result";
export { runResultSchema, runResultJsonSchema } from "./result-schema";
export * from "./scenario/schema";
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
export { configureSandbox, loadSandboxModule, sandboxWasmBytes } from "./sandbox/module";
export { BINDING_DECLARATIONS, declaredGlobals } from "./bindings/declarations";
export { checkRhinoSyntax } from "./dialect/rhino-syntax";
export { JavaDouble, formatAmJson, javaDoubleString } from "./token/values";
