/**
 * What the script instrumentation (engine/sandbox/instrument.ts) gives a user: caught errors that read as
 * Rhino words them, `==` between two Java values as Rhino compares them, and positions in the script's own
 * text; nothing else a user sees changes (binding errors, uncatchable Java exceptions).
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import { instrumentScript, originalPosition } from "../../engine/sandbox/instrument";

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
    const hooked = instrumentScript(source);
    expect(hooked.source).not.toBe(source);
    const hookedX = hooked.source.indexOf("x;") + 1;
    expect(originalPosition(hooked, 1, hookedX)).toEqual({ line: 1, column: source.indexOf("x;") + 1 });
    const insideFirstHook = hooked.source.indexOf("__playgroundCaught") + 1;
    expect(originalPosition(hooked, 1, insideFirstHook).column).toBe(source.indexOf("{}", source.indexOf("catch")) + 2);
  });

  it("maps columns inside and after a rewritten == back to the script's own", async () => {
    const script = "var a = accessToken.getClientId(), b = identity.getName(); var same = (a) == b, other = a != b; null.x;";
    const result = await run(script, legacy);
    expect(result.error?.column).toBe(script.indexOf("null.x") + 1 + "null".length);
  });

  it("leaves a script without catch blocks or object comparisons as it is", () => {
    const source = "var s = 'no handler here'; if (s == 'x' || typeof s != 'string') s = 1;";
    expect(instrumentScript(source).source).toBe(source);
  });
});

describe("== between two Java values, as Rhino compares them", () => {
  it("is true for two Java strings with the same text and false for different ones; != is its negation", async () => {
    const result = await run(
      [
        "var a = new java.lang.String('demo'), b = new java.lang.String('demo'), c = new java.lang.String('other');",
        "accessToken.setField('out', [a == b, a != b, a == c, a != c, a === b, (a) == (b) == true].join());",
      ].join("\n"),
      legacy,
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.out).toBe("true,false,false,true,false,true");
  });

  it("compares boxed numbers by value and other Java objects by identity", async () => {
    const result = await run(
      "accessToken.setField('out', [new java.lang.Integer(5) == new java.lang.Double(5), new java.util.HashMap() == new java.util.HashMap(), clientProperties == clientProperties].join());",
      legacy,
    );
    expect(result.introspection?.out).toBe("true,false,true");
  });
});

describe("Rhino-only constructs", () => {
  it("for each runs over values, and positions after it stay the script's own", async () => {
    const script = "var r = []; for each (var v in ['a', 'b']) r.push(v); accessToken.setField('r', r.join()); null.x;";
    const result = await run(script, legacy);
    expect(result.token?.after.r).toBe("a,b");
    expect(result.error?.column).toBe(script.indexOf("null.x") + 1 + "null".length);
  });

  it("a construct Rhino compiles but the playground cannot run is reported as such, with a warning", async () => {
    const result = await run("try { null.x; } catch (e if e instanceof TypeError) { accessToken.setField('g', 1); }", legacy);
    expect(result.error?.kind).toBe("syntax");
    expect(result.error?.message).toMatch(/^Rhino accepts this script, but the playground cannot run it: /);
    expect(result.warnings.map((w) => w.code)).toContain("rhino-only-syntax");
  });

  it("a SyntaxError thrown while the script runs (JSON.parse) is a runtime error in Rhino's words", async () => {
    const result = await run("JSON.parse('{x');", legacy);
    expect(result.error).toMatchObject({ kind: "runtime", message: "SyntaxError: Unexpected token in object literal", line: 1 });
    expect(result.warnings.map((w) => w.code)).not.toContain("rhino-only-syntax");
  });
});
