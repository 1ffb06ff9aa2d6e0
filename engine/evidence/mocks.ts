/**
 * HTTP mocks from a customer's test setup: MockServer expectations (`httpRequest` + `httpResponse`) and WireMock
 * stub mappings (`request` + `response`), one, a list, or wrapped (`{expectations}` / `{mappings}`). Each becomes a
 * scenario `http` mock; matchers the playground cannot express are reported, never silently dropped.
 */
import { contribution, isRecord, placeholder, type Contribution } from "./types";
import { decodeBase64Text } from "../import/base64-text";

/** A base64 body as text; undecodable bodies are kept as they were, with the problem noted by the caller. */
function base64ToText(encoded: string): string {
  const outcome = decodeBase64Text(encoded);
  return outcome.ok ? outcome.text : encoded;
}

type Mock = { name?: string; request: Record<string, unknown>; response: Record<string, unknown>; times?: number };

const SECRET_HEADERS = new Set(["authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key"]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A URL pattern matching a path (and, optionally, a query) on any host, as both tools match paths only. */
function anyHost(pathPattern: string, queryAllowed: boolean): string {
  return `^https?://[^/]+${pathPattern}${queryAllowed ? "(\\?.*)?" : ""}$`;
}

function firstValue(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return undefined;
}

/** MockServer "keyToMultiValue": `[{name, values}]` or `{name: v | [v…]}`. */
function multiValues(value: unknown): [string, string][] {
  if (Array.isArray(value)) {
    return value.flatMap((e) => (isRecord(e) && typeof e.name === "string" ? [[e.name, firstValue(e.values ?? e.value) ?? ""] as [string, string]] : []));
  }
  if (isRecord(value)) return Object.entries(value).map(([k, v]) => [k, firstValue(v) ?? ""]);
  return [];
}

function redactHeaders(file: string, place: string, headers: [string, string][], out: Contribution): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of headers) {
    if (SECRET_HEADERS.has(name.toLowerCase())) {
      const marker = placeholder(name.toLowerCase());
      out.redactions.push({ file, place: `${place} header ${name}`, placeholder: marker });
      result[name] = marker;
      out.notes.push(`${place}: the ${name} header must now carry ${marker}; put the value your script sends there to match`);
    } else {
      result[name] = value;
    }
  }
  return result;
}

function mockServerBody(body: unknown, where: string, out: Contribution): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body === "string") return { body };
  if (isRecord(body) && typeof body.type === "string") {
    switch (body.type) {
      case "JSON":
        return { json: typeof body.json === "string" ? JSON.parse(body.json) : body.json };
      case "STRING":
        return typeof body.subString === "boolean" && body.subString ? { bodyContains: body.string } : { body: body.string };
      default:
        out.ignored.push(`${where}: a ${body.type} body matcher`);
        return {};
    }
  }
  return { json: body };
}

function mockServerResponseBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body === "string") return { body };
  if (isRecord(body) && body.type === "JSON") return { json: typeof body.json === "string" ? JSON.parse(body.json) : body.json };
  if (isRecord(body) && body.type === "STRING") return { body: body.string };
  if (isRecord(body) && body.type === "BINARY" && typeof body.base64Bytes === "string") return { body: base64ToText(body.base64Bytes) };
  return { json: body };
}

function fromMockServer(file: string, e: Record<string, unknown>, index: number, out: Contribution): Mock | null {
  const where = `expectation ${index + 1}`;
  const req = isRecord(e.httpRequest) ? e.httpRequest : {};
  if (!isRecord(e.httpResponse)) {
    const action = Object.keys(e).find((k) => k.startsWith("http") && k !== "httpRequest");
    out.ignored.push(`${where}: the ${action ?? "missing"} action (only httpResponse is played back)`);
    return null;
  }
  const request: Record<string, unknown> = {};
  if (typeof req.method === "string") request.method = req.method;
  if (typeof req.path === "string") request.urlPattern = anyHost(escapeRegExp(req.path), true);
  const query = multiValues(req.queryStringParameters);
  if (query.length) request.query = Object.fromEntries(query);
  const headers = multiValues(req.headers);
  if (headers.length) request.headers = redactHeaders(file, where, headers, out);
  Object.assign(request, mockServerBody(req.body, where, out));
  for (const key of Object.keys(req)) {
    if (!["method", "path", "queryStringParameters", "headers", "body"].includes(key)) out.ignored.push(`${where}: request ${key}`);
  }
  const res = e.httpResponse;
  const response: Record<string, unknown> = { status: typeof res.statusCode === "number" ? res.statusCode : 200 };
  if (typeof res.reasonPhrase === "string") response.statusText = res.reasonPhrase;
  const resHeaders = multiValues(res.headers).filter(([n]) => n.toLowerCase() !== "set-cookie");
  if (resHeaders.length) response.headers = Object.fromEntries(resHeaders);
  Object.assign(response, mockServerResponseBody(res.body));
  if (res.delay) out.ignored.push(`${where}: response delay`);
  const mock: Mock = { name: typeof e.id === "string" ? e.id : `MockServer ${where}`, request, response };
  if (isRecord(e.times) && typeof e.times.remainingTimes === "number" && e.times.unlimited !== true) mock.times = e.times.remainingTimes;
  return mock;
}

function wireMockPattern(value: unknown): { equalTo?: string; contains?: string; matches?: string } | null {
  return isRecord(value) ? (value as { equalTo?: string; contains?: string; matches?: string }) : null;
}

function fromWireMock(file: string, m: Record<string, unknown>, index: number, out: Contribution): Mock | null {
  const where = `mapping ${index + 1}`;
  const req = isRecord(m.request) ? m.request : {};
  const res = isRecord(m.response) ? m.response : {};
  const request: Record<string, unknown> = {};
  if (typeof req.method === "string" && req.method !== "ANY") request.method = req.method;
  if (typeof req.url === "string") request.urlPattern = anyHost(escapeRegExp(req.url), false);
  else if (typeof req.urlPath === "string") request.urlPattern = anyHost(escapeRegExp(req.urlPath), true);
  else if (typeof req.urlPattern === "string") request.urlPattern = anyHost(req.urlPattern.replace(/^\^/, "").replace(/\$$/, ""), false);
  else if (typeof req.urlPathPattern === "string") request.urlPattern = anyHost(req.urlPathPattern.replace(/^\^/, "").replace(/\$$/, ""), true);
  const exact = (group: unknown, what: string): [string, string][] =>
    isRecord(group)
      ? Object.entries(group).flatMap(([name, pattern]) => {
          const p = wireMockPattern(pattern);
          if (p && typeof p.equalTo === "string") return [[name, p.equalTo] as [string, string]];
          out.ignored.push(`${where}: ${what} ${name} matcher ${JSON.stringify(pattern)} (only equalTo is played back)`);
          return [];
        })
      : [];
  const headers = exact(req.headers, "header");
  if (headers.length) request.headers = redactHeaders(file, where, headers, out);
  const query = exact(req.queryParameters, "query parameter");
  if (query.length) request.query = Object.fromEntries(query);
  if (Array.isArray(req.bodyPatterns)) {
    for (const pattern of req.bodyPatterns) {
      if (!isRecord(pattern)) continue;
      if (pattern.equalToJson !== undefined) request.json = typeof pattern.equalToJson === "string" ? JSON.parse(pattern.equalToJson) : pattern.equalToJson;
      else if (typeof pattern.contains === "string") request.bodyContains = pattern.contains;
      else if (typeof pattern.equalTo === "string") request.body = pattern.equalTo;
      else out.ignored.push(`${where}: body pattern ${Object.keys(pattern).join(", ")}`);
    }
  }
  for (const key of Object.keys(req)) {
    if (!["method", "url", "urlPath", "urlPattern", "urlPathPattern", "headers", "queryParameters", "bodyPatterns"].includes(key)) {
      out.ignored.push(`${where}: request ${key}`);
    }
  }
  const response: Record<string, unknown> = { status: typeof res.status === "number" ? res.status : 200 };
  if (typeof res.statusMessage === "string") response.statusText = res.statusMessage;
  if (isRecord(res.headers)) {
    response.headers = Object.fromEntries(Object.entries(res.headers).filter(([n]) => n.toLowerCase() !== "set-cookie"));
  }
  if (res.jsonBody !== undefined) response.json = res.jsonBody;
  else if (typeof res.body === "string") response.body = res.body;
  else if (typeof res.base64Body === "string") response.body = base64ToText(res.base64Body);
  if (typeof res.fault === "string") response.fault = "connection-refused";
  if (typeof res.bodyFileName === "string") out.ignored.push(`${where}: response bodyFileName ${res.bodyFileName} (the file is not part of the evidence)`);
  if (res.fixedDelayMilliseconds !== undefined) out.ignored.push(`${where}: response delay`);
  const name = typeof m.name === "string" ? m.name : typeof m.id === "string" ? m.id : `WireMock ${where}`;
  return { name, request, response };
}

function listOf(json: unknown, wrapper: string): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (isRecord(json) && Array.isArray(json[wrapper])) return json[wrapper] as unknown[];
  if (isRecord(json)) return [json];
  return null;
}

export function recogniseMockServer(file: string, json: unknown): Contribution | null {
  const list = listOf(json, "expectations");
  if (!list || list.length === 0 || !list.every((e) => isRecord(e) && isRecord(e.httpRequest))) return null;
  const out = contribution(file, `MockServer expectations (${list.length})`);
  out.scenario.http = list.flatMap((e, i) => fromMockServer(file, e as Record<string, unknown>, i, out) ?? []);
  return out;
}

export function recogniseWireMock(file: string, json: unknown): Contribution | null {
  const list = listOf(json, "mappings");
  if (!list || list.length === 0 || !list.every((m) => isRecord(m) && isRecord(m.request) && isRecord(m.response))) return null;
  const out = contribution(file, `WireMock stub mappings (${list.length})`);
  out.scenario.http = list.flatMap((m, i) => fromWireMock(file, m as Record<string, unknown>, i, out) ?? []);
  return out;
}
