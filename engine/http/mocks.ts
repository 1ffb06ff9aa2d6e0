/**
 * Answers httpClient calls from the scenario's mocks (first match wins), and explains a miss by naming
 * the nearest mocks and what differed, the way a user debugging a 404 would want.
 */
import type { HttpMock } from "../scenario/schema";
import type { HttpCallRecord } from "../result";
import { newRecord, ownValue } from "../util/own-keys";
import { matchesWhole, type WholeMatch } from "../util/bounded-regexp";
import { memoize } from "../util/memo";

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string[]>;
  body?: string;
}

export interface MockAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string[]>;
  body: string;
}

export type MockOutcome =
  | { ok: true; answer: MockAnswer; mock: number }
  | { ok: false; fault: "no-match" | "connection-refused" | "timeout"; message: string; mock: number | null };

const REASONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  304: "Not Modified",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? "";
}

function splitUrl(url: string): { base: string; query: URLSearchParams } {
  const q = url.indexOf("?");
  return q < 0 ? { base: url, query: new URLSearchParams() } : { base: url.slice(0, q), query: new URLSearchParams(url.slice(q + 1)) };
}

function headerValues(headers: Record<string, string[]>, name: string): string[] {
  const wanted = name.toLowerCase();
  return Object.entries(headers)
    .filter(([k]) => k.toLowerCase() === wanted)
    .flatMap(([, v]) => v);
}

function isDeepSubset(expected: unknown, actual: unknown): boolean {
  if (expected === null || typeof expected !== "object") return Object.is(expected, actual) || expected === actual;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.length === actual.length && expected.every((e, i) => isDeepSubset(e, actual[i]));
  }
  if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
  return Object.entries(expected as Record<string, unknown>).every(([k, v]) => isDeepSubset(v, ownValue(actual as Record<string, unknown>, k)));
}

/** What the script sent for a header or query parameter, beside what the mock expects, in words. */
function sentVersusExpected(what: string, sent: string[], expected: string): string {
  return sent.length === 0
    ? `${what} not sent (the mock expects ${JSON.stringify(expected)})`
    : `${what}: the script sent ${sent.map((s) => JSON.stringify(s)).join(", ")}, the mock expects ${JSON.stringify(expected)}`;
}

/**
 * Recent answers by pattern and URL: a script calling one URL in a loop, and the app's HTTP pane explaining each
 * call of a run again, pay a runaway pattern's budget once, not once a call. Long URLs are not kept (the key is
 * the whole text).
 */
const MEMO_KEY_CHARS = 16 * 1024;
const cachedMatch = memoize((key: string): WholeMatch => {
  const [pattern, url] = JSON.parse(key) as [string, string];
  return matchesWhole(pattern, url);
});

/**
 * Why the URL does not match the mock's urlPattern, or null when it does. The pattern is the scenario's and the
 * URL the script's, so the match is bounded (util/bounded-regexp.ts): a pattern that backtracks without end on
 * this URL is a reason of its own, in a fraction of a second, instead of a worker (or the app's page) that hangs.
 */
function urlPatternMismatch(pattern: string, url: string): string | null {
  const outcome = url.length + pattern.length <= MEMO_KEY_CHARS ? cachedMatch(JSON.stringify([pattern, url])) : matchesWhole(pattern, url);
  switch (outcome.kind) {
    case "match":
      return null;
    case "no-match":
      return `URL: the script sent ${url}, which does not match the mock's /${pattern}/`;
    case "invalid":
      return `urlPattern /${pattern}/ is not a valid regular expression (${outcome.message})`;
    case "unsupported":
      return `urlPattern /${pattern}/ uses syntax newer than the playground's bounded matcher reads (${outcome.message}); the mock is counted as not matching`;
    case "too-slow":
      return (
        `urlPattern: the mock's urlPattern /${pattern}/ took too long to match ${url} ` +
        (outcome.why === "steps"
          ? `(more than ${outcome.steps.toLocaleString("en-US")} matching steps: it backtracks without bound on this URL, `
          : `(it nests deeper than the matcher's stack on a URL this long, `) +
        `so the playground stopped it and counts the mock as not matching; a nested or ambiguous repeat such as (a+)+ or (x|x)* is the usual cause)`
      );
  }
}

/** Why a mock does not match the request, each reason saying what was sent and what the mock expects; empty when it matches. */
export function mismatches(mock: HttpMock, request: OutgoingRequest): string[] {
  const reasons: string[] = [];
  const m = mock.request;
  if (m.method && m.method.toUpperCase() !== request.method.toUpperCase()) {
    reasons.push(`method: the script sent ${request.method.toUpperCase()}, the mock expects ${m.method.toUpperCase()}`);
  }
  const actual = splitUrl(request.url);
  if (m.url !== undefined) {
    const wanted = splitUrl(m.url);
    if (wanted.base !== actual.base) reasons.push(`URL: the script sent ${actual.base}, the mock expects ${wanted.base}`);
    for (const [k, v] of wanted.query) {
      if (!actual.query.getAll(k).includes(v)) reasons.push(sentVersusExpected(`query parameter ${k}`, actual.query.getAll(k), v));
    }
  }
  if (m.urlPattern !== undefined) {
    const reason = urlPatternMismatch(m.urlPattern, request.url);
    if (reason) reasons.push(reason);
  }
  for (const [k, v] of Object.entries(m.query ?? {})) {
    if (!actual.query.getAll(k).includes(v)) reasons.push(sentVersusExpected(`query parameter ${k}`, actual.query.getAll(k), v));
  }
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    const sent = headerValues(request.headers, k);
    if (!sent.includes(v)) reasons.push(sentVersusExpected(`header ${k}`, sent, v));
  }
  if (m.body !== undefined && (request.body ?? "") !== m.body) {
    reasons.push(`body: the script sent ${JSON.stringify(request.body ?? "")}, the mock expects ${JSON.stringify(m.body)}`);
  }
  if (m.bodyContains !== undefined && !(request.body ?? "").includes(m.bodyContains)) {
    reasons.push(`body: what the script sent does not contain ${JSON.stringify(m.bodyContains)}`);
  }
  if (m.json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body ?? "");
    } catch {
      reasons.push("body: the script sent no JSON, the mock expects a JSON body");
    }
    if (parsed !== undefined && !isDeepSubset(m.json, parsed)) reasons.push(`body: the JSON the script sent does not contain the mock's ${JSON.stringify(m.json)}`);
  }
  return reasons;
}

function mockLabel(mock: HttpMock, index: number): string {
  const what = `${mock.request.method?.toUpperCase() ?? "ANY"} ${mock.request.url ?? (mock.request.urlPattern ? `/${mock.request.urlPattern}/` : "any URL")}`;
  return `mock #${index}${mock.name ? ` "${mock.name}"` : ""} (${what})`;
}

/** Serves requests from the mocks, counting uses for `times`. */
export class MockServer {
  private readonly uses: number[];

  constructor(private readonly mocks: readonly HttpMock[]) {
    this.uses = mocks.map(() => 0);
  }

  answer(request: OutgoingRequest): MockOutcome {
    const near: { index: number; reasons: string[] }[] = [];
    for (let i = 0; i < this.mocks.length; i++) {
      const mock = this.mocks[i];
      const reasons = mismatches(mock, request);
      if (reasons.length === 0 && mock.times !== undefined && this.uses[i] >= mock.times) {
        reasons.push(`already answered ${mock.times} time(s)`);
      }
      if (reasons.length > 0) {
        near.push({ index: i, reasons });
        continue;
      }
      this.uses[i]++;
      const r = mock.response;
      if (r.fault) {
        const message =
          r.fault === "timeout"
            ? `Read timed out calling ${request.url} (${mockLabel(mock, i)} simulates a timeout)`
            : `Connection refused: ${request.url} (${mockLabel(mock, i)} simulates a refused connection)`;
        return { ok: false, fault: r.fault, message, mock: i };
      }
      const headers = newRecord<string[]>();
      for (const [k, v] of Object.entries(r.headers)) headers[k] = Array.isArray(v) ? v : [v];
      let body = r.body ?? "";
      if (r.json !== undefined) {
        body = JSON.stringify(r.json);
        if (headerValues(headers, "content-type").length === 0) headers["Content-Type"] = ["application/json"];
      }
      return { ok: true, answer: { status: r.status, statusText: r.statusText ?? reasonPhrase(r.status), headers, body }, mock: i };
    }
    near.sort((a, b) => a.reasons.length - b.reasons.length);
    const hints = near
      .slice(0, 3)
      .map((n) => `${mockLabel(this.mocks[n.index], n.index)}: ${n.reasons.join("; ")}`)
      .join(" | ");
    const message =
      `No mock answers ${request.method.toUpperCase()} ${request.url} (the playground makes no real network calls).` +
      (hints ? ` Nearest: ${hints}` : " The scenario has no http mocks; add one under \"http\".");
    return { ok: false, fault: "no-match", message, mock: null };
  }
}

export function recordCall(request: OutgoingRequest, outcome: MockOutcome): HttpCallRecord {
  const record: HttpCallRecord = { method: request.method.toUpperCase(), url: request.url, mock: outcome.mock };
  if (Object.keys(request.headers).length) record.headers = request.headers;
  if (request.body !== undefined) record.body = request.body;
  if (outcome.ok) record.status = outcome.answer.status;
  else record.error = outcome.message;
  return record;
}
