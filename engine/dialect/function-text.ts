/**
 * A script's own function turned into text (`f.toString()`, `String(f)`, `f + ""`). Rhino 1.7.14 does not keep
 * a function's source: it re-prints it from its compiled form, so the text differs from what was written. Asked
 * of `rhino -version 0 -opt -1` (2026-12-01): `function a(x, y) { // comment\n /* block *\/ var s = 'str' + "dq";
 * return x+y; }` prints "\nfunction a(x, y) {\n    var s = \"str\" + \"dq\";\n    return x + y;\n}\n" (a newline
 * before and after, comments dropped, four-space indentation, double-quoted strings, spaces around operators,
 * braces added to an else branch); an empty anonymous function prints "\nfunction () {\n}\n". The playground
 * prints the source as written, so it warns where a script does this.
 */
import { parse } from "acorn";
import { simpleWalk } from "./walk";
import type { RunWarning } from "../result";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- acorn trees are walked generically, as in the other dialect checkers
type AnyNode = { type: string; loc?: { start: { line: number } } } & Record<string, any>;

const MESSAGE =
  "This turns a function of the script into text. Rhino 1.7.14 re-prints a function from its compiled form: a newline before and after, comments dropped, four-space indentation, strings in double quotes, spaces around operators (\"\\nfunction a(x) {\\n    return x + 1;\\n}\\n\"); the playground gives the source as written, so the text differs from AM's. Do not depend on a function's text.";

export function functionTextWarnings(source: string): RunWarning[] {
  if (!/\bfunction\b/.test(source)) return [];
  let ast: AnyNode;
  try {
    ast = parse(source, { ecmaVersion: "latest", locations: true, allowReturnOutsideFunction: true, allowReserved: true }) as unknown as AnyNode;
  } catch {
    return [];
  }
  const functionNames = new Set<string>();
  simpleWalk(ast as never, {
    FunctionDeclaration(node) {
      const n = node as unknown as AnyNode;
      if (n.id) functionNames.add(n.id.name as string);
    },
    VariableDeclarator(node) {
      const n = node as unknown as AnyNode;
      if (n.id.type === "Identifier" && (n.init?.type === "FunctionExpression" || n.init?.type === "ArrowFunctionExpression")) functionNames.add(n.id.name as string);
    },
  });
  const isFunction = (n: AnyNode | null | undefined): boolean =>
    !!n && (n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression" || (n.type === "Identifier" && functionNames.has(n.name as string)));
  const isText = (n: AnyNode): boolean => (n.type === "Literal" && typeof n.value === "string") || n.type === "TemplateLiteral";
  const lines = new Set<number>();
  simpleWalk(ast as never, {
    CallExpression(node) {
      const n = node as unknown as AnyNode;
      const callee = n.callee as AnyNode;
      const method = callee.type === "MemberExpression" && !callee.computed ? (callee.property.name as string) : null;
      if ((method === "toString" || method === "toSource") && isFunction(callee.object)) lines.add(n.loc?.start.line ?? 0);
      if (callee.type === "Identifier" && callee.name === "String" && n.arguments.length === 1 && isFunction(n.arguments[0])) lines.add(n.loc?.start.line ?? 0);
    },
    BinaryExpression(node) {
      const n = node as unknown as AnyNode;
      if (n.operator !== "+") return;
      if ((isFunction(n.left) && isText(n.right)) || (isFunction(n.right) && isText(n.left))) lines.add(n.loc?.start.line ?? 0);
    },
  });
  return [...lines].sort((a, b) => a - b).map((line) => ({ code: "function-source-text", message: MESSAGE, line }));
}
