/**
 * Lets the host reword an error the script catches. QuickJS words its own TypeErrors ("not a function") and
 * builds them without any hook a host could use, while Rhino names the call ("Cannot find function x in
 * object …") — and scripts read `e.message` in their catch blocks. So every `catch (e) {` of the script
 * gets `e=HOOK(e);` as its first statement, on the same line; the hook hands the error to the host and
 * returns it with Rhino's message. Positions QuickJS reports are mapped back to the script's own columns.
 */
import { parse, type Node } from "acorn";
import { simple } from "acorn-walk";

/** The guest global the inserted statements call (defined, read-only, by the prelude). */
export const CATCH_HOOK = "__playgroundCaught";

interface Insertion {
  line: number;
  /** 0-based column in the original line where the text was inserted. */
  column: number;
  length: number;
}

export interface InstrumentedSource {
  source: string;
  insertions: readonly Insertion[];
}

const memo = new Map<string, InstrumentedSource>();
const MEMO_LIMIT = 16;

type CatchNode = Node & { param: (Node & { name?: string }) | null; body: Node & { loc?: { start: { line: number; column: number } } } };

/** The script with every catch block hooked; unchanged when it has none (or does not parse). */
export function instrumentCatches(source: string): InstrumentedSource {
  if (!source.includes("catch")) return { source, insertions: [] };
  const known = memo.get(source);
  if (known) return known;
  let ast: Node;
  try {
    ast = parse(source, { ecmaVersion: "latest", locations: true, allowReturnOutsideFunction: true, allowHashBang: true });
  } catch {
    return { source, insertions: [] };
  }
  const points: { offset: number; text: string; line: number; column: number }[] = [];
  simple(ast, {
    CatchClause(n) {
      const node = n as CatchNode;
      if (node.param?.type !== "Identifier" || !node.param.name || !node.body.loc) return;
      const name = node.param.name;
      points.push({ offset: node.body.start + 1, text: `${name}=${CATCH_HOOK}(${name});`, line: node.body.loc.start.line, column: node.body.loc.start.column + 1 });
    },
  });
  points.sort((a, b) => a.offset - b.offset);
  let out = "";
  let at = 0;
  for (const p of points) {
    out += source.slice(at, p.offset) + p.text;
    at = p.offset;
  }
  out += source.slice(at);
  const instrumented = { source: out, insertions: points.map((p) => ({ line: p.line, column: p.column, length: p.text.length })) };
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  memo.set(source, instrumented);
  return instrumented;
}

/** The script's own 1-based column for a 1-based column QuickJS reported on `line` of the instrumented source. */
export function originalColumn(instrumented: InstrumentedSource, line: number, column: number): number {
  let shift = 0;
  for (const i of instrumented.insertions) {
    if (i.line !== line) continue;
    const inserted = i.column + shift;
    if (column - 1 >= inserted + i.length) shift += i.length;
    else if (column - 1 >= inserted) return i.column + 1;
  }
  return column - shift;
}
