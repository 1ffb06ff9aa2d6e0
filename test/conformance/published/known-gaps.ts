/**
 * Published cases the playground does not yet reproduce, each with the cause and the warning its run raises so a
 * user who hits it is told. Keys are `<file>#<case id>`.
 */

/**
 * One class: legacy setField(name, <JS array>). Real Rhino 1.7.14 hands AM the org.mozilla.javascript.NativeArray
 * itself, so getCustomFields() prints `NativeArray@…` and getField() gives the JS array back (an undefined element
 * joins to ""); the playground stores a Java-list view (`[a]`, typeof object, undefined → null). The run warns
 * js-value-in-java-field at the setField call. The fix belongs in engine/evaluators/legacy/ (field storage).
 */
const JS_ARRAY_IN_FIELD = {
  why: "legacy setField with a JS array: Rhino keeps the NativeArray (getCustomFields prints NativeArray@…, getField returns the JS array); the playground stores a Java-list view",
  warning: "js-value-in-java-field",
};

export const PUBLISHED_GAPS: Record<string, { why: string; warning: string }> = {
  "frodo-aic-shipped#enduserui-iga-scope": JS_ARRAY_IN_FIELD,
  "frodo-aic-shipped#enduserui-autoaccess-scope": JS_ARRAY_IN_FIELD,
  "frodo-aic-shipped#enduserui-analytics-scope": JS_ARRAY_IN_FIELD,
  "iga-docs#iga-scope-fields": JS_ARRAY_IN_FIELD,
  "iga-docs#analytics-scope-fields": JS_ARRAY_IN_FIELD,
};
