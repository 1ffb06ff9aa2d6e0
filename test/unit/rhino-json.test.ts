/**
 * Rhino's JSON.parse wording (engine/evaluators/rhino-json.ts) read without recursion: any text, however
 * deep, gets an answer without growing the host's stack, and the reader accepts exactly what JSON accepts.
 * Text nested as deep as Rhino's limit is Rhino's uncatchable StackOverflowError (runtime goldens json-parse-*).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JAVA_STACK_OVERFLOW, RHINO_JSON_MAX_DEPTH, rhinoJsonError } from "../../engine/evaluators/rhino-json";
import { GuestError } from "../../engine/sandbox/host";
import { run } from "../../engine";

const piece = fc.constantFrom("[", "]", "{", "}", ",", ":", '"a"', '"b\\n"', '"\\u00e9"', "1", "-2.5e3", "0.", "true", "nul", " ", "\n", '"', "x", "01", "[]", "{}");

describe("Rhino's JSON.parse reader", () => {
  it("accepts exactly the texts JSON.parse accepts (random token soups)", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join("");
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(rhinoJsonError(text) === null).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });

  it("words malformed text nested just below Rhino's limit without recursing", () => {
    const depth = RHINO_JSON_MAX_DEPTH - 1;
    expect(rhinoJsonError(`${"[".repeat(depth)}x`)).toBe("Unexpected token: x");
    expect(rhinoJsonError(`${'{"a":'.repeat(depth)}1${"}".repeat(depth - 1)}`)).toBe("Unterminated object literal");
  });

  it("text nested as deep as Rhino's limit is Rhino's StackOverflowError, which escapes catch blocks", () => {
    let thrown: unknown;
    try {
      rhinoJsonError("[".repeat(100000));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(GuestError);
    expect((thrown as GuestError).message).toBe(JAVA_STACK_OVERFLOW);
    expect((thrown as GuestError).escapesCatch).toBe(true);
  });

  it("a script parsing 100,000-deep JSON fails as a runtime error in AM's terms, caught or not", async () => {
    for (const body of ["JSON.parse(s);", "try { JSON.parse(s); } catch (e) { accessToken.setField('caught', String(e)); }"]) {
      const result = await run(`var s = Array(100001).join("[") + Array(100001).join("]");\n${body}`, {});
      expect(result.error).toMatchObject({ kind: "runtime", message: JAVA_STACK_OVERFLOW });
      expect(result.token?.after.caught).toBeUndefined();
      expect(result.warnings.map((w) => w.code)).toContain("rhino-stack-overflow");
    }
  });

  it("JSON Rhino parses (3,000 deep, recorded) still parses", async () => {
    const result = await run('var v = JSON.parse(Array(3001).join("[") + Array(3001).join("]"));\naccessToken.setField("ok", String(v.length));', {});
    expect(result.error).toBeNull();
    expect(result.token?.after.ok).toBe("1");
  });
});
