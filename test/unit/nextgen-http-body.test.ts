import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import { requestJson } from "../../engine/evaluators/nextgen/bindings";

// A live AIC tenant's echo of an object body (published/aic-manager-http-live.json): Java doubles, undefined as null.
describe("next-gen httpClient writes an object body as AM does", () => {
  it("numbers as Java doubles, undefined as null, nested and in arrays", () => {
    expect(requestJson({ i: 1, z: 0, big: 1e7, tiny: 0.0001, f: 1.5, u: undefined, n: null, s: "s", b: true, o: { u: undefined, i: 2 }, a: [1, undefined, 3] })).toBe(
      '{"i":1.0,"z":0.0,"big":1.0E7,"tiny":1.0E-4,"f":1.5,"u":null,"n":null,"s":"s","b":true,"o":{"u":null,"i":2.0},"a":[1.0,null,3.0]}',
    );
  });

  it("is what the request carries; a string body is sent as written", async () => {
    const result = await run(
      'httpClient.send("https://api.example.com/a", { method: "POST", body: { n: 1, u: undefined } }).get(); httpClient.send("https://api.example.com/b", { method: "POST", body: "{\\"n\\":1}" }).get();',
      { evaluator: "next-gen", http: [{ request: { method: "POST" }, response: { status: 204 } }] },
    );
    expect(result.error).toBeNull();
    expect(result.http.map((h) => h.body)).toEqual(['{"n":1.0,"u":null}', '{"n":1}']);
  });
});
