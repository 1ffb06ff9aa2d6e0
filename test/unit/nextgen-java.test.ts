import { describe, expect, it } from "vitest";
import { run } from "../../engine";

async function ng(script: string) {
  return run(script, { evaluator: "next-gen" });
}

/**
 * Goldens: what Rhino 1.7.14 answered with a class shutter that admits exactly AM's next-generation allow-list
 * (org.forgerock.util.promise.PromiseImpl, org.forgerock.util.promise.Promises$*, java.lang.Object), Java map
 * access on, language version ES6 (as AM configures its engine).
 */
const RHINO = {
  typeofJavaImporter: "function",
  typeofJava: "object",
  blockedClass: "[JavaPackage java.util.HashMap]",
  newBlocked: "TypeError: [JavaPackage java.util.HashMap] is not a function, it is object.",
  objectClass: "[JavaClass java.lang.Object]",
  importedObject: "[JavaClass java.lang.Object]",
  importedBlocked: "undefined",
  notAClass: '"x" is neither a class nor a package.',
  notAClassObject: '"[object Object]" is neither a class nor a package.',
};

describe("next-generation Java access: JavaImporter behind the next-generation allow-list", () => {
  it("defines JavaImporter and the package roots", async () => {
    const result = await ng("accessToken.setField('out', [typeof JavaImporter, typeof java]);");
    expect(result.introspection?.out).toEqual([RHINO.typeofJavaImporter, RHINO.typeofJava]);
  });

  it("reaches java.lang.Object, alone or through JavaImporter, as the allow-list permits", async () => {
    const result = await ng(
      "var imp = new JavaImporter(java.lang);\nvar one = JavaImporter(java.lang.Object);\nvar o = new java.lang.Object();\nwith (imp) { accessToken.setField('out', [String(java.lang.Object), String(Object), String(one.Object), one.Object === java.lang.Object, /^java\\.lang\\.Object@[0-9a-f]+$/.test('' + o)]); }",
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.out).toEqual([RHINO.objectClass, RHINO.importedObject, RHINO.importedObject, true, true]);
  });

  it("refuses classes outside the allow-list the way Rhino does: a JavaPackage that fails when called", async () => {
    const shown = await ng("var imp = JavaImporter(java.util.HashMap);\naccessToken.setField('out', [String(java.util.HashMap), typeof imp.HashMap]);");
    expect(shown.introspection?.out).toEqual([RHINO.blockedClass, RHINO.importedBlocked]);
    expect(shown.warnings.find((w) => w.code === "java-class-blocked")?.message).toMatch(/not on AM's next-generation allow-list/);
    const called = await ng("var m = new java.util.HashMap();");
    expect(called.error?.message).toBe(RHINO.newBlocked);
  });

  it("fails JavaImporter on a value that is neither a class nor a package, with Rhino's message", async () => {
    expect((await ng("JavaImporter('x');")).error?.message).toContain(RHINO.notAClass);
    expect((await ng("JavaImporter({});")).error?.message).toContain(RHINO.notAClassObject);
  });

  it("runs the JavaImporter idiom of AM's sample script up to the class the next-gen allow-list blocks", async () => {
    // The sample's JavaImporter(org.forgerock.http.protocol.Request, …Response): fine to build, but Request is not reachable.
    // Rhino: "TypeError: org.mozilla.javascript.Undefined@2e817b38 is not a function, it is undefined." (the hash varies per JVM),
    // and inside with (fr): ReferenceError: "Request" is not defined.
    const result = await ng("var fr = JavaImporter(org.forgerock.http.protocol.Request, org.forgerock.http.protocol.Response);\nvar r = new fr.Request();");
    expect(result.error?.message).toMatch(/^TypeError: org\.mozilla\.javascript\.Undefined@[0-9a-f]+ is not a function, it is undefined\.$/);
    expect(result.warnings.some((w) => w.code === "java-class-blocked")).toBe(true);
    const within = await ng("var fr = JavaImporter(org.forgerock.http.protocol.Request);\nwith (fr) { var r = new Request(); }");
    expect(within.error?.message).toBe('ReferenceError: "Request" is not defined.');
  });
});
