/**
 * The one loopback hook caller (contracts/hook-call.ts) that the CLI, the app's main process and the browser
 * build hand their fetch to, against a real HTTP server on 127.0.0.1: what it sends, what it refuses without
 * sending anything, and how each way of not getting an answer is told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { callLoopbackHook, hookAddress, loopbackRefusal, type FetchLike, type HookCallRequest } from "../../contracts/hook-call";

let server: Server;
let base = "";
const seen: { url?: string; method?: string; headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ url: req.url, method: req.method, headers: req.headers, body });
      if (req.url === "/slow/v1/customize-access-token") return void setTimeout(() => res.end("{}"), 2000);
      if (req.url === "/text/v1/customize-access-token") return void res.end("not json");
      if (req.url === "/moved/v1/customize-access-token") {
        res.writeHead(302, { location: "http://example.com/" });
        return void res.end();
      }
      if (req.url === "/huge/v1/customize-access-token") {
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end(`"${"x".repeat(2 * 1024 * 1024)}"`);
      }
      res.writeHead(201, { "content-type": "application/json", "x-hook": "yes" });
      res.end(JSON.stringify({ removeScopes: ["email"] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const nodeFetch: FetchLike = (url, init) => fetch(url, init);
const request = (url: string, extra: Partial<HookCallRequest> = {}): HookCallRequest => ({
  method: "POST",
  url,
  headers: { "Content-Type": "application/json", Authorization: "Basic aG9vazpob29r" },
  body: { scopes: ["profile", "email"] },
  timeoutMs: 1000,
  ...extra,
});

describe("calling a hook service on this machine", () => {
  it("POSTs the body as JSON with the headers given, and hands back status, headers and the parsed answer", async () => {
    const outcome = await callLoopbackHook(request(`${base}/v1/customize-access-token`), nodeFetch);
    expect(outcome).toMatchObject({ status: "answered", response: { status: 201, body: { removeScopes: ["email"] } } });
    expect(outcome.status === "answered" && outcome.response.headers["x-hook"]).toBe("yes");
    expect(seen.at(-1)).toMatchObject({ url: "/v1/customize-access-token", method: "POST", body: '{"scopes":["profile","email"]}' });
    expect(seen.at(-1)?.headers.authorization).toBe("Basic aG9vazpob29r");
  });

  it("keeps an answer that is not JSON as its text, for the contract check to report", async () => {
    const outcome = await callLoopbackHook(request(`${base}/text/v1/customize-access-token`), nodeFetch);
    expect(outcome).toMatchObject({ status: "answered", response: { status: 200, body: "not json" } });
  });

  it("refuses, without sending anything, an address off this machine, another scheme, or credentials in the URL", async () => {
    const sent: string[] = [];
    const spy: FetchLike = (url, init) => (sent.push(url), fetch(url, init));
    for (const [url, reason] of [
      ["https://hooks.example.com/v1/customize-access-token", "hooks.example.com is not on this machine: the playground only calls hook services on 127.0.0.1 (or localhost)"],
      ["http://10.0.0.1:8080/", "10.0.0.1:8080 is not on this machine: the playground only calls hook services on 127.0.0.1 (or localhost)"],
      ["http://127.0.0.1.example.com/", "127.0.0.1.example.com is not on this machine: the playground only calls hook services on 127.0.0.1 (or localhost)"],
      ["file:///etc/passwd", "file: is not http or https"],
      ["http://user:pw@127.0.0.1:1/", 'the URL carries a user name or password; put them in onewelcome.username and password (authentication "basic")'],
      ["not a url", '"not a url" is not a URL'],
    ]) {
      expect(await callLoopbackHook(request(url), spy), url).toEqual({ status: "refused", reason });
    }
    expect(sent).toEqual([]);
    expect(loopbackRefusal("http://localhost:9/")).toBeNull();
    expect(loopbackRefusal("http://127.8.9.10/")).toBeNull();
    expect(loopbackRefusal("http://[::1]:9/")).toBeNull();
  });

  it("calls only the contract's path, without a query, and sends only the hook request's own headers", async () => {
    const sent: string[] = [];
    const spy: FetchLike = (url, init) => (sent.push(url), fetch(url, init));
    expect(await callLoopbackHook(request(`${base}/admin/tokens`), spy)).toEqual({ status: "refused", reason: "only the contract's path /v1/customize-access-token is called, not /admin/tokens" });
    expect(await callLoopbackHook(request(`${base}/admin?x=/v1/customize-access-token`), spy)).toEqual({ status: "refused", reason: "the URL has a query or a fragment; a hook URL is the service's base address only" });
    expect(await callLoopbackHook(request(`${base}/v1/customize-access-token`, { body: "x".repeat(1024 * 1024) }), spy)).toEqual({ status: "refused", reason: "the request body is larger than 1024 KB (1048578 bytes)" });
    expect(sent).toEqual([]);
    await callLoopbackHook(request(`${base}/v1/customize-access-token`, { headers: { "Content-Type": "application/json", Cookie: "session=x", Origin: "http://evil.example" } }), spy);
    expect(seen.at(-1)?.headers.cookie).toBeUndefined();
    expect(seen.at(-1)?.headers.origin).toBeUndefined();
    expect(seen.at(-1)?.headers["content-type"]).toBe("application/json");
  });

  it("names the address the user is asked about with its port, the default one spelled out", () => {
    expect(hookAddress("http://127.0.0.1:8080/v1/customize-access-token")).toBe("127.0.0.1:8080");
    expect(hookAddress("http://localhost/x")).toBe("localhost:80");
    expect(hookAddress("nope")).toBeNull();
  });

  it("gives up after the scenario's time limit and says so", async () => {
    const outcome = await callLoopbackHook(request(`${base}/slow/v1/customize-access-token`, { timeoutMs: 200 }), nodeFetch);
    expect(outcome).toEqual({ status: "failed", reason: "it took longer than 200 ms (the scenario's timeoutMs)" });
  });

  it("says a service that is not there could not be reached, with the system's reason", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await callLoopbackHook(request(`http://127.0.0.1:${port}/v1/customize-access-token`), nodeFetch);
    expect(outcome).toEqual({ status: "failed", reason: "it could not be reached: fetch failed (ECONNREFUSED)" });
    // A port the Fetch standard blocks (1 is tcpmux) is refused by fetch itself, and the reason says so.
    expect(await callLoopbackHook(request("http://127.0.0.1:1/v1/customize-access-token"), nodeFetch)).toEqual({ status: "failed", reason: "it could not be reached: fetch failed (bad port)" });
  });

  it("does not follow a redirect (the loopback rule would not hold past it)", async () => {
    const outcome = await callLoopbackHook(request(`${base}/moved/v1/customize-access-token`), nodeFetch);
    expect(outcome).toEqual({ status: "failed", reason: "it answered with a redirect (HTTP 302), which the playground does not follow" });
  });

  it("stops reading an answer larger than 1 MB", async () => {
    const outcome = await callLoopbackHook(request(`${base}/huge/v1/customize-access-token`), nodeFetch);
    expect(outcome).toEqual({ status: "failed", reason: "its answer is larger than 1024 KB" });
  });
});
