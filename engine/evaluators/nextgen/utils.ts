/**
 * The next-generation `utils` binding (ScriptUtilityService): base64, base64url, types, and crypto with
 * `subtle`. Bytes come back as a Java byte[] (Rhino's NativeJavaArray: typeof "object", not an Array, "[B@…" as a
 * string, signed numbers at its indexes) and byte[] parameters take a JS array only as Rhino converts one; a live
 * AIC tenant showed both (published/aic-manager-utils-live.json). Everything random is drawn from the scenario's
 * seed. Crypto is synchronous (noble), as AM's Java crypto is.
 */
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256, sha384, sha512 } from "@noble/hashes/sha2.js";
import { hmac } from "@noble/hashes/hmac.js";
import { pbkdf2 } from "@noble/hashes/pbkdf2.js";
import { p256, p384, p521 } from "@noble/curves/nist.js";
import { ecb } from "@noble/ciphers/aes.js";
import bcrypt from "bcryptjs";
import { GuestError, HiddenJavaException, HostObject, writeBackToGuest } from "../../sandbox/host";
import { JavaArray, identityHash } from "../legacy/java";
import { base64, base64url, decodeBase64, utf8 } from "../../util/random";
import { warn, type RunContext } from "../context";
import { ownValue } from "../../util/own-keys";
import { DEMO_RSA_PRIVATE_JWK } from "../../token/demo-keys";
import { RsaError, decodePrivateKey, decodePublicKey, encodePrivateKey, encodePublicKey, keyFromJwk, rsaDecrypt, rsaEncrypt, rsaSign, rsaVerify } from "./rsa";
import { NO_MEMBERS } from "../../bindings/members";
import { rhinoArgType } from "../rhino-arg-type";
import { BASE64_MEMBERS, CRYPTO_MEMBERS, KEY_PAIR_MEMBERS, SUBTLE_MEMBERS, TYPES_MEMBERS } from "../../bindings/tables/nextgen";

type Bytes = Uint8Array;

/** Java byte[] as scripts see it: a Java array of signed numbers. */
export function toSignedArray(bytes: Bytes): JavaArray {
  return new JavaArray("[B", Array.from(bytes, (b) => (b > 127 ? b - 256 : b)));
}

/**
 * One element of a JS array Rhino converts to a Java byte (rhino -version 0, 2026-12-02): a number, a numeric string
 * or an object whose number it is, NaN refused, truncated toward zero, then -128..127; a boolean, null or a hole
 * is refused.
 */
function rhinoByte(value: unknown): number | null {
  if (value === null || value === undefined || typeof value === "boolean") return null;
  const n = Math.trunc(Number(value));
  return Number.isNaN(n) || n < -128 || n > 127 ? null : n;
}

/** A byte[] argument: a Java byte[], a JS array Rhino converts, or (the String overloads) a string's UTF-8. */
export function bytesIn(value: unknown, what: string): Bytes {
  if (typeof value === "string") return utf8.encode(value);
  if (value instanceof JavaArray && value.javaClass === "[B") return Uint8Array.from(value.items as number[], (v) => v & 0xff);
  if (Array.isArray(value)) {
    const bytes = Array.from(value, rhinoByte);
    if (bytes.every((b) => b !== null)) return Uint8Array.from(bytes as number[], (v) => v & 0xff);
    throw new GuestError(`Cannot convert org.mozilla.javascript.NativeArray@${identityHash()} to byte[]`, "InternalError");
  }
  throw new GuestError(`${what} expects a byte array or a string`, "TypeError");
}

/**
 * A binding failure as AIC's utils reports it: an InternalError with the Java exception's message alone (live:
 * "InternalError: Illegal base64 character 25", "InternalError: Salt must be provided for PBKDF2.").
 */
function utilsError(message: string): GuestError {
  return new HiddenJavaException(message);
}

/** The first character java.util.Base64 refuses, as its message names it: the char code in hex. */
function illegalBase64(text: string, url: boolean): string {
  const alphabet = url ? /[A-Za-z0-9_=-]/ : /[A-Za-z0-9+/=]/;
  const bad = [...text].find((c) => !alphabet.test(c)) ?? "=";
  return `Illegal base64 character ${(bad.codePointAt(0) ?? 0).toString(16)}`;
}

function decodeOrThrow(text: unknown, url = false): Bytes {
  const bytes = decodeBase64(String(text));
  if (!bytes) throw utilsError(illegalBase64(String(text), url));
  return bytes;
}

class Base64Binding extends HostObject {
  readonly members = BASE64_MEMBERS;
  override readonly javaClass: string;

  constructor(private readonly url: boolean) {
    super();
    this.javaClass = url ? "org.forgerock.openam.scripting.bindings.ScriptBase64UrlService" : "org.forgerock.openam.scripting.bindings.ScriptBase64Service";
  }

  private enc(bytes: Bytes): string {
    return this.url ? base64url(bytes) : base64(bytes);
  }

  /** encode(String) or encode(byte[]): a number or another non-array value goes to the String overload (live: 12 -> "MTI="). */
  encode(value: unknown): string {
    const bytesLike = typeof value === "string" || Array.isArray(value) || value instanceof JavaArray;
    return this.enc(bytesIn(bytesLike ? value : String(value), "encode"));
  }
  /** base64url answers null for text it cannot decode, base64 fails (live AIC, both with "%%%bad"). */
  decode(value: unknown): string | null {
    const bytes = this.decodeBytes(value);
    return bytes ? utf8.decode(bytes) : null;
  }
  decodeToBytes(value: unknown): JavaArray | null {
    const bytes = this.decodeBytes(value);
    return bytes ? toSignedArray(bytes) : null;
  }
  private decodeBytes(value: unknown): Bytes | null {
    if (!this.url) return decodeOrThrow(value);
    return decodeBase64(String(value)) ?? null;
  }
  btoa(value: unknown): string {
    return this.encode(String(value));
  }
  atob(value: unknown): string | null {
    return this.decode(value);
  }
}

class TypesBinding extends HostObject {
  readonly members = TYPES_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.bindings.ScriptTypesService";
  bytesToString(bytes: unknown): string {
    return utf8.decode(bytesIn(bytes, "bytesToString"));
  }
  stringToBytes(text: unknown): JavaArray {
    return toSignedArray(utf8.encode(String(text)));
  }
}

const HASHES = { "SHA-1": sha1, "SHA-256": sha256, "SHA-384": sha384, "SHA-512": sha512 } as const;
type HashName = keyof typeof HASHES;

function hashOf(name: unknown): (typeof HASHES)[HashName] {
  const key = String(name ?? "SHA-256").toUpperCase().replace(/^SHA(\d)/, "SHA-$1") as HashName;
  const hash = HASHES[key];
  if (!hash) throw utilsError(`Unsupported hashing algorithm: ${String(name)}`);
  return hash;
}

interface AlgorithmOptions {
  name: string;
  hash?: string;
  length?: number;
  modulusLength?: number;
  namedCurve?: string;
  salt?: unknown;
  iterations?: number;
}

function algorithm(value: unknown): AlgorithmOptions {
  if (typeof value === "string") return { name: value };
  if (value && typeof value === "object" && typeof (value as AlgorithmOptions).name === "string") return value as AlgorithmOptions;
  throw new GuestError("algorithm must be a name or an object with a name", "TypeError");
}

const CURVES = { "P-256": p256, "P-384": p384, "P-521": p521 } as const;
const CURVE_HASH: Record<string, string> = { "P-256": "SHA-256", "P-384": "SHA-384", "P-521": "SHA-512" };

/**
 * EC keys as AIC's generateKey("ECDSA") gives them and verify takes them (live: a P-256 public key is 91 bytes of
 * X.509 SubjectPublicKeyInfo, a private key 67 of PKCS#8, and an OpenSSL-made SPKI key verifies): the DER headers
 * before the raw point or scalar, fixed per curve (RFC 5480, RFC 5915 without the optional public key).
 */
const EC_DER: Record<keyof typeof CURVES, { spki: string; pkcs8: string }> = {
  "P-256": { spki: "3059301306072a8648ce3d020106082a8648ce3d030107034200", pkcs8: "3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420" },
  "P-384": { spki: "3076301006072a8648ce3d020106052b81040022036200", pkcs8: "304e020100301006072a8648ce3d020106052b81040022043730350201010430" },
  "P-521": { spki: "30819b301006072a8648ce3d020106052b8104002303818600", pkcs8: "3060020100301006072a8648ce3d020106052b81040023044930470201010442" },
};
const hexOf = (b: Bytes) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const fromHex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));

/** An EC key's curve and raw bytes (point or scalar), from DER (SPKI / PKCS#8) or raw bytes as before. */
function ecKey(key: Bytes): { curve: keyof typeof CURVES; raw: Bytes } {
  const text = hexOf(key);
  for (const curve of Object.keys(EC_DER) as (keyof typeof CURVES)[]) {
    for (const prefix of [EC_DER[curve].spki, EC_DER[curve].pkcs8]) {
      if (text.startsWith(prefix)) return { curve, raw: key.slice(prefix.length / 2) };
    }
  }
  return { curve: curveFor(key.length), raw: key };
}

function ecSpki(curve: keyof typeof CURVES, point: Bytes): Bytes {
  return Uint8Array.from([...fromHex(EC_DER[curve].spki), ...point]);
}

function ecPkcs8(curve: keyof typeof CURVES, secret: Bytes): Bytes {
  return Uint8Array.from([...fromHex(EC_DER[curve].pkcs8), ...secret]);
}

function curveFor(keyLength: number): keyof typeof CURVES {
  if (keyLength === 32 || keyLength === 33 || keyLength === 65) return "P-256";
  if (keyLength === 48 || keyLength === 49 || keyLength === 97) return "P-384";
  return "P-521";
}

function unsupported(what: string): never {
  throw new GuestError(`java.security.NoSuchAlgorithmException: ${what}`, "JavaException");
}

/** Runs an RSA operation, turning a malformed key or message into the Java exception AM would raise. */
function rsa<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof RsaError) throw new GuestError(`java.security.GeneralSecurityException: ${e.message}`, "JavaException");
    throw e;
  }
}

/** An AES key of 16, 24 or 32 bytes; another length fails as AIC's Java crypto does (live: a 5-byte key). */
function aesKey(key: Bytes): Bytes {
  if ([16, 24, 32].includes(key.length)) return key;
  throw new GuestError(`org.forgerock.openam.scripting.bindings.crypto.ScriptCryptoException: java.security.InvalidKeyException: Invalid AES key length: ${key.length} bytes`, "JavaException");
}

/** AIC's answer for any other encrypt/decrypt algorithm ("AES-CBC" included). */
const ENCRYPTION_ALGORITHMS = "Algorithm must be one of [AES, RSA]";

const SUBTLE_CLASS = "org.forgerock.openam.scripting.bindings.crypto.subtle.ScriptSubtleService";

/**
 * A generated RSA or ECDSA key pair as AIC hands it over: a MapScriptWrapper with privateKey and publicKey byte[]s,
 * which prints as `{ "privateKey": [B@…, "publicKey": [B@… }` and matches no byte[] parameter (live AIC:
 * encrypt("RSA", pair, data) fails with "Can't find method …encrypt(string,…MapScriptWrapper,[B).").
 */
class KeyPairBinding extends HostObject {
  readonly members = KEY_PAIR_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.javascript.MapScriptWrapper";
  constructor(
    private readonly privateKey: JavaArray,
    private readonly publicKey: JavaArray,
  ) {
    super();
  }
  override guestGet(name: string): unknown {
    return name === "privateKey" ? this.privateKey : name === "publicKey" ? this.publicKey : undefined;
  }
  override guestKeys(): string[] {
    return ["privateKey", "publicKey"];
  }
  override toString(): string {
    return `{ "privateKey": ${this.privateKey.toString()}, "publicKey": ${this.publicKey.toString()} }`;
  }
  /** How the guest converts it (String(pair), pair + ""): its text, as Rhino converts a Java object. */
  guestPrimitive(): string {
    return this.toString();
  }
  toJSON(): unknown {
    return { privateKey: this.privateKey.toJSON(), publicKey: this.publicKey.toJSON() };
  }
}

/** A subtle method's byte[] argument; a value no overload takes fails as Rhino's overload resolution does. */
function subtleBytes(value: unknown, method: string, args: unknown[]): Bytes {
  const bytesLike = typeof value === "string" || Array.isArray(value) || (value instanceof JavaArray && value.javaClass === "[B");
  if (!bytesLike) throw new GuestError(`Can't find method ${SUBTLE_CLASS}.${method}(${args.map(rhinoArgType).join(",")}).`, "InternalError");
  return bytesIn(value, method);
}

const isRsa = (name: string) => /^RSA(SSA-PKCS1-V1_5)?$/i.test(name);

class SubtleBinding extends HostObject {
  readonly members = SUBTLE_MEMBERS;
  override readonly javaClass = SUBTLE_CLASS;

  constructor(private readonly ctx: RunContext) {
    super();
  }

  /** digest names only its four hashes (live AIC: "MD5" and {name: "SHA-256"} are both refused with this text). */
  digest(name: unknown, data: unknown): JavaArray {
    const hash = typeof name === "string" ? ownValue<(typeof HASHES)[HashName]>(HASHES, name.toUpperCase()) : undefined;
    if (!hash) throw utilsError("Algorithm must be one of [SHA-256, SHA-384, SHA-1, SHA-512]");
    return toSignedArray(hash(subtleBytes(data, "digest", [name, data])));
  }

  sign(alg: unknown, key: unknown, data: unknown): JavaArray {
    const a = algorithm(alg);
    const message = subtleBytes(data, "sign", [alg, key, data]);
    const keyBytes = subtleBytes(key, "sign", [alg, key, data]);
    switch (a.name.toUpperCase()) {
      case "HMAC":
        return toSignedArray(hmac(hashOf(a.hash ?? "SHA-256"), keyBytes, message));
      case "ECDSA": {
        const { curve, raw } = ecKey(keyBytes);
        const hash = hashOf(a.hash ?? CURVE_HASH[curve]);
        if (a.hash && CURVE_HASH[curve] !== String(a.hash).toUpperCase()) {
          throw new GuestError(`ECDSA curve ${curve} needs ${CURVE_HASH[curve]}, not ${a.hash}`, "JavaException");
        }
        // IEEE P1363 (r || s): AIC's P-256 signature is 64 bytes (live), not DER's 70-72.
        return toSignedArray(CURVES[curve].sign(hash(message), raw, { prehash: false, format: "compact" }));
      }
      default:
        if (isRsa(a.name)) return toSignedArray(rsa(() => rsaSign(decodePrivateKey(keyBytes), message, String(a.hash ?? "SHA-256").toUpperCase())));
        return unsupported(`sign with ${a.name}`);
    }
  }

  verify(alg: unknown, key: unknown, data: unknown, signature: unknown): boolean {
    const a = algorithm(alg);
    const args = [alg, key, data, signature];
    const message = subtleBytes(data, "verify", args);
    const keyBytes = subtleBytes(key, "verify", args);
    const sig = subtleBytes(signature, "verify", args);
    switch (a.name.toUpperCase()) {
      case "HMAC": {
        const expected = hmac(hashOf(a.hash ?? "SHA-256"), keyBytes, message);
        return expected.length === sig.length && expected.every((b, i) => b === sig[i]);
      }
      case "ECDSA": {
        const { curve, raw } = ecKey(keyBytes);
        const hash = hashOf(a.hash ?? CURVE_HASH[curve]);
        try {
          // P1363 only: live AIC verifies OpenSSL's r || s signature and answers false for its DER form.
          // lowS off: Java accepts either s, and OpenSSL signs with a high s half the time.
          return CURVES[curve].verify(sig, hash(message), raw, { prehash: false, format: "compact", lowS: false });
        } catch {
          return false;
        }
      }
      default:
        if (isRsa(a.name)) return rsa(() => rsaVerify(decodePublicKey(keyBytes), message, sig, String(a.hash ?? "SHA-256").toUpperCase()));
        return unsupported(`verify with ${a.name}`);
    }
  }

  encrypt(alg: unknown, key: unknown, data: unknown): JavaArray {
    const a = algorithm(alg);
    subtleBytes(key, "encrypt", [alg, key, data]);
    subtleBytes(data, "encrypt", [alg, key, data]);
    if (isRsa(a.name)) {
      return toSignedArray(rsa(() => rsaEncrypt(decodePublicKey(bytesIn(key, "encrypt")), bytesIn(data, "encrypt"), (n) => this.ctx.random.bytes(n))));
    }
    if (a.name.toUpperCase() !== "AES") throw utilsError(ENCRYPTION_ALGORITHMS);
    return toSignedArray(ecb(aesKey(bytesIn(key, "encrypt"))).encrypt(bytesIn(data, "encrypt")));
  }

  decrypt(alg: unknown, key: unknown, data: unknown): JavaArray {
    const a = algorithm(alg);
    subtleBytes(key, "decrypt", [alg, key, data]);
    subtleBytes(data, "decrypt", [alg, key, data]);
    if (isRsa(a.name)) return toSignedArray(rsa(() => rsaDecrypt(decodePrivateKey(bytesIn(key, "decrypt")), bytesIn(data, "decrypt"))));
    if (a.name.toUpperCase() !== "AES") throw utilsError(ENCRYPTION_ALGORITHMS);
    try {
      return toSignedArray(ecb(aesKey(bytesIn(key, "decrypt"))).decrypt(bytesIn(data, "decrypt")));
    } catch (e) {
      throw new GuestError(`javax.crypto.BadPaddingException: ${e instanceof Error ? e.message : String(e)}`, "JavaException");
    }
  }

  generateKey(alg: unknown): unknown {
    const a = algorithm(alg);
    const random = this.ctx.random;
    switch (a.name.toUpperCase()) {
      case "AES":
        return toSignedArray(random.bytes((a.length ?? 256) / 8));
      case "HMAC": {
        // Live AIC: generateKey("HMAC") gives 32 bytes, the SHA-256 output length; other hashes' lengths are
        // INFERENCE by the same rule.
        const outputBytes = { "SHA-1": 20, "SHA-256": 32, "SHA-384": 48, "SHA-512": 64 }[String(a.hash ?? "SHA-256").toUpperCase()] ?? 32;
        return toSignedArray(random.bytes(a.length ? a.length / 8 : outputBytes));
      }
      case "ECDSA": {
        const curve = ownValue<(typeof CURVES)[keyof typeof CURVES]>(CURVES, String(a.namedCurve ?? "P-256"));
        if (!curve) throw new GuestError(`Unsupported curve ${String(a.namedCurve)}`, "JavaException");
        const secret = curve.utils.randomSecretKey(random.bytes(curve.lengths.seed ?? 48));
        const name = String(a.namedCurve ?? "P-256") as keyof typeof CURVES;
        return new KeyPairBinding(toSignedArray(ecPkcs8(name, secret)), toSignedArray(ecSpki(name, curve.getPublicKey(secret, false))));
      }
      case "RSA": {
        // Generating a 2048-bit RSA key pair takes seconds in a sandbox, past the script's time limit; the
        // playground hands out its fixed demo key pair instead (real keys, real operations, not secret).
        warn(this.ctx, "rsa-demo-key", 'generateKey("RSA") returns the playground\'s fixed demo key pair; AM generates a new one each time.');
        const demo = keyFromJwk(DEMO_RSA_PRIVATE_JWK as unknown as Record<string, string>);
        return new KeyPairBinding(toSignedArray(encodePrivateKey(demo)), toSignedArray(encodePublicKey(demo)));
      }
      default:
        throw utilsError("Algorithm must be one of [AES, ECDSA, RSA, HMAC]");
    }
  }

  deriveKey(alg: unknown, baseKey: unknown, lengthBits: unknown): JavaArray {
    const a = algorithm(alg);
    if (a.name.toUpperCase() !== "PBKDF2") throw new GuestError(`Unsupported key derivation ${a.name}`, "JavaException");
    const bits = Number(lengthBits);
    if (!Number.isFinite(bits) || bits <= 0 || bits % 8 !== 0) throw new GuestError("derivedKeyLength must be a positive multiple of 8", "JavaException");
    // Live AIC: no salt fails; a salt inside the options object is cast to byte[], so a JS array is refused there.
    if (a.salt === undefined || a.salt === null) throw utilsError("Salt must be provided for PBKDF2.");
    if (Array.isArray(a.salt)) throw utilsError("class org.mozilla.javascript.NativeArray cannot be cast to class [B");
    const salt = bytesIn(a.salt, "deriveKey salt");
    const iterations = Math.max(1, Math.min(Number(a.iterations ?? 1000), 1_000_000));
    return toSignedArray(pbkdf2(hashOf(a.hash ?? "SHA-256"), bytesIn(baseKey, "deriveKey"), salt, { c: iterations, dkLen: bits / 8 }));
  }
}

class CryptoBinding extends HostObject {
  readonly members = CRYPTO_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.bindings.crypto.ScriptCryptoService";
  private readonly subtle: SubtleBinding;

  constructor(private readonly ctx: RunContext) {
    super();
    this.subtle = new SubtleBinding(ctx);
  }

  override guestGet(name: string): unknown {
    return name === "subtle" ? this.subtle : undefined;
  }
  override guestKeys(): string[] {
    return ["subtle"];
  }

  randomUUID(): string {
    return this.ctx.random.uuid();
  }

  /** Rhino's refusal of a call no overload takes (live: randomUUID(1), getRandomValues({ length: 2 })). */
  override guestNoSuchOverload(name: string, args: unknown[]): GuestError {
    return new GuestError(`Can't find method ${this.javaClass}.${name}(${args.map(rhinoArgType).join(",")}).`, "InternalError");
  }

  /** Fills the script's own array in place, as AM's does, and returns it. */
  getRandomValues(array: unknown): unknown {
    if (!Array.isArray(array)) throw this.guestNoSuchOverload("getRandomValues", [array]);
    // Signed 32-bit values, as Java's nextInt(): a live AIC tenant's four were int32 with a negative among them
    // (pingone-aic-manager's binding-utils payload, the version in published/aic-manager-utils-interop-live.json).
    for (let i = 0; i < array.length; i++) array[i] = this.ctx.random.nextUint32() | 0;
    writeBackToGuest(array);
    return array;
  }

  checkBcrypt(hash: unknown, password: unknown): boolean {
    try {
      return bcrypt.compareSync(String(password), String(hash));
    } catch {
      return false;
    }
  }
}

export class UtilsBinding extends HostObject {
  readonly members = NO_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.bindings.ScriptUtilityService";
  private readonly fields: Record<string, HostObject>;

  constructor(ctx: RunContext) {
    super();
    this.fields = {
      crypto: new CryptoBinding(ctx),
      base64: new Base64Binding(false),
      base64url: new Base64Binding(true),
      types: new TypesBinding(),
    };
  }

  override guestGet(name: string): unknown {
    return ownValue(this.fields, name);
  }
  override guestKeys(): string[] {
    return Object.keys(this.fields);
  }
}
