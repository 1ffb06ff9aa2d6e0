/**
 * Errors a script catches read as Rhino words them (AM's logs show what a catch block saw), and hooking the
 * catch blocks changes nothing else a user sees: positions, binding errors, uncatchable Java exceptions.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import { instrumentCatches, originalColumn } from "../../engine/sandbox/catch-hook";

const legacy = { evaluator: "legacy" as const };

async function caughtMessage(statement: string): Promise<string> {
  const result = await run(`try { ${statement}; } catch (e) { accessToken.setField("seen", e.name + ": " + e.message); }`, legacy);
  expect(result.error).toBeNull();
  return String(result.introspection?.seen);
}

describe("caught errors", () => {
  it("carry the same Rhino message the run reports when the error is not caught", async () => {
    for (const statement of ["accessToken.noSuchMethod()", "java.lang.System.getProperty('user.home')", "new java.io.File('/tmp')", "undefinedName + 1", "null.x"]) {
      const uncaught = await run(statement, legacy);
      expect(await caughtMessage(statement), statement).toBe(uncaught.error?.message);
    }
  });

  it("name the Java object a method is missing on, even through a local variable", async () => {
    expect(await caughtMessage("var t = identity; t.getAtribute('mail')")).toBe(
      "TypeError: Cannot find function getAtribute in object AMIdentity object: id=bjensen,ou=user,o=alpha,ou=services,dc=openam,dc=forgerock,dc=org.",
    );
  });

  it("warn only when the value a failed call was made on could not be seen", async () => {
    const known = await run("var o = {}; try { o.nope(); } catch (e) {} try { accessToken.nope(); } catch (e) {}", legacy);
    expect(known.warnings.map((w) => w.code)).not.toContain("rhino-message-approximate");
    const local = await run("(function () {\n  var o = {};\n  try { o.nope(); } catch (e) {}\n})();", legacy);
    expect(local.warnings.filter((w) => w.code === "rhino-message-approximate").map((w) => w.line)).toEqual([3]);
  });

  it("keep a binding's own error as the binding raised it", async () => {
    expect(await caughtMessage("accessToken.setScope(['a'])")).toMatch(/^InternalError: /);
    expect(await caughtMessage("accessToken.setScope(['a'])")).not.toMatch(/not a function/);
  });

  it("still work when the script overwrites the hook's name", async () => {
    const result = await run("__playgroundCaught = null; try { null.x; } catch (e) { accessToken.setField('seen', e.message); }", legacy);
    expect(result.error).toBeNull();
    expect(result.introspection?.seen).toBe('Cannot read property "x" from null');
  });

  it("do not catch what Rhino lets pass: an unmodifiable map's property assignment fails the script, finally still runs", async () => {
    const result = await run(
      "try { clientProperties.x = 'y'; } catch (e) { accessToken.setField('caught', true); } finally { logger.message('finally'); }",
      legacy,
    );
    expect(result.error?.message).toBe("java.lang.UnsupportedOperationException");
    expect(result.logs.map((l) => l.message)).toEqual(["finally"]);
  });
});

describe("positions after hooking catch blocks", () => {
  it("an uncaught error later on a line with a catch block reports the script's own column", async () => {
    const script = "try { a(); } catch (e) { } null.x;";
    const result = await run(script, legacy);
    expect(result.error?.line).toBe(1);
    expect(result.error?.column).toBe(script.indexOf("null.x") + 1 + "null".length);
    const plain = await run(" ".repeat(script.indexOf("null.x")) + "null.x;", legacy);
    expect(result.error?.column).toBe(plain.error?.column);
  });

  it("maps columns around several hooks on one line, and inside the inserted text to the catch's brace", () => {
    const source = "try {} catch (a) {} try {} catch (b) {} x;";
    const hooked = instrumentCatches(source);
    expect(hooked.source).not.toBe(source);
    const hookedX = hooked.source.indexOf("x;") + 1;
    expect(originalColumn(hooked, 1, hookedX)).toBe(source.indexOf("x;") + 1);
    const insideFirstHook = hooked.source.indexOf("__playgroundCaught") + 1;
    expect(originalColumn(hooked, 1, insideFirstHook)).toBe(source.indexOf("{}", source.indexOf("catch")) + 2);
  });

  it("leaves a script without catch blocks as it is", () => {
    const source = "var s = 'no handler here';";
    expect(instrumentCatches(source)).toEqual({ source, insertions: [] });
  });
});
