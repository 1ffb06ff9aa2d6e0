/**
 * Static checks beyond syntax, shown as warnings before a run: removing or overwriting native token fields
 * (AM may then reject its own token), calling an API that belongs to the other evaluator, and reading a
 * regular expression's `flags`, which Rhino lacks but the playground keeps (rhino-surface.ts).
 */
import { parse } from "acorn";
import { simpleWalk } from "./dialect/walk";
import type { Evaluator } from "./scenario/schema";
import type { RunWarning } from "./result";
import { isNativeFieldName } from "./token/state";
import { ownValue } from "./util/own-keys";
import { measureNesting, rhinoDepthWarning, rhinoDepthWarningAt } from "./dialect/rhino-depth";
import { lineAt } from "./dialect/rhino-locate";
import { constWarnings } from "./dialect/rhino-const";
import { functionTextWarnings } from "./dialect/function-text";
import { javaValueWarnings } from "./dialect/java-values";
import { requestValueTextWarnings } from "./dialect/request-value-text";

const LEGACY_ONLY: Record<string, string> = {
  "identity.getAttribute": 'next-generation scripts read attributes with identity.getAttributeValues("name") (an array)',
  "identity.getAttributes": "next-generation identity has no getAttributes(); use getAttributeValues",
  "logger.message": "next-generation logger uses debug()/info()",
  "logger.warning": "next-generation logger uses warn()",
  "session.getProperty": "next-generation access-token scripts have no session binding",
};

const NEXT_GEN_ONLY: Record<string, string> = {
  "identity.getAttributeValues": 'legacy identity is an AMIdentity: use identity.getAttribute("name") (a java.util.Set)',
  "identity.setAttribute": "legacy AMIdentity has no setAttribute; use setAttributes(map) and store()",
  "identity.addAttribute": "legacy AMIdentity has no addAttribute; use setAttributes(map) and store()",
  "logger.info": "legacy logger (Debug) has message()/warning()/error()",
  "logger.warn": "legacy logger (Debug) uses warning()",
  "logger.debug": "legacy logger (Debug) uses message()",
  "utils.crypto": "utils is a next-generation binding",
  "openidm.read": "openidm is a next-generation binding",
};

interface MemberCall {
  object: string;
  property: string;
  args: unknown[];
  line: number;
}

type Node = { type: string; loc?: { start: { line: number } } } & Record<string, unknown>;

function memberCalls(source: string): { calls: MemberCall[]; flagsReads: number[] } {
  let ast;
  try {
    ast = parse(source, { ecmaVersion: "latest", locations: true, allowReturnOutsideFunction: true });
  } catch {
    return { calls: [], flagsReads: [] };
  }
  const calls: MemberCall[] = [];
  const flagsReads: number[] = [];
  simpleWalk(ast, {
    MemberExpression(node) {
      const n = node as unknown as Node;
      const property = n.property as Node;
      if (!n.computed && property.type === "Identifier" && property.name === "flags") flagsReads.push(n.loc?.start.line ?? 0);
    },
    CallExpression(node) {
      const n = node as unknown as Node;
      const callee = n.callee as Node;
      if (callee.type !== "MemberExpression" || callee.computed) return;
      const object = callee.object as Node;
      const property = callee.property as Node;
      const objectName =
        object.type === "Identifier"
          ? String(object.name)
          : object.type === "MemberExpression" && (object.object as Node).type === "Identifier"
            ? `${String((object.object as Node).name)}.${String((object.property as Node).name)}`
            : null;
      if (!objectName || property.type !== "Identifier") return;
      calls.push({ object: objectName, property: String(property.name), args: n.arguments as unknown[], line: n.loc?.start.line ?? 0 });
    },
  });
  return { calls, flagsReads };
}

function literal(node: unknown): string | null {
  const n = node as Node | undefined;
  return n && n.type === "Literal" && typeof n.value === "string" ? n.value : null;
}

/** Nesting deeper than Rhino parses, and a const as Rhino scopes it: true of any script Rhino runs (AM's or IBM's). */
export function rhinoParseWarnings(source: string): RunWarning[] {
  const warnings: RunWarning[] = [];
  const nesting = measureNesting(source);
  const deep = rhinoDepthWarning(nesting);
  if (deep) warnings.push({ code: "rhino-deep-nesting", message: deep, line: lineAt(source, rhinoDepthWarningAt(nesting) ?? 0) });
  warnings.push(...constWarnings(source));
  return warnings;
}

/** Reads of a regular expression's `flags`, which Rhino lacks (any Rhino-run script). */
export function regExpFlagsWarnings(flagsReads: readonly number[]): RunWarning[] {
  return flagsReads.map((line) => ({
    code: "regexp-flags",
    message: "A regular expression has no flags property in Rhino (it reads undefined there); the playground keeps QuickJS's, which reads e.g. \"g\". Use .global, .ignoreCase and .multiline.",
    line,
  }));
}

/** Every `.flags` read of a script, by line (for a product's own lint). */
export function flagsReadLines(source: string): number[] {
  return memberCalls(source).flagsReads;
}

export function lintScript(source: string, evaluator: Evaluator): RunWarning[] {
  const warnings: RunWarning[] = rhinoParseWarnings(source);
  warnings.push(...functionTextWarnings(source));
  const wrongEvaluator = evaluator === "legacy" ? NEXT_GEN_ONLY : LEGACY_ONLY;
  const { calls, flagsReads } = memberCalls(source);
  if (evaluator === "legacy") warnings.push(...javaValueWarnings(source));
  else warnings.push(...requestValueTextWarnings(source));
  warnings.push(...regExpFlagsWarnings(flagsReads));
  for (const call of calls) {
    const key = `${call.object}.${call.property}`;
    if (call.object === "accessToken" && /^remove/.test(call.property)) {
      warnings.push({
        code: "native-field-removed",
        message: `accessToken.${call.property}() removes a native field; AM relies on it and may then reject its own token.`,
        line: call.line,
      });
    }
    if (call.object === "accessToken" && call.property === "setField") {
      const name = literal(call.args[0]);
      if (name && isNativeFieldName(name)) {
        warnings.push({
          code: "native-field-changed",
          message: `setField("${name}") overwrites a native field; AM may then reject its own token.`,
          line: call.line,
        });
      }
    }
    // The script names these: "constructor.x()" must not find Object.prototype.constructor as a hint.
    const hint = ownValue(wrongEvaluator, key) ?? ownValue(wrongEvaluator, call.object);
    if (hint) {
      warnings.push({
        code: "wrong-evaluator-api",
        message: `${key}() does not exist for the ${evaluator === "legacy" ? "legacy" : "next-generation"} evaluator: ${hint}.`,
        line: call.line,
      });
    }
  }
  return warnings;
}
