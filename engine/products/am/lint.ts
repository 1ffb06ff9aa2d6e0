/**
 * AM's lint, shared by its evaluators: what any AM access-token script is warned of (Rhino's parse limits, a
 * function's text, a regular expression's flags, removing or overwriting a native token field, which AM may
 * then reject) plus what the evaluator's profile adds. What tells the evaluators apart is data in the profile
 * (lint-profiles.ts), never a comparison of ids here: the other evaluators' API this one lacks, how the message
 * names this one, and its own pass over the values its bindings hand out.
 */
import type { RunWarning } from "../../result";
import { memberCalls, regExpFlagsWarnings, rhinoParseWarnings } from "../../lint";
import { functionTextWarnings } from "../../dialect/function-text";
import { isNativeFieldName } from "../../token/state";
import { ownValue } from "../../util/own-keys";
import { parse } from "acorn";
import { simpleWalk } from "../../dialect/walk";
import { memoize } from "../../util/memo";

/** What one AM evaluator's lint adds to the shared core. */
export interface AmLintProfile {
  /** How the wrong-evaluator message names the evaluator: "… does not exist for the <label> evaluator". */
  readonly label: string;
  /**
   * API of another evaluator that this one lacks, by `object.method` (or by a whole binding, `object`), each with
   * what to write here instead. Looked up by own key only: a script's `constructor.x()` is no hint.
   */
  readonly foreignApi: Readonly<Record<string, string>>;
  /** The evaluator's own pass over the values its bindings hand out (legacy: Java values; next-gen: request values as text). */
  readonly valueWarnings: (source: string) => RunWarning[];
}

function stringLiteral(node: unknown): string | null {
  const n = node as { type?: string; value?: unknown } | undefined;
  return n && n.type === "Literal" && typeof n.value === "string" ? n.value : null;
}

/**
 * localeCompare follows Java's Collator for the JVM's default locale, which AM's configuration decides and no
 * source here shows; the playground compares as Java 17's en-US (evaluators/java-collator.ts). Said once, where
 * the script first compares.
 */
function localeCompareWarnings(source: string): RunWarning[] {
  const lines = source.split("\n");
  const at = lines.findIndex((line) => /\blocaleCompare\b/.test(line));
  if (at < 0) return [];
  return [
    {
      code: "locale-compare-locale",
      message:
        "localeCompare in AM's Rhino is Java's Collator for the JVM's default locale (\"a\" < \"A\" < \"b\", spaces and hyphens count after the letters, the answer is -1, 0 or 1). The playground compares as Java 17's en-US collator; AM's locale is its server's setting, not known here.",
      line: at + 1,
    },
  ];
}

/**
 * parseInt without a radix reads a leading zero as octal in AM's Rhino (parseInt("08") is NaN, "010" is 8; the
 * playground does the same, rhino-builtins.ts): said once, at the first such call, with the fix.
 */
function parseIntRadixWarnings(source: string): RunWarning[] {
  if (!/\bparseInt\b/.test(source)) return [];
  let ast;
  try {
    ast = parse(source, { ecmaVersion: "latest", locations: true, allowReturnOutsideFunction: true });
  } catch {
    return [];
  }
  let line = 0;
  simpleWalk(ast, {
    CallExpression(node) {
      const n = node as unknown as { callee: { type: string; name?: string; object?: { name?: string }; property?: { name?: string } }; arguments: unknown[]; loc?: { start: { line: number } } };
      const callee = n.callee;
      const isParseInt = (callee.type === "Identifier" && callee.name === "parseInt") || (callee.type === "MemberExpression" && callee.object?.name === "Number" && callee.property?.name === "parseInt");
      if (isParseInt && n.arguments.length === 1 && line === 0) line = n.loc?.start.line ?? 0;
    },
  });
  if (line === 0) return [];
  return [
    {
      code: "parse-int-radix",
      message:
        "parseInt without a radix reads a leading zero as octal in AM's Rhino 1.7.14: parseInt(\"08\") and parseInt(\"09\") are NaN, parseInt(\"010\") is 8 (a month or a day taken from a date string). Pass the radix: parseInt(text, 10).",
      line,
    },
  ];
}

/** A comparator whose answer is true or false: `function (a, b) { return a > b; }`, `(a, b) => a < b`. */
function answersTrueOrFalse(fn: { type: string; body?: { type: string; operator?: string; body?: { type: string; argument?: { type: string; operator?: string } }[] } }): boolean {
  const relational = (node: { type: string; operator?: string } | undefined): boolean =>
    node?.type === "BinaryExpression" && (node.operator === ">" || node.operator === "<" || node.operator === ">=" || node.operator === "<=");
  if (fn.type === "ArrowFunctionExpression" && fn.body && fn.body.type !== "BlockStatement") return relational(fn.body);
  if ((fn.type !== "FunctionExpression" && fn.type !== "ArrowFunctionExpression") || fn.body?.type !== "BlockStatement") return false;
  const statements = fn.body.body ?? [];
  return statements.length === 1 && statements[0].type === "ReturnStatement" && relational(statements[0].argument);
}

/**
 * `list.sort(function (a, b) { return a > b; })`: Rhino sorts by a quicksort that asks whether the answer is above or
 * below zero, so true/false (1/0) sorts only small arrays (up to 17 elements) and leaves a longer one partly
 * unsorted in AM; the playground sorts as Rhino does (rhino-builtins.ts). Said at each such comparator.
 */
function sortComparatorWarnings(source: string): RunWarning[] {
  if (!/\bsort\b/.test(source)) return [];
  let ast;
  try {
    ast = parse(source, { ecmaVersion: "latest", locations: true, allowReturnOutsideFunction: true });
  } catch {
    return [];
  }
  const warnings: RunWarning[] = [];
  simpleWalk(ast, {
    CallExpression(node) {
      const n = node as unknown as { callee: { type: string; computed?: boolean; property?: { name?: string } }; arguments: { type: string }[]; loc?: { start: { line: number } } };
      if (n.callee.type !== "MemberExpression" || n.callee.computed || n.callee.property?.name !== "sort" || n.arguments.length === 0) return;
      if (!answersTrueOrFalse(n.arguments[0] as Parameters<typeof answersTrueOrFalse>[0])) return;
      warnings.push({
        code: "sort-boolean-comparator",
        message:
          "This comparator answers true or false. Rhino's sort reads its answer as above, at or below zero, so it sorts only arrays of up to 17 elements and leaves a longer one partly unsorted in AM (the playground sorts as Rhino does). Answer a number: return a < b ? -1 : a > b ? 1 : 0 (or a - b for numbers).",
        line: n.loc?.start.line ?? 0,
      });
    },
  });
  return warnings;
}

/** The warnings of one script under one profile, in the order the panels show them. */
export function lintAmScript(source: string, profile: AmLintProfile): RunWarning[] {
  const warnings: RunWarning[] = rhinoParseWarnings(source);
  warnings.push(...functionTextWarnings(source));
  const { calls, flagsReads } = memberCalls(source);
  warnings.push(...profile.valueWarnings(source));
  warnings.push(...regExpFlagsWarnings(flagsReads));
  warnings.push(...localeCompareWarnings(source));
  warnings.push(...parseIntRadixWarnings(source));
  warnings.push(...sortComparatorWarnings(source));
  for (const call of calls) {
    const key = `${call.object}.${call.property}`;
    if (call.object === "accessToken" && /^remove/.test(call.property)) {
      warnings.push({
        code: "native-field-removed",
        message: `accessToken.${call.property}() removes a native field; AM relies on it and may then reject its own token.`,
        line: call.line,
      });
    }
    if (call.object === "accessToken" && call.property === "setField") {
      const name = stringLiteral(call.args[0]);
      if (name && isNativeFieldName(name)) {
        warnings.push({
          code: "native-field-changed",
          message: `setField("${name}") overwrites a native field; AM may then reject its own token.`,
          line: call.line,
        });
      }
    }
    // The script names these: "constructor.x()" must not find Object.prototype.constructor as a hint.
    const hint = ownValue(profile.foreignApi, key) ?? ownValue(profile.foreignApi, call.object);
    if (hint) {
      warnings.push({
        code: "wrong-evaluator-api",
        message: `${key}() does not exist for the ${profile.label} evaluator: ${hint}.`,
        line: call.line,
      });
    }
  }
  return warnings;
}

/**
 * One memo per profile: run-as-you-type lints the same script on every run and check, and `test` lints one
 * script for many cases. Keyed by the profile object, so two evaluators (or a test's own profile) never share
 * an entry.
 */
const memos = new WeakMap<AmLintProfile, (source: string) => RunWarning[]>();

/** The lint of `source` under `profile` (a fresh array of fresh warnings each call, so callers may change them). */
export function amLintOf(source: string, profile: AmLintProfile): RunWarning[] {
  let memo = memos.get(profile);
  if (!memo) {
    memo = memoize((text: string) => lintAmScript(text, profile));
    memos.set(profile, memo);
  }
  return memo(source).map((w) => ({ ...w }));
}
