/**
 * The one way the playground calls a hook service the user runs on this machine (OneWelcome's Customize
 * Access Token web hook at the scenario's `onewelcome.hookUrl`): the CLI (cli/runner.ts), the desktop app's
 * main process (electron/main/ipc.ts) and the browser build (renderer/platform) all hand their `fetch` to
 * `callLoopbackHook`, so the three refuse, time out, cap and report alike.
 *
 * Only the loopback interface is ever called: a scenario is data a user may have been sent, and it must not
 * make the playground POST a user's claims and a signed bearer token to another machine.
 */

export interface HookCallRequest {
  method: "POST";
  url: string;
  headers: Record<string, string>;
  /** Sent as JSON. */
  body: unknown;
  /** How long the service may take, answer included (the scenario's time limit). */
  timeoutMs: number;
}

export interface HookCallResponse {
  status: number;
  headers: Record<string, string>;
  /** The answer parsed as JSON, or its text when it is not JSON (the contract check reports that). */
  body: unknown;
}

export type HookCallOutcome =
  | { status: "answered"; response: HookCallResponse }
  /** Nothing was sent: the address is not on this machine, or the user has not allowed (or refused) it. */
  | { status: "refused"; reason: string }
  /** It was sent, and no usable HTTP answer came back (down, too slow, too big, a redirect). */
  | { status: "failed"; reason: string };

/** What `fetch` the caller hands in must do (Node's, a browser's, or a test's). */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: "manual" }) => Promise<{
  status: number;
  type?: string;
  headers: { forEach(callback: (value: string, name: string) => void): void };
  body: ReadableStream<Uint8Array> | null;
}>;

/** The most of an answer that is read: a hook answer is a few scopes and claims, not megabytes. */
export const MAX_HOOK_ANSWER_BYTES = 1024 * 1024;

/** The most of a request that is sent: the playground's hook requests are a few KB. */
export const MAX_HOOK_REQUEST_BYTES = 1024 * 1024;

/**
 * The path the contract POSTs to (OneWelcome's OpenAPI; engine/products/onewelcome/contract.ts builds the URL
 * from hookUrl + this). Only a URL ending in it is called, with no query or fragment, so a hookUrl (or, in the
 * app, a page gone wrong) cannot aim the call at another path of a local service.
 */
export const HOOK_CONTRACT_PATH = "/v1/customize-access-token";

/** The headers a hook request carries; no other header is sent (no Cookie, no Origin made up by the caller). */
const SENT_HEADERS = new Set(["content-type", "accept", "authorization"]);

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const LOOPBACK_NAMES = new Set(["localhost", "[::1]"]);

/** host:port of a hook URL, as the user is asked about it (the default port spelled out); null when not a URL. */
export function hookAddress(url: string): string | null {
  try {
    const parsed = new URL(url);
    const port = parsed.port || (parsed.protocol === "https:" ? "443" : "80");
    return `${parsed.hostname}:${port}`;
  } catch {
    return null;
  }
}

/** Why this URL may not be called, or null when it is an http(s) address on the loopback interface. */
export function loopbackRefusal(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${JSON.stringify(url)} is not a URL`;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return `${parsed.protocol} is not http or https`;
  if (parsed.username || parsed.password) return "the URL carries a user name or password; put them in onewelcome.username and password (authentication \"basic\")";
  const host = parsed.hostname;
  if (!LOOPBACK_NAMES.has(host) && !/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) {
    return `${parsed.host} is not on this machine: the playground only calls hook services on 127.0.0.1 (or localhost)`;
  }
  if (parsed.search || parsed.hash || url.includes("?") || url.includes("#")) return "the URL has a query or a fragment; a hook URL is the service's base address only";
  return null;
}

/** Why this request URL may not be called: loopbackRefusal's reasons, or a path other than the contract's. */
function requestRefusal(url: string): string | null {
  const refusal = loopbackRefusal(url);
  if (refusal) return refusal;
  if (!new URL(url).pathname.endsWith(HOOK_CONTRACT_PATH)) return `only the contract's path ${HOOK_CONTRACT_PATH} is called, not ${new URL(url).pathname}`;
  return null;
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    if (e.name === "TimeoutError" || e.name === "AbortError") return "";
    const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
    if (cause && typeof cause.code === "string") return `${e.message} (${cause.code})`;
    // Node's fetch refuses the ports the Fetch standard blocks with "fetch failed", cause "bad port".
    if (cause && typeof cause.message === "string") return `${e.message} (${cause.message})`;
    return e.message;
  }
  return String(e);
}

async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string | null> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

export interface CallOptions {
  maxBytes?: number;
  /** Added to the reason when the request never got an HTTP answer (the browser build's CORS rule, say). */
  unreachableHint?: string;
  /** A host's own rule on top of the loopback one (the browser build's CSP reaches fewer addresses). */
  refuse?: (url: URL) => string | null;
}

/**
 * Sends the request when it is a hook request to this machine: POST, the contract's path, JSON of at most
 * MAX_HOOK_REQUEST_BYTES, and only its content-type, accept and authorization headers. Never throws.
 */
export async function callLoopbackHook(request: HookCallRequest, fetchImpl: FetchLike, options: CallOptions = {}): Promise<HookCallOutcome> {
  const refusal = requestRefusal(request.url) ?? options.refuse?.(new URL(request.url)) ?? null;
  if (refusal) return { status: "refused", reason: refusal };
  if (request.method !== "POST") return { status: "refused", reason: `a hook request is a POST, not ${String(request.method)}` };
  const sentBody = JSON.stringify(request.body) ?? "null";
  const bodyBytes = new TextEncoder().encode(sentBody).byteLength;
  if (bodyBytes > MAX_HOOK_REQUEST_BYTES) return { status: "refused", reason: `the request body is larger than ${MAX_HOOK_REQUEST_BYTES / 1024} KB (${bodyBytes} bytes)` };
  const sentHeaders = Object.fromEntries(Object.entries(request.headers).filter(([name]) => SENT_HEADERS.has(name.toLowerCase())));
  const timeoutMs = Math.max(1, Math.floor(request.timeoutMs));
  const signal = AbortSignal.timeout(timeoutMs);
  const tooSlow = `it took longer than ${timeoutMs} ms (the scenario's timeoutMs)`;
  let response: Awaited<ReturnType<FetchLike>>;
  try {
    response = await fetchImpl(request.url, { method: "POST", headers: sentHeaders, body: sentBody, signal, redirect: "manual" });
  } catch (e) {
    if (signal.aborted) return { status: "failed", reason: tooSlow };
    return { status: "failed", reason: `it could not be reached: ${describe(e)}${options.unreachableHint ? `. ${options.unreachableHint}` : ""}` };
  }
  // A browser hides a redirect it was told not to follow behind status 0 ("opaqueredirect").
  if (response.type === "opaqueredirect" || REDIRECT_STATUSES.has(response.status)) {
    return { status: "failed", reason: `it answered with a redirect${response.status ? ` (HTTP ${response.status})` : ""}, which the playground does not follow` };
  }
  let text: string | null;
  try {
    text = await readCapped(response.body, options.maxBytes ?? MAX_HOOK_ANSWER_BYTES);
  } catch (e) {
    return { status: "failed", reason: signal.aborted ? tooSlow : `its answer broke off: ${describe(e)}` };
  }
  if (text === null) return { status: "failed", reason: `its answer is larger than ${Math.round((options.maxBytes ?? MAX_HOOK_ANSWER_BYTES) / 1024)} KB` };
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the contract check reports it with the body as it came.
  }
  return { status: "answered", response: { status: response.status, headers, body } };
}
