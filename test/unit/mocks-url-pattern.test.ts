/**
 * Issue 11: a mock's urlPattern is the scenario's regular expression and the URL the script's, matched on the
 * host. A pattern that backtracks without bound on the URL the script built ends in a reason that names the mock
 * and the pattern, well within the run's time, not in a worker that hangs until the watchdog (or forever).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, resolveScenario } from "../../engine";
import { MockServer, mismatches } from "../../engine/http/mocks";
import { cli } from "./cli-helpers";

const RUNAWAY = "http://h/(a+)+";
const URL_BUILT = "'http://h/' + new Array(41).join('a') + '!'";
const url = "http://h/" + "a".repeat(40) + "!";

function mock(request: Record<string, unknown>, name?: string) {
  return resolveScenario({ http: [{ ...(name ? { name } : {}), request, response: { status: 200, body: "ok" } }] }, "s.json").http[0];
}

describe("a runaway urlPattern", () => {
  it.each([RUNAWAY, "(x|x)*y", "http://h/(a|aa)*b"])("/%s/ is a bounded mismatch naming the pattern", (pattern) => {
    const started = Date.now();
    const reasons = mismatches(mock({ urlPattern: pattern }), { method: "GET", url: pattern === "(x|x)*y" ? "x".repeat(40) : url, headers: {} });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain(`the mock's urlPattern /${pattern}/ took too long to match`);
    expect(reasons[0]).toMatch(/backtracks without bound/);
  });

  it("leaves a later mock to answer, and says why the runaway one did not", () => {
    const server = new MockServer([mock({ urlPattern: RUNAWAY }, "runaway"), mock({ urlPattern: "http://h/a+!" }, "plain")]);
    const outcome = server.answer({ method: "GET", url, headers: {} });
    expect(outcome).toMatchObject({ ok: true, mock: 1 });
  });

  it("keeps ordinary patterns as they were", () => {
    expect(mismatches(mock({ urlPattern: "https?://[^/]+/users/\\d+(\\?.*)?" }), { method: "GET", url: "https://a.example/users/7?x=1", headers: {} })).toEqual([]);
    expect(mismatches(mock({ urlPattern: "https://a\\.example/users/\\d+" }), { method: "GET", url: "https://a.example/users/x", headers: {} })).toEqual([
      "URL: the script sent https://a.example/users/x, which does not match the mock's /https://a\\.example/users/\\d+/",
    ]);
  });

  it("pays a runaway pattern's budget once for a URL the script calls in a loop", async () => {
    const started = Date.now();
    const script = `var failed = 0;\nfor (var i = 0; i < 50; i++) { try { httpClient.send(${URL_BUILT}, {method: 'GET'}).get(); } catch (e) { failed++; } }\naccessToken.setField('failed', failed);`;
    const result = await run(script, { evaluator: "next-gen", timeoutMs: 5000, http: [{ request: { urlPattern: "http://h/(x|x)*(a+)+" }, response: { status: 200 } }] });
    expect(result.error).toBeNull();
    expect(result.introspection?.failed).toBe(50);
    expect(result.http.every((call) => /took too long to match/.test(call.error ?? ""))).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  for (const evaluator of ["next-gen", "legacy"] as const) {
    it(`a ${evaluator} script's call fails with the mock's name and pattern, within its time`, async () => {
      const script =
        evaluator === "next-gen"
          ? `httpClient.send(${URL_BUILT}, {method: 'GET'}).get();`
          : `var r = new org.forgerock.http.protocol.Request(); r.setUri(${URL_BUILT}); r.setMethod('GET'); httpClient.send(r).get();`;
      const started = Date.now();
      const result = await run(script, { evaluator, timeoutMs: 5000, http: [{ name: "profiles", request: { urlPattern: RUNAWAY }, response: { status: 200 } }] });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(result.error?.kind).not.toBe("timeout");
      expect(result.error?.message).toContain(`mock #0 "profiles" (ANY /${RUNAWAY}/)`);
      expect(result.error?.message).toContain(`the mock's urlPattern /${RUNAWAY}/ took too long to match ${url}`);
    });
  }
});

describe("the CLI with a runaway urlPattern", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "tp-url-pattern-"));
    writeFileSync(join(dir, "call.js"), `httpClient.send(${URL_BUILT}, {method: 'GET'}).get();\n`);
    writeFileSync(join(dir, "runaway.scenario.json"), JSON.stringify({ evaluator: "next-gen", timeoutMs: 8000, http: [{ name: "profiles", request: { urlPattern: RUNAWAY }, response: { status: 200 } }] }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 1 with the mock's reason in well under the run's time: not 70, not the watchdog", () => {
    const started = Date.now();
    const result = cli(["run", "call.js", "--scenario", "runaway.scenario.json"], dir);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(result.signal).toBeNull();
    expect(result.code, result.stderr).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toContain(`the mock's urlPattern /${RUNAWAY}/ took too long to match`);
    expect(output).not.toMatch(/watchdog|did not answer|ran longer than/i);
  });
});
