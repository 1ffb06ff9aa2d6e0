/**
 * Whatever names a script gives its claims and nested keys, AM keeps every one as an ordinary key: the
 * introspection shows exactly the keys and values set, at any nesting depth, in both evaluators.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import { withDeadline } from "./deadline";

const SPECIAL = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineSetter__", "toJSON", "length", "0"];
const key = fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ minLength: 1, maxLength: 12 }));

/** A nested JSON value whose objects use the generated keys. */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null)),
  node: fc.oneof({ depthSize: "small" }, tie("leaf"), fc.dictionary(key, tie("node"), { maxKeys: 4 }), fc.array(tie("node"), { maxLength: 3 })),
})).node;

const NATIVE = new Set(["sub", "scope", "realm", "client_id", "exp", "iss", "aud", "active", "token_type", "username", "user_id", "subname", "auth_level", "authGrantId", "auditTrackingId", "nonce", "cnf", "permissions", "may_act"]);

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe("claim names and nested keys cross the boundary as ordinary keys", () => {
  it("setField(k, JSON.parse(v)) shows k and v exactly (both evaluators)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("next-gen", "legacy"), key, value, async (evaluator, name, v) => {
        fc.pre(!NATIVE.has(name));
        const json = JSON.stringify(v);
        // The value is built in the guest by JSON.parse, which (unlike an object literal) keeps "__proto__" keys.
        const script = `accessToken.setField(${JSON.stringify(name)}, JSON.parse(${JSON.stringify(json)}));`;
        const result = await withDeadline(run(script, { evaluator }), 10_000);
        expect(result.error).toBeNull();
        const shown = Object.getOwnPropertyDescriptor(result.introspection, name)?.value;
        expect(JSON.stringify(shown)).toBe(json);
        expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(PROTOTYPE_NAMES);
      }),
      { numRuns: 60 },
    );
  });
});
