/**
 * The two places where the script's own text is adjusted before QuickJS runs it, because QuickJS offers no
 * hook where Rhino's behaviour differs and scripts can observe it:
 * - Caught errors. QuickJS words its own TypeErrors ("not a function") while Rhino names the call ("Cannot
 *   find function x in object …"), and scripts read `e.message` in their catch blocks. Every `catch (e) {`
 *   gets `e=__playgroundCaught(e);` as its first statement, on the same line; the hook hands the error to the
 *   host and returns it with Rhino's message.
 * - `==` / `!=` between two Java values. Rhino compares two wrapped Java strings, numbers or booleans by
 *   value (`identity.getName() == accessToken.getField("n")`), JavaScript compares two objects by identity.
 *   `a == b` becomes `__playgroundEq(a,b)` (and `!=` its negation) unless one side is a literal or a typeof,
 *   where both engines already agree.
 * - `for each (x in o)`, JavaScript 1.6 iteration over values that Rhino still runs and QuickJS cannot parse,
 *   becomes `for (x of __playgroundEach(o))` (the values of o's enumerable properties, taken at the start).
 * - Property order. Rhino lists an object's keys in creation order, integer-like keys too; QuickJS lists those
 *   first. A script that can create such keys and enumerate an object gets the hooks of property-order.ts
 *   around its object literals with integer-like keys, member writes, deletes and for…in loops.
 * - `throw x` where x is not an Error built in place: `throw __playgroundThrow(x)`, which notes the stack when
 *   x is no Error, so an uncaught `throw "text"` (from a callback the host ran too) is reported at its line.
 * - `for (k in o)`: `for (k in __playgroundForIn(o))`, because Rhino enumerates no index of a string.
 * Positions QuickJS reports are mapped back to the script's own lines and columns.
 */
import { parse, tokenizer, type Node } from "acorn";
import { simpleWalk } from "../dialect/walk";
import { ORDER_DELETE_HOOK, ORDER_IN_HOOK, ORDER_KEY_HOOK, ORDER_LITERAL_HOOK, ORDER_VALUES_HOOK } from "./property-order";

/** The guest globals the inserted code calls (defined, read-only and non-enumerable, by the prelude). */
export const CATCH_HOOK = "__playgroundCaught";
export const EQUALITY_HOOK = "__playgroundEq";
export const EACH_HOOK = "__playgroundEach";
/** Notes where a value that is not an Error was thrown: QuickJS gives such a value no stack, Rhino names its line. */
export const THROW_HOOK = "__playgroundThrow";
/** Answers [the last such value, the stack where it was thrown] (see THROW_HOOK). */
export const THROWN_HOOK = "__playgroundThrown";
/** Wraps a plain for…in's object: Rhino 1.7.14 lists no index of a string ("ab" gives no key; QuickJS gives 0 and 1). */
export const FOR_IN_HOOK = "__playgroundForIn";

interface Edit {
  /** Offset in the original source. */
  at: number;
  /** Characters of the original removed there. */
  remove: number;
  text: string;
  /** Among edits at the same offset, lower goes first (outer expressions open first and close last). */
  rank: number;
}

export interface InstrumentedSource {
  source: string;
  /** Edits in the order applied, with where each lands in the instrumented text. */
  edits: readonly (Edit & { landed: number })[];
  /** The hooks the inserted code calls: "c" catch, "e" for each, "q" equality, "t" throw, "s" for…in (see HOOKS_SOURCE), "o" property order (PROPERTY_ORDER_SOURCE). */
  hooks: string;
  /** Start offset of each line, in the instrumented text and in the original. */
  lineStarts: readonly number[];
  originalLineStarts: readonly number[];
}

type AnyNode = Node & Record<string, unknown>;

const memo = new Map<string, InstrumentedSource>();
const MEMO_LIMIT = 16;

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

function unchanged(source: string): InstrumentedSource {
  const starts = lineStartsOf(source);
  return { source, edits: [], hooks: "", lineStarts: starts, originalLineStarts: starts };
}

/** Where the `==`/`!=` operator of a binary expression stands: after its left side, its closing parens and comments. */
function operatorAt(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    if (/\s|\)/.test(source[i])) i++;
    else if (source.startsWith("//", i)) i = source.indexOf("\n", i) < 0 ? source.length : source.indexOf("\n", i);
    else if (source.startsWith("/*", i)) i = source.indexOf("*/", i) < 0 ? source.length : source.indexOf("*/", i) + 2;
    else return i;
  }
  return -1;
}

/** An operand on which JavaScript's == already answers as Rhino's does (a primitive by construction). */
function isPrimitiveOperand(node: AnyNode): boolean {
  if (node.type === "ParenthesizedExpression") return isPrimitiveOperand(node.expression as AnyNode);
  if (node.type === "Literal" || node.type === "TemplateLiteral") return true;
  if (node.type === "Identifier" && (node.name === "undefined" || node.name === "NaN" || node.name === "Infinity")) return true;
  return node.type === "UnaryExpression" && (node.operator === "typeof" || node.operator === "!" || node.operator === "-" || node.operator === "+");
}

/** Offsets of the `each` in each `for each (`, found by tokens so strings and comments do not count. */
function forEachWords(source: string): number[] {
  if (!/\bfor\s+each\b/.test(source)) return [];
  const found: number[] = [];
  try {
    const tokens = [...tokenizer(source, { ecmaVersion: "latest", allowReturnOutsideFunction: true, allowHashBang: true })];
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (tokens[i].type.keyword === "for" && source.slice(tokens[i + 1].start, tokens[i + 1].end) === "each" && tokens[i + 2].type.label === "(") found.push(tokens[i + 1].start);
    }
  } catch {
    return found;
  }
  return found;
}

/** An integer-like key ("2"), which QuickJS lists before the other keys and Rhino where it was created. */
const INTEGER_KEY = /^(?:0|[1-9][0-9]*)$/;

/**
 * Whether the script may both create an integer-like key on an object (an object literal with one, a computed
 * write or a delete) and see an object's key order (enumerate it or turn it into JSON): only such scripts pay
 * for the property-order hooks. A scan of the text; strings and comments may make it say yes needlessly.
 */
export function mayDependOnKeyOrder(source: string): boolean {
  const enumerates = /\b(?:keys|getOwnPropertyNames|assign|stringify|toSource|uneval)\b/.test(source) || /\bfor\b[^;{]*\bin\b/.test(source);
  if (!enumerates) return false;
  return /[{,]\s*["']?(?:0|[1-9][0-9]*)["']?\s*:|\bJSON\s*\.\s*parse\b/.test(source) || /\]\s*(?:[-+*/%&|^]|<<|>>>?)?=(?!=)|\]\s*(?:\+\+|--)|\bdelete\b/.test(source);
}

/** An object expression that reads the same when evaluated twice (names, `this`, member reads by name or literal). */
function isRepeatable(node: AnyNode): boolean {
  if (node.type === "Identifier" || node.type === "ThisExpression") return true;
  if (node.type !== "MemberExpression") return false;
  const property = node.property as AnyNode;
  if (node.computed && property.type !== "Literal" && property.type !== "Identifier") return false;
  return isRepeatable(node.object as AnyNode);
}

/** The key a non-computed or literal property key names, or null (computed keys, which Rhino 1.7.14 rejects). */
function literalKey(property: AnyNode): string | null {
  if (property.computed || property.type !== "Property") return null;
  const key = property.key as AnyNode;
  if (key.type === "Identifier") return String(key.name);
  if (key.type === "Literal") return String(key.value);
  return null;
}

/** The script with its catch blocks hooked, object-to-object `==`/`!=` following Rhino, `for each` runnable. */
export function instrumentScript(source: string): InstrumentedSource {
  if (!source.includes("catch") && !source.includes("=") && !source.includes("each") && !source.includes("throw") && !/\bin\b/.test(source) && !mayDependOnKeyOrder(source)) return unchanged(source);
  const known = memo.get(source);
  if (known) return known;
  const eachWords = forEachWords(source);
  // Blank each `each` (same length) so the loop parses; the edits below turn it into a for…of.
  let parseable = source;
  for (const at of eachWords) parseable = `${parseable.slice(0, at)}    ${parseable.slice(at + 4)}`;
  let ast: Node;
  try {
    ast = parse(parseable, { ecmaVersion: "latest", allowReturnOutsideFunction: true, allowHashBang: true, preserveParens: true });
  } catch {
    return unchanged(source);
  }
  const edits: Edit[] = [];
  for (const at of eachWords) edits.push({ at, remove: 4, text: "", rank: 0 });
  const keepOrder = mayDependOnKeyOrder(source);
  /** Wraps a node in `hook(` … `suffix)`, outside any other edit on the same node (`depth` orders wrappers of one node). */
  const wrap = (node: AnyNode, open: string, close: string, depth: number): void => {
    const size = node.end - node.start + depth;
    edits.push({ at: node.start, remove: 0, text: open, rank: -size });
    edits.push({ at: node.end, remove: 0, text: close, rank: size });
  };
  /**
   * `o[k]` / `o.k` as an assignment target or delete operand: the key goes through `hook(o, k)` first. Writes by
   * name are noted too, so the order kept is complete at each write and noting one costs no listing of keys.
   */
  const hookKey = (target: AnyNode, hook: string): void => {
    const object = target.object as AnyNode;
    if (target.type !== "MemberExpression" || !isRepeatable(object)) return;
    const property = target.property as AnyNode;
    const objectText = source.slice(object.start, object.end);
    if (target.computed) wrap(property, `${hook}(${objectText},`, ")", 0.5);
    else if (property.type === "Identifier") edits.push({ at: object.end, remove: property.end - object.end, text: `[${hook}(${objectText},${JSON.stringify(property.name)})]`, rank: 0 });
  };
  // Iterative: a script of thousands of "a" + … terms must not exhaust the host's stack here (Rhino compiles it).
  simpleWalk(ast, {
    ForInStatement(n) {
      const node = n as unknown as AnyNode;
      const word = eachWords.find((at) => at > node.start && at < (node.left as AnyNode).start);
      const right = node.right as AnyNode;
      const keyword = operatorAt(parseable, (node.left as AnyNode).end);
      if (word === undefined && !keepOrder) {
        wrap(right, `${FOR_IN_HOOK}(`, ")", 1);
        return;
      }
      if (keyword < 0 || parseable.slice(keyword, keyword + 2) !== "in") return;
      edits.push({ at: keyword, remove: 2, text: "of", rank: 0 });
      // for…in: the keys in Rhino's order; for each…in: the values, in that order when the script keeps it.
      const hook = word === undefined ? ORDER_IN_HOOK : keepOrder ? ORDER_VALUES_HOOK : EACH_HOOK;
      wrap(right, `${hook}(`, ")", 1);
    },
    ObjectExpression(n) {
      if (!keepOrder) return;
      const node = n as unknown as AnyNode;
      const keys: string[] = [];
      let integerLike = false;
      for (const property of node.properties as AnyNode[]) {
        const key = literalKey(property);
        if (key === null) continue;
        // `__proto__: x` sets the prototype; no key is created.
        if (key === "__proto__" && property.kind === "init" && !property.method && !property.shorthand) continue;
        if (INTEGER_KEY.test(key)) integerLike = true;
        keys.push(key);
      }
      if (integerLike) wrap(node, `${ORDER_LITERAL_HOOK}(`, `,${JSON.stringify(keys)})`, 0.5);
    },
    AssignmentExpression(n) {
      const node = n as unknown as AnyNode;
      if (keepOrder) hookKey(node.left as AnyNode, ORDER_KEY_HOOK);
    },
    UpdateExpression(n) {
      const node = n as unknown as AnyNode;
      if (keepOrder) hookKey(node.argument as AnyNode, ORDER_KEY_HOOK);
    },
    UnaryExpression(n) {
      const node = n as unknown as AnyNode;
      if (keepOrder && node.operator === "delete") hookKey(node.argument as AnyNode, ORDER_DELETE_HOOK);
    },
    ThrowStatement(n) {
      const argument = (n as unknown as AnyNode).argument as AnyNode;
      // `throw new Error(…)` (the usual throw) carries its own stack.
      if (argument.type !== "NewExpression") wrap(argument, `${THROW_HOOK}(`, ")", 0);
    },
    CatchClause(n) {
      const node = n as unknown as AnyNode;
      const param = node.param as AnyNode | null;
      if (param?.type !== "Identifier") return;
      const name = String(param.name);
      edits.push({ at: (node.body as AnyNode).start + 1, remove: 0, text: `${name}=${CATCH_HOOK}(${name});`, rank: 0 });
    },
    BinaryExpression(n) {
      const node = n as unknown as AnyNode;
      if (node.operator !== "==" && node.operator !== "!=") return;
      const left = node.left as AnyNode;
      const right = node.right as AnyNode;
      if (isPrimitiveOperand(left) || isPrimitiveOperand(right)) return;
      const op = operatorAt(source, left.end);
      if (op < 0 || source.slice(op, op + 2) !== node.operator) return;
      const size = node.end - node.start;
      edits.push({ at: node.start, remove: 0, text: `${node.operator === "!=" ? "!" : ""}${EQUALITY_HOOK}(`, rank: -size });
      edits.push({ at: op, remove: 2, text: ",", rank: 0 });
      edits.push({ at: node.end, remove: 0, text: ")", rank: size });
    },
  });
  if (edits.length === 0) {
    const plain = { ...unchanged(source), hooks: keepOrder && /\bJSON\b/.test(source) ? "o" : "" };
    remember(source, plain);
    return plain;
  }
  edits.sort((a, b) => a.at - b.at || a.rank - b.rank);
  let out = "";
  let at = 0;
  const landed: (Edit & { landed: number })[] = [];
  for (const edit of edits) {
    out += source.slice(at, edit.at);
    landed.push({ ...edit, landed: out.length });
    out += edit.text;
    at = edit.at + edit.remove;
  }
  out += source.slice(at);
  // JSON.parse may create integer-like keys too (the extra records the text's order).
  const ordered = (keepOrder && /\bJSON\b/.test(source)) || [ORDER_KEY_HOOK, ORDER_LITERAL_HOOK, ORDER_DELETE_HOOK, ORDER_IN_HOOK, ORDER_VALUES_HOOK].some((hook) => out.includes(hook));
  const hooks = [CATCH_HOOK, EACH_HOOK, EQUALITY_HOOK, THROW_HOOK, FOR_IN_HOOK].map((hook, i) => (out.includes(hook) ? "ceqts"[i] : "")).join("") + (ordered ? "o" : "");
  const instrumented = { source: out, edits: landed, hooks, lineStarts: lineStartsOf(out), originalLineStarts: lineStartsOf(source) };
  remember(source, instrumented);
  return instrumented;
}

function remember(source: string, instrumented: InstrumentedSource): void {
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  memo.set(source, instrumented);
}

/**
 * The script's own 1-based line and column for a position QuickJS reported in the instrumented text; a
 * position inside inserted text maps to where that text was inserted.
 */
export function originalPosition(instrumented: InstrumentedSource, line: number, column: number): { line: number; column: number } {
  if (instrumented.edits.length === 0) return { line, column };
  const offset = (instrumented.lineStarts[line - 1] ?? 0) + column - 1;
  let shift = 0;
  for (const edit of instrumented.edits) {
    if (edit.landed > offset) break;
    if (offset < edit.landed + edit.text.length) return toLineColumn(instrumented.originalLineStarts, edit.at);
    shift = edit.landed + edit.text.length - (edit.at + edit.remove);
  }
  return toLineColumn(instrumented.originalLineStarts, offset - shift);
}

function toLineColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}
