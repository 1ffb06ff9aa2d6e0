/**
 * OneWelcome's Customize Access Token web hook (product.md, "Other products' token hooks"; seed 004): the request
 * built per the contract, the answer from a handler, a MockServer expectation or a real service on 127.0.0.1,
 * and its effect on the grant and the JWT.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { run, type HookTransport, type OneWelcomeRunResult } from "../../engine";

const base = {
  product: "onewelcome",
  client: { clientId: "client" },
  identity: { id: "myUserId22700111101", username: "john", attributes: { givenName: ["John"] } },
  scopes: ["profile", "email"],
};

async function ow(script: string, scenario: Record<string, unknown> = {}, transport?: HookTransport): Promise<OneWelcomeRunResult> {
  return (await run(script, { ...base, ...scenario }, transport ? { hookTransport: transport } : {})) as OneWelcomeRunResult;
}

describe("OneWelcome hook", () => {
  it("sends the request the contract describes, with user, client, scopes, user claims and context", async () => {
    const result = await ow("function handle(r) { return {}; }", { onewelcome: { contextCustomParams: { on_behalf_of: ["acme"] } } });
    expect(result.hook.request).toMatchObject({ method: "POST", url: "http://hook.example.com/v1/customize-access-token" });
    expect(result.hook.request.body).toEqual({
      user: { id: "myUserId22700111101" },
      client: { id: "client" },
      scopes: ["profile", "email"],
      userClaims: { sub: "myUserId22700111101", givenName: "John" },
      executionContext: { ipAddress: "127.0.0.1", triggeredBy: ["/oauth/token"] },
      contextCustomParams: { on_behalf_of: ["acme"] },
    });
  });

  it("applies removeScopes to the grant and additionalClaims to the JWT access token", async () => {
    const result = await ow("function handle(r) { return { removeScopes: ['email'], additionalClaims: { name: 'John', tier: { level: 2 } } }; }");
    expect(result.ok).toBe(true);
    expect(result.tokenResponse).toMatchObject({ scope: "profile", token_type: "Bearer" });
    expect(result.jwt?.header.alg).toBe("RS256");
    expect(result.jwt?.claims).toMatchObject({ scope: "profile", name: "John", tier: { level: 2 }, sub: "myUserId22700111101", client_id: "client" });
    expect(result.introspection).toMatchObject({ active: true, scope: "profile" });
    expect(result.warnings.filter((w) => w.code === "onewelcome-inferred").length).toBeGreaterThan(0);
  });

  it("keeps an additional claim named __proto__ as a claim (zod alone would drop it)", async () => {
    const result = await ow("function handle(r) { return JSON.parse('{\"additionalClaims\": {\"__proto__\": \"kept\", \"n\": 1}}'); }");
    expect(result.ok).toBe(true);
    expect(Object.getOwnPropertyDescriptor(result.jwt?.claims, "__proto__")?.value).toBe("kept");
  });

  it("fails the flow when every scope is removed, and says the status is not documented", async () => {
    const result = await ow("function handle(r) { return { removeScopes: r.scopes }; }");
    expect(result.ok).toBe(false);
    expect(result.tokenResponse).toBeNull();
    expect(result.error?.message).toContain("every requested scope");
    expect(result.warnings.map((w) => w.message).join(" ")).toContain("not documented");
  });

  it("shows a malformed answer against the contract with the path of the bad field", async () => {
    const result = await ow("function handle(r) { return { removeScopes: 'email', additionalClaims: [1] }; }");
    expect(result.ok).toBe(false);
    expect(result.hook.problems).toEqual([expect.stringMatching(/^\$\.removeScopes: /), expect.stringMatching(/^\$\.additionalClaims: /)]);
  });

  it("answers from the documentation's MockServer expectation, checking its matcher against the request sent", async () => {
    const expectation = readFileSync(new URL("../../samples/onewelcome-mockserver.json", import.meta.url), "utf8");
    const basic = await ow(expectation, { onewelcome: { authentication: "basic", username: "hook", password: "hook" } });
    expect(basic.ok).toBe(true);
    expect(basic.hook.request.headers.Authorization).toBe("Basic aG9vazpob29r");
    expect(basic.jwt?.claims).toMatchObject({ scope: "profile", name: "John" });
    const wrong = await ow(expectation, { onewelcome: { authentication: "basic", username: "hook", password: "nope" } });
    expect(wrong.ok).toBe(false);
    expect(wrong.hook.mismatches).toEqual(['header Authorization: sent "Basic aG9vazpub3Bl", the expectation wants "Basic aG9vazpob29r"']);
    const none = await ow(expectation);
    expect(none.hook.mismatches[0]).toContain("not sent");
  });

  it("signs a bearer JWT as onewelcomeAccessWebHookClient for jwt authentication", async () => {
    const result = await ow("function handle(r) { return {}; }", { onewelcome: { authentication: "jwt" } });
    const token = result.hook.request.headers.Authorization.replace(/^Bearer /, "");
    const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
    expect(claims).toMatchObject({ sub: "onewelcomeAccessWebHookClient", client_id: "onewelcomeAccessWebHookClient", scope: "onewelcome_webhooks_customize-access-token", aud: "http://hook.example.com/v1/customize-access-token" });
  });

  it("refuses a hook URL that is not on this machine", async () => {
    await expect(ow("", { onewelcome: { hookUrl: "https://hooks.example.com" } })).rejects.toThrow(/onewelcome\.hookUrl.*this machine/);
  });

  it("says how a hook service can be called when the engine is called directly without a transport, instead of running the file", async () => {
    const result = await ow("function handle(r) { return {}; }", { onewelcome: { hookUrl: "http://127.0.0.1:8080" } });
    expect(result.ok).toBe(false);
    expect(result.error?.message).toBe(
      "onewelcome.hookUrl is set, but the engine was called without a way to reach a hook service (run it through the CLI or the app, which call 127.0.0.1), or remove hookUrl to answer from the script under edit",
    );
  });

  describe("a real hook service on 127.0.0.1", () => {
    let server: Server;
    let url = "";
    const seen: { method?: string; url?: string; auth?: string; body?: unknown }[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = "";
        req.on("data", (c) => (body += c));
        req.on("end", () => {
          seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body: JSON.parse(body) });
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ removeScopes: ["email"], additionalClaims: { from: "service" } }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const address = server.address();
      url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const fetchTransport: HookTransport = async (request) => {
      const response = await fetch(request.url, { method: request.method, headers: request.headers, body: JSON.stringify(request.body), signal: AbortSignal.timeout(request.timeoutMs) });
      return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.json() };
    };

    it("calls it over HTTP at the documented path and applies its answer", async () => {
      const result = await ow("this script is not used", { onewelcome: { hookUrl: url, authentication: "basic", username: "hook", password: "hook" } }, fetchTransport);
      expect(seen.at(-1)).toMatchObject({ method: "POST", url: "/v1/customize-access-token", auth: "Basic aG9vazpob29r", body: { client: { id: "client" }, scopes: ["profile", "email"] } });
      expect(result.hook.source).toBe("service");
      expect(result.jwt?.claims).toMatchObject({ scope: "profile", from: "service" });
    });

    it("says so when the service cannot be reached", async () => {
      const result = await ow("", { onewelcome: { hookUrl: "http://127.0.0.1:1" } }, fetchTransport);
      expect(result.ok).toBe(false);
      expect(result.error?.message).toContain("did not answer");
    });
  });
});
