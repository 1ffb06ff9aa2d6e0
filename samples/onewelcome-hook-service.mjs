#!/usr/bin/env node
/**
 * A OneWelcome "Customize Access Token" hook service to run on this machine, for a scenario's
 * `onewelcome.hookUrl` (docs/onewelcome.md): the same subscriptions rule as onewelcome-subscriptions.js, served
 * over HTTP at the contract's path, as your own service would be.
 *
 *   node samples/onewelcome-hook-service.mjs [--port 8085] [--user hook --password hook]
 *
 * then, in the scenario:  "onewelcome": { "hookUrl": "http://127.0.0.1:8085", "authentication": "basic",
 * "username": "hook", "password": "hook" }   (or "authentication": "none" when started without --user).
 *
 * It listens on 127.0.0.1 only, prints "listening on <url>" and then one line per request ("POST /path → 200
 * {…answer}"), and answers the CORS preflight, which the browser build needs (the desktop app and the CLI do not).
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { port: { type: "string", default: "8085" }, user: { type: "string" }, password: { type: "string" } } });
const expectedAuth = values.user === undefined ? null : `Basic ${Buffer.from(`${values.user}:${values.password ?? ""}`).toString("base64")}`;

/** The subscriptions the user still has: a requested scope not active is removed; the plan becomes a claim. */
function customize(request) {
  const active = { profile: true, email: true, reports: false };
  const removeScopes = (request.scopes ?? []).filter((scope) => active[scope] === false);
  return { removeScopes, additionalClaims: { plan: removeScopes.length ? "basic" : "premium", answeredBy: "onewelcome-hook-service.mjs" } };
}

/**
 * CORS for the playground's browser build, which is served from this machine: only a loopback origin may read
 * the answers, not any web page open in the same browser (copy that rule, not "*", into a real service).
 */
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

const server = createServer((req, res) => {
  const origin = req.headers.origin;
  const cors = {
    ...(origin && LOOPBACK_ORIGIN.test(origin) ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : {}),
    "Access-Control-Allow-Methods": "POST",
    "Access-Control-Allow-Headers": "authorization, content-type, accept",
  };
  const answer = (status, body) => {
    res.writeHead(status, { ...cors, "content-type": "application/json" });
    res.end(JSON.stringify(body));
    console.log(`${req.method} ${req.url} → ${status} ${JSON.stringify(body)}`);
  };
  if (req.method === "OPTIONS") {
    res.writeHead(204, cors);
    return void res.end();
  }
  let text = "";
  req.on("data", (chunk) => (text += chunk));
  req.on("end", () => {
    if (req.method !== "POST" || req.url !== "/v1/customize-access-token") return answer(404, { error: "not_found" });
    if (expectedAuth && req.headers.authorization !== expectedAuth) return answer(401, { error: "unauthorized" });
    let request;
    try {
      request = JSON.parse(text);
    } catch {
      return answer(400, { error: "the body is not JSON" });
    }
    answer(200, customize(request));
  });
});

server.listen(Number(values.port), "127.0.0.1", () => {
  const { port } = server.address();
  console.log(`listening on http://127.0.0.1:${port}`);
});
