/**
 * The workers' one request handler (engine/supervisor/serve.ts), in this process with the real engine: it
 * says ready once the sandbox is loaded, then says "started" as it begins each request and answers each kind of
 * request of the protocol with exactly one reply of its id and the time the request took, and an engine
 * exception becomes a `failed` reply.
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

/** The replies that answer a request (not "ready", not "started"). */
const answers = (replies: EngineReply[]) => replies.filter((r) => r.type !== "ready" && r.type !== "started");

const SCRIPT = 'accessToken.setField("seen", "yes");';

describe("the workers' request handler", () => {
  it("says ready, then begins and answers run, check, flow and migrate, each once, under its own id and with its time", async () => {
    const { replies, answer } = served();
    const requests: EngineRequest[] = [
      { type: "run", id: 1, script: SCRIPT, scenario: {}, evaluator: "legacy" },
      { type: "check", id: -1, script: "var x = ;", evaluator: "legacy" },
      { type: "flow", id: 2, script: SCRIPT, scenario: { flow: [{ request: "token", grantType: "client_credentials" }] } },
      { type: "migrate", id: 3, script: SCRIPT, scenario: {} },
    ];
    await Promise.all(requests.map((r) => answer(r)));
    expect(replies[0]).toEqual({ type: "ready" });
    const byId = new Map(answers(replies).map((r) => ["id" in r ? r.id : NaN, r]));
    expect(answers(replies)).toHaveLength(4);
    // Each request is begun ("started", which starts its watchdog clock) before it is answered.
    for (const request of requests) {
      const startedAt = replies.findIndex((r) => r.type === "started" && r.id === request.id);
      const answeredAt = replies.findIndex((r) => r.type !== "started" && "id" in r && r.id === request.id);
      expect(startedAt, `request ${request.id}`).toBeGreaterThan(0);
      expect(answeredAt).toBeGreaterThan(startedAt);
    }

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
    for (const reply of answers(replies)) expect((reply as { ms: number }).ms).toBeGreaterThanOrEqual(0);
  });

  it("an engine exception is a failed reply naming the error, and the handler goes on answering", async () => {
    const { replies, answer } = served();
    // A request of no kind the protocol knows is what a newer page talking to an older worker would send.
    await answer({ type: "explode", id: 9 } as unknown as EngineRequest);
    await answer({ type: "run", id: 10, script: SCRIPT, scenario: {} });
    const failed = answers(replies).find((r) => "id" in r && r.id === 9);
    expect(failed).toMatchObject({ type: "failed", id: 9, message: 'Error: the engine worker does not know the request "explode"' });
    expect(answers(replies).find((r) => "id" in r && r.id === 10)).toMatchObject({ type: "result", id: 10 });
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
    expect(answers(replies).find((r) => "id" in r && r.id === 1)).toMatchObject({ type: "failed", message: expect.stringMatching(/^the reply could not be sent back: DataCloneError: could not be cloned$/) });
    expect(answers(replies).find((r) => "id" in r && r.id === 2)).toMatchObject({ type: "result" });
  });
});
