/**
 * OneWelcome's hook over a grant's whole life (issue 14; reference §D.1): it runs when the Access service
 * creates a grant — the authorization call and every refresh — not at the code exchange, and a scope it
 * removed stays removed after refresh. The steps name OneWelcome's facts, never AM's. The command line calls
 * the user's own hook service on 127.0.0.1 over real HTTP, within the scenario's time limit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFlow, type HookTransport, type OneWelcomeRunResult } from "../../engine";
import { BIN } from "./cli-helpers";

const SUBSCRIPTIONS = "function handle(request) {\n  var gone = request.scopes.filter(function (s) { return s === 'reports'; });\n  return { removeScopes: gone, additionalClaims: { plan: gone.length ? 'basic' : 'premium' } };\n}";
const base = {
  product: "onewelcome",
  client: { clientId: "client" },
  identity: { id: "user-1", username: "john" },
  scopes: ["profile", "email", "reports"],
};
const life = [
  { request: "authorize", responseType: "code" },
  { request: "token", grantType: "authorization_code" },
  { request: "token", grantType: "refresh_token", after: 60 },
  { request: "introspect", token: "access_token" },
];
const hookOf = (step: { run: unknown }) => (step.run as OneWelcomeRunResult | null)?.hook;

describe("OneWelcome's hook over a grant's life", () => {
  it("runs at the authorization call and at refresh, not at the code exchange, which applies the authorization's answer", async () => {
    const calls: string[][] = [];
    const transport: HookTransport = async (request) => {
      calls.push(request.body.executionContext.triggeredBy ?? []);
      return { status: 200, headers: {}, body: { removeScopes: ["reports"], additionalClaims: { call: calls.length } } };
    };
    const flow = await runFlow("", { ...base, onewelcome: { hookUrl: "http://127.0.0.1:9" }, flow: life }, { hookTransport: transport });
    expect(flow.ok).toBe(true);
    expect(calls).toEqual([["/oauth/authorize"], ["/oauth/token"]]);
    const [authorize, exchange, refresh] = flow.steps;
    // The grant is created at /authorize with the scopes the hook left.
    expect(authorize).toMatchObject({ status: 302, body: { scope: "profile email" } });
    expect((exchange!.run as OneWelcomeRunResult).jwt?.claims).toMatchObject({ scope: "profile email", call: 1 });
    expect(exchange!.notes.map((n) => n.evidence + ": " + n.message)).toEqual([expect.stringMatching(/^inferred: The code exchange creates no grant, so the hook is not called again/)]);
    expect((refresh!.run as OneWelcomeRunResult).jwt?.claims).toMatchObject({ scope: "profile email", call: 2 });
    expect(refresh!.changes?.changed).toContain("call");
  });

  it("keeps a removed scope removed after refresh: the refresh's hook request carries the grant's scopes", async () => {
    const flow = await runFlow(SUBSCRIPTIONS, { ...base, flow: life });
    const [authorize, exchange, refresh, introspect] = flow.steps;
    expect(hookOf(authorize!)?.request.body.scopes).toEqual(["profile", "email", "reports"]);
    expect(exchange!.body).toMatchObject({ scope: "profile email" });
    expect(hookOf(refresh!)?.request.body.scopes).toEqual(["profile", "email"]);
    // The hook's own logic sees the reduced grant: its claim follows.
    expect((refresh!.run as OneWelcomeRunResult).jwt?.claims).toMatchObject({ scope: "profile email", plan: "premium" });
    expect(refresh!.notes.map((n) => n.evidence)).toEqual(["documented", "inferred"]);
    expect(introspect!.body).toMatchObject({ active: true, scope: "profile email" });
  });

  it("refuses a refresh asking for a scope the grant lost, and a second code exchange", async () => {
    const flow = await runFlow(SUBSCRIPTIONS, {
      ...base,
      flow: [life[0], life[1], { request: "token", grantType: "authorization_code" }, { request: "token", grantType: "refresh_token", scopes: ["profile", "reports"] }],
    });
    expect(flow.steps.slice(2).map((s) => [s.status, s.body.error])).toEqual([
      [400, "invalid_grant"],
      [400, "invalid_scope"],
    ]);
  });

  it("fails the authorization when the hook removes every scope, and says the status is not documented", async () => {
    const flow = await runFlow("function handle(r) { return { removeScopes: r.scopes }; }", { ...base, flow: life.slice(0, 2) });
    expect(flow.ok).toBe(false);
    const [authorize, exchange] = flow.steps;
    expect(authorize).toMatchObject({ status: 400, body: { error: "invalid_scope" } });
    expect(authorize!.body.code).toBeUndefined();
    expect(authorize!.notes.map((n) => n.message).join(" ")).toContain("the status and error are not documented");
    // No grant was created, so there is no code to exchange: the exchange asks the hook itself and fails the same way.
    expect(exchange).toMatchObject({ status: 400, body: { error: "invalid_scope" } });
  });

  it("names OneWelcome's facts at every step, none of AM's", async () => {
    const flow = await runFlow(SUBSCRIPTIONS, { ...base, flow: [...life, { request: "revoke", token: "refresh_token" }, { request: "introspect", token: "access_token" }] });
    const sources = flow.steps.flatMap((s) => s.notes.map((n) => `${n.source} ${n.message}`));
    expect(sources.length).toBeGreaterThanOrEqual(flow.steps.length);
    for (const source of sources) expect(source).not.toMatch(/§A\.|\bAM\b|session/);
    expect(flow.steps.at(-1)!.body).toEqual({ active: false });
  });
});

/** The CLI, spawned without blocking this process (the hook service below answers from it). */
function cliAsync(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

describe("the command line and a real hook service on 127.0.0.1", () => {
  let server: Server;
  let port = 0;
  const seen: { path?: string; auth?: string; triggeredBy?: unknown }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        if (req.url?.startsWith("/slow")) return; // never answers: the playground's time limit ends the call
        const parsed = JSON.parse(body) as { executionContext: { triggeredBy: unknown } };
        seen.push({ path: req.url, auth: req.headers.authorization, triggeredBy: parsed.executionContext.triggeredBy });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ removeScopes: ["reports"], additionalClaims: { from: "service" } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  function project(onewelcome: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
    const dir = mkdtempSync(join(tmpdir(), "tp-ow-service-"));
    writeFileSync(join(dir, "hook.js"), "// not used: the scenario's hookUrl answers\n");
    writeFileSync(join(dir, "s.scenario.json"), JSON.stringify({ ...base, onewelcome, ...extra }));
    return dir;
  }

  it("flow POSTs to the documented path over HTTP at the authorization call and the refresh, with Basic authentication", async () => {
    const dir = project({ hookUrl: `http://127.0.0.1:${port}`, authentication: "basic", username: "hook", password: "hook" }, { flow: life });
    seen.length = 0;
    const result = await cliAsync(["flow", "hook.js", "--scenario", "s.scenario.json", "--json"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(seen).toEqual([
      { path: "/v1/customize-access-token", auth: "Basic aG9vazpob29r", triggeredBy: ["/oauth/authorize"] },
      { path: "/v1/customize-access-token", auth: "Basic aG9vazpob29r", triggeredBy: ["/oauth/token"] },
    ]);
    const steps = (JSON.parse(result.stdout) as { steps: { status: number; body: Record<string, unknown> }[] }).steps;
    expect(steps.map((s) => s.status)).toEqual([302, 200, 200, 200]);
    expect(steps[2]!.body.scope).toBe("profile email");
  });

  it("run gives up on a service that does not answer within the scenario's timeoutMs, and says so", async () => {
    const dir = project({ hookUrl: `http://127.0.0.1:${port}/slow` }, { timeoutMs: 300 });
    const result = await cliAsync(["run", "hook.js", "--scenario", "s.scenario.json", "--json"], dir);
    expect(result.code).toBe(1);
    const run = JSON.parse(result.stdout) as { ok: boolean; error: { message: string }; failure: { status: number } };
    expect(run.ok).toBe(false);
    // The hook call's own time limit ends it; on a loaded machine the run's watchdog (same limit) may get there first.
    expect(run.error.message).toMatch(/^(The hook service at http:\/\/127\.0\.0\.1:\d+\/slow\/v1\/customize-access-token did not answer: .*timeout|The script ran longer than 300 ms)/i);
    expect(run.failure.status).toBe(500);
    expect(result.ms).toBeLessThan(10_000);
  });
});
