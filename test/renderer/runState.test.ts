import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LatestOnly } from "../../renderer/state/latest";
import { debounce } from "../../renderer/state/debounce";
import { EngineClient } from "../../renderer/engine-client/engineClient";
import type { RunResult } from "../../engine/result";
import { FakeWorker } from "./fake-worker";

describe("LatestOnly (stale-result guard)", () => {
  it("drops a result that finishes after a newer one was shown", () => {
    const runs = new LatestOnly();
    const slow = runs.issue();
    const fast = runs.issue();
    expect(runs.accept(fast)).toBe(true);
    expect(runs.accept(slow)).toBe(false);
  });

  it("shows results in order when they arrive in order and knows which are out of date", () => {
    const runs = new LatestOnly();
    const a = runs.issue();
    const b = runs.issue();
    expect(runs.isSuperseded(a)).toBe(true);
    expect(runs.isSuperseded(b)).toBe(false);
    expect(runs.accept(a)).toBe(true);
    expect(runs.accept(b)).toBe(true);
    expect(runs.accept(b)).toBe(false);
  });
});

describe("debounce (run-as-you-type)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs once with the newest text after typing pauses for the delay", () => {
    const seen: string[] = [];
    const typed = debounce((text: string) => seen.push(text), 250);
    typed("a");
    vi.advanceTimersByTime(200);
    typed("ab");
    vi.advanceTimersByTime(200);
    typed("abc");
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(249);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(["abc"]);
  });

  it("flush runs the pending edit at once (Ctrl+Enter) and nothing runs twice", () => {
    const seen: string[] = [];
    const typed = debounce((text: string) => seen.push(text), 250);
    typed("x");
    expect(typed.pending).toBe(true);
    expect(typed.flush()).toBe(true);
    expect(seen).toEqual(["x"]);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(["x"]);
    expect(typed.flush()).toBe(false);
  });
});

function okResult(label: string): RunResult {
  return {
    evaluator: "legacy",
    ok: true,
    error: null,
    tokenResponse: { label },
    introspection: {},
    token: null,
    jwt: null,
    idToken: null,
    logs: [],
    http: [],
    openidm: [],
    warnings: [],
    timings: { evalMs: 1, totalMs: 1 },
  };
}


describe("EngineClient", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const request = (script: string) => ({ script, scenario: {}, evaluator: "legacy" as const, timeoutMs: 1000 });

  it("while a run is busy, only the newest waiting edit runs next; older waiting edits are superseded", async () => {
    const workers: FakeWorker[] = [];
    const client = new EngineClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const first = client.run(request("v1"));
    const second = client.run(request("v2"));
    const third = client.run(request("v3"));
    expect(workers[0].sent.map((m) => m.type === "run" && m.script)).toEqual(["v1"]);
    expect(await second).toEqual({ id: 2, superseded: true });

    workers[0].reply({ type: "result", id: 1, result: okResult("v1") });
    expect((await first).superseded).toBe(false);
    expect(workers[0].sent.map((m) => m.type === "run" && m.script)).toEqual(["v1", "v3"]);
    workers[0].reply({ type: "result", id: 3, result: okResult("v3") });
    const last = await third;
    expect(last.superseded === false && last.result.tokenResponse).toEqual({ label: "v3" });
  });

  it("the watchdog kills a worker that overruns, answers with a timeout error, and the next run works", async () => {
    const workers: FakeWorker[] = [];
    const client = new EngineClient(
      () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
      { watchdogMarginMs: 2000, coldStartMs: 0 },
    );
    const endless = client.run(request("while(true){}"));
    vi.advanceTimersByTime(2999);
    expect(workers[0].terminated).toBe(false);
    // The deadline, and the one event-loop turn the watchdog waits for an answer already sent.
    vi.advanceTimersByTime(1 + 1);
    const answer = await endless;
    expect(workers[0].terminated).toBe(true);
    expect(answer.superseded === false && answer.result.error?.kind).toBe("timeout");
    expect(client.restarts).toBe(1);

    const next = client.run(request("ok"));
    expect(workers).toHaveLength(2);
    const sent = workers[1].sent[0];
    workers[1].reply({ type: "result", id: sent.id, result: okResult("after restart") });
    const after = await next;
    expect(after.superseded === false && after.result.ok).toBe(true);
  });

  it("an answer that arrives in time cancels the watchdog", async () => {
    const worker = new FakeWorker();
    const client = new EngineClient(() => worker, { coldStartMs: 0 });
    const pending = client.run(request("quick"));
    worker.reply({ type: "result", id: 1, result: okResult("quick") });
    await pending;
    vi.advanceTimersByTime(10_000);
    expect(worker.terminated).toBe(false);
    expect(client.restarts).toBe(0);
  });

  it("an engine exception becomes an error result instead of a hang, worded as the CLI words it", async () => {
    const worker = new FakeWorker();
    const client = new EngineClient(() => worker, { coldStartMs: 0 });
    const pending = client.run(request("x"));
    worker.reply({ type: "failed", id: 1, message: "engine bug" });
    const answer = await pending;
    expect(answer.superseded === false && answer.result.error).toEqual({ kind: "runtime", message: "The run failed in the playground itself: engine bug" });
  });
});

describe("EngineClient ids", () => {
  it("checks do not use up run ids, so the newest run is still the newest after a check", async () => {
    const runs = new LatestOnly();
    const worker = new FakeWorker();
    const client = new EngineClient(() => worker, { nextId: () => runs.issue(), coldStartMs: 0 });
    const run = client.run({ script: "a", scenario: {}, evaluator: "legacy", timeoutMs: 1000 });
    const check = client.check("a", "legacy");
    expect(runs.isSuperseded(1)).toBe(false);
    worker.reply({ type: "result", id: 1, result: okResult("a") });
    await run;
    const checkId = worker.sent[1].id;
    expect(checkId).toBeLessThan(0);
    worker.reply({ type: "checked", id: checkId, outcome: { ok: true, error: null, warnings: [] } });
    expect((await check).superseded).toBe(false);
  });
});
