/**
 * A syntax error keeps Rhino's own words ("missing ; before statement"), which say where but not why: the
 * usual why is ES6+ syntax that Rhino 1.7.14 does not have. This names the construct at the error and the
 * ES5 way to write it, as a warning beside the error (code `rhino-es6-syntax`).
 */
import { tokenizer, tokTypes, type Token } from "acorn";
import type { RunWarning } from "../result";
import type { RhinoSyntaxError } from "./rhino-syntax";
import { offsetOfLineColumn } from "../util/line-offset";

interface Hint {
  what: string;
  fix: string;
}

const HINTS = {
  let: { what: "Rhino 1.7.14 has no let (at its default language version let is a plain name)", fix: "use var" },
  constInFor: { what: "Rhino 1.7.14 does not allow const in a for head", fix: "use var" },
  forOf: { what: "for…of is not in Rhino 1.7.14", fix: "use for (var i = 0; i < list.length; i++) or for (var key in object)" },
  classes: { what: "Rhino 1.7.14 has no classes", fix: "use a constructor function and add methods to its prototype" },
  spread: { what: "spread and rest (...) are not in Rhino 1.7.14", fix: "use fn.apply(null, args), arguments, or [].concat(a, b)" },
  optionalChaining: { what: "optional chaining (?.) is not in Rhino 1.7.14", fix: "test each step: o && o.a && o.a.b" },
  nullish: { what: "?? and ??= are not in Rhino 1.7.14", fix: "use (x !== null && x !== undefined) ? x : fallback" },
  exponent: { what: "** is not in Rhino 1.7.14", fix: "use Math.pow(a, b)" },
  asyncAwait: { what: "async functions and await are not in Rhino 1.7.14", fix: "use the promise's then(…) or get()" },
  defaults: { what: "default parameter values are not in Rhino 1.7.14", fix: "set them in the body: if (b === undefined) b = 2;" },
  shorthand: { what: "this object literal or pattern uses syntax Rhino 1.7.14 lacks (shorthand { a }, a computed key [k]: v, an async or generator method)", fix: "write each property as name: value, e.g. { a: a }" },
  generators: { what: "function* generators are not in Rhino 1.7.14", fix: "use a plain function that returns an array" },
  numbers: { what: "BigInt and 0o/0b literals are not in Rhino 1.7.14", fix: "use a plain number, or parseInt(\"777\", 8) / parseInt(\"101\", 2)" },
  modules: { what: "AM scripts are not modules: import and export do not exist in Rhino 1.7.14", fix: "keep everything in the script (or a library script loaded with require)" },
  trailingParamComma: { what: "Rhino 1.7.14 does not allow a comma after the last parameter", fix: "remove it" },
  logicalAssign: { what: "||= and &&= are not in Rhino 1.7.14", fix: "write a = a || b" },
  optionalCatch: { what: "catch without a binding is not in Rhino 1.7.14", fix: "write catch (e)" },
} satisfies Record<string, Hint>;

/** Tokens up to the first one the tokenizer cannot read (the syntax error may be a tokenizer error). */
function tokensOf(source: string): Token[] {
  const tokens: Token[] = [];
  try {
    for (const token of tokenizer(source, { ecmaVersion: "latest", allowReserved: true, allowReturnOutsideFunction: true, allowHashBang: true })) tokens.push(token);
  } catch {
    // keep what was read
  }
  return tokens;
}


function hintFor(source: string, tokens: Token[], error: RhinoSyntaxError): Hint | null {
  const text = (t: Token | undefined) => (t ? source.slice(t.start, t.end) : "");
  const cursor = offsetOfLineColumn(source, error.line, error.column ?? 1);
  // The offending token is among the last few Rhino had read when it stopped.
  let last = tokens.findIndex((t) => t.start >= cursor);
  if (last < 0) last = tokens.length;
  const window = tokens.slice(Math.max(0, last - 4), Math.min(tokens.length, last + 1));
  const has = (pred: (t: Token, i: number) => boolean) => window.some(pred);
  const at = (t: Token) => tokens.indexOf(t);

  if (has((t) => t.type === tokTypes.name && text(t) === "let" && [tokTypes.name, tokTypes.braceL].includes(tokens[at(t) + 1]?.type))) return HINTS.let;
  if (has((t) => t.type === tokTypes.name && text(t) === "of" && tokens.slice(Math.max(0, at(t) - 12), at(t)).some((p) => p.type === tokTypes._for))) return HINTS.forOf;
  if (has((t) => t.type === tokTypes._const && tokens.slice(Math.max(0, at(t) - 2), at(t)).some((p) => p.type === tokTypes._for))) return HINTS.constInFor;
  if (has((t) => t.type === tokTypes._class)) return HINTS.classes;
  if (has((t) => t.type === tokTypes.ellipsis)) return HINTS.spread;
  if (has((t) => t.type === tokTypes.questionDot)) return HINTS.optionalChaining;
  if (has((t) => t.type === tokTypes.coalesce || (t.type === tokTypes.assign && text(t) === "??="))) return HINTS.nullish;
  if (has((t) => t.type === tokTypes.starstar || (t.type === tokTypes.assign && text(t) === "**="))) return HINTS.exponent;
  if (has((t) => t.type === tokTypes.assign && (text(t) === "||=" || text(t) === "&&="))) return HINTS.logicalAssign;
  if (has((t) => t.type === tokTypes.name && (text(t) === "async" || text(t) === "await"))) return HINTS.asyncAwait;
  if (has((t) => t.type === tokTypes._catch && tokens[at(t) + 1]?.type === tokTypes.braceL)) return HINTS.optionalCatch;
  if (has((t) => t.type === tokTypes._function && tokens[at(t) + 1]?.type === tokTypes.star)) return HINTS.generators;
  if (has((t) => t.type === tokTypes.num && /^(?:0[oObB]|\d[\d_]*n$)/.test(text(t)))) return HINTS.numbers;
  if (has((t) => (t.type === tokTypes._import || t.type === tokTypes._export) && at(t) === 0 || ((t.type === tokTypes._import || t.type === tokTypes._export) && [tokTypes.semi, tokTypes.braceR].includes(tokens[at(t) - 1]?.type)))) return HINTS.modules;
  const inPropertyPosition = (t: Token) => [tokTypes.braceL, tokTypes.comma].includes(tokens[at(t) - 1]?.type);
  if (/missing : after property id|invalid property id/.test(error.message) && has((t) => (t.type === tokTypes.name || t.type === tokTypes.bracketL || t.type === tokTypes.star) && inPropertyPosition(t))) return HINTS.shorthand;
  if (/formal parameter/.test(error.message) && tokens.slice(Math.max(0, last - 8), last + 1).some((t) => t.type === tokTypes.eq)) return HINTS.defaults;
  if (/missing formal parameter/.test(error.message) && has((t, i) => t.type === tokTypes.comma && window[i + 1]?.type === tokTypes.parenR)) return HINTS.trailingParamComma;
  return null;
}

/** The ES6-syntax hint for a Rhino syntax error, or none when the error is not about such syntax. */
export function syntaxHints(source: string, error: RhinoSyntaxError): RunWarning[] {
  const hint = hintFor(source, tokensOf(source), error);
  return hint ? [{ code: "rhino-es6-syntax", message: `${hint.what}: ${hint.fix}.`, line: error.line }] : [];
}
