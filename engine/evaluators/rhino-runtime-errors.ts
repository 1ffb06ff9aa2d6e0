/**
 * Words a QuickJS runtime error the way Rhino 1.7.14 words it, so the message a script author sees here is
 * the one AM logs (goldens: test/conformance/runtime/runtime.golden.json). Rhino names the failing call and
 * the value ("Cannot find function bar in object [object Object]."), which QuickJS does not, so the call is
 * found in the script's syntax tree at the error's position and its parts are described in the guest.
 */
import { parse, type Node } from "acorn";
import { full } from "acorn-walk";

export interface RuntimeErrorSite {
  name: string;
  message: string;
  line?: number;
  column?: number;
  /** Evaluates a side-effect-free expression in the failed script's context; undefined if it fails. */
  inspect?: (expression: string) => string | undefined;
}

interface CallSite {
  kind: "member" | "identifier";
  object?: string;
  property?: string;
  name?: string;
}

type AnyNode = Node & Record<string, unknown> & { loc: { start: { line: number; column: number }; end: { line: number; column: number } } };

/** A plain chain of identifiers and dotted names: safe to evaluate again for its description. */
function chainText(node: AnyNode, source: string): string | null {
  if (node.type === "Identifier" || node.type === "ThisExpression") return source.slice(node.start, node.end);
  if (node.type === "Literal" && typeof node.value === "string") return source.slice(node.start, node.end);
  if (node.type === "MemberExpression" && !node.computed) {
    const object = chainText(node.object as AnyNode, source);
    return object ? `${object}.${String((node.property as AnyNode).name)}` : null;
  }
  return null;
}

function callAt(source: string, line: number, column: number): CallSite | null {
  let ast: Node;
  try {
    ast = parse(source, { ecmaVersion: "latest", locations: true, allowReturnOutsideFunction: true });
  } catch {
    return null;
  }
  let best: AnyNode | null = null;
  full(ast, (n) => {
    const node = n as AnyNode;
    if (node.type !== "CallExpression") return;
    const { start, end } = node.loc;
    const after = start.line < line || (start.line === line && start.column <= column);
    const before = end.line > line || (end.line === line && end.column >= column - 1);
    if (after && before && (!best || node.end - node.start < best.end - best.start)) best = node;
  });
  if (!best) return null;
  const callee = (best as AnyNode).callee as AnyNode;
  if (callee.type === "Identifier") return { kind: "identifier", name: String(callee.name) };
  if (callee.type === "MemberExpression" && !callee.computed) {
    const object = chainText(callee.object as AnyNode, source);
    return { kind: "member", property: String((callee.property as AnyNode).name), ...(object ? { object } : {}) };
  }
  return null;
}

/** The right-hand side of the assignment to `.property` on the error's line, as text safe to evaluate. */
function assignedValueAt(source: string, line: number, property: string): string | null {
  let ast: Node;
  try {
    ast = parse(source, { ecmaVersion: "latest", locations: true, allowReturnOutsideFunction: true });
  } catch {
    return null;
  }
  let found: string | null = null;
  full(ast, (n) => {
    const node = n as AnyNode;
    if (found !== null || node.type !== "AssignmentExpression" || node.loc.start.line !== line) return;
    const left = node.left as AnyNode;
    if (left.type === "MemberExpression" && !left.computed && (left.property as AnyNode).name === property) {
      const right = node.right as AnyNode;
      found = right.type === "Literal" ? source.slice(right.start, right.end) : chainText(right, source);
    }
  });
  return found;
}

const READ = /^cannot read property '(.*)' of (null|undefined)$/;
const SET = /^cannot set property '(.*)' of (null|undefined)$/;
const NOT_DEFINED = /^'(.*)' is not defined$/;

/** Rhino's "Name: message" for a QuickJS runtime error, or null to keep QuickJS's wording. */
export function rhinoRuntimeMessage(site: RuntimeErrorSite, source: string): string | null {
  const { name, message } = site;
  let m = NOT_DEFINED.exec(message);
  if (name === "ReferenceError" && m) return `ReferenceError: "${m[1]}" is not defined.`;
  if (name === "RangeError" && message === "invalid array length") return "RangeError: Inappropriate array length.";
  if (name === "InternalError" && message === "stack overflow") return "InternalError: Too much recursion (java.lang.StackOverflowError in AM)";
  if (name !== "TypeError") return null;
  m = SET.exec(message);
  if (m) {
    const value = site.line ? assignedValueAt(source, site.line, m[1]) : null;
    const shown = value !== null ? site.inspect?.(value) : undefined;
    return `TypeError: Cannot set property "${m[1]}" of ${m[2]}${shown !== undefined ? ` to "${shown}"` : ""}`;
  }
  const call = site.line && site.column ? callAt(source, site.line, site.column) : null;
  m = READ.exec(message);
  if (m) {
    if (call?.kind === "member" && call.property === m[1]) return `TypeError: Cannot call method "${m[1]}" of ${m[2]}`;
    return `TypeError: Cannot read property "${m[1]}" from ${m[2]}`;
  }
  if (message === "not a function" && call) {
    if (call.kind === "identifier" && call.name) {
      const type = site.inspect?.(`typeof ${call.name}`) ?? "undefined";
      return `TypeError: ${call.name} is not a function, it is ${type}.`;
    }
    if (call.kind === "member" && call.property) {
      const described = call.object ? site.inspect?.(`String(${call.object})`) : undefined;
      return `TypeError: Cannot find function ${call.property} in object ${described ?? "[object Object]"}.`;
    }
  }
  return null;
}
