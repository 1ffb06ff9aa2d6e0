/**
 * The next-generation `utils` binding (ScriptUtilityService): base64, base64url, types, and crypto with
 * `subtle`. Bytes cross as arrays of signed numbers, as Java byte[] reaches scripts. Everything random is
 * drawn from the scenario's seed. Crypto is synchronous (noble), as AM's Java crypto is.
 */
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256, sha384, sha512 } from "@noble/hashes/sha2.js";
import { hmac } from "@noble/hashes/hmac.js";
import { pbkdf2 } from "@noble/hashes/pbkdf2.js";
import { p256, p384, p521 } from "@noble/curves/nist.js";
import { ecb } from "@noble/ciphers/aes.js";
import bcrypt from "bcryptjs";
import { GuestError, HostObject, writeBackToGuest } from "../../sandbox/host";
import { base64, base64url, decodeBase64, utf8 } from "../../util/random";
import { warn, type RunContext } from "../context";
import { ownValue } from "../../util/own-keys";
import { DEMO_RSA_PRIVATE_JWK } from "../../token/demo-keys";
import { RsaError, decodePrivateKey, decodePublicKey, encodePrivateKey, encodePublicKey, keyFromJwk, rsaDecrypt, rsaEncrypt, rsaSign, rsaVerify } from "./rsa";
import { NO_MEMBERS } from "../../bindings/members";
import { BASE64_MEMBERS, CRYPTO_MEMBERS, SUBTLE_MEMBERS, TYPES_MEMBERS } from "../../bindings/tables/nextgen";

type Bytes = Uint8Array;

/** Java byte[] as scripts see it: signed numbers. */
export function toSignedArray(bytes: Bytes): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

export function bytesIn(value: unknown, what: string): Bytes {
  if (typeof value === "string") return utf8.encode(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "number")) return Uint8Array.from(value, (v) => v & 0xff);
  throw new GuestError(`${what} expects a byte array or a string`, "TypeError");
}

function decodeOrThrow(text: unknown): Bytes {
  const bytes = decodeBase64(String(text));
  if (!bytes) throw new GuestError(`Illegal base64 character in "${String(text).slice(0, 40)}"`, "JavaException");
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

  encode(value: unknown): string {
    return this.enc(bytesIn(value, "encode"));
  }
  decode(value: unknown): string {
    return utf8.decode(decodeOrThrow(value));
  }
  decodeToBytes(value: unknown): number[] {
    return toSignedArray(decodeOrThrow(value));
  }
  btoa(value: unknown): string {
    return this.encode(String(value));
  }
  atob(value: unknown): string {
    return this.decode(value);
  }
}

class TypesBinding extends HostObject {
  readonly members = TYPES_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.bindings.ScriptTypesService";
  bytesToString(bytes: unknown): string {
    return utf8.decode(bytesIn(bytes, "bytesToString"));
  }
  stringToBytes(text: unknown): number[] {
    return toSignedArray(utf8.encode(String(text)));
  }
}

const HASHES = { "SHA-1": sha1, "SHA-256": sha256, "SHA-384": sha384, "SHA-512": sha512 } as const;
type HashName = keyof typeof HASHES;

function hashOf(name: unknown): (typeof HASHES)[HashName] {
  const key = String(name ?? "SHA-256").toUpperCase().replace(/^SHA(\d)/, "SHA-$1") as HashName;
  const hash = HASHES[key];
  if (!hash) throw new GuestError(`Unsupported hash algorithm ${String(name)}`, "JavaException");
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

const isRsa = (name: string) => /^RSA(SSA-PKCS1-V1_5)?$/i.test(name);

class SubtleBinding extends HostObject {
  readonly members = SUBTLE_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.bindings.crypto.subtle.ScriptSubtleService";

  constructor(private readonly ctx: RunContext) {
    super();
  }

  digest(name: unknown, data: unknown): number[] {
    return toSignedArray(hashOf(name)(bytesIn(data, "digest")));
  }

  sign(alg: unknown, key: unknown, data: unknown): number[] {
    const a = algorithm(alg);
    const message = bytesIn(data, "sign");
    const keyBytes = bytesIn(key, "sign");
    switch (a.name.toUpperCase()) {
      case "HMAC":
        return toSignedArray(hmac(hashOf(a.hash ?? "SHA-256"), keyBytes, message));
      case "ECDSA": {
        const curve = curveFor(keyBytes.length);
        const hash = hashOf(a.hash ?? CURVE_HASH[curve]);
        if (a.hash && CURVE_HASH[curve] !== String(a.hash).toUpperCase()) {
          throw new GuestError(`ECDSA curve ${curve} needs ${CURVE_HASH[curve]}, not ${a.hash}`, "JavaException");
        }
        return toSignedArray(CURVES[curve].sign(hash(message), keyBytes, { prehash: false, format: "der" }));
      }
      default:
        if (isRsa(a.name)) return toSignedArray(rsa(() => rsaSign(decodePrivateKey(keyBytes), message, String(a.hash ?? "SHA-256").toUpperCase())));
        return unsupported(`sign with ${a.name}`);
    }
  }

  verify(alg: unknown, key: unknown, data: unknown, signature: unknown): boolean {
    const a = algorithm(alg);
    const message = bytesIn(data, "verify");
    const keyBytes = bytesIn(key, "verify");
    const sig = bytesIn(signature, "verify");
    switch (a.name.toUpperCase()) {
      case "HMAC": {
        const expected = hmac(hashOf(a.hash ?? "SHA-256"), keyBytes, message);
        return expected.length === sig.length && expected.every((b, i) => b === sig[i]);
      }
      case "ECDSA": {
        const curve = curveFor(keyBytes.length);
        const hash = hashOf(a.hash ?? CURVE_HASH[curve]);
        try {
          return CURVES[curve].verify(sig, hash(message), keyBytes, { prehash: false, format: "der" });
        } catch {
          return false;
        }
      }
      default:
        if (isRsa(a.name)) return rsa(() => rsaVerify(decodePublicKey(keyBytes), message, sig, String(a.hash ?? "SHA-256").toUpperCase()));
        return unsupported(`verify with ${a.name}`);
    }
  }

  encrypt(alg: unknown, key: unknown, data: unknown): number[] {
    const a = algorithm(alg);
    if (isRsa(a.name)) {
      return toSignedArray(rsa(() => rsaEncrypt(decodePublicKey(bytesIn(key, "encrypt")), bytesIn(data, "encrypt"), (n) => this.ctx.random.bytes(n))));
    }
    if (a.name.toUpperCase() !== "AES") return unsupported(`encrypt with ${a.name}`);
    return toSignedArray(ecb(bytesIn(key, "encrypt")).encrypt(bytesIn(data, "encrypt")));
  }

  decrypt(alg: unknown, key: unknown, data: unknown): number[] {
    const a = algorithm(alg);
    if (isRsa(a.name)) return toSignedArray(rsa(() => rsaDecrypt(decodePrivateKey(bytesIn(key, "decrypt")), bytesIn(data, "decrypt"))));
    if (a.name.toUpperCase() !== "AES") return unsupported(`decrypt with ${a.name}`);
    try {
      return toSignedArray(ecb(bytesIn(key, "decrypt")).decrypt(bytesIn(data, "decrypt")));
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
        const blockBytes = { "SHA-1": 64, "SHA-256": 64, "SHA-384": 128, "SHA-512": 128 }[String(a.hash ?? "SHA-256").toUpperCase()] ?? 64;
        return toSignedArray(random.bytes(a.length ? a.length / 8 : blockBytes));
      }
      case "ECDSA": {
        const curve = ownValue<(typeof CURVES)[keyof typeof CURVES]>(CURVES, String(a.namedCurve ?? "P-256"));
        if (!curve) throw new GuestError(`Unsupported curve ${String(a.namedCurve)}`, "JavaException");
        const secret = curve.utils.randomSecretKey(random.bytes(curve.lengths.seed ?? 48));
        return { privateKey: toSignedArray(secret), publicKey: toSignedArray(curve.getPublicKey(secret, false)) };
      }
      case "RSA": {
        // Generating a 2048-bit RSA key pair takes seconds in a sandbox, past the script's time limit; the
        // playground hands out its fixed demo key pair instead (real keys, real operations, not secret).
        warn(this.ctx, "rsa-demo-key", 'generateKey("RSA") returns the playground\'s fixed demo key pair; AM generates a new one each time.');
        const demo = keyFromJwk(DEMO_RSA_PRIVATE_JWK as unknown as Record<string, string>);
        return { privateKey: toSignedArray(encodePrivateKey(demo)), publicKey: toSignedArray(encodePublicKey(demo)) };
      }
      default:
        return unsupported(`generateKey for ${a.name}`);
    }
  }

  deriveKey(alg: unknown, baseKey: unknown, lengthBits: unknown): number[] {
    const a = algorithm(alg);
    if (a.name.toUpperCase() !== "PBKDF2") throw new GuestError(`Unsupported key derivation ${a.name}`, "JavaException");
    const bits = Number(lengthBits);
    if (!Number.isFinite(bits) || bits <= 0 || bits % 8 !== 0) throw new GuestError("derivedKeyLength must be a positive multiple of 8", "JavaException");
    const salt = a.salt === undefined ? new Uint8Array(0) : bytesIn(a.salt, "deriveKey salt");
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

  /** Fills the script's own array in place, as AM's does, and returns it. */
  getRandomValues(array: unknown): unknown {
    if (!Array.isArray(array)) throw new GuestError("getRandomValues expects an array", "TypeError");
    for (let i = 0; i < array.length; i++) array[i] = this.ctx.random.nextUint32() >>> 1;
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
