/**
 * Rhino 1.7.14's Decompiler, re-done over acorn's tree: Rhino keeps no function source, it re-prints a function
 * from its compiled form. What it prints was asked of `rhino -version 0` (goldens: test/unit/rhino-decompile.test.ts):
 * - toString() ("pretty"): a newline before and after, comments dropped, four-space indentation, every branch and
 *   loop body in braces (an `else if` becomes an `else { if … }`), a bare block flattened into its statements,
 *   `case` two spaces in, `catch`/`finally` on their own lines, a label before a loop one level out, strings in
 *   double quotes with Rhino's escapes (\xHH below 256, \uHHHH above), numbers as JavaScript prints them
 *   (0x10 → 16, 1.50 → 1.5, 1e21 → 1e+21), `new F` → `new F()`, parentheses kept exactly as written.
 * - toSource()/uneval ("compact"): the same tokens on one line, no newlines or indentation; a function expression
 *   wrapped in parentheses, a declared function not.
 * A shape Rhino 1.7.14 prints in a way not recorded here (ES6 syntax, `debugger`, …) throws UnsupportedShape, so
 * the caller can say the text may differ instead of guessing.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- acorn trees are walked generically, as in the other dialect checkers
export type AnyNode = { type: string; start: number; end: number } & Record<string, any>;

export class UnsupportedShape extends Error {
  constructor(readonly node: AnyNode) {
    super(`Rhino's re-printing of ${node.type} is not recorded`);
  }
}

export type DecompileMode = "pretty" | "compact";

/** A string literal as Rhino's ScriptRuntime.escapeString prints it, in the given quote. */
export function rhinoQuote(text: string, quote: '"' | "'" = '"'): string {
  let out = quote;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i];
    if (c >= 0x20 && c <= 0x7e && ch !== quote && ch !== "\\") {
      out += ch;
      continue;
    }
    const named: Record<number, string> = { 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r", 0x5c: "\\" };
    if (named[c]) out += "\\" + named[c];
    else if (ch === quote) out += "\\" + quote;
    else out += c < 256 ? "\\x" + c.toString(16).padStart(2, "0") : "\\u" + c.toString(16).padStart(4, "0");
  }
  return out + quote;
}

const WORD_OPERATORS = new Set(["typeof", "void", "delete"]);

class Printer {
  constructor(
    private readonly mode: DecompileMode,
    /** The text the tree was parsed from: whether an arrow's single parameter was written in parentheses. */
    private readonly source: string | undefined,
  ) {}

  private get pretty(): boolean {
    return this.mode === "pretty";
  }

  /** Start of a line at `level`, in pretty mode. */
  private line(level: number, extra = 0): string {
    return this.pretty ? " ".repeat(level * 4 + extra) : "";
  }

  private get nl(): string {
    return this.pretty ? "\n" : "";
  }

  /** `function name(params) {…}` whose closing brace stands at `level`. */
  fn(node: AnyNode, level: number, head = "function "): string {
    if (node.async || node.generator) throw new UnsupportedShape(node);
    const params = (node.params as AnyNode[]).map((p) => (p.type === "Identifier" ? (p.name as string) : unsupported(p))).join(", ");
    if (node.type === "ArrowFunctionExpression") return this.arrow(node, params, level);
    const name = node.id ? (node.id.name as string) : "";
    const body = this.statements(node.body.body as AnyNode[], level + 1);
    return `${head}${name}(${params}) {${this.nl}${body}${this.line(level)}}`;
  }

  /**
   * `x => x`, `(x, y) => {…}`: parameters in parentheses as written. Recorded: after a block body Rhino goes on
   * on a new line at the arrow's level (`return (x) => {\n        return x;\n    }\n    ;`), except where the
   * arrow is the function printed.
   */
  private arrow(node: AnyNode, params: string, level: number): string {
    if (this.source === undefined) throw new UnsupportedShape(node);
    const parenthesized = this.source[node.start] === "(";
    const head = `${parenthesized ? `(${params})` : params} => `;
    if (node.expression) return head + this.expr(node.body as AnyNode, level);
    const body = this.statements(node.body.body as AnyNode[], level + 1);
    const after = level === 0 && this.arrowIsRoot(node) ? "" : this.nl + this.line(level);
    return `${head}{${this.nl}${body}${this.line(level)}}${after}`;
  }

  root: AnyNode | null = null;

  private arrowIsRoot(node: AnyNode): boolean {
    return node === this.root;
  }

  /** Statements as lines at `level` (pretty) or run together (compact). */
  statements(list: AnyNode[], level: number): string {
    const at = this.line(level);
    // Recorded: the statement after a `debugger;` starts at the line's beginning, not at its level.
    return list
      .map((s, i) => {
        const text = this.statement(s, level);
        return i > 0 && list[i - 1].type === "DebuggerStatement" && text.startsWith(at) ? text.slice(at.length) : text;
      })
      .join("");
  }

  /** A branch or loop body: always braced, a block's own statements inside. */
  private body(node: AnyNode, level: number): string {
    const inner = node.type === "BlockStatement" ? this.statements(node.body as AnyNode[], level + 1) : this.statement(node, level + 1);
    return `{${this.nl}${inner}${this.line(level)}}`;
  }

  statement(node: AnyNode, level: number): string {
    const at = this.line(level);
    const end = this.nl;
    switch (node.type) {
      case "ExpressionStatement":
        return `${at}${this.expr(node.expression as AnyNode, level)};${end}`;
      case "VariableDeclaration":
        return `${at}${this.declaration(node, level)};${end}`;
      case "FunctionDeclaration":
        return `${at}${this.fn(node, level)}${end}`;
      case "ReturnStatement":
        return `${at}return${node.argument ? " " + this.expr(node.argument as AnyNode, level) : ""};${end}`;
      case "ThrowStatement":
        return `${at}throw ${this.expr(node.argument as AnyNode, level)};${end}`;
      case "BreakStatement":
      case "ContinueStatement":
        return `${at}${node.type === "BreakStatement" ? "break" : "continue"}${node.label ? " " + (node.label.name as string) : ""};${end}`;
      case "EmptyStatement":
        return "";
      case "DebuggerStatement":
        // Recorded: toSource keeps this one newline too (`(function (a) {debugger;\n})`).
        return `${at}debugger;\n`;
      case "BlockStatement":
        return this.statements(node.body as AnyNode[], level);
      case "IfStatement": {
        let text = `${at}if (${this.expr(node.test as AnyNode, level)}) ${this.body(node.consequent as AnyNode, level)}`;
        if (node.alternate) text += ` else ${this.body(node.alternate as AnyNode, level)}`;
        return text + end;
      }
      case "WhileStatement":
        return `${at}while (${this.expr(node.test as AnyNode, level)}) ${this.body(node.body as AnyNode, level)}${end}`;
      case "DoWhileStatement":
        return `${at}do ${this.body(node.body as AnyNode, level)} while (${this.expr(node.test as AnyNode, level)});${end}`;
      case "WithStatement":
        return `${at}with (${this.expr(node.object as AnyNode, level)}) ${this.body(node.body as AnyNode, level)}${end}`;
      case "ForStatement": {
        const init = node.init ? (node.init.type === "VariableDeclaration" ? this.declaration(node.init as AnyNode, level) : this.expr(node.init as AnyNode, level)) : "";
        const test = node.test ? this.expr(node.test as AnyNode, level) : "";
        const update = node.update ? this.expr(node.update as AnyNode, level) : "";
        return `${at}for (${init}; ${test}; ${update}) ${this.body(node.body as AnyNode, level)}${end}`;
      }
      case "ForInStatement": {
        const left = node.left.type === "VariableDeclaration" ? this.declaration(node.left as AnyNode, level) : this.expr(node.left as AnyNode, level);
        const each = this.source !== undefined && /^for\s+each\b/.test(this.source.slice(node.start, (node.left as AnyNode).start));
        return `${at}for ${each ? "each " : ""}(${left} in ${this.expr(node.right as AnyNode, level)}) ${this.body(node.body as AnyNode, level)}${end}`;
      }
      case "TryStatement": {
        let text = `${at}try ${this.body(node.block as AnyNode, level)}`;
        if (node.handler) {
          const param = node.handler.param as AnyNode | null;
          if (!param || param.type !== "Identifier") throw new UnsupportedShape(node.handler as AnyNode);
          text += `${end}${at}catch (${param.name as string}) ${this.body(node.handler.body as AnyNode, level)}`;
        }
        if (node.finalizer) text += `${end}${at}finally ${this.body(node.finalizer as AnyNode, level)}`;
        return text + end;
      }
      case "SwitchStatement": {
        const cases = (node.cases as AnyNode[])
          .map((c) => {
            const head = c.test ? `case ${this.expr(c.test as AnyNode, level)}:` : "default:";
            return `${this.line(level, 2)}${head}${end}${this.statements(c.consequent as AnyNode[], level + 1)}`;
          })
          .join("");
        return `${at}switch (${this.expr(node.discriminant as AnyNode, level)}) {${end}${cases}${at}}${end}`;
      }
      case "LabeledStatement": {
        const label = node.label.name as string;
        const inner = node.body as AnyNode;
        if (inner.type === "BlockStatement") return `${at}${label}: {${end}${this.statements(inner.body as AnyNode[], level + 1)}${at}}${end}`;
        // Recorded for loops and expression statements alike: the label on its own line, one level out.
        return `${this.line(Math.max(level - 1, 0))}${label}:${end}${this.statement(inner, level)}`;
      }
      default:
        throw new UnsupportedShape(node);
    }
  }

  private declaration(node: AnyNode, level: number): string {
    if (node.kind === "let") throw new UnsupportedShape(node);
    const parts = (node.declarations as AnyNode[]).map((d) => {
      if (d.id.type !== "Identifier") throw new UnsupportedShape(d);
      return d.init ? `${d.id.name as string} = ${this.expr(d.init as AnyNode, level)}` : (d.id.name as string);
    });
    return `${node.kind as string} ${parts.join(", ")}`;
  }

  private key(node: AnyNode, computed: boolean): string {
    if (computed) throw new UnsupportedShape(node);
    if (node.type === "Identifier") return node.name as string;
    if (node.type === "Literal" && typeof node.value === "string") return rhinoQuote(node.value);
    if (node.type === "Literal" && typeof node.value === "number") return numberText(node.value);
    throw new UnsupportedShape(node);
  }

  expr(node: AnyNode, level: number): string {
    switch (node.type) {
      case "ParenthesizedExpression":
        return `(${this.expr(node.expression as AnyNode, level)})`;
      case "Identifier":
        return node.name as string;
      case "ThisExpression":
        return "this";
      case "Literal":
        if (node.regex) return `/${node.regex.pattern as string}/${node.regex.flags as string}`;
        if (typeof node.value === "string") return rhinoQuote(node.value);
        if (typeof node.value === "number") return numberText(node.value);
        if (typeof node.value === "boolean" || node.value === null) return String(node.value);
        throw new UnsupportedShape(node);
      case "ArrayExpression":
        return `[${(node.elements as (AnyNode | null)[]).map((e) => (e ? this.expr(e, level) : "")).join(", ")}]`;
      case "ObjectExpression":
        return `{${(node.properties as AnyNode[]).map((p) => this.property(p, level)).join(", ")}}`;
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        return this.fn(node, level);
      case "TemplateLiteral": {
        // As written: the raw text of each part, the substitutions re-printed.
        const quasis = node.quasis as AnyNode[];
        const parts = quasis.map((q, i) => (q.value.raw as string) + (i < quasis.length - 1 ? `\${${this.expr((node.expressions as AnyNode[])[i], level)}}` : ""));
        return `\`${parts.join("")}\``;
      }
      case "TaggedTemplateExpression":
        return this.expr(node.tag as AnyNode, level) + this.expr(node.quasi as AnyNode, level);
      case "UnaryExpression": {
        const op = node.operator as string;
        // Rhino prints `- -a` as `--a` (recorded): the two signs are not kept apart.
        return WORD_OPERATORS.has(op) ? `${op} ${this.expr(node.argument as AnyNode, level)}` : `${op}${this.expr(node.argument as AnyNode, level)}`;
      }
      case "UpdateExpression":
        return node.prefix ? `${node.operator as string}${this.expr(node.argument as AnyNode, level)}` : `${this.expr(node.argument as AnyNode, level)}${node.operator as string}`;
      case "BinaryExpression":
      case "LogicalExpression":
      case "AssignmentExpression":
        if (node.operator === "**" || node.operator === "??" || /^(\*\*|\?\?|&&|\|\|)=$/.test(node.operator as string)) throw new UnsupportedShape(node);
        if (node.left.type === "PrivateIdentifier") throw new UnsupportedShape(node);
        return `${this.expr(node.left as AnyNode, level)} ${node.operator as string} ${this.expr(node.right as AnyNode, level)}`;
      case "ConditionalExpression":
        return `${this.expr(node.test as AnyNode, level)} ? ${this.expr(node.consequent as AnyNode, level)} : ${this.expr(node.alternate as AnyNode, level)}`;
      case "SequenceExpression":
        return (node.expressions as AnyNode[]).map((e) => this.expr(e, level)).join(", ");
      case "CallExpression":
        if (node.optional) throw new UnsupportedShape(node);
        return `${this.expr(node.callee as AnyNode, level)}(${this.args(node.arguments as AnyNode[], level)})`;
      case "NewExpression":
        return `new ${this.expr(node.callee as AnyNode, level)}(${this.args(node.arguments as AnyNode[], level)})`;
      case "MemberExpression":
        if (node.optional || node.property.type === "PrivateIdentifier") throw new UnsupportedShape(node);
        return node.computed
          ? `${this.expr(node.object as AnyNode, level)}[${this.expr(node.property as AnyNode, level)}]`
          : `${this.expr(node.object as AnyNode, level)}.${node.property.name as string}`;
      case "ChainExpression":
      default:
        throw new UnsupportedShape(node);
    }
  }

  private args(list: AnyNode[], level: number): string {
    return list.map((a) => (a.type === "SpreadElement" ? unsupported(a) : this.expr(a, level))).join(", ");
  }

  private property(node: AnyNode, level: number): string {
    if (node.type !== "Property" || node.shorthand) throw new UnsupportedShape(node);
    const key = this.key(node.key as AnyNode, node.computed as boolean);
    if (node.kind === "get" || node.kind === "set") return this.fn(node.value as AnyNode, level, `${node.kind as string} ${key}`);
    if (node.method) return this.fn(node.value as AnyNode, level, key);
    return `${key}: ${this.expr(node.value as AnyNode, level)}`;
  }
}

function unsupported(node: AnyNode): never {
  throw new UnsupportedShape(node);
}

/** A number literal as Rhino prints it: its value, in JavaScript's number-to-string form. */
function numberText(value: number): string {
  return String(value);
}

/**
 * The text Rhino 1.7.14 gives for a script's function (a FunctionDeclaration, FunctionExpression or
 * ArrowFunctionExpression node of an acorn tree of `source` parsed with `preserveParens: true`): toString() in "pretty" mode, toSource() in "compact" mode.
 * Throws UnsupportedShape where a part of it is not a recorded shape.
 */
export function decompileFunction(node: AnyNode, mode: DecompileMode, source?: string): string {
  const printer = new Printer(mode, source);
  printer.root = node;
  if (node.type !== "FunctionDeclaration" && node.type !== "FunctionExpression" && node.type !== "ArrowFunctionExpression") throw new UnsupportedShape(node);
  const text = printer.fn(node, 0);
  // toSource() wraps a function expression in parentheses, not a declared function (recorded: `function f(a, b) {return a + b;}`).
  if (mode === "pretty") return `\n${text}\n`;
  return node.type === "FunctionExpression" ? `(${text})` : text;

}
