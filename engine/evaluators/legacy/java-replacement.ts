/**
 * Java's Matcher.appendReplacement templates (`"$1-\\$"`), as String.replaceAll/replaceFirst read them:
 * `$n` is group n, `\\x` a literal x, and a group the pattern lacks is Java's IndexOutOfBoundsException.
 */
import { javaException } from "./java-exceptions";

/** Matcher.appendReplacement's template, parsed once: literal text, and group numbers for `$n` (0 the whole match). */
export type ReplacementPart = string | number;

/** `$n` is group n (further digits while they still name a group), `\x` a literal x. */
export function parseJavaReplacement(template: string, groupCount: number): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let literal = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === "\\" && i + 1 < template.length) {
      literal += template[++i];
    } else if (c === "$" && /\d/.test(template[i + 1] ?? "")) {
      let n = Number(template[++i]);
      while (/\d/.test(template[i + 1] ?? "") && n * 10 + Number(template[i + 1]) <= groupCount) n = n * 10 + Number(template[++i]);
      if (n > groupCount) throw javaException("java.lang.IndexOutOfBoundsException", `No group ${n}`);
      if (literal) parts.push(literal);
      literal = "";
      parts.push(n);
    } else {
      literal += c;
    }
  }
  if (literal) parts.push(literal);
  return parts;
}

export function expandJavaReplacement(parts: readonly ReplacementPart[], match: string, groups: readonly string[]): string {
  if (parts.length === 1 && typeof parts[0] === "string") return parts[0];
  let out = "";
  for (const part of parts) out += typeof part === "string" ? part : part === 0 ? match : groups[part - 1];
  return out;
}
