/**
 * AM's Rhino 1.7.14 as a sandbox profile: the globals Rhino lacks hidden, Rhino's dates, regular expressions
 * and JSON depth compiled in when the script needs them, QuickJS's error messages reworded as Rhino words
 * them, and the evaluator's host world entered around the evaluation.
 */
import type { RunError } from "../../result";
import type { RunContext } from "../../evaluators/context";
import { describeGuestError, type GuestErrorInfo, type SandboxProfile } from "../../sandbox/sandbox";
import { rhinoCaughtMessage, rhinoRuntimeMessage, type WordingNotes } from "../../evaluators/rhino-runtime-errors";
import { AM_LEGACY_SOURCE_NAME, withScriptPosition } from "../../evaluators/rhino-position";
import { RHINO_JAVA_GLOBALS, RHINO_MISSING } from "../../dialect/rhino-surface";
import { RHINO_DATE_SOURCE } from "../../sandbox/rhino-date";
import { RHINO_OBJECT_STATICS_SOURCE, mayCallObjectStatics } from "../../sandbox/rhino-object-statics";
import { JAVA_STACK_OVERFLOW, RHINO_JSON_DEPTH_SOURCE, rhinoJsonError } from "../../evaluators/rhino-json";
import { RHINO_REGEXP_SOURCE } from "../../evaluators/rhino-regexp";
import { javaCollatorCompare } from "../../evaluators/java-collator";
import {
  RHINO_ERROR_POSITION_SOURCE,
  RHINO_PARSE_INT_SOURCE,
  RHINO_SORT_SOURCE,
  RHINO_REGEXP_STATICS_SOURCE,
  RHINO_STRING_AND_GENERICS_SOURCE,
  mayCallParseInt,
  mayReadErrorPosition,
  mayReadRegExpStatics,
  maySort,
  mayUseRhinoStringAndGenerics,
} from "../../sandbox/rhino-builtins";
import { addOtherFunctionTexts, functionTextTable, mayPrintFunctions, mayPrintOtherFunctions } from "../../dialect/function-text";
import { rewriteConstForRhino } from "../../dialect/rhino-const";
import { instrumentScript } from "../../sandbox/instrument";
import { rhinoFunctionTextSource } from "../../sandbox/rhino-function-text";
import type { AmBindings } from "./types";

/**
 * Whether a script may create or print Date objects (then Rhino's date behaviour is compiled into its sandbox).
 * `Date.now()` and `Date.UTC(…)` alone give numbers, the same in both engines, and are what most token scripts use.
 */
function usesDateObjects(script: string): boolean {
  return /\bDate\b(?!\s*\.\s*(?:now|UTC)\s*\()/.test(script);
}

export function rhinoProfile(
  script: string,
  ctx: RunContext,
  bindings: AmBindings,
  describeEvaluatorError?: (info: GuestErrorInfo) => RunError | null,
  /** The name Rhino compiles the script under in AM (rhino-position.ts), shown in its own errors' messages. */
  sourceName: string = AM_LEGACY_SOURCE_NAME,
): SandboxProfile {
  /** Rhino's wording of a QuickJS error; warns when it had to guess the value a failed call was made on. */
  const reworded = (line: number | undefined, word: (notes: WordingNotes) => string | null): string | null => {
    const notes: WordingNotes = {};
    const message = word(notes);
    if (message && notes.approximate && !ctx.warnings.some((w) => w.code === "rhino-message-approximate" && w.line === line)) {
      ctx.warnings.push({
        code: "rhino-message-approximate",
        message: `Rhino names the value a failed call was made on; here it was a function's local variable, which the playground cannot look at after the error, so the message shows the likely value and AM's may read differently.`,
        ...(line ? { line } : {}),
      });
    }
    return message;
  };
  // Next-generation libraries run as written in realms of their own, which get the same extras.
  const libraries = Object.values(ctx.scenario.libraries ?? {});
  return {
    hidden: RHINO_MISSING,
    engineGlobals: RHINO_JAVA_GLOBALS,
    localeCompare: javaCollatorCompare,
    // A caught error's stack as Rhino writes it ("\tat <source>:<line> (<function>)\n" per frame of the script),
    // with the name AM compiles the script under; QuickJS's own text named the playground's file and columns.
    scriptSourceName: sourceName,
    formatStack: (frames) => frames.map((f) => `\tat ${sourceName}:${f.line}${f.name ? ` (${f.name})` : ""}\n`).join(""),
    preludeExtras: [
      ...(usesDateObjects(script) ? [RHINO_DATE_SOURCE] : []),
      ...(script.includes("RegExp") ? [RHINO_REGEXP_SOURCE] : []),
      // After Rhino's RegExp constructor (above), on which the statics are defined.
      ...([script, ...libraries].some(mayReadRegExpStatics) ? [RHINO_REGEXP_STATICS_SOURCE] : []),
      // Before the generics, so that Array.sort(list) sorts as Array.prototype.sort does.
      ...([script, ...libraries].some(maySort) ? [RHINO_SORT_SOURCE] : []),
      ...([script, ...libraries].some(mayUseRhinoStringAndGenerics) ? [RHINO_STRING_AND_GENERICS_SOURCE] : []),
      ...([script, ...libraries].some(mayCallParseInt) ? [RHINO_PARSE_INT_SOURCE] : []),
      ...([script, ...libraries].some(mayReadErrorPosition) ? [RHINO_ERROR_POSITION_SOURCE] : []),
      ...([script, ...libraries].some(mayCallObjectStatics) ? [RHINO_OBJECT_STATICS_SOURCE] : []),
      // After the sandbox's JSON.parse hook (same condition), which it relies on.
      ...(/\bJSON\s*(?:\.\s*parse|\[)/.test(script) ? [RHINO_JSON_DEPTH_SOURCE] : []),
      // Keyed by each function's text as the sandbox holds it: the script after the rewrites execute.ts and the sandbox apply.
      ...(mayPrintFunctions(script) || mayPrintOtherFunctions(script, libraries)
        ? [rhinoFunctionTextSource(addOtherFunctionTexts(functionTextTable(script, instrumentScript(rewriteConstForRhino(script)).source), script, libraries))]
        : []),
    ],
    describeError: (info) => {
      if (info.name === "InternalError" && info.message === JAVA_STACK_OVERFLOW) return { kind: "runtime", message: JAVA_STACK_OVERFLOW, ...(info.line ? { line: info.line } : {}) };
      const evaluatorError = describeEvaluatorError?.(info) ?? null;
      if (evaluatorError) return evaluatorError;
      const error = describeGuestError(info);
      if (info.fromBinding || info.thrownValue !== undefined || error.kind !== "runtime") return error;
      const rhino = reworded(info.line, (notes) => rhinoRuntimeMessage(info, script, notes));
      return rhino ? { ...error, message: rhino } : error;
    },
    rewordJsonError: rhinoJsonError,
    onCaughtError: (info) => {
      // Rhino's own refusal from a Java call: its message carries the script's position (rhino-position.ts).
      if (info.evaluatorError && info.line) return withScriptPosition(info.message, sourceName, info.line);
      const message = reworded(info.line, (notes) => rhinoCaughtMessage(info, script, notes));
      if (message) bindings.explainFailure?.({ kind: "runtime", message, ...(info.line ? { line: info.line } : {}) });
      return message;
    },
    ...(bindings.enter ? { enter: () => bindings.enter?.() } : {}),
    ...(bindings.leave ? { leave: () => bindings.leave?.() } : {}),
  };
}
