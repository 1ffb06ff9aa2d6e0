import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { checkFlowExpectation, runFlow, validateScenario } from "../../engine";
import { testCaseFrom } from "../../renderer/state/testCase";
import { EngineClient } from "../../renderer/engine-client/engineClient";
import { flowRunResult, flowStepCount, isFlowResult, stepLabel, stepRunResult } from "../../renderer/state/flowResult";
import { addStep, moveStep, parseAfter, readFlow, removeStep, setStepKey, withFlow, withRequest } from "../../renderer/state/flowForm";
import { defaultStep } from "../../renderer/components/FlowTimeline";
import { productOfScenario } from "../../renderer/state/products";
import { allSamples } from "../../renderer/samples";
import { FakeWorker } from "./fake-worker";

function caseOf(name: string): { script: string; scenario: Record<string, unknown> } {
  const { script, expect: _expect, ...scenario } = JSON.parse(readFileSync(`samples/${name}.case.json`, "utf8")) as Record<string, unknown>;
  return { script: readFileSync(`samples/${script as string}`, "utf8"), scenario };
}

describe("a flow's result in the panels", () => {
  it("each step shows what AM answered there: the code exchange's run, an introspection's body, a refresh token's introspection", async () => {
    const { script, scenario } = caseOf("seed-legacy-flow");
    const flow = await runFlow(script, scenario);
    const carried = flowRunResult(flow, "legacy");
    expect(isFlowResult(carried)).toBe(true);
    expect(carried.ok).toBe(true);
    expect(carried.tokenResponse).toEqual(flow.steps[3]!.run!.tokenResponse); // the last issuance
    expect(flow.steps.map(stepLabel)).toEqual([
      "authorize",
      "token · authorization_code",
      "introspect · access_token",
      "token · refresh_token",
      "introspect · access_token",
      "introspect · refresh_token",
      "introspect · previous_refresh_token",
    ]);
    const authorize = stepRunResult(flow.steps[0]!, "legacy");
    expect(authorize.tokenResponse).toEqual(flow.steps[0]!.body);
    expect(authorize.token).toBeNull();
    const exchange = stepRunResult(flow.steps[1]!, "legacy");
    expect(exchange.tokenResponse?.hello).toBe("world");
    const refreshIntrospection = stepRunResult(flow.steps[5]!, "legacy");
    expect(refreshIntrospection.introspection?.token_type).toBe("refresh_token");
    expect(refreshIntrospection.tokenResponse).toBeNull();
    expect(stepRunResult(flow.steps[6]!, "legacy").introspection).toEqual({ active: false });
    expect(defaultStep(flow)).toBe(6);
  });

  it("a refused request shows AM's error body as the failure, and the timeline opens on it", async () => {
    const { script, scenario } = caseOf("seed-legacy-flow");
    // The refresh token is revoked before the refresh: AM refuses it.
    scenario.flow = [
      { request: "authorize", responseType: "code" },
      { request: "token", grantType: "authorization_code" },
      { request: "revoke", token: "refresh_token" },
      { request: "token", grantType: "refresh_token" },
    ];
    const flow = await runFlow(script, scenario);
    const refused = flow.steps.findIndex((s) => s.status >= 400);
    expect(refused).toBe(3);
    expect(defaultStep(flow)).toBe(3);
    const shown = stepRunResult(flow.steps[3]!, "legacy");
    expect(shown.ok).toBe(false);
    expect(shown.failure?.status).toBe(flow.steps[3]!.status);
    expect(shown.failure?.body.error).toBe("invalid_grant");
  });

  it("the refresh step carries the claim-lost warning into the warnings panel", async () => {
    const { script, scenario } = caseOf("session-claim-on-refresh");
    const flow = await runFlow(script, scenario);
    expect(stepRunResult(flow.steps[2]!, "legacy").warnings.map((w) => w.code)).toContain("claim-lost-on-refresh");
  });
});

describe("the flow editor's edits", () => {
  const doc = { scopes: ["access"], flow: [{ request: "authorize", responseType: "code" }, { request: "token", grantType: "authorization_code" }] };

  it("add, remove, move and set keys write a flow the engine accepts", () => {
    let flow = readFlow(doc);
    flow = addStep(flow);
    expect(flow[2]).toEqual({ request: "introspect", token: "access_token" });
    flow = setStepKey(flow, 2, "after", 60);
    flow = flow.map((s, i) => (i === 2 ? withRequest(s, "revoke") : s));
    expect(flow[2]).toEqual({ request: "revoke", token: "refresh_token", after: 60 });
    flow = flow.map((s, i) => (i === 1 ? withRequest(s, "introspect") : s));
    expect(flow[1]).toEqual({ request: "introspect", token: "access_token" });
    flow = moveStep(flow, 2, -1);
    expect(flow.map((s) => s.request)).toEqual(["authorize", "revoke", "introspect"]);
    expect(moveStep(flow, 0, -1)).toBe(flow);
    flow = setStepKey(flow, 0, "scopes", ["access", "profile"]);
    flow = setStepKey(flow, 0, "scopes", undefined);
    expect(flow[0]).toEqual({ request: "authorize", responseType: "code" });
    const next = withFlow(doc, flow);
    expect(validateScenario(next).ok).toBe(true);
    expect(withFlow(doc, removeStep(removeStep(removeStep(flow, 0), 0), 0))).toEqual({ scopes: ["access"] });
  });

  it("switching a token step to another grant keeps its scopes; to authorize it drops grantType", () => {
    const step = { request: "token", grantType: "refresh_token", scopes: ["a"], after: 5 };
    expect(withRequest(step, "authorize")).toEqual({ request: "authorize", responseType: "code", scopes: ["a"], after: 5 });
    expect(withRequest(step, "token")).toBe(step);
  });

  it("reads `after` as seconds ≥ 0", () => {
    expect(parseAfter("")).toBeUndefined();
    expect(parseAfter("90")).toBe(90);
    expect(parseAfter("1.5")).toBe(1.5);
    expect(parseAfter("-1")).toBeNull();
    expect(parseAfter("soon")).toBeNull();
  });
});

describe("product and samples", () => {
  it("the product comes from the scenario, AM by default", () => {
    expect(productOfScenario({})).toBe("am");
    expect(productOfScenario({ product: "onewelcome" })).toBe("onewelcome");
    expect(productOfScenario({ product: "nonsense" })).toBe("am");
  });

  it("the sample picker has the flow and product cases, each with the script its case names", () => {
    const byId = new Map(allSamples().map((s) => [s.id, s]));
    for (const id of ["seed-legacy-flow", "session-claim-on-refresh", "client-credentials", "onewelcome-mockserver", "onewelcome-subscriptions", "ibm-state-sharing-flow", "ibm-public-client-introspect", "ibm-userinfo-saved-claims"]) {
      expect(byId.has(id), id).toBe(true);
    }
    expect(byId.get("seed-legacy-flow")!.script).toBe(readFileSync("samples/seed-legacy.js", "utf8"));
    expect(JSON.parse(byId.get("seed-legacy-flow")!.scenarioText).flow).toHaveLength(7);
    expect(byId.get("onewelcome-mockserver")!.script).toBe(readFileSync("samples/onewelcome-mockserver.json", "utf8"));
    expect(byId.get("seed-legacy")!.scenarioText).not.toContain('"flow"');
  });
});


describe("the watchdog over a flow", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("allows every step its time limit (steps × timeoutMs + margin) before it stops the worker", async () => {
    const worker = new FakeWorker();
    const client = new EngineClient(() => worker, { watchdogMarginMs: 1000, coldStartMs: 0 });
    const scenario = { flow: [{ request: "authorize" }, { request: "token", grantType: "authorization_code" }, { request: "token", grantType: "refresh_token" }] };
    expect(flowStepCount(scenario)).toBe(3);
    const pending = client.run({ script: "", scenario, evaluator: "legacy", timeoutMs: 1000 });
    vi.advanceTimersByTime(3999);
    expect(worker.terminated).toBe(false);
    // The deadline, and the one event-loop turn the watchdog waits for an answer already sent.
    vi.advanceTimersByTime(1 + 1);
    const answer = await pending;
    expect(worker.terminated).toBe(true);
    expect(answer.superseded === false && answer.result.error?.kind).toBe("timeout");
  });

  it("a scenario without a flow keeps the single run's limit", () => {
    expect(flowStepCount({})).toBe(1);
    expect(flowStepCount({ flow: [] })).toBe(1);
  });
});

describe("Save as test case from a flow", () => {
  it("writes each step's request, status and what the script decided; the case passes against the same flow and fails when the script changes", async () => {
    const { script, scenario } = caseOf("session-claim-on-refresh");
    const result = flowRunResult(await runFlow(script, scenario), "legacy");
    const file = testCaseFrom(scenario, "session-claim-on-refresh.js", result);
    const expectation = (JSON.parse(file.text) as { expect: Record<string, unknown> }).expect;
    const steps = expectation.steps as Record<string, unknown>[];
    expect(steps).toHaveLength(4);
    expect(steps[0]).toEqual({ request: "authorize", status: 302 });
    expect(steps[2]).toMatchObject({ request: "token", grantType: "refresh_token", status: 200, warnings: [{ code: "claim-lost-on-refresh" }] });
    expect(steps[3]).toEqual({ request: "introspect", status: 200, body: { active: true, token_type: "Bearer" } });
    expect(checkFlowExpectation(expectation, result.flow)).toEqual([]);
    const changed = await runFlow("accessToken.setField('login_host', 'fixed');", scenario);
    expect(checkFlowExpectation(expectation, changed).length).toBeGreaterThan(0);
  });
});
