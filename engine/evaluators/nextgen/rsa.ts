/**
 * RSA for `utils.crypto.subtle`, synchronous as AM's Java crypto is (WebCrypto is asynchronous and the
 * sandbox cannot wait). Keys travel as AM hands them to scripts: Java's `getEncoded()` bytes, X.509
 * SubjectPublicKeyInfo for public keys and PKCS#8 for private keys. Signatures are RSASSA-PKCS1-v1_5 and
 * encryption is Java's default "RSA" transformation (RSA/ECB/PKCS1Padding). Arithmetic is BigInt.
 */
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256, sha384, sha512 } from "@noble/hashes/sha2.js";
import { decodeBase64 } from "../../util/random";

type Bytes = Uint8Array;

export interface RsaPublicKey {
  n: bigint;
  e: bigint;
}

export interface RsaPrivateKey extends RsaPublicKey {
  d: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qi: bigint;
}

export class RsaError extends Error {}

// --- DER -------------------------------------------------------------------------------------------

interface Der {
  tag: number;
  body: Bytes;
}

function readDer(bytes: Bytes, offset = 0): { node: Der; next: number } {
  if (offset + 2 > bytes.length) throw new RsaError("truncated DER");
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new RsaError("unsupported DER length");
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i];
    start += count;
  }
  if (start + length > bytes.length) throw new RsaError("truncated DER");
  return { node: { tag, body: bytes.subarray(start, start + length) }, next: start + length };
}

function children(node: Der): Der[] {
  const out: Der[] = [];
  for (let offset = 0; offset < node.body.length; ) {
    const { node: child, next } = readDer(node.body, offset);
    out.push(child);
    offset = next;
  }
  return out;
}

function expect(node: Der, tag: number, what: string): Der {
  if (node.tag !== tag) throw new RsaError(`not an RSA key (${what})`);
  return node;
}

function toBigInt(bytes: Bytes): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function toBytes(n: bigint, length: number): Bytes {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

function minimalBytes(n: bigint): Bytes {
  const hex = n.toString(16);
  const padded = hex.length % 2 ? `0${hex}` : hex;
  const bytes = Uint8Array.from(padded.match(/../g) ?? [], (h) => parseInt(h, 16));
  return bytes[0] & 0x80 ? Uint8Array.from([0, ...bytes]) : bytes;
}

function der(tag: number, body: Bytes): Bytes {
  const len = body.length;
  const header =
    len < 0x80 ? [len] : len < 0x100 ? [0x81, len] : len < 0x10000 ? [0x82, len >> 8, len & 0xff] : [0x83, len >> 16, (len >> 8) & 0xff, len & 0xff];
  return Uint8Array.from([tag, ...header, ...body]);
}

const seq = (...parts: Bytes[]) => der(0x30, Uint8Array.from(parts.flatMap((p) => [...p])));
const int = (n: bigint) => der(0x02, minimalBytes(n));
/** AlgorithmIdentifier rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
const RSA_ALGORITHM = Uint8Array.from([0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]);

export function encodePublicKey(key: RsaPublicKey): Bytes {
  const rsaPublicKey = seq(int(key.n), int(key.e));
  return seq(RSA_ALGORITHM, der(0x03, Uint8Array.from([0, ...rsaPublicKey])));
}

export function encodePrivateKey(key: RsaPrivateKey): Bytes {
  const rsaPrivateKey = seq(int(0n), int(key.n), int(key.e), int(key.d), int(key.p), int(key.q), int(key.dp), int(key.dq), int(key.qi));
  return seq(int(0n), RSA_ALGORITHM, der(0x04, rsaPrivateKey));
}

export function decodePublicKey(bytes: Bytes): RsaPublicKey {
  const [, bitString] = children(expect(readDer(bytes).node, 0x30, "SubjectPublicKeyInfo"));
  if (!bitString) throw new RsaError("not an RSA public key");
  const inner = expect(bitString, 0x03, "BIT STRING").body.subarray(1);
  const [n, e] = children(expect(readDer(inner).node, 0x30, "RSAPublicKey")).map((c) => toBigInt(expect(c, 0x02, "INTEGER").body));
  return { n, e };
}

export function decodePrivateKey(bytes: Bytes): RsaPrivateKey {
  const parts = children(expect(readDer(bytes).node, 0x30, "PrivateKeyInfo"));
  const octets = expect(parts[2] ?? { tag: 0, body: new Uint8Array() }, 0x04, "OCTET STRING").body;
  const values = children(expect(readDer(octets).node, 0x30, "RSAPrivateKey")).map((c) => toBigInt(expect(c, 0x02, "INTEGER").body));
  const [, n, e, d, p, q, dp, dq, qi] = values;
  if (qi === undefined) throw new RsaError("not an RSA private key");
  return { n, e, d, p, q, dp, dq, qi };
}

/** A JWK (base64url fields) as key numbers. */
export function keyFromJwk(jwk: Record<string, string>): RsaPrivateKey {
  const big = (field: string) => toBigInt(decodeBase64(jwk[field]) ?? new Uint8Array());
  return { n: big("n"), e: big("e"), d: big("d"), p: big("p"), q: big("q"), dp: big("dp"), dq: big("dq"), qi: big("qi") };
}

// --- arithmetic ------------------------------------------------------------------------------------

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** m^d mod n through the Chinese remainder theorem (four times fewer big multiplications). */
function privateOp(key: RsaPrivateKey, m: bigint): bigint {
  const m1 = modPow(m, key.dp, key.p);
  const m2 = modPow(m, key.dq, key.q);
  const h = (((m1 - m2) % key.p) + key.p) * key.qi % key.p;
  return m2 + h * key.q;
}

const byteLength = (n: bigint) => Math.ceil(n.toString(16).length / 2);

// --- RSASSA-PKCS1-v1_5 -----------------------------------------------------------------------------

const DIGEST_INFO: Record<string, { prefix: number[]; hash: (m: Bytes) => Bytes }> = {
  "SHA-1": { prefix: [0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14], hash: sha1 },
  "SHA-256": { prefix: [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20], hash: sha256 },
  "SHA-384": { prefix: [0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30], hash: sha384 },
  "SHA-512": { prefix: [0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40], hash: sha512 },
};

function encodedMessage(message: Bytes, hashName: string, length: number): Bytes {
  const info = DIGEST_INFO[hashName];
  if (!info) throw new RsaError(`unsupported hash ${hashName}`);
  const t = [...info.prefix, ...info.hash(message)];
  if (length < t.length + 11) throw new RsaError("key too short for this hash");
  return Uint8Array.from([0x00, 0x01, ...new Array<number>(length - t.length - 3).fill(0xff), 0x00, ...t]);
}

export function rsaSign(key: RsaPrivateKey, message: Bytes, hashName: string): Bytes {
  const k = byteLength(key.n);
  return toBytes(privateOp(key, toBigInt(encodedMessage(message, hashName, k))), k);
}

export function rsaVerify(key: RsaPublicKey, message: Bytes, signature: Bytes, hashName: string): boolean {
  const k = byteLength(key.n);
  if (signature.length !== k) return false;
  const s = toBigInt(signature);
  if (s >= key.n) return false;
  const em = toBytes(modPow(s, key.e, key.n), k);
  const expected = encodedMessage(message, hashName, k);
  return em.every((b, i) => b === expected[i]);
}

// --- RSA/ECB/PKCS1Padding --------------------------------------------------------------------------

export function rsaEncrypt(key: RsaPublicKey, data: Bytes, randomBytes: (count: number) => Bytes): Bytes {
  const k = byteLength(key.n);
  if (data.length > k - 11) throw new RsaError(`Data must not be longer than ${k - 11} bytes`);
  const padding: number[] = [];
  while (padding.length < k - data.length - 3) for (const b of randomBytes(k)) if (b !== 0 && padding.length < k - data.length - 3) padding.push(b);
  const em = Uint8Array.from([0x00, 0x02, ...padding, 0x00, ...data]);
  return toBytes(modPow(toBigInt(em), key.e, key.n), k);
}

export function rsaDecrypt(key: RsaPrivateKey, data: Bytes): Bytes {
  const k = byteLength(key.n);
  if (data.length !== k) throw new RsaError(`Decryption error (ciphertext must be ${k} bytes)`);
  const em = toBytes(privateOp(key, toBigInt(data)), k);
  const separator = em.indexOf(0, 2);
  if (em[0] !== 0 || em[1] !== 2 || separator < 10) throw new RsaError("Decryption error");
  return em.subarray(separator + 1);
}
