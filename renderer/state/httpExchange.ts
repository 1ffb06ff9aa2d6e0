/**
 * The HTTP pane's view of one httpClient call, as a request/response pair (like Postman): what the script
 * sent, what the scenario's mock answered, and why each mock before it did not match. The run result records
 * the request and the answering mock's index; the answer and the misses are read from the scenario's mocks
 * with the engine's own matcher, so the pane cannot disagree with the run.
 */
import { mismatches, reasonPhrase, type HttpCallRecord, type HttpMock } from "../../engine/api";

export interface HttpExchange {
  request: { method: string; url: string; headers: [string, string][]; body?: string };
  /** The mock's answer; null when no mock matched (or the mock simulates a network fault). */
  response: { status: number; statusText: string; headers: [string, string][]; body: string } | null;
  /** The mock that answered, e.g. `#0 "ip lookup"`. */
  answeredBy: string | null;
  /** Mocks tried before the answer (or all, when none answered) and why each did not match. */
  misses: { mock: string; reasons: string[] }[];
  /** The engine's explanation when no mock answered. */
  error?: string;
}

function label(mock: HttpMock | undefined, index: number): string {
  return `#${index}${mock?.name ? ` "${mock.name}"` : ""}`;
}

function headerPairs(headers: Record<string, string | string[]> | undefined): [string, string][] {
  return Object.entries(headers ?? {}).flatMap(([name, values]) => (Array.isArray(values) ? values : [values]).map((v) => [name, v] as [string, string]));
}

/** `mocks` as the scenario lists them (raw JSON is fine: missing parts count as absent). */
export function httpExchange(call: HttpCallRecord, mocks: readonly unknown[]): HttpExchange {
  const request = { method: call.method, url: call.url, headers: call.headers ?? {}, ...(call.body !== undefined ? { body: call.body } : {}) };
  const typed = mocks.map((m) => {
    const raw = (m ?? {}) as Partial<HttpMock>;
    return { ...raw, request: raw.request ?? {}, response: raw.response ?? { status: 200, headers: {} } } as HttpMock;
  });
  const tried = call.mock === null ? typed.length : call.mock;
  const misses = typed.slice(0, tried).map((mock, i) => {
    const reasons = mismatches(mock, request);
    return { mock: label(mock, i), reasons: reasons.length ? reasons : [`matched, but already used up (times: ${mock.times ?? "?"})`] };
  });
  const answering = call.mock !== null ? typed[call.mock] : undefined;
  let response: HttpExchange["response"] = null;
  if (answering && call.status !== undefined) {
    const r = answering.response;
    const headers = headerPairs(r.headers);
    const body = r.json !== undefined ? JSON.stringify(r.json, null, 2) : (r.body ?? "");
    if (r.json !== undefined && !headers.some(([k]) => k.toLowerCase() === "content-type")) headers.push(["Content-Type", "application/json"]);
    response = { status: call.status, statusText: r.statusText ?? reasonPhrase(call.status), headers, body };
  }
  return {
    request: { method: call.method, url: call.url, headers: headerPairs(call.headers), ...(call.body !== undefined ? { body: call.body } : {}) },
    response,
    answeredBy: call.mock !== null ? label(answering, call.mock) : null,
    misses,
    ...(call.error ? { error: call.error } : {}),
  };
}

/** A shell-safe single-quoted word. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The request as a cURL command line, to try it against the real service. */
export function curlOf(request: { method: string; url: string; headers: [string, string][]; body?: string }): string {
  const method = request.method.toUpperCase() === "GET" && request.body === undefined ? "" : `-X ${request.method.toUpperCase()} `;
  const lines = [`curl ${method}${quote(request.url)}`];
  for (const [name, value] of request.headers) lines.push(`-H ${quote(`${name}: ${value}`)}`);
  if (request.body !== undefined) lines.push(`--data-raw ${quote(request.body)}`);
  // One option per line, as browsers' "Copy as cURL" writes it.
  return lines.join(" \\\n  ");
}

/** Placeholders for what the playground does not hold (and must never put on a clipboard for real). */
const SECRET = "<client-secret>";

function formBody(fields: [string, string][]): string {
  return fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
}

/**
 * The token request AM answered, as cURL against the real AM (the token's issuer): the grant, the client
 * (secret as a placeholder) and the scopes; grant-specific inputs (code, password, …) as placeholders too.
 */
export function tokenRequestCurl(token: Record<string, unknown>): string | null {
  const iss = typeof token.iss === "string" ? token.iss : null;
  const clientId = typeof token.client_id === "string" ? token.client_id : null;
  if (!iss || !clientId) return null;
  const grant = typeof token.grant_type === "string" ? token.grant_type : "authorization_code";
  const scope = Array.isArray(token.scope) ? token.scope.join(" ") : typeof token.scope === "string" ? token.scope : "";
  const fields: [string, string][] = [["grant_type", grant]];
  if (grant === "authorization_code") fields.push(["code", "<authorization-code>"], ["redirect_uri", "<redirect-uri>"]);
  if (grant === "password") fields.push(["username", typeof token.subname === "string" ? token.subname : "<username>"], ["password", "<password>"]);
  if (grant === "refresh_token") fields.push(["refresh_token", "<refresh-token>"]);
  if (scope) fields.push(["scope", scope]);
  return curlOf({
    method: "POST",
    url: `${iss.replace(/\/$/, "")}/access_token`,
    headers: [["Content-Type", "application/x-www-form-urlencoded"], ["Authorization", `Basic <base64 of ${clientId}:${SECRET}>`]],
    body: formBody(fields),
  });
}

/** The introspection request for this access token, as cURL against the token's issuer. */
export function introspectRequestCurl(token: Record<string, unknown>, accessToken: string): string | null {
  const iss = typeof token.iss === "string" ? token.iss : null;
  const clientId = typeof token.client_id === "string" ? token.client_id : null;
  if (!iss || !clientId) return null;
  return curlOf({
    method: "POST",
    url: `${iss.replace(/\/$/, "")}/introspect`,
    headers: [["Content-Type", "application/x-www-form-urlencoded"], ["Authorization", `Basic <base64 of ${clientId}:${SECRET}>`]],
    body: formBody([["token", accessToken]]),
  });
}
