/** Issue 15's plain logic: library paths in the browser, the evaluator written into the scenario text, values collapsed. */
import { describe, expect, it } from "vitest";
import { isLibraryPath, libraryKey, resolveLibraries } from "../../renderer/state/libraries";
import { withEvaluator } from "../../renderer/state/scenarioText";
import { isLongValue, LONG_VALUE_CHARS } from "../../renderer/components/FieldTable";

describe("library paths in the page", () => {
  const files = new Map([["lib/claim-helpers.js", "exports.x = 1;"]]);

  it("a path (as the CLI reads it) is replaced by the bundled file's text; inline source stays", () => {
    const doc = { evaluator: "next-gen", libraries: { a: "lib/claim-helpers.js", b: "./lib/claim-helpers.js", c: "exports.y = 2;" } };
    const out = resolveLibraries(doc, files);
    expect(out.issues).toEqual([]);
    expect(out.doc).toEqual({ evaluator: "next-gen", libraries: { a: "exports.x = 1;", b: "exports.x = 1;", c: "exports.y = 2;" } });
    // The user's document is not changed (the form and Save write it as written).
    expect(doc.libraries.a).toBe("lib/claim-helpers.js");
  });

  it("a path the page does not have is an issue at its JSON path, naming the file", () => {
    const out = resolveLibraries({ libraries: { helpers: "lib/missing.js" } }, files);
    expect(out.issues).toHaveLength(1);
    expect(out.issues[0]!.path).toBe("$.libraries.helpers");
    expect(out.issues[0]!.message).toContain('"lib/missing.js"');
  });

  it("tells paths from code as the CLI does", () => {
    expect(isLibraryPath("lib/x.js")).toBe(true);
    expect(isLibraryPath("exports.f = function () { return 'a.js'; }")).toBe(false);
    expect(libraryKey(".\\lib\\x.js")).toBe("lib/x.js");
    expect(libraryKey("samples/lib/x.js")).toBe("lib/x.js");
  });
});

describe("the evaluator switch writes the scenario's evaluator", () => {
  it("replaces the value where it is, keeping the user's formatting", () => {
    const text = '{\n  "name": "x",\n  "evaluator":   "legacy",\n  "scopes": ["a"]\n}\n';
    expect(withEvaluator(text, "next-gen")).toBe('{\n  "name": "x",\n  "evaluator":   "next-gen",\n  "scopes": ["a"]\n}\n');
  });

  it("adds it first when the scenario has none, valid JSON either way", () => {
    for (const text of ['{\n  "name": "x"\n}\n', "{}", '{"name":"x"}', "{\n}\n"]) {
      const out = withEvaluator(text, "next-gen");
      expect(JSON.parse(out)).toEqual({ ...JSON.parse(text), evaluator: "next-gen" });
      expect(Object.keys(JSON.parse(out))[0]).toBe("evaluator");
    }
    expect(withEvaluator('{\n  "name": "x"\n}\n', "legacy")).toBe('{\n  "evaluator": "legacy",\n  "name": "x"\n}\n');
  });

  it("leaves text that is not a JSON object alone (its issue is already shown)", () => {
    for (const text of ['{ "name": ', "[]", ""]) expect(withEvaluator(text, "legacy")).toBe(text);
  });
});

describe("long values", () => {
  it("collapse past the character or line limit", () => {
    expect(isLongValue("x".repeat(LONG_VALUE_CHARS))).toBe(false);
    expect(isLongValue("x".repeat(LONG_VALUE_CHARS + 1))).toBe(true);
    expect(isLongValue(Array.from({ length: 20 }, () => "a").join("\n"))).toBe(true);
  });
});

describe("HTTP exchanges and cURL", () => {
  it("a call answered by the second mock: request, the mock's response, and why the first missed", async () => {
    const { httpExchange, curlOf } = await import("../../renderer/state/httpExchange");
    const mocks = [
      { name: "users", request: { method: "GET", url: "https://api.example.com/users" }, response: { status: 404 } },
      { name: "ip", request: { url: "https://api.example.com/ip" }, response: { status: 200, json: { ip: "1.2.3.4" }, headers: { "X-Trace": "t1" } } },
    ];
    const exchange = httpExchange({ method: "GET", url: "https://api.example.com/ip", status: 200, mock: 1, headers: { Accept: ["application/json"] } }, mocks);
    expect(exchange.answeredBy).toBe('#1 "ip"');
    expect(exchange.response).toEqual({ status: 200, statusText: "OK", headers: [["X-Trace", "t1"], ["Content-Type", "application/json"]], body: '{\n  "ip": "1.2.3.4"\n}' });
    expect(exchange.misses).toEqual([{ mock: '#0 "users"', reasons: ["URL: the script sent https://api.example.com/ip, the mock expects https://api.example.com/users"] }]);
    expect(curlOf(exchange.request)).toBe("curl 'https://api.example.com/ip' \\\n  -H 'Accept: application/json'");
    expect(curlOf({ method: "POST", url: "https://x/y", headers: [], body: "it's" })).toBe("curl -X POST 'https://x/y' \\\n  --data-raw 'it'\\''s'");
  });
});
