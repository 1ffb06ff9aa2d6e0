/**
 * Macaroons (Birgisson et al., "Macaroons: Cookies with Contextual Caveats", NDSS 2014) in the libmacaroons
 * version-2 binary format: the chained HMAC-SHA256 signature, first- and third-party caveats, and the
 * serialization. Written from the format's description; checked against published vectors
 * (test/unit/macaroon.test.ts). AM's own serialized form is not documented (flows-and-hooks.md §B), so this is
 * the standard format, not a copy of AM's bytes.
 *
 * The chain: sig0 = HMAC(derive(rootKey), identifier); a first-party caveat sets sig = HMAC(sig, cid); a
 * third-party one encrypts its caveat key under the current signature (vid = nonce ‖ secretbox) and sets
 * sig = HMAC(sig, HMAC(sig, vid) ‖ HMAC(sig, cid)).
 */
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { secretbox } from "@noble/ciphers/salsa.js";

export interface MacaroonCaveat {
  /** The caveat's identifier (a first-party caveat's condition; a third-party caveat's id for the discharger). */
  identifier: Uint8Array;
  /** Third-party only: the caveat key, encrypted under the signature at the point it was added. */
  verificationId?: Uint8Array;
  /** Third-party only: where the discharge macaroon comes from (a hint, not authenticated). */
  location?: string;
}

export interface Macaroon {
  location: string;
  identifier: Uint8Array;
  caveats: MacaroonCaveat[];
  signature: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const KEY_GENERATOR = encoder.encode("macaroons-key-generator");
const NONCE_BYTES = 24;

function bytesOf(value: Uint8Array | string): Uint8Array {
  return typeof value === "string" ? encoder.encode(value) : value;
}

function mac(key: Uint8Array, data: Uint8Array): Uint8Array {
  return hmac(sha256, key, data);
}

/** Two values under one key, as the format binds a third-party caveat (and a discharge to its macaroon). */
function mac2(key: Uint8Array, first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(64);
  joined.set(mac(key, first), 0);
  joined.set(mac(key, second), 32);
  return mac(key, joined);
}

/** A root key of any length as the 32-byte key the chain starts from. */
export function deriveKey(rootKey: Uint8Array | string): Uint8Array {
  return mac(KEY_GENERATOR, bytesOf(rootKey));
}

export function createMacaroon(rootKey: Uint8Array | string, identifier: Uint8Array | string, location = ""): Macaroon {
  const id = bytesOf(identifier);
  return { location, identifier: id, caveats: [], signature: mac(deriveKey(rootKey), id) };
}

export function addFirstPartyCaveat(macaroon: Macaroon, condition: Uint8Array | string): Macaroon {
  const identifier = bytesOf(condition);
  return { ...macaroon, caveats: [...macaroon.caveats, { identifier }], signature: mac(macaroon.signature, identifier) };
}

/**
 * Adds a caveat a third party discharges: `caveatKey` is the key the third party signs its discharge macaroon with,
 * carried encrypted under the current signature. `nonce` (24 bytes) is the caller's, so runs are reproducible.
 */
export function addThirdPartyCaveat(
  macaroon: Macaroon,
  location: string,
  caveatKey: Uint8Array | string,
  identifier: Uint8Array | string,
  nonce: Uint8Array,
): Macaroon {
  return addThirdPartyCaveatWithDerivedKey(macaroon, location, deriveKey(caveatKey), identifier, nonce);
}

/** The same, given the caveat key already derived (as verifySignature opens it from a caveat). */
export function addThirdPartyCaveatWithDerivedKey(
  macaroon: Macaroon,
  location: string,
  derivedKey: Uint8Array,
  identifier: Uint8Array | string,
  nonce: Uint8Array,
): Macaroon {
  if (nonce.length !== NONCE_BYTES) throw new Error(`a third-party caveat's nonce is ${NONCE_BYTES} bytes`);
  const id = bytesOf(identifier);
  const sealed = secretbox(macaroon.signature, nonce).seal(derivedKey);
  const verificationId = new Uint8Array(NONCE_BYTES + sealed.length);
  verificationId.set(nonce, 0);
  verificationId.set(sealed, NONCE_BYTES);
  return {
    ...macaroon,
    caveats: [...macaroon.caveats, { identifier: id, verificationId, location }],
    signature: mac2(macaroon.signature, verificationId, id),
  };
}

/**
 * Recomputes the chain from the root key: the signature matches, and each third-party caveat's key opens
 * under the signature before it. Returns the caveat keys of the third-party caveats (for their discharges),
 * or null when the macaroon was not made with this key or was altered.
 */
export function verifySignature(macaroon: Macaroon, rootKey: Uint8Array | string): { thirdPartyKeys: Uint8Array[] } | null {
  let sig = mac(deriveKey(rootKey), macaroon.identifier);
  const thirdPartyKeys: Uint8Array[] = [];
  for (const caveat of macaroon.caveats) {
    if (caveat.verificationId) {
      const nonce = caveat.verificationId.subarray(0, NONCE_BYTES);
      try {
        thirdPartyKeys.push(secretbox(sig, nonce).open(caveat.verificationId.subarray(NONCE_BYTES)));
      } catch {
        return null;
      }
      sig = mac2(sig, caveat.verificationId, caveat.identifier);
    } else sig = mac(sig, caveat.identifier);
  }
  return equalBytes(sig, macaroon.signature) ? { thirdPartyKeys } : null;
}

/**
 * A discharge macaroon bound to the macaroon it is sent with: its signature becomes
 * HMAC0(HMAC0(primary) ‖ HMAC0(discharge)) under an all-zero key, so it cannot be replayed beside another token.
 */
export function bindForRequest(primarySignature: Uint8Array, discharge: Macaroon): Macaroon {
  return { ...discharge, signature: mac2(new Uint8Array(32), primarySignature, discharge.signature) };
}

/**
 * Whether a discharge macaroon, bound to `primarySignature`, was made with the caveat key a third-party caveat
 * carries (`derivedKey`, as verifySignature opens it: stored derived, so the discharge's chain starts from it).
 */
export function dischargeSignatureMatches(discharge: Macaroon, derivedKey: Uint8Array, primarySignature: Uint8Array): boolean {
  let sig = mac(derivedKey, discharge.identifier);
  for (const caveat of discharge.caveats) sig = caveat.verificationId ? mac2(sig, caveat.verificationId, caveat.identifier) : mac(sig, caveat.identifier);
  return equalBytes(mac2(new Uint8Array(32), primarySignature, sig), discharge.signature);
}

/** What verifying a macaroon with the discharges presented beside it found (libmacaroons' verification semantics). */
export interface DischargeVerification {
  /** The macaroon's own chain matches the root key. */
  signatureValid: boolean;
  /** Why the macaroon is not authorized, one line per caveat or discharge that fails; empty when it is. */
  unsatisfied: string[];
  /** Each discharge that satisfied a third-party caveat: its index among those presented, and whether it was bound to the macaroon. */
  used: { index: number; identifier: string; bound: boolean }[];
}

/**
 * A first-party caveat's check: null when satisfied, else why not. `inDischarge` names the discharge's caveat
 * identifier when the caveat sits on a discharge macaroon rather than on the token itself.
 */
export type FirstPartyCheck = (condition: string, inDischarge: string | null) => string | null;

const MAX_DISCHARGE_DEPTH = 8;

/**
 * Verifies a macaroon and the discharge macaroons presented with it: the chain from the root key; every
 * first-party caveat (on the macaroon and on each discharge) through `check`; every third-party caveat by a
 * discharge whose identifier is the caveat's, whose chain starts from the caveat key the caveat carries sealed,
 * recursively (a discharge may have third-party caveats of its own). A discharge is accepted bound to the
 * macaroon (HMAC0(HMAC0(sig) ‖ HMAC0(discharge sig)), libmacaroons' prepare-for-request) or as its third party
 * signed it; each is used once.
 */
export function verifyWithDischarges(
  macaroon: Macaroon,
  rootKey: Uint8Array | string,
  discharges: Macaroon[],
  check: FirstPartyCheck,
): DischargeVerification {
  const unsatisfied: string[] = [];
  const used: DischargeVerification["used"] = [];
  const taken = new Set<number>();
  const walk = (m: Macaroon, key: Uint8Array, discharging: string | null, depth: number): Uint8Array => {
    const where = discharging === null ? "" : ` on the discharge macaroon for "${discharging}"`;
    let sig = mac(key, m.identifier);
    for (const caveat of m.caveats) {
      const identifier = decoder.decode(caveat.identifier);
      if (!caveat.verificationId) {
        const why = check(identifier, discharging);
        if (why) unsatisfied.push(why + where);
        sig = mac(sig, caveat.identifier);
        continue;
      }
      const at = caveat.location ? ` at ${caveat.location}` : "";
      let caveatKey: Uint8Array | null = null;
      try {
        caveatKey = secretbox(sig, caveat.verificationId.subarray(0, NONCE_BYTES)).open(caveat.verificationId.subarray(NONCE_BYTES));
      } catch {
        unsatisfied.push(`third-party caveat "${identifier}"${at}${where}: its sealed caveat key does not open (the macaroon was altered)`);
      }
      const index = discharges.findIndex((d, i) => !taken.has(i) && equalBytes(d.identifier, caveat.identifier));
      if (index < 0) unsatisfied.push(`third-party caveat "${identifier}"${at}${where}: no discharge macaroon with this identifier was presented`);
      else if (caveatKey && depth >= MAX_DISCHARGE_DEPTH) unsatisfied.push(`third-party caveat "${identifier}"${where}: discharges nest deeper than ${MAX_DISCHARGE_DEPTH}`);
      else if (caveatKey) {
        taken.add(index);
        const discharge = discharges[index];
        const expected = walk(discharge, caveatKey, identifier, depth + 1);
        const unbound = equalBytes(expected, discharge.signature);
        const bound = equalBytes(mac2(new Uint8Array(32), macaroon.signature, expected), discharge.signature);
        if (unbound || bound) used.push({ index, identifier, bound });
        else unsatisfied.push(`the discharge macaroon for "${identifier}" is not signed with that caveat's key, or is bound to another token, or was altered`);
      }
      sig = mac2(sig, caveat.verificationId, caveat.identifier);
    }
    return sig;
  };
  const signatureValid = equalBytes(walk(macaroon, deriveKey(rootKey), null, 0), macaroon.signature);
  if (!signatureValid) unsatisfied.unshift("the macaroon's signature does not match its issuer's key (it was altered or issued elsewhere)");
  return { signatureValid, unsatisfied, used };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

// Version 2 binary format: a version byte, then fields (type, varint length, data); sections end with EOS.
const VERSION_2 = 2;
const FIELD = { eos: 0, location: 1, identifier: 2, verificationId: 4, signature: 6 } as const;

class Writer {
  private readonly parts: number[] = [];
  byte(b: number): void {
    this.parts.push(b);
  }
  varint(n: number): void {
    while (n >= 0x80) {
      this.parts.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    this.parts.push(n);
  }
  field(type: number, data: Uint8Array): void {
    this.byte(type);
    this.varint(data.length);
    for (const b of data) this.parts.push(b);
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

/**
 * `emptyLocationField`: write the header's location even when it is "" — AM's own token in its
 * /json/token/macaroon example starts 02 01 00 (version, location of length 0); libmacaroons and go-macaroon omit it.
 */
export function serializeV2(macaroon: Macaroon, options: { emptyLocationField?: boolean } = {}): Uint8Array {
  const w = new Writer();
  w.byte(VERSION_2);
  if (macaroon.location !== "" || options.emptyLocationField) w.field(FIELD.location, encoder.encode(macaroon.location));
  w.field(FIELD.identifier, macaroon.identifier);
  w.byte(FIELD.eos);
  for (const caveat of macaroon.caveats) {
    if (caveat.location !== undefined && caveat.location !== "") w.field(FIELD.location, encoder.encode(caveat.location));
    w.field(FIELD.identifier, caveat.identifier);
    if (caveat.verificationId) w.field(FIELD.verificationId, caveat.verificationId);
    w.byte(FIELD.eos);
  }
  w.byte(FIELD.eos);
  w.field(FIELD.signature, macaroon.signature);
  return w.bytes();
}

export class MacaroonFormatError extends Error {
  constructor(message: string) {
    super(`not a version-2 macaroon: ${message}`);
    this.name = "MacaroonFormatError";
  }
}

export function deserializeV2(bytes: Uint8Array): Macaroon {
  let pos = 0;
  const fail = (why: string): never => {
    throw new MacaroonFormatError(`${why} at byte ${pos}`);
  };
  const varint = (): number => {
    let n = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (pos >= bytes.length) return fail("a length runs past the end");
      const b = bytes[pos++];
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
    }
    return fail("a length is too long");
  };
  /** The next field, or null at an end-of-section byte. */
  const field = (): { type: number; data: Uint8Array } | null => {
    if (pos >= bytes.length) return fail("the data ends inside a section");
    const type = bytes[pos++];
    if (type === FIELD.eos) return null;
    const length = varint();
    if (pos + length > bytes.length) return fail("a field runs past the end");
    const data = bytes.subarray(pos, pos + length);
    pos += length;
    return { type, data: Uint8Array.from(data) };
  };
  if (bytes[pos++] !== VERSION_2) fail("the version byte is not 2");
  let location = "";
  let f = field();
  if (f?.type === FIELD.location) {
    location = decoder.decode(f.data);
    f = field();
  }
  if (f?.type !== FIELD.identifier) return fail("the identifier is missing");
  const identifier = f.data;
  if (field() !== null) fail("the header has an unexpected field");
  const caveats: MacaroonCaveat[] = [];
  for (;;) {
    let c = field();
    if (c === null) break;
    const caveat: Partial<MacaroonCaveat> = {};
    if (c.type === FIELD.location) {
      caveat.location = decoder.decode(c.data);
      c = field();
    }
    if (c?.type !== FIELD.identifier) return fail("a caveat has no identifier");
    caveat.identifier = c.data;
    c = field();
    if (c?.type === FIELD.verificationId) {
      caveat.verificationId = c.data;
      c = field();
    }
    if (c !== null) fail("a caveat has an unexpected field");
    caveats.push(caveat as MacaroonCaveat);
  }
  const sig = field();
  if (sig?.type !== FIELD.signature || sig.data.length !== 32) return fail("the 32-byte signature is missing");
  if (pos !== bytes.length) fail("bytes follow the signature");
  return { location, identifier, caveats, signature: sig.data };
}

/** Base64url without padding: the form a macaroon takes in an Authorization header. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Either base64 alphabet, padded or not (libraries differ in which they write). */
export function fromBase64(text: string): Uint8Array {
  const standard = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(standard + "=".repeat((4 - (standard.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
