/**
 * A worker has no network: a OneWelcome run with a hookUrl hands the call to its host through the supervisor
 * (a `hook-call` out, a `hook-answered` back), and the host's caller decides. Here the real engine serves in
 * this process behind a port that clones every message, as a worker's port does.
 */
import { describe, expect, it } from "vitest";
import { Supervisor, serveEngineRequests, type EngineReply, type HookCallOutcome, type HookCallRequest, type OneWelcomeRunResult, type ToWorker, type WorkerPort } from "../../engine/index";
import { HookPermissions, pageHookCaller } from "../../renderer/state/hookPermissions";
import type { HookCallRequest as PageHookRequest } from "../../contracts/hook-call";

function inProcessPort(log: string[] = []): WorkerPort {
  const port: WorkerPort = {
    postMessage: (message: ToWorker) => {
      log.push(message.type);
      void answer(structuredClone(message));
    },
    terminate: () => undefined,
    onmessage: null,
    onerror: null,
  };
  const answer = serveEngineRequests((reply: EngineReply) => {
    log.push(reply.type);
    queueMicrotask(() => port.onmessage?.(structuredClone(reply)));
  });
  return port;
}

const scenario = {
  product: "onewelcome",
  client: { clientId: "client" },
  identity: { id: "u1", username: "john", attributes: {} },
  scopes: ["profile", "email"],
  onewelcome: { hookUrl: "http://127.0.0.1:8080" },
};

async function runWith(callHook?: (request: HookCallRequest) => Promise<HookCallOutcome>, log: string[] = []): Promise<OneWelcomeRunResult> {
  const supervisor = new Supervisor(() => inProcessPort(log), callHook ? { callHook } : {});
  try {
    const outcome = await supervisor.submit({ type: "run", script: "// not used", scenario, scriptLimitMs: 1000 }, 1);
    if (outcome.status !== "answered" || outcome.answer.type !== "result") throw new Error(`no result: ${JSON.stringify(outcome)}`);
    return outcome.answer.result as OneWelcomeRunResult;
  } finally {
    await supervisor.close();
  }
}

describe("hook calls go through the host", () => {
  it("the host's caller gets the request the contract describes, and its answer shapes the token", async () => {
    const calls: HookCallRequest[] = [];
    const log: string[] = [];
    const result = await runWith(async (request) => {
      calls.push(request);
      return { status: "answered", response: { status: 200, headers: {}, body: { removeScopes: ["email"], additionalClaims: { from: "host" } } } };
    }, log);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: "POST", url: "http://127.0.0.1:8080/v1/customize-access-token", timeoutMs: 1000, body: { scopes: ["profile", "email"] } });
    expect(log).toEqual(expect.arrayContaining(["run", "started", "hook-call", "hook-answered", "result"]));
    expect(result.ok).toBe(true);
    expect(result.hook.source).toBe("service");
    expect(result.jwt?.claims).toMatchObject({ scope: "profile", from: "host" });
  });

  it("a refusal says the service was not called, and why; a failure says it did not answer", async () => {
    const refused = await runWith(async () => ({ status: "refused", reason: "you said no" }));
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toBe("The hook service at http://127.0.0.1:8080/v1/customize-access-token was not called: you said no");
    const failed = await runWith(async () => ({ status: "failed", reason: "it took longer than 1000 ms (the scenario's timeoutMs)" }));
    expect(failed.error?.message).toBe("The hook service at http://127.0.0.1:8080/v1/customize-access-token did not answer: it took longer than 1000 ms (the scenario's timeoutMs)");
  });

  it("a host that gives no caller refuses every call, and a caller that throws counts as no answer", async () => {
    expect((await runWith()).error?.message).toBe("The hook service at http://127.0.0.1:8080/v1/customize-access-token was not called: this host does not call hook services");
    const thrown = await runWith(async () => {
      throw new Error("boom");
    });
    expect(thrown.error?.message).toBe("The hook service at http://127.0.0.1:8080/v1/customize-access-token did not answer: boom");
  });
});

describe("the page asks before a new address", () => {
  const answered: HookCallOutcome = { status: "answered", response: { status: 200, headers: {}, body: {} } };

  it("asks once about an address, sends nothing until allowed, then sends every call there", async () => {
    const permissions = new HookPermissions();
    const sent: string[] = [];
    const call = pageHookCaller(permissions, async (request) => (sent.push(request.url), answered));
    const request: PageHookRequest = { method: "POST", url: "http://127.0.0.1:8080/v1/customize-access-token", headers: {}, body: {}, timeoutMs: 1000 };
    const seen: (string | null)[] = [];
    permissions.subscribe(() => seen.push(permissions.question()?.address ?? null));

    const first = await call(request);
    expect(first.status).toBe("refused");
    expect(first.status === "refused" && first.reason).toContain("asks before it calls 127.0.0.1:8080 for the first time");
    await call(request);
    expect(seen).toEqual(["127.0.0.1:8080"]);
    expect(permissions.question()).toEqual({ address: "127.0.0.1:8080", url: request.url });
    expect(sent).toEqual([]);

    permissions.decide("127.0.0.1:8080", "allowed");
    expect(permissions.question()).toBeNull();
    expect(await call(request)).toBe(answered);
    expect(await call({ ...request, url: "http://127.0.0.1:8080/other" })).toBe(answered);
    expect(sent).toHaveLength(2);
  });

  it("a refused address stays refused in this window, and another address is asked about on its own", async () => {
    const permissions = new HookPermissions();
    const call = pageHookCaller(permissions, async () => answered);
    const at = (url: string): PageHookRequest => ({ method: "POST", url, headers: {}, body: {}, timeoutMs: 1000 });
    await call(at("http://127.0.0.1:8080/"));
    permissions.decide("127.0.0.1:8080", "refused");
    const again = await call(at("http://127.0.0.1:8080/"));
    expect(again.status === "refused" && again.reason).toBe(
      "you chose not to let this window call 127.0.0.1:8080; it will not ask again (a new window asks afresh). Remove onewelcome.hookUrl to answer from the script under edit",
    );
    await call(at("http://localhost:9000/"));
    expect(permissions.question()?.address).toBe("localhost:9000");
  });

  it("a host that rejects the request (the desktop's main refusing its shape) counts as not called, with main's words", async () => {
    const permissions = new HookPermissions();
    permissions.decide("127.0.0.1:8080", "allowed");
    const outcome = await pageHookCaller(permissions, async () => {
      throw new Error("Invalid hook request headers.a: expected a string.");
    })({ method: "POST", url: "http://127.0.0.1:8080/v1/customize-access-token", headers: {}, body: {}, timeoutMs: 1000 });
    expect(outcome).toEqual({ status: "refused", reason: "Invalid hook request headers.a: expected a string." });
  });

  it("an address off this machine is refused without a question", async () => {
    const permissions = new HookPermissions();
    const outcome = await pageHookCaller(permissions, async () => answered)({ method: "POST", url: "https://hooks.example.com/v1", headers: {}, body: {}, timeoutMs: 1000 });
    expect(outcome).toEqual({ status: "refused", reason: "hooks.example.com is not on this machine: the playground only calls hook services on 127.0.0.1 (or localhost)" });
    expect(permissions.question()).toBeNull();
  });
});
