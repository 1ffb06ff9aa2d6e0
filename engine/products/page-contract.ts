/**
 * What the app's page needs of each product and AM evaluator, without what runs it: which product a scenario or
 * a result is for, the declarations its script editor offers (IntelliSense, hovers), what its check reads of
 * the scenario under edit, and what the page shows for an evaluator (the IDM panel, the migration, the Logs hint). The page cannot load the registry (registry.ts: the run machinery, in the worker), so
 * this light table, keyed by the catalog's product ids, is where the page decides every product question; a
 * product in the catalog fails the typecheck here until it is described, and an AM evaluator comes with its
 * declarations (BINDING_DECLARATIONS is keyed by evaluator id). Each entry names the same declaration strings
 * its registry definition hands check() (test/unit/registry.test.ts compares them). Reached from engine/api.ts,
 * so it imports only declaration strings and the catalog (.dependency-cruiser.api-weight.cjs lets this file through).
 */
import { DEFAULT_PRODUCT, PRODUCTS, isProductId, type EvaluatorId, type ProductId } from "../../contracts/catalog";
import type { RunResult } from "../result";
import type { CheckSettings } from "../run-types";
import { BINDING_DECLARATIONS, declaredGlobals } from "../bindings/declarations";
import { IBM_DECLARATIONS } from "./ibm/declarations";
import { ONEWELCOME_DECLARATIONS } from "./onewelcome/declarations";

/** A scenario as the page holds it while it is edited: parsed JSON, not validated. */
type ScenarioDoc = Readonly<Record<string, unknown>>;

interface PageContract {
  /** The script's declarations: one set, or one per evaluator for a product whose scenario names one (AM). */
  readonly declarations: string | Readonly<Record<EvaluatorId, string>>;
  /** The RunResult field only this product's results carry (its own panel's view); absent: AM's result alone. */
  readonly resultView?: string;
  /** What the product's own check reads of the scenario besides the script; absent: nothing. */
  readonly checkSettings?: (doc: ScenarioDoc) => CheckSettings;
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);
const section = (value: unknown): ScenarioDoc => (value && typeof value === "object" && !Array.isArray(value) ? (value as ScenarioDoc) : {});

const PAGE_CONTRACTS: Readonly<Record<ProductId, PageContract>> = {
  am: { declarations: BINDING_DECLARATIONS },
  onewelcome: {
    declarations: ONEWELCOME_DECLARATIONS,
    resultView: "hook",
    checkSettings: (doc) => {
      const hook = section(doc.onewelcome);
      const authentication = hook.authentication === "basic" || hook.authentication === "jwt" ? hook.authentication : "none";
      return { onewelcome: { hookUrl: text(hook.hookUrl), authentication, username: text(hook.username), password: text(hook.password) } };
    },
  },
  "ibm-verify-access": {
    declarations: IBM_DECLARATIONS,
    resultView: "ibm",
    // The lint depends on the stage the rule runs at; the schema's default is post-token.
    checkSettings: (doc) => ({ ibmRule: section(doc.ibm).rule === "pre-token" ? "pre-token" : "post-token" }),
  },
};

/** The product a scenario under edit runs: its `product` when the catalog lists it, else the default (AM). */
export function productOfScenario(doc: unknown): ProductId {
  const product = section(doc).product;
  return isProductId(product) ? product : DEFAULT_PRODUCT;
}

/**
 * The product a result was run for, told by the view only that product's results carry: a result held from
 * before a product switch keeps its own product's wording.
 */
export function productOfResult(result: RunResult): ProductId {
  const carried = PRODUCTS.find((p) => {
    const view = PAGE_CONTRACTS[p.id].resultView;
    return view !== undefined && Boolean((result as unknown as Record<string, unknown>)[view]);
  });
  return carried?.id ?? DEFAULT_PRODUCT;
}

export interface ScriptDeclarations {
  /** The declaration file's name, one per product (and evaluator), so the editor swaps them whole. */
  fileName: string;
  content: string;
}

/** The declarations the script editor offers for a script of this product (and, for AM, this evaluator). */
export function scriptDeclarations(product: ProductId, evaluator: EvaluatorId): ScriptDeclarations {
  const declarations = PAGE_CONTRACTS[product].declarations;
  if (typeof declarations === "string") return { fileName: `bindings-${product}.d.ts`, content: declarations };
  return { fileName: `bindings-${evaluator}.d.ts`, content: declarations[evaluator] };
}

/** What the editor's check applies to the script: the scenario's product and what its check reads of the scenario. */
export function checkTargetOf(doc: unknown): CheckSettings & { product: ProductId } {
  const product = productOfScenario(doc);
  return { product, ...PAGE_CONTRACTS[product].checkSettings?.(section(doc)) };
}

interface EvaluatorPageContract {
  /** Whether "Migrate to next-gen" applies to its scripts (the migrator rewrites legacy scripts: migrate/). */
  readonly migratable: boolean;
  /** The Logs panel's hint when a run logged nothing: the logger methods its scripts have. */
  readonly emptyLogsHint: string;
}

const EVALUATOR_PAGE_CONTRACTS: Readonly<Record<EvaluatorId, EvaluatorPageContract>> = {
  legacy: {
    migratable: true,
    emptyLogsHint: "Nothing logged. Use logger.message(…), logger.warning(…) or logger.error(…) in the script.",
  },
  "next-gen": {
    migratable: false,
    emptyLogsHint:
      "Nothing logged. Use logger.info(…), logger.warn(…), logger.error(…) or logger.debug(…) in the script ({} takes the next argument).",
  },
};

export interface EvaluatorPageFacts extends EvaluatorPageContract {
  /** Whether its scripts can call `openidm` (the page's IDM panel shows only then): whether it binds the global. */
  readonly hasOpenIdm: boolean;
}

/** What the page shows for an AM evaluator. */
export function evaluatorPageFacts(evaluator: EvaluatorId): EvaluatorPageFacts {
  return { ...EVALUATOR_PAGE_CONTRACTS[evaluator], hasOpenIdm: declaredGlobals(evaluator).includes("openidm") };
}
