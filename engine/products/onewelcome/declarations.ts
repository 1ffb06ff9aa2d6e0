/**
 * TypeScript declarations for a OneWelcome hook handler (`function handle(request, context) { return { … }; }`):
 * the request and answer of the Customize Access Token contract (contract.ts, Thales OpenAPI 1.0.0) and the
 * `console` the handler logs with. A JS handler gets the request's members by annotating its parameter:
 * `/** @param {HookRequest} request *\/`. A test checks the fields against contract.ts's schema and
 * typechecks the text with the TypeScript compiler.
 */
export const ONEWELCOME_DECLARATIONS = `
/** What OneWelcome's Access service POSTs to <hook base URL>/v1/customize-access-token. */
interface HookRequest {
  /** The user the token is for; absent for client_credentials. */
  user?: { id: string };
  /** The OAuth client asking for the token. */
  client: { id: string };
  /** The scopes about to be granted. */
  scopes: string[];
  /** The user's claims (absent for client_credentials). */
  userClaims?: { [claim: string]: any };
  /** Where the request came from: the caller's IP address and the endpoint (e.g. /oauth/token). */
  executionContext: { ipAddress?: string; triggeredBy?: string[] };
  /** The context's custom parameters (on_behalf_of, on_behalf_of_type…), or null. */
  contextCustomParams?: { [name: string]: string[] } | null;
}

/** The hook's answer: scopes to take out of the grant, and claims to add to the JWT access token. */
interface HookResponse {
  /** Removed from the grant (and so from refreshed tokens too). Removing every scope fails the flow. */
  removeScopes?: string[];
  /** Added to a JWT-formatted access token. */
  additionalClaims?: { [claim: string]: any };
}

/** The HTTP request's headers as the hook receives them (Authorization: Basic … or Bearer <JWT>). */
interface HookContext {
  headers: { [name: string]: string };
}

/** Logs to the run's log. */
declare const console: {
  log(...values: any[]): void;
  info(...values: any[]): void;
  warn(...values: any[]): void;
  error(...values: any[]): void;
  debug(...values: any[]): void;
};
`;
