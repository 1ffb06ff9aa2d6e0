/**
 * AM's "Use Macaroon Access and Refresh Tokens" (token.storage "macaroon"), as far as the reference reaches
 * (flows-and-hooks.md §B; AM 8.1 docs "Macaroons: sharable tokens" and /json/token/macaroon):
 * - documented: access and refresh tokens are issued as macaroons; the script may add caveats; first-party
 *   caveats are JSON (`scope` narrows to the intersection, `exp` shortens the expiry); a third-party caveat needs a
 *   discharge macaroon (X-Discharge-Macaroon) to introspect; /json/token/macaroon inspects as
 *   { identifier, location: "", caveats: [{ type, identifier }], signature };
 * - observed (a community write-up of AM 7.0): `aud` and `cnf` first-party caveats too;
 * - not documented, so the playground's choice and said so in every run: the wire form (here libmacaroons v2
 *   binary, base64url), the key, the identifier (here the token's id), the method names on `accessToken`.
 * The token's fields stay server-side (CTS) as for server-side tokens.
 */
import type { Scenario } from "../scenario/schema";
import type { MacaroonView, RunWarning } from "../result";
import type { ScriptCaveat, TokenState } from "./state";
import { addFirstPartyCaveat, addThirdPartyCaveat, createMacaroon, hex, serializeV2, toBase64Url, type Macaroon } from "./macaroon";

export type { ScriptCaveat };

export const MACAROON_NOT_EMULATED =
  "Macaroon tokens: AM does not document its serialized macaroon, its key or what the identifier holds, so the playground issues a standard libmacaroons version-2 macaroon (base64url) with its own key and the token id as identifier; the bytes AM issues differ. " +
  "Caveats are applied as AM's docs describe them (scope: intersection; exp: shortens the expiry; aud, cnf per a community write-up); the script's caveat methods are named after org.forgerock.macaroons.Macaroon because the MacaroonToken javadoc is not public (inferred). " +
  "Not emulated: discharge macaroons (X-Discharge-Macaroon), so a token with a third-party caveat introspects as inactive here; and macaroons over client-side tokens (AM's docs have a section on macaroons and token storage that the reference could not retrieve): storage \"macaroon\" keeps the fields server-side.";

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

/** Issues the access token (with the script's caveats) and the refresh token (none: the script never touches it) as macaroons. */
export function issueMacaroons(state: TokenState, scenario: Scenario, caveats: ScriptCaveat[]): { accessToken: string; refreshToken: string | null; view: MacaroonView } {
  const key = playgroundMacaroonKey(scenario.seed);
  // Nonces for third-party caveats: from the token id and position, so the same run gives the same token.
  const nonce = (i: number) => new TextEncoder().encode(`${state.native.id}:${i}`.padEnd(24, "\0").slice(0, 24));
  const access = withCaveats(createMacaroon(key, state.native.id), caveats, nonce);
  const bytes = serializeV2(access);
  const refresh = state.refreshToken ? toBase64Url(serializeV2(createMacaroon(key, state.refreshToken))) : null;
  return {
    accessToken: toBase64Url(bytes),
    refreshToken: refresh,
    view: {
      serialized: toBase64Url(bytes),
      format: "libmacaroons-v2-binary-base64url",
      identifier: state.native.id,
      location: access.location,
      caveats: caveats.map((c) => (c.type === "first-party" ? { type: c.type, identifier: shownIdentifier(c.identifier) } : { type: c.type, location: c.location, identifier: c.identifier })),
      signature: hex(access.signature),
      bytes: toBase64Url(bytes).length,
    },
  };
}

function listOf(value: unknown): string[] | null {
  if (typeof value === "string") return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  return null;
}

/**
 * The introspection of a macaroon access token with its caveats applied, and a warning for each caveat AM's
 * verifier would not be satisfied by (then the token is not active).
 */
export function introspectMacaroon(
  introspection: Record<string, unknown>,
  caveats: ScriptCaveat[],
  audience: string[],
  nowSeconds: number,
): { introspection: Record<string, unknown>; warnings: RunWarning[] } {
  const out = { ...introspection };
  const unsatisfied: string[] = [];
  for (const caveat of caveats) {
    if (caveat.type === "third-party") {
      unsatisfied.push(`third-party caveat "${caveat.identifier}" at ${caveat.location} (needs a discharge macaroon in X-Discharge-Macaroon, which the playground does not emulate)`);
      continue;
    }
    const parsed = shownIdentifier(caveat.identifier);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      unsatisfied.push(`first-party caveat "${caveat.identifier}" (AM's caveats are JSON objects; a plain condition matches none of its verifiers)`);
      continue;
    }
    for (const [name, value] of Object.entries(parsed)) {
      if (name === "scope") {
        const allowed = listOf(value);
        if (!allowed) unsatisfied.push(`scope caveat ${JSON.stringify(value)} (a space-separated string or a list of strings)`);
        else out.scope = String(out.scope ?? "").split(" ").filter((s) => s && allowed.includes(s)).join(" ");
      } else if (name === "exp") {
        if (typeof value !== "number") unsatisfied.push(`exp caveat ${JSON.stringify(value)} (seconds since the epoch)`);
        else if (typeof out.exp !== "number" || value < out.exp) out.exp = Math.floor(value);
      } else if (name === "aud") {
        const wanted = listOf(value);
        if (!wanted || !wanted.every((a) => audience.includes(a))) unsatisfied.push(`aud caveat ${JSON.stringify(value)} (not a subset of the token's audience ${JSON.stringify(audience)})`);
      } else if (name === "cnf") {
        out.cnf = value;
      } else unsatisfied.push(`caveat field "${name}" (AM's first-party caveats are scope, exp, aud and cnf)`);
    }
  }
  if (typeof out.exp === "number" && out.exp <= nowSeconds) unsatisfied.push(`exp caveat ${out.exp}: the token has expired by it`);
  if (unsatisfied.length === 0) return { introspection: out, warnings: [] };
  return {
    introspection: { active: false },
    warnings: [
      {
        code: "macaroon-caveat-unsatisfied",
        message: `The macaroon's caveats are not all satisfied, so introspection answers {"active": false} (inferred from AM's docs: a caveat must be satisfied for the token to be valid): ${unsatisfied.join("; ")}.`,
      },
    ],
  };
}
