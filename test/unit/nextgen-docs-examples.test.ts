import { describe, expect, it } from "vitest";
import { run } from "../../engine";

/**
 * Ping's documented next-generation access-token-modification examples, run to what the docs say they produce.
 * Sources: docs.pingidentity.com/pingam/8.1/am-scripting/access-token-modification-api.html ("Set values",
 * Next-generation tab), …/access-token-modification-migrate.html (accessToken, Next-generation column),
 * …/may-act-api.html (requestHeaders); the seed pages' "Add external data" example is in seeds.test.ts.
 */
const CLOCK_MS = Date.parse("2025-08-13T17:57:40Z");

describe("Ping's documented next-generation examples", () => {
  it("'Set values': client and request properties through get(key), UMA permissions, a new expiry in milliseconds", async () => {
    const script = [
      "// add values to the token using available bindings",
      "accessToken.setField('foo', 'bar');",
      "var customProperties = clientProperties.get('customProperties');",
      "accessToken.setField('customClientProperty', customProperties.get('testCustomProp'));",
      "accessToken.setField('oauth2ClientId', clientProperties.get('clientId'));",
      "accessToken.setField('requestUri', requestProperties.get('requestUri'));",
      "// set UMA permissions",
      "accessToken.setPermissions('permissions');",
      "// set a new expiry time in milliseconds",
      "accessToken.setExpiryTime(1755242153837);",
    ].join("\n");
    const result = await run(script, {
      evaluator: "next-gen",
      client: { clientId: "myClient", customProperties: { testCustomProp: "testValue" } },
      request: { uri: "https://am.example.com:8443/am/oauth2/realms/root/realms/alpha/access_token" },
    });
    expect(result.error).toBeNull();
    expect(result.warnings).toEqual([]);
    expect(result.introspection).toMatchObject({
      foo: "bar",
      customClientProperty: "testValue",
      oauth2ClientId: "myClient",
      requestUri: "https://am.example.com:8443/am/oauth2/realms/root/realms/alpha/access_token",
      permissions: "permissions",
      exp: Math.floor(1755242153837 / 1000),
    });
    // expires_in is computed at response time from the new expiry (1 ms after issue by default).
    expect(result.tokenResponse?.expires_in).toBe(Math.floor((1755242153837 - CLOCK_MS - 1) / 1000));
  });

  it("migration page: addExtraData and addExtraJsonData take plain values that land beside the access token", async () => {
    const script = [
      "accessToken.addExtraData('myKey', 'value');",
      "accessToken.addExtraJsonData('myJsonKey', 'value');",
      "accessToken.addExtraJsonData('myListJsonKey', ['listValue']);",
      "accessToken.addExtraJsonData('myMapJsonKey', {'mapKey': 'mapValue'});",
      "accessToken.setPermissions('permissions');",
      "accessToken.setField('scope', Array.from(accessToken.getScope()).join(' '));",
    ].join("\n");
    const result = await run(script, { evaluator: "next-gen", scopes: ["read", "write"] });
    expect(result.error).toBeNull();
    expect(result.tokenResponse).toMatchObject({
      myKey: "value",
      myJsonKey: "value",
      myListJsonKey: ["listValue"],
      myMapJsonKey: { mapKey: "mapValue" },
    });
    expect(result.introspection).toMatchObject({ permissions: "permissions" });
  });

  it("may-act page: requestProperties.requestHeaders['X-Forwarded-For'][0] reads the first header value", async () => {
    const result = await run("var ipAddress = requestProperties.requestHeaders['X-Forwarded-For'][0];\naccessToken.setField('ip', ipAddress);", {
      evaluator: "next-gen",
      request: { headers: { "X-Forwarded-For": ["203.0.113.7", "10.0.0.1"] } },
    });
    expect(result.error).toBeNull();
    expect(result.introspection?.ip).toBe("203.0.113.7");
    expect(result.warnings).toEqual([]);
  });
});
