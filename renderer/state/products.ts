/**
 * The products the page offers, joined with what only the page says of each: the name its sentences use for
 * the server, what fails when the script does, and the Logs hint (the logging its scripts have). Keyed by the
 * engine catalog's product ids (engine/products/catalog.ts), so a new product fails the typecheck here until
 * its page facts are written, and no panel speaks of AM while an IBM rule or a OneWelcome hook is shown.
 */
import { DEFAULT_PRODUCT, PRODUCTS as CATALOG, type Evaluator, type IbmRequestView, type ProductId, type RunResult } from "../../engine/api";
import { evaluatorChoice } from "./evaluators";

export interface ProductPageFacts {
  /** The server, as a sentence names it ("AM fails the token request"). */
  server: string;
  /** What failed when the run failed, as the empty panels say it: "the script", "the rule", "the web hook". */
  script: string;
  /** The Logs panel's hint when a run logged nothing; null: the evaluator's (AM's two evaluators log differently). */
  emptyLogsHint: string | null;
  /** The request whose answer a panel shows (the token request's, or introspection's), as its first line names it. */
  requestLine: (result: RunResult, endpoint: "token" | "introspect") => string;
  /** What a failed run ends, as the panels' sentences name it ("AM fails the token request"). */
  failedRequest: (result: RunResult) => string;
  /** The failure response's line: what the client gets instead of the answer. */
  failureLine: (result: RunResult) => string;
  /** The scenario form's words for the token lifetime (token.lifetimeSeconds). */
  lifetime: {
    /** What the lifetime is in this product, under the field. */
    note: string;
    /** Why 0 or less is not written to the scenario, marked inferred where the vendor says nothing. */
    belowOne: string;
  };
  /** The form's token storage choice: null offers AM's two, else what this product issues (no choice). */
  storageNote: string | null;
}

const ibmView = (result: RunResult) => (result as { ibm?: IbmRequestView }).ibm;

const PAGE_FACTS: Record<ProductId, ProductPageFacts> = {
  am: {
    server: "AM",
    script: "the script",
    emptyLogsHint: null,
    requestLine: (_, endpoint) => (endpoint === "token" ? "POST /oauth2/access_token" : "POST /oauth2/introspect"),
    failedRequest: () => "the token request",
    failureLine: () => "the token request fails; no token is issued",
    lifetime: {
      note: "The OAuth2 provider's access token lifetime; expires_in is computed from it at response time.",
      belowOne: "The lifetime must be at least 1 second (AM refuses 0 and negative lifetimes).",
    },
    storageNote: null,
  },
  onewelcome: {
    server: "OneWelcome",
    script: "the web hook",
    emptyLogsHint:
      "Nothing logged. Use console.log(…), console.info(…), console.warn(…) or console.error(…) in the handler (a MockServer expectation or a hook service at hookUrl logs nothing here).",
    // The request that calls the hook, as the hook request's executionContext names it (onewelcome/run.ts);
    // OneWelcome's introspection answer is not in the hook's contract, so the engine's is marked inferred.
    requestLine: (_, endpoint) => (endpoint === "token" ? "POST /oauth/token" : "Introspection (not in the hook's contract: inferred)"),
    // Reference §D.1: "the Access Service will fail either the authorization or the token flow"; the status is not documented.
    failedRequest: () => "the authorization or token flow",
    failureLine: () => "the Access service fails the flow: no grant is created and no token issued",
    lifetime: {
      note: "The access token's lifetime at OneWelcome's Access service (the JWT's exp and expires_in). The hook's contract does not carry it: set it to your client's lifetime.",
      belowOne: "The lifetime must be at least 1 second. The hook's contract says nothing of lifetimes; a token that has expired when issued is refused here (inferred).",
    },
    storageNote: "OneWelcome issues the access token as a JWT (RS256, demo key): additionalClaims only reach JWT-formatted tokens.",
  },
  "ibm-verify-access": {
    server: "IBM Verify Access",
    script: "the mapping rule",
    emptyLogsHint: "Nothing logged. Use IDMappingExtUtils.traceString(…) in the rule (importClass it first): the appliance writes it to its trace log.",
    // The rules run at every OAuth request; the reference gives no endpoint paths, so the request is named by type.
    requestLine: (result, endpoint) =>
      endpoint === "token" ? `The ${ibmView(result)?.requestType ?? "access_token"} request` : "The introspect request",
    failedRequest: (result) => `the ${ibmView(result)?.requestType ?? "access_token"} request`,
    failureLine: (result) => `the ${ibmView(result)?.requestType ?? "access_token"} request fails; the client gets this error instead of its answer`,
    lifetime: {
      note: "The API protection definition's access token lifetime (expires_in); a post-token rule may override expires_in with a response attribute.",
      belowOne:
        "The lifetime must be at least 1 second. IBM documents the API protection definition's lifetime in seconds, not what it does with 0 or less; a token that has expired when issued is refused here (inferred).",
    },
    storageNote: "IBM's classic appliance issues opaque token values (a JWT access token needs an STS chain, which the playground does not emulate).",
  },
};

export const PRODUCT_CHOICES: readonly ({ id: ProductId; label: string } & ProductPageFacts)[] = CATALOG.map((info) => ({ id: info.id, label: info.label, ...PAGE_FACTS[info.id] }));

export function productFacts(id: ProductId | undefined): ProductPageFacts {
  return PAGE_FACTS[id ?? DEFAULT_PRODUCT];
}

/**
 * Which product a scenario under edit or a result is for: the engine's light page contract decides both
 * (engine/products/page-contract.ts, with the editor's declarations and the check's settings), so the page
 * knows no product by name.
 */
export { productOfResult, productOfScenario } from "../../engine/api";

/** The Logs panel's empty hint for a run of this product and evaluator. */
export function emptyLogsHint(product: ProductId | undefined, evaluator: Evaluator): string {
  return productFacts(product).emptyLogsHint ?? evaluatorChoice(evaluator).emptyLogsHint;
}
