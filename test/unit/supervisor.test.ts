/**
 * The one run supervisor (engine/supervisor/supervisor.ts) over fake worker ports: the deadline and the
 * watchdog, respawning, the two queue policies, the words of every failure outside the script, cold start.
 * The ports are doubles because the supervisor's contract is what it does with any port; the real ports
 * (node worker threads, Web Workers) are exercised by test/unit/runner.test.ts, test/unit/cli.test.ts and
 * test/e2e/watchdog.e2e.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  COLD_START_MS,
  Supervisor,
  WATCHDOG_MARGIN_MS,
  emptyRunResult,
  type EngineReply,
  type EngineRequest,
  type JobOutcome,
  type WorkerFault,
  type WorkerPort,
} from "../../engine/index";

class FakePort implements WorkerPort {
  sent: EngineRequest[] = [];
  terminated = false;
  refuse: Error | null = null;
  onmessage: ((message: EngineReply) => void) | null = null;
  onerror: ((fault: WorkerFault) => void) | null = null;
  postMessage(message: EngineRequest): void {
    if (this.refuse) throw this.refuse;
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: EngineReply): void {
    this.onmessage?.(message);
  }
  fail(fault: WorkerFault): void {
    this.onerror?.(fault);
  }
  /** Says it has begun the request it was last sent (what serve.ts posts once the sandbox is loaded). */
  startLast(): void {
    this.reply({ type: "started", id: this.sent[this.sent.length - 1].id });
  }
  /** Answers the request it was last sent with an ordinary run result. */
  answerLast(label = "ok"): void {
    const last = this.sent[this.sent.length - 1];
    const result = emptyRunResult("legacy", null);
    result.tokenResponse = { label };
    this.reply({ type: "result", id: last.id, result, ms: 7 });
  }
}

function supervisorWith(options: ConstructorParameters<typeof Supervisor>[1] = {}) {
  const ports: FakePort[] = [];
  const supervisor = new Supervisor(() => {
    const port = new FakePort();
    ports.push(port);
    return port;
  }, options);
  return { supervisor, ports };
}

const run = (script: string, scriptLimitMs = 1000) => ({ type: "run" as const, script, scenario: {}, evaluator: "legacy" as const, scriptLimitMs });
const check = (script: string) => ({ type: "check" as const, script, evaluator: "legacy" as const });

/** Settles what is already settled: the outcome, or "pending". */
async function peek(promise: Promise<JobOutcome>): Promise<JobOutcome | "pending"> {
  return Promise.race([promise, new Promise<"pending">((resolve) => queueMicrotask(() => queueMicrotask(() => resolve("pending"))))]);
}

/**
 * The watchdog stops a worker one event-loop turn after its deadline (so an answer already waiting is taken
 * first); under fake timers that turn is one millisecond.
 */
const TURN = 1;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the deadline", () => {
  it("is the script's limit plus the one margin from the worker's 'started': then the worker is terminated, the run answered as a timeout, and the next run gets a fresh worker", async () => {
    const { supervisor, ports } = supervisorWith({ coldStartMs: 0 });
    const stuck = supervisor.submit(run("new Array(1e9).join();", 300), 1);
    ports[0].reply({ type: "ready" });
    ports[0].startLast();
    vi.advanceTimersByTime(300 + WATCHDOG_MARGIN_MS - 1);
    expect(ports[0].terminated).toBe(false);
    expect(await peek(stuck)).toBe("pending");
    vi.advanceTimersByTime(1 + TURN);
    expect(ports[0].terminated).toBe(true);
    expect(await stuck).toEqual({
      status: "failed",
      ms: 300 + WATCHDOG_MARGIN_MS,
      error: {
        kind: "timeout",
        message: `The script ran longer than 300 ms (timeoutMs in the scenario) and was stopped. A builtin kept running past the limit, so the watchdog stopped the sandbox after ${300 + WATCHDOG_MARGIN_MS} ms and restarted it.`,
      },
    });
    expect(supervisor.restarts).toBe(1);

    const next = supervisor.submit(run("ok"), 2);
    expect(ports).toHaveLength(2);
    ports[1].answerLast("after restart");
    const after = await next;
    expect(after.status === "answered" && after.answer.type === "result" && after.answer.result.tokenResponse).toEqual({ label: "after restart" });
    expect(after.status === "answered" && after.ms).toBe(7);
  });

  it("an answer in time cancels the watchdog, and a late answer from a stopped worker is ignored", async () => {
    const { supervisor, ports } = supervisorWith({ coldStartMs: 0 });
    const quick = supervisor.submit(run("quick"), 1);
    ports[0].answerLast();
    expect((await quick).status).toBe("answered");
    vi.advanceTimersByTime(60_000);
    expect(ports[0].terminated).toBe(false);
    expect(supervisor.restarts).toBe(0);

    const slow = supervisor.submit(run("slow"), 2);
    ports[0].startLast();
    vi.advanceTimersByTime(1000 + WATCHDOG_MARGIN_MS + TURN);
    expect((await slow).status).toBe("failed");
    ports[0].answerLast("too late");
    const next = supervisor.submit(run("next"), 3);
    expect(ports[1].sent.map((r) => r.id)).toEqual([3]);
    ports[1].answerLast("next");
    expect((await next).status).toBe("answered");
  });

  it("an answer that became due together with the watchdog (the supervisor's thread was busy) is taken, and the worker is not stopped", async () => {
    // 160 cases of 3 MB: while the CLI's thread parsed case files, a 12 ms run's answer and its watchdog were
    // both due; the watchdog went first and failed a benign case as a timeout.
    const { supervisor, ports } = supervisorWith({ coldStartMs: 0 });
    const run1 = supervisor.submit(run("quick", 300), 1);
    ports[0].startLast();
    // Registered after the watchdog for the same moment, so it runs just after it: a reply already waiting.
    setTimeout(() => ports[0].answerLast("in time"), 300 + WATCHDOG_MARGIN_MS);
    vi.advanceTimersByTime(300 + WATCHDOG_MARGIN_MS + 1);
    const outcome = await run1;
    expect(outcome.status === "answered" && outcome.answer.type === "result" && outcome.answer.result.tokenResponse).toEqual({ label: "in time" });
    expect(ports[0].terminated).toBe(false);
    expect(supervisor.restarts).toBe(0);
  });

  it("covers every run a request makes: a flow's steps × the limit, a migration's three runs, a check its own limit", () => {
    const { supervisor } = supervisorWith({ checkLimitMs: 700 });
    expect(supervisor.budgetMs(run("x", 1000))).toBe(1000 + WATCHDOG_MARGIN_MS);
    expect(supervisor.budgetMs({ type: "flow", script: "", scenario: {}, scriptLimitMs: 1000, steps: 3 })).toBe(3000 + WATCHDOG_MARGIN_MS);
    expect(supervisor.budgetMs({ type: "migrate", script: "", scenario: {}, scriptLimitMs: 500 })).toBe(1500 + WATCHDOG_MARGIN_MS);
    expect(supervisor.budgetMs(check("x"))).toBe(700);
  });

  it("a check that overruns is worded as a check, not as a script's time limit", async () => {
    const { supervisor, ports } = supervisorWith({ coldStartMs: 0, checkLimitMs: 700 });
    const stuck = supervisor.submit(check("x"), -1);
    ports[0].startLast();
    vi.advanceTimersByTime(700 + TURN);
    expect(await stuck).toMatchObject({ status: "failed", error: { kind: "timeout", message: "The check did not finish within 700 ms; the sandbox was stopped and restarted." } });
  });
});

describe("cold start and handover", () => {
  it("a request to a worker that is not ready yet gets the cold-start allowance on top, and 'started' starts its own budget afresh", async () => {
    const { supervisor, ports } = supervisorWith();
    const first = supervisor.submit(run("x", 1000), 1);
    // Handed over at once, so a fresh worker starts on it as soon as it has loaded.
    expect(ports[0].sent).toHaveLength(1);
    vi.advanceTimersByTime(COLD_START_MS - 1000);
    ports[0].reply({ type: "ready" });
    ports[0].startLast();
    vi.advanceTimersByTime(1000 + WATCHDOG_MARGIN_MS - 1);
    expect(ports[0].terminated).toBe(false);
    vi.advanceTimersByTime(1 + TURN);
    expect(ports[0].terminated).toBe(true);
    expect(await first).toMatchObject({ status: "failed", ms: 1000 + WATCHDOG_MARGIN_MS, error: { kind: "timeout" } });
  });

  it("a worker that never begins the request is stopped after the allowance plus the budget, and the message says how long it waited", async () => {
    const { supervisor, ports } = supervisorWith();
    const first = supervisor.submit(run("x", 1000), 1);
    vi.advanceTimersByTime(COLD_START_MS + 1000 + WATCHDOG_MARGIN_MS - 1);
    expect(ports[0].terminated).toBe(false);
    vi.advanceTimersByTime(1 + TURN);
    const outcome = await first;
    expect(outcome.status === "failed" && outcome.error.message).toMatch(new RegExp(`after ${COLD_START_MS + 1000 + WATCHDOG_MARGIN_MS} ms`));
  });

  it("the time a request takes to reach a ready worker (a multi-megabyte scenario) is not the script's: its budget starts at 'started'", async () => {
    const { supervisor, ports } = supervisorWith();
    const first = supervisor.submit(run("a", 200), 1);
    ports[0].reply({ type: "ready" });
    ports[0].answerLast();
    await first;
    const second = supervisor.submit(run("b", 200), 2);
    vi.advanceTimersByTime(200 + WATCHDOG_MARGIN_MS + 500);
    expect(await peek(second)).toBe("pending");
    ports[0].startLast();
    vi.advanceTimersByTime(200 + WATCHDOG_MARGIN_MS - 1);
    expect(await peek(second)).toBe("pending");
    vi.advanceTimersByTime(1 + TURN);
    expect((await second).status).toBe("failed");
  });

  it("a 'started' for another request does not restart the clock of the one in the worker", async () => {
    const { supervisor, ports } = supervisorWith({ coldStartMs: 0 });
    const only = supervisor.submit(run("a", 200), 1);
    ports[0].startLast();
    vi.advanceTimersByTime(200 + WATCHDOG_MARGIN_MS - 1);
    ports[0].reply({ type: "started", id: 99 });
    vi.advanceTimersByTime(1 + TURN);
    expect((await only).status).toBe("failed");
  });

  it("a worker that cannot load the sandbox fails the request in it and every waiting one; the next request tries a fresh worker", async () => {
    const { supervisor, ports } = supervisorWith({ queue: "fifo" });
    const first = supervisor.submit(run("a"), 1);
    const second = supervisor.submit(run("b"), 2);
    ports[0].reply({ type: "fatal", message: "no wasm" });
    for (const outcome of [await first, await second]) {
      expect(outcome).toEqual({ status: "failed", ms: 0, error: { kind: "runtime", message: "The sandbox could not start: no wasm" } });
    }
    expect(ports[0].terminated).toBe(true);
    void supervisor.submit(run("c"), 3);
    expect(ports).toHaveLength(2);
  });
});

describe("the app's policy: newest waiting run and newest waiting check", () => {
  it("while one runs, older waiting runs are superseded; a waiting check goes first; checks supersede checks", async () => {
    const { supervisor, ports } = supervisorWith({ queue: "newest", coldStartMs: 0 });
    const v1 = supervisor.submit(run("v1"), 1);
    const v2 = supervisor.submit(run("v2"), 2);
    const c1 = supervisor.submit(check("c1"), -1);
    const v3 = supervisor.submit(run("v3"), 3);
    const c2 = supervisor.submit(check("c2"), -2);
    expect(await v2).toEqual({ status: "superseded" });
    expect(await c1).toEqual({ status: "superseded" });
    expect(ports).toHaveLength(1);
    ports[0].answerLast("v1");
    expect((await v1).status).toBe("answered");
    expect(ports[0].sent.map((r) => r.script)).toEqual(["v1", "c2"]);
    ports[0].reply({ type: "checked", id: -2, outcome: { ok: true, error: null, warnings: [] } });
    expect((await c2).status).toBe("answered");
    expect(ports[0].sent.map((r) => r.script)).toEqual(["v1", "c2", "v3"]);
    ports[0].answerLast("v3");
    const last = await v3;
    expect(last.status === "answered" && last.answer.type === "result" && last.answer.result.tokenResponse).toEqual({ label: "v3" });
  });
});

describe("the CLI's policy: N parallel workers, first in first out", () => {
  it("starts workers only as work arrives, never more than asked, and hands waiting runs out in order as workers free up", async () => {
    const { supervisor, ports } = supervisorWith({ workers: 3, queue: "fifo", coldStartMs: 0 });
    expect(supervisor.workers).toBe(0);
    const one = supervisor.submit(run("1"), 1);
    expect(supervisor.workers).toBe(1);
    const rest = [2, 3, 4, 5].map((n) => supervisor.submit(run(String(n)), n));
    expect(supervisor.workers).toBe(3);
    expect(ports.map((p) => p.sent.map((r) => r.script))).toEqual([["1"], ["2"], ["3"]]);
    ports[1].answerLast();
    expect(ports[1].sent.map((r) => r.script)).toEqual(["2", "4"]);
    ports[0].answerLast();
    expect(ports[0].sent.map((r) => r.script)).toEqual(["1", "5"]);
    for (const port of ports) port.answerLast();
    const outcomes = await Promise.all([one, ...rest]);
    expect(outcomes.map((o) => o.status)).toEqual(["answered", "answered", "answered", "answered", "answered"]);
    // Nothing is superseded under FIFO, however many wait.
    expect(ports).toHaveLength(3);
  });
});

describe("failures outside the script", () => {
  const cases: [string, WorkerFault, { kind: string; message: string }][] = [
    ["a crash", { kind: "crashed", detail: "it could not be loaded" }, { kind: "runtime", message: "The run failed in the playground itself: its worker stopped (it could not be loaded)." }],
    ["an exit", { kind: "exited", code: 3 }, { kind: "runtime", message: "The run failed in the playground itself: its worker exited (code 3)." }],
    ["host memory", { kind: "out-of-memory", limitMb: 256 }, { kind: "memory", message: "Script stopped: it made the host use more than 256 MB of memory." }],
  ];
  for (const [what, fault, error] of cases) {
    it(`${what} fails the run in that worker with words that say so; the next run gets a fresh worker`, async () => {
      const { supervisor, ports } = supervisorWith({ coldStartMs: 0 });
      const doomed = supervisor.submit(run("x"), 1);
      ports[0].fail(fault);
      expect(await doomed).toEqual({ status: "failed", ms: 0, error });
      expect(ports[0].terminated).toBe(true);
      expect(supervisor.restarts).toBe(1);
      const next = supervisor.submit(run("y"), 2);
      expect(ports).toHaveLength(2);
      ports[1].answerLast();
      expect((await next).status).toBe("answered");
    });
  }

  it("an engine exception in the worker is a failed run with its time, and the worker stays", async () => {
    const { supervisor, ports } = supervisorWith({ coldStartMs: 0 });
    const pending = supervisor.submit(run("x"), 1);
    ports[0].reply({ type: "failed", id: 1, message: "TypeError: engine bug", ms: 12 });
    expect(await pending).toEqual({ status: "failed", ms: 12, error: { kind: "runtime", message: "The run failed in the playground itself: TypeError: engine bug" } });
    void supervisor.submit(run("y"), 2);
    expect(ports).toHaveLength(1);
    expect(supervisor.restarts).toBe(0);
  });

  it("a request the structured clone refuses fails alone and the worker takes the next one", async () => {
    const { supervisor, ports } = supervisorWith({ coldStartMs: 0 });
    const first = supervisor.submit(run("x"), 1);
    ports[0].refuse = new Error("function could not be cloned");
    const bad = supervisor.submit(run("y"), 2);
    ports[0].answerLast();
    await first;
    expect(await bad).toEqual({ status: "failed", ms: 0, error: { kind: "runtime", message: "The scenario could not be handed to the sandbox: function could not be cloned" } });
    ports[0].refuse = null;
    const good = supervisor.submit(run("z"), 3);
    ports[0].answerLast();
    expect((await good).status).toBe("answered");
    expect(ports).toHaveLength(1);
  });

  it("a reply for another id does not answer the run in the worker", async () => {
    const { supervisor, ports } = supervisorWith({ coldStartMs: 0 });
    const pending = supervisor.submit(run("x"), 5);
    ports[0].reply({ type: "result", id: 4, result: emptyRunResult("legacy", null) });
    expect(await peek(pending)).toBe("pending");
    ports[0].answerLast();
    expect((await pending).status).toBe("answered");
  });
});

describe("close", () => {
  it("stops every worker and settles every unanswered request as closed; later requests too", async () => {
    const { supervisor, ports } = supervisorWith({ workers: 1 });
    const running = supervisor.submit(run("a"), 1);
    const waiting = supervisor.submit(run("b"), 2);
    await supervisor.close();
    expect(await running).toEqual({ status: "closed" });
    expect(await waiting).toEqual({ status: "closed" });
    expect(ports[0].terminated).toBe(true);
    expect(await supervisor.submit(run("c"), 3)).toEqual({ status: "closed" });
    expect(ports).toHaveLength(1);
    vi.advanceTimersByTime(60_000);
    expect(supervisor.restarts).toBe(0);
  });
});
