/**
 * Static checks beyond syntax that hold for any script Rhino runs, whichever product's: nesting deeper than
 * Rhino parses, a const as Rhino scopes it, and reading a regular expression's `flags`, which Rhino lacks but
 * the playground keeps (rhino-surface.ts); plus the member calls a product's own lint reads. Each product's
 * lint is its own (AM's: products/am/lint.ts, one profile per evaluator; IBM's: products/ibm/lint.ts) and
 * builds on these, so nothing here tells products or evaluators apart.
 */
import { parse } from "acorn";
import { simpleWalk } from "./dialect/walk";
import type { RunWarning } from "./result";
import { measureNesting, rhinoDepthWarning, rhinoDepthWarningAt } from "./dialect/rhino-depth";
import { lineAt } from "./dialect/rhino-locate";
import { constWarnings } from "./dialect/rhino-const";

/** A call `object.method(…)` or `object.member.method(…)`, as a lint matches a binding's API. */
export interface MemberCall {
  object: string;
  property: string;
  args: unknown[];
  line: number;
}

type Node = { type: string; loc?: { start: { line: number } } } & Record<string, unknown>;

/** The script's member calls and `.flags` reads, by line; none for a script acorn cannot parse. */
export function memberCalls(source: string): { calls: MemberCall[]; flagsReads: number[] } {
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
