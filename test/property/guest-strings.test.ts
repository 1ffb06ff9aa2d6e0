/**
 * Any sequence of UTF-16 code units (NUL, lone surrogates, pairs, U+FFFD included) crosses the sandbox
 * boundary unchanged in both directions: as a claim name, as a value, and read back by the script.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import { withDeadline } from "./deadline";

/** Code units weighted towards the ones C strings and UTF-8 lose. */
const codeUnit = fc.oneof(
  fc.constantFrom("\u0000", "\ud800", "\udbff", "\udc00", "\udfff", "\ufffd", "\ud83d\ude00", "é", "\u2028"),
  fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  fc.string({ maxLength: 3 }),
);
const text = fc.array(codeUnit, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));

const NATIVE = new Set(["sub", "scope", "realm", "client_id", "exp", "iss", "active", "token_type", "username", "user_id", "subname", "auth_level", "authGrantId", "auditTrackingId"]);

describe("strings cross the boundary with every code unit", () => {
  it("setField(name, value) shows both exactly, and getField gives the value back", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("next-gen", "legacy"), text, text, async (evaluator, name, value) => {
        fc.pre(!NATIVE.has(name) && name !== "__proto__" && name !== "back");
        // JSON.stringify writes NUL and lone surrogates as \u escapes, so the script's source itself is plain.
        const script = `var v = ${JSON.stringify(value)};
          accessToken.setField(${JSON.stringify(name)}, v);
          accessToken.setField('back', String(accessToken.getField(${JSON.stringify(name)})) === v);`;
        const result = await withDeadline(run(script, { evaluator }), 10_000);
        expect(result.error).toBeNull();
        expect(Object.getOwnPropertyDescriptor(result.introspection, name)?.value).toBe(value);
        expect(result.introspection?.back).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
