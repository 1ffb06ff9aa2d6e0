/**
 * The script position Rhino appends to its own errors. RhinoException.getMessage() is details() followed by
 * " (<sourceName>#<line>)"; a catch block sees an EvaluatorException (Rhino's refusal: "Can't find method …",
 * "Cannot convert …", "Access to Java class … is prohibited.") as an InternalError whose message is that
 * getMessage(), while an EcmaError (TypeError, ReferenceError, …) keeps details() alone and a Java exception its
 * own getMessage(). Goldens: test/conformance/legacy/legacy.golden.json and test/unit/rhino-error-position.test.ts.
 *
 * The source name is what AM compiles the script under:
 * - legacy: AM evaluates through its JSR-223 engine without ScriptEngine.FILENAME (StandardScriptEvaluator), so
 *   Rhino's source name is the engine's default "<Unknown source>". An access-token modification script's caught
 *   error in AM 7 reads 'InternalError: Access to Java class "javax.script.SimpleScriptContext" is prohibited.
 *   (<Unknown source>#9)', an uncaught one is logged as 'javax.script.ScriptException: Access to Java class
 *   "java.lang.Class" is prohibited. (<Unknown source>#51) in <Unknown source> at line number 51 at column number 0'
 *   (lapinek, "Notes on Scripting in ForgeRock Access Management (AM) 7.0", ForgeRock community, 2021).
 * - next-generation: the script's name. A live PingOne AIC tenant caught "InternalError: Can't find method
 *   …ScriptCryptoService.randomUUID(number). (AIC Rhino Let Probe#128)" and compiled with "(const-in-for-in#12)"
 *   (agiledigital-labs/pingone-aic-manager, packages/rhino-local/cases/real/index.ts, live payloads 2026-09-29).
 */
import type { Evaluator } from "../scenario/schema";

export const AM_LEGACY_SOURCE_NAME = "<Unknown source>";

/** The name Rhino gives the script in AM's messages, for the evaluator that runs it. */
export function amSourceName(evaluator: Evaluator, scriptName: string): string {
  return evaluator === "next-gen" ? scriptName : AM_LEGACY_SOURCE_NAME;
}

/** A message as Rhino's RhinoException.getMessage() gives it for an error at `line` of the script. */
export function withScriptPosition(message: string, sourceName: string, line: number): string {
  return `${message} (${sourceName}#${line})`;
}
