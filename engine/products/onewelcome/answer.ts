/**
 * Where the hook's answer comes from: the script under edit as a JS handler run in the sandbox
 * (`function handle(request) { return { … }; }`), a MockServer expectation (seed 004 shows one; its request
 * matcher is checked against the request the playground sends), or a real hook service the user runs on this
 * machine (`onewelcome.hookUrl`), called through a transport the host hands in (the engine has no network).
 */
import { HostObject } from "../../sandbox/host";
import { DEFAULT_LIMITS, describeGuestError, runInSandbox } from "../../sandbox/sandbox";
import type { LogEntry, RunError } from "../../result";
import type { HookHttpRequest } from "./request";
import { HOOK_EXCHANGE_MEMBERS } from "../../bindings/tables/onewelcome";

export interface HookHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type HookSource = "handler" | "mockserver" | "service";

export interface HookAnswer {
  source: HookSource;
  response: HookHttpResponse | null;
  /** Why the hook gave no usable HTTP answer (the handler threw, the matcher missed, the service was unreachable). */
  error: RunError | null;
  logs: LogEntry[];
  /** For a MockServer expectation: the parts of the matcher the request did not meet. */
  mismatches: string[];
}

/**
 * Sends the hook request to a real service. The engine workers use one that asks their host (the CLI's main
 * thread, the app's page), which calls loopback addresses only and, in the app, asks the user first. It throws
 * a HookNotCalled when nothing was sent, any other error when the service gave no usable answer.
 */
export type HookTransport = (request: HookHttpRequest & { timeoutMs: number }) => Promise<HookHttpResponse>;

/** Nothing was sent to the service: the reason says why (an address off this machine, the user's "no"). */
export class HookNotCalled extends Error {
  override name = "HookNotCalled";
}

class HookExchange extends HostObject {
  readonly members = HOOK_EXCHANGE_MEMBERS;
  answered: unknown = undefined;
  readonly logs: LogEntry[] = [];
  constructor(private readonly body: unknown) {
    super();
  }
  request(): unknown {
    return this.body;
  }
  answer(value: unknown): void {
    this.answered = value;
  }
  log(level: unknown, message: unknown): void {
    const known = ["trace", "debug", "info", "warn", "error"] as const;
    const l = known.find((k) => k === level) ?? "info";
    this.logs.push({ level: l, message: String(message) });
  }
}

/** The handler runs as the user's own service would: modern JS, console for logs, no Rhino rules. */
export async function answerFromHandler(source: string, request: HookHttpRequest, timeoutMs: number, clockMs: number, seed: number): Promise<HookAnswer> {
  const exchange = new HookExchange({ ...request.body });
  const program = `${source}
;(function () {
  if (typeof handle !== "function") throw new TypeError("The hook script must define function handle(request) { return { removeScopes, additionalClaims }; }");
  __hook.answer(handle(__hook.request(), { headers: ${JSON.stringify(request.headers)} }));
})();`;
  const consoleShim = `var console = { log: function () { __hook.log("info", Array.prototype.join.call(arguments, " ")); }, info: function () { __hook.log("info", Array.prototype.join.call(arguments, " ")); }, warn: function () { __hook.log("warn", Array.prototype.join.call(arguments, " ")); }, error: function () { __hook.log("error", Array.prototype.join.call(arguments, " ")); }, debug: function () { __hook.log("debug", Array.prototype.join.call(arguments, " ")); } };`;
  const outcome = await runInSandbox({
    source: program,
    globals: { __hook: exchange },
    clockMs,
    seed,
    hidden: [],
    preludeExtras: [consoleShim],
    limits: { ...DEFAULT_LIMITS, timeoutMs },
    describeError: (info) => describeGuestError(info),
  });
  if (outcome.error) return { source: "handler", response: null, error: outcome.error, logs: exchange.logs, mismatches: [] };
  return { source: "handler", response: { status: 200, headers: { "content-type": "application/json" }, body: exchange.answered }, error: null, logs: exchange.logs, mismatches: [] };
}

interface Expectation {
  httpRequest?: Record<string, unknown>;
  httpResponse?: Record<string, unknown>;
}

function values(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];
}

/** Whether `actual` contains `expected` (MockServer's default ONLY_MATCHING_FIELDS for JSON bodies). */
function jsonContains(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.every((e) => actual.some((a) => jsonContains(e, a)));
  }
  if (expected && typeof expected === "object") {
    return !!actual && typeof actual === "object" && Object.entries(expected).every(([k, v]) => jsonContains(v, (actual as Record<string, unknown>)[k]));
  }
  return expected === actual;
}

export function parseExpectations(text: string): Expectation[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return null;
  try {
    const json = JSON.parse(trimmed) as unknown;
    const list = Array.isArray(json) ? json : [json];
    return list.every((e) => e && typeof e === "object" && "httpRequest" in e) ? (list as Expectation[]) : null;
  } catch {
    return null;
  }
}

/** Checks one expectation's matcher against the request the playground sends; each unmet part in words. */
export function matchExpectation(expectation: Expectation, request: HookHttpRequest): string[] {
  const misses: string[] = [];
  const matcher = expectation.httpRequest ?? {};
  const url = new URL(request.url);
  if (typeof matcher.method === "string" && matcher.method.toUpperCase() !== request.method) misses.push(`method: the hook is called with ${request.method}, the expectation wants ${matcher.method}`);
  if (typeof matcher.path === "string" && matcher.path !== url.pathname) misses.push(`path: the hook is called at ${url.pathname}, the expectation wants ${matcher.path}`);
  const headers = matcher.headers && typeof matcher.headers === "object" ? (matcher.headers as Record<string, unknown>) : {};
  for (const [name, wanted] of Object.entries(headers)) {
    const sent = Object.entries(request.headers).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    const expected = values(wanted);
    if (sent === undefined) misses.push(`header ${name}: not sent (the expectation wants ${expected.join(" or ")}); check onewelcome.authentication`);
    else if (expected.length > 0 && !expected.includes(sent)) misses.push(`header ${name}: sent ${JSON.stringify(sent)}, the expectation wants ${expected.map((e) => JSON.stringify(e)).join(" or ")}`);
  }
  const body = matcher.body as Record<string, unknown> | undefined;
  if (body && typeof body === "object") {
    const wanted = body.type === "JSON" ? (typeof body.json === "string" ? JSON.parse(body.json) : body.json) : body.type === undefined ? body : undefined;
    if (wanted !== undefined && !jsonContains(wanted, request.body)) {
      misses.push(`body: the request body ${JSON.stringify(request.body)} does not contain ${JSON.stringify(wanted)}`);
    }
  }
  return misses;
}

export function answerFromExpectations(expectations: Expectation[], request: HookHttpRequest): HookAnswer {
  let nearest: string[] | null = null;
  for (const expectation of expectations) {
    const misses = matchExpectation(expectation, request);
    if (misses.length === 0) {
      const res = expectation.httpResponse ?? {};
      const rawBody = res.body as Record<string, unknown> | string | undefined;
      const body = rawBody && typeof rawBody === "object" && rawBody.type === "JSON" ? (typeof rawBody.json === "string" ? JSON.parse(rawBody.json) : rawBody.json) : typeof rawBody === "string" ? tryJson(rawBody) : rawBody;
      const headers = Object.fromEntries(Object.entries((res.headers as Record<string, unknown>) ?? {}).map(([k, v]) => [k, values(v).join(", ")]));
      return { source: "mockserver", response: { status: typeof res.statusCode === "number" ? res.statusCode : 200, headers, body }, error: null, logs: [], mismatches: [] };
    }
    if (!nearest || misses.length < nearest.length) nearest = misses;
  }
  return {
    source: "mockserver",
    response: { status: 404, headers: {}, body: null },
    error: { kind: "binding", message: `No expectation matched the hook request (MockServer answers 404): ${(nearest ?? ["the file has no expectation"]).join("; ")}` },
    logs: [],
    mismatches: nearest ?? [],
  };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function answerFromService(transport: HookTransport | undefined, request: HookHttpRequest, timeoutMs: number): Promise<HookAnswer> {
  if (!transport) {
    return {
      source: "service",
      response: null,
      error: { kind: "binding", message: `onewelcome.hookUrl is set, but the engine was called without a way to reach a hook service (run it through the CLI or the app, which call 127.0.0.1), or remove hookUrl to answer from the script under edit` },
      logs: [],
      mismatches: [],
    };
  }
  try {
    return { source: "service", response: await transport({ ...request, timeoutMs }), error: null, logs: [], mismatches: [] };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const message = e instanceof HookNotCalled ? `The hook service at ${request.url} was not called: ${reason}` : `The hook service at ${request.url} did not answer: ${reason}`;
    return { source: "service", response: null, error: { kind: "binding", message }, logs: [], mismatches: [] };
  }
}
