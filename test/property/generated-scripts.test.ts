/**
 * Any script text, however broken, comes back as a RunResult: an error, when there is one, has one of
 * the five kinds the UI and CLI know how to show. run() itself never throws for a script and never hangs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run, type RunResult } from "../../engine";
import { withDeadline } from "./deadline";

const KINDS = ["syntax", "runtime", "timeout", "memory", "binding"];

const argument = fc.constantFrom(
  "null", "undefined", "42", "-0.5", "NaN", "'x'", "''", "'a'.repeat(5000)", "{}", "[]", "[1, 'two', null]",
  "{ a: { b: { c: 1 } } }", "function () { return 1; }", "accessToken", "identity", "logger", "new Date(0)",
  "(function () { var o = {}; o.self = o; return o; })()", "Symbol('s')", "/re/g", "1e309", "'managed/alpha_user/x'",
  "{ method: 'POST', body: { a: 1 } }", "JSON", "Object.create(null)",
);

const call = fc
  .tuple(
    fc.constantFrom(
      "accessToken.setField", "accessToken.getField", "accessToken.addExtraData", "accessToken.addExtraJsonData",
      "accessToken.setExpiryTime", "accessToken.setScope", "accessToken.setFields", "accessToken.setPermissions",
      "accessToken.noSuchMethod", "identity.getAttribute", "identity.getAttributeValues", "identity.setAttribute",
      "identity.store", "identity.getMemberships", "logger.error", "logger.message", "logger.info",
      "httpClient.send", "openidm.read", "openidm.update", "utils.crypto.getRandomValues", "systemEnv.getProperty",
      "secrets.getGenericSecret", "clientProperties.get", "scopes.contains", "JSON.parse", "JavaImporter",
    ),
    fc.array(argument, { maxLength: 3 }),
    fc.constantFrom("", ".get()", ".toArray()", ".length", "[0]", ".then(function (r) { return r.json(); }).get()"),
  )
  .map(([fn, args, tail]) => `${fn}(${args.join(", ")})${tail};`);

const token = fc.constantFrom(
  "(", ")", "{", "}", "[", "]", ";", ",", ".", "var", "let", "const", "=>", "function", "return", "throw",
  "'unterminated", "`tpl`", "/", "x", "=", "+", "yield", "class", "...", "@", "#", "\u00a0", "for each", "in",
  "delete", "new", "typeof", "null", "0x", "1.", "\\u", "//", "/*", "*/",
);

const statement = fc.oneof(
  { weight: 6, arbitrary: call },
  { weight: 3, arbitrary: fc.array(token, { minLength: 1, maxLength: 6 }).map((t) => t.join(" ")) },
  { weight: 1, arbitrary: argument.map((a) => `throw ${a};`) },
  { weight: 1, arbitrary: call.map((c) => `try { ${c} } catch (e) { logger.error(String(e)); }`) },
  { weight: 1, arbitrary: fc.constantFrom("while (true) {}", "for (;;) { var s = 'x' + s; }", "var a = []; while (true) a.push(new Array(1000).join('x') + a.length);", "(function f() { f(); })();") },
);

const scriptText = fc.oneof(
  { weight: 4, arbitrary: fc.array(statement, { minLength: 1, maxLength: 6 }).map((s) => s.join("\n")) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);

function assertRunResult(result: RunResult): void {
  expect(typeof result.ok).toBe("boolean");
  expect(result.ok).toBe(result.error === null);
  for (const field of ["logs", "http", "openidm", "warnings"] as const) expect(Array.isArray(result[field])).toBe(true);
  expect(typeof result.timings.totalMs).toBe("number");
  if (result.error) {
    expect(KINDS).toContain(result.error.kind);
    // A script may throw '' itself; Rhino then reports an empty value too, so only the type is fixed.
    expect(typeof result.error.message).toBe("string");
    if (result.error.line !== undefined) expect(result.error.line).toBeGreaterThanOrEqual(1);
  }
}

describe("run() over generated scripts", () => {
  it("always returns a RunResult whose error kind is one of syntax|runtime|timeout|memory|binding", async () => {
    const kinds = new Set<string>();
    await fc.assert(
      fc.asyncProperty(scriptText, fc.constantFrom("legacy" as const, "next-gen" as const), async (script, evaluator) => {
        const result = await withDeadline(run(script, { timeoutMs: 100 }, { evaluator }), 5000);
        assertRunResult(result);
        kinds.add(result.error?.kind ?? "ok");
      }),
      { numRuns: 250 },
    );
    // The generator must reach successful runs and the common failure kinds, or the property is hollow.
    for (const kind of ["ok", "syntax", "runtime", "binding", "timeout"]) expect(kinds).toContain(kind);
  });
});
