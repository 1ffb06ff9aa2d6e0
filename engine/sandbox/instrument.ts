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
 * Positions QuickJS reports are mapped back to the script's own lines and columns.
 */
import { parse, tokenizer, type Node } from "acorn";
import { simpleWalk } from "../dialect/walk";

/** The guest globals the inserted code calls (defined, read-only and non-enumerable, by the prelude). */
export const CATCH_HOOK = "__playgroundCaught";
export const EQUALITY_HOOK = "__playgroundEq";
export const EACH_HOOK = "__playgroundEach";

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
  /** The hooks the inserted code calls: "c" catch, "e" for each, "q" equality (see HOOKS_SOURCE). */
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

/** The script with its catch blocks hooked, object-to-object `==`/`!=` following Rhino, `for each` runnable. */
export function instrumentScript(source: string): InstrumentedSource {
  if (!source.includes("catch") && !source.includes("=") && !source.includes("each")) return unchanged(source);
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
  // Iterative: a script of thousands of "a" + … terms must not exhaust the host's stack here (Rhino compiles it).
  simpleWalk(ast, {
    ForInStatement(n) {
      const node = n as unknown as AnyNode;
      const word = eachWords.find((at) => at > node.start && at < (node.left as AnyNode).start);
      if (word === undefined) return;
      const right = node.right as AnyNode;
      const keyword = operatorAt(parseable, (node.left as AnyNode).end);
      if (keyword < 0 || parseable.slice(keyword, keyword + 2) !== "in") return;
      edits.push({ at: keyword, remove: 2, text: "of", rank: 0 });
      edits.push({ at: right.start, remove: 0, text: `${EACH_HOOK}(`, rank: -(right.end - right.start) });
      edits.push({ at: right.end, remove: 0, text: ")", rank: right.end - right.start });
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
    const plain = unchanged(source);
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
  const hooks = [CATCH_HOOK, EACH_HOOK, EQUALITY_HOOK].map((hook, i) => (out.includes(hook) ? "ceq"[i] : "")).join("");
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
