/**
 * A JavaScript regular expression (no flags, so Annex B's web syntax, matching UTF-16 code units) run by a
 * backtracking matcher that counts its steps and gives up past a budget.
 *
 * Why not the host's RegExp: a pattern a scenario or a script supplies (a mock's `urlPattern`, a Java
 * `String.matches` argument) runs in the host, outside the sandbox's interrupt. `(a+)+$` against forty a's and a
 * `!` backtracks 2^40 times in V8, and nothing can stop it: the worker hangs until the supervisor's watchdog kills
 * it with a message about the script's time, or forever when the engine is called directly (the app's HTTP pane
 * runs the same matcher on the page). Here the matcher follows the specification's own algorithm (ECMA-262
 * §22.2.2, continuations and RepeatMatcher), so an ordinary pattern matches exactly as V8 would, and a runaway
 * one ends in RegExpBudgetExceeded after a bounded number of steps, the same on every machine.
 *
 * The source is first compiled by the host's RegExp, which says whether it is valid at all (and words the
 * error); the parser here reads what that accepts, except the newest syntax (modifiers `(?i:…)`), which it
 * refuses with UnsupportedRegExp rather than guess.
 */

/** Steps a match may take by default: a few tenths of a second at most, far more than any ordinary pattern needs. */
export const DEFAULT_REGEXP_STEPS = 2_000_000;

export class RegExpBudgetExceeded extends Error {
  constructor(
    readonly steps: number,
    /** "steps": the budget ran out; "depth": the match nested deeper than the host's stack (a long input under a repeated group). */
    readonly why: "steps" | "depth" = "steps",
  ) {
    super(
      why === "steps"
        ? `the regular expression needed more than ${steps} matching steps (it backtracks without bound on this input)`
        : "the regular expression nested deeper than the host's stack allows on this input (a repeated group over a long text)",
    );
    this.name = "RegExpBudgetExceeded";
  }
}

/** A valid pattern this matcher cannot read (syntax newer than it knows). */
export class UnsupportedRegExp extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedRegExp";
  }
}

export interface BoundedMatch {
  index: number;
  end: number;
  /** Group 1…n: the text each captured, or undefined. */
  groups: (string | undefined)[];
}

/** Steps left for one operation (a `replaceAll` spends one budget over all its matches). */
export interface RegExpBudget {
  left: number;
  readonly limit: number;
}

export function regExpBudget(limit = DEFAULT_REGEXP_STEPS): RegExpBudget {
  return { left: limit, limit };
}

export interface BoundedRegExp {
  readonly source: string;
  readonly groupCount: number;
  /** The first match at or after `from` (RegExp.prototype.exec with lastIndex `from`), or null; `sticky`: at `from` only. */
  exec(input: string, from: number, budget: RegExpBudget, sticky?: boolean): BoundedMatch | null;
}

// ---- the pattern's tree ---------------------------------------------------------------------------------

type CharTest = (code: number) => boolean;

type Node =
  | { t: "alt"; alts: Node[][] }
  | { t: "char"; test: CharTest }
  | { t: "start" }
  | { t: "end" }
  | { t: "word"; negate: boolean }
  | { t: "look"; ahead: boolean; negate: boolean; body: Node }
  | { t: "group"; index: number | null; body: Node }
  | { t: "backref"; index: number | null; name?: string }
  | { t: "repeat"; body: Node; min: number; max: number; greedy: boolean; firstGroup: number; groupCount: number };

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isLineTerminator = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const isSpace = (c: number) =>
  c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const hexValue = (text: string) => (/^[0-9a-fA-F]+$/.test(text) ? parseInt(text, 16) : -1);

/** \d \D \w \W \s \S as a test, or null for another letter. */
function classEscape(letter: string): CharTest | null {
  switch (letter) {
    case "d":
      return isDigit;
    case "D":
      return (c) => !isDigit(c);
    case "w":
      return isWordCode;
    case "W":
      return (c) => !isWordCode(c);
    case "s":
      return isSpace;
    case "S":
      return (c) => !isSpace(c);
    default:
      return null;
  }
}

class Parser {
  private at = 0;
  private groups = 0;
  readonly names = new Map<string, number>();

  constructor(
    private readonly src: string,
    private readonly totalGroups: number,
    private readonly hasNames: boolean,
  ) {}

  parse(): Node {
    const node = this.disjunction();
    if (this.at < this.src.length) throw new UnsupportedRegExp(`unexpected ${JSON.stringify(this.src[this.at])} at ${this.at}`);
    return node;
  }

  get groupCount(): number {
    return this.groups;
  }

  private peek(offset = 0): string {
    return this.src[this.at + offset] ?? "";
  }

  private disjunction(): Node {
    const alts: Node[][] = [this.alternative()];
    while (this.peek() === "|") {
      this.at++;
      alts.push(this.alternative());
    }
    return { t: "alt", alts };
  }

  private alternative(): Node[] {
    const terms: Node[] = [];
    while (this.at < this.src.length && this.peek() !== "|" && this.peek() !== ")") terms.push(this.term());
    return terms;
  }

  private term(): Node {
    const firstGroup = this.groups + 1;
    const c = this.peek();
    if (c === "^" || c === "$") {
      this.at++;
      return { t: c === "^" ? "start" : "end" };
    }
    if (c === "\\" && (this.peek(1) === "b" || this.peek(1) === "B")) {
      this.at += 2;
      return { t: "word", negate: this.src[this.at - 1] === "B" };
    }
    if (this.src.startsWith("(?<=", this.at) || this.src.startsWith("(?<!", this.at)) {
      const negate = this.peek(3) === "!";
      this.at += 4;
      const body = this.disjunction();
      this.expect(")");
      return { t: "look", ahead: false, negate, body };
    }
    let atom: Node;
    if (this.src.startsWith("(?=", this.at) || this.src.startsWith("(?!", this.at)) {
      const negate = this.peek(2) === "!";
      this.at += 3;
      const body = this.disjunction();
      this.expect(")");
      // Annex B lets a lookahead take a quantifier.
      atom = { t: "look", ahead: true, negate, body };
    } else atom = this.atom();
    return this.quantified(atom, firstGroup);
  }

  private quantified(atom: Node, firstGroup: number): Node {
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === "*" || c === "+" || c === "?") {
      this.at++;
      [min, max] = c === "*" ? [0, Infinity] : c === "+" ? [1, Infinity] : [0, 1];
    } else {
      const braced = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.at));
      if (!braced) return atom;
      this.at += braced[0].length;
      min = Number(braced[1]);
      max = braced[2] === undefined ? min : braced[3] ? Number(braced[3]) : Infinity;
    }
    let greedy = true;
    if (this.peek() === "?") {
      this.at++;
      greedy = false;
    }
    return { t: "repeat", body: atom, min, max, greedy, firstGroup, groupCount: this.groups - firstGroup + 1 };
  }

  private expect(text: string): void {
    if (this.peek() !== text) throw new UnsupportedRegExp(`expected ${JSON.stringify(text)} at ${this.at}`);
    this.at++;
  }

  private atom(): Node {
    const c = this.peek();
    if (c === ".") {
      this.at++;
      return { t: "char", test: (code) => !isLineTerminator(code) };
    }
    if (c === "(") {
      if (this.src.startsWith("(?:", this.at)) {
        this.at += 3;
        const body = this.disjunction();
        this.expect(")");
        return { t: "group", index: null, body };
      }
      let name: string | undefined;
      if (this.src.startsWith("(?<", this.at)) {
        const close = this.src.indexOf(">", this.at);
        if (close < 0) throw new UnsupportedRegExp("unterminated group name");
        name = this.src.slice(this.at + 3, close);
        this.at = close + 1;
      } else if (this.peek(1) === "?") {
        throw new UnsupportedRegExp(`the group syntax at ${this.at} (e.g. modifiers) is newer than this matcher`);
      } else this.at++;
      const index = ++this.groups;
      if (name !== undefined) this.names.set(name, index);
      const body = this.disjunction();
      this.expect(")");
      return { t: "group", index, body };
    }
    if (c === "[") return this.charClass();
    if (c === "\\") return this.atomEscape();
    if (c === "*" || c === "+" || c === "?" || c === ")" || c === "|" || c === "") throw new UnsupportedRegExp(`unexpected ${JSON.stringify(c)} at ${this.at}`);
    this.at++;
    const code = c.charCodeAt(0);
    return { t: "char", test: (x) => x === code };
  }

  private atomEscape(): Node {
    const next = this.peek(1);
    if (isDigit(next.charCodeAt(0)) && next !== "0") {
      const digits = /^\d+/.exec(this.src.slice(this.at + 1))![0];
      const n = Number(digits);
      if (n <= this.totalGroups) {
        this.at += 1 + digits.length;
        return { t: "backref", index: n };
      }
    }
    if (next === "k" && this.hasNames) {
      const close = this.src.indexOf(">", this.at);
      const name = this.src.slice(this.at + 3, close);
      this.at = close + 1;
      return { t: "backref", index: null, name };
    }
    const test = this.escapeTest(false);
    return { t: "char", test };
  }

  /** The escape at `\`: a class escape or one character (Annex B's identity, octal and control escapes). */
  private escapeTest(inClass: boolean): CharTest {
    const letter = this.peek(1);
    const cls = classEscape(letter);
    if (cls) {
      this.at += 2;
      return cls;
    }
    const code = this.characterEscape(inClass);
    return (x) => x === code;
  }

  /** One escaped character's code unit, `this.at` on the backslash. */
  private characterEscape(inClass: boolean): number {
    const letter = this.peek(1);
    if (letter === "") throw new UnsupportedRegExp("\\ at end of pattern");
    const simple: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
    if (Object.hasOwn(simple, letter)) {
      this.at += 2;
      return simple[letter];
    }
    if (inClass && letter === "b") {
      this.at += 2;
      return 8;
    }
    if (letter === "c") {
      const control = this.peek(2);
      if (/^[A-Za-z]$/.test(control) || (inClass && /^[0-9_]$/.test(control))) {
        this.at += 3;
        return control.charCodeAt(0) % 32;
      }
      // Annex B: a backslash not followed by a control letter is itself; the `c` is read next.
      this.at += 1;
      return 92;
    }
    if (letter === "x" || letter === "u") {
      const width = letter === "x" ? 2 : 4;
      const value = hexValue(this.src.slice(this.at + 2, this.at + 2 + width));
      if (value >= 0 && this.src.slice(this.at + 2, this.at + 2 + width).length === width) {
        this.at += 2 + width;
        return value;
      }
      this.at += 2;
      return letter.charCodeAt(0);
    }
    if (/^[0-7]$/.test(letter)) {
      // Annex B's legacy octal escape: up to three octal digits, at most \377.
      let value = 0;
      let used = 0;
      while (used < 3 && /^[0-7]$/.test(this.peek(1 + used)) && value * 8 + Number(this.peek(1 + used)) <= 255) {
        value = value * 8 + Number(this.peek(1 + used));
        used++;
      }
      this.at += 1 + used;
      return value;
    }
    this.at += 2;
    return letter.charCodeAt(0);
  }

  private charClass(): Node {
    this.at++;
    let negate = false;
    if (this.peek() === "^") {
      negate = true;
      this.at++;
    }
    const tests: CharTest[] = [];
    const ranges: [number, number][] = [];
    while (this.peek() !== "]") {
      if (this.at >= this.src.length) throw new UnsupportedRegExp("unterminated character class");
      const first = this.classAtom();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== "") {
        const save = this.at;
        this.at++;
        const second = this.classAtom();
        if (typeof first === "number" && typeof second === "number") {
          ranges.push([first, second]);
          continue;
        }
        // Annex B: a range with a class escape at either end is the two sets and a "-".
        this.at = save;
      }
      if (typeof first === "number") ranges.push([first, first]);
      else tests.push(first);
    }
    this.at++;
    const inSet = (x: number) => ranges.some(([lo, hi]) => x >= lo && x <= hi) || tests.some((t) => t(x));
    return { t: "char", test: negate ? (x) => !inSet(x) : inSet };
  }

  /** One class member: a code unit, or a class escape's test. */
  private classAtom(): number | CharTest {
    const c = this.peek();
    if (c !== "\\") {
      this.at++;
      return c.charCodeAt(0);
    }
    const cls = classEscape(this.peek(1));
    if (cls) {
      this.at += 2;
      return cls;
    }
    return this.characterEscape(true);
  }
}

/** Capturing groups and whether any is named, counted before parsing (a `\2` before group 2 is a backreference). */
function countGroups(src: string): { total: number; named: boolean } {
  let total = 0;
  let named = false;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") {
      if (src[i + 1] !== "?") total++;
      else if (src[i + 2] === "<" && src[i + 3] !== "=" && src[i + 3] !== "!") {
        total++;
        named = true;
      }
    }
  }
  return { total, named };
}

// ---- matching (ECMA-262 §22.2.2: a matcher takes a state and a continuation) ---------------------------

type Captures = readonly (readonly [number, number] | undefined)[];
interface State {
  end: number;
  caps: Captures;
}
type Cont = (s: State) => State | null;
type Matcher = (s: State, c: Cont) => State | null;

interface Run {
  input: string;
  budget: RegExpBudget;
}

function step(run: Run): void {
  if (--run.budget.left < 0) throw new RegExpBudgetExceeded(run.budget.limit);
}

function compileNode(node: Node, forward: boolean, run: () => Run, names: Map<string, number>): Matcher {
  switch (node.t) {
    case "alt": {
      const alts = node.alts.map((terms) => compileSequence(terms, forward, run, names));
      if (alts.length === 1) return alts[0];
      return (s, c) => {
        for (const m of alts) {
          const r = m(s, c);
          if (r) return r;
        }
        return null;
      };
    }
    case "char": {
      const test = node.test;
      return (s, c) => {
        const r = run();
        step(r);
        const at = forward ? s.end : s.end - 1;
        if (at < 0 || at >= r.input.length || !test(r.input.charCodeAt(at))) return null;
        return c({ end: forward ? s.end + 1 : s.end - 1, caps: s.caps });
      };
    }
    case "start":
      return (s, c) => (s.end === 0 ? c(s) : null);
    case "end":
      return (s, c) => (s.end === run().input.length ? c(s) : null);
    case "word":
      return (s, c) => {
        const input = run().input;
        const a = s.end > 0 && isWordCode(input.charCodeAt(s.end - 1));
        const b = s.end < input.length && isWordCode(input.charCodeAt(s.end));
        return (a !== b) !== node.negate ? c(s) : null;
      };
    case "look": {
      const body = compileNode(node.body, node.ahead, run, names);
      return (s, c) => {
        const r = body(s, (y) => y);
        if (node.negate) return r ? null : c(s);
        return r ? c({ end: s.end, caps: r.caps }) : null;
      };
    }
    case "group": {
      const body = compileNode(node.body, forward, run, names);
      const index = node.index;
      if (index === null) return body;
      return (x, c) =>
        body(x, (y) => {
          const caps = y.caps.slice();
          caps[index] = forward ? [x.end, y.end] : [y.end, x.end];
          return c({ end: y.end, caps });
        });
    }
    case "backref":
      return (s, c) => {
        const index = node.index ?? names.get(node.name ?? "") ?? 0;
        const cap = s.caps[index];
        if (!cap) return c(s);
        const r = run();
        const length = cap[1] - cap[0];
        const from = forward ? s.end : s.end - length;
        if (from < 0 || from + length > r.input.length) return null;
        for (let i = 0; i < length; i++) {
          step(r);
          if (r.input.charCodeAt(cap[0] + i) !== r.input.charCodeAt(from + i)) return null;
        }
        return c({ end: forward ? s.end + length : from, caps: s.caps });
      };
    case "repeat":
      return compileRepeat(node, forward, run, names);
  }
}

function compileSequence(terms: Node[], forward: boolean, run: () => Run, names: Map<string, number>): Matcher {
  const matchers = terms.map((t) => compileNode(t, forward, run, names));
  if (!forward) matchers.reverse();
  if (matchers.length === 0) return (s, c) => c(s);
  if (matchers.length === 1) return matchers[0];
  let sequence = matchers[matchers.length - 1];
  for (let i = matchers.length - 2; i >= 0; i--) {
    const m = matchers[i];
    const rest = sequence;
    sequence = (s, c) => m(s, (y) => rest(y, c));
  }
  return sequence;
}

function compileRepeat(node: Extract<Node, { t: "repeat" }>, forward: boolean, run: () => Run, names: Map<string, number>): Matcher {
  const { min, max, greedy, firstGroup, groupCount } = node;
  if (node.body.t === "char") {
    // One character a turn, no groups: the same order of tries as RepeatMatcher, as a loop, so that `.*` over a
    // long URL does not nest a call per character.
    const test = node.body.test;
    return (s, c) => {
      const r = run();
      const fits = (k: number) => {
        const at = forward ? s.end + k : s.end - k - 1;
        return at >= 0 && at < r.input.length && test(r.input.charCodeAt(at));
      };
      const at = (k: number): State => ({ end: forward ? s.end + k : s.end - k, caps: s.caps });
      let k = 0;
      if (greedy) {
        while (k < max && fits(k)) {
          step(r);
          k++;
        }
        for (; k >= min; k--) {
          step(r);
          const result = c(at(k));
          if (result) return result;
        }
        return null;
      }
      for (; k < min; k++) {
        step(r);
        if (!fits(k)) return null;
      }
      for (;;) {
        step(r);
        const result = c(at(k));
        if (result) return result;
        if (k >= max || !fits(k)) return null;
        k++;
      }
    };
  }
  const body = compileNode(node.body, forward, run, names);
  const repeat = (m: number, n: number, x: State, c: Cont): State | null => {
    step(run());
    if (n === 0) return c(x);
    const d: Cont = (y) => {
      if (m === 0 && y.end === x.end) return null;
      return repeat(m === 0 ? 0 : m - 1, n === Infinity ? Infinity : n - 1, y, c);
    };
    let caps = x.caps;
    if (groupCount > 0) {
      const cleared = caps.slice();
      for (let i = firstGroup; i < firstGroup + groupCount; i++) cleared[i] = undefined;
      caps = cleared;
    }
    const xr = { end: x.end, caps };
    if (m !== 0) return body(xr, d);
    if (!greedy) return c(x) ?? body(xr, d);
    return body(xr, d) ?? c(x);
  };
  return (s, c) => repeat(min, max, s, c);
}

/**
 * Compiles `source` (no flags). Throws the host's SyntaxError for an invalid pattern and UnsupportedRegExp for
 * valid syntax this matcher does not read.
 */
export function compileBoundedRegExp(source: string): BoundedRegExp {
  // Validity and its wording are the host's; compiling does not match, so it is bounded by the source's length.
  new RegExp(source);
  const { total, named } = countGroups(source);
  const parser = new Parser(source, total, named);
  const tree = parser.parse();
  let current: Run | null = null;
  const matcher = compileNode(tree, true, () => current!, parser.names);
  const groupCount = parser.groupCount;
  return {
    source,
    groupCount,
    exec(input, from, budget, sticky = false) {
      current = { input, budget };
      try {
        for (let start = from; start <= (sticky ? Math.min(from, input.length) : input.length); start++) {
          step(current);
          const result = matcher({ end: start, caps: [] }, (s) => s);
          if (result) {
            const groups: (string | undefined)[] = [];
            for (let i = 1; i <= groupCount; i++) {
              const cap = result.caps[i];
              groups.push(cap ? input.slice(cap[0], cap[1]) : undefined);
            }
            return { index: start, end: result.end, groups };
          }
        }
        return null;
      } catch (e) {
        // A pattern nested too deep for the host's stack, on a long input: as unbounded as backtracking, and said so.
        if (e instanceof RangeError) throw new RegExpBudgetExceeded(budget.limit, "depth");
        throw e;
      } finally {
        current = null;
      }
    },
  };
}

export type WholeMatch =
  | { kind: "match" }
  | { kind: "no-match" }
  | { kind: "invalid"; message: string }
  | { kind: "unsupported"; message: string }
  | { kind: "too-slow"; steps: number; why: "steps" | "depth" };

/** Whether `pattern` matches the whole of `subject` (`^(?:pattern)$`, as a mock's urlPattern is read), within `steps`. */
export function matchesWhole(pattern: string, subject: string, steps = DEFAULT_REGEXP_STEPS): WholeMatch {
  let compiled: BoundedRegExp;
  try {
    compiled = compileBoundedRegExp(`^(?:${pattern})$`);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return e instanceof UnsupportedRegExp ? { kind: "unsupported", message } : { kind: "invalid", message };
  }
  try {
    return compiled.exec(subject, 0, regExpBudget(steps)) ? { kind: "match" } : { kind: "no-match" };
  } catch (e) {
    if (e instanceof RegExpBudgetExceeded) return { kind: "too-slow", steps, why: e.why };
    throw e;
  }
}
