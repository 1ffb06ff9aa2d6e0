/**
 * The facts a flow step rests on, each marked as the reference marks it (shared/reference/flows-and-hooks.md):
 * documented by the vendor, observed on a live AM by a named engineer or probe, or inferred by us. A step
 * carries the notes it relies on, so the UI and the CLI can say when a result is a guess and not AM's word.
 */
export type Evidence = "documented" | "observed" | "inferred";

export interface FlowNote {
  evidence: Evidence;
  message: string;
  /** Where the fact comes from (the reference's source tag and section). */
  source: string;
}

function note(evidence: Evidence, source: string, message: string): FlowNote {
  return { evidence, source, message };
}

export const FLOW_FACTS = {
  scriptRerunsOnRefresh: note(
    "observed",
    "flows-and-hooks.md §A.2 (LAP, AM 7.0)",
    "The script runs again on every refresh; nothing it set at an earlier issuance is carried into the refreshed access token.",
  ),
  refreshHasNoSession: note("observed", "flows-and-hooks.md §A.1 (LAP)", "On refresh `session` is null: the request carries no session cookie."),
  refreshRotates: note(
    "documented",
    "flows-and-hooks.md §A.2 (AM-RT)",
    "By default a refresh issues a new refresh token and the old one expires.",
  ),
  refreshNarrowerScopes: note("documented", "flows-and-hooks.md §A.2 (AM-RT)", "A refresh may ask for the same or narrower scopes, never wider."),
  codeExchangeSession: note(
    "observed",
    "flows-and-hooks.md §A.1, §F.1 (LAP, AM 7.0)",
    "At the code exchange the script saw the user's session in AM 7.0; whether AM 7.5+ / AIC still binds it is unverified.",
  ),
  noSessionGrant: note("documented", "flows-and-hooks.md §A.1 (AM-ATMAPI)", "This grant has no session: `session` is null."),
  inferredNoSession: note("inferred", "flows-and-hooks.md §A.1", "No source shows `session` for this grant; it is null here, as for the other non-interactive grants."),
  clientCredentials: note(
    "observed",
    "flows-and-hooks.md §A.1 (LAP, T)",
    "Client credentials bind the client's own agent identity and never issue a refresh token.",
  ),
  implicitAtAuthorize: note(
    "inferred",
    "flows-and-hooks.md §A.1",
    "Implicit and hybrid tokens are minted at /authorize, so the script runs there with the browser's session; no refresh token is issued (documented).",
  ),
  failure: note(
    "observed",
    "flows-and-hooks.md §A.6 (T)",
    'A failing script fails the token request with "Error running access token modification plugin"; the HTTP 500 comes from AM\'s default script comment and the server_error code from sibling contexts (inferred).',
  ),
  refreshIntrospection: note(
    "inferred",
    "flows-and-hooks.md §A.5",
    "Introspecting a refresh token never shows the script's fields (the script never touches refresh tokens); the field list follows the OpenAM lineage code.",
  ),
  inactiveToken: note("documented", "RFC 7662 §2.2", 'An expired, revoked or unknown token introspects as {"active": false}.'),
  idTokenIntrospection: note("inferred", "flows-and-hooks.md §A.5", "AM's introspection endpoint reads access and refresh tokens; an ID token is answered as inactive."),
  invalidGrant: note(
    "inferred",
    "flows-and-hooks.md §A.2 (lineage O-ATS)",
    "An expired, revoked or replaced refresh token (or a used code) is refused with invalid_grant; AM's exact error_description is not in the reference.",
  ),
  wrongClient: note(
    "inferred",
    "flows-and-hooks.md §A.2 (lineage O-ATS); RFC 6749 §5.2",
    "A code or refresh token presented by a client other than the one it was issued to is refused with invalid_grant (RFC 6749's error for a grant issued to another client; the lineage code checks the client); AM's exact error_description is not in the reference.",
  ),
  revokeGrant: note(
    "inferred",
    "RFC 7009 §2.1",
    "Revoking a refresh token also revokes the access tokens of its grant (RFC 7009's SHOULD; AM's behaviour is not in the reference).",
  ),
  idmWritesPersist: note(
    "inferred",
    "am-token-modification.md §1.9 (openidm: AM integrated with IDM)",
    "The script wrote to IDM: the write is a call to IDM outside the token request, so the next requests of the flow (and anything else reading IDM) see it, even when the script fails after it.",
  ),
  macaroonIntrospection: note(
    "documented",
    "AM docs /oauth2/introspect (\"Special tokens\"), \"Macaroons: sharable tokens\"; flows-and-hooks.md §B",
    "A macaroon access token is introspected with its caveats applied at the time of the request (scope narrowed, exp shortened); a third-party caveat needs a discharge macaroon, sent in X-Discharge-Macaroon.",
  ),
  macaroonDischarge: note(
    "observed",
    "community write-up of AM 7.0 (\"Learning about Macaroons\", 2020); Macaroon / MacaroonVerifier javadoc",
    "The discharge macaroons are made as the third party makes them, Macaroon.create(caveatKey, location, identifier), and sent unbound, several at once if needed; their own caveats are verified too (documented in the MacaroonVerifier javadoc).",
  ),
  macaroonDischargeMatching: note(
    "inferred",
    "libmacaroons verification semantics; flows-and-hooks.md §B",
    "AM's docs do not say how it pairs a discharge with its caveat: here by the caveat's identifier, each discharge used once, one bound to the token (libmacaroons' prepare-for-request) accepted as well as an unbound one.",
  ),
  codeWithoutAuthorize: note(
    "inferred",
    "product.md, flows",
    "The flow exchanges a code without an authorize step before it: the playground authorized one first, with the scenario's scopes and session.",
  ),
} as const satisfies Record<string, FlowNote>;
