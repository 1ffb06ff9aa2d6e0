/**
 * A legacy script's own arrays and objects in the token: Rhino 1.7.14 hands setField / setFields the
 * org.mozilla.javascript.NativeArray / NativeObject itself (they implement java.util.List / Map), so AM keeps the
 * script's object, not a copy. Each `rhino` line below is what `rhino -version 0 -opt -1` printed with a
 * java.util.HashMap standing in for the token's field map (as the legacy recorder's token stand-in does):
 *
 *   var fields = new java.util.HashMap(); var a = ['x']; fields.put('g', a);
 *   fields.get('g') === a                                   → true
 *   a.push('y'); fields.get('g').length, String(fields)    → 2 {g=org.mozilla.javascript.NativeArray@2d554825}
 *   fields.put('o', {k: 'v', n: 1}); String(fields.get('o').k), typeof fields.get('o').n  → v number
 *   String(new java.util.HashMap({k: 'v'})-holding map)     → {o=[object Object]}
 *   fields.put('u', [undefined, 'z']); '[' + fields.get('u').join(',') + ']'   → [,z]
 *   new java.util.HashMap(fields).get('g') === a            → true
 *   String(new java.util.ArrayList([undefined, 'z']))       → [null, z]   (NativeArray's List view: undefined → null)
 *
 * AM writes the token when it issues it, after the script: the script's later changes are in it, and a List
 * view's undefined is null. Jackson 2.14.0 (Debian's libjackson2-databind-java, a default ObjectMapper, run from
 * the same Rhino with -opt -1) wrote such a map as
 *   {"g":["x",null,1.0,1.5,true,null,[2.0,"n"],{"k":"v","u":null,"n":3.0}],"o":{"k":"v","arr":[1.0]},"s":"str","num":5.0}
 * for g = ['x', undefined, 1, 1.5, true, null, [2, 'n'], {k: 'v', u: undefined, n: 3}], o = {k: 'v', arr: [1]};
 * [0/0] as ["NaN"], and failed on a function (InvalidDefinitionException). Which writer and settings AM uses is
 * not in any source here, so NaN and functions stay warned (js-value-in-java-field), not modelled.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine/run";

const legacy = { evaluator: "legacy" } as const;
const logs = (result: Awaited<ReturnType<typeof run>>) => result.logs.map((l) => l.message);

describe("legacy setField with the script's own array or object", () => {
  it("gives the very array back, as Rhino does (getField(k) === a)", async () => {
    const result = await run("var a = ['x']; accessToken.setField('g', a); logger.message('same ' + (accessToken.getField('g') === a));", {}, legacy);
    expect(result.error).toBeNull();
    expect(logs(result)).toEqual(["same true"]);
  });

  it("writes the token from the array as the script left it (a push after setField is in the token)", async () => {
    const result = await run("var a = ['x']; accessToken.setField('g', a); a.push('y');", {}, legacy);
    expect(result.introspection?.g).toEqual(["x", "y"]);
    expect(result.token?.after.g).toEqual(["x", "y"]);
  });

  it("prints the array in a Java map as Rhino's NativeArray, and an object as [object Object]", async () => {
    const result = await run(
      "accessToken.setField('g', ['x']); accessToken.setField('o', {k: 'v'}); logger.message(String(accessToken.getCustomFields()));",
      {},
      legacy,
    );
    expect(logs(result)[0]).toMatch(/^\{g=org\.mozilla\.javascript\.NativeArray@[0-9a-f]{4,8}, o=\[object Object\]\}$/);
  });

  it("hands the same array back through getCustomFields().get and a copy of that map", async () => {
    const result = await run(
      "var a = ['x']; accessToken.setField('g', a); var f = accessToken.getCustomFields();" +
        "logger.message((f.get('g') === a) + ' ' + (new java.util.HashMap(f).get('g') === a) + ' ' + (f.get('g') instanceof Array));",
      {},
      legacy,
    );
    expect(logs(result)).toEqual(["true true true"]);
  });

  it("writes the token as Jackson wrote the NativeArray / NativeObject (doubles, undefined as null)", async () => {
    const result = await run("accessToken.setField('g', ['x', undefined, 1, 1.5, true, null, [2, 'n'], {k: 'v', u: undefined, n: 3}]); accessToken.setField('o', {k: 'v', arr: [1]});", {}, legacy);
    expect(result.introspection?.g).toEqual(["x", null, 1, 1.5, true, null, [2, "n"], { k: "v", u: null, n: 3 }]);
    expect(result.introspection?.o).toEqual({ k: "v", arr: [1] });
    for (const pointer of ["/introspection/g/2", "/introspection/g/6/0", "/introspection/g/7/n", "/introspection/o/arr/0"]) expect(result.javaDoubles).toContain(pointer);
  });

  it("keeps JS values inside: a number stays a JS number, undefined stays undefined (join gives an empty string)", async () => {
    const result = await run(
      "accessToken.setField('o', {n: 1}); accessToken.setField('u', [undefined, 'z']);" +
        "logger.message(typeof accessToken.getField('o').n + ' [' + accessToken.getField('u').join(',') + ']');",
      {},
      legacy,
    );
    expect(logs(result)).toEqual(["number [,z]"]);
    // In the token, the List view's undefined is null, and the number the Double Rhino made of it.
    expect(result.introspection?.u).toEqual([null, "z"]);
    expect(result.javaDoubles).toContain("/introspection/o/n");
  });

  it("setFields keeps the object's arrays by reference too", async () => {
    const result = await run(
      "var a = ['x']; accessToken.setFields({g: a, s: 'v'}); a.push('y'); logger.message(String(accessToken.getField('g') === a));",
      {},
      legacy,
    );
    expect(logs(result)).toEqual(["true"]);
    expect(result.introspection?.g).toEqual(["x", "y"]);
    expect(result.introspection?.s).toBe("v");
  });

  it("a field set again to a string keeps the string", async () => {
    const result = await run("var a = ['x']; accessToken.setField('g', a); accessToken.setField('g', 'plain'); a.push('y');", {}, legacy);
    expect(result.introspection?.g).toBe("plain");
  });

  it("warns, showing the script's value, when the array as the script left it has an undefined element", async () => {
    const result = await run("var a = ['x']; accessToken.setField('g', a); a.push(undefined);", {}, legacy);
    const warning = result.warnings.find((w) => w.code === "js-value-in-java-field");
    expect(warning?.message).toContain('["x", undefined]');
    expect(warning?.message).toContain("as the script left it");
    expect(result.introspection?.g).toEqual(["x", null]);
  });

  it("a run that fails after the setField still reports the token as the script left it", async () => {
    const result = await run("var a = ['x']; accessToken.setField('g', a); a.push('y'); throw new Error('stop');", {}, legacy);
    expect(result.error?.message).toContain("stop");
    expect(result.token?.after.g).toEqual(["x", "y"]);
  });

  it("the same case twice gives the same result (no reference outlives its run)", async () => {
    const script = "var a = [1, {b: [2]}]; accessToken.setField('g', a); a[1].b.push(3); logger.message(String(accessToken.getCustomFields()));";
    const first = await run(script, {}, legacy);
    const second = await run(script, {}, legacy);
    expect(JSON.stringify({ ...second, timings: null })).toBe(JSON.stringify({ ...first, timings: null }));
    expect(first.introspection?.g).toEqual([1, { b: [2, 3] }]);
  });
});
