/**
 * How deep a script nests, measured without recursion, against the depths at which Rhino 1.7.14 itself gives up.
 *
 * Rhino's parser and its IR transformer are recursive and catch nothing but the JVM's StackOverflowError, so
 * its limits depend on the Java thread's stack (1 MB by default) and on the JIT: recorded in
 * test/conformance/dialect/depth.golden.json with `rhino -version 0`, brackets nested a few hundred deep fail
 * with "Too deep recursion while parsing", and a chain of a few thousand `"a" + "b" + …` terms with
 * java.lang.StackOverflowError while compiling. The playground's own tools (acorn, the tree walks) must not
 * crash, hang or answer wrongly on such scripts: this measure is a token scan (acorn's tokenizer is a loop),
 * so it runs before anything recursive does, and a script Rhino certainly cannot compile is reported as Rhino
 * reports it, while one in the band where Rhino's outcome depends on its stack gets a warning.
 */
import { tokenizer, tokTypes, type Token } from "acorn";
import { lineAt } from "./rhino-locate";
import { M } from "./rhino-messages";

export interface NestingMeasure {
  /**
   * Rhino's parser depth, weighted per bracket by what one level cost Rhino in the recordings: a `(` 5, a `[` 4,
   * a `{` that opens an object literal or a function body inside an expression 5, a statement block `{` 1.
   */
  parser: number;
  /** Longest run of binary/assignment operators at one bracket level between separators (`"a" + "b" + …`). */
  chain: number;
  /** Where each measure first reached Rhino's limit (index into the source), if it did. */
  parserLimitAt?: number;
  chainLimitAt?: number;
  /** Where each measure first passed what Rhino always compiled (the warning's line). */
  parserWarnAt?: number;
  chainWarnAt?: number;
}

/**
 * Limits from the recordings (test/conformance/dialect/depth.golden.json, a fresh JVM each, default stack):
 * the weighted depth / chain length Rhino always compiled, and the one it failed at. Parser: parens compiled
 * at 300 (1500) and failed at 400 (2000); arrays compiled at 400 (1600), failed at 500 (2000); nested function
 * expressions compiled at 100 (1000), failed at 200 (2000); blocks compiled at 1800, failed at 2000. Chains:
 * compiled at 2000 every time, failed at 5000 and above every time, and in between either way (the JIT decides).
 */
export const RHINO_DEPTH_LIMITS = {
  parser: { compiles: 1000, fails: 2000 },
  chain: { compiles: 2000, fails: 5000 },
} as const;

const SEPARATORS = new Set([tokTypes.semi, tokTypes.comma, tokTypes.colon]);
const CLOSERS = new Set([tokTypes.parenR, tokTypes.bracketR, tokTypes.braceR]);

/** A token after or before which an expression must go on (an operator, a dot, an opening bracket). */
function continuesExpression(token: Token): boolean {
  return isBinaryOperator(token) || token.type === tokTypes.dot || token.type === tokTypes.question || token.type === tokTypes.arrow || token.type === tokTypes.parenL || token.type === tokTypes.bracketL;
}

function isBinaryOperator(token: Token): boolean {
  const type = token.type as { binop?: number | null; isAssign?: boolean };
  return (type.binop !== null && type.binop !== undefined) || type.isAssign === true;
}

const BLOCK_AFTER = new Set<unknown>([tokTypes.parenR, tokTypes.semi, tokTypes.braceL, tokTypes.braceR, tokTypes.colon, tokTypes._else, tokTypes._do, tokTypes._try, tokTypes._finally]);

interface Opened {
  cost: number;
  /** This `(` holds the condition/head of an if, for, while or with (the statement body follows its `)`). */
  head?: boolean;
  /** Unbraced statement bodies nested at this level (`if (a) if (b) x++;`): one unit of depth each. */
  bodies: number;
  /** Inside it, a `{` opens an object literal or a function body (not a statement block). */
  expression: boolean;
  /** The operator run counted at this level. */
  run: number;
  /** `?` of conditional expressions open in the current expression at this level (each one parser level deeper). */
  ternaries?: number;
}

/** What a `{` costs Rhino's parser and what it opens, from the token before it and the innermost open bracket. */
function braceOpening(previous: Token | undefined, inExpression: boolean): Opened {
  if (inExpression) {
    // An object literal, or the body of a function expression / arrow (its statements are a statement context).
    const body = previous?.type === tokTypes.parenR || previous?.type === tokTypes.arrow;
    return { cost: 5, expression: !body, run: 0, bodies: 0 };
  }
  if (previous === undefined || BLOCK_AFTER.has(previous.type)) return { cost: 1, expression: false, run: 0, bodies: 0 };
  if (previous.type === tokTypes.arrow) return { cost: 5, expression: false, run: 0, bodies: 0 };
  return { cost: 5, expression: true, run: 0, bodies: 0 };
}

/** Nesting measured over tokens; null when the script does not even tokenize (the parser reports that). */
export function measureNesting(source: string): NestingMeasure | null {
  const measure: NestingMeasure = { parser: 0, chain: 0 };
  // The script's top level is a statement context too.
  const top: Opened = { cost: 0, expression: false, run: 0, bodies: 0 };
  const open: Opened[] = [top];
  let depth = 0;
  let previous: Token | undefined;
  let bodyMayFollow = false;
  const countOperators = (token: Token, weight: number) => {
    const level = open[open.length - 1];
    const before = level.run;
    level.run += weight;
    if (level.run > measure.chain) {
      if (before < RHINO_DEPTH_LIMITS.chain.fails && level.run >= RHINO_DEPTH_LIMITS.chain.fails && measure.chainLimitAt === undefined) measure.chainLimitAt = token.start;
      if (level.run > RHINO_DEPTH_LIMITS.chain.compiles && measure.chainWarnAt === undefined) measure.chainWarnAt = token.start;
      measure.chain = level.run;
    }
  };
  const reach = (token: Token) => {
    if (depth > measure.parser) {
      if (measure.parser < RHINO_DEPTH_LIMITS.parser.fails && depth >= RHINO_DEPTH_LIMITS.parser.fails) measure.parserLimitAt = token.start;
      if (depth > RHINO_DEPTH_LIMITS.parser.compiles && measure.parserWarnAt === undefined) measure.parserWarnAt = token.start;
      measure.parser = depth;
    }
  };
  try {
    for (const token of tokenizer(source, { ecmaVersion: "latest", allowReserved: true, allowReturnOutsideFunction: true, allowHashBang: true })) {
      const level = open[open.length - 1];
      // An unbraced statement body (after `if (…)`, `else`, `for (…)`, …) nests one statement deeper.
      if (bodyMayFollow && token.type !== tokTypes.braceL) {
        level.bodies++;
        depth++;
        reach(token);
      }
      bodyMayFollow = false;
      // A block closed and no `else` continues its statement: the unbraced bodies around it ended.
      if (previous?.type === tokTypes.braceR && token.type !== tokTypes._else && level.bodies > 0) {
        depth -= level.bodies;
        level.bodies = 0;
      }
      // A new statement starts a new operator run: at a statement keyword, or at a line break between two
      // tokens neither of which is an operator (automatic semicolon insertion).
      const keyword = (token.type as { keyword?: string }).keyword;
      const operatorKeyword = keyword === "in" || keyword === "instanceof" || keyword === "typeof" || keyword === "void" || keyword === "delete" || keyword === "new";
      if ((keyword !== undefined && !operatorKeyword) || (previous && !continuesExpression(previous) && !continuesExpression(token) && /[\n\r\u2028\u2029]/.test(source.slice(previous.end, token.start)))) {
        level.run = 0;
      }
      let opened: Opened | null = null;
      if (token.type === tokTypes.parenL) {
        const head = previous !== undefined && [tokTypes._if, tokTypes._for, tokTypes._while, tokTypes._with].includes(previous.type);
        // Call arguments cost Rhino's parser a little less than a parenthesised expression (recorded: 400 calls compile, 400 parens do not).
        const call = previous !== undefined && [tokTypes.name, tokTypes.parenR, tokTypes.bracketR].includes(previous.type);
        opened = { cost: call ? 4 : 5, expression: true, run: 0, bodies: 0, head };
      } else if (token.type === tokTypes.bracketL) opened = { cost: 4, expression: true, run: 0, bodies: 0 };
      else if (token.type === tokTypes.dollarBraceL) opened = { cost: 5, expression: true, run: 0, bodies: 0 };
      else if (token.type === tokTypes.braceL) opened = braceOpening(previous, level.expression);
      if (opened) {
        open.push(opened);
        depth += opened.cost;
        reach(token);
      } else if (CLOSERS.has(token.type)) {
        if (open.length > 1) {
          const closed = open.pop() as Opened;
          depth -= closed.cost + closed.bodies + (closed.ternaries ?? 0);
          if (closed.head) bodyMayFollow = true;
        }
      } else if (token.type === tokTypes._else || token.type === tokTypes._do) {
        bodyMayFollow = true;
      } else if (SEPARATORS.has(token.type)) {
        level.run = 0;
        // A conditional's `:` goes on with its expression; `;` and `,` end it, and the levels its `?`s opened.
        if (token.type !== tokTypes.colon && level.ternaries) {
          depth -= level.ternaries;
          level.ternaries = 0;
        }
        if (token.type === tokTypes.semi && level.bodies > 0) {
          depth -= level.bodies;
          level.bodies = 0;
        }
      } else if (token.type === tokTypes.arrow) {
        // An arrow's body nests one level in Rhino's parser and costs its IR transformer about five operators
        // (recorded: 300 chained arrows compile, 1000 overflow while compiling, 3000 while parsing).
        level.bodies++;
        depth++;
        reach(token);
        countOperators(token, 5);
      } else if (token.type === tokTypes.question) {
        // Rhino parses a conditional's branches recursively (recorded: 1000 nested conditionals compile, 3000 are
        // "Too deep recursion while parsing"): parser depth, not an operator run.
        level.ternaries = (level.ternaries ?? 0) + 1;
        depth++;
        reach(token);
      } else if (isBinaryOperator(token)) {
        countOperators(token, 1);
      }
      previous = token;
    }
  } catch {
    return null;
  }
  return measure;
}

export interface DepthVerdict {
  message: string;
  line: number;
}

/** Rhino's error for a script nested deeper than Rhino 1.7.14 ever compiled in the recordings, else null. */
export function rhinoDepthError(source: string, measure: NestingMeasure | null = measureNesting(source)): DepthVerdict | null {
  if (!measure) return null;
  const parsingAt = measure.parserLimitAt;
  if (parsingAt !== undefined) {
    // Rhino's parser catches the overflow and reports it at the line its tokenizer had reached.
    return { message: M.tooDeepRecursion, line: lineAt(source, parsingAt) };
  }
  if (measure.chainLimitAt !== undefined) {
    return {
      message: `java.lang.StackOverflowError (Rhino 1.7.14 compiles a chain of ${measure.chain} operators recursively and runs out of Java stack; it failed from ${RHINO_DEPTH_LIMITS.chain.fails} terms in every recording: split the expression, e.g. build an array and join it)`,
      line: lineAt(source, measure.chainLimitAt),
    };
  }
  return null;
}

/** Where the nesting first passed what Rhino always compiled, as an index into the source (for the warning's line). */
export function rhinoDepthWarningAt(measure: NestingMeasure | null): number | undefined {
  if (!measure) return undefined;
  const at = [measure.parserWarnAt, measure.chainWarnAt].filter((x): x is number => x !== undefined);
  return at.length > 0 ? Math.min(...at) : undefined;
}

/** A warning for nesting in the band where Rhino's outcome depends on its Java stack and JIT. */
export function rhinoDepthWarning(measure: NestingMeasure | null): string | null {
  if (!measure) return null;
  const parts: string[] = [];
  if (measure.parser > RHINO_DEPTH_LIMITS.parser.compiles)
    parts.push(`brackets and blocks nested about ${Math.round((measure.parser / RHINO_DEPTH_LIMITS.parser.fails) * 100)} % as deep as where Rhino's parser failed with "Too deep recursion while parsing"`);
  if (measure.chain > RHINO_DEPTH_LIMITS.chain.compiles)
    parts.push(`a chain of ${measure.chain} operators (Rhino compiled ${RHINO_DEPTH_LIMITS.chain.compiles} and failed from ${RHINO_DEPTH_LIMITS.chain.fails} with java.lang.StackOverflowError, in between either way)`);
  if (parts.length === 0) return null;
  return `This script nests deeper than Rhino 1.7.14 reliably compiles: ${parts.join("; ")}. AM may refuse it, depending on its Java thread stack; keep expressions and blocks shallower (e.g. build long strings with an array and join).`;
}
