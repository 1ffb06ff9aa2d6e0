#!/usr/bin/env node
/**
 * Records how real Rhino 1.7.14 shows the methods of the Java objects the legacy evaluator emulates, as a
 * script reads them (`"" + s.length` is `function length() {/*\nint length()\n*\/}\n`, one line per overload
 * in the JVM's order), into engine/evaluators/legacy/java-signatures.json:
 *   node test/conformance/legacy/record-signatures.mjs
 * It runs Rhino's shell (interpreted, no class shutter, so it may list members by reflection) over instances
 * of the Java classes and of the recorder's stand-ins, whose names are replaced by AM's (normalize.mjs), and
 * over the JavaScript Array and String methods Rhino lets through to Java arrays and strings.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeObservation } from "./normalize.mjs";
import { jdkInstances } from "./java-instances.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.RHINO_JAR ?? "/usr/share/java/rhino.jar";
const work = mkdtempSync(join(tmpdir(), "rhino-signatures-"));

/**
 * The class name the playground reports → a Rhino expression giving an instance of it: the JDK's classes
 * (java-instances.mjs, shared with the overload-owner recorder), then AM's, CHF's and the recorder's stand-ins.
 */
const INSTANCES = {
  ...jdkInstances({ views: false }),
  "java.util.Date": `new java.util.Date(0)`,
  "java.math.BigInteger": `new java.math.BigInteger("1")`,
  "java.util.UUID": `java.util.UUID.randomUUID()`,
  "java.lang.RuntimeException": `new java.lang.RuntimeException("x")`,
  "java.lang.NullPointerException": `new java.lang.NullPointerException("x")`,
  "java.lang.SecurityException": `new java.lang.SecurityException("x")`,
  "com.sun.identity.idm.IdType": `com.sun.identity.idm.IdType.USER`,
  "com.iplanet.am.sdk.AMHashMap": `new com.iplanet.am.sdk.AMHashMap()`,
  "com.sun.identity.common.CaseInsensitiveHashMap": `new com.sun.identity.common.CaseInsensitiveHashMap()`,
  "org.forgerock.http.protocol.Request": `new org.forgerock.http.protocol.Request()`,
  "org.forgerock.http.protocol.Response": `new org.forgerock.http.protocol.Response(org.forgerock.http.protocol.Status.OK, "")`,
  "org.forgerock.http.protocol.Headers": `new org.forgerock.http.protocol.Headers()`,
  "org.forgerock.http.protocol.Entity": `new org.forgerock.http.protocol.Entity("")`,
  "org.forgerock.http.protocol.Status": `org.forgerock.http.protocol.Status.OK`,
  "org.forgerock.util.promise.PromiseImpl": `new org.forgerock.util.promise.PromiseImpl(null)`,
  "org.forgerock.openam.scripting.api.http.JavaScriptHttpClient": `new org.forgerock.openam.scripting.api.http.JavaScriptHttpClient()`,
  "org.forgerock.openam.oauth2.OpenAMAccessToken": `standIn("Recorder$ProbeAccessToken")`,
  "com.sun.identity.idm.AMIdentity": `standIn("Recorder$ProbeIdentity")`,
  "com.iplanet.sso.providers.dpro.SessionSsoToken": `standIn("Recorder$ProbeSession")`,
  "com.sun.identity.shared.debug.Debug": `standIn("Recorder$ProbeLogger")`,
};

/** Classes whose static methods a script calls on the class object. */
const STATICS = [
  "java.lang.String", "java.util.Collections", "java.lang.Math", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
  "java.lang.Boolean", "java.util.Arrays", "java.util.UUID",
];

const SCRIPT = `
function standIn(name) {
  var c = java.lang.Class.forName(name).getDeclaredConstructor();
  c.setAccessible(true);
  return c.newInstance();
}
var table = {};
function record(label, value) {
  var methods = value.getClass().getMethods(), names = {}, row = {};
  for (var i = 0; i < methods.length; i++) if (!java.lang.reflect.Modifier.isStatic(methods[i].getModifiers()) || true) names[methods[i].getName()] = 1;
  for (var n in names) { var f = value[n]; if (typeof f === "function") row[n] = String(f); }
  table[label] = row;
}
var instances = ${JSON.stringify(INSTANCES)};
for (var label in instances) record(label, eval(instances[label]));
// Static methods, read from the class object (java.util.Collections.sort), under "static <class>".
var statics = ${JSON.stringify(STATICS)};
for (var k = 0; k < statics.length; k++) {
  var cls = java.lang.Class.forName(statics[k]), ms = cls.getMethods(), srow = {}, holder = eval(statics[k]);
  for (var q = 0; q < ms.length; q++) {
    if (!java.lang.reflect.Modifier.isStatic(ms[q].getModifiers())) continue;
    var sf = holder[ms[q].getName()];
    if (typeof sf === "function") srow[ms[q].getName()] = String(sf);
  }
  table["static " + statics[k]] = srow;
}
var natives = { "Array.prototype": Array.prototype, "String.prototype": String.prototype }, names = {
  "Array.prototype": ["join", "slice", "indexOf", "lastIndexOf", "includes", "forEach", "map", "filter", "some", "every", "reduce", "concat", "push"],
  "String.prototype": ["match", "search", "slice", "substr", "charCodeAt", "includes", "padStart", "padEnd", "localeCompare", "normalize", "trimLeft", "trimRight", "trimStart", "trimEnd", "toLocaleUpperCase", "toLocaleLowerCase", "anchor", "big", "blink", "bold", "fixed", "fontcolor", "fontsize", "italics", "link", "small", "strike", "sub", "sup"]
};
for (var owner in names) { var row = {}; for (var j = 0; j < names[owner].length; j++) { var m = names[owner][j]; if (typeof natives[owner][m] === "function") row[m] = String(natives[owner][m]); } table[owner] = row; }
print(JSON.stringify(table));
`;

function javaSources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? javaSources(join(dir, e.name)) : e.name.endsWith(".java") ? [join(dir, e.name)] : [],
  );
}

try {
  const classes = join(work, "classes");
  execFileSync("javac", ["-nowarn", "-cp", jar, "-d", classes, join(here, "Recorder.java"), ...javaSources(join(here, "standins"))], { stdio: ["ignore", "ignore", "inherit"] });
  writeFileSync(join(work, "signatures.js"), SCRIPT);
  const text = execFileSync("java", ["-cp", `${jar}:${classes}`, "org.mozilla.javascript.tools.shell.Main", "-opt", "-1", "-version", "0", join(work, "signatures.js")], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const raw = JSON.parse(normalizeObservation(text.trim()));
  // A Java method's text is its overloads' signatures in Rhino's frame; keep the signatures (the engine frames them).
  const table = Object.fromEntries(
    Object.entries(raw).map(([owner, row]) => [
      owner,
      Object.fromEntries(Object.entries(row).map(([name, source]) => [name, /^function \w+\(\) \{\/\*\n([\s\S]*)\n\*\/\}\n$/.exec(source)?.[1] ?? source])),
    ]),
  );
  const out = join(here, "../../../engine/evaluators/legacy/java-signatures.json");
  writeFileSync(out, JSON.stringify(table, null, 1) + "\n");
  console.log(`recorded the methods of ${Object.keys(table).length} classes into ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
