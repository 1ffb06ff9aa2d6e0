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
        "InternalError: Cannot convert org.mozilla.javascript.NativeArray@<hash> to byte[]",
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
      "InternalError: Can't find method org.forgerock.openam.scripting.bindings.crypto.subtle.ScriptSubtleService.encrypt(string,org.forgerock.openam.scripting.javascript.MapScriptWrapper,[B).",
    ]);
  });

  it("generateKey(\"HMAC\") is 32 bytes, an ECDSA P-256 signature 64 (r || s) and verifies", async () => {
    expect(
      await lines(`var s = utils.crypto.subtle, k = s.generateKey("ECDSA"), m = utils.types.stringToBytes("abc"), sig = s.sign("ECDSA", k.privateKey, m);
logger.info([s.generateKey("HMAC").length, sig.length, s.verify("ECDSA", k.publicKey, m, sig), s.verify("ECDSA", k.publicKey, utils.types.stringToBytes("abd"), sig)].join());`),
    ).toEqual(["32,64,true,false"]);
  });
});
