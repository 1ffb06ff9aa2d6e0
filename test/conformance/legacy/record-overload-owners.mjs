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

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.RHINO_JAR ?? "/usr/share/java/rhino.jar";
const work = mkdtempSync(join(tmpdir(), "rhino-owners-"));

/** The class name the playground reports → a Rhino expression giving an instance of it. */
const INSTANCES = {
  "java.lang.String": `new java.lang.String("x")`,
  "java.lang.Double": `new java.lang.Double(1)`,
  "java.lang.Integer": `new java.lang.Integer(1)`,
  "java.lang.Long": `new java.lang.Long(1)`,
  "java.lang.Boolean": `new java.lang.Boolean(true)`,
  "java.util.HashSet": `new java.util.HashSet()`,
  "java.util.LinkedHashSet": `new java.util.LinkedHashSet()`,
  "java.util.TreeSet": `new java.util.TreeSet()`,
  "java.util.ArrayList": `new java.util.ArrayList()`,
  "java.util.LinkedList": `new java.util.LinkedList()`,
  "java.util.Arrays$ArrayList": `java.util.Arrays.asList("a")`,
  "java.util.HashMap": `new java.util.HashMap()`,
  "java.util.LinkedHashMap": `new java.util.LinkedHashMap()`,
  "java.util.TreeMap": `new java.util.TreeMap()`,
  "java.util.HashMap$KeySet": `new java.util.HashMap().keySet()`,
  "java.util.HashMap$Values": `new java.util.HashMap().values()`,
  "java.util.HashMap$EntrySet": `new java.util.HashMap().entrySet()`,
  "java.util.LinkedHashMap$LinkedKeySet": `new java.util.LinkedHashMap().keySet()`,
  "java.util.LinkedHashMap$LinkedValues": `new java.util.LinkedHashMap().values()`,
  "java.util.LinkedHashMap$LinkedEntrySet": `new java.util.LinkedHashMap().entrySet()`,
  "java.util.TreeMap$KeySet": `new java.util.TreeMap().keySet()`,
  "java.util.TreeMap$Values": `new java.util.TreeMap().values()`,
  "java.util.TreeMap$EntrySet": `new java.util.TreeMap().entrySet()`,
  "java.util.Collections$UnmodifiableMap": `java.util.Collections.unmodifiableMap(new java.util.HashMap())`,
  "java.util.Collections$UnmodifiableRandomAccessList": `java.util.Collections.unmodifiableList(new java.util.ArrayList())`,
  "java.util.Collections$UnmodifiableSet": `java.util.Collections.unmodifiableSet(new java.util.HashSet())`,
  "java.util.Collections$UnmodifiableCollection": `java.util.Collections.unmodifiableCollection(new java.util.ArrayList())`,
  "java.util.Collections$UnmodifiableMap$UnmodifiableEntrySet": `java.util.Collections.unmodifiableMap(new java.util.HashMap()).entrySet()`,
  "java.util.Collections$EmptyList": `java.util.Collections.emptyList()`,
  "java.util.Collections$EmptySet": `java.util.Collections.emptySet()`,
  "java.util.Collections$EmptyMap": `java.util.Collections.emptyMap()`,
  "java.util.Collections$SingletonList": `java.util.Collections.singletonList("a")`,
  "java.util.Collections$SingletonSet": `java.util.Collections.singleton("a")`,
  "java.util.HashMap$KeyIterator": `new java.util.HashSet().iterator()`,
  "java.util.ArrayList$Itr": `new java.util.ArrayList().iterator()`,
  "java.util.HashMap$Node": `(function () { var m = new java.util.HashMap(); m.put("a", "b"); return m.entrySet().iterator().next(); })()`,
  "java.util.LinkedHashMap$Entry": `(function () { var m = new java.util.LinkedHashMap(); m.put("a", "b"); return m.entrySet().iterator().next(); })()`,
  "java.util.LinkedHashMap$LinkedKeyIterator": `new java.util.LinkedHashSet().iterator()`,
  "java.util.LinkedHashMap$LinkedEntryIterator": `new java.util.LinkedHashMap().entrySet().iterator()`,
  "java.util.TreeMap$KeyIterator": `new java.util.TreeSet().iterator()`,
  "java.util.LinkedList$ListItr": `new java.util.LinkedList().iterator()`,
  "java.util.Collections$UnmodifiableCollection$1": `java.util.Collections.unmodifiableSet(new java.util.HashSet()).iterator()`,
};

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
