import { describe, expect, it } from "vitest";
import { run } from "../../engine";

async function ng(script: string, scenario: Record<string, unknown> = {}) {
  return run(script, { evaluator: "next-gen", ...scenario });
}

async function observe(script: string, scenario: Record<string, unknown> = {}) {
  const result = await ng(script, scenario);
  if (result.error) throw new Error(`${result.error.kind}: ${result.error.message} (line ${result.error.line})`);
  return { out: result.introspection?.out, warnings: result.warnings.map((w) => w.code) };
}

describe("next-generation clientProperties / requestProperties are read-only Java maps", () => {
  it("run Ping's documented next-generation 'Set values' example: get(key) on the maps and on customProperties", async () => {
    // docs.pingidentity.com/pingam/8.1/am-scripting/access-token-modification-api.html, "Set values", Next-generation tab.
    const script = [
      "// add values to the token using available bindings",
      "accessToken.setField('foo', 'bar');",
      "var customProperties = clientProperties.get('customProperties');",
      "accessToken.setField('customClientProperty', customProperties.get('testCustomProp'));",
      "accessToken.setField('oauth2ClientId', clientProperties.get('clientId'));",
      "accessToken.setField('requestUri', requestProperties.get('requestUri'));",
    ].join("\n");
    const result = await ng(script, { client: { clientId: "myClient", customProperties: { testCustomProp: "custom-value" } } });
    expect(result.error).toBeNull();
    expect(result.introspection).toMatchObject({
      foo: "bar",
      customClientProperty: "custom-value",
      oauth2ClientId: "myClient",
      requestUri: "https://am.example.com/am/oauth2/realms/root/realms/alpha/access_token",
    });
    expect(result.warnings).toEqual([]);
  });

  it("answer requestParams.get('grant_type') with the array of values the docs describe", async () => {
    const { out, warnings } = await observe(
      "var requestParams = requestProperties.get('requestParams');\nvar gt = requestParams.get('grant_type');\naccessToken.setField('out', [Array.isArray(gt), gt[0], gt.length, requestParams.get('audience')[1], requestParams.get('nope')]);",
      { token: { grantType: "client_credentials" }, request: { params: { audience: ["a", "b"] } } },
    );
    expect(out).toEqual([true, "client_credentials", 1, "b", null]);
    expect(warnings).toEqual([]);
  });

  it("also answer property reads, as the docs' requestHeaders example and a tenant probe read them", async () => {
    const { out, warnings } = await observe(
      "accessToken.setField('out', [clientProperties.clientId, clientProperties.customProperties.tier, clientProperties['customProperties'].get('tier'), requestProperties.requestHeaders['X-Forwarded-For'][0], requestProperties.requestParams.grant_type[0], requestProperties.realm, typeof clientProperties.nope, 'clientId' in clientProperties]);",
      { client: { customProperties: { tier: "gold" } }, request: { headers: { "X-Forwarded-For": ["10.0.0.1"] } } },
    );
    expect(out).toEqual(["myClient", "gold", "gold", "10.0.0.1", "authorization_code", "/alpha", "undefined", true]);
    expect(warnings).toEqual([]);
  });

  it("nest customProperties maps (customMap[key1]=v) and store a map set into the token as JSON", async () => {
    const { out } = await observe("accessToken.setField('out', [clientProperties.get('customProperties').get('customMap').get('key1'), clientProperties.get('customProperties')]);", {
      client: { customProperties: { customMap: { key1: "v" } } },
    });
    expect(out).toEqual(["v", { customMap: { key1: "v" } }]);
  });

  it("are null when AM could not identify the client", async () => {
    const { out } = await observe("accessToken.setField('out', clientProperties === null);", { client: null });
    expect(out).toBe(true);
  });

  it("refuse writes: the maps are read-only", async () => {
    const put = await ng("clientProperties.put('clientId', 'x');");
    expect(put.error?.message).toMatch(/clientProperties is read-only/);
    const assign = await ng("requestProperties.requestParams.grant_type = ['x'];");
    expect(assign.error?.message).toMatch(/requestProperties\.requestParams is read-only/);
  });

  describe("inferred java.util.Map behaviour (goldens recorded in Rhino 1.7.14 with Java map access, as AM enables it)", () => {
    // Rhino answered these for an unmodifiable LinkedHashMap {clientId=myClient, customProperties={testCustomProp=v1}, allowedScopes=[a, b]}.
    const rhinoClient = { customProperties: { testCustomProp: "v1" }, allowedScopes: ["a", "b"] };

    it("enumerate keys in map order with for…in, Object.keys and JSON.stringify, and warn that AM's docs do not say so", async () => {
      const { out, warnings } = await observe(
        "var k = []; for (var x in clientProperties.customProperties) k.push(x);\naccessToken.setField('out', [k.join(','), Object.keys(clientProperties.customProperties).join(','), JSON.stringify(clientProperties.customProperties)]);",
        { client: rhinoClient },
      );
      expect(out).toEqual(["testCustomProp", "testCustomProp", '{"testCustomProp":"v1"}']);
      expect(warnings).toContain("nextgen-map-inferred");
    });

    it("answer size, containsKey, isEmpty, keySet and toString as Rhino does, with one warning", async () => {
      const result = await ng(
        "var c = clientProperties.customProperties;\naccessToken.setField('out', [c.size(), c.containsKey('testCustomProp'), c.isEmpty(), String(c.keySet()), c.keySet().toArray()[0], String(c), String(c.entrySet())]);",
        { client: rhinoClient },
      );
      expect(result.error).toBeNull();
      // Rhino: 1, true, false, "[testCustomProp]", "testCustomProp", "{testCustomProp=v1}", "[testCustomProp=v1]"
      expect(result.introspection?.out).toEqual([1, true, false, "[testCustomProp]", "testCustomProp", "{testCustomProp=v1}", "[testCustomProp=v1]"]);
      const inferred = result.warnings.filter((w) => w.code === "nextgen-map-inferred");
      expect(inferred.map((w) => w.message.match(/: (\w+)\(\) answers/)?.[1])).toEqual(["size", "containsKey", "isEmpty", "keySet", "entrySet"]);
      expect(inferred.every((w) => w.line === 2)).toBe(true);
    });

    it("let a key shadow the method of the same name, as Rhino's NativeJavaMap does", async () => {
      // Rhino, map {testCustomProp=v1, size=big, get=g}: m.size is "big"; m.get("testCustomProp") fails
      // "Cannot call property get in object {…}. It is not a function, it is "object"."
      const scenario = { client: { customProperties: { testCustomProp: "v1", size: "big", get: "g" } } };
      const { out } = await observe("var m = clientProperties.customProperties;\naccessToken.setField('out', [String(m.size), String(m.get)]);", scenario);
      expect(out).toEqual(["big", "g"]);
      const result = await ng("var m = clientProperties.customProperties;\nm.get('testCustomProp');", scenario);
      expect(result.error?.message).toMatch(/^TypeError: Cannot call property get in object \{testCustomProp=v1, size=big, get=g\}\. It is not a function/);
    });

    it("warn only once per line for JSON.stringify over nested maps", async () => {
      const result = await ng("accessToken.setField('out', JSON.stringify(clientProperties));", { client: { customProperties: { a: { b: 1 } } } });
      expect(result.warnings.filter((w) => w.code === "nextgen-map-inferred")).toHaveLength(1);
      expect(JSON.parse(String(result.introspection?.out))).toMatchObject({ clientId: "myClient", customProperties: { a: { b: 1 } } });
    });
  });
});

describe("requestProperties.requestUri: a string by default, a java.net.URI when the scenario says so", () => {
  it("is the documented string by default, and a URI method on it fails with a warning that says how to switch", async () => {
    const result = await ng("var host = requestProperties.requestUri.getHost();");
    expect(result.error?.message).toBe("TypeError: Cannot find function getHost in object https://am.example.com/am/oauth2/realms/root/realms/alpha/access_token.");
    const warning = result.warnings.find((w) => w.code === "request-uri-type");
    expect(warning?.message).toMatch(/"the URI as a string"/);
    expect(warning?.message).toMatch(/"uriType": "java\.net\.URI"/);
    expect(warning?.line).toBe(1);
  });

  it("warns also when the script catches that failure and carries on", async () => {
    const result = await ng("var host;\ntry { host = requestProperties.requestUri.getHost(); } catch (e) { host = 'unknown'; }\naccessToken.setField('host', host);");
    expect(result.error).toBeNull();
    expect(result.introspection?.host).toBe("unknown");
    expect(result.warnings.find((w) => w.code === "request-uri-type")?.line).toBe(2);
  });

  it("is a java.net.URI with request.uriType, answering getHost/getPath/getPort/getQuery and reading as its text", async () => {
    const { out } = await observe(
      "var u = requestProperties.get('requestUri');\naccessToken.setField('out', [u.getHost(), u.getScheme(), u.getPath(), u.getPort(), u.getQuery(), u.getRawQuery(), '' + u, String(u), u.toString(), typeof u]);",
      { request: { uri: "https://login.example.com:8443/am/oauth2/access_token?realm=%2Falpha&x=1", uriType: "java.net.URI" } },
    );
    expect(out).toEqual([
      "login.example.com",
      "https",
      "/am/oauth2/access_token",
      8443,
      "realm=/alpha&x=1",
      "realm=%2Falpha&x=1",
      "https://login.example.com:8443/am/oauth2/access_token?realm=%2Falpha&x=1",
      "https://login.example.com:8443/am/oauth2/access_token?realm=%2Falpha&x=1",
      "https://login.example.com:8443/am/oauth2/access_token?realm=%2Falpha&x=1",
      "object",
    ]);
  });

  it("stores a URI set into the token as its text, and a string method on the URI fails there as on AM", async () => {
    const { out } = await observe("accessToken.setField('out', requestProperties.requestUri);", { request: { uriType: "java.net.URI" } });
    expect(out).toBe("https://am.example.com/am/oauth2/realms/root/realms/alpha/access_token");
    const result = await ng("requestProperties.requestUri.indexOf('x');", { request: { uriType: "java.net.URI" } });
    expect(result.error?.message).toMatch(/Cannot find function indexOf/);
    expect(result.warnings.some((w) => w.code === "request-uri-type")).toBe(false);
  });

  it("warns when a java.util.List method is called on a request parameter's array", async () => {
    const result = await ng("var gt = requestProperties.requestParams.grant_type.get(0);");
    expect(result.error?.message).toMatch(/Cannot find function get in object authorization_code/);
    expect(result.warnings.find((w) => w.code === "request-values-type")?.message).toMatch(/"is an array of parameters"/);
  });
});

describe("request values: arrays by default (docs), Java lists with request.valuesType (a tenant probe)", () => {
  it("answers as Rhino's Java list access does when the scenario says java.util.List", async () => {
    // Rhino 1.7.14, unmodifiable list [a, b]: a|2|b|2|false|object, indexOf 1, JSON ["a","b"], String "[a, b]",
    // for…in 0,1, no join/map, Array.prototype.join.call and Array.from work.
    const { out } = await observe(
      "var l = requestProperties.get('requestParams').get('audience');\nvar k = []; for (var i in l) k.push(i);\naccessToken.setField('out', [l[0], l.length, l.get(1), l.size(), Array.isArray(l), typeof l, l.indexOf('b'), JSON.stringify(l), String(l), k.join(','), typeof l.join, Array.prototype.join.call(l, '-'), Array.from(l).join('-'), l.contains('a')]);",
      { request: { valuesType: "java.util.List", params: { audience: ["a", "b"] } } },
    );
    expect(out).toEqual(["a", 2, "b", 2, false, "object", 1, '["a","b"]', "[a, b]", "0,1", "undefined", "a-b", "a-b", true]);
  });

  it("stores a list set into the token as an array, and the default arrays still answer [0] and .length", async () => {
    const asList = await observe("accessToken.setField('out', requestProperties.requestHeaders['Accept']);", { request: { valuesType: "java.util.List", headers: { Accept: ["a/b", "c/d"] } } });
    expect(asList.out).toEqual(["a/b", "c/d"]);
    const asArray = await observe("var h = requestProperties.requestHeaders['Accept'];\naccessToken.setField('out', [Array.isArray(h), h[1], h.length, h.join(' ')]);", { request: { headers: { Accept: ["a/b", "c/d"] } } });
    expect(asArray.out).toEqual([true, "c/d", 2, "a/b c/d"]);
  });

  it("tells how to switch when a List method is called on the documented array", async () => {
    const result = await ng("var gt = requestProperties.requestParams.grant_type.size();");
    expect(result.warnings.find((w) => w.code === "request-values-type")?.message).toMatch(/"valuesType": "java\.util\.List"/);
    const asList = await ng("accessToken.setField('n', requestProperties.requestParams.grant_type.size());", { request: { valuesType: "java.util.List" } });
    expect(asList.error).toBeNull();
    expect(asList.introspection?.n).toBe(1);
  });
});

describe("a request value turned into text depends on the type the docs leave open", () => {
  // Rhino 1.7.14: a java.util.List's text is "[a, b]", a JS array's "a,b". Cloudflare's PingOne AIC MCP demo
  // (test/conformance/published/cloudflare-mcp-aic.json) compares grant_type's text with "[urn:…]".
  const script = [
    "var params = requestProperties.get('requestParams');",
    "var grantType = params.get('grant_type');",
    "if (grantType.toString() === '[client_credentials]') accessToken.setField('branch', 'list');",
    "accessToken.setField('text', 'gt=' + requestProperties.requestParams.grant_type);",
  ].join("\n");
  const scenario = { token: { grantType: "client_credentials" } };

  it("takes another branch under each type, and says so in both runs, with the documented type named", async () => {
    const asArray = await ng(script, scenario);
    const asList = await ng(script, { ...scenario, request: { valuesType: "java.util.List" } });
    expect([asArray.introspection?.branch, asArray.introspection?.text]).toEqual([undefined, "gt=client_credentials"]);
    expect([asList.introspection?.branch, asList.introspection?.text]).toEqual(["list", "gt=[client_credentials]"]);
    for (const result of [asArray, asList]) {
      const warned = result.warnings.filter((w) => w.code === "request-value-text");
      expect(warned.map((w) => w.line)).toEqual([3, 4]);
      expect(warned[0].message).toMatch(/^toString\(\) turns requestProperties\.requestParams\["grant_type"\] into text/);
      expect(warned[0].message).toMatch(/"is an array of parameters"/);
      expect(warned[1].message).toMatch(/requestProperties\.requestParams\.grant_type/);
    }
  });

  it("stays quiet where the value itself is read, and on other maps' values", async () => {
    const result = await ng(
      "var gt = requestProperties.requestParams.get('grant_type');\nvar tier = clientProperties.get('customProperties').get('tier');\naccessToken.setField('out', [String(gt[0]), '' + gt.length, tier.toString(), String(requestProperties.requestUri)]);",
      { client: { customProperties: { tier: "gold" } } },
    );
    expect(result.error).toBeNull();
    expect(result.warnings.map((w) => w.code)).not.toContain("request-value-text");
  });
});

describe("maps handed back to bindings", () => {
  it("send the JSON they hold: request headers forwarded to httpClient, custom properties stored in IDM", async () => {
    const script = [
      "var r = httpClient.send('https://api.example.com/echo', { method: 'POST', headers: requestProperties.requestHeaders, body: clientProperties.customProperties }).get();",
      "var created = openidm.create('managed/alpha_user', 'u9', { props: clientProperties.get('customProperties') });",
      "accessToken.setField('out', [r.status, created.props.tier]);",
    ].join("\n");
    const result = await ng(script, {
      client: { customProperties: { tier: "gold" } },
      request: { headers: { "X-Trace": ["t-1"] } },
      http: [{ request: { url: "https://api.example.com/echo", headers: { "X-Trace": "t-1" }, json: { tier: "gold" } }, response: { status: 200, body: "ok" } }],
    });
    expect(result.error).toBeNull();
    expect(result.introspection?.out).toEqual([200, "gold"]);
    expect(result.http[0]).toMatchObject({ method: "POST", status: 200 });
  });
});

describe("httpClient response headers are a map too (the docs call the field a Map)", () => {
  it("answer headers.get(name) and headers[name] with the list of values", async () => {
    const { out, warnings } = await observe(
      "var r = httpClient.send('https://api.example.com/x').get();\naccessToken.setField('out', [r.headers.get('X-Request-Id')[0], r.headers['X-Request-Id'][0], r.headers.get('nope')]);",
      { http: [{ request: { url: "https://api.example.com/x" }, response: { status: 200, headers: { "X-Request-Id": "r-1" }, body: "ok" } }] },
    );
    expect(out).toEqual(["r-1", "r-1", null]);
    expect(warnings).toEqual([]);
  });
});

describe("request values as Java lists handed to List-taking methods", () => {
  it("are accepted by identity.setAttribute and accessToken.setScope, as a java.util.List is", async () => {
    const result = await ng(
      "var aud = requestProperties.requestParams.audience;\nidentity.setAttribute('aud', aud);\nidentity.store();\naccessToken.setScope(aud);\naccessToken.setField('out', identity.getAttributeValues('aud'));",
      { request: { valuesType: "java.util.List", params: { audience: ["a", "b"] } } },
    );
    expect(result.error).toBeNull();
    expect(result.introspection?.out).toEqual(["a", "b"]);
    expect(result.introspection?.scope).toBe("a b");
  });
});
