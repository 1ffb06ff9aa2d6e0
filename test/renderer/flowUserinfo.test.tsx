/**
 * IBM's /userinfo step in the app (issue 14): the flow editor offers it exactly where the engine accepts it, and
 * the timeline shows the step with its status and what the rule changed in the STSUU there.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { PRODUCT_IDS, runFlow } from "../../engine";
import { flowRequestsFor, newStep, withFlow, withRequest, readFlow } from "../../renderer/state/flowForm";
import { FlowEditor } from "../../renderer/components/FlowEditor";
import { FlowTimeline } from "../../renderer/components/FlowTimeline";
import { stepLabel, stepWarnings } from "../../renderer/state/flowResult";

function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/\s+/g, " ");
}

/** The request kinds step 1's select offers (enabled options only). */
function offeredIn(html: string): string[] {
  const select = /<select aria-label="Step 1 request"[^>]*>(.*?)<\/select>/.exec(html)?.[1] ?? "";
  return [...select.matchAll(/<option value="([^"]+)"(?! disabled)[^>]*>/g)].map((m) => m[1]!);
}

const editor = (doc: Record<string, unknown>) => renderToStaticMarkup(<FlowEditor doc={doc} onChange={() => {}} />);

describe("the flow editor's userinfo step", () => {
  it("is offered for IBM Verify Access only, as the engine accepts it for that product only", async () => {
    const offering = Object.fromEntries(PRODUCT_IDS.map((p) => [p, flowRequestsFor(p).includes("userinfo")]));
    expect(offering).toEqual({ am: false, onewelcome: false, "ibm-verify-access": true });
    // What the engine says of a userinfo step, product by product: the editor's offer must agree.
    for (const product of PRODUCT_IDS) {
      const flow = await runFlow("", { product, flow: [{ request: "token", grantType: "password" }, { request: "userinfo" }] }).then(
        (r) => ({ refused: false, r }),
        (e: unknown) => ({ refused: true, r: e }),
      );
      expect(!flow.refused, product).toBe(offering[product]);
      if (flow.refused) expect(String(flow.r), product).toContain("userinfo");
    }
  });

  it("shows in the step select of an IBM scenario and not of an AM or OneWelcome one", () => {
    const flow = [{ request: "token", grantType: "password" }];
    expect(offeredIn(editor({ product: "ibm-verify-access", flow }))).toEqual(["authorize", "token", "introspect", "revoke", "userinfo"]);
    expect(offeredIn(editor({ product: "am", flow }))).toEqual(["authorize", "token", "introspect", "revoke"]);
    expect(offeredIn(editor({ flow }))).toEqual(["authorize", "token", "introspect", "revoke"]);
    expect(offeredIn(editor({ product: "onewelcome", flow }))).toEqual(["authorize", "token", "introspect", "revoke"]);
  });

  it("a userinfo step left in an AM scenario shows as userinfo, marked as refused, not as a token step", () => {
    const html = editor({ product: "am", flow: [{ request: "userinfo" }] });
    expect(html).toMatch(/<option value="userinfo" disabled="" selected="">userinfo \(not for this product\)<\/option>/);
    expect(html).not.toContain('aria-label="Step 1 grant type"');
    expect(text(html)).toContain("does not run at /userinfo");
  });

  it("switching a step to userinfo keeps only its wait, and the IBM scenario stays valid", async () => {
    expect(newStep("userinfo")).toEqual({ request: "userinfo" });
    const step = withRequest({ request: "token", grantType: "refresh_token", scopes: ["openid"], after: 30 }, "userinfo");
    expect(step).toEqual({ request: "userinfo", after: 30 });
    const doc = withFlow({ product: "ibm-verify-access", ibm: { rule: "post-token" } }, [{ request: "token", grantType: "password" }, step]);
    const result = await runFlow("", doc);
    expect(result.steps.map(stepLabel)).toEqual(["token · password", "userinfo"]);
    expect(readFlow(doc)[1]).toEqual(step);
  });
});

describe("the timeline's userinfo step", () => {
  it("shows its status and what the rule added to the STSUU there (the saved claims)", async () => {
    const { script, expect: _expect, ...scenario } = JSON.parse(readFileSync("samples/ibm-userinfo-flow.case.json", "utf8")) as Record<string, unknown>;
    const flow = await runFlow(readFileSync(`samples/${String(script)}`, "utf8"), scenario);
    const html = renderToStaticMarkup(<FlowTimeline flow={flow} selected={2} onSelect={() => {}} />);
    expect(html).toMatch(/data-testid="flow-step-2" data-status="200"/);
    expect(html).toMatch(/data-testid="flow-step-6" data-status="401"/);
    expect(text(html)).toContain("userinfo");
    const changes = /data-testid="flow-changes">(.*?)<\/p>/.exec(html)?.[1] ?? "";
    expect(text(changes)).toMatch(/The post-token rule changed in the STSUU: added context email, context groups/);
    // At the refused /userinfo (revoked grant) the rule never ran: the detail says so instead of listing changes.
    const refused = renderToStaticMarkup(<FlowTimeline flow={flow} selected={6} onSelect={() => {}} />);
    expect(text(/data-testid="flow-changes">(.*?)<\/p>/.exec(refused)?.[1] ?? "")).toBe("The rule under edit did not run at this request.");
  });
});

describe("an IBM step's warnings", () => {
  it("show each warning once, the rule's lint included (IBM's step warnings repeat its run's)", async () => {
    // Line 4: AM's binding in a rule (the lint's); line 5: a value over IBM's 256-character limit (the run's).
    const rule = [
      "importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.OAuthMappingExtUtils);",
      'var st = stsuu.getContextAttributes().getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");',
      "var am = typeof accessToken;",
      "if (false) accessToken.getScope();",
      'OAuthMappingExtUtils.associate(st, "big", new Array(300).join("x"));',
    ].join("\n");
    const flow = await runFlow(rule, { product: "ibm-verify-access", ibm: { rule: "post-token" }, flow: [{ request: "token", grantType: "password" }, { request: "userinfo" }] });
    for (const step of flow.steps) {
      const shown = stepWarnings(step).map((w) => `${w.code}@${w.line ?? "-"}:${w.message}`);
      expect(new Set(shown).size).toBe(shown.length);
      expect(shown.filter((w) => w.startsWith("wrong-product-api@"))).toHaveLength(1);
      expect(shown.filter((w) => w.startsWith("ibm-association-limit@5"))).toHaveLength(1);
    }
  });
});
