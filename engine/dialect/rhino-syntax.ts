/**
 * Syntax check in the dialect of Rhino 1.7.14 at its default language version (what AM runs).
 *
 * Acorn parses the script as modern JavaScript; then two things bring it to Rhino's verdict:
 *  - constructs Rhino accepts but acorn does not (`for each`, catch guards, anonymous function statements,
 *    `const x;`, reserved words as names, ...) are blanked out in a same-length copy and parsing retries;
 *  - constructs acorn accepts but Rhino rejects (let, shorthand, for-of, spread, classes, `**`, `?.`, ...)
 *    are found by walking the tree, and each is reported with the message and position Rhino's own
 *    parser gives (recorded from real Rhino in test/conformance/dialect/syntax.golden.json).
 * Errors both reject are translated from acorn's message and the surrounding tokens to Rhino's wording.
 */
import { Parser, type Node, type Token, type Options } from "acorn";
import { fullAncestorWalk } from "./walk";
import { constsAsVars, findConstRedeclaration } from "./rhino-const";
import { classifyParseError } from "./rhino-errors";
import type { Finding, RhinoSyntaxError } from "./syntax-finding";
import { positionOfCursor, rhinoCursorAfterToken, rhinoPunctuator, cursorAfterWord, wordEnd, lineAt } from "./rhino-locate";
import { M } from "./rhino-messages";
import { measureNesting, rhinoDepthError, RHINO_DEPTH_LIMITS } from "./rhino-depth";

export type { RhinoSyntaxError } from "./syntax-finding";

const MAX_REPAIRS = 16;

export function checkRhinoSyntax(source: string): RhinoSyntaxError | null {
  // Before anything recursive reads the script: nesting Rhino cannot compile is reported as Rhino reports it.
  const tooDeep = rhinoDepthError(source);
  if (tooDeep) return tooDeep;
  let text = source;
  // Starts of `const` keywords read as `var` (Rhino scopes const like var; acorn would reject the redeclarations).
  const constStarts = new Set<number>();
  if (/\bconst\b/.test(source)) text = constsAsVars(source, constStarts) ?? source;
  for (let attempt = 0; attempt <= MAX_REPAIRS; attempt++) {
    const tokens: Token[] = [];
    const options: Options = {
      ecmaVersion: "latest",
      sourceType: "script",
      allowReserved: true,
      allowHashBang: false,
      onToken: tokens,
    };
    let program: Node;
    try {
      program = Parser.parse(text, options);
    } catch (error) {
      const parseError = error as SyntaxError & { pos?: number; raisedAt?: number };
      const pos = parseError.pos ?? 0;
      // acorn ran out of host stack (it is recursive too): the nesting measure under-estimated this shape, but
      // Rhino's parser, with far less stack per level to spare, gives up on it as well.
      if (/Not enough stack space/.test(parseError.message)) return hostStackExhausted(source, pos);
      const repaired = attempt < MAX_REPAIRS ? repairRhinoOnlySyntax(text, parseError.message, pos, tokens) : null;
      if (repaired !== null && repaired !== text) {
        text = repaired;
        continue;
      }
      return toError(source, classifyParseError(text, parseError.message, pos, tokens));
    }
    const finding = findRejectedFeature(text, program, tokens, constStarts, source);
    return finding ? toError(source, finding) : null;
  }
  return null;
}

function toError(source: string, finding: Finding): RhinoSyntaxError {
  if (finding.fixedPosition) return finding.fixedPosition;
  const { line, column } = positionOfCursor(source, finding.cursor);
  return { message: finding.message, line, column };
}

// ---------------------------------------------------------------------------------------------------
// Constructs Rhino accepts that acorn rejects: rewrite them (same length, so positions hold) and retry.

/** Words that are names for Rhino at version 0 (reserved only in later language versions). */
const RHINO_NAMES = new Set([
  "class", "enum", "export", "extends", "import", "super", "implements", "interface", "package", "private",
  "protected", "public", "static", "let", "yield", "await",
]);

function replaceRange(text: string, start: number, end: number, replacement: string): string {
  return text.slice(0, start) + replacement.padEnd(end - start, " ").slice(0, end - start) + text.slice(end);
}

function previousToken(tokens: Token[], pos: number): Token | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i].end <= pos) return tokens[i];
  return undefined;
}

function tokenText(text: string, token: Token | undefined): string {
  return token ? text.slice(token.start, token.end) : "";
}

/** Same-length identifier that cannot collide with the script's own names. */
function freshName(length: number, salt: number): string {
  const base = `\u02b0${salt.toString(36)}`;
  return (base + "\u02b0".repeat(length)).slice(0, Math.max(length, 1));
}

function repairRhinoOnlySyntax(text: string, message: string, pos: number, tokens: Token[]): string | null {
  const prev = previousToken(tokens, pos);
  const word = text.slice(pos, wordEnd(text, pos));

  // for each (var x in o) — JavaScript 1.6 iteration Rhino still parses.
  if (tokenText(text, prev) === "for" && word === "each") return replaceRange(text, pos, pos + 4, "");

  // try {} catch (e if cond) {} — SpiderMonkey catch guards.
  if (word === "if" && prev && prev.type.label === "name") {
    const before = previousToken(tokens, prev.start);
    const beforeParen = before ? previousToken(tokens, before.start) : undefined;
    if (before && tokenText(text, before) === "(" && tokenText(text, beforeParen) === "catch") {
      const close = matchingParen(text, before.start);
      if (close > pos) return replaceRange(text, pos, close, "");
    }
  }

  // function () {} as a statement: Rhino accepts an anonymous function statement.
  if (text[pos] === "(" && tokenText(text, prev) === "function" && prev && pos > prev.end) {
    return replaceRange(text, prev.start, prev.end + 1, "!function");
  }

  // let[0] = 1: for Rhino at version 0 `let` is an ordinary name.
  for (const t of tokens) {
    if (t.start < pos && tokenText(text, t) === "let" && /^\s*\[/.test(text.slice(t.end, t.end + 40))) {
      return replaceRange(text, t.start, t.end, "_et");
    }
  }
  if (text.startsWith("let", pos) && /^\s*\[/.test(text.slice(pos + 3, pos + 40))) return replaceRange(text, pos, pos + 3, "_et");

  // E4X attribute names (@attr) parse in Rhino.
  if (/^Unexpected character '@'/.test(message) && /[\w$*[]/.test(text[pos + 1] ?? "")) return replaceRange(text, pos, pos + 1, "_");

  // const x;  Rhino allows const without an initializer.
  if (/Missing initializer in const declaration/.test(message)) {
    for (let i = tokens.length - 1; i >= 0; i--) {
      if (tokenText(text, tokens[i]) === "const") return replaceRange(text, tokens[i].start, tokens[i].end, "var");
    }
  }

  // Reserved words of later language versions are plain names for Rhino at version 0.
  const keyword = /^(?:Unexpected keyword '(\w+)'|The keyword '(\w+)' is reserved|Cannot use keyword '(\w+)'|'(\w+)' keyword outside)/.exec(message);
  const reservedWord = keyword ? keyword[1] ?? keyword[2] ?? keyword[3] ?? keyword[4] : word;
  if (
    (keyword || /^Unexpected token/.test(message)) &&
    RHINO_NAMES.has(reservedWord) &&
    text.slice(pos, pos + reservedWord.length) === reservedWord &&
    !(reservedWord === "import" && /^\s*[\w$"'{*]/.test(text.slice(pos + 6)))
  ) {
    return replaceRange(text, pos, pos + reservedWord.length, "_" + reservedWord.slice(1));
  }
  // import.meta is a property of a name called import for Rhino.
  if (/import\.meta/.test(message) && text.startsWith("import", pos)) return replaceRange(text, pos, pos + 6, "_mport");

  // Rhino checks neither regular expression syntax nor repeated flags when it compiles.
  if (/^(Invalid regular expression|Duplicate regular expression flag)/.test(message)) {
    const literal = scanRegexLiteral(text, text.lastIndexOf("/", pos));
    if (literal) {
      const body = "x".repeat(literal.bodyEnd - literal.start - 1);
      const flags = Array.from(new Set(text.slice(literal.bodyEnd + 1, literal.end))).join("");
      return replaceRange(text, literal.start, literal.end, `/${body}/${flags}`);
    }
  }

  // Getter/setter parameter counts and repeated __proto__ are not checked by Rhino.
  if (/^(getter should have no params|setter should have exactly one param|Setter cannot use rest params)/.test(message)) {
    for (let i = tokens.length - 1; i >= 0; i--) {
      const t = tokenText(text, tokens[i]);
      if ((t === "get" || t === "set") && tokens[i].start < pos) return replaceRange(text, tokens[i].start, tokens[i].end, "");
    }
  }
  if (/^Redefinition of __proto__ property/.test(message)) {
    const at = text.indexOf("__proto__", pos);
    if (at >= 0) return replaceRange(text, at, at + 9, "__prot0__");
  }
  // Duplicate parameter names are allowed everywhere by Rhino (arrows included).
  if (/^Argument name clash/.test(message)) {
    const end = wordEnd(text, pos);
    return replaceRange(text, pos, end, freshName(end - pos, pos));
  }
  // delete of a plain name is allowed in Rhino's strict mode.
  if (/^Deleting local variable in strict mode/.test(message) && text.startsWith("delete", pos)) {
    return replaceRange(text, pos, pos + 6, "void");
  }
  // A call as assignment target (f() = 1) compiles in Rhino (it fails only when run).
  if (/^Assigning to rvalue/.test(message)) {
    const target = /^([^;\n]*?)((?:[-+*/%&|^]|<<|>>>?)?=)(?![=>])/.exec(text.slice(pos));
    const lhs = target ? target[1].trim() : "";
    if (target && lhs.endsWith(")") && !lhs.startsWith("(")) {
      const at = pos + target[1].length;
      return replaceRange(text, at, at + target[2].length, ",");
    }
  }
  return null;
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
    else if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === "\\") i++;
    }
  }
  return -1;
}

function scanRegexLiteral(text: string, start: number): { start: number; bodyEnd: number; end: number } | null {
  if (text[start] !== "/") return null;
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\n" || c === "\r") return null;
    if (c === "\\") i++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) {
      let end = i + 1;
      while (end < text.length && /[\w$]/.test(text[end])) end++;
      return { start, bodyEnd: i, end };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
/**
 * acorn ran out of host stack (it recurses once per level, as Rhino does, with more stack to spare): the script
 * nests deeper than the nesting measure let through, in the band where Rhino's own outcome depends on its stack.
 */
function hostStackExhausted(source: string, pos: number): RhinoSyntaxError {
  const measure = measureNesting(source);
  if (measure && measure.chain > RHINO_DEPTH_LIMITS.chain.compiles && measure.parser <= RHINO_DEPTH_LIMITS.parser.compiles) {
    return { message: `java.lang.StackOverflowError (Rhino 1.7.14 compiles a chain of ${measure.chain} operators recursively; it failed from ${RHINO_DEPTH_LIMITS.chain.fails} terms in every recording and sometimes from 2500: split the expression)`, line: lineAt(source, pos) };
  }
  return { message: M.tooDeepRecursion, line: lineAt(source, pos) };
}

// Constructs acorn accepts that Rhino rejects: walk the tree, keep the one Rhino meets first.

type AnyNode = Node & Record<string, any>;

class TokenIndex {
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  /** Index of the first token starting at or after `pos`. */
  indexAt(pos: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  at(pos: number): Token | undefined {
    return this.tokens[this.indexAt(pos)];
  }

  /** First token at/after `from` (and before `to`) whose text is one of `texts`. */
  find(from: number, texts: string[], to = Infinity): Token | undefined {
    for (let i = this.indexAt(from); i < this.tokens.length && this.tokens[i].start < to; i++) {
      if (texts.includes(this.text.slice(this.tokens[i].start, this.tokens[i].end))) return this.tokens[i];
    }
    return undefined;
  }

  /** The token after the one starting at `pos`. */
  next(pos: number): Token | undefined {
    return this.tokens[this.indexAt(pos) + 1];
  }

  /** The last token ending at or before `pos`. */
  before(pos: number): Token | undefined {
    const i = this.indexAt(pos) - 1;
    return i >= 0 ? this.tokens[i] : undefined;
  }

  text_(t: Token | undefined): string {
    return t ? this.text.slice(t.start, t.end) : "";
  }
}

function isFunctionNode(node: AnyNode): boolean {
  return node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression";
}

function hasUseStrict(body: AnyNode[] | undefined): boolean {
  if (!body) return false;
  for (const statement of body) {
    if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") return false;
    if (statement.directive === "use strict") return true;
  }
  return false;
}

function isStrict(ancestors: AnyNode[]): boolean {
  for (const a of ancestors) {
    if (a.type === "Program" && hasUseStrict(a.body)) return true;
    if (isFunctionNode(a) && a.body?.type === "BlockStatement" && hasUseStrict(a.body.body)) return true;
  }
  return false;
}

/** Rhino's cursor after the token starting at `pos`. */
function cursorAt(text: string, pos: number): number {
  return rhinoCursorAfterToken(text, pos);
}

/** The message Rhino gives when an expression is followed by a token that cannot continue it. */
function missingAfterExpression(ancestors: AnyNode[], node: AnyNode): string {
  for (let i = ancestors.length - 2; i >= 0; i--) {
    const parent = ancestors[i];
    const child = ancestors[i + 1] ?? node;
    switch (parent.type) {
      case "CallExpression":
      case "NewExpression":
        if (parent.arguments.includes(child)) return M.missingParenAfterArgs;
        break;
      case "ArrayExpression":
        return M.missingBracketAfterElements;
      case "ObjectExpression":
        return M.missingBraceAfterProperties;
      case "MemberExpression":
        if (parent.computed && parent.property === child) return M.missingBracketInIndex;
        break;
      case "ConditionalExpression":
        if (parent.test === child) return M.missingColonInConditional;
        break;
      case "IfStatement":
      case "WhileStatement":
      case "DoWhileStatement":
        if (parent.test === child) return M.missingParenAfterCondition;
        break;
      case "ForStatement":
        if (parent.init === child) return M.missingSemiAfterForInit;
        if (parent.test === child) return M.missingSemiAfterForCondition;
        if (parent.update === child) return M.missingParenAfterForControl;
        break;
      case "ParenthesizedExpression":
        return M.missingParenInParenthetical;
      case "ExpressionStatement":
      case "VariableDeclaration":
      case "ReturnStatement":
      case "ThrowStatement":
        return M.missingSemiBeforeStatement;
      default:
        if (/Statement$|Declaration$|^Program$/.test(parent.type)) return M.missingSemiBeforeStatement;
    }
  }
  return M.missingSemiBeforeStatement;
}

function findRejectedFeature(text: string, program: Node, tokens: Token[], constStarts: Set<number>, original: string): Finding | null {
  const index = new TokenIndex(text, tokens);
  let best: Finding | null = null;
  const report = (message: string, at: number, cursor: number) => {
    if (!best || at < best.at) best = { message, at, cursor };
  };
  const redeclared = findConstRedeclaration(program, constStarts);
  if (redeclared) report(redeclared.message, redeclared.at, cursorAt(text, redeclared.at));
  /** Report at the token starting at `pos`, with Rhino's read cursor after it. */
  const reportToken = (message: string, pos: number) => report(message, pos, cursorAt(text, pos));

  fullAncestorWalk(program, (raw, ancestorsRaw) => {
    const node = raw as AnyNode;
    const ancestors = ancestorsRaw as AnyNode[];
    const parent = ancestors[ancestors.length - 2];
    switch (node.type) {
      case "VariableDeclaration": {
        const inForHead =
          parent &&
          ((parent.type === "ForStatement" && parent.init === node) ||
            ((parent.type === "ForInStatement" || parent.type === "ForOfStatement") && parent.left === node));
        // Rhino's cursor is after the `const` keyword of the original text (the parsed copy reads it as `var  `).
        if ((node.kind === "const" || constStarts.has(node.start)) && inForHead) report(M.syntaxError, node.start, cursorAt(original, node.start));
        if (node.kind === "let") {
          const next = index.next(node.start);
          if (!next || index.text_(next) === "[") break;
          const sameLine = !/[\n\r\u2028\u2029]/.test(text.slice(node.start + 3, next.start));
          if (sameLine) reportToken(inForHead ? M.missingSemiAfterForInit : M.missingSemiBeforeStatement, next.start);
        }
        break;
      }
      case "ForOfStatement": {
        const of = index.find(node.left.end, ["of"]);
        if (of) reportToken(M.missingSemiAfterForInit, of.start);
        break;
      }
      case "Property": {
        if (parent?.type === "ObjectExpression") checkProperty(node);
        break;
      }
      case "ObjectPattern": {
        // acorn-walk does not visit a pattern's Property/RestElement nodes themselves.
        for (const p of node.properties as AnyNode[]) {
          if (p.type === "Property") checkProperty(p);
          else if (p.type === "RestElement") report(M.invalidPropertyId, p.start, Math.min(p.start + 2, text.length));
        }
        break;
      }
      case "SpreadElement":
      case "RestElement": {
        const dots = node.start;
        const cursor = Math.min(dots + 2, text.length);
        if (parent?.type === "ObjectExpression" || parent?.type === "ObjectPattern") report(M.invalidPropertyId, dots, cursor);
        else if (parent && isFunctionNode(parent) && parent.type !== "ArrowFunctionExpression") report(M.missingFormalParameter, dots, cursor);
        else report(M.syntaxError, dots, cursor);
        break;
      }
      case "AssignmentPattern": {
        if (parent && isFunctionNode(parent) && parent.params.includes(node)) {
          if (parent.type === "ArrowFunctionExpression") break; // reported at the arrow
          const eq = index.find(node.left.end, ["="]);
          if (eq) reportToken(M.missingParenAfterFormals, eq.start);
        } else if (parent?.type === "ObjectPattern" && parent.properties.some((p: AnyNode) => p.value === node && p.shorthand)) {
          // reported by the shorthand property
        } else {
          const eq = index.find(node.left.end, ["="]);
          if (eq) reportToken(M.destructuringDefaults, eq.start);
        }
        break;
      }
      case "FunctionDeclaration":
      case "FunctionExpression":
        checkFunction(node, parent);
        break;
      case "ArrowFunctionExpression":
        checkArrow(node);
        break;
      case "ClassDeclaration":
      case "ClassExpression": {
        const next = index.next(node.start);
        if (next) reportToken(M.missingSemiBeforeStatement, next.start);
        break;
      }
      case "YieldExpression": {
        if (node.argument && !node.delegate) reportToken(missingAfterExpression(ancestors, node), node.argument.start);
        break;
      }
      case "BinaryExpression":
      case "AssignmentExpression":
      case "LogicalExpression": {
        const op: string = node.operator;
        if (op === "**" || op === "**=" || op === "??" || op === "??=" || op === "||=" || op === "&&=") {
          const token = index.find(node.left.end, [op]);
          if (!token) break;
          if (op === "**" || op === "**=") report(M.syntaxError, token.start, Math.min(token.start + 3, text.length));
          else if (op === "??" || op === "??=") report(M.syntaxError, token.start, token.start + 2);
          else report(M.syntaxError, token.start, Math.min(token.start + 4, text.length));
        }
        break;
      }
      case "MemberExpression":
      case "CallExpression": {
        if (node.optional) {
          const from = node.type === "MemberExpression" ? node.object.end : node.callee.end;
          const token = index.find(from, ["?."]);
          if (token) report(M.syntaxError, token.start, Math.min(token.start + 3, text.length));
        }
        break;
      }
      case "CatchClause": {
        const paren = index.next(node.start);
        if (!node.param && paren) reportToken(M.missingParenBeforeCatch, paren.start);
        else if (node.param && node.param.type !== "Identifier") reportToken(M.invalidCatchCondition, node.param.start);
        break;
      }
      case "Literal": {
        if (typeof node.bigint === "string") {
          const suffix = node.end - 1;
          report(missingAfterExpression(ancestors, node), suffix, cursorAfterWord(text, node.end));
        } else if (typeof node.raw === "string" && /^0[oObB]/.test(node.raw)) {
          report(missingAfterExpression(ancestors, node), node.start + 1, cursorAfterWord(text, node.end));
        } else if (node.regex) {
          const flagsStart = node.end - node.regex.flags.length;
          const bad = [...node.regex.flags].findIndex((f) => !"gimy".includes(f));
          if (bad >= 0) report(M.invalidRegexFlag, flagsStart + bad, flagsStart + bad + 1);
        }
        break;
      }
      case "MetaProperty": {
        const dot = index.find(node.meta.end, ["."]);
        if (dot) report(M.syntaxError, dot.start, Math.min(dot.start + 2, text.length));
        break;
      }
      case "Identifier": {
        checkIdentifierChars(node);
        break;
      }
      case "ObjectExpression": {
        if (isStrict(ancestors)) checkDuplicateProperties(node);
        break;
      }
      default:
        break;
    }
  });
  return best;

  function checkProperty(node: AnyNode): void {
    if (node.computed) {
      const bracket = index.find(node.start, ["["]);
      if (bracket) reportToken(M.invalidPropertyId, bracket.start);
      return;
    }
    if (node.shorthand) {
      const after = index.at(node.key.end);
      if (!after) return;
      if (node.value?.type === "AssignmentPattern") reportToken(M.missingParenBeforeParams, after.start);
      else reportToken(M.missingColonAfterPropertyId, after.start);
      return;
    }
    if (node.method || node.kind === "get" || node.kind === "set") {
      const fn = node.value as AnyNode;
      if (fn.generator) {
        const star = index.find(node.start, ["*"]);
        if (star) report(M.invalidPropertyId, star.start, rhinoPunctuator(text, star.start).cursor);
      } else if (fn.async) {
        report(M.invalidPropertyId, fn.body.end - 1, fn.body.end);
      }
    }
  }

  function checkFunction(node: AnyNode, parent: AnyNode | undefined): void {
    if (parent?.type === "Property" && (parent.method || parent.kind !== "init")) {
      // Object-literal methods are checked by their property; their parameters below still apply.
    } else if (node.async) {
      const fnKeyword = index.find(node.start, ["function"]);
      if (fnKeyword) reportToken(M.missingSemiBeforeStatement, fnKeyword.start);
      return;
    } else if (node.generator && node.id) {
      reportToken(M.missingParenBeforeParams, node.id.start);
      return;
    }
    checkTrailingParamComma(node, M.missingFormalParameter);
  }

  function checkTrailingParamComma(node: AnyNode, message: string): void {
    const bodyStart = node.body.start;
    const close = index.before(bodyStart);
    const beforeClose = close ? index.before(close.start) : undefined;
    if (index.text_(close) === ")" && index.text_(beforeClose) === "," && node.params.length > 0) {
      reportToken(message, close!.start);
    }
  }

  function checkArrow(node: AnyNode): void {
    const arrow = index.find(node.params.length ? node.params[node.params.length - 1].end : node.start, ["=>"], node.body.start);
    const parenthesized = index.text_(index.at(node.async ? index.next(node.start)?.start ?? node.start : node.start)) === "(";
    if (node.async) {
      if (parenthesized) {
        if (arrow) report(M.missingFormalParameter, arrow.start, Math.min(arrow.start + 2, text.length));
      } else {
        reportToken(M.missingSemiBeforeStatement, node.params[0].start);
      }
      return;
    }
    if (node.params.some((p: AnyNode) => p.type === "AssignmentPattern") && arrow) {
      report(M.missingFormalParameter, arrow.start, Math.min(arrow.start + 2, text.length));
    }
    if (arrow) {
      const close = index.before(arrow.start);
      const beforeClose = close ? index.before(close.start) : undefined;
      if (index.text_(close) === ")" && index.text_(beforeClose) === "," && node.params.length > 0) reportToken(M.syntaxError, close!.start);
    }
  }

  function checkIdentifierChars(node: AnyNode): void {
    const raw = text.slice(node.start, node.end);
    if (/^\p{ASCII}*$/u.test(raw)) return;
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i];
      if (ch.charCodeAt(0) < 0x80) continue;
      const ok = i === 0 ? /[\p{L}\p{Nl}\p{Sc}\p{Pc}]/u.test(ch) : /[\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Mn}\p{Mc}\p{Nd}]/u.test(ch);
      if (!ok) {
        report(M.illegalCharacter(ch), node.start + i, node.start + i + 1);
        return;
      }
    }
  }

  function checkDuplicateProperties(node: AnyNode): void {
    const getters = new Set<string>();
    const setters = new Set<string>();
    for (const p of node.properties as AnyNode[]) {
      if (p.type !== "Property" || p.computed) continue;
      const name = p.key.type === "Identifier" ? p.key.name : String(p.key.value);
      let duplicate: boolean;
      if (p.kind === "get") {
        duplicate = getters.has(name);
        getters.add(name);
      } else if (p.kind === "set") {
        duplicate = setters.has(name);
        setters.add(name);
      } else {
        duplicate = getters.has(name) || setters.has(name);
        getters.add(name);
        setters.add(name);
      }
      if (duplicate) {
        const after = index.at(p.end);
        if (after) reportToken(M.duplicateProperty(name), after.start);
        return;
      }
    }
  }
}
