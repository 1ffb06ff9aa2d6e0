/**
 * Regular expressions as Rhino 1.7.14 compiles them: no lookbehind and no named groups (anything starting
 * `(?<` is "Invalid quantifier ?") and only the flags g, i and m ("invalid flag after regular expression").
 * QuickJS accepts all of these, so a script the playground ran would fail on AM. Recorded in Rhino: probes
 * regexp.* in test/conformance/legacy.
 *
 * Rhino compiles every regular expression literal when it loads the script, so one such literal fails the
 * whole script before its first statement (even inside a function that never runs); `new RegExp(…)` fails
 * where it is called, catchably.
 */
import { tokenizer } from "acorn";

const UNSUPPORTED_GROUP = "(?<";

/** The error AM raises on loading `script` because of a regular expression literal, or null. */
export function rhinoRegExpLoadError(script: string): { message: string; line: number } | null {
  if (!script.includes(UNSUPPORTED_GROUP)) return null;
  try {
    for (const token of tokenizer(script, { ecmaVersion: "latest", locations: true, allowReturnOutsideFunction: true, allowHashBang: true })) {
      const value = (token as unknown as { value?: { pattern?: string } }).value;
      if (token.type.label === "regexp" && value?.pattern?.includes(UNSUPPORTED_GROUP)) {
        return { message: "SyntaxError: Invalid quantifier ?", line: token.loc?.start.line ?? 1 };
      }
    }
  } catch {
    return null; // the Rhino syntax check has already judged the script; a tokenizer hiccup is not an error here
  }
  return null;
}

/** Guest code wrapping the RegExp constructor with Rhino's refusals; evaluated only for scripts that mention RegExp. */
export const RHINO_REGEXP_SOURCE = String.raw`(function (g, R) {
  // Without a regular expression of its own: RegExp's legacy statics (rhino-builtins.ts) follow every match a script's code makes.
  function rhinoFlags(f) {
    for (var i = 0; i < f.length; i++) if ("gim".indexOf(f.charAt(i)) < 0 || f.indexOf(f.charAt(i)) !== i) return false;
    return true;
  }
  function RegExp(pattern, flags) {
    if (flags !== undefined && !rhinoFlags(flags = String(flags))) throw new SyntaxError("invalid flag after regular expression");
    if (!(pattern instanceof R) && String(pattern).indexOf("(?<") >= 0) throw new SyntaxError("Invalid quantifier ?");
    return new.target === undefined ? R(pattern, flags) : new R(pattern, flags);
  }
  RegExp.prototype = R.prototype;
  Object.defineProperty(R.prototype, "constructor", { value: RegExp, writable: true, configurable: true });
  g.RegExp = RegExp;
})(this, RegExp)`;
