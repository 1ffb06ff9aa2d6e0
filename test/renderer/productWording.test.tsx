/**
 * The panels speak of the product picked (issue 14): an IBM rule's or a OneWelcome hook's empty panels and Logs
 * hint name that product's server and logging, never AM's logger or AM's endpoint.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { PRODUCT_IDS, run } from "../../engine";
import { IntrospectionPanel, LogsPanel, TokenPanel, TokenResponsePanel } from "../../renderer/components/ResultPanels";
import { PRODUCT_CHOICES, emptyLogsHint } from "../../renderer/state/products";
import { initialPageState } from "../../renderer/state/pageState";
import { pageView } from "../../renderer/state/pageView";
import { findSample } from "../../renderer/samples";

function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, " ");
}

const ibmRule = 'importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtUtils);\nvar x = 1;';
const owHandler = "function handle(request) {\n  return { removeScopes: [], additionalClaims: {} };\n}";

/** Every panel a single run shows, as text. */
async function panelsText(script: string, scenario: Record<string, unknown>, product: "am" | "onewelcome" | "ibm-verify-access"): Promise<string> {
  const shown = { result: await run(script, scenario), stale: false, product };
  return [TokenPanel, TokenResponsePanel, IntrospectionPanel, LogsPanel].map((P) => text(renderToStaticMarkup(<P shown={shown} />))).join(" | ");
}

describe("per-product page facts", () => {
  it("exist for every product of the engine's catalog, in its order", () => {
    expect(PRODUCT_CHOICES.map((p) => p.id)).toEqual([...PRODUCT_IDS]);
  });

  it("give each product's Logs hint its own logging: AM's logger per evaluator, IBM's traceString, the handler's console", () => {
    expect(emptyLogsHint("am", "legacy")).toContain("logger.message(");
    expect(emptyLogsHint("am", "next-gen")).toContain("logger.info(");
    expect(emptyLogsHint("ibm-verify-access", "legacy")).toContain("IDMappingExtUtils.traceString(");
    expect(emptyLogsHint("onewelcome", "legacy")).toContain("console.log(");
  });
});

describe("the panels of an IBM or OneWelcome run", () => {
  it("an IBM rule that logs nothing is told about traceString, and no panel speaks of AM or its logger", async () => {
    const shown = await panelsText(ibmRule, { product: "ibm-verify-access", ibm: { rule: "post-token", requestType: "introspect" } }, "ibm-verify-access");
    expect(shown).toContain("IDMappingExtUtils.traceString(");
    expect(shown).toContain("IBM Verify Access returns no token response for this scenario.");
    expect(shown).toContain("The introspect request");
    expect(shown).not.toMatch(/\bAM\b|logger\.|\/oauth2\//);
  });

  it("a failed IBM rule's token response names the request and IBM, not AM's endpoint", async () => {
    const shown = await panelsText(`${ibmRule}\nnull.boom;`, { product: "ibm-verify-access", ibm: { rule: "post-token" } }, "ibm-verify-access");
    expect(shown).toContain("The access_token request →");
    expect(shown).toContain("the mapping rule failed, so IBM Verify Access fails the access_token request");
    expect(shown).toContain("(the access_token request fails; the client gets this error instead of its answer)");
    expect(shown).not.toMatch(/\bAM\b|\/oauth2\/access_token|logger\./);
  });

  it("a OneWelcome handler's panels name OneWelcome and console logging", async () => {
    const shown = await panelsText(owHandler, { product: "onewelcome" }, "onewelcome");
    expect(shown).toContain("console.log(");
    expect(shown).toContain("POST /oauth/token → 200");
    expect(shown).not.toMatch(/\bAM\b|logger\.|\/oauth2\//);
  });

  it("an IBM rule failing at /authorize names the authorization request, not a token request", async () => {
    const shown = await panelsText(`${ibmRule}\nnull.boom;`, { product: "ibm-verify-access", ibm: { rule: "pre-token", requestType: "authorization" } }, "ibm-verify-access");
    expect(shown).toContain("IBM Verify Access fails the authorization request");
    expect(shown).toContain("(the authorization request fails;");
    expect(shown).not.toMatch(/token request|\bAM\b/);
  });

  it("a OneWelcome hook that removes every scope: the Access service fails the flow, as OneWelcome documents", async () => {
    const removeAll = "function handle(request) {\n  return { removeScopes: request.scopes };\n}";
    const shown = await panelsText(removeAll, { product: "onewelcome" }, "onewelcome");
    expect(shown).toContain("the web hook failed, so OneWelcome fails the authorization or token flow");
    expect(shown).toContain("(the Access service fails the flow: no grant is created and no token issued)");
    expect(shown).toContain("not the status or the error (inferred)");
    expect(shown).not.toMatch(/token request|\bAM\b/);
  });

  it("an AM script's panels still say AM and its logger", async () => {
    const shown = await panelsText("var x = 1;", { token: { grantType: "client_credentials" }, scopes: [] }, "am");
    expect(shown).toContain("logger.message(");
    expect(shown).toContain("POST /oauth2/access_token → 200");
    expect(shown).toContain("POST /oauth2/introspect");
  });
});

describe("the page view", () => {
  it("hands the panels the shown result's product", async () => {
    const sample = findSample("ibm-associations")!;
    const base = initialPageState({ sample, script: sample.script, scenarioText: sample.scenarioText, evaluator: "legacy" });
    const result = await run(sample.script, JSON.parse(sample.scenarioText));
    const view = pageView({ ...base, shown: { id: 1, result, editedAt: 0, context: base.context } });
    expect(view.panels?.product).toBe("ibm-verify-access");
    // An AM result still shown after the scenario was switched to IBM keeps AM's wording.
    const amResult = await run("var x = 1;", {});
    expect(pageView({ ...base, shown: { id: 2, result: amResult, editedAt: 0, context: base.context } }).panels?.product).toBe("am");
    expect(readFileSync(`samples/ibm-associations.case.json`, "utf8")).toContain("ibm-verify-access");
  });
});
