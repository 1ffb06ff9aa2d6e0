/**
 * Issue 11: next-generation bindings keep what the script hands them on the host (token fields, log lines,
 * identity attributes, HTTP requests, IDM objects), outside the QuickJS heap and its limit. A loop storing one
 * big string again and again grew the host by a copy a turn until the worker died; each kept value is now
 * charged against the run's memory limit (engine/evaluators/host-budget.ts, as legacy's Java values are), and
 * the run ends in its memory error, which no catch block keeps.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";

const BIG = "var s = new Array(1 << 20).join('x');\n";

describe("a next-generation script cannot grow host-side values without bound", () => {
  it.each([
    ["token fields", "accessToken.setField('f' + i, s);"],
    ["log lines", "logger.info(s);"],
    ["identity attributes", "identity.setAttribute('a' + i, [s]);"],
    ["identity values added", "identity.addAttribute('a', s);"],
    ["HTTP request bodies", "try { httpClient.send('https://x.example/', { method: 'POST', body: s }).get(); } catch (e) {}"],
    ["IDM objects", "openidm.create('managed/user', null, { userName: 'u' + i, big: s });"],
  ])("%s end in the run's memory error", async (_what, turn) => {
    const started = Date.now();
    const result = await run(`${BIG}var caught = 0;\nfor (var i = 0; i < 1000; i++) { try { ${turn} } catch (e) { caught++; } }`, { evaluator: "next-gen", timeoutMs: 20000 });
    expect(result.error?.kind).toBe("memory");
    expect(result.error?.message).toMatch(/^InternalError: out of memory: the values the script handed its bindings \(token fields, logs, identity attributes, HTTP requests, IDM objects\) exceed the run's memory limit of 32 MB/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("ordinary amounts stay well inside the budget", async () => {
    const result = await run("var s = new Array(10001).join('x');\nfor (var i = 0; i < 100; i++) { accessToken.setField('f' + i, s); logger.info(s); }", { evaluator: "next-gen" });
    expect(result.error).toBeNull();
    expect(result.logs).toHaveLength(100);
  });
});

describe("the sandbox's memory running out inside a try block", () => {
  it.each([
    ["host objects", "requestProperties.entrySet();"],
    ["script objects", "a.push({ x: n });"],
  ])("%s: the run's memory error, never a caught error or a thrown null", async (_what, turn) => {
    // QuickJS's "out of memory" was caught by the script's catch, whose own allocations then failed with a bare
    // `null` (reported as "null"); AM's OutOfMemoryError is no error a script's catch keeps.
    const result = await run(`var n = 0, a = [];\ntry { for (;;) { ${turn} n++; } } catch (e) { accessToken.setField("caught", n + " " + e); }`, { evaluator: "next-gen", timeoutMs: 30000 });
    expect(result.error?.kind).toBe("memory");
    expect(result.error?.message).toMatch(/^InternalError: out of memory: the script needed more than the playground sandbox allows/);
    expect(result.introspection?.caught).toBeUndefined();
    const next = await run("accessToken.setField('after', 'ok');", { evaluator: "next-gen" });
    expect(next.introspection?.after).toBe("ok");
  }, 60_000);

  it("a script's own `throw null` is still its own", async () => {
    const result = await run("throw null;", { evaluator: "next-gen" });
    expect(result.error).toMatchObject({ kind: "runtime", message: "null" });
  });
});
