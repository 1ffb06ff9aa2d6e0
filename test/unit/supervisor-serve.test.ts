/**
 * The workers' one request handler (engine/supervisor/serve.ts), in this process with the real engine: it
 * says ready once the sandbox is loaded, then answers each kind of request of the protocol with exactly one
 * reply of its id and the time the request took, and an engine exception becomes a `failed` reply.
 */
import { describe, expect, it } from "vitest";
import { serveEngineRequests, type EngineReply, type EngineRequest } from "../../engine/index";

/** A handler whose replies go through the structured clone, as a worker's port carries them. */
function served(post: (reply: EngineReply) => void = () => {}) {
  const replies: EngineReply[] = [];
  const answer = serveEngineRequests((reply) => {
    post(reply);
    replies.push(structuredClone(reply));
  });
  return { replies, answer };
}

const SCRIPT = 'accessToken.setField("seen", "yes");';

describe("the workers' request handler", () => {
  it("says ready, then answers run, check, flow and migrate, each once, under its own id and with its time", async () => {
    const { replies, answer } = served();
    const requests: EngineRequest[] = [
      { type: "run", id: 1, script: SCRIPT, scenario: {}, evaluator: "legacy" },
      { type: "check", id: -1, script: "var x = ;", evaluator: "legacy" },
      { type: "flow", id: 2, script: SCRIPT, scenario: { flow: [{ request: "token", grantType: "client_credentials" }] } },
      { type: "migrate", id: 3, script: SCRIPT, scenario: {} },
    ];
    await Promise.all(requests.map((r) => answer(r)));
    expect(replies[0]).toEqual({ type: "ready" });
    const byId = new Map(replies.slice(1).map((r) => ["id" in r ? r.id : NaN, r]));
    expect(replies).toHaveLength(5);

    const ran = byId.get(1);
    expect(ran?.type === "result" && ran.result.introspection).toMatchObject({ seen: "yes" });
    const checked = byId.get(-1);
    expect(checked?.type === "checked" && checked.outcome.ok).toBe(false);
    expect(checked?.type === "checked" && checked.outcome.error?.kind).toBe("syntax");
    const flowed = byId.get(2);
    expect(flowed?.type === "flowed" && flowed.flow.steps.map((s) => s.request)).toEqual(["token"]);
    expect(flowed?.type === "flowed" && flowed.flow.steps[0].run?.introspection).toMatchObject({ seen: "yes" });
    const migrated = byId.get(3);
    expect(migrated?.type === "migrated" && migrated.report.equivalent).toBe(true);
    for (const reply of replies.slice(1)) expect((reply as { ms: number }).ms).toBeGreaterThanOrEqual(0);
  });

  it("an engine exception is a failed reply naming the error, and the handler goes on answering", async () => {
    const { replies, answer } = served();
    // A request of no kind the protocol knows is what a newer page talking to an older worker would send.
    await answer({ type: "explode", id: 9 } as unknown as EngineRequest);
    await answer({ type: "run", id: 10, script: SCRIPT, scenario: {} });
    const failed = replies.find((r) => "id" in r && r.id === 9);
    expect(failed).toMatchObject({ type: "failed", id: 9, message: 'Error: the engine worker does not know the request "explode"' });
    expect(replies.find((r) => "id" in r && r.id === 10)).toMatchObject({ type: "result", id: 10 });
  });

  it("a reply that cannot be carried back still answers, as a failure of that request alone", async () => {
    let refused = false;
    const { replies, answer } = served((reply) => {
      if (reply.type === "result" && !refused) {
        refused = true;
        throw new DOMException("could not be cloned", "DataCloneError");
      }
    });
    await answer({ type: "run", id: 1, script: SCRIPT, scenario: {} });
    await answer({ type: "run", id: 2, script: SCRIPT, scenario: {} });
    expect(replies.find((r) => "id" in r && r.id === 1)).toMatchObject({ type: "failed", message: expect.stringMatching(/^the reply could not be sent back: DataCloneError: could not be cloned$/) });
    expect(replies.find((r) => "id" in r && r.id === 2)).toMatchObject({ type: "result" });
  });
});
