/**
 * Discharge macaroons: what a resource server sends in `X-Discharge-Macaroon` when it introspects a macaroon
 * access token with third-party caveats (documented: AM's /oauth2/introspect page, "Special tokens"). A
 * scenario gives them either as the third party serialized them, or as what the third party would mint —
 * Macaroon.create(caveatKey, location, identifier), as the community write-up of AM 7.0 does (observed) — which
 * the playground mints here, so a script's addThirdPartyCaveat can be followed to an active introspection.
 */
import { z } from "zod";
import { addFirstPartyCaveat, bindForRequest, createMacaroon, deserializeV2, fromBase64, serializeV2, toBase64Url, type Macaroon } from "./macaroon";

/** A serialized discharge macaroon: version-2 binary in either base64 alphabet. */
export function parseDischarge(text: string): Macaroon {
  return deserializeV2(fromBase64(text.trim()));
}

function parsesAsMacaroon(text: string): boolean {
  try {
    parseDischarge(text);
    return true;
  } catch {
    return false;
  }
}

const mintedDischarge = z.strictObject({
  identifier: z.string().describe("The identifier of the third-party caveat it discharges (the script's addThirdPartyCaveat identifier)"),
  key: z
    .union([z.string(), z.array(z.number().int().min(-128).max(255))])
    .describe("The caveat key the script passed to addThirdPartyCaveat (a string, or its bytes): the third party signs the discharge with it"),
  location: z.string().optional().describe("The discharge's location hint; defaults to the caveat's location"),
  caveats: z
    .array(z.union([z.string(), z.record(z.string(), z.unknown())]))
    .optional()
    .describe('First-party caveats the third party puts on its discharge, e.g. {"exp": 1755108160}; AM verifies a discharge\'s caveats too'),
  bindToToken: z
    .boolean()
    .default(false)
    .describe("Bind it to the access token before sending (libmacaroons' prepare-for-request); the AM 7.0 write-up sends discharges unbound"),
});

export const dischargeMacaroonsSchema = z
  .array(
    z.union([
      z
        .string()
        .refine(parsesAsMacaroon, { message: "is not a version-2 binary macaroon in base64 or base64url" })
        .describe("A discharge macaroon as the third party serialized it (version-2 binary, base64 or base64url), sent as it is"),
      mintedDischarge,
    ]),
  )
  .describe(
    "X-Discharge-Macaroon: the discharge macaroons sent when a macaroon access token is introspected (token.storage \"macaroon\" with a third-party caveat); each a serialized macaroon, or what the third party mints for a caveat",
  );

export type DischargeSpec = z.output<typeof dischargeMacaroonsSchema>[number];

export interface PresentedDischarges {
  /** The header's values, as sent. */
  values: string[];
  macaroons: Macaroon[];
}

/**
 * The discharges a request presents with `token`: given ones as they are, described ones minted with the
 * caveat key (and bound to the token when asked), each serialized as it goes in the header.
 */
export function presentDischarges(specs: readonly DischargeSpec[], token: Macaroon): PresentedDischarges {
  const macaroons = specs.map((spec) => {
    if (typeof spec === "string") return parseDischarge(spec);
    const key = typeof spec.key === "string" ? spec.key : Uint8Array.from(spec.key, (b) => b & 0xff);
    const caveatLocation = token.caveats.find((c) => c.verificationId && new TextDecoder().decode(c.identifier) === spec.identifier)?.location;
    let discharge = createMacaroon(key, spec.identifier, spec.location ?? caveatLocation ?? "");
    for (const caveat of spec.caveats ?? []) discharge = addFirstPartyCaveat(discharge, typeof caveat === "string" ? caveat : JSON.stringify(caveat));
    return spec.bindToToken ? bindForRequest(token.signature, discharge) : discharge;
  });
  return { macaroons, values: specs.map((spec, i) => (typeof spec === "string" ? spec.trim() : toBase64Url(serializeV2(macaroons[i])))) };
}
