/**
 * Where Rhino says an error is. Rhino's parser reports the line and "lineOffset" of its tokenizer's read
 * cursor, i.e. the furthest character it has read, including the one character of look-ahead most tokens
 * need (an identifier is only known to end after reading the next character). These helpers compute that
 * cursor for a token at a given position, the way Rhino 1.7.14's TokenStream would have read it.
 */

export interface RhinoPosition {
  line: number;
  column: number;
}

const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/g;

export function isLineBreak(ch: string | undefined): boolean {
  return ch === "\n" || ch === "\r" || ch === "\u2028" || ch === "\u2029";
}

/**
 * Converts Rhino's read cursor (index just past the furthest character read) to its (line, lineOffset).
 * A line break that was only peeked at does not move Rhino to the next line, so it is not counted.
 */
export function positionOfCursor(source: string, cursor: number): RhinoPosition {
  let end = Math.max(0, Math.min(cursor, source.length));
  let peekedBreak = false;
  if (end > 0 && isLineBreak(source[end - 1])) {
    end -= 1;
    if (end > 0 && source[end] === "\n" && source[end - 1] === "\r") end -= 1;
    peekedBreak = true;
  }
  let line = 1;
  let lineStart = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(source); m && m.index < end; m = LINE_BREAK.exec(source)) {
    line++;
    lineStart = m.index + m[0].length;
  }
  const column = end - lineStart;
  return { line, column: peekedBreak ? column : Math.max(column, 1) };
}

/** The 1-based line containing an index. */
export function lineAt(source: string, index: number): number {
  let line = 1;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(source); m && m.index < index; m = LINE_BREAK.exec(source)) line++;
  return line;
}

export function isIdentifierChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\p{Sc}$\\\u200c\u200d]/u.test(ch);
}

/** Rhino's cursor after reading an identifier, keyword or number ending at `end`: one character more. */
export function cursorAfterWord(source: string, end: number): number {
  return Math.min(end + 1, source.length);
}

/** The end of the identifier/keyword/number starting at `start` (as a plain scan, no escapes beyond \\uXXXX). */
export function wordEnd(source: string, start: number): number {
  let i = start;
  while (i < source.length && (isIdentifierChar(source[i]) || (i > start && source[i] === "."))) {
    if (source[i] === ".") {
      if (!/\d/.test(source[start])) break;
    }
    i++;
  }
  return Math.max(i, start + 1);
}

/** Punctuators Rhino reads without looking at the next character. */
const SINGLE_NO_LOOKAHEAD = new Set(["(", ")", "[", "]", "{", "}", ",", ";", "~", "?"]);

/**
 * Rhino's view of the punctuator at `pos`: where its token ends and how far its tokenizer read.
 * Rhino 1.7.14 has no `?.`, `??`, `**`, `...`: those read as `?` `.`, `?` `?`, `*` `*`, `..` `.`.
 */
export function rhinoPunctuator(source: string, pos: number): { end: number; cursor: number } {
  const c = source[pos];
  const n1 = source[pos + 1];
  const n2 = source[pos + 2];
  const n3 = source[pos + 3];
  const at = (k: number) => Math.min(pos + k, source.length);
  if (c === undefined) return { end: pos, cursor: source.length };
  if (SINGLE_NO_LOOKAHEAD.has(c)) return { end: pos + 1, cursor: pos + 1 };
  switch (c) {
    case ".":
      if (n1 === "." || n1 === "(") return { end: pos + 2, cursor: at(2) };
      return { end: pos + 1, cursor: at(2) };
    case ":":
      if (n1 === ":") return { end: pos + 2, cursor: at(2) };
      return { end: pos + 1, cursor: at(2) };
    case "=":
    case "!":
      if (n1 === "=") return n2 === "=" ? { end: pos + 3, cursor: at(3) } : { end: pos + 2, cursor: at(3) };
      if (c === "=" && n1 === ">") return { end: pos + 2, cursor: at(2) };
      return { end: pos + 1, cursor: at(2) };
    case "<":
      if (n1 === "<") return n2 === "=" ? { end: pos + 3, cursor: at(3) } : { end: pos + 2, cursor: at(3) };
      if (n1 === "=") return { end: pos + 2, cursor: at(2) };
      return { end: pos + 1, cursor: at(2) };
    case ">":
      if (n1 === ">") {
        if (n2 === ">") return n3 === "=" ? { end: pos + 4, cursor: at(4) } : { end: pos + 3, cursor: at(4) };
        if (n2 === "=") return { end: pos + 3, cursor: at(3) };
        return { end: pos + 2, cursor: at(3) };
      }
      if (n1 === "=") return { end: pos + 2, cursor: at(2) };
      return { end: pos + 1, cursor: at(2) };
    case "+":
    case "-":
    case "&":
    case "|":
      if (n1 === c || n1 === "=") return { end: pos + 2, cursor: at(2) };
      return { end: pos + 1, cursor: at(2) };
    case "*":
    case "/":
    case "%":
    case "^":
      if (n1 === "=") return { end: pos + 2, cursor: at(2) };
      return { end: pos + 1, cursor: at(2) };
    default:
      return { end: pos + 1, cursor: at(1) };
  }
}

/** Rhino's read cursor once it has tokenized the token starting at `pos` (any kind). */
export function rhinoCursorAfterToken(source: string, pos: number): number {
  if (pos >= source.length) return source.length;
  const c = source[pos];
  if (c === '"' || c === "'") {
    let i = pos + 1;
    while (i < source.length && source[i] !== c && !isLineBreak(source[i])) i += source[i] === "\\" ? 2 : 1;
    return Math.min(i + 1, source.length);
  }
  if (/[\d.]/.test(c) && /\d/.test(c === "." ? source[pos + 1] ?? "" : c)) {
    const number = /^(?:0[xX][\da-fA-F_]*|[\d_]*\.?[\d_]*(?:[eE][+-]?\d+)?)/.exec(source.slice(pos, pos + 400));
    return cursorAfterWord(source, pos + Math.max(1, number ? number[0].length : 1));
  }
  if (isIdentifierChar(c)) {
    return cursorAfterWord(source, wordEnd(source, pos));
  }
  return rhinoPunctuator(source, pos).cursor;
}
