/**
 * The product/evaluator registry (issue 12): run() and check() choose what runs a script from a registry, the
 * shipped one lists exactly the catalog's products and evaluators, and a registry built in a test runs its own
 * product through the same entry points without touching the shipped list (engine/README.md, "Adding an
 * evaluator or product").
 */
import { describe, expect, it } from "vitest";
import {
  EVALUATORS,
  EVALUATOR_IDS,
  PRODUCTS,
  PRODUCT_IDS,
  SHIPPED_REGISTRY,
  DEFAULT_EVALUATOR,
  check,
  checkTargetOf,
  createRegistry,
  emptyRunResult,
  evaluatorPageFacts,
  productOfResult,
  productOfScenario,
  run,
  runFlow,
  scenarioJsonSchema,
  scriptDeclarations,
  type ProductDefinition,
  type RunWarning,
} from "../../engine";
import { DEFAULT_LIMITS, runInSandbox } from "../../engine/sandbox/sandbox";
import { amEvaluator } from "../../engine/products/am/evaluator";
import { amLegacy } from "../../engine/products/am/legacy";
import { legacyBindings } from "../../engine/evaluators/legacy/bindings";
import { tokenFields } from "../../engine/token/project";
import { amLintOf } from "../../engine/products/am/lint";
import { AM_LINT_PROFILES } from "../../engine/products/am/lint-profiles";

const lintOf = (source: string, evaluator: "legacy" | "next-gen") => amLintOf(source, AM_LINT_PROFILES[evaluator]);
import { BINDING_DECLARATIONS } from "../../engine/bindings/declarations";
import { IBM_DECLARATIONS } from "../../engine/products/ibm/declarations";
import { ONEWELCOME_DECLARATIONS } from "../../engine/products/onewelcome/declarations";
import { settingsSchema } from "../../contracts/validation";
import { COMMANDS } from "../../contracts/commands";
import { COMMANDS as CLI_COMMANDS, commandHelp, evaluatorFlag } from "../../cli/args";

/** A product of its own: plain JavaScript (no Rhino profile), its own syntax rule, lint and declarations. */
function tinyLint(script: string): RunWarning[] {
  return script.split("\n").flatMap((text, i) => (text.includes("TODO") ? [{ code: "tiny-todo", message: "A TODO is left in the hook.", line: i + 1 }] : []));
}

const tinyHook: ProductDefinition = {
  product: "tiny-hook",
  label: "Tiny hook",
  syntax: (script) => {
    const line = script.split("\n").findIndex((text) => /\bwith\s*\(/.test(text));
    return line < 0 ? null : { error: { kind: "syntax", message: "Tiny hooks may not use with", line: line + 1 }, warnings: [] };
  },
  lint: tinyLint,
  declarations: "declare const claims: Record<string, string>;",
  run: async (script, scenario, context) => {
    const outcome = await runInSandbox({
      source: script,
      globals: { claims: { sub: scenario.identity.id } },
      clockMs: Date.parse(scenario.clock),
      seed: scenario.seed,
      limits: DEFAULT_LIMITS,
      hidden: [],
      now: context.now,
    });
    const result = emptyRunResult(context.evaluator, outcome.error);
    if (!outcome.error) result.tokenResponse = { access_token: "tiny", token_type: "Bearer" };
    result.warnings = tinyLint(script);
    return result;
  },
};

/**
 * The tiny product answers a flow its own way: only token requests, each running the hook again with the step's
 * grant type as a claim; every other request is refused with 400 (its own rule, not AM's).
 */
const tinyFlowHook: ProductDefinition = {
  ...tinyHook,
  product: "tiny-flow-hook",
  label: "Tiny flow hook",
  runFlow: async (script, scenario, flow, options) => {
    const steps = [];
    for (const step of flow) {
      if (step.request !== "token") {
        steps.push({ request: step.request, at: scenario.clock, status: 400, body: { error: "tiny_unsupported" }, bodyDoubles: [], run: null, notes: [], warnings: [] });
        continue;
      }
      const outcome = await runInSandbox({
        source: script,
        globals: { claims: { sub: scenario.identity.id, grant: step.grantType } },
        clockMs: Date.parse(scenario.clock),
        seed: scenario.seed,
        limits: DEFAULT_LIMITS,
        hidden: [],
        now: options.now ?? (() => performance.now()),
      });
      const result = emptyRunResult(scenario.evaluator, outcome.error);
      steps.push({ request: step.request, grantType: step.grantType, at: scenario.clock, status: outcome.error ? 500 : 200, body: outcome.error ? {} : { access_token: `tiny-${step.grantType}` }, bodyDoubles: [], run: result, notes: [], warnings: [] });
    }
    return { ok: steps.every((s) => s.run === null || s.run.ok), steps };
  },
};

const testRegistry = createRegistry([amLegacy, tinyHook, tinyFlowHook]);

describe("the shipped registry", () => {
  it("has one definition per catalog product, and one per evaluator for the product that has evaluators", () => {
    const listed = SHIPPED_REGISTRY.definitions.map((d) => `${d.product}${d.evaluator ? `/${d.evaluator}` : ""}`).sort();
    const expected = PRODUCTS.flatMap((p) => (p.hasEvaluators ? EVALUATORS.map((e) => `${p.id}/${e.id}`) : [p.id])).sort();
    expect(listed).toEqual(expected);
    for (const d of SHIPPED_REGISTRY.definitions) {
      const label = d.evaluator ? EVALUATORS.find((e) => e.id === d.evaluator)?.label : PRODUCTS.find((p) => p.id === d.product)?.label;
      expect(d.label, `${d.product}/${d.evaluator}`).toBe(label);
    }
  });

  it("is what the scenario schema offers: its enums are the catalog's ids, the defaults its first", () => {
    const properties = (scenarioJsonSchema() as { properties: Record<string, { enum?: string[]; default?: string }> }).properties;
    expect(properties.evaluator).toMatchObject({ enum: EVALUATOR_IDS, default: "legacy" });
    expect(properties.product).toMatchObject({ enum: PRODUCT_IDS, default: "am" });
  });

  it("chooses AM's pipeline by the evaluator and the other products' whatever the evaluator", () => {
    expect(SHIPPED_REGISTRY.forRun("am", "next-gen").evaluator).toBe("next-gen");
    expect(SHIPPED_REGISTRY.forRun("am", "legacy").evaluator).toBe("legacy");
    expect(SHIPPED_REGISTRY.forRun("onewelcome", "next-gen").product).toBe("onewelcome");
    expect(SHIPPED_REGISTRY.forRun("ibm-verify-access", "legacy").product).toBe("ibm-verify-access");
  });

  it("gives each AM evaluator its own declarations and lint, and each product its own", () => {
    expect(SHIPPED_REGISTRY.forCheck("next-gen").declarations).toBe(BINDING_DECLARATIONS["next-gen"]);
    expect(SHIPPED_REGISTRY.forCheck("legacy").declarations).toBe(BINDING_DECLARATIONS.legacy);
    expect(SHIPPED_REGISTRY.forCheck(undefined).evaluator).toBe("legacy");
    // IBM and OneWelcome bring their own declarations and checks, chosen by the product.
    expect(SHIPPED_REGISTRY.forCheck("ibm-verify-access").declarations).toBe(IBM_DECLARATIONS);
    expect(SHIPPED_REGISTRY.forCheck({ product: "onewelcome", evaluator: "legacy" }).declarations).toBe(ONEWELCOME_DECLARATIONS);
    expect(check("IDMappingExtUtils.traceString('x');", "legacy", { product: "ibm-verify-access" }).warnings.map((w) => w.message).join(" ")).toMatch(/never imported/);
    // The next-generation lint flags legacy API; the legacy one does not.
    const script = 'logger.message("x");';
    expect(check(script, "next-gen").warnings.map((w) => w.code)).toContain("wrong-evaluator-api");
    expect(check(script, "legacy").warnings.map((w) => w.code)).not.toContain("wrong-evaluator-api");
    // OneWelcome's own check: an AM script is no hook handler.
    expect(check(script, "onewelcome").error?.message).toMatch(/must define function handle\(request\)/);
  });

  it("names what it has when asked for what it has not", () => {
    expect(() => SHIPPED_REGISTRY.forRun("okta", "legacy")).toThrow('Nothing runs product "okta" with evaluator "legacy": this registry has product "am" with evaluator "legacy"');
    expect(() => check("x", "groovy")).toThrow(/Nothing checks "groovy": this registry knows "am", "legacy", "next-gen", "onewelcome", "ibm-verify-access"/);
    expect(() => createRegistry([tinyHook, tinyHook])).toThrow('The registry lists product "tiny-hook" twice.');
  });

  it("is the desktop shell's list too: the settings take its evaluators and the menu has one command for each", () => {
    // Both read contracts/catalog.ts, as the engine does: a name is spelled once.
    for (const id of EVALUATOR_IDS) expect(settingsSchema.shape.defaultEvaluator.safeParse(id).success, id).toBe(true);
    expect(settingsSchema.shape.defaultEvaluator.safeParse("nextgen").error?.issues[0]?.message).toBe('unexpected value "nextgen"');
    const menu = COMMANDS.filter((c) => c.id.startsWith("run.evaluator"));
    expect(menu.map((c) => [c.id, c.label, "accelerator" in c ? c.accelerator : undefined])).toEqual([
      ["run.evaluator.legacy", "Legacy Evaluator (1.0)", "CmdOrCtrl+Alt+1"],
      ["run.evaluator.next-gen", "Next-Generation Evaluator (2.0)", "CmdOrCtrl+Alt+2"],
    ]);
  });
});

describe("the page's contract (engine/products/page-contract.ts, what the page decides of a product)", () => {
  it("offers the editor the declarations check() uses, one file per product and AM evaluator", () => {
    const files = SHIPPED_REGISTRY.definitions.map((d) => {
      const evaluator = (d.evaluator ?? DEFAULT_EVALUATOR) as (typeof EVALUATOR_IDS)[number];
      const page = scriptDeclarations(d.product as (typeof PRODUCT_IDS)[number], evaluator);
      expect(page.content, `${d.product}/${d.evaluator}`).toBe(SHIPPED_REGISTRY.forCheck({ product: d.product, evaluator }).declarations);
      return page.fileName;
    });
    expect(files).toEqual(["bindings-legacy.d.ts", "bindings-next-gen.d.ts", "bindings-onewelcome.d.ts", "bindings-ibm-verify-access.d.ts"]);
  });

  it("tells each product's run result by what only that product's results carry, and a scenario by its product", async () => {
    const hook = "function handle(request) { return { additionalClaims: { tier: 'gold' } }; }";
    const results = {
      am: await run('accessToken.setField("tier", "gold");', {}),
      onewelcome: await run(hook, { product: "onewelcome" }),
      "ibm-verify-access": await run('stsuu.addContextAttribute(new Attribute("tier", "urn:ibm:names:ITFIM:oauth:response:attribute", "gold"));', { product: "ibm-verify-access" }),
    };
    for (const id of PRODUCT_IDS) {
      expect(productOfResult(results[id]), id).toBe(id);
      expect(productOfScenario({ product: id }), id).toBe(id);
    }
    expect(productOfScenario({ product: "okta" })).toBe("am");
    expect(productOfScenario(null)).toBe("am");
  });

  it("shows the IDM panel for the evaluators whose scripts are handed openidm, and migrates legacy scripts only", async () => {
    for (const evaluator of EVALUATOR_IDS) {
      const result = await run("logger.error(typeof openidm);", { evaluator });
      const facts = evaluatorPageFacts(evaluator);
      expect(result.logs.map((l) => l.message), evaluator).toEqual([facts.hasOpenIdm ? "object" : "undefined"]);
    }
    expect(EVALUATOR_IDS.map((id) => [id, evaluatorPageFacts(id).hasOpenIdm, evaluatorPageFacts(id).migratable])).toEqual([
      ["legacy", false, true],
      ["next-gen", true, false],
    ]);
  });

  it("hands check() what the scenario under edit says of the script: IBM's rule stage turns on its stage's lint", () => {
    const rule = 'var state = stsuu.getContextAttributes().getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");';
    const pre = checkTargetOf({ product: "ibm-verify-access", ibm: { rule: "pre-token" } });
    expect(pre).toEqual({ product: "ibm-verify-access", ibmRule: "pre-token" });
    expect(checkTargetOf({ product: "ibm-verify-access" })).toEqual({ product: "ibm-verify-access", ibmRule: "post-token" });
    expect(checkTargetOf({ product: "onewelcome", onewelcome: { authentication: "basic", username: "u" } })).toEqual({
      product: "onewelcome",
      onewelcome: { hookUrl: undefined, authentication: "basic", username: "u", password: undefined },
    });
    expect(checkTargetOf({})).toEqual({ product: "am" });
    const codes = (target: ReturnType<typeof checkTargetOf>) => check(rule, DEFAULT_EVALUATOR, target).warnings.map((w) => w.code);
    expect(codes(pre)).toContain("ibm-state-id-in-pre");
    expect(codes(checkTargetOf({ product: "ibm-verify-access", ibm: { rule: "post-token" } }))).not.toContain("ibm-state-id-in-pre");
  });
});

describe("the command line's --evaluator", () => {
  it("offers, accepts and names exactly the registry's evaluators", () => {
    for (const command of ["run", "check", "flow", "export"]) {
      const help = commandHelp(CLI_COMMANDS[command] as Parameters<typeof commandHelp>[0]);
      expect(help, command).toContain(`--evaluator ${EVALUATOR_IDS.join("|")}`);
    }
    for (const id of EVALUATOR_IDS) expect(evaluatorFlag(id)).toBe(id);
    expect(() => evaluatorFlag("nextgen")).toThrow('--evaluator must be "legacy" or "next-gen", not "nextgen"');
  });
});

describe("a registry of a test's own", () => {
  it("runs its product through run(): its bindings, no Rhino profile, its own result", async () => {
    const result = await run('if (claims.sub !== "u-1") throw new Error("no claims"); var tag = "TODO later";', { identity: { id: "u-1" } }, { registry: testRegistry, product: "tiny-hook" });
    expect(result.error).toBeNull();
    expect(result.tokenResponse).toEqual({ access_token: "tiny", token_type: "Bearer" });
    expect(result.warnings).toEqual([{ code: "tiny-todo", message: "A TODO is left in the hook.", line: 1 }]);
    // QuickJS's own wording reaches the tiny product; AM's run words the same failure as Rhino does.
    const failing = "var a = null; a.x;";
    const tiny = await run(failing, {}, { registry: testRegistry, product: "tiny-hook" });
    const am = await run(failing, {});
    expect(am.error?.message).toMatch(/^TypeError: Cannot read property "x" from null/);
    expect(tiny.error?.message).not.toBe(am.error?.message);
    expect(tiny.error?.message).toMatch(/cannot read property 'x' of null/);
  });

  it("checks its product through check(): its syntax rule and its lint, not Rhino's", () => {
    expect(check("with (claims) {}", "tiny-hook", { registry: testRegistry })).toEqual({
      ok: false,
      error: { kind: "syntax", message: "Tiny hooks may not use with", line: 1 },
      warnings: [],
    });
    // let is a syntax error for AM's Rhino, not for the tiny product.
    expect(check("let x = 1; // TODO", "tiny-hook", { registry: testRegistry })).toEqual({
      ok: true,
      error: null,
      warnings: [{ code: "tiny-todo", message: "A TODO is left in the hook.", line: 1 }],
    });
    expect(check("let x = 1;", "legacy", { registry: testRegistry }).ok).toBe(false);
  });

  it("runs a whole flow through its product's own runFlow, not AM's requests", async () => {
    const script = 'if (claims.grant === "refresh_token") throw new Error("no refresh for tiny hooks");';
    const flow = [
      { request: "authorize", responseType: "code" },
      { request: "token", grantType: "client_credentials" },
      { request: "token", grantType: "refresh_token" },
    ];
    const result = await runFlow(script, { identity: { id: "u-1" }, flow }, { registry: testRegistry, product: "tiny-flow-hook" });
    expect(result.steps.map((s) => [s.request, s.status, s.body])).toEqual([
      ["authorize", 400, { error: "tiny_unsupported" }],
      ["token", 200, { access_token: "tiny-client_credentials" }],
      ["token", 500, {}],
    ]);
    expect(result.steps[2]?.run?.error?.message).toMatch(/no refresh for tiny hooks/);
    expect(result.ok).toBe(false);
    // The same flow for AM: AM answers /authorize with a code (302) and runs its script at each issuance.
    const am = await runFlow("", { flow });
    expect(am.steps.map((s) => s.status)).toEqual([302, 200, 400]);
  });

  it("answers a flow as AM does for a product without its own runFlow, running the product's run at each issuance", async () => {
    const result = await runFlow("var tag = 1;", { identity: { id: "u-1" }, flow: [{ request: "token", grantType: "client_credentials" }, { request: "introspect", token: "access_token" }] }, { registry: testRegistry, product: "tiny-hook" });
    expect(result.steps.map((s) => s.status)).toEqual([200, 200]);
    expect(result.steps[0]?.body).toEqual({ access_token: "tiny", token_type: "Bearer" });
    expect(result.steps[0]?.run?.tokenResponse).toEqual({ access_token: "tiny", token_type: "Bearer" });
  });

  it("leaves the shipped registry as it was", async () => {
    expect(SHIPPED_REGISTRY.definitions.some((d) => d.product === "tiny-hook")).toBe(false);
    await expect(run("var x = 1;", {}, { product: "tiny-hook" })).rejects.toThrow('Nothing runs product "tiny-hook"');
  });

  it("can replace an AM evaluator's projection and keep its check, bindings and sandbox", async () => {
    const projected = amEvaluator({
      evaluator: "legacy",
      bindings: legacyBindings,
      project: async (executed) => {
        const result = emptyRunResult(executed.evaluator, executed.outcome.error);
        result.tokenResponse = { fields: tokenFields(executed.state) };
        return result;
      },
    });
    const registry = createRegistry([projected]);
    // Its label, lint and declarations are the legacy evaluator's, from its id alone.
    expect([projected.label, projected.declarations]).toEqual(["Legacy (1.0)", BINDING_DECLARATIONS.legacy]);
    expect(projected.lint?.('logger.message("x");')).toEqual(lintOf('logger.message("x");', "legacy"));
    const result = await run('accessToken.setField("tier", "gold");', {}, { registry });
    expect(result.tokenResponse).toMatchObject({ fields: { tier: "gold" } });
    expect(result.introspection).toBeNull();
    // Rhino's syntax check still comes first.
    expect((await run("let x = 1;", {}, { registry })).error?.kind).toBe("syntax");
  });
});
