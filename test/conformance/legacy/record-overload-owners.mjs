#!/usr/bin/env node
/**
 * Records which class Rhino 1.7.14 names when a call matches no overload of a Java method
 * (`new java.util.HashMap().keySet().size(1)` fails "Can't find method java.util.AbstractCollection.size(number)."):
 * the class that declares the method Rhino reflected, which for a JDK-internal class (HashMap$KeySet,
 * Collections$UnmodifiableSet) is a public superclass or interface. Into engine/evaluators/legacy/java-method-owners.json:
 *   node test/conformance/legacy/record-overload-owners.mjs
 * Each method of each instance is called with nine arguments, a count no overload of these classes takes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { jdkInstances } from "./java-instances.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.RHINO_JAR ?? "/usr/share/java/rhino.jar";
const work = mkdtempSync(join(tmpdir(), "rhino-owners-"));

/** The class name the playground reports → a Rhino expression giving an instance of it. */
/** The class name the playground reports → a Rhino expression giving an instance of it. */
const INSTANCES = jdkInstances({ views: true });

const SCRIPT = `
var table = {}, instances = ${JSON.stringify(INSTANCES)};
for (var label in instances) {
  var value = eval(instances[label]), methods = value.getClass().getMethods(), row = {};
  for (var i = 0; i < methods.length; i++) {
    var name = String(methods[i].getName());
    if (row[name] !== undefined || typeof value[name] !== "function") continue;
    try { value[name](1, 2, 3, 4, 5, 6, 7, 8, 9); } catch (e) {
      var m = /^Can't find method (.+)\\.(\\w+)\\(/.exec(String(e.message));
      if (m && m[2] === name) row[name] = m[1];
    }
  }
  table[label] = row;
}
print(JSON.stringify(table));
`;

try {
  writeFileSync(join(work, "owners.js"), SCRIPT);
  const text = execFileSync("java", ["-cp", jar, "org.mozilla.javascript.tools.shell.Main", "-opt", "-1", "-version", "0", join(work, "owners.js")], { encoding: "utf8" });
  const raw = JSON.parse(text.trim());
  // Only where the owner differs from the class itself: the rest is the class's own name.
  const table = Object.fromEntries(
    Object.entries(raw).map(([cls, row]) => [cls, Object.fromEntries(Object.entries(row).filter(([, owner]) => owner !== cls).sort())]),
  );
  const out = join(here, "../../../engine/evaluators/legacy/java-method-owners.json");
  writeFileSync(out, JSON.stringify(table, null, 1) + "\n");
  console.log(`recorded the overload owners of ${Object.keys(table).length} classes into ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
