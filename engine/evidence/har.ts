/**
 * A HAR 1.2 capture (`log.entries[]`): the token request (`POST …/access_token`) gives the scenario's request
 * headers and parameters and, through its response, the token; every other call that is not AM's own OAuth
 * endpoint becomes an `http` mock answering as the capture did.
 */
import { contribution, isRecord, placeholder, type Contribution } from "./types";
import { FLOW_GRANT_TYPES } from "../flow/schema";
import { recogniseTokenResponse } from "./token";

const SECRET_PARAMS = new Set(["client_secret", "password", "code", "refresh_token", "assertion", "client_assertion", "subject_token", "actor_token", "code_verifier"]);
const SECRET_HEADERS = new Set(["authorization", "cookie", "proxy-authorization", "x-api-key"]);
/** The grant types a client posts to /access_token (the scenario's own list). */
const GRANT_TYPES = new Set<string>(FLOW_GRANT_TYPES);

interface HarNameValue {
  name: string;
  value: string;
}

function nameValues(value: unknown): HarNameValue[] {
  return Array.isArray(value) ? value.filter((e): e is HarNameValue => isRecord(e) && typeof e.name === "string" && typeof e.value === "string") : [];
}

function formParams(postData: unknown): HarNameValue[] {
  if (!isRecord(postData)) return [];
  const listed = nameValues(postData.params);
  if (listed.length > 0) return listed;
  if (typeof postData.text === "string" && String(postData.mimeType ?? "").includes("x-www-form-urlencoded")) {
    return [...new URLSearchParams(postData.text)].map(([name, value]) => ({ name, value }));
  }
  return [];
}

/** Header and parameter names are the capture's: grouped under own keys only. */
function grouped(pairs: HarNameValue[]): Record<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { name, value } of pairs) out.set(name, [...(out.get(name) ?? []), value]);
  return Object.fromEntries(out);
}

export function isHar(json: unknown): json is { log: { entries: unknown[] } } {
  return isRecord(json) && isRecord(json.log) && Array.isArray(json.log.entries);
}

export function recogniseHar(file: string, json: unknown): Contribution | null {
  if (!isHar(json)) return null;
  const entries = json.log.entries.filter(isRecord);
  const out = contribution(file, `HAR capture (${entries.length} entries)`);
  const isTokenCall = (e: Record<string, unknown>) =>
    isRecord(e.request) && e.request.method === "POST" && /\/access_token(\?|$)/.test(String(e.request.url));
  const tokenEntries = entries.filter(isTokenCall);
  const tokenEntry = tokenEntries[tokenEntries.length - 1];
  if (tokenEntries.length > 1) out.notes.push(`${tokenEntries.length} token requests in the capture: the last one is used`);
  if (tokenEntry && isRecord(tokenEntry.request)) {
    const where = `entry ${entries.indexOf(tokenEntry) + 1}`;
    const req = tokenEntry.request;
    const headers = nameValues(req.headers).filter((h) => !h.name.startsWith(":"));
    const params = formParams(req.postData);
    for (const h of headers) {
      if (SECRET_HEADERS.has(h.name.toLowerCase())) {
        h.value = placeholder(h.name.toLowerCase());
        out.redactions.push({ file, place: `${where} request header ${h.name}`, placeholder: h.value });
      }
    }
    for (const p of params) {
      if (SECRET_PARAMS.has(p.name)) {
        p.value = placeholder(p.name);
        out.redactions.push({ file, place: `${where} form parameter ${p.name}`, placeholder: p.value });
      }
    }
    const request: Record<string, unknown> = { uri: String(req.url).split("?")[0], params: grouped(params), headers: grouped(headers) };
    out.scenario.request = request;
    const grant = params.find((p) => p.name === "grant_type")?.value;
    if (grant && GRANT_TYPES.has(grant)) out.scenario.token = { grantType: grant };
    const scope = params.find((p) => p.name === "scope")?.value;
    if (scope) out.scenario.scopes = scope.split(" ").filter(Boolean);
    const res = isRecord(tokenEntry.response) ? tokenEntry.response : {};
    const text = isRecord(res.content) && typeof res.content.text === "string" ? res.content.text : undefined;
    if (text) {
      try {
        const token = recogniseTokenResponse(file, JSON.parse(text));
        if (token) {
          out.scenario = mergeShallow(token.scenario, out.scenario);
          out.notes.push(...token.notes.map((n) => `token response: ${n}`));
        }
      } catch {
        out.ignored.push(`${where}: the token response body is not JSON`);
      }
    }
    out.redactions.push({ file, place: `${where} response access_token, refresh_token, id_token`, placeholder: "(not copied)" });
  } else {
    out.notes.push("no POST …/access_token in the capture: no token request to reproduce");
  }

  const mocks: Record<string, unknown>[] = [];
  entries.forEach((e, i) => {
    if (e === tokenEntry || !isRecord(e.request) || !isRecord(e.response)) return;
    const url = String(e.request.url);
    if (/\/oauth2\/|\/json\/|\/XUI\/|\/openidm\//.test(url)) {
      out.ignored.push(`entry ${i + 1}: ${e.request.method} ${url} (AM's own endpoint, not a call the script makes)`);
      return;
    }
    const content = isRecord(e.response.content) ? e.response.content : {};
    const response: Record<string, unknown> = { status: typeof e.response.status === "number" ? e.response.status : 200 };
    const type = nameValues(e.response.headers).find((h) => h.name.toLowerCase() === "content-type");
    if (type) response.headers = { "Content-Type": type.value };
    if (typeof content.text === "string") {
      const text = content.encoding === "base64" ? undefined : content.text;
      if (text === undefined) out.ignored.push(`entry ${i + 1}: a base64-encoded response body`);
      else if (String(content.mimeType ?? "").includes("json")) {
        try {
          response.json = JSON.parse(text);
        } catch {
          response.body = text;
        }
      } else response.body = text;
    }
    mocks.push({ name: `HAR entry ${i + 1}`, request: { method: String(e.request.method), url }, response });
  });
  if (mocks.length > 0) out.scenario.http = mocks;
  return out;
}

/** `over` wins for every top-level section; sections that are objects merge one level deep. */
function mergeShallow(under: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over)) {
    out[key] = isRecord(value) && isRecord(out[key]) ? { ...(out[key] as object), ...value } : value;
  }
  return out;
}
