/**
 * Probes where the playground still differs from real Rhino 1.7.14. legacy.test.ts fails if a probe outside
 * this list disagrees, if a listed one starts agreeing (then delete its entry), or if running a listed probe
 * does not raise the warning named here: every gap a script can hit is a visible warning in the run result.
 */
export interface KnownGap {
  why: string;
  /** The warning code the run result carries when a script hits the gap. */
  warning: string;
}

const LOCAL_VALUE =
  "Rhino's message names the value a failed call was made on. When that value sits in a function's local variable, the playground cannot look at it after QuickJS has thrown (only top-level names and host objects can be looked up again), so it words the likely case";

export const KNOWN_GAPS: Record<string, KnownGap> = {
  "err.call-property-number": {
    why: `${LOCAL_VALUE} (a missing method: "Cannot find function a …") where the local object's property was a number ("Cannot call property a … it is \\"number\\"").`,
    warning: "rhino-message-approximate",
  },
  "coll.hashmap-number-keys": {
    why: "Rhino hands a JS number map key to Java as a java.lang.Double, which prints as 2.0 and takes its HashMap place by Double.hashCode; the playground keys its maps by text, so the keys print and order as strings.",
    warning: "java-map-non-string-key",
  },
  "coll.hashmap-number-get": {
    why: "A java.lang.Double key (put(1, …)) is not the String \"1\", so get(\"1\") finds nothing in AM; the playground keys its maps by text, so it finds it.",
    warning: "java-map-non-string-key",
  },
  "regexp.flags-prop": {
    why: "RegExp.prototype.flags is kept: QuickJS's own split with a regular expression and String(regexp) read it (without it they failed); Rhino has no such property.",
    warning: "regexp-flags",
  },
  "cb.recursion-finally": {
    why: "Rhino does not run finally blocks when a java.lang.StackOverflowError (script callbacks nested through Java until the JVM's stack ran out) ends the script; the playground's uncatchable errors pass catch blocks but still run finally blocks (the sandbox cannot skip them).",
    warning: "callback-stack-overflow",
  },
  "err.new-number": {
    why: `${LOCAL_VALUE} (an undefined value) where the local was the number 5 ("5.0 is not a function, it is number.").`,
    warning: "rhino-message-approximate",
  },
};
