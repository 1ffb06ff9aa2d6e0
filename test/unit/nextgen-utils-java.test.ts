import { describe, expect, it } from "vitest";
import { run } from "../../engine";

/** The lines a next-gen script logs (logger.info), masking Java identity hashes as the live probe did. */
async function lines(script: string): Promise<string[]> {
  const result = await run(script, { evaluator: "next-gen" });
  if (result.error) throw new Error(result.error.message);
  return result.logs.map((l) => l.message.replace(/@[0-9a-f]{4,8}\b/g, "@<hash>"));
}

// Live AIC (published/aic-manager-utils-live.json) and rhino -version 0 with a byte[] parameter agree on these.
describe("next-gen utils hands and takes Java byte[]", () => {
  it("returns a Java byte[]: typeof object, not an Array, [B@… as text, signed numbers at its indexes", async () => {
    expect(await lines('var b = utils.types.stringToBytes("hé"); logger.info([typeof b, String(b), Array.isArray(b), b.length, b[1], b[2], Object.keys(b).join(), JSON.stringify(b)].join("|"));')).toEqual([
      "object|[B@<hash>|false|3|-61|-87|0,1,2|[104,-61,-87]",
    ]);
  });

  it("every byte result is one: decodeToBytes, digest, sign, encrypt, deriveKey, generateKey", async () => {
    const out = await lines(`var s = utils.crypto.subtle, k = utils.types.stringToBytes("0123456789abcdef");
var all = [utils.base64.decodeToBytes("AAE="), utils.base64url.decodeToBytes("AAE"), s.digest("SHA-256", k), s.sign("HMAC", k, k), s.encrypt("AES", k, k),
  s.deriveKey({ name: "PBKDF2", salt: k, iterations: 2, hash: "SHA-256" }, k, 128), s.generateKey("AES")];
for (var i = 0; i < all.length; i++) logger.info(String(all[i]).slice(0, 3) + " " + Array.isArray(all[i]));`);
    expect(out).toEqual(Array(7).fill("[B@ false"));
  });

  it("converts a JS array as Rhino converts one to byte[]: numbers and numeric strings, truncated, -128..127", async () => {
    expect(await lines('logger.info(utils.base64.encode([1.9, "2", -128, 127]));')).toEqual(["AQKAfw=="]);
    for (const bad of ["[251, 255]", "[true]", "[null]", '["a"]', "[-129]"]) {
      expect(await lines(`try { utils.base64.encode(${bad}); } catch (e) { logger.info(String(e)); }`), bad).toEqual([
        "InternalError: Cannot convert org.mozilla.javascript.NativeArray@<hash> to byte[] (Access Token Modification Script#1)",
      ]);
    }
  });

  it("takes back its own byte[] (bytesToString, sign with a returned key)", async () => {
    expect(await lines('var b = utils.base64.decodeToBytes("aMOp"); logger.info(utils.types.bytesToString(b) + " " + utils.base64.encode(b));')).toEqual(["hé aMOp"]);
  });
});

describe("next-gen utils fails as AIC's does: InternalError with the Java message", () => {
  const cases: [string, string][] = [
    ['utils.base64.decode("%%%bad")', "InternalError: Illegal base64 character 25"],
    ['utils.crypto.subtle.sign({ name: "HMAC", hash: { name: "SHA-256" } }, [1], [2])', "InternalError: Unsupported hashing algorithm: [object Object]"],
    ['utils.crypto.subtle.encrypt("AES-CBC", [0], [1])', "InternalError: Algorithm must be one of [AES, RSA]"],
    ['utils.crypto.subtle.decrypt({ name: "AES-GCM" }, [0], [1])', "InternalError: Algorithm must be one of [AES, RSA]"],
    ['utils.crypto.subtle.generateKey("AES-CBC")', "InternalError: Algorithm must be one of [AES, ECDSA, RSA, HMAC]"],
    ['utils.crypto.subtle.deriveKey("PBKDF2", [1, 2], 128)', "InternalError: Salt must be provided for PBKDF2."],
  ];
  for (const [call, message] of cases) {
    it(call, async () => {
      expect(await lines(`try { ${call}; logger.info("no error"); } catch (e) { logger.info(String(e)); }`)).toEqual([message]);
    });
  }

  it("base64url answers null for text it cannot decode", async () => {
    expect(await lines('logger.info(String(utils.base64url.decode("%%%bad")) + " " + String(utils.base64url.decodeToBytes("%%%bad")));')).toEqual(["null null"]);
  });
});

describe("utils.crypto.getRandomValues", () => {
  it("fills the script's array and returns that same array", async () => {
    expect(await lines('var a = [0, 0, 0]; var x = utils.crypto.getRandomValues(a); logger.info([x === a, Array.isArray(x), a.length, typeof a[0], a.join() === x.join()].join());')).toEqual([
      "true,true,3,number,true",
    ]);
  });
});

// Live AIC (published/aic-manager-utils-live.json, binding-utils-subtle).
describe("next-gen subtle keys and signatures as AIC gives them", () => {
  it("a generated RSA or ECDSA key pair is a map of two byte[]s that prints as AIC's MapScriptWrapper and fits no byte[] parameter", async () => {
    expect(
      await lines(`var k = utils.crypto.subtle.generateKey("ECDSA"); logger.info([String(k), Object.keys(k).join(), Array.isArray(k), String(k.length), String(k.publicKey).slice(0, 3)].join("|"));
try { utils.crypto.subtle.encrypt("RSA", utils.crypto.subtle.generateKey("RSA"), utils.types.stringToBytes("abc")); } catch (e) { logger.info(String(e)); }`),
    ).toEqual([
      '{ "privateKey": [B@<hash>, "publicKey": [B@<hash> }|privateKey,publicKey|false|undefined|[B@',
      "InternalError: Can't find method org.forgerock.openam.scripting.bindings.crypto.subtle.ScriptSubtleService.encrypt(string,org.forgerock.openam.scripting.javascript.MapScriptWrapper,[B). (Access Token Modification Script#2)",
    ]);
  });

  it("generateKey(\"HMAC\") is 32 bytes, an ECDSA P-256 signature 64 (r || s) and verifies", async () => {
    expect(
      await lines(`var s = utils.crypto.subtle, k = s.generateKey("ECDSA"), m = utils.types.stringToBytes("abc"), sig = s.sign("ECDSA", k.privateKey, m);
logger.info([s.generateKey("HMAC").length, sig.length, s.verify("ECDSA", k.publicKey, m, sig), s.verify("ECDSA", k.publicKey, utils.types.stringToBytes("abd"), sig)].join());`),
    ).toEqual(["32,64,true,false"]);
  });
});

// Live AIC (published/aic-manager-utils-interop-live.json, binding-utils-interop): the probe's throwaway P-256 key
// and OpenSSL's signatures of "interop" under it.
const EC_PUB = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAECVzVmWjfyFzTcIarPr6R3ZTtyNHAL6Izl+wUOuvGWUfBq44Q14wS/6fUQAzdj17ikqoSj9AV+nwAtmIB2FOQeA==";
const SIG_P1363 = "DIEfbOtwIkA5hVeYfPLMIO/ciPI3VmYVv30kAOelYnOrtqND+4gt9J15qziD0Ym05E/BE3DzuQP6ysxCOneXiw==";
const SIG_DER = "MEUCIAyBH2zrcCJAOYVXmHzyzCDv3IjyN1ZmFb99JADnpWJzAiEAq7ajQ/uILfSdeas4g9GJtORPwRNw87kD+srMQjp3l4s=";

describe("next-gen subtle interoperates as AIC does", () => {
  it("verifies an X.509 SPKI EC key's P1363 signature (high s included), not its DER form", async () => {
    const verify = (sig: string, text: string) => `utils.crypto.subtle.verify("ECDSA", utils.base64.decodeToBytes("${EC_PUB}"), utils.types.stringToBytes("${text}"), utils.base64.decodeToBytes("${sig}"))`;
    expect(await lines(`logger.info([${verify(SIG_P1363, "interop")}, ${verify(SIG_DER, "interop")}, ${verify(SIG_P1363, "interoq")}].join());`)).toEqual(["true,false,false"]);
  });

  it("generates ECDSA keys as SPKI and PKCS#8 DER and signs with them", async () => {
    expect(
      await lines(`var s = utils.crypto.subtle, k = s.generateKey("ECDSA"), m = utils.types.stringToBytes("m");
function hex(a, n) { var h = ""; for (var j = 0; j < n; j++) { var x = (a[j] + 256) % 256; h += (x < 16 ? "0" : "") + x.toString(16); } return h; }
logger.info([k.publicKey.length, hex(k.publicKey, 27), k.privateKey.length, hex(k.privateKey, 35), s.verify("ECDSA", k.publicKey, m, s.sign("ECDSA", k.privateKey, m))].join("|"));`),
    ).toEqual(["91|3059301306072a8648ce3d020106082a8648ce3d03010703420004|67|3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420|true"]);
  });

  const refusals: [string, string][] = [
    ['utils.crypto.subtle.digest("MD5", [1])', "InternalError: Algorithm must be one of [SHA-256, SHA-384, SHA-1, SHA-512]"],
    ['utils.crypto.subtle.digest({ name: "SHA-256" }, [1])', "InternalError: Algorithm must be one of [SHA-256, SHA-384, SHA-1, SHA-512]"],
    ['utils.crypto.subtle.encrypt("AES", utils.types.stringToBytes("short"), [1])', "JavaException: org.forgerock.openam.scripting.bindings.crypto.ScriptCryptoException: java.security.InvalidKeyException: Invalid AES key length: 5 bytes"],
    // Rhino's own refusals end with the script's name and line, as AIC's did ("… (AIC Rhino Let Probe#128)").
    ["utils.crypto.randomUUID(1)", "InternalError: Can't find method org.forgerock.openam.scripting.bindings.crypto.ScriptCryptoService.randomUUID(number). (Access Token Modification Script#1)"],
    ["utils.crypto.getRandomValues({ length: 2 })", "InternalError: Can't find method org.forgerock.openam.scripting.bindings.crypto.ScriptCryptoService.getRandomValues(object). (Access Token Modification Script#1)"],
  ];
  for (const [call, message] of refusals) {
    it(call, async () => {
      expect(await lines(`try { ${call}; logger.info("no error"); } catch (e) { logger.info(String(e)); }`)).toEqual([message]);
    });
  }

  it("a number goes to base64.encode's and stringToBytes' String overloads", async () => {
    expect(await lines('logger.info(utils.base64.encode(12) + " " + utils.types.bytesToString(utils.types.stringToBytes(12)));')).toEqual(["MTI= 12"]);
  });
});

describe("utils.crypto.getRandomValues values", () => {
  it("are signed 32-bit integers, negatives among them, as Java's nextInt() gives (live AIC: int32, anyNegative)", async () => {
    const out = await lines("var a = []; for (var i = 0; i < 64; i++) a.push(0); utils.crypto.getRandomValues(a); var neg = false, int32 = true; for (var j = 0; j < a.length; j++) { if (a[j] < 0) neg = true; if ((a[j] | 0) !== a[j]) int32 = false; } logger.info(int32 + ' ' + neg);");
    expect(out).toEqual(["true true"]);
  });
});
