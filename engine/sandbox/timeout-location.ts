/**
 * Where a script that ran out of time was running. QuickJS reports an interrupted script at the last *call*
 * its frame made (it records a frame's position only at calls), so `f();\nwhile (true) {}` was reported at
 * line 1, the call to f, as if f had hung. The running loop is read from the script's own structure instead:
 * it is in the same function as that position, and is either the loop that contains the call or a loop that
 * starts after it (one that made no call since). When exactly one such loop (with the loops inside it) is
 * possible, its line is the answer; when there are none, the call itself is what ran long (a builtin such as
 * a catastrophic regular expression); when the candidates disagree, there is no line rather than a wrong one.
 */
import { parse, type Node } from "acorn";
import { ancestor } from "acorn-walk";
import { offsetOfLineColumn } from "../util/line-offset";

type AnyNode = Node & Record<string, unknown>;

const LOOPS = new Set(["WhileStatement", "DoWhileStatement", "ForStatement", "ForInStatement", "ForOfStatement"]);
const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);


function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The line the script was running when its time ran out, given the position QuickJS reported (in the
 * script's own text), or undefined when that cannot be told.
 */
export function timeoutLine(source: string, reported: { line?: number; column?: number }): number | undefined {
  if (!reported.line) return undefined;
  const at = offsetOfLineColumn(source, reported.line, reported.column ?? 1);
  let program: Node;
  try {
    program = parse(source, { ecmaVersion: "latest", allowReturnOutsideFunction: true, allowHashBang: true });
  } catch {
    return undefined;
  }
  // Each loop with the innermost function (or the program) that holds it.
  const loops: { node: AnyNode; owner: Node }[] = [];
  let frame: Node = program;
  ancestor(program, {
    Function(n) {
      const node = n as unknown as AnyNode;
      if (node.start <= at && at < node.end && (frame === program || node.start >= frame.start)) frame = node;
    },
    Statement(n, _state, ancestors) {
      const node = n as unknown as AnyNode;
      if (!LOOPS.has(node.type)) return;
      const owner = [...ancestors].reverse().find((a) => a !== node && FUNCTIONS.has(a.type)) ?? program;
      loops.push({ node, owner });
    },
  });
  const mine = loops.filter((l) => l.owner === frame).map((l) => l.node);
  // The outermost loop around the position: an inner loop that was running when the limit struck may be a
  // finite one inside the endless outer loop (the likelier culprit, and its line is the one to look at).
  const containing = mine.filter((l) => l.start <= at && at < l.end).sort((a, b) => a.start - b.start)[0];
  if (containing) {
    // A loop further down the same function may be the one running (the containing one may have ended).
    return mine.some((l) => l.start >= containing.end) ? undefined : lineOf(source, containing.start);
  }
  const later = mine.filter((l) => l.start > at);
  if (later.length === 0) return reported.line;
  const first = later.reduce((a, b) => (b.start < a.start ? b : a));
  return later.every((l) => l.start >= first.start && l.end <= first.end) ? lineOf(source, first.start) : undefined;
}
