/**
 * An IBM or OneWelcome run carries its product's lint as an AM run carries AM's: what check() warns of the
 * script shows in the run's result too (the app's Warnings panel reads only the run), once.
 */
import { describe, expect, it } from "vitest";
import { check, run, runFlow, type IbmRunResult } from "../../engine";
import type { RunWarning } from "../../engine/result";

const IMPORTS = `importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtUtils);
`;
const at = (warnings: RunWarning[]) => warnings.filter((w) => !w.code.endsWith("-inferred")).map((w) => `${w.code}@${w.line ?? "-"}`);

describe("an IBM run's warnings", () => {
  it("include the mapping-rule lint for the rule's stage, as check() gives it", async () => {
    // Line 3: AM's logger, absent from a classic rule; line 4: state_id read in the pre-token rule.
    const source = `${IMPORTS}logger.message("hi");\nvar s = stsuu.getContextAttributes().getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");`;
    const checked = check(source, "legacy", { product: "ibm-verify-access", ibmRule: "pre-token" });
    expect(codes(checked.warnings)).toEqual(["wrong-product-api", "ibm-state-id-in-pre"]);
    const result = (await run(source, { product: "ibm-verify-access", ibm: { rule: "pre-token" } })) as IbmRunResult;
    for (const w of checked.warnings) expect(result.warnings).toContainEqual(w);
  });

  it("give a clean rule no lint warning", async () => {
    const result = (await run(`${IMPORTS}IDMappingExtUtils.traceString("ok");`, { product: "ibm-verify-access", ibm: { rule: "post-token" } })) as IbmRunResult;
    expect(at(result.warnings)).toEqual([]);
  });

  it("carry the lint once in each step's run of a flow, not in the step's own warnings", async () => {
    const source = `${IMPORTS}var t = accessToken.getScope();`;
    const flow = await runFlow(source, {
      product: "ibm-verify-access",
      ibm: { rule: "post-token" },
      flow: [{ request: "authorize" }, { request: "token", grantType: "authorization_code" }],
    });
    expect(flow.steps).toHaveLength(2);
    for (const step of flow.steps) {
      expect(step.run?.warnings.filter((w) => w.code === "wrong-product-api")).toHaveLength(1);
      expect(step.warnings.filter((w) => w.code === "wrong-product-api")).toEqual([]);
    }
  });
});

describe("a OneWelcome run's warnings", () => {
  it("include the handler's lint: a request field the contract lacks reads undefined", async () => {
    const source = `function handle(request) {\n  var who = request.userId;\n  return { removeScopes: [], additionalClaims: { who: String(who) } };\n}`;
    const result = await run(source, { product: "onewelcome" });
    expect(result.ok).toBe(true);
    expect(at(result.warnings)).toEqual(["onewelcome-request-field@2"]);
  });

  it("include the lint of a failing answer, which says why the contract refused it", async () => {
    const source = `function handle(request) {\n  return { removeScopes: "email" };\n}`;
    const result = await run(source, { product: "onewelcome" });
    expect(result.ok).toBe(false);
    expect(at(result.warnings)).toEqual(["onewelcome-answer@2"]);
  });

  it("with hookUrl lint no file (the service answers), yet warn of incomplete basic credentials", async () => {
    const source = `function handle(request) {\n  return { bogus: request.nothing };\n}`;
    const result = await run(source, {
      product: "onewelcome",
      onewelcome: { hookUrl: "http://127.0.0.1:9", authentication: "basic", username: "hook" },
      timeoutMs: 2000,
    });
    expect(at(result.warnings)).toEqual(["onewelcome-basic-credentials@-"]);
  });
});

function codes(warnings: RunWarning[]): string[] {
  return warnings.map((w) => w.code);
}
