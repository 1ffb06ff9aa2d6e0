/**
 * Keys a script chooses are ordinary keys on the host too. AM stores them in Java maps, where "__proto__" or
 * "constructor" mean nothing special; host code that used them on ordinary objects lost them, read inherited
 * Object.prototype members, or (openidm.patch) wrote into the worker's own Object.prototype.
 */
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../engine";

const ng = (script: string, scenario: Record<string, unknown> = {}) => run(script, { evaluator: "next-gen", ...scenario });
const legacy = (script: string, scenario: Record<string, unknown> = {}) => run(script, { evaluator: "legacy", ...scenario });

const USER = "managed/alpha_user/u1";
const withUser = { openidm: { [USER]: { userName: "bjensen", mail: "b@example.com" } } };

/** Names Object.prototype answers on an ordinary object. */
const INHERITED = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "__defineGetter__"];

afterEach(() => {
  // Nothing a script did may reach the test process's own prototypes.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("issuer");
  expect(({} as Record<string, unknown>).issuer).toBeUndefined();
});

describe("openidm paths stay on the object's own keys", () => {
  it("patch with a /__proto__/ field changes a key named __proto__, not Object.prototype, and the next run is clean", async () => {
    const result = await ng(
      `var r = openidm.patch('${USER}', null, [{ operation: 'add', field: '/__proto__/issuer', value: 'x' }]);
       accessToken.setField('after', openidm.read('${USER}'));`,
      withUser,
    );
    expect(result.error).toBeNull();
    const after = result.introspection?.after as Record<string, unknown>;
    expect(Object.keys(after)).toContain("__proto__");
    expect(Object.getOwnPropertyDescriptor(after, "__proto__")?.value).toEqual({ issuer: "x" });
    expect(after.userName).toBe("bjensen");

    const next = await ng("accessToken.setField('probe', typeof ({}).issuer);");
    expect(next.introspection?.probe).toBe("undefined");
  });

  for (const field of ["/constructor/prototype/issuer", "/toString/issuer", "/__proto__/__proto__/issuer"]) {
    it(`patch field ${field} creates own keys only`, async () => {
      const result = await ng(
        `openidm.patch('${USER}', null, [{ operation: 'replace', field: '${field}', value: 'x' }]);
         accessToken.setField('after', JSON.stringify(openidm.read('${USER}')));`,
        withUser,
      );
      expect(result.error).toBeNull();
      const parts = field.split("/").filter(Boolean);
      let expected: unknown = "x";
      for (const part of [...parts].reverse()) expected = { [part]: expected };
      const stored = JSON.parse(String(result.introspection?.after)) as Record<string, unknown>;
      const expectedJson = JSON.stringify(expected).slice(1, -1);
      expect(JSON.stringify(stored)).toContain(expectedJson);
    });
  }

  it("increment and remove on an inherited name touch nothing that was not stored", async () => {
    const result = await ng(
      `openidm.patch('${USER}', null, [{ operation: 'increment', field: '/constructor', value: 2 }, { operation: 'remove', field: '/toString' }]);
       var o = openidm.read('${USER}');
       accessToken.setField('c', o.constructor); accessToken.setField('keys', Object.keys(o).sort());`,
      withUser,
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.c).toBe(2);
    expect(result.introspection?.keys).toEqual(["_id", "_rev", "constructor", "mail", "userName"]);
  });

  it("a query filter on an inherited name matches nothing", async () => {
    const result = await ng(
      `var q = openidm.query('managed/alpha_user', { _queryFilter: 'constructor pr' });
       accessToken.setField('count', q.resultCount);`,
      withUser,
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.count).toBe(0);
  });
});

describe("a __proto__ key is an ordinary claim, as AM keeps it", () => {
  const script = `
    accessToken.setField('__proto__', 'top');
    accessToken.setField('nested', JSON.parse('{"__proto__": {"a": 1}, "b": 2}'));
    accessToken.setFields(JSON.parse('{"__proto__x": 1, "constructor": "c"}'));
    accessToken.addExtraJsonData('__proto__', JSON.parse('{"__proto__": "deep"}'));`;

  it("in the introspection, the token response, the JWT and the token view (next-gen)", async () => {
    const result = await ng(script, { token: { storage: "client-side" } });
    expect(result.error).toBeNull();
    const own = (o: unknown, k: string) => Object.getOwnPropertyDescriptor(o, k)?.value;
    expect(own(result.introspection, "__proto__")).toBe("top");
    expect(own(result.introspection?.nested, "__proto__")).toEqual({ a: 1 });
    expect(result.introspection?.constructor).toBe("c");
    expect(own(result.jwt?.claims, "__proto__")).toBe("top");
    expect(own(result.tokenResponse, "__proto__")).toEqual(JSON.parse('{"__proto__": "deep"}'));
    expect(own(result.token?.after, "__proto__")).toBe("top");
    expect(result.token?.changes.added).toContain("__proto__");
    expect(own(result.token?.extraData, "__proto__")).toBeDefined();
    // What the CLI prints and the app shows: JSON text with the key.
    expect(JSON.stringify(result.introspection)).toContain('"__proto__":"top"');
    expect(JSON.stringify(result.introspection)).toContain('"nested":{"__proto__":{"a":1},"b":2}');
  });

  it("in the legacy evaluator too", async () => {
    const result = await legacy(`
      accessToken.setField('__proto__', 'top');
      var m = new java.util.HashMap(); m.put('__proto__', 'v'); m.put('constructor', 'c');
      accessToken.setField('map', m);`);
    expect(result.error).toBeNull();
    expect(Object.getOwnPropertyDescriptor(result.introspection, "__proto__")?.value).toBe("top");
    expect(JSON.stringify(result.introspection?.map)).toMatch(/"__proto__":"v"/);
    expect(JSON.stringify(result.introspection?.map)).toMatch(/"constructor":"c"/);
  });

  it("a script reads its __proto__ key back as a key", async () => {
    const result = await ng(`
      accessToken.setField('n', JSON.parse('{"__proto__": {"a": 1}}'));
      var back = accessToken.getField('n');
      accessToken.setField('ownKeys', Object.keys(back));
      accessToken.setField('protoIsObject', Object.getPrototypeOf(back) === Object.prototype);`);
    expect(result.error).toBeNull();
    expect(result.introspection?.ownKeys).toEqual(["__proto__"]);
    expect(result.introspection?.protoIsObject).toBe(true);
  });
});

describe("names Object.prototype answers are unknown names like any other", () => {
  for (const name of INHERITED) {
    it(`secrets.getGenericSecret('${name}') fails as an unknown secret`, async () => {
      const result = await ng(`secrets.getGenericSecret('${name}');`, { secrets: { "scripted.node.x": "v" } });
      expect(result.error?.message).toBe(`JavaException: org.forgerock.secrets.NoSuchSecretException: No secret configured for purpose ${name}`);
    });

    it(`require('${name}') fails as an unknown library`, async () => {
      const result = await ng(`require('${name}');`, { libraries: { lib: "exports.x = 1;" } });
      expect(result.error?.message).toBe(`Error: Library script "${name}" not found. The scenario's libraries are: lib.`);
    });

    it(`systemEnv.getProperty(k, null, '${name}') fails as an unknown type`, async () => {
      const result = await ng(`systemEnv.getProperty('esv.x', null, '${name}');`, { systemEnv: { "esv.x": "1" } });
      expect(result.error?.message).toBe(`JavaException: Unsupported property type ${name}`);
    });

    it(`systemEnv.getProperty('${name}') is null when unset`, async () => {
      const result = await ng(`accessToken.setField('v', systemEnv.getProperty('${name}'));`);
      expect(result.error).toBeNull();
      expect(result.introspection?.v).toBeNull();
    });

    it(`utils.${name} and java.lang.Integer.${name} read nothing stored`, async () => {
      const ngResult = await ng(`accessToken.setField('t', typeof utils['${name}']);`);
      expect(ngResult.introspection?.t).toBe("undefined");
      const legacyResult = await legacy(`accessToken.setField('t', typeof java.lang.Integer['${name}']);`);
      expect(legacyResult.error).toBeNull();
      expect(legacyResult.introspection?.t).not.toBe("object");
    });
  }

  it("a known secret, library and property still answer", async () => {
    const result = await ng(
      `accessToken.setField('s', secrets.getGenericSecret('scripted.node.x').getAsUtf8());
       accessToken.setField('l', require('lib').x);
       accessToken.setField('e', systemEnv.getProperty('esv.x', null, 'java.lang.Integer'));`,
      { secrets: { "scripted.node.x": "v" }, libraries: { lib: "exports.x = 1;" }, systemEnv: { "esv.x": "7" } },
    );
    expect(result.error).toBeNull();
    expect(result.introspection).toMatchObject({ s: "v", l: 1, e: 7 });
  });
});

describe("HTTP names the script or the scenario chooses are ordinary names", () => {
  const mock = {
    request: { url: "https://api.example.com/x", json: { constructor: "c" } },
    response: { status: 200, headers: { toString: "t" }, body: "__proto__=1&toString=2&toString=3" },
  };

  it("request headers and response form data keep __proto__ and toString", async () => {
    const result = await ng(
      `var r = httpClient.send('https://api.example.com/x', { method: 'POST', body: { constructor: 'c' }, headers: JSON.parse('{"__proto__": "h", "toString": "t"}') }).get();
       accessToken.setField('status', r.status);
       accessToken.setField('form', r.formData());`,
      { http: [mock] },
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.status).toBe(200);
    expect(JSON.stringify(result.introspection?.form)).toBe('{"__proto__":["1"],"toString":["2","3"]}');
    const sent = result.http[0].headers as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(sent, "__proto__")?.value).toEqual(["h"]);
    expect(Object.getOwnPropertyDescriptor(sent, "toString")?.value).toEqual(["t"]);
  });
});

describe("openidm field selection on a __proto__ key", () => {
  it("read(id, null, ['__proto__']) returns the stored __proto__ field as a field", async () => {
    const result = await ng(
      `openidm.patch('${USER}', null, [{ operation: 'add', field: '/__proto__', value: { issuer: 'x' } }]);
       accessToken.setField('picked', JSON.stringify(openidm.read('${USER}', null, ['__proto__'])));`,
      withUser,
    );
    expect(result.error).toBeNull();
    expect(JSON.parse(String(result.introspection?.picked))).toEqual(JSON.parse('{"_id":"u1","_rev":"2","__proto__":{"issuer":"x"}}'));
  });
});

describe("static warnings look script names up as names", () => {
  it("a variable named constructor or hasOwnProperty is no wrong-evaluator API", async () => {
    const result = await ng("var constructor = { x: function () { return 1; } };\nconstructor.x();\nvar hasOwnProperty = { y: function () {} };\nhasOwnProperty.y();");
    expect(result.error).toBeNull();
    expect(result.warnings.filter((w) => w.code === "wrong-evaluator-api")).toEqual([]);
  });
});

describe("utils.crypto names are looked up as names", () => {
  it("generateKey with namedCurve 'constructor' is an unsupported curve like any other", async () => {
    const result = await ng("utils.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'constructor' }, true, ['sign']);");
    expect(result.error?.message).toBe("JavaException: Unsupported curve constructor");
  });
});
