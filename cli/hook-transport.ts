/**
 * Calls the OneWelcome hook service the user runs on this machine (scenario `onewelcome.hookUrl`): a real HTTP
 * POST with the scenario's time limit, refused for any address that is not the loopback interface.
 */
import type { HookTransport } from "../engine/index";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export const loopbackHookTransport: HookTransport = async (request) => {
  const url = new URL(request.url);
  if (!LOOPBACK_HOSTS.has(url.hostname) && !/^127\.\d+\.\d+\.\d+$/.test(url.hostname)) {
    throw new Error(`${url.host} is not on this machine: the playground only calls hook services on 127.0.0.1`);
  }
  const response = await fetch(url, {
    method: request.method,
    headers: request.headers,
    body: JSON.stringify(request.body),
    signal: AbortSignal.timeout(Math.max(1, request.timeoutMs)),
    redirect: "manual",
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the contract check reports it with the body as it came.
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), body };
};
