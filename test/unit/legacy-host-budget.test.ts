/**
 * Host-side work is bounded by the run's memory limit (issue 11): Java strings, collections, maps, arrays, token
 * fields, extra data and log lines live outside the QuickJS heap, so the legacy evaluator charges them against
 * the same limit and the run ends in a memory error (kind "memory", naming the limit), never an internal error,
 * a crashed process or gigabytes of host memory; and the next run works.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { run } from "../../engine/run";

const MB = "1024 * 1024";
/** A 1 MB string of control characters, built in the guest (well inside its own 32 MB limit). */
const CONTROL_MB = `var mb = new Array(${MB} + 1).join("\\u0001");`;

const GROWTH: [string, string][] = [
  ["a Java string doubled with concat 28 times", `var s = new java.lang.String("x"); for (var i = 0; i < 28; i++) s = s.concat(s);`],
  ["replace('', s) on a 1 MB Java string", `${CONTROL_MB} var s = new java.lang.String(mb); s.replace("", s);`],
  ["replaceAll with a large replacement", `${CONTROL_MB} new java.lang.String(mb.slice(0, 4096)).replaceAll("", mb);`],
  ["100 token fields of 1 MB control characters", `${CONTROL_MB} for (var i = 0; i < 100; i++) accessToken.setField("f" + i, mb);`],
  ["100 extra data entries of 1 MB", `${CONTROL_MB} for (var i = 0; i < 100; i++) accessToken.addExtraData("f" + i, mb);`],
  ["String.repeat a billion times", `new java.lang.String("ab").repeat(1e9);`],
  ["an ArrayList resized to 2e9 elements", `var l = new java.util.ArrayList(); l.length = 2e9;`],
  ["an ArrayList element set at index 2e9", `var l = new java.util.ArrayList(); l[2e9] = 1;`],
  ["a list filled in a loop", `var kb = new Array(513).join("ab"); var l = new java.util.ArrayList(); for (;;) l.add(kb);`],
  ["a map filled in a loop", `var kb = new Array(513).join("ab"); var m = new java.util.HashMap(); for (var i = 0; ; i++) m.put("key" + i, kb);`],
  ["a StringBuilder-style accumulation into one Java string", `var s = new java.lang.String(""); var kb = new Array(1025).join("a"); for (;;) s = s.concat(kb);`],
  ["log lines of 1 MB in a loop", `${CONTROL_MB} for (;;) logger.message(mb);`],
  ["Java arrays made in a loop", `var keep = []; var s = new java.lang.String(new Array(4097).join("a,")); for (;;) keep.push(s.split(","));`],
];

describe("host-side Java values are charged against the run's memory limit", () => {
  for (const [what, script] of GROWTH) {
    it(`${what} ends in a memory error that names the limit`, async () => {
      const result = await run(script, { timeoutMs: 5000 }, { evaluator: "legacy" });
      expect(result.error?.kind, JSON.stringify(result.error)).toBe("memory");
      expect(result.error?.message).toMatch(/32 MB/);
    }, 30_000);
  }

  it("list.set far past the end is Java's IndexOutOfBoundsException, not a host failure", async () => {
    const result = await run(`var l = new java.util.ArrayList(); l.set(2e9, "x");`, {}, { evaluator: "legacy" });
    expect(result.error?.message).toBe("Wrapped java.lang.IndexOutOfBoundsException: Index 2000000000 out of bounds for length 0");
  });

  it("a script cannot catch the memory error and carry on", async () => {
    const script = `var l = new java.util.ArrayList(); try { l.length = 2e9; } catch (e) { accessToken.setField("caught", String(e)); }`;
    const result = await run(script, {}, { evaluator: "legacy" });
    expect(result.error?.kind).toBe("memory");
    expect(result.token?.after.caught).toBeUndefined();
  });

  it("the next run after a memory error works", async () => {
    await run(`var l = new java.util.ArrayList(); l.length = 2e9;`, {}, { evaluator: "legacy" });
    const result = await run(`var l = new java.util.ArrayList(); l.add("a"); accessToken.setField("n", l.size());`, {}, { evaluator: "legacy" });
    expect(result.error).toBeNull();
    expect(result.introspection?.n).toBe(1);
  });

  it("ordinary scripts stay far below the budget", async () => {
    const script = [
      "var l = new java.util.ArrayList(); for (var i = 0; i < 10000; i++) l.add('v' + i);",
      "var m = new java.util.HashMap(); for (var j = 0; j < 5000; j++) m.put('k' + j, j);",
      "accessToken.setField('size', l.size() + m.size());",
      "for (var k = 0; k < 200; k++) logger.message('line {}', k);",
    ].join("\n");
    const result = await run(script, { timeoutMs: 10000 }, { evaluator: "legacy" });
    expect(result.error).toBeNull();
    expect(result.introspection?.size).toBe(15000);
  }, 30_000);

  it("any sequence of growth operations ends normally or in a memory error, never in a host failure", async () => {
    const operation = fc.constantFrom(
      "s = s.concat(s);",
      "s = s.replace('', 'ab');",
      "s = s.replaceAll('a', 'aa');",
      "l.add(s);",
      "l.addAll(l);",
      "l.length = l.size() * 4 + 1;",
      "m.put('k' + l.size(), s);",
      "accessToken.setField('f' + l.size(), String(s));",
      "logger.message(String(s));",
      "a = s.split('');",
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 40 }), async (ops) => {
        const script = `var s = new java.lang.String("ab"), l = new java.util.ArrayList(), m = new java.util.HashMap(), a;\n${ops.join("\n")}`;
        const result = await run(script, { timeoutMs: 5000 }, { evaluator: "legacy" });
        expect([null, "memory", "timeout"]).toContain(result.error?.kind ?? null);
        if (result.error?.kind === "memory") expect(result.error.message).toMatch(/memory limit of 32 MB/);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe("values a script hands AM's other objects are charged too", () => {
  const cases: [string, string][] = [
    ["request headers", `var r = new org.forgerock.http.protocol.Request(); for (;;) r.getHeaders().add("x", mb);`],
    ["HTTP calls the result records", `var r = new org.forgerock.http.protocol.Request(); r.setUri("https://api.example.com/x"); r.setEntity(mb); for (;;) httpClient.send(r);`],
    ["session properties", `for (var i = 0; ; i++) session.setProperty("p" + i, mb);`],
    ["identity attributes", `for (var i = 0; ; i++) { var m = new java.util.HashMap(); var v = new java.util.HashSet(); v.add(mb); m.put("a" + i, v); identity.setAttributes(m); }`],
  ];
  for (const [what, script] of cases) {
    it(`${what} end in a memory error`, async () => {
      const result = await run(`${CONTROL_MB}\n${script}`, { timeoutMs: 10000, session: { properties: {} } }, { evaluator: "legacy" });
      expect(result.error?.kind, JSON.stringify(result.error)).toBe("memory");
    }, 30_000);
  }
});
