import { describe, expect, it } from "vitest";
import { applyFormEdit, formatScenario, readForm, parsePropertyText } from "../../renderer/state/scenarioForm";
import { ancestorPaths, locateJsonPath } from "../../renderer/state/jsonLocate";
import { markIntrospection, markTokenFields, markTokenResponse, summarizeMarks } from "../../renderer/state/marks";
import { DEFAULT_LAYOUT, loadDraft, loadLayout, memoryStore, saveDraft, saveLayout } from "../../renderer/state/persist";
import { validateScenario } from "../../engine/scenario/validate";

const seedScenario = {
  name: "Seed demo (legacy)",
  evaluator: "legacy",
  identity: { username: "bjensen", attributes: { mail: ["user@example.com"], telephoneNumber: ["(555) 323-1234"] } },
  http: [{ name: "ip", request: { method: "GET", url: "https://dummyjson.com/ip", headers: { A: "1" } }, response: { status: 200, json: { ip: "1.70.145.10" } }, times: 2 }],
  openidm: { "managed/alpha_user/1": { userName: "bjensen" } },
};

describe("scenario form ↔ JSON", () => {
  it("shows the document's values, and the engine's defaults where the document is silent", () => {
    const form = readForm(seedScenario);
    expect(form.username).toBe("bjensen");
    expect(form.attributes).toEqual([
      { name: "mail", values: ["user@example.com"] },
      { name: "telephoneNumber", values: ["(555) 323-1234"] },
    ]);
    expect(form.scopes).toBe("access");
    expect(form.clientId).toBe("myClient");
    expect(form.storage).toBe("server-side");
    expect(form.lifetimeSeconds).toBe(3600);
    expect(form.mocks).toEqual([{ method: "GET", url: "https://dummyjson.com/ip", status: 200, body: '{\n  "ip": "1.70.145.10"\n}' }]);
  });

  it("a form edit changes only its own field; everything the form does not show survives", () => {
    let doc = applyFormEdit(seedScenario, { field: "attributes", rows: [{ name: "mail", values: ["new@example.com", "b@example.com"] }] });
    doc = applyFormEdit(doc, { field: "scopes", value: " openid  profile " });
    doc = applyFormEdit(doc, { field: "storage", value: "client-side" });
    doc = applyFormEdit(doc, { field: "customProperties", rows: [{ name: "tier", value: "gold" }, { name: "limit", value: "5" }, { name: "", value: "half-typed" }] });
    expect(doc.identity).toEqual({ username: "bjensen", attributes: { mail: ["new@example.com", "b@example.com"] } });
    expect(doc.scopes).toEqual(["openid", "profile"]);
    expect(doc.token).toEqual({ storage: "client-side" });
    expect(doc.client).toEqual({ customProperties: { tier: "gold", limit: 5 } });
    expect(doc.openidm).toEqual(seedScenario.openidm);
    expect(doc.name).toBe("Seed demo (legacy)");
    expect(seedScenario.identity.attributes.mail).toEqual(["user@example.com"]); // input untouched
    expect(validateScenario(doc).ok).toBe(true);
  });

  it("editing a mock keeps its name, headers and times, and JSON bodies stay typed", () => {
    const doc = applyFormEdit(seedScenario, {
      field: "mocks",
      rows: [
        { method: "GET", url: "https://dummyjson.com/ip", status: 503, body: '{"ip":"9.9.9.9"}' },
        { method: "POST", url: "https://x.example/y", status: 201, body: "plain text" },
      ],
    });
    expect(doc.http).toEqual([
      { name: "ip", request: { method: "GET", url: "https://dummyjson.com/ip", headers: { A: "1" } }, response: { status: 503, json: { ip: "9.9.9.9" } }, times: 2 },
      { request: { method: "POST", url: "https://x.example/y" }, response: { status: 201, body: "plain text" } },
    ]);
    expect(validateScenario(doc).ok).toBe(true);
  });

  it("round-trips: what the form writes is what the form reads back", () => {
    const doc = applyFormEdit({}, { field: "headers", rows: [{ name: "X-Forwarded-For", values: ["1.2.3.4"] }] });
    const text = formatScenario(doc);
    expect(readForm(JSON.parse(text)).headers).toEqual([{ name: "X-Forwarded-For", values: ["1.2.3.4"] }]);
  });

  it("property text: numbers and JSON stay typed, words stay strings", () => {
    expect(parsePropertyText("42")).toBe(42);
    expect(parsePropertyText('{"a":1}')).toEqual({ a: 1 });
    expect(parsePropertyText("true")).toBe(true);
    expect(parsePropertyText("trueish")).toBe("trueish");
    expect(parsePropertyText("1 2")).toBe("1 2");
  });
});

describe("JSON path → place in the text", () => {
  const text = formatScenario({ identity: { attributes: { mail: ["a@b", 7] } }, token: { lifetimeSeconds: "long" }, bogus: 1 });
  const at = (path: string) => {
    const r = locateJsonPath(text, path);
    return text.slice(r.start, r.end);
  };

  it("underlines a wrong value with its key", () => {
    expect(at("$.token.lifetimeSeconds")).toBe('"lifetimeSeconds": "long"');
    expect(at("$.bogus")).toBe('"bogus": 1');
  });

  it("underlines an array element", () => {
    expect(at("$.identity.attributes.mail[1]")).toBe("7");
  });

  it("a path that does not exist in the text points at its nearest ancestor's key", () => {
    expect(at("$.identity.attributes.mail[5]")).toBe('"mail"');
    expect(at("$.client.clientId")).toBe("{");
  });

  it("walks ancestors of bracketed paths", () => {
    expect(ancestorPaths('$.a["b c"][0]')).toEqual(['$.a["b c"]', "$.a", "$"]);
  });

  it("finds every issue the validator reports in the text", () => {
    const outcome = validateScenario(JSON.parse(text));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const places = outcome.issues.map((i) => {
      const r = locateJsonPath(text, i.path);
      return text.slice(r.start, r.end);
    });
    expect(places).toEqual(expect.arrayContaining(["7", '"lifetimeSeconds": "long"', '"bogus": 1']));
  });
});

describe("marking what the script changed", () => {
  const token = {
    before: { scope: ["access"], expireTime: 1, grant_type: "authorization_code" },
    after: { scope: ["access"], expireTime: 2, mail: ["user@example.com"] },
    changes: { added: ["mail"], changed: ["expireTime"], removed: ["grant_type"] },
    extraData: { hello: "world" },
  };

  it("marks added, changed (with the old value) and removed fields of the token", () => {
    expect(markTokenFields(token)).toEqual([
      { key: "scope", value: ["access"], mark: "native" },
      { key: "expireTime", value: 2, mark: "changed", before: 1 },
      { key: "mail", value: ["user@example.com"], mark: "added" },
      { key: "grant_type", value: undefined, mark: "removed", before: "authorization_code" },
    ]);
    expect(summarizeMarks(markTokenFields(token))).toBe("1 changed · 1 added · 1 removed");
  });

  it("marks extra data in the token response and script fields in introspection", () => {
    const response = markTokenResponse({ access_token: "x", hello: "world", token_type: "Bearer" }, token.extraData);
    expect(response.filter((r) => r.mark === "extra").map((r) => r.key)).toEqual(["hello"]);
    const intro = markIntrospection({ active: true, mail: ["user@example.com"], exp: 2 }, token);
    expect(intro.filter((r) => r.mark === "custom").map((r) => r.key)).toEqual(["mail"]);
  });
});

describe("what survives a reload", () => {
  it("keeps panel sizes and repairs nonsense", () => {
    const store = memoryStore();
    expect(loadLayout(store)).toEqual(DEFAULT_LAYOUT);
    saveLayout(store, { editorPct: 55, resultsPct: 70, columnPcts: [50, 25, 25] });
    expect(loadLayout(store)).toEqual({ editorPct: 55, resultsPct: 70, columnPcts: [50, 25, 25] });
    store.setItem("tsp.layout.v1", '{"editorPct": 400, "columnPcts": "x"}');
    expect(loadLayout(store).editorPct).toBe(85);
    store.setItem("tsp.layout.v1", "not json");
    expect(loadLayout(store)).toEqual(DEFAULT_LAYOUT);
  });

  it("keeps the user's drafts per sample", () => {
    const store = memoryStore();
    saveDraft(store, "seed-legacy", { script: "var x = 1;", scenarioText: "{" });
    expect(loadDraft(store, "seed-legacy")).toEqual({ script: "var x = 1;", scenarioText: "{" });
    expect(loadDraft(store, "other")).toEqual({});
  });
});

describe("formatting after a form edit", () => {
  it("keeps short lists on one line, breaks long ones, and stays valid JSON", () => {
    const doc = { identity: { attributes: { mail: ["a@example.com"] } }, long: Array.from({ length: 30 }, (_, i) => `value-${i}`), empty: {} };
    const text = formatScenario(doc);
    expect(text).toContain('"mail": ["a@example.com"]');
    expect(text).toContain('"long": [\n    "value-0",');
    expect(text.split("\n").every((line) => line.length <= 100)).toBe(true);
    expect(JSON.parse(text)).toEqual(doc);
  });
});
