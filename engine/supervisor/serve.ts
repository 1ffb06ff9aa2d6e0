/**
 * The worker's side of the protocol, shared by both engine workers (cli/worker.ts in a node worker thread,
 * renderer/worker/engine.worker.ts in a Web Worker): load the sandbox, say "ready" (or "fatal"), then answer
 * every request with exactly one reply. The workers only wire this to their platform's message port.
 */
import { run } from "../run";
import { check } from "../check";
import { runFlow } from "../flow/run-flow";
import { migrateAndCompare } from "../migrate/compare";
import { loadSandboxModule } from "../sandbox/module";
import type { RunOptions } from "../run-types";
import { HookNotCalled, type HookTransport } from "../products/onewelcome/answer";
import type { EngineAnswer, EngineReply, EngineRequest, HostAnswer, ToWorker } from "./protocol";

export interface ServeOptions {
  /**
   * How a OneWelcome hook reaches the user's service. By default the worker asks its host (a `hook-call`
   * reply, answered by a `hook-answered` message): the worker has no network, the host decides.
   */
  hookTransport?: HookTransport;
  /** Run an empty script before saying ready, so the first request's time is its own and not the isolate's first compile. */
  warmUp?: boolean;
}

function describeFailure(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** The answer to one request, without its time. */
export async function answerRequest(request: EngineRequest, options: ServeOptions = {}): Promise<EngineAnswer> {
  const withHooks = (base: RunOptions): RunOptions => (options.hookTransport ? { ...base, hookTransport: options.hookTransport } : base);
  switch (request.type) {
    case "run":
      return { type: "result", id: request.id, result: await run(request.script, request.scenario, withHooks(request.evaluator ? { evaluator: request.evaluator } : {})) };
    case "flow":
      return { type: "flowed", id: request.id, flow: await runFlow(request.script, request.scenario, withHooks(request.evaluator ? { evaluator: request.evaluator } : {})) };
    case "check":
      return { type: "checked", id: request.id, outcome: check(request.script, request.evaluator, request.target ?? {}) };
    case "migrate":
      return { type: "migrated", id: request.id, report: await migrateAndCompare(request.script, request.scenario, (s, sc, o) => run(s, sc, withHooks(o))) };
    default:
      // A page and a worker from different builds: say so instead of answering nothing.
      throw new Error(`the engine worker does not know the request "${String((request as { type?: unknown }).type)}"`);
  }
}

/**
 * A hook transport that hands each call to the host and waits for its `hook-answered`; `receive` takes those
 * answers. A call is made for request `current()`, so the host can drop calls of a request it gave up on.
 */
export function hostHookRelay(post: (reply: EngineReply) => void, current: () => number): { transport: HookTransport; receive(answer: HostAnswer): void } {
  const pending = new Map<number, { resolve(answer: HostAnswer): void }>();
  let nextCall = 0;
  return {
    transport: (request) =>
      new Promise<HostAnswer>((resolve) => {
        const callId = ++nextCall;
        pending.set(callId, { resolve });
        post({ type: "hook-call", id: current(), callId, request });
      }).then(({ outcome }) => {
        if (outcome.status === "answered") return outcome.response;
        if (outcome.status === "refused") throw new HookNotCalled(outcome.reason);
        throw new Error(outcome.reason);
      }),
    receive(answer) {
      const call = pending.get(answer.callId);
      pending.delete(answer.callId);
      call?.resolve(answer);
    },
  };
}

/**
 * Starts serving: `post` sends a reply to the supervisor; the returned function takes each message. Requests
 * that arrive while the sandbox loads wait for it, and their time starts when it is loaded.
 */
export function serveEngineRequests(post: (reply: EngineReply) => void, options: ServeOptions = {}): (message: ToWorker) => Promise<void> {
  // One request runs at a time in a worker (the supervisor hands it the next only after the answer).
  let currentId = 0;
  const relay = options.hookTransport ? null : hostHookRelay(post, () => currentId);
  const served: ServeOptions = relay ? { ...options, hookTransport: relay.transport } : options;
  const loaded = loadSandboxModule().then(() => (options.warmUp ? run("", {}) : undefined));
  loaded.then(
    () => post({ type: "ready" }),
    (e: unknown) => post({ type: "fatal", message: e instanceof Error ? e.message : String(e) }),
  );
  return async (request) => {
    if (request.type === "hook-answered") {
      relay?.receive(request);
      return;
    }
    let reply: EngineAnswer;
    let started = performance.now();
    try {
      await loaded;
      post({ type: "started", id: request.id });
      currentId = request.id;
      started = performance.now();
      reply = await answerRequest(request, served);
    } catch (e) {
      reply = { type: "failed", id: request.id, message: describeFailure(e) };
    }
    const ms = performance.now() - started;
    try {
      post({ ...reply, ms });
    } catch (e) {
      // A reply the structured clone cannot carry (too deep, say) still answers, so the request fails alone.
      post({ type: "failed", id: request.id, message: `the reply could not be sent back: ${describeFailure(e)}`, ms });
    }
  };
}
