/**
 * migrateScript(legacy): the next-generation script AM's migration guide leads to, with every change and its
 * reason, and what could not be translated. The rules run over the syntax tree again and again on the rewritten
 * text until nothing changes, so each rule only knows the one shape it rewrites.
 */
import { applyEdits, lineAt, type Change } from "./edits";
import { parseScript } from "./syntax";
import { javaValueWarnings } from "../dialect/java-values";
import { chfRequestRule, collectVariables, importerRule, runNodeRules, runUnresolvedRules, type RuleContext } from "./rules";

export interface MigrationResult {
  script: string;
  changes: Change[];
  unresolved: { line: number; message: string }[];
  /**
   * Set when the script cannot be parsed at all: nothing was rewritten, and callers say so as an error at this
   * place instead of presenting the unchanged text as the rewrite.
   */
  unreadable?: { line: number; column: number; message: string };
}

const MAX_PASSES = 12;

export function migrateScript(legacy: string): MigrationResult {
  let source = legacy;
  const changes: Change[] = [];
  const unresolvedByMessage = new Map<string, { line: number; message: string }>();
  try {
    parseScript(source);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const { line, column } = placeOf(message);
    return {
      script: legacy,
      changes: [],
      unresolved: [{ line, message: `The script cannot be read as JavaScript (${message}); nothing was rewritten.` }],
      unreadable: { line, column, message: message.replace(/ \(\d+:\d+\)$/, "") },
    };
  }
  // Lines removed by earlier passes, in the original's numbering, so every line reported is the original's.
  const removed: number[] = [];
  const toOriginal = (line: number): number => {
    let original = line;
    for (const r of [...removed].sort((a, b) => a - b)) if (r <= original) original++;
    return original;
  };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const program = parseScript(source);
    const ctx: RuleContext = { source, vars: new Map(), edits: [], unresolved: [] };
    collectVariables(program, ctx);
    chfRequestRule(ctx, program);
    runNodeRules(program, ctx);
    if (ctx.edits.length === 0) importerRule(ctx, program);
    for (const u of ctx.unresolved) {
      const line = toOriginal(lineAt(source, u.start));
      unresolvedByMessage.set(`${u.message}@${line}`, { line, message: u.message });
    }
    if (ctx.edits.length === 0) break;
    const applied = applyEdits(source, ctx.edits);
    if (applied.text === source) break;
    const passRemoved: number[] = [];
    for (const change of applied.changes) {
      change.line = toOriginal(change.line);
    }
    for (const edit of applied.removedLines) passRemoved.push(toOriginal(edit));
    removed.push(...passRemoved);
    changes.push(...applied.changes);
    source = applied.text;
  }
  const finalCtx: RuleContext = { source, vars: new Map(), edits: [], unresolved: [] };
  const finalProgram = parseScript(source);
  collectVariables(finalProgram, finalCtx);
  runUnresolvedRules(finalProgram, finalCtx);
  for (const u of finalCtx.unresolved) {
    const line = toOriginal(lineAt(source, u.start));
    unresolvedByMessage.set(`${u.message}@${line}`, { line, message: u.message });
  }
  // A legacy comparison of a Java String with a JS string never matches in Rhino; the rewrite's values are JS
  // strings, so the same line now can: the author meant the new behaviour, but the two scripts no longer issue
  // the same (cloudflare-mcp-aic.json: grant_type's toString() !== '[…]' always returned early in legacy).
  for (const hint of javaValueWarnings(legacy)) {
    if (hint.code !== "java-string-equality" && hint.code !== "java-string-switch") continue;
    const line = hint.line ?? 0;
    const message = `The legacy script compares a Java String strictly here (${hint.code === "java-string-switch" ? "a switch" : "=== or !=="}), which never matches in Rhino; in next-generation the value is a JS string, so this line can now match and the rewrite may take a branch the legacy script never took.`;
    unresolvedByMessage.set(`${message}@${line}`, { line, message });
  }
  const unresolved = [...unresolvedByMessage.values()].sort((a, b) => a.line - b.line);
  return { script: source, changes: changes.sort((a, b) => a.line - b.line), unresolved };
}

/** Acorn's "(line:column)" at the end of its message; its column counts from 0, an editor's from 1. */
function placeOf(message: string): { line: number; column: number } {
  const match = /\((\d+):(\d+)\)/.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]) + 1 } : { line: 1, column: 1 };
}
