/**
 * The macaroon format against published vectors: libmacaroons' README signatures (as pymacaroons'
 * tests/test_notes.md records them) and a go-macaroon version-2 binary macaroon with a first- and a third-party
 * caveat and its discharge (pymacaroons tests/functional_tests/serialization_tests.py); and the token of AM's own
 * /json/token/macaroon example (AM 7.2 docs, "/json/token/macaroon").
 */
import { describe, expect, it } from "vitest";
import {
  addFirstPartyCaveat,
  addThirdPartyCaveat,
  addThirdPartyCaveatWithDerivedKey,
  bindForRequest,
  createMacaroon,
  deserializeV2,
  dischargeSignatureMatches,
  fromBase64,
  hex,
  serializeV2,
  toBase64Url,
  verifySignature,
  verifyWithDischarges,
  MacaroonFormatError,
} from "../../engine/token/macaroon";

const BANK_KEY = "this is our super secret key; only we should know it";

describe("macaroon signatures (libmacaroons README vectors)", () => {
  it("a fresh macaroon and one first-party caveat", () => {
    const m = createMacaroon(BANK_KEY, "we used our secret key", "http://mybank/");
    expect(hex(m.signature)).toBe("e3d9e02908526c4c0039ae15114115d97fdd68bf2ba379b342aaf0f617d0552f");
    expect(hex(addFirstPartyCaveat(m, "test = caveat").signature)).toBe("197bac7a044af33332865b9266e26d493bdd668a660e44d88ce1a998c23dbd67");
  });
});

// go-macaroon's version-2 binary macaroon: location "my location", identifier "my identifier", root key
// "my secret key", a first-party caveat "fp caveat" and a third-party caveat "tp caveat" at "tp location".
const GO_V2 =
  "AgELbXkgbG9jYXRpb24CDW15IGlkZW50aWZpZXIAAglmcCBjYXZlYXQAAQt0cCBsb2NhdGlvbgIJdHAgY2F2ZWF0BEgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACn8yDEet8ud+825gOjM0pZOVE8/HpV6Zqxac+kl0BYToVaY64VfiwHj5rWgBREOkAAAYgSDs4gcmZDlCZy2aV2jFk2qZNpgQXvK+encTAqZaPZjY";
const GO_V2_DISCHARGE = "AgELdHAgbG9jYXRpb24CCXRwIGNhdmVhdAAABiCFBgB/aa4+amVOC5dp8g3Z2l0q94YAcNZ3bBWYn7fepg";
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("the version-2 binary format (go-macaroon vector)", () => {
  it("reads the macaroon, verifies its chain with the root key, and writes the same bytes back", () => {
    const bytes = fromBase64(GO_V2);
    const m = deserializeV2(bytes);
    expect(m.location).toBe("my location");
    expect(text(m.identifier)).toBe("my identifier");
    expect(m.caveats.map((c) => [text(c.identifier), c.location ?? null, c.verificationId?.length ?? 0])).toEqual([
      ["fp caveat", null, 0],
      ["tp caveat", "tp location", 72],
    ]);
    expect(hex(m.signature)).toBe("483b3881c9990e5099cb6695da3164daa64da60417bcaf9e9dc4c0a9968f6636");
    expect(serializeV2(m)).toEqual(bytes);
    const verified = verifySignature(m, "my secret key");
    expect(verified?.thirdPartyKeys).toHaveLength(1);
    expect(verifySignature(m, "not the key")).toBeNull();
  });

  it("opens the third-party caveat's key, which signed the discharge; re-sealing it with the same nonce gives the same caveat", () => {
    const m = deserializeV2(fromBase64(GO_V2));
    const [caveatKey] = verifySignature(m, "my secret key")?.thirdPartyKeys ?? [];
    const discharge = deserializeV2(fromBase64(GO_V2_DISCHARGE));
    expect(hex(discharge.signature)).toBe("8506007f69ae3e6a654e0b9769f20dd9da5d2af7860070d6776c15989fb7dea6");
    // The vector's discharge is bound to the macaroon (as a client sends it), and made with the opened key.
    expect(dischargeSignatureMatches(discharge, caveatKey, m.signature)).toBe(true);
    expect(dischargeSignatureMatches(discharge, caveatKey, new Uint8Array(32))).toBe(false);
    // Rebuilt from its parts with the same nonce, the chain gives the vector's bytes exactly: the HMACs, the
    // sealed caveat key and the field layout all agree with go-macaroon's.
    const nonce = m.caveats[1].verificationId?.subarray(0, 24) as Uint8Array;
    const fp = addFirstPartyCaveat(createMacaroon("my secret key", "my identifier", "my location"), "fp caveat");
    const rebuilt = addThirdPartyCaveatWithDerivedKey(fp, "tp location", caveatKey, "tp caveat", nonce);
    expect(hex(rebuilt.signature)).toBe(hex(m.signature));
    expect(toBase64Url(serializeV2(rebuilt))).toBe(toBase64Url(fromBase64(GO_V2)));
  });

  it("a caveat added here round-trips and verifies; a changed byte or a truncated token is refused", () => {
    const m = addThirdPartyCaveat(addFirstPartyCaveat(createMacaroon("k", "id-1"), '{"scope":"profile"}'), "https://tp.example/", "caveat key", "terms-accepted", new Uint8Array(24).fill(7));
    const bytes = serializeV2(m);
    const back = deserializeV2(fromBase64(toBase64Url(bytes)));
    expect(back).toEqual(m);
    const [key] = verifySignature(back, "k")?.thirdPartyKeys ?? [];
    // A discharge made with the caveat key and bound to the token verifies; the format's binding in both directions.
    const discharge = bindForRequest(back.signature, createMacaroon("caveat key", "terms-accepted", "https://tp.example/"));
    expect(dischargeSignatureMatches(discharge, key, back.signature)).toBe(true);
    const tampered = Uint8Array.from(bytes);
    tampered[12] ^= 1; // a byte of the first caveat's condition
    expect(verifySignature(deserializeV2(tampered), "k")).toBeNull();
    expect(() => deserializeV2(bytes.subarray(0, bytes.length - 3))).toThrow(MacaroonFormatError);
    expect(() => deserializeV2(new Uint8Array([1, 2, 3]))).toThrow(/version byte/);
  });
});


describe("verifying a macaroon with its discharges (go-macaroon vector)", () => {
  const m = deserializeV2(fromBase64(GO_V2));
  const discharge = deserializeV2(fromBase64(GO_V2_DISCHARGE));
  const acceptFp = (condition: string) => (condition === "fp caveat" ? null : `refused "${condition}"`);

  it("the vector's macaroon with its bound discharge is authorized; each part that fails is named", () => {
    expect(verifyWithDischarges(m, "my secret key", [discharge], acceptFp)).toEqual({
      signatureValid: true,
      unsatisfied: [],
      used: [{ index: 0, identifier: "tp caveat", bound: true }],
    });
    expect(verifyWithDischarges(m, "my secret key", [], acceptFp).unsatisfied).toEqual([
      'third-party caveat "tp caveat" at tp location: no discharge macaroon with this identifier was presented',
    ]);
    expect(verifyWithDischarges(m, "my secret key", [discharge], () => "no").unsatisfied).toEqual(["no"]);
    expect(verifyWithDischarges(m, "not the key", [discharge], acceptFp).signatureValid).toBe(false);
    // The discharge bound to another macaroon (a changed root signature) no longer matches.
    const rebound = { ...m, signature: new Uint8Array(32) };
    expect(verifyWithDischarges(rebound, "my secret key", [discharge], acceptFp).unsatisfied).toContain(
      'the discharge macaroon for "tp caveat" is not signed with that caveat\'s key, or is bound to another token, or was altered',
    );
  });

  it("a discharge with a third-party caveat of its own needs that discharge too", () => {
    const nonce = new Uint8Array(24).fill(3);
    const token = addThirdPartyCaveat(createMacaroon("root", "token-1"), "https://a/", "key a", "a", nonce);
    const first = addThirdPartyCaveat(createMacaroon("key a", "a"), "https://b/", "key b", "b", nonce);
    const second = createMacaroon("key b", "b");
    expect(verifyWithDischarges(token, "root", [first], acceptFp).unsatisfied).toEqual([
      'third-party caveat "b" at https://b/ on the discharge macaroon for "a": no discharge macaroon with this identifier was presented',
    ]);
    const both = verifyWithDischarges(token, "root", [second, first], acceptFp);
    expect(both.unsatisfied).toEqual([]);
    expect(both.used.map((u) => [u.identifier, u.bound])).toEqual([["b", false], ["a", false]]);
  });
});

// AM's example token on its /json/token/macaroon page (AM 7.2): version 2, a location field of length 0, a
// 27-character identifier, no caveats, the signature.
const AM_DOCS_TOKEN = "AgEAAhtCRDFJSGhhLUktU21VbE5EQ0Y4MXVQRmlzUFUAAAYgnKhrEUFDwEwSPeTHwRSwTss7a4V0W68nL5Xw-nnRhzQ";

describe("AM's documented example token", () => {
  it("reads as a version-2 binary macaroon and writes back byte for byte with the empty location field AM writes", () => {
    const bytes = fromBase64(AM_DOCS_TOKEN);
    const m = deserializeV2(bytes);
    expect(m.location).toBe("");
    expect(text(m.identifier)).toBe("BD1IHha-I-SmUlNDCF81uPFisPU");
    expect(m.caveats).toEqual([]);
    expect(toBase64Url(serializeV2(m, { emptyLocationField: true }))).toBe(AM_DOCS_TOKEN);
    // libmacaroons' layout omits the empty field: two bytes shorter, the same macaroon.
    expect(serializeV2(m).length).toBe(bytes.length - 2);
    expect(deserializeV2(serializeV2(m))).toEqual(m);
  });
});
