/**
 * Translates a syntax error that acorn and Rhino both raise into Rhino's message and position.
 * Acorn says where it stopped ("Unexpected token" at a position); Rhino's message depends on what its
 * recursive-descent parser was inside of at that moment (argument list, condition, object literal, ...).
 * The enclosing construct is recovered from the tokens acorn read before the error.
 */
import type { Token } from "acorn";
import type { Finding } from "./syntax-finding";
import { isIdentifierChar, isLineBreak, positionOfCursor, rhinoCursorAfterToken, rhinoPunctuator, wordEnd } from "./rhino-locate";
import { M } from "./rhino-messages";

type FrameKind =
  | "top"
  | "call"
  | "paren"
  | "cond"
  | "switch"
  | "with"
  | "for"
  | "catch"
  | "params"
  | "index"
  | "array"
  | "object"
  | "body"
  | "block"
  | "switchbody"
  | "template";

interface Frame {
  kind: FrameKind;
  /** `?` seen in this frame without their `:` yet. */
  questions: number;
  /** `;` seen (for-loop heads). */
  semicolons: number;
  /** A `case` label whose `:` has not come yet. */
  openCase: boolean;
}

interface Context {
  stack: Frame[];
  /** Kind of the bracket closed by each token (for `)` and `}`), by token index. */
  closedKind: (FrameKind | undefined)[];
}

const STATEMENT_START = new Set([";", "{", "}", "else", "try", "finally", "do"]);

function text(source: string, t: Token | undefined): string {
  return t ? source.slice(t.start, t.end) : "";
}

function isName(t: Token | undefined): boolean {
  return !!t && t.type.label === "name";
}

/** Does the token end an expression (so what follows must be an operator or a terminator)? */
function endsExpression(source: string, tokens: Token[], i: number, ctx: Context): boolean {
  const t = tokens[i];
  if (!t) return false;
  const label = t.type.label;
  const value = text(source, t);
  if (label === "name" || label === "num" || label === "string" || label === "regexp") return true;
  if (t.type.keyword && ["this", "null", "true", "false", "super"].includes(t.type.keyword)) return true;
  if (label === "`") return tokens[i - 1]?.type.label === "template" || tokens[i - 1]?.type.label === "invalidTemplate";
  if (value === "]") return true;
  if (value === ")") return !["cond", "switch", "with", "for", "catch", "params"].includes(ctx.closedKind[i] ?? "");
  if (value === "}") return ctx.closedKind[i] === "object";
  if (value === "++" || value === "--") {
    const before = tokens[i - 1];
    return !!before && (isName(before) || [")", "]"].includes(text(source, before)));
  }
  return false;
}

function buildContext(source: string, tokens: Token[]): Context {
  const stack: Frame[] = [{ kind: "top", questions: 0, semicolons: 0, openCase: false }];
  const closedKind: (FrameKind | undefined)[] = [];
  const ctx: Context = { stack, closedKind };
  const push = (kind: FrameKind) => stack.push({ kind, questions: 0, semicolons: 0, openCase: false });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const value = text(source, t);
    const top = stack[stack.length - 1];
    const prev = text(source, tokens[i - 1]);
    const prevPrev = text(source, tokens[i - 2]);
    switch (t.type.label) {
      case "(": {
        if (prev === "if" || prev === "while") push("cond");
        else if (prev === "switch") push("switch");
        else if (prev === "with") push("with");
        else if (prev === "for") push("for");
        else if (prev === "catch") push("catch");
        else if (prev === "function" || (isName(tokens[i - 1]) && prevPrev === "function")) push("params");
        else if (prev === "*" && (prevPrev === "function" || text(source, tokens[i - 3]) === "function")) push("params");
        else if (isName(tokens[i - 1]) && top.kind === "object" && ["{", ",", "get", "set"].includes(prevPrev)) push("params");
        else if (endsExpression(source, tokens, i - 1, ctx)) push("call");
        else push("paren");
        break;
      }
      case "[":
        push(endsExpression(source, tokens, i - 1, ctx) ? "index" : "array");
        break;
      case "{": {
        if (prev === ")") {
          const closed = closedKind[i - 1];
          push(closed === "params" ? "body" : closed === "switch" ? "switchbody" : "block");
        } else if (prev === "=>") push("body");
        else if (i === 0 || STATEMENT_START.has(prev)) push("block");
        else if (prev === ":") push(top.kind === "object" || top.questions > 0 ? "object" : "block");
        else push("object");
        break;
      }
      case "${":
        push("template");
        break;
      case ")":
      case "]":
      case "}":
        if (stack.length > 1) closedKind[i] = stack.pop()!.kind;
        break;
      case "?":
        top.questions++;
        break;
      case ":":
        if (top.questions > 0) top.questions--;
        else if (top.openCase) top.openCase = false;
        break;
      case ";":
        if (top.kind === "for") top.semicolons++;
        break;
      default:
        if (value === "case" || (value === "default" && top.kind === "switchbody")) top.openCase = true;
    }
  }
  return ctx;
}

function skipSpace(source: string, pos: number): number {
  let i = pos;
  for (;;) {
    while (i < source.length && /\s/.test(source[i])) i++;
    if (source.startsWith("//", i)) {
      while (i < source.length && !isLineBreak(source[i])) i++;
    } else if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 2;
    } else return i;
  }
}

/** Rhino's cursor after reading to the end of the current line (unterminated literals). */
function cursorAtLineEnd(source: string, pos: number): number {
  let i = pos;
  while (i < source.length && !isLineBreak(source[i])) i++;
  return i < source.length ? i + 1 : source.length;
}

export function classifyParseError(source: string, message: string, pos: number, tokens: Token[]): Finding {
  const at = (msg: string, start: number, cursor = rhinoCursorAfterToken(source, start)): Finding => ({
    message: msg,
    at: start,
    cursor,
  });

  if (/^Unterminated string constant/.test(message)) return at(M.unterminatedString, pos, cursorAtLineEnd(source, pos));
  if (/^Unterminated comment/.test(message)) return at(M.unterminatedComment, pos, source.length);
  if (/^Unterminated template/.test(message)) {
    // Rhino's template reader counts the end of input as one more character read.
    const end = positionOfCursor(source, source.length);
    return { message: M.unexpectedEof, at: pos, cursor: source.length, fixedPosition: { message: M.unexpectedEof, line: end.line, column: end.column + 1 } };
  }
  if (/^Unterminated regular expression/.test(message)) return at(M.unterminatedRegex, pos, cursorAtLineEnd(source, pos));
  const illegal = /^Unexpected character '(.+)'/u.exec(message);
  if (illegal) return at(M.illegalCharacter(illegal[1]), pos, pos + illegal[1].length);
  if (/^'return' outside of function/.test(message)) return at(M.invalidReturn, pos);
  if (/^Unsyntactic (break|continue)/.test(message)) {
    const keywordEnd = wordEnd(source, pos);
    const label = skipSpace(source, keywordEnd);
    const hasLabel = isIdentifierChar(source[label]) && !/[\n\r]/.test(source.slice(keywordEnd, label));
    if (hasLabel) return at(M.undefinedLabel, label);
    return at(/break/.test(message) ? M.breakOutsideLoop : M.continueOutsideLoop, pos);
  }
  if (/^Label '.*' is already declared/.test(message)) {
    const colon = skipSpace(source, wordEnd(source, pos));
    return at(M.duplicatedLabel, colon, rhinoPunctuator(source, colon).cursor);
  }
  if (/^Multiple default clauses/.test(message)) return at(M.doubleDefault, pos);
  if (/^Missing catch or finally clause/.test(message)) {
    const lastRead = tokens[tokens.length - 1];
    return at(M.tryWithoutCatch, skipSpace(source, lastRead ? lastRead.end : pos));
  }
  if (/^Illegal newline after throw/.test(message)) {
    return at(M.throwNewline, skipSpace(source, source.startsWith("throw", pos) ? pos + 5 : pos));
  }
  if (/^Invalid number/.test(message) && /^0\d/.test(source.slice(pos, pos + 2))) return at(M.octalInStrict, pos);
  if (/^'with' in strict mode/.test(message)) return at(M.withInStrict, pos);
  if (/^Octal literal in strict mode/.test(message)) return at(M.octalInStrict, pos);
  if (/^Octal literal in template string|^Bad escape sequence in untagged template/.test(message)) {
    return at(M.syntaxError, pos, Math.min(pos + 3, source.length));
  }
  const strictBinding = /^Binding (eval|arguments) in strict mode/.exec(message);
  if (strictBinding) return at(M.badStrictIdentifier(strictBinding[1]), pos);
  if (/^Assigning to rvalue/.test(message)) {
    const prev = tokens.filter((t) => t.end <= pos).pop();
    if (prev && ["++", "--"].includes(text(source, prev))) {
      return at(text(source, prev) === "++" ? M.invalidIncrement : M.invalidDecrement, pos);
    }
    const after = source.slice(pos).match(/^[^;\n=]*?(\+\+|--)/);
    if (after) {
      const opStart = pos + after[0].length - 2;
      return at(after[1] === "++" ? M.invalidIncrement : M.invalidDecrement, opStart, opStart + 2);
    }
    return { message: M.invalidAssignmentLeft, at: pos, cursor: pos, fixedPosition: { message: M.invalidAssignmentLeft, line: 1, column: 1 } };
  }
  if (/may appear only with 'sourceType: module'|may only appear at the top level/.test(message)) {
    return at(M.missingSemiBeforeStatement, skipSpace(source, wordEnd(source, pos)));
  }

  let errorPos = pos;
  if (/^Identifier directly after number/.test(message)) {
    while (errorPos > 0 && /[\d.xXa-fA-F_]/.test(source[errorPos - 1])) errorPos--;
  }
  const before = tokens.filter((t) => t.end <= errorPos);
  return classifyUnexpected(source, before, errorPos);
}

function classifyUnexpected(source: string, tokens: Token[], pos: number): Finding {
  const ctx = buildContext(source, tokens);
  const top = ctx.stack[ctx.stack.length - 1];
  const last = tokens.length - 1;
  const prev = text(source, tokens[last]);
  const prevPrev = text(source, tokens[last - 1]);
  const start = skipSpace(source, pos);
  const eof = start >= source.length;
  const errorText = eof ? "" : source.slice(start, Math.max(wordEnd(source, start), rhinoPunctuator(source, start).end));
  const found = (message: string): Finding => ({
    message,
    at: start,
    cursor: eof ? source.length : rhinoCursorAfterToken(source, start),
  });

  if (source[start] === "#") return { message: M.illegalCharacter("#"), at: start, cursor: start + 1 };
  if (errorText === "=>") return found(M.syntaxError);
  if (prev === ".") return found(M.missingNameAfterDot);
  if (prev === "var" || prev === "const") return found(M.missingVariableName);
  if (prev === "function" || (tokens[last]?.type.label === "name" && prevPrev === "function")) return found(M.missingParenBeforeParams);
  if (prev === "if" || prev === "while") return found(M.missingParenBeforeCondition);
  if (prev === "for") return found(M.missingParenAfterFor);
  if (prev === "switch") return found(M.missingParenBeforeSwitch);
  if (prev === "with") return found(M.missingParenBeforeWith);
  if (prev === "catch") return found(M.missingParenBeforeCatch);
  if (prev === ")" && ctx.closedKind[last] === "params") return found(M.missingBraceBeforeBody);
  if (top.kind === "params") return found(prev === "(" || prev === "," ? M.missingFormalParameter : M.missingParenAfterFormals);
  if (top.kind === "object") {
    if (prev === "{" || prev === ",") return found(M.invalidPropertyId);
    if (prevPrev === "{" || prevPrev === ",") {
      return found(errorText === "," || errorText === "}" ? M.missingColonAfterPropertyId : M.missingParenBeforeParams);
    }
  }
  const afterExpression = endsExpression(source, tokens, last, ctx);
  if (eof) {
    if (!afterExpression && prev !== ";" && prev !== "}") return found(M.unexpectedEof);
    switch (top.kind) {
      case "body":
        return found(M.missingBraceAfterBody);
      case "block":
      case "switchbody":
        return found(M.missingBraceInCompound);
      default:
        break;
    }
  }
  if (afterExpression) {
    if (top.questions > 0 && errorText !== ":") return found(M.missingColonInConditional);
    switch (top.kind) {
      case "call":
        return found(M.missingParenAfterArgs);
      case "paren":
        return found(M.missingParenInParenthetical);
      case "cond":
        return found(M.missingParenAfterCondition);
      case "switch":
        return found(M.missingParenAfterSwitch);
      case "with":
        return found(M.missingParenAfterWith);
      case "for":
        return found(
          top.semicolons === 0 ? M.missingSemiAfterForInit : top.semicolons === 1 ? M.missingSemiAfterForCondition : M.missingParenAfterForControl,
        );
      case "index":
        return found(M.missingBracketInIndex);
      case "array":
        return found(M.missingBracketAfterElements);
      case "object":
        return found(M.missingBraceAfterProperties);
      case "switchbody":
        return found(top.openCase ? M.missingColonAfterCase : M.missingSemiBeforeStatement);
      default:
        return found(eof ? M.unexpectedEof : M.missingSemiBeforeStatement);
    }
  }
  return found(eof ? M.unexpectedEof : M.syntaxError);
}
