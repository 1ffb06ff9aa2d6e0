/**
 * What a published case's `observed` is the truth of: the live AM or AIC the source ran it on ("live-am"; the
 * default, as in lap-am70.json), or real Rhino 1.7.14 with AM-typed bindings where the source shows no output
 * ("rhino-1.7.14", recorded by record.mjs). Rhino-truth cases run with RHINO_EPILOGUE appended, in Rhino and in the
 * playground alike, so the token's custom fields are part of what is compared. Next-generation scripts whose source
 * shows no output are recorded in real Rhino 1.7.14 with bindings modelled on AM's next-generation ones
 * ("rhino-1.7.14-nextgen", ../nextgen/Recorder.java) and run with NEXTGEN_EPILOGUE.
 */
export const LIVE_TRUTH = "live-am";
export const RHINO_TRUTH = "rhino-1.7.14";
export const RHINO_NEXTGEN_TRUTH = "rhino-1.7.14-nextgen";
/** The custom fields as the Java map prints them, then each value with its JS type (a map's toString hides arrays). */
export const RHINO_EPILOGUE =
  '\nlogger.message("FIELDS " + accessToken.getCustomFields());\n' +
  "(function () { var f = accessToken.getCustomFields(), k = f.keySet().toArray(); for (var i = 0; i < k.length; i++) { var v = f.get(k[i]); " +
  'logger.message("FIELD " + k[i] + " = " + (v instanceof Array ? "array [" + v.join(", ") + "]" : typeof v + " " + v)); } })();\n';
/**
 * The next-generation token's custom fields: getCustomFields() answers a JS object there (binding metadata: "-> object"),
 * so the epilogue prints its JSON, then each value with its JS type (JSON alone does not tell an array from a string).
 */
export const NEXTGEN_EPILOGUE =
  '\nlogger.info("FIELDS " + JSON.stringify(accessToken.getCustomFields()));\n' +
  "(function () { var f = accessToken.getCustomFields(); for (var k in f) { var v = f[k]; " +
  'logger.info("FIELD " + k + " = " + (Array.isArray(v) ? "array " : typeof v + " ") + JSON.stringify(v)); } })();\n';
