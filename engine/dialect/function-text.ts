/**
 * A script's own function turned into text (`f.toString()`, `String(f)`, `f + ""`, `f.toSource()`, `uneval(f)`).
 * Rhino 1.7.14 does not keep a function's source: it re-prints it from its compiled form (rhino-decompile.ts has
 * the shapes asked of real Rhino). The sandbox's QuickJS keeps the source as written, so the run gets a table
 * from that text to Rhino's, and a guest extra (RHINO_FUNCTION_TEXT_SOURCE) answers from it. A function whose
 * shape is not recorded keeps its source as written, and the `function-source-text` warning says so there.
 */
import { parse } from "acorn";
import { simpleWalk } from "./walk";
import { decompileFunction, UnsupportedShape, type AnyNode } from "./rhino-decompile";
import type { RunWarning } from "../result";

const PARSE_OPTIONS = { ecmaVersion: "latest", locations: true, allowReturnOutsideFunction: true, allowReserved: true, preserveParens: true } as const;

function parsed(source: string): AnyNode | null {
  try {
    return parse(source, PARSE_OPTIONS) as unknown as AnyNode;
  } catch {
    // `for each (…)`, which Rhino runs and acorn cannot parse: blanked to `for      (…)` (same offsets); the
    // decompiler reads the word back from the source.
    if (!/\bfor\s+each\s*\(/.test(source)) return null;
    try {
      return parse(source.replace(/\b(for\s+)each(\s*\()/g, "$1    $2"), PARSE_OPTIONS) as unknown as AnyNode;
    } catch {
      return null;
    }
  }
}

/** Every function of the tree, in source order. */
function functionsOf(ast: AnyNode): AnyNode[] {
  const found: AnyNode[] = [];
  const add = (node: unknown): void => {
    found.push(node as AnyNode);
  };
  simpleWalk(ast as never, { FunctionDeclaration: add, FunctionExpression: add, ArrowFunctionExpression: add });
  return found.sort((a, b) => a.start - b.start);
}

/** Why Rhino's text of this function is not known here (the first shape not recorded), or null when it is. */
function unrecordedShape(node: AnyNode, source: string): string | null {
  try {
    decompileFunction(node, "pretty", source);
    return null;
  } catch (error) {
    if (error instanceof UnsupportedShape) return error.node.type;
    throw error;
  }
}

function warningMessage(shape: string): string {
  return `This turns a function of the script into text. Rhino 1.7.14 re-prints a function from its compiled form (a newline before and after, comments dropped, four-space indentation, strings in double quotes: "\\nfunction a(x) {\\n    return x + 1;\\n}\\n"); the playground re-prints the shapes recorded from Rhino, but this function contains a ${shape}, whose re-printing is not recorded, so it gives the source as written and AM's text differs. Do not depend on a function's text.`;
}

/** The lines where the script turns one of its functions into text, and the function each time (null: unknown which). */
function textSites(ast: AnyNode): { line: number; fns: AnyNode[] }[] {
  const byName = new Map<string, AnyNode[]>();
  const name = (id: string, fn: AnyNode): void => {
    byName.set(id, [...(byName.get(id) ?? []), fn]);
  };
  simpleWalk(ast as never, {
    FunctionDeclaration(node) {
      const n = node as unknown as AnyNode;
      if (n.id) name(n.id.name as string, n);
    },
    VariableDeclarator(node) {
      const n = node as unknown as AnyNode;
      if (n.id.type === "Identifier" && (n.init?.type === "FunctionExpression" || n.init?.type === "ArrowFunctionExpression")) name(n.id.name as string, n.init as AnyNode);
    },
  });
  const unwrap = (n: AnyNode): AnyNode => (n.type === "ParenthesizedExpression" ? unwrap(n.expression as AnyNode) : n);
  /** The functions a value may be (every function of that name), or undefined when it is no function of the script. */
  const functionOf = (value: AnyNode | null | undefined): AnyNode[] | undefined => {
    if (!value) return undefined;
    const n = unwrap(value);
    if (n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression") return [n];
    if (n.type === "Identifier") return byName.get(n.name as string);
    return undefined;
  };
  const isText = (n: AnyNode): boolean => (n.type === "Literal" && typeof n.value === "string") || n.type === "TemplateLiteral";
  const sites: { line: number; fns: AnyNode[] }[] = [];
  const site = (at: AnyNode, fns: AnyNode[] | undefined): void => {
    if (fns) sites.push({ line: (at.loc?.start.line as number | undefined) ?? 0, fns });
  };
  simpleWalk(ast as never, {
    CallExpression(node) {
      const n = node as unknown as AnyNode;
      const callee = n.callee as AnyNode;
      const method = callee.type === "MemberExpression" && !callee.computed ? (callee.property.name as string) : null;
      if (method === "toString" || method === "toSource") site(n, functionOf(callee.object as AnyNode));
      if (callee.type === "Identifier" && (callee.name === "String" || callee.name === "uneval") && n.arguments.length === 1) site(n, functionOf(n.arguments[0] as AnyNode));
    },
    BinaryExpression(node) {
      const n = node as unknown as AnyNode;
      if (n.operator !== "+") return;
      if (isText(n.right as AnyNode)) site(n, functionOf(n.left as AnyNode));
      else if (isText(n.left as AnyNode)) site(n, functionOf(n.right as AnyNode));
    },
  });
  return sites;
}

/** `function-source-text` where the script turns into text a function whose Rhino text is not recorded here. */
export function functionTextWarnings(source: string): RunWarning[] {
  if (!/\bfunction\b|=>/.test(source)) return [];
  const ast = parsed(source);
  if (!ast) return [];
  const byLine = new Map<number, string>();
  for (const { line, fns } of textSites(ast)) {
    const shape = fns.map((fn) => unrecordedShape(fn, source)).find((s) => s !== null);
    if (shape && !byLine.has(line)) byLine.set(line, shape);
  }
  return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, shape]) => ({ code: "function-source-text", message: warningMessage(shape), line }));
}

/**
 * Whether the script may turn a function into text (then its sandbox gets Rhino's function texts). A scan of the
 * text, no parse: this runs for every run, and most scripts with functions never print one. It finds the same
 * sites as the warning (a script function, by name or written in place, given to String/uneval, asked for
 * toString/toSource, or joined to a string literal with +), and toSource/uneval anywhere.
 */
export function mayPrintFunctions(source: string): boolean {
  if (/\b(?:toSource|uneval)\b/.test(source)) return true;
  if (!/\bfunction\b|=>/.test(source)) return false;
  const names = new Set<string>();
  // Names a function may be reached by: declared, assigned (`f = function`, `o.f = …`) or an object literal's key (`f: function`).
  for (const m of source.matchAll(/\bfunction\s+([A-Za-z_$][\w$]*)|([A-Za-z_$][\w$]*)\s*[=:]\s*(?:function\b|\([^()]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/g)) names.add(m[1] ?? m[2]);
  if (/\bString\s*\(\s*(?:\(\s*)?function\b|\}\s*\)\s*\.\s*toString\b|\}\s*\)?\s*\+\s*["'`]|\btoString\s*\.\s*(?:call|apply)\b/.test(source)) return true;
  for (const name of names) {
    const n = name.replace(/\$/g, "\\$");
    // The name alone or at the end of a member chain (`o.f`), given to String(), asked for toString, or joined to a string literal.
    const at = `(?<![\\w$])(?:[\\w$]+\\s*\\.\\s*)*${n}`;
    if (new RegExp(`\\bString\\s*\\(\\s*${at}\\s*\\)|${at}\\s*\\.\\s*toString\\b|${at}\\s*\\+\\s*["'\`]|["'\`]\\s*\\+\\s*${at}(?![\\w$(.])`).test(source)) return true;
  }
  return false;
}

/**
 * Whether a script may turn into text a function it did not write in its own source: one made by
 * `new Function(…)` / `Function(…)`, or one of its next-generation libraries (then the table holds those too).
 */
export function mayPrintOtherFunctions(source: string, libraries: readonly string[]): boolean {
  const prints = /\bString\s*\(|\btoString\b|\btoSource\b|\buneval\b|\+\s*["'`]|["'`]\s*\+/;
  if (!prints.test(source) && !libraries.some((l) => prints.test(l))) return false;
  return /\bFunction\s*\(/.test(source) || libraries.some((l) => /\bfunction\b|=>/.test(l));
}

/**
 * The text QuickJS gives a function its Function constructor made from these arguments (`new Function("a", "return
 * a")` → "function anonymous(a\n) {\nreturn a\n}"), for constructor calls whose arguments are all string literals.
 */
function constructedTexts(ast: AnyNode): string[] {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    const n = node as AnyNode;
    const callee = n.callee as AnyNode;
    if (callee.type !== "Identifier" || callee.name !== "Function") return;
    const args = n.arguments as AnyNode[];
    if (!args.every((a) => a.type === "Literal" && typeof a.value === "string")) return;
    const values = args.map((a) => String(a.value));
    const body = values.length ? values[values.length - 1] : "";
    texts.push(`function anonymous(${values.slice(0, -1).join(",")}\n) {\n${body}\n}`);
  };
  simpleWalk(ast as never, { NewExpression: visit, CallExpression: visit });
  return texts;
}

/** Adds Rhino's texts for functions the sandbox holds as written in `source` (a library) or built by the Function constructor. */
export function addOtherFunctionTexts(table: FunctionTextTable, script: string, libraries: readonly string[]): FunctionTextTable {
  const add = (key: string, fn: AnyNode, source: string): void => {
    if (key in table.pretty) return;
    try {
      table.pretty[key] = decompileFunction(fn, "pretty", source);
      table.compact[key] = decompileFunction(fn, "compact", source);
    } catch (error) {
      if (!(error instanceof UnsupportedShape)) throw error;
      delete table.pretty[key];
    }
  };
  const own = parsed(script);
  for (const text of own ? constructedTexts(own) : []) {
    const wrapped = `(${text})`;
    const ast = parsed(wrapped);
    const fn = ast ? functionsOf(ast)[0] : undefined;
    if (fn) add(text, fn, wrapped);
  }
  for (const library of libraries) {
    const ast = parsed(library);
    for (const fn of ast ? functionsOf(ast) : []) add(library.slice(fn.start, fn.end), fn, library);
  }
  return table;
}

/** What the guest's toString (pretty) and toSource (compact) answer for a function whose text as QuickJS holds it is the key. */
export interface FunctionTextTable {
  pretty: Record<string, string>;
  compact: Record<string, string>;
}

/**
 * Rhino's texts for the script's functions, keyed by each function's text in the source the sandbox evaluates
 * (`evaluated`: the script after the playground's own rewrites, which add or remove no function, so the n-th
 * function of one is the n-th of the other). Functions of unrecorded shapes, and a script whose two forms do
 * not pair up, are left out: their text stays as written.
 */
export function functionTextTable(script: string, evaluated: string): FunctionTextTable {
  const table: FunctionTextTable = { pretty: Object.create(null) as Record<string, string>, compact: Object.create(null) as Record<string, string> };
  const original = parsed(script);
  const guest = evaluated === script ? original : parsed(evaluated);
  if (!original || !guest) return table;
  const ours = functionsOf(original);
  const theirs = functionsOf(guest);
  if (ours.length !== theirs.length) return table;
  // QuickJS gives a getter's or setter's text from its `get`/`set` keyword on.
  const accessorOf = new Map<AnyNode, AnyNode>();
  simpleWalk(guest as never, {
    Property(node) {
      const n = node as unknown as AnyNode;
      if (n.kind === "get" || n.kind === "set") accessorOf.set(n.value as AnyNode, n);
    },
  });
  const unsafe = new Set<string>();
  ours.forEach((fn, i) => {
    const whole = accessorOf.get(theirs[i]) ?? theirs[i];
    const key = evaluated.slice(whole.start, whole.end);
    if (unsafe.has(key)) return;
    let pretty: string, compact: string;
    try {
      pretty = decompileFunction(fn, "pretty", script);
      compact = decompileFunction(fn, "compact", script);
    } catch (error) {
      if (error instanceof UnsupportedShape) return;
      throw error;
    }
    // Two functions written alike but printed differently (possible only through the playground's rewrites): keep neither.
    if (key in table.pretty && (table.pretty[key] !== pretty || table.compact[key] !== compact)) {
      unsafe.add(key);
      delete table.pretty[key];
      delete table.compact[key];
      return;
    }
    table.pretty[key] = pretty;
    table.compact[key] = compact;
  });
  return table;
}

/**
 * Rhino's text of one function, from its text as the sandbox gives it (a script's, a library's or one made by
 * `new Function`): what a Java method taking a String receives for a function in AM (`logger.message(f)`), and
 * `String(f)` of a function the script's table does not hold. Text that is Rhino's already (it starts with the
 * decompiler's newline), native code, and shapes with no recording stay as they are.
 */
export function rhinoFunctionText(written: string): string {
  if (written.startsWith("\n") || !/^(?:function\b|\(|[A-Za-z_$][\w$]*\s*=>)/.test(written)) return written;
  const wrapped = `(${written})`;
  const ast = parsed(wrapped);
  if (!ast) return written;
  const fn = functionsOf(ast)[0];
  if (!fn || fn.start !== 1 || fn.end !== wrapped.length - 1) return written;
  try {
    return decompileFunction(fn, "pretty", wrapped);
  } catch (error) {
    if (error instanceof UnsupportedShape) return written;
    throw error;
  }
}
