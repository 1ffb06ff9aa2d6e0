/**
 * A product or an evaluator is a plug-in of the engine (issue 12): a definition registered through
 * createRegistry brings its own lint, and check() and run() hand its warnings on without generic code knowing
 * its id. AM's two evaluators are such definitions too: their lint is AM's shared lint under a profile each
 * (products/am/lint-profiles.ts), which gives a user the same warnings as before the profiles existed.
 */
import { describe, expect, it } from "vitest";
import { EVALUATOR_IDS, check, createRegistry, run, type ProductDefinition } from "../../engine";
import { amEvaluator } from "../../engine/products/am/evaluator";
import type { AmLintProfile } from "../../engine/products/am/lint";
import { AM_LINT_PROFILES } from "../../engine/products/am/lint-profiles";
import { nextGenBindings } from "../../engine/evaluators/nextgen/bindings";
import { legacyBindings } from "../../engine/evaluators/legacy/bindings";
import { contextFor } from "../../engine/export/contexts";

/** A profile no shipped evaluator has: its own foreign API, its own name, its own value pass. */
const TOY_PROFILE: AmLintProfile = {
  label: "toy",
  foreignApi: { "logger.info": "the toy logger only has message()", scopes: "the toy evaluator binds no scopes" },
  valueWarnings: (source) =>
    source.split("\n").flatMap((text, i) => (text.includes("TODO") ? [{ code: "toy-todo", message: "A TODO is left in the toy script.", line: i + 1 }] : [])),
};

/** A test-only evaluator of AM under an id the catalog does not list: AM's pipeline, its own label and lint. */
const toyEvaluator: ProductDefinition = {
  ...amEvaluator({ evaluator: "next-gen", bindings: nextGenBindings, lint: TOY_PROFILE }),
  evaluator: "toy",
  label: "Toy (0.1)",
};

/** A test-only product that runs its scripts through AM's legacy pipeline, with the toy lint. */
const toyProduct: ProductDefinition = { ...amEvaluator({ evaluator: "legacy", bindings: legacyBindings, lint: TOY_PROFILE }), product: "toy-product", evaluator: undefined, label: "Toy product" };

const registry = createRegistry([amEvaluator({ evaluator: "legacy", bindings: legacyBindings }), toyEvaluator, toyProduct]);

const TOY_SCRIPT = ['logger.info("hi"); // TODO', 'accessToken.setField("tier", "gold");', "var s = scopes.size();"].join("\n");

const TOY_WARNINGS = [
  { code: "toy-todo", message: "A TODO is left in the toy script.", line: 1 },
  { code: "wrong-evaluator-api", message: "logger.info() does not exist for the toy evaluator: the toy logger only has message().", line: 1 },
  { code: "wrong-evaluator-api", message: "scopes.size() does not exist for the toy evaluator: the toy evaluator binds no scopes.", line: 3 },
];

describe("a test-only definition's own lint", () => {
  it("reaches check() for its evaluator id and for its product id", () => {
    expect(check(TOY_SCRIPT, "toy", { registry })).toEqual({ ok: true, error: null, warnings: TOY_WARNINGS });
    expect(check(TOY_SCRIPT, "toy", { registry, product: "am" }).warnings).toEqual(TOY_WARNINGS);
    expect(check(TOY_SCRIPT, "toy-product", { registry }).warnings).toEqual(TOY_WARNINGS);
    // The registry's other definition keeps AM's legacy lint: logger.info is next-generation API there.
    expect(check(TOY_SCRIPT, "legacy", { registry }).warnings.map((w) => w.message)).toEqual([
      "logger.info() does not exist for the legacy evaluator: legacy logger (Debug) has message()/warning()/error().",
    ]);
  });

  it("reaches the run result, in front of the run's own warnings", async () => {
    const result = await run(TOY_SCRIPT.replace("logger.info", "logger.message").replace("scopes.size()", "1"), {}, { registry, product: "toy-product" });
    expect(result.error).toBeNull();
    expect(result.token?.after.tier).toBe("gold");
    expect(result.warnings.filter((w) => w.code.startsWith("toy-"))).toEqual([TOY_WARNINGS[0]]);
    expect(result.warnings[0]).toEqual(TOY_WARNINGS[0]);
  });
});

describe("AM's lint under its evaluators' profiles", () => {
  it("has a profile for every catalog evaluator", () => {
    expect(Object.keys(AM_LINT_PROFILES).sort()).toEqual([...EVALUATOR_IDS].sort());
  });

  it("tells a next-gen script it calls legacy API, and a legacy script it calls next-generation API", () => {
    expect(check('logger.message("x");', "next-gen").warnings).toEqual([
      { code: "wrong-evaluator-api", message: "logger.message() does not exist for the next-generation evaluator: next-generation logger uses debug()/info().", line: 1 },
    ]);
    expect(check('var s = session.getProperty("x");', "next-gen").warnings).toEqual([
      { code: "wrong-evaluator-api", message: "session.getProperty() does not exist for the next-generation evaluator: next-generation access-token scripts have no session binding.", line: 1 },
    ]);
    expect(check('logger.info("x");', "legacy").warnings).toEqual([
      { code: "wrong-evaluator-api", message: "logger.info() does not exist for the legacy evaluator: legacy logger (Debug) has message()/warning()/error().", line: 1 },
    ]);
    // A whole binding of the other evaluator is named by its object.
    expect(check("var id = utils.crypto.randomUUID();", "legacy").warnings).toEqual([
      { code: "wrong-evaluator-api", message: "utils.crypto.randomUUID() does not exist for the legacy evaluator: utils is a next-generation binding.", line: 1 },
    ]);
    // Each evaluator's own API draws no such warning.
    expect(check('logger.message("x");', "legacy").warnings).toEqual([]);
    expect(check('logger.info("x");', "next-gen").warnings).toEqual([]);
  });

  it("gives both evaluators the native-field warnings of the shared core", () => {
    const script = 'accessToken.removeField("scope");\naccessToken.setField("expires_in", 5);';
    const expected = [
      { code: "native-field-removed", message: "accessToken.removeField() removes a native field; AM relies on it and may then reject its own token.", line: 1 },
      { code: "native-field-changed", message: 'setField("expires_in") overwrites a native field; AM may then reject its own token.', line: 2 },
    ];
    expect(check(script, "legacy").warnings).toEqual(expected);
    expect(check(script, "next-gen").warnings).toEqual(expected);
  });

  it("runs each evaluator's own value pass: Java strings in legacy, request values as text in next-gen", async () => {
    const script = "var gt = requestProperties.requestParams.get('grant_type');\nif (gt.toString() === '[x]') {}";
    const legacy = check(script, "legacy").warnings;
    const nextGen = check(script, "next-gen").warnings;
    expect(legacy.map((w) => [w.code, w.line])).toEqual([["java-string-equality", 2]]);
    expect(legacy[0]?.message).toMatch(/^gt\.toString\(\) is a java\.lang\.String: in Rhino gt\.toString\(\) === '\[x\]' is always false/);
    expect(nextGen.map((w) => [w.code, w.line])).toEqual([["request-value-text", 2]]);
    expect(nextGen[0]?.message).toMatch(/^toString\(\) turns requestProperties\.requestParams\["grant_type"\] into text/);
    // A run carries the same lint (the run's own warning of the same code replaces it, and says the same).
    const ran = await run(script, { evaluator: "next-gen" });
    expect(ran.warnings.filter((w) => w.code === "request-value-text").map((w) => w.line)).toEqual([2]);
    const ranLegacy = await run('logger.info("x");', { evaluator: "legacy" });
    expect(ranLegacy.warnings.find((w) => w.code === "wrong-evaluator-api")?.message).toBe(
      "logger.info() does not exist for the legacy evaluator: legacy logger (Debug) has message()/warning()/error().",
    );
  });
});

describe("an export's contexts by evaluator (export/contexts.ts)", () => {
  it("moves a context to its counterpart, keeps its own, and refuses one only the other evaluator has", () => {
    expect(contextFor("OAUTH2_ACCESS_TOKEN_MODIFICATION", "next-gen")).toEqual({ context: "OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN" });
    expect(contextFor("SCRIPTED_DECISION_NODE", "legacy")).toEqual({ context: "AUTHENTICATION_TREE_DECISION_NODE" });
    expect(contextFor("LIBRARY", "next-gen")).toEqual({ context: "LIBRARY" });
    expect(contextFor("LIBRARY", "legacy")).toEqual({ problem: "the context LIBRARY exists for the next-generation evaluator only" });
    expect(contextFor("POLICY_CONDITION", "next-gen")).toEqual({ problem: "the context POLICY_CONDITION has no known next-gen counterpart" });
  });

  it("takes no Object.prototype name for a context it knows", () => {
    for (const evaluator of EVALUATOR_IDS) {
      for (const name of ["constructor", "toString", "__proto__"]) {
        expect(contextFor(name, evaluator)).toEqual({ problem: `the context ${name} has no known ${evaluator} counterpart` });
      }
    }
  });
});
