/**
 * `const` as Rhino 1.7.14 and AM give it to a script, which is not ES6's `const` (recorded in
 * test/conformance/runtime/const.golden.json and the dialect goldens):
 *  - it is scoped to the whole function (or script), like `var`, and hoisted: a second `const`, `var`, function
 *    or parameter of the same name in one function is a compile error ("TypeError: redeclaration of const t.");
 *  - inside a function it is set once: a `const` in a loop body keeps its first value, and assignments to it
 *    (also from closures) are silently ignored;
 *  - at the script's top level, AM's scope drops the value: AM's RhinoScriptEngine runs scripts in a
 *    ScriptContextScope, a plain Scriptable over the JSR 223 bindings that is not a ConstProperties, and
 *    Rhino only stores a constant's value in a ConstProperties scope. So a top-level `const` reads back
 *    `undefined` (assignments to it then do work). Shown with a scope built the same way in ConstRecorder.java.
 *
 * The playground's QuickJS has ES6 `const`, so before a run the script's `const` declarations are rewritten
 * into `var`s that behave as above (same lines; columns shift only after an initialiser on a const line), and
 * the lint says where a script's `const` does something an ES6 reader would not expect.
 */
import { Parser, tokenizer, tokTypes, type Node } from "acorn";
import type { RunWarning } from "../result";
import { fullAncestorWalk } from "./walk";

type AnyNode = Node & Record<string, any>;

type DeclarationKind = "const" | "var" | "parameter" | "function";

interface Declaration {
  name: string;
  kind: DeclarationKind;
  /** The scope it belongs to: a function node or the Program. */
  scope: AnyNode;
  /** Where its name starts (source order is the order Rhino's parser defines names in). */
  at: number;
}

export const CONST_VALUE = "__rhinoConstValue";
export const CONST_SINK = "__rhinoConstSink";
const CONST_FLAG = "__rhinoConstSet";

function isFunction(node: AnyNode): boolean {
  return node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression";
}

const LOOPS = new Set(["ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"]);

/** The names a binding pattern declares, without recursion into the host stack. */
function patternNames(pattern: AnyNode | null | undefined): AnyNode[] {
  const names: AnyNode[] = [];
  const pending: (AnyNode | null | undefined)[] = [pattern];
  while (pending.length > 0) {
    const p = pending.pop();
    if (!p) continue;
    if (p.type === "Identifier") names.push(p);
    else if (p.type === "ObjectPattern") for (const prop of p.properties) pending.push(prop.type === "RestElement" ? prop.argument : prop.value);
    else if (p.type === "ArrayPattern") for (const el of p.elements) pending.push(el);
    else if (p.type === "RestElement") pending.push(p.argument);
    else if (p.type === "AssignmentPattern") pending.push(p.left);
  }
  return names.sort((a, b) => a.start - b.start);
}

/** The innermost function (or the Program) among the ancestors, excluding the node itself. */
function enclosingScope(ancestors: AnyNode[]): AnyNode {
  for (let i = ancestors.length - 2; i >= 0; i--) if (isFunction(ancestors[i]) || ancestors[i].type === "Program") return ancestors[i];
  return ancestors[0];
}

interface ConstDeclaration {
  node: AnyNode;
  scope: AnyNode;
  inLoop: boolean;
  inBlock: boolean;
  /** The name of an enclosing catch clause's parameter that this const declares again, if any. */
  redeclaresCaught: string | null;
  /** Whether the declaration is a statement of its own (not a for loop's head). */
  isStatement: boolean;
}

interface Analysis {
  declarations: Declaration[];
  consts: ConstDeclaration[];
  /** Assignments and updates whose target resolves to a function-level const: [identifier, const declaration scope]. */
  constAssignments: { target: AnyNode; scope: AnyNode; line: number }[];
}

/**
 * The text with each declaration's `const` keyword read as `var  ` (same length), recording where they were:
 * Rhino scopes const like var, so this is how its parser sees them (acorn would reject `const a;` and the
 * redeclarations Rhino reports itself). `var const = 1` stays as it is, an error about the name.
 */
export function constsAsVars(text: string, constStarts: Set<number>): string | null {
  let out = text;
  try {
    const tokens = [...tokenizer(text, { ecmaVersion: "latest", allowReserved: true, allowReturnOutsideFunction: true })];
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type !== tokTypes._const) continue;
      const next = tokens[i + 1]?.type;
      const previous = tokens[i - 1]?.type;
      if (next !== tokTypes.name && next !== tokTypes.bracketL && next !== tokTypes.braceL) continue;
      if (previous === tokTypes._var || previous === tokTypes.dot || previous === tokTypes._const) continue;
      constStarts.add(tokens[i].start);
      out = out.slice(0, tokens[i].start) + "var  " + out.slice(tokens[i].end);
    }
  } catch {
    return null;
  }
  return constStarts.size > 0 ? out : null;
}

/** The script parsed with its consts read as Rhino reads them, and where those consts are. */
function parse(source: string): { program: AnyNode; constStarts: Set<number> } | null {
  const constStarts = new Set<number>();
  const text = constsAsVars(source, constStarts);
  if (text === null) return null;
  try {
    const program = Parser.parse(text, { ecmaVersion: "latest", sourceType: "script", allowReserved: true, allowReturnOutsideFunction: true, locations: true }) as AnyNode;
    return { program, constStarts };
  } catch {
    return null;
  }
}

function analyse(program: AnyNode, constStarts: ReadonlySet<number> = new Set()): Analysis {
  const declarations: Declaration[] = [];
  const consts: ConstDeclaration[] = [];
  const writes: { target: AnyNode; ancestors: AnyNode[] }[] = [];
  fullAncestorWalk(program, (raw, rawAncestors) => {
    const node = raw as AnyNode;
    const ancestors = rawAncestors as AnyNode[];
    if (node.type === "VariableDeclaration" && (node.kind === "var" || node.kind === "const")) {
      const scope = enclosingScope(ancestors);
      const kind: DeclarationKind = node.kind === "const" || constStarts.has(node.start) ? "const" : "var";
      for (const d of node.declarations) for (const id of patternNames(d.id)) declarations.push({ name: id.name, kind, scope, at: id.start });
      if (kind === "const") {
        let inLoop = false;
        let inBlock = false;
        let redeclaresCaught: string | null = null;
        const own = (node.declarations as AnyNode[]).flatMap((d) => patternNames(d.id).map((id) => id.name as string));
        for (let i = ancestors.length - 2; i >= 0 && ancestors[i] !== scope; i--) {
          if (LOOPS.has(ancestors[i].type)) inLoop = true;
          if (ancestors[i].type === "CatchClause" && redeclaresCaught === null) {
            redeclaresCaught = patternNames(ancestors[i].param).map((p) => p.name as string).find((n) => own.includes(n)) ?? null;
          }
          // A block inside the function (its own body is not one).
          if ((ancestors[i].type === "BlockStatement" && ancestors[i - 1] !== scope) || ancestors[i].type === "CatchClause") inBlock = true;
        }
        const parent = ancestors[ancestors.length - 2];
        const isStatement = parent !== undefined && (parent.type === "BlockStatement" || parent.type === "Program" || parent.type === "SwitchCase");
        consts.push({ node, scope, inLoop, inBlock, redeclaresCaught, isStatement });
      }
    } else if (isFunction(node)) {
      if (node.type === "FunctionDeclaration" && node.id) declarations.push({ name: node.id.name, kind: "function", scope: enclosingScope(ancestors), at: node.id.start });
      for (const param of node.params) for (const id of patternNames(param)) declarations.push({ name: id.name, kind: "parameter", scope: node, at: id.start });
    } else if (node.type === "AssignmentExpression" && node.left.type === "Identifier") {
      writes.push({ target: node.left, ancestors: [...ancestors] });
    } else if (node.type === "UpdateExpression" && node.argument.type === "Identifier") {
      writes.push({ target: node.argument, ancestors: [...ancestors] });
    }
  });
  declarations.sort((a, b) => a.at - b.at);

  // Which names each scope declares, and how (the first declaration decides, as in Rhino's parser).
  const byScope = new Map<AnyNode, Map<string, DeclarationKind>>();
  for (const d of declarations) {
    let names = byScope.get(d.scope);
    if (!names) byScope.set(d.scope, (names = new Map()));
    if (!names.has(d.name)) names.set(d.name, d.kind);
  }
  const constAssignments: Analysis["constAssignments"] = [];
  for (const { target, ancestors } of writes) {
    const name = target.name as string;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const a = ancestors[i];
      if (a.type === "CatchClause" && patternNames(a.param).some((p) => p.name === name)) break;
      if (a.type === "FunctionExpression" && a.id?.name === name && !byScope.get(a)?.has(name)) break;
      if (!(isFunction(a) || a.type === "Program")) continue;
      const kind = byScope.get(a)?.get(name);
      if (kind === undefined) continue;
      // A top-level const in AM is an ordinary (undefined) binding: assignments to it work there.
      if (kind === "const" && a.type !== "Program") constAssignments.push({ target, scope: a, line: target.loc?.start.line ?? 0 });
      break;
    }
  }
  return { declarations, consts, constAssignments };
}

/** Assignments whose target resolves to a const of the Program scope (for sources run as a function body). */
function topLevelConstAssignments(program: AnyNode, constStarts: ReadonlySet<number>): AnyNode[] {
  const { declarations } = analyse(program, constStarts);
  const consts = new Set(declarations.filter((d) => d.scope === program && d.kind === "const").map((d) => d.name));
  const shadowed = new Set(declarations.filter((d) => d.scope === program && d.kind !== "const").map((d) => d.name));
  if (consts.size === 0) return [];
  const targets: AnyNode[] = [];
  fullAncestorWalk(program, (raw, rawAncestors) => {
    const node = raw as AnyNode;
    const target = node.type === "AssignmentExpression" ? node.left : node.type === "UpdateExpression" ? node.argument : null;
    if (!target || target.type !== "Identifier" || !consts.has(target.name) || shadowed.has(target.name)) return;
    const ancestors = rawAncestors as AnyNode[];
    // Not when an inner function or catch clause declares the name itself.
    const inner = declarations.some((d) => d.name === target.name && d.scope !== program && ancestors.includes(d.scope));
    const caught = ancestors.some((a) => a.type === "CatchClause" && patternNames(a.param).some((p) => p.name === target.name));
    if (!inner && !caught) targets.push(target);
  });
  return targets;
}

/** Rhino's compile error for a name declared twice in one function where one of them is a const, or null. */
export function findConstRedeclaration(program: Node, constStarts: ReadonlySet<number> = new Set()): { name: string; message: string; at: number } | null {
  const { declarations } = analyse(program as AnyNode, constStarts);
  const seen = new Map<AnyNode, Map<string, DeclarationKind>>();
  const WORD: Record<DeclarationKind, string> = { const: "const", var: "var", parameter: "formal parameter", function: "function" };
  for (const d of declarations) {
    let names = seen.get(d.scope);
    if (!names) seen.set(d.scope, (names = new Map()));
    const earlier = names.get(d.name);
    if (earlier !== undefined && (earlier === "const" || d.kind === "const")) {
      return { name: d.name, message: `TypeError: redeclaration of ${WORD[earlier]} ${d.name}.`, at: d.at };
    }
    if (earlier === undefined) names.set(d.name, d.kind);
  }
  return null;
}

interface Edit {
  start: number;
  end: number;
  text: string;
  /** Among insertions at one offset, the higher rank ends up further right. */
  rank?: number;
}

/** Initialisers whose value a trailing `? void 0 : void 0` would not discard (it binds tighter than they do). */
const LOOSE_INITIALISERS = new Set(["AssignmentExpression", "ArrowFunctionExpression", "SequenceExpression", "YieldExpression", "ConditionalExpression"]);

export interface ConstRewriteOptions {
  /**
   * "script" (default): the source is a script AM runs in its ScriptContextScope, so top-level consts read
   * undefined. "function": the source becomes a function's body (a next-generation library, which the
   * playground wraps in a function as AM evaluates it): its top-level consts behave as a function's.
   */
  topLevel?: "script" | "function";
}

/**
 * The script with its `const` declarations rewritten to behave as in AM's Rhino (see the file comment), or the
 * script itself when it has none (or does not parse: the syntax check reports that).
 */
export function rewriteConstForRhino(source: string, options: ConstRewriteOptions = {}): string {
  if (!/\bconst\b/.test(source)) return source;
  const parsed = parse(source);
  if (!parsed) return source;
  const { consts, constAssignments } = analyse(parsed.program, parsed.constStarts);
  if (consts.length === 0) return source;
  const edits: Edit[] = [];
  let flags = 0;
  for (const { node, scope, redeclaresCaught, isStatement } of consts) {
    edits.push({ start: node.start, end: node.start + 5, text: "var  " });
    if (redeclaresCaught !== null && isStatement) {
      // Rhino: declaring the catch clause's own name fails when the declaration runs (recorded in
      // test/unit/rhino-const-rewrite.test.ts), as an InternalError the script can catch.
      const message = JSON.stringify(`TypeError: redeclaration of var ${redeclaresCaught}.`);
      edits.push({ start: node.start, end: node.start, text: `(function () { var e = new Error(${message}); e.name = "InternalError"; throw e; })(); `, rank: -1 });
    }
    const topLevel = scope.type === "Program" && options.topLevel !== "function";
    const declared: string[] = [];
    for (const d of node.declarations as AnyNode[]) {
      const init = d.init as AnyNode | null;
      if (!init) continue;
      if (topLevel) {
        // AM: the initialiser runs, its value is dropped.
        if (LOOSE_INITIALISERS.has(init.type)) {
          edits.push({ start: init.start, end: init.start, text: "(" });
          edits.push({ start: init.end, end: init.end, text: ", void 0)" });
        } else {
          edits.push({ start: init.end, end: init.end, text: " ? void 0 : void 0" });
        }
      } else if (d.id.type === "Identifier") {
        // Rhino: the initialiser runs each time, only the first value is kept.
        const flag = `${CONST_FLAG}${++flags}`;
        declared.push(flag);
        edits.push({ start: init.start, end: init.start, text: `(${CONST_VALUE} = (` });
        edits.push({ start: init.end, end: init.end, text: `), ${flag} ? ${d.id.name} : (${flag} = true, ${CONST_VALUE}))`, rank: 1 });
      }
    }
    if (declared.length > 0) {
      const last = node.declarations[node.declarations.length - 1] as AnyNode;
      edits.push({ start: last.end, end: last.end, text: `, ${declared.join(", ")}`, rank: 2 });
    }
  }
  for (const { target } of constAssignments) edits.push({ start: target.start, end: target.end, text: CONST_SINK });
  // As a function body, assignments to its top-level consts are ignored too.
  if (options.topLevel === "function") for (const target of topLevelConstAssignments(parsed.program, parsed.constStarts)) edits.push({ start: target.start, end: target.end, text: CONST_SINK });
  // Right to left, so earlier offsets stay valid; at one offset, a replacement before an insertion, and the
  // insertion meant to end up rightmost first.
  edits.sort((a, b) => b.start - a.start || b.end - a.end || (b.rank ?? 0) - (a.rank ?? 0));
  let out = source;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return `${out}\nvar ${CONST_VALUE}, ${CONST_SINK};`;
}

/** Where a script's `const` does what an ES6 reader would not expect, as lint warnings. */
export function constWarnings(source: string): RunWarning[] {
  if (!/\bconst\b/.test(source)) return [];
  const parsed = parse(source);
  if (!parsed) return [];
  const { consts, constAssignments } = analyse(parsed.program, parsed.constStarts);
  const warnings: RunWarning[] = [];
  for (const { node, scope, inLoop, inBlock, redeclaresCaught } of consts) {
    const names = (node.declarations as AnyNode[]).flatMap((d) => patternNames(d.id).map((id) => id.name as string));
    const what = `const ${names.join(", ")}`;
    const line = node.loc?.start.line as number;
    let message: string | null = null;
    if (redeclaresCaught !== null) {
      message = `${what} declares the catch clause's parameter again: Rhino 1.7.14 fails when the declaration runs, with "TypeError: redeclaration of var ${redeclaresCaught}." (an InternalError a catch block can catch); the playground does the same. Give the constant another name.`;
    } else if (scope.type === "Program") {
      message = `${what} at the script's top level reads back undefined in AM: Rhino 1.7.14 only keeps a constant's value in a scope that supports constants, and AM runs scripts in one that does not (the playground does the same). Use var.`;
    } else if (inLoop) {
      message = `${what} is inside a loop: Rhino 1.7.14's const belongs to the whole function and keeps the value of its first initialisation (ES6 gives each iteration a fresh one); the playground does the same. Use var and assign it.`;
    } else if (inBlock) {
      message = `${what} is visible in the whole function in Rhino 1.7.14 (not only in its block, as in ES6), so another const or var of that name in the same function is a compile error. Use var.`;
    }
    const assigned = constAssignments.filter((a) => a.scope === scope && names.includes(a.target.name));
    if (assigned.length > 0) {
      const lines = [...new Set(assigned.map((a) => a.line))].join(", ");
      message = `${message ? `${message} Also, ` : `${what}: `}assignments to it (line ${lines}) are silently ignored by Rhino 1.7.14 (ES6 would throw a TypeError); the playground ignores them too.`;
    }
    if (message) warnings.push({ code: "rhino-const", message, line });
  }
  return warnings;
}
