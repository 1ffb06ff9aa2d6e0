/**
 * The ids and labels of every product and evaluator the playground runs: the light half of the engine's
 * registry (engine/products/registry.ts holds the definitions that run them). The scenario schema's enums, the
 * CLI's flag values and help, the app's selects, the desktop settings' evaluators (validation.ts) and the
 * menu's evaluator commands (commands.ts) read these lists, so a name is spelled here once.
 *
 * It lives in contracts/ because both sides read it: the engine (its schema and registry) and the desktop
 * shell (contracts/ may import no layer, while the engine may import this one file: .dependency-cruiser.cjs
 * "engine-is-platform-free"). No imports: engine/api.ts (what the app's page loads) re-exports this file, and
 * nothing that runs a script may ride along with it (.dependency-cruiser.api-weight.cjs "api-stays-light").
 */

export interface EvaluatorInfo {
  readonly id: string;
  /** What a select or a menu shows. */
  readonly label: string;
  /** AM's evaluatorVersion for it, as exports and AM's REST API spell it. */
  readonly evaluatorVersion: string;
  /** The menu command's name for switching to it (the menu adds the version: "Legacy Evaluator (1.0)"). */
  readonly menuLabel: string;
  /** One phrase for the schema's description and the CLI's help. */
  readonly summary: string;
}

export interface ProductInfo {
  readonly id: string;
  readonly label: string;
  readonly summary: string;
  /** Whether the scenario's evaluator chooses how its script runs (AM's two evaluators). */
  readonly hasEvaluators: boolean;
}

/** AM's script evaluators, the default first. */
export const EVALUATORS = [
  { id: "legacy", label: "Legacy (1.0)", evaluatorVersion: "1.0", menuLabel: "Legacy Evaluator", summary: "evaluatorVersion 1.0, Java objects" },
  { id: "next-gen", label: "Next-gen (2.0)", evaluatorVersion: "2.0", menuLabel: "Next-Generation Evaluator", summary: "evaluatorVersion 2.0, JS wrappers" },
] as const satisfies readonly EvaluatorInfo[];

/** The products whose token scripts the playground runs, the default first. */
export const PRODUCTS = [
  { id: "am", label: "AM", summary: "an AM / AIC access-token modification script (default)", hasEvaluators: true },
  { id: "onewelcome", label: "OneWelcome", summary: "OneWelcome's Customize Access Token web hook", hasEvaluators: false },
  {
    id: "ibm-verify-access",
    label: "IBM ISVA",
    summary: "an IBM Security Verify Access OAuth pre- or post-token mapping rule (classic appliance)",
    hasEvaluators: false,
  },
] as const satisfies readonly ProductInfo[];

export type EvaluatorId = (typeof EVALUATORS)[number]["id"];
export type ProductId = (typeof PRODUCTS)[number]["id"];

type Ids<T extends readonly { id: string }[]> = { -readonly [K in keyof T]: T[K]["id"] };

function idsOf<const T extends readonly { id: string }[]>(entries: T): Ids<T> {
  return entries.map((entry) => entry.id) as Ids<T>;
}

/** The evaluator ids as a tuple (zod enums and `includes` checks want one). */
export const EVALUATOR_IDS = idsOf(EVALUATORS);
export const PRODUCT_IDS = idsOf(PRODUCTS);

export const DEFAULT_EVALUATOR: EvaluatorId = EVALUATOR_IDS[0];
export const DEFAULT_PRODUCT: ProductId = PRODUCT_IDS[0];

export function isEvaluatorId(value: unknown): value is EvaluatorId {
  return typeof value === "string" && (EVALUATOR_IDS as readonly string[]).includes(value);
}

export function isProductId(value: unknown): value is ProductId {
  return typeof value === "string" && (PRODUCT_IDS as readonly string[]).includes(value);
}

export function evaluatorInfo(id: EvaluatorId): (typeof EVALUATORS)[number] {
  return EVALUATORS.find((e) => e.id === id) as (typeof EVALUATORS)[number];
}

export function productInfo(id: ProductId): (typeof PRODUCTS)[number] {
  return PRODUCTS.find((p) => p.id === id) as (typeof PRODUCTS)[number];
}

/** `"legacy" or "next-gen"`: the ids quoted and joined the way a sentence lists choices. */
export function quotedChoices(ids: readonly string[]): string {
  const quoted = ids.map((id) => `"${id}"`);
  return quoted.length < 2 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}
