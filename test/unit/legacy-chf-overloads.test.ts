/**
 * The CHF classes a legacy script builds its HTTP calls with, held to CHF's own API (org.forgerock.http.protocol
 * in ForgeRock's commons http-framework, as the OpenIdentityPlatform/commons copy publishes it):
 * Headers is a case-insensitive multiple-value map whose add() is void and whose get/put/remove give Header
 * objects; Entity.setJson sets Content-Type, setString and setJson set Content-Length; a message's
 * setEntity(o) is setString for a string and setJson for anything else; Form.toRequestEntity makes the request a
 * POST of the form, URL-encoded as java.net.URLEncoder encodes (space as "+").
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";

const MOCK = { http: [{ request: { method: "POST", url: "https://api.example.com/x" }, response: { status: 200, body: "{}" } }] };

async function legacy(lines: string[]) {
  const script = [
    "function t(f) { try { return String(f()); } catch (e) { return e.name + ': ' + e.message; } }",
    "var r = new org.forgerock.http.protocol.Request(), h = r.getHeaders(), out = [];",
    ...lines,
    "accessToken.setField('out', out.join('\\n'));",
  ].join("\n");
  return run(script, { ...MOCK, evaluator: "legacy" });
}

describe("CHF Headers, Entity and Request overloads (legacy)", () => {
  it("Headers.add returns nothing, so chained adds fail as in AM", async () => {
    const result = await legacy(["out.push(t(function () { return h.add('X-A', '1'); }));", "out.push(t(function () { return h.add('X-A', '1').add('X-B', '2'); }));"]);
    const [returned, chained] = String(result.introspection?.out).split("\n");
    expect(returned).toBe("undefined");
    expect(chained).toMatch(/^TypeError: Cannot call method "add" of undefined/);
  });

  it("header names are case-insensitive and keep their first spelling; get/put/remove give the Header", async () => {
    const result = await legacy([
      "h.add('Content-Type', 'text/plain'); h.add('content-type', 'x/y');",
      "out.push(String(h.size()), String(h.getFirst('CONTENT-TYPE')), String(h.get('content-TYPE').getValues()), String(h.get('Content-Type').getName()));",
      "var previous = h.put('CONTENT-TYPE', ['a/b']);",
      "out.push(String(previous.getValues()), String(h.get('content-type').getValues()), String(h.remove('Content-type').getFirstValue()), String(h.get('Content-Type')), String(h.isEmpty()));",
      "h.put('X-L', ['1', '2']); out.push(String(h['X-L'].getValues()), String(h.containsKey('x-l')));",
    ]);
    expect(result.error).toBeNull();
    expect(String(result.introspection?.out).split("\n")).toEqual([
      "1",
      "text/plain",
      "[text/plain, x/y]",
      "Content-Type",
      "[text/plain, x/y]",
      "[a/b]",
      "a/b",
      "null",
      "true",
      "[1, 2]",
      "true",
    ]);
  });

  it("Headers.keySet() hands out a TreeMap key set, which AM's allow-list refuses", async () => {
    const result = await legacy(["h.add('X-A', '1');", "out.push(t(function () { return h.keySet(); }));"]);
    expect(result.introspection?.out).toBe('InternalError: Access to Java class "java.util.TreeMap$KeySet" is prohibited. (<Unknown source>#4)');
  });

  it("setEntity(object) sends JSON with CHF's Content-Type and Content-Length; setEntity(string) sets only the length", async () => {
    const result = await legacy([
      "r.setUri('https://api.example.com/x').setMethod('POST').setEntity({ a: 1 });",
      "out.push(String(h.getFirst('Content-Type')), String(h.getFirst('Content-Length')), String(r.getEntity().getString()));",
      "var s = new org.forgerock.http.protocol.Request(); s.setEntity('é');",
      "out.push(String(s.getHeaders().getFirst('Content-Type')), String(s.getHeaders().getFirst('Content-Length')));",
      "httpClient.send(r).get();",
    ]);
    expect(result.error).toBeNull();
    expect(String(result.introspection?.out).split("\n")).toEqual(["application/json; charset=UTF-8", "7", '{"a":1}', "null", "1"]);
    const sent = JSON.stringify(result.http);
    expect(sent).toContain("application/json; charset=UTF-8");
  });

  it("a count no CHF overload takes fails with Rhino's wording", async () => {
    const result = await legacy([
      "out.push(t(function () { return h.getFirst(); }));",
      "out.push(t(function () { return r.setUri(); }));",
      "out.push(t(function () { return r.getEntity().setString('a', 'b'); }));",
    ]);
    expect(String(result.introspection?.out).split("\n")).toEqual([
      "InternalError: Can't find method org.forgerock.http.protocol.Headers.getFirst(). (<Unknown source>#3)",
      "InternalError: Can't find method org.forgerock.http.protocol.Request.setUri(). (<Unknown source>#4)",
      "InternalError: Can't find method org.forgerock.http.protocol.Entity.setString(string,string). (<Unknown source>#5)",
    ]);
  });

  it("Form.toRequestEntity posts the URL-encoded form with CHF's headers", async () => {
    const result = await legacy([
      "var f = new org.forgerock.http.protocol.Form(); f.add('grant_type', 'client_credentials'); f.add('scope', 'a b'); f.add('scope', 'é&');",
      "r.setUri('https://api.example.com/x'); f.toRequestEntity(r);",
      "out.push(String(f.toFormString()), String(r.getMethod()), String(h.getFirst('Content-Type')), String(h.getFirst('Content-Length')), String(f.get('scope')));",
      "out.push(String(new org.forgerock.http.protocol.Form().fromFormString('a=1&b=x+y%21&bad').getFirst('b')));",
      "httpClient.send(r).get();",
    ]);
    expect(result.error).toBeNull();
    expect(String(result.introspection?.out).split("\n")).toEqual([
      "grant_type=client_credentials&scope=a+b&scope=%C3%A9%26",
      "POST",
      "application/x-www-form-urlencoded",
      "55",
      "[a b, é&]",
      "x y!",
    ]);
    expect(JSON.stringify(result.http)).toContain("grant_type=client_credentials&scope=a+b&scope=%C3%A9%26");
  });
});
