/**
 * A run stopped at a limit says which limit and where it is set. QuickJS reported a timeout as
 * "InternalError: interrupted" at the last call the script made (`f();\nwhile (true) {}` blamed line 1);
 * now it names timeoutMs and points at the running loop, or at no line when that cannot be told.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../engine";
import { EngineClient, type WorkerLike } from "../../renderer/engine-client/engineClient";
import type { FromWorker, ToWorker } from "../../renderer/engine-client/protocol";

const LIMIT = 120;
const timed = (script: string, evaluator: "next-gen" | "legacy" = "next-gen") => run(script, { evaluator, timeoutMs: LIMIT });
const MESSAGE = `The script ran longer than ${LIMIT} ms (timeoutMs in the scenario) and was stopped.`;

describe("a timeout names timeoutMs and the running loop's line", () => {
  const cases: [string, string, number | undefined][] = [
    ["a loop after a binding call", "accessToken.setField('a', 1);\nwhile (true) {}", 2],
    ["a loop with no call before it", "var i = 0;\n\nfor (;;) { i++; }", 3],
    ["a loop whose body makes calls", "var n = 0;\nwhile (true) {\n  n = Math.max(n, 1);\n}", 2],
    ["a loop inside a function", "function spin() {\n  var i = 0;\n  while (true) { i++; }\n}\naccessToken.setField('a', 1);\nspin();", 3],
    ["nested loops, the outer one enclosing", "accessToken.setField('a', 1);\ndo {\n  for (var i = 0; i < 10; i++) {}\n} while (true);", 2],
    ["a builtin that runs long (no loop)", "var s = 'a'.repeat(40) + '!';\n/(a+)+$/.test(s);", 2],
    ["a finished loop and a later one: which one ran cannot be told", "for (var i = 0; i < 3; i++) { accessToken.setField('k' + i, i); }\nwhile (true) {}", undefined],
  ];
  for (const [what, script, line] of cases) {
    it(`${what} → ${line === undefined ? "no line" : `line ${line}`}`, async () => {
      for (const evaluator of ["next-gen", "legacy"] as const) {
        const result = await timed(script, evaluator);
        expect(result.error).toEqual({ kind: "timeout", message: MESSAGE, ...(line === undefined ? {} : { line }) });
      }
    });
  }

  it("a loop in a library points at the script's call into it, not at a loop of the script", async () => {
    const atLoad = await run("var l = require('lib');\nfor (var i = 0; i < 2; i++) { accessToken.setField('a' + i, 1); }", {
      evaluator: "next-gen",
      timeoutMs: LIMIT,
      libraries: { lib: "exports.x = 1;\nwhile (true) {}" },
    });
    expect(atLoad.error).toEqual({ kind: "timeout", message: MESSAGE, line: 1 });
    const inFunction = await run("var l = require('lib');\n\nl.spin();", {
      evaluator: "next-gen",
      timeoutMs: LIMIT,
      libraries: { lib: "exports.spin = function () {\n  while (true) {}\n};" },
    });
    expect(inFunction.error).toEqual({ kind: "timeout", message: MESSAGE, line: 3 });
  });

  it("the message carries the scenario's own value", async () => {
    const result = await run("while (true) {}", { evaluator: "next-gen", timeoutMs: 75 });
    expect(result.error?.message).toBe("The script ran longer than 75 ms (timeoutMs in the scenario) and was stopped.");
    expect(result.error?.message).not.toMatch(/interrupted/);
  });
});

describe("a memory error names the limit", () => {
  for (const [what, script] of [
    ["one huge allocation", "var s = 'x'.repeat(5e8);"],
    ["many allocations", "var a = []; for (;;) a.push('x'.repeat(10000) + a.length);"],
  ]) {
    it(what, async () => {
      const result = await run(script, { evaluator: "next-gen", timeoutMs: 5000 });
      expect(result.error?.kind).toBe("memory");
      expect(result.error?.message).toMatch(/^InternalError: out of memory: the script needed more than the playground sandbox allows \(64 MiB in all, 32 MiB in one allocation; a playground limit, not a scenario setting\)\.$/);
      expect(result.error?.line).toBe(1);
    });
  }
});

class StuckWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker): void {
    // It begins the request (as a loaded worker does) and then never answers.
    if (message.type !== "hook-answered") this.onmessage?.({ data: { type: "started", id: message.id } } as MessageEvent<FromWorker>);
  }
  terminate(): void {}
}

describe("the app's watchdog words its timeout the same way", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("names the scenario's timeoutMs, not only the watchdog's own wait", async () => {
    const client = new EngineClient(() => new StuckWorker(), { watchdogMarginMs: 500, coldStartMs: 0 });
    const answer = client.run({ script: "new Array(1e9).join();", scenario: {}, evaluator: "legacy", timeoutMs: 300 });
    // The deadline, and the one event-loop turn the watchdog waits for an answer already sent.
    vi.advanceTimersByTime(800 + 1);
    const result = await answer;
    expect(result.superseded === false && result.result.error).toEqual({
      kind: "timeout",
      message:
        "The script ran longer than 300 ms (timeoutMs in the scenario) and was stopped. A builtin kept running past the limit, so the watchdog stopped the sandbox after 800 ms and restarted it.",
    });
  });
});
