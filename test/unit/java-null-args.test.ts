/**
 * null and undefined handed to Java methods as Rhino 1.7.14 hands them to JDK 17 (legacy). A java.lang.String
 * method dereferencing a null parameter throws a NullPointerException with JDK 17's helpful message (AM's
 * allow-list shows the class: a catch block sees JavaException "java.lang.NullPointerException: …", e.javaException
 * is the Java exception, uncaught it is "Wrapped java.lang.NullPointerException: …"); undefined reaches a String
 * parameter as "undefined" and fits no CharSequence one; a null that fits two overloads is ambiguous; a TreeMap's
 * null key and a natural-order sort of a null fail. Goldens: test/conformance/legacy/legacy.golden.json, probes
 * null.* and uncaught.npe (recorded by npm run conformance:record:legacy, rhino 1.7.14 interpreted on OpenJDK 17).
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";

async function outcomes(probes: Record<string, string>): Promise<Record<string, string>> {
  const body = Object.entries(probes)
    .map(([tag, expr]) => `show(${JSON.stringify(tag)}, function () { return ${expr}; });`)
    .join("\n");
  const script = `var s = new java.lang.String("demo-client");
function show(tag, f) { try { logger.error(tag + " => " + f()); } catch (e) { logger.error(tag + " threw " + e.name + ": " + e.message); } }
${body}`;
  const result = await run(script, {}, { evaluator: "legacy" });
  expect(result.error).toBeNull();
  return Object.fromEntries(result.logs.filter((l) => l.level === "error").map((l) => [l.message.split(" ")[0], l.message.slice(l.message.indexOf(" ") + 1)]));
}

const NPE = "threw JavaException: java.lang.NullPointerException: ";

describe("null and undefined reaching java.lang.String's parameters", () => {
  it("a dereferenced null parameter is JDK 17's NullPointerException, its message naming the JDK's variable", async () => {
    expect(
      await outcomes({
        contains: "s.contains(null)",
        indexOf: "s.indexOf(null)",
        indexOfFrom: "s.indexOf(null, 1)",
        startsWith: "s.startsWith(null)",
        split: "s.split(null)",
        replace: 's.replace(null, "x")',
        replaceWith: 's.replace("demo", null)',
        replaceAll: 's.replaceAll(null, "x")',
        replaceFirstWith: 's.replaceFirst("demo", null)',
        concat: "s.concat(null)",
        compareToIgnoreCase: "s.compareToIgnoreCase(null)",
        equals: "s.equals(null)",
      }),
    ).toEqual({
      contains: `${NPE}Cannot invoke "java.lang.CharSequence.toString()" because "s" is null`,
      indexOf: `${NPE}Cannot invoke "String.coder()" because "str" is null`,
      indexOfFrom: `${NPE}Cannot read field "value" because "tgtStr" is null`,
      startsWith: `${NPE}Cannot invoke "String.length()" because "prefix" is null`,
      split: `${NPE}Cannot invoke "String.length()" because "regex" is null`,
      replace: `${NPE}Cannot invoke "java.lang.CharSequence.toString()" because "target" is null`,
      replaceWith: `${NPE}Cannot invoke "java.lang.CharSequence.toString()" because "replacement" is null`,
      replaceAll: `${NPE}Cannot invoke "String.isEmpty()" because "this.pattern" is null`,
      replaceFirstWith: `${NPE}replacement`,
      concat: `${NPE}Cannot invoke "String.isEmpty()" because "str" is null`,
      compareToIgnoreCase: `${NPE}Cannot read field "value" because "s2" is null`,
      equals: "=> false",
    });
  });

  it("undefined is \"undefined\" for a String parameter and fits no CharSequence one; a null fitting two overloads is ambiguous", async () => {
    expect(
      await outcomes({
        concat: "s.concat(undefined)",
        indexOf: "s.indexOf(undefined)",
        contains: "s.contains(undefined)",
        replace: 's.replace(undefined, "x")',
        parseInt: "java.lang.Integer.parseInt(undefined)",
        parseIntNull: "java.lang.Integer.parseInt(null)",
        compareTo: "s.compareTo(null)",
      }),
    ).toEqual({
      concat: "=> demo-clientundefined",
      indexOf: "=> -1",
      contains: "threw InternalError: Can't find method java.lang.String.contains(org.mozilla.javascript.Undefined). (<Unknown source>#5)",
      replace: "threw InternalError: Can't find method java.lang.String.replace(org.mozilla.javascript.Undefined,string). (<Unknown source>#6)",
      parseInt: 'threw InternalError: For input string: "undefined"',
      parseIntNull: "threw InternalError: Cannot parse null string",
      compareTo:
        "threw InternalError: The choice of Java method java.lang.String.compareTo matching JavaScript argument types (null) is ambiguous; candidate methods are: \n    int compareTo(java.lang.String)\n    int compareTo(java.lang.Object) (<Unknown source>#9)",
    });
  });

  it("a caught NullPointerException carries the Java exception; uncaught, it is Rhino's Wrapped text", async () => {
    const caught = await run('try { new java.lang.String("a").concat(null); } catch (e) { logger.error(typeof e.javaException + " " + e.javaException.getMessage()); }', {}, { evaluator: "legacy" });
    expect(caught.logs.map((l) => l.message)).toEqual(['object Cannot invoke "String.isEmpty()" because "str" is null']);
    const uncaught = await run('new java.lang.String("a").concat(null);', {}, { evaluator: "legacy" });
    expect(uncaught.error?.message).toBe('Wrapped java.lang.NullPointerException: Cannot invoke "String.isEmpty()" because "str" is null');
  });
});

describe("null in sorted Java collections", () => {
  it("a TreeMap's null key and a natural-order sort of a null fail with NullPointerException", async () => {
    expect(
      await outcomes({
        putEmpty: 'new java.util.TreeMap().put(null, "v")',
        get: "new java.util.TreeMap().get(null)",
        hashMap: '(function () { var m = new java.util.HashMap(); m.put(null, "v"); return m.get(null); })()',
        sort: '(function () { var l = new java.util.ArrayList(); l.add("b"); l.add(null); java.util.Collections.sort(l); return l; })()',
      }),
    ).toEqual({
      putEmpty: `${NPE}Cannot invoke "java.lang.Comparable.compareTo(Object)" because "k1" is null`,
      get: `${NPE}null`,
      hashMap: "=> v",
      sort: `${NPE}Cannot invoke "java.lang.Comparable.compareTo(Object)" because "a[runHi]" is null`,
    });
  });
});

describe("null reaching an AM binding's Set parameter", () => {
  it("warns that Rhino would hand AM the null (no overload refusal in AM), since what AM then does is not known here", async () => {
    const result = await run('try { accessToken.setScope(null); } catch (e) {}\ntry { identity.getAttributes(null); } catch (e) {}', {}, { evaluator: "legacy" });
    expect(result.warnings.filter((w) => w.code === "null-java-argument").map((w) => w.message.split("(")[0])).toEqual([
      "org.forgerock.openam.oauth2.OpenAMAccessToken.setScope",
      "com.sun.identity.idm.AMIdentity.getAttributes",
    ]);
  });
});
