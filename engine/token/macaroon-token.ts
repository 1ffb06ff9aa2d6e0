/**
 * AM's "Use Macaroon Access and Refresh Tokens" (token.storage "macaroon"), as far as the reference reaches
 * (flows-and-hooks.md §B; AM docs "Macaroons: sharable tokens", /json/token/macaroon, /oauth2/introspect):
 * - documented: access and refresh tokens are issued as macaroons; the script may add caveats; first-party
 *   caveats are JSON (`scope` narrows to the intersection, `exp` shortens the expiry); a third-party caveat needs a
 *   discharge macaroon, passed to /oauth2/introspect in X-Discharge-Macaroon; /json/token/macaroon inspects as
 *   { identifier, location: "", caveats: [{ type, identifier }], signature } with a base64url signature, and the
 *   docs' example token is a version-2 binary macaroon in base64url whose header carries an empty location field;
 * - observed (a community write-up of AM 7.0): `aud` and `cnf` first-party caveats; a discharge made with
 *   Macaroon.create(caveatKey, location, identifier) and sent unbound; several discharges in one request;
 * - not documented, so the playground's choice and said so in every run: the key, the identifier (here the
 *   token's id, 27 characters as in the docs' example), the method names on `accessToken`, whether AM also accepts
 *   a discharge bound to the token (libmacaroons' form), and macaroons over client-side tokens.
 * The token's fields stay server-side (CTS) as for server-side tokens.
 */
import type { Scenario } from "../scenario/schema";
import type { MacaroonView, RunWarning } from "../result";
import type { ScriptCaveat, TokenState } from "./state";
import { addFirstPartyCaveat, addThirdPartyCaveat, createMacaroon, deserializeV2, fromBase64, serializeV2, toBase64Url, verifyWithDischarges, type Macaroon } from "./macaroon";
import { presentDischarges, type DischargeSpec } from "./discharge";

export type { ScriptCaveat };

export const MACAROON_NOT_EMULATED =
  "Macaroon tokens: the token is laid out as AM's documented example is (a version-2 binary macaroon, base64url, empty location), but AM does not document its key or what the identifier holds, so the playground signs with its own key and uses the token id as identifier; the bytes AM issues differ. " +
  "Caveats are applied as AM's docs describe them (scope: intersection; exp: shortens the expiry; aud, cnf per a community write-up); the script's caveat methods are named after org.forgerock.macaroons.Macaroon because the MacaroonToken javadoc is not public (inferred). " +
  "Discharge macaroons for third-party caveats are read from X-Discharge-Macaroon (documented; the scenario's token.dischargeMacaroons, or a flow step's dischargeMacaroons): each must carry the caveat's identifier and be signed with its caveat key, and its own caveats must hold (documented in the Macaroon javadoc); one sent unbound is accepted as the AM 7.0 write-up sends it (observed), one bound to the token as libmacaroons binds it is accepted too (inferred). " +
  "Not emulated: macaroons over client-side tokens (AM's docs have a section on macaroons and token storage that the reference could not retrieve): storage \"macaroon\" keeps the fields server-side.";

/** The playground's macaroon root key: derived from the scenario's seed, so a run is reproducible (and a test can verify it). */
export function playgroundMacaroonKey(seed: number): string {
  return `token-playground macaroon root key, seed ${seed}`;
}

/** A first-party caveat's identifier as inspect shows it: JSON when it is JSON, else the text. */
function shownIdentifier(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function withCaveats(base: Macaroon, caveats: ScriptCaveat[], nonce: (i: number) => Uint8Array): Macaroon {
  return caveats.reduce(
    (m, c, i) => (c.type === "first-party" ? addFirstPartyCaveat(m, c.identifier) : addThirdPartyCaveat(m, c.location, c.key, c.identifier, nonce(i))),
    base,
  );
}

/** The serialized form AM's documented example has: version-2 binary with the empty location field, base64url. */
function serializeAsAm(macaroon: Macaroon): string {
  return toBase64Url(serializeV2(macaroon, { emptyLocationField: true }));
}

/** Issues the access token (with the script's caveats) and the refresh token (none: the script never touches it) as macaroons. */
export function issueMacaroons(state: TokenState, scenario: Scenario, caveats: ScriptCaveat[]): {
  accessToken: string;
  refreshToken: string | null;
  view: Omit<MacaroonView, "unrestrictedIntrospection" | "dischargeMacaroons">;
} {
  const key = playgroundMacaroonKey(scenario.seed);
  // Nonces for third-party caveats: from the token id and position, so the same run gives the same token.
  const nonce = (i: number) => new TextEncoder().encode(`${i}:${state.native.id}`.padEnd(24, "\0").slice(0, 24));
  const access = withCaveats(createMacaroon(key, state.native.id), caveats, nonce);
  const serialized = serializeAsAm(access);
  const refresh = state.refreshToken ? serializeAsAm(createMacaroon(key, state.refreshToken)) : null;
  return {
    accessToken: serialized,
    refreshToken: refresh,
    view: {
      serialized,
      format: "libmacaroons-v2-binary-base64url",
      identifier: state.native.id,
      location: access.location,
      caveats: caveats.map((c) => (c.type === "first-party" ? { type: c.type, identifier: shownIdentifier(c.identifier) } : { type: c.type, location: c.location, identifier: c.identifier })),
      signature: toBase64Url(access.signature),
      bytes: serialized.length,
    },
  };
}

function listOf(value: unknown): string[] | null {
  if (typeof value === "string") return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  return null;
}

/**
 * AM's JSON first-party caveats, applied to the introspection `out` they narrow: null when satisfied, else why
 * not. The same check holds for a discharge's caveats (the Macaroon javadoc: discharges are verified
 * recursively; that AM verifies their caveats with the same JSON verifier is inferred).
 */
function jsonCaveatCheck(out: Record<string, unknown>, audience: string[]): (condition: string) => string | null {
  return (condition) => {
    const parsed = shownIdentifier(condition);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return `first-party caveat "${condition}" (AM's caveats are JSON objects; a plain condition matches none of its verifiers)`;
    }
    const problems: string[] = [];
    for (const [name, value] of Object.entries(parsed)) {
      if (name === "scope") {
        const allowed = listOf(value);
        if (!allowed) problems.push(`scope caveat ${JSON.stringify(value)} (a space-separated string or a list of strings)`);
        else out.scope = String(out.scope ?? "").split(" ").filter((s) => s && allowed.includes(s)).join(" ");
      } else if (name === "exp") {
        if (typeof value !== "number") problems.push(`exp caveat ${JSON.stringify(value)} (seconds since the epoch)`);
        else if (typeof out.exp !== "number" || value < out.exp) out.exp = Math.floor(value);
      } else if (name === "aud") {
        const wanted = listOf(value);
        if (!wanted || !wanted.every((a) => audience.includes(a))) problems.push(`aud caveat ${JSON.stringify(value)} (not a subset of the token's audience ${JSON.stringify(audience)})`);
      } else if (name === "cnf") {
        out.cnf = value;
      } else problems.push(`caveat field "${name}" (AM's first-party caveats are scope, exp, aud and cnf)`);
    }
    return problems.length === 0 ? null : problems.join("; ");
  };
}

export interface MacaroonIntrospection {
  introspection: Record<string, unknown>;
  warnings: RunWarning[];
  /** The X-Discharge-Macaroon values the request carried, as sent. */
  dischargeValues: string[];
}

/**
 * What /oauth2/introspect answers for the macaroon access token `token` (as the client presents it) at
 * `nowSeconds`, with the discharge macaroons the request carries: the stored fields (`unrestricted`) narrowed
 * by the caveats of the token and of its discharges, or {"active": false} with a warning naming each caveat AM's
 * verifier would not be satisfied by.
 */
export function introspectMacaroon(
  unrestricted: Record<string, unknown>,
  token: string,
  rootKey: string,
  discharges: readonly DischargeSpec[],
  audience: string[],
  nowSeconds: number,
): MacaroonIntrospection {
  const out = { ...unrestricted };
  const macaroon = deserializeV2(fromBase64(token));
  const presented = presentDischarges(discharges, macaroon);
  const verified = verifyWithDischarges(macaroon, rootKey, presented.macaroons, jsonCaveatCheck(out, audience));
  const unsatisfied = verified.unsatisfied.map((why) =>
    /no discharge macaroon/.test(why) ? `${why} (a resource server sends it in X-Discharge-Macaroon: the scenario's token.dischargeMacaroons, or the introspect step's dischargeMacaroons)` : why,
  );
  if (typeof out.exp === "number" && out.exp <= nowSeconds) unsatisfied.push(`exp ${out.exp}: the token has expired by its caveats`);
  const warnings: RunWarning[] = [];
  const bound = verified.used.filter((u) => u.bound);
  if (bound.length > 0) {
    warnings.push({
      code: "macaroon-discharge-bound",
      message: `The discharge macaroon for ${bound.map((u) => `"${u.identifier}"`).join(", ")} was bound to the token (libmacaroons' prepare-for-request) and is accepted here; AM's docs do not say whether AM accepts a bound discharge (the AM 7.0 write-up sends it unbound), so this rests on an inference.`,
    });
  }
  const unused = presented.values.map((_, i) => i).filter((i) => !verified.used.some((u) => u.index === i));
  if (unused.length > 0) {
    warnings.push({
      code: "macaroon-discharge-unused",
      message: `X-Discharge-Macaroon value${unused.length === 1 ? "" : "s"} ${unused.map((i) => i + 1).join(", ")} discharged no third-party caveat of the token (no caveat with ${unused.length === 1 ? "its" : "their"} identifier, or one already discharged), so ${unused.length === 1 ? "it was" : "they were"} ignored; whether AM refuses a request with an unused discharge is not documented (inferred).`,
    });
  }
  if (unsatisfied.length === 0) return { introspection: out, warnings, dischargeValues: presented.values };
  warnings.unshift({
    code: "macaroon-caveat-unsatisfied",
    message: `The macaroon's caveats are not all satisfied, so introspection answers {"active": false} (inferred from AM's docs: a caveat must be satisfied for the token to be valid): ${unsatisfied.join("; ")}.`,
  });
  return { introspection: { active: false }, warnings, dischargeValues: presented.values };
}
