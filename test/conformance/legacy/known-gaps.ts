/**
 * Probes where the playground still differs from real Rhino 1.7.14. legacy.test.ts fails if a probe outside
 * this list disagrees, or if a listed one starts agreeing (then delete its line). Each entry says why, and
 * whether the run result carries a warning when a script hits it.
 */
const BRIDGE_ERROR_TEXT =
  "QuickJS words guest-level TypeErrors itself (\"not a function\", \"not a constructor\", 'X' is not defined) where Rhino names the JavaPackage or property; the sandbox bridge owns these messages. A class that is blocked or not emulated raises a java-class-blocked / java-class-not-emulated warning.";

export const KNOWN_GAPS: Record<string, string> = {
  "at.missing-method": "Rhino: 'Cannot find function X in object <class>@hash.'; QuickJS: 'not a function'. " + BRIDGE_ERROR_TEXT,
  "cls.file": "A blocked class is a JavaPackage, typeof \"object\" as in Rhino, so its proxy cannot be constructible and QuickJS says 'not a constructor'. " + BRIDGE_ERROR_TEXT,
  "cls.packages-file": "As cls.file. " + BRIDGE_ERROR_TEXT,
  "cls.unknown-new": "As cls.file. " + BRIDGE_ERROR_TEXT,
  "cls.member-typeof": "A name under a blocked class (java.lang.System.getProperty) is callable in the playground so that calling it fails with Rhino's message; typeof therefore reads \"function\" where Rhino says \"object\". The class itself raises a java-class-blocked warning.",
  "cls.javaimporter-blocked": "Same ReferenceError; only the quoting differs (Rhino \"File\" is not defined., QuickJS 'File' is not defined).",
  "map.prop-assign-unmodifiable": "Rhino lets the UnsupportedOperationException from a property assignment on an unmodifiable map escape try/catch; the playground throws a catchable InternalError (warned: unmodifiable-map-assignment).",
  "tostr.double-toString-typeof": "A boxed number's toString() stays a JS string: in the guest, String(x) asks toString() first and only falls back to valueOf() when it gets an object, so a java.lang.String result would make String(d) read 2 instead of Rhino's \"2.0\" (the more visible of the two).",
};
