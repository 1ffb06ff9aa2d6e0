/**
 * Words a QuickJS runtime error the way Rhino 1.7.14 words it, so the message a script author sees here is
 * the one AM logs (goldens: test/conformance/runtime/runtime.golden.json). Rhino names the failing call and
 * the value ("Cannot find function bar in object [object Object]."), which QuickJS does not, so the call is
 * found in the script's syntax tree at the error's position and its parts are described in the guest.
 */
import { parse, type Node } from "acorn";
// Walks without host recursion: a script thousands of levels deep must still get its error worded.
import { fullWalk as full, fullAncestorWalk } from "../dialect/walk";
import type { LastRead } from "../sandbox/sandbox";
import { javaDoubleString } from "../token/values";

export interface RuntimeErrorSite {
  name: string;
  message: string;
  line?: number;
  column?: number;
  /** Evaluates a side-effect-free expression in the failed script's context; undefined if it fails. */
  inspect?: (expression: string) => string | undefined;
  /** The script's last read from a host object: names the Java object a failed call was made on. */
  lastRead?: LastRead;
}

interface CallSite {
  kind: "member" | "identifier" | "other";
  /** `new f()` rather than `f()`. */
  isNew: boolean;
  /** The callee as text safe to evaluate again, when it is a plain chain of names. */
  callee?: string;
  /** The callee chain starts at a function's local name: evaluating it again at the top level would not see it. */
  local: boolean;
  object?: string;
  property?: string;
  name?: string;
  /** Each argument as text safe to evaluate again (a literal or a plain chain of names), or null. */
  args: (string | null)[];
  /** Whether each argument's chain starts at a function's local name (then it cannot be evaluated again). */
  localArgs: boolean[];
}

/** How Rhino prints `undefined` where it names a value: Java's default toString() of its Undefined object. */
const RHINO_UNDEFINED = "org.mozilla.javascript.Undefined@1b2c3d4e";

type AnyNode = Node & Record<string, unknown> & { loc: { start: { line: number; column: number }; end: { line: number; column: number } } };

/** A plain chain of identifiers and dotted names: safe to evaluate again for its description. */
function chainText(node: AnyNode, source: string): string | null {
  if (node.type === "Identifier" || node.type === "ThisExpression") return source.slice(node.start, node.end);
  if (node.type === "Literal" && typeof node.value === "string") return source.slice(node.start, node.end);
  // A number, boolean or null literal, parenthesised so that a member read of it stays valid (`(5).foo`).
  if (node.type === "Literal" && (typeof node.value === "number" || typeof node.value === "boolean" || node.value === null) && !("regex" in node)) return `(${source.slice(node.start, node.end)})`;
  if (node.type === "MemberExpression" && !node.computed) {
    const object = chainText(node.object as AnyNode, source);
    return object ? `${object}.${String((node.property as AnyNode).name)}` : null;
  }
  return null;
}

let parsed: { source: string; ast: Node | null } | null = null;

/** The script's syntax tree; a script that catches errors in a loop asks for it often, so the last is kept. */
function syntaxTree(source: string): Node | null {
  if (parsed?.source !== source) {
    let ast: Node | null;
    try {
      ast = parse(source, { ecmaVersion: "latest", locations: true, allowReturnOutsideFunction: true });
    } catch {
      ast = null;
    }
    parsed = { source, ast };
  }
  return parsed.ast;
}

/** Names a function declares for itself: its own name (expressions), parameters, and var/let/const/function inside it. */
function declaredIn(fn: AnyNode): Set<string> {
  const names = new Set<string>();
  const id = fn.id as AnyNode | null;
  if (fn.type !== "FunctionDeclaration" && id) names.add(String(id.name));
  const addPattern = (p: AnyNode | null) => {
    if (!p) return;
    if (p.type === "Identifier") names.add(String(p.name));
    else if (p.type === "AssignmentPattern") addPattern(p.left as AnyNode);
    else if (p.type === "RestElement") addPattern(p.argument as AnyNode);
    else if (p.type === "ArrayPattern") for (const e of p.elements as (AnyNode | null)[]) addPattern(e);
    else if (p.type === "ObjectPattern") for (const prop of p.properties as AnyNode[]) addPattern((prop.value ?? prop.argument) as AnyNode);
  };
  for (const param of fn.params as AnyNode[]) addPattern(param);
  const visit = (node: AnyNode | null | undefined): void => {
    if (!node || typeof node.type !== "string") return;
    if (node.type === "FunctionDeclaration") {
      names.add(String((node.id as AnyNode).name));
      return;
    }
    if (node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression") return;
    if (node.type === "VariableDeclarator") addPattern(node.id as AnyNode);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const item of value) visit(item as AnyNode);
      else if (value && typeof value === "object" && typeof (value as AnyNode).type === "string") visit(value as AnyNode);
    }
  };
  visit(fn.body as AnyNode);
  return names;
}

function isLocal(name: string, ancestors: AnyNode[]): boolean {
  return ancestors.some(
    (a) =>
      ((a.type === "FunctionDeclaration" || a.type === "FunctionExpression" || a.type === "ArrowFunctionExpression") && declaredIn(a).has(name)) ||
      (a.type === "CatchClause" && (a.param as AnyNode | null)?.type === "Identifier" && (a.param as AnyNode).name === name),
  );
}

function chainBase(node: AnyNode): string | null {
  if (node.type === "Identifier") return String(node.name);
  if (node.type === "MemberExpression") return chainBase(node.object as AnyNode);
  return null;
}

function callAt(source: string, line: number, column: number): CallSite | null {
  const ast = syntaxTree(source);
  if (!ast) return null;
  let best: AnyNode | null = null;
  let bestAncestors: AnyNode[] = [];
  let returned: AnyNode | null = null;
  let returnedAncestors: AnyNode[] = [];
  fullAncestorWalk(ast, (n, ancestors) => {
    const node = n as AnyNode;
    // QuickJS compiles `return f()` as a tail call and reports the position of `return`, not of the call.
    if (node.type === "ReturnStatement" && node.loc.start.line === line && node.loc.start.column === column - 1) {
      const argument = node.argument as AnyNode | null;
      if (argument && (argument.type === "CallExpression" || argument.type === "NewExpression")) {
        returned = argument;
        returnedAncestors = [...(ancestors as AnyNode[])];
      }
    }
    if (node.type !== "CallExpression" && node.type !== "NewExpression") return;
    const { start, end } = node.loc;
    const after = start.line < line || (start.line === line && start.column <= column);
    const before = end.line > line || (end.line === line && end.column >= column - 1);
    if (after && before && (!best || node.end - node.start < best.end - best.start)) {
      best = node;
      bestAncestors = [...(ancestors as AnyNode[])];
    }
  });
  if (returned) {
    best = returned;
    bestAncestors = returnedAncestors;
  }
  if (!best) return null;
  const isNew = (best as AnyNode).type === "NewExpression";
  const callee = (best as AnyNode).callee as AnyNode;
  const argNodes = ((best as AnyNode).arguments as AnyNode[]) ?? [];
  const argsOf = { args: argNodes.map((a) => chainText(a, source)), localArgs: argNodes.map((a) => { const b = chainBase(a); return b !== null && isLocal(b, bestAncestors); }) };
  const calleeText = chainText(callee, source);
  const base = chainBase(callee);
  const local = base !== null && isLocal(base, bestAncestors);
  const text = calleeText ? { callee: calleeText, local, ...argsOf } : { local, ...argsOf };
  if (callee.type === "Identifier") return { kind: "identifier", isNew, name: String(callee.name), ...text };
  // `o["name"](…)` is the same call as `o.name(…)`, and Rhino words it the same.
  const literalName = callee.type === "MemberExpression" && callee.computed && (callee.property as AnyNode).type === "Literal" ? (callee.property as AnyNode).value : undefined;
  if (callee.type === "MemberExpression" && (!callee.computed || typeof literalName === "string")) {
    const object = chainText(callee.object as AnyNode, source);
    const property = typeof literalName === "string" ? literalName : String((callee.property as AnyNode).name);
    return { kind: "member", isNew, property, ...(object ? { object } : {}), ...text };
  }
  return { kind: "other", isNew, local: false, ...argsOf };
}

/** What the rewording could not see: set when the message is the likely one rather than the known one. */
export interface WordingNotes {
  approximate?: boolean;
}

/**
 * Rhino's TypeError for calling (or `new`-ing) something that is not a function. The value is looked up again
 * at the top level, or taken from the last host-object read; a function's local variable cannot be seen after
 * the error, so its message is the likely one (an undefined value, a missing method) and `notes` says so.
 */
function notFunctionMessage(site: RuntimeErrorSite, call: CallSite, notes: WordingNotes): string {
  const read = call.kind === "member" && site.lastRead?.property === call.property ? site.lastRead : undefined;
  const visible = call.callee !== undefined && !call.local;
  const guessed = <T>(value: T): T => {
    notes.approximate = true;
    return value;
  };
  // Rhino names the value itself for `new` and for a call through a local variable: "<value> is not a function, it is <typeof>."
  if (call.isNew || (call.kind === "identifier" && call.local)) {
    let type = read?.valueType ?? (visible ? site.inspect?.(`typeof ${call.callee}`) : undefined);
    let shown = read ? read.value : type !== undefined && type !== "undefined" ? site.inspect?.(call.callee as string) : undefined;
    if (type === undefined || (type !== "undefined" && shown === undefined)) {
      const object = site.message === "not a constructor";
      type = guessed(object ? "object" : "undefined");
      shown = object ? "[object Object]" : undefined;
    }
    // Rhino names the value with Java's String.valueOf: a number as a Java double (3 → "3.0").
    const named = type === "undefined" ? RHINO_UNDEFINED : type === "number" && shown !== undefined ? javaDoubleString(Number(shown)) : shown;
    return `TypeError: ${named} is not a function, it is ${type}.`;
  }
  if (call.kind === "identifier" && call.name) {
    const type = site.inspect?.(`typeof ${call.name}`) ?? guessed("undefined");
    return `TypeError: ${call.name} is not a function, it is ${type}.`;
  }
  if (call.kind === "member" && call.property) {
    const holder = read?.holder ?? (visible && call.object ? site.inspect?.(`String(${call.object})`) : undefined) ?? guessed("[object Object]");
    const type = read?.valueType ?? (visible ? site.inspect?.(`typeof ${call.callee}`) : undefined) ?? guessed("undefined");
    if (type === "undefined") {
      read?.missingMethod?.();
      return `TypeError: Cannot find function ${call.property} in object ${holder}.`;
    }
    return `TypeError: Cannot call property ${call.property} in object ${holder}. It is not a function, it is "${type}".`;
  }
  return guessed(`TypeError: ${site.message}`);
}

/** Array methods that call the function they are given: a value that is none fails inside them, not at the call. */
const CALLBACK_METHODS = new Set(["forEach", "map", "filter", "some", "every", "find", "findIndex", "reduce", "reduceRight", "sort"]);

/**
 * Rhino's "<value> is not a function, it is <type>." for a value handed to a built-in as its callback, which Rhino
 * names with Java's String.valueOf: 5 → "5.0", undefined → its Undefined object (recorded in Rhino 1.7.14). Null
 * when the argument cannot be evaluated again here (a local variable, an expression) or is a function after all.
 */
function callbackMessage(site: RuntimeErrorSite, call: CallSite): string | null {
  if (call.args.length === 0) return `TypeError: ${RHINO_UNDEFINED} is not a function, it is undefined.`;
  const arg = call.args[0];
  if (arg === null || call.localArgs[0]) return null;
  const type = site.inspect?.(`typeof ${arg}`);
  if (type === undefined || type === "function") return null;
  if (type === "undefined") return `TypeError: ${RHINO_UNDEFINED} is not a function, it is undefined.`;
  const text = site.inspect?.(`String(${arg})`);
  if (text === undefined) return null;
  const shown = type === "number" ? (Object.is(Number(text), -0) || text === "0" && site.inspect?.(`1 / ${arg} < 0`) === "true" ? "-0.0" : javaDoubleString(Number(text))) : text;
  return `TypeError: ${shown} is not a function, it is ${type}.`;
}

/** The first argument of the call at the error, as a number text Rhino prints (ToInteger), or undefined. */
function integerArgument(site: RuntimeErrorSite, call: CallSite | null): string | undefined {
  const arg = call?.args[0];
  if (!call || arg === null || arg === undefined || call.localArgs[0]) return undefined;
  return site.inspect?.(`Math.trunc(Number(${arg}))`);
}

/**
 * Built-ins' own failures, which QuickJS words in its terms (recorded in Rhino 1.7.14: test/conformance/runtime).
 * Null where the message needs a value the playground cannot see again.
 */
function builtInMessage(site: RuntimeErrorSite, call: CallSite | null): string | null {
  const { name, message } = site;
  if (name === "URIError") return "URIError: Malformed URI sequence.";
  if (name === "RangeError") {
    if (message === "invalid repeat count") return "RangeError: Invalid count value";
    if (message === "Date value is NaN") return "RangeError: Date is invalid.";
    if (message === "bad normalization form") return "RangeError: The normalization form should be one of 'NFC', 'NFD', 'NFKC', 'NFKD'.";
    if (message === "invalid number of digits") {
      const digits = integerArgument(site, call);
      return digits === undefined ? null : `RangeError: Precision ${digits} out of range.`;
    }
    if (message === "invalid code point") {
      const arg = call?.args[0];
      const text = arg && !call?.localArgs[0] ? site.inspect?.(`String(${arg})`) : undefined;
      return text === undefined ? null : `RangeError: Invalid code point ${text}`;
    }
    return null;
  }
  if (name !== "TypeError") return null;
  if (message === "empty array") return "TypeError: Reduce of empty array with no initial value";
  if (message === "invalid 'in' operand") return "TypeError: Can't use 'in' on a non-object.";
  if (message === "invalid 'instanceof' right operand") return "TypeError: Can't use 'instanceof' on a non-object.";
  if (message === "circular reference") return "TypeError: Cyclic org.mozilla.javascript.NativeObject value not allowed.";
  if (message === "not a object" && call?.kind === "member" && call.property === "apply") return "TypeError: second argument to Function.prototype.apply must be an array";
  return null;
}

/** The right-hand side of the assignment to `.property` on the error's line, as text safe to evaluate. */
function assignedValueAt(source: string, line: number, property: string): string | null {
  const ast = syntaxTree(source);
  if (!ast) return null;
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
export function rhinoRuntimeMessage(site: RuntimeErrorSite, source: string, notes: WordingNotes = {}): string | null {
  const { name, message } = site;
  let m = NOT_DEFINED.exec(message);
  if (name === "ReferenceError" && m) return `ReferenceError: "${m[1]}" is not defined.`;
  if (name === "RangeError" && message === "invalid array length") return "RangeError: Inappropriate array length.";
  if (name === "InternalError" && message === "stack overflow") return "InternalError: Too much recursion (java.lang.StackOverflowError in AM)";
  if (name === "TypeError" || name === "RangeError" || name === "URIError") {
    const builtIn = builtInMessage(site, site.line && site.column ? callAt(source, site.line, site.column) : null);
    if (builtIn) return builtIn;
  }
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
  if (message === "not a function" && call?.kind === "member" && call.property && CALLBACK_METHODS.has(call.property)) {
    const callback = callbackMessage(site, call);
    if (callback) return callback;
  }
  if ((message === "not a function" || message === "not a constructor") && call) return notFunctionMessage(site, call, notes);
  return null;
}

/**
 * The message a script's catch block should see for an error QuickJS raised (Rhino's, without the
 * "Name: " prefix), or null to keep QuickJS's.
 */
export function rhinoCaughtMessage(site: RuntimeErrorSite, source: string, notes: WordingNotes = {}): string | null {
  if (site.name !== "TypeError" && site.name !== "ReferenceError" && site.name !== "RangeError" && site.name !== "URIError") return null;
  const worded = rhinoRuntimeMessage(site, source, notes);
  return worded?.startsWith(`${site.name}: `) ? worded.slice(site.name.length + 2) : null;
}
