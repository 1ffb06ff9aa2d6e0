/** The result panels: token, token response, introspection (top) and logs, HTTP, IDM, warnings (below). */
import { useEffect, useState, type ReactNode } from "react";
import type { HttpCallRecord, RunResult, JwtView } from "../engine-client/engineApi";
import { CopyButton } from "./CopyButton";
import { MacaroonParts } from "./MacaroonParts";
import { curlOf, httpExchange, introspectRequestCurl, tokenRequestCurl } from "../state/httpExchange";
import { markIntrospection, markTokenFields, markTokenResponse, summarizeMarks, type MarkedField } from "../state/marks";
import { EmptyState, Panel } from "./Panel";
import { LEGACY } from "../state/evaluators";
import { emptyLogsHint, productFacts, productOfResult } from "../state/products";
import type { ProductId } from "../../engine/api";
import { FieldTable, formatValue } from "./FieldTable";
import { doublesOf, rebaseDoubles, type DoublePointers } from "../state/doubles";

export interface ShownResult {
  result: RunResult;
  /** Greyed because the input changed in a way that cannot run yet (invalid scenario, typing through errors). */
  stale: boolean;
  /** Why it is greyed, in a few words. */
  staleLabel?: string;
  /**
   * When this result failed: the last good result of the same script and scenario (same sample or file),
   * shown collapsed under the failure for comparison. Never a result of another sample or file.
   */
  previous?: { id: number; result: RunResult } | null;
  /** The scenario's HS256 secret (token.signing.secret), to verify client-side tokens as AM signed them. */
  hmacSecret?: string;
  /** True while a run of new input (another sample, a file just opened) is on its way and nothing is shown. */
  running?: boolean;
  /** The product the scenario runs (AM when absent): the panels' empty states name its server, not AM's. */
  product?: ProductId;
  /** The flow step the panels show (its timeline label): an empty panel is what that request answers, not the scenario. */
  flowStep?: string;
}

function noResultText(shown: ShownResult | null, what: string): string {
  if (!shown) return `Run the script (Ctrl/Cmd+Enter) to see ${what}.`;
  const { server, script, failedRequest } = productFacts(shown.product);
  if (shown.result.error) return `No ${what}: ${script} failed, so ${server} fails ${failedRequest(shown.result)} (see Token response).`;
  if (shown.flowStep) return `No ${what} at this step: ${shown.flowStep} answers none.`;
  return `${server} returns no ${what} for this scenario.`;
}

/** New input (another sample, a file just opened) is running: nothing of the old input is shown meanwhile. */
function RunningPanel({ testId, title }: { testId: string; title: string }) {
  return (
    <Panel testId={testId} title={title}>
      <EmptyState>Running…</EmptyState>
    </Panel>
  );
}

/** The last good result under a failure: closed, and labelled so it is never taken for this input's result. */
function Previous({ shown, children }: { shown: ShownResult | null; children: (result: RunResult) => ReactNode }) {
  const previous = shown?.result.error ? shown.previous : null;
  if (!previous) return null;
  return (
    <details className="previous-result" data-testid="previous-result">
      <summary>Previous result (run {previous.id}, before this failure): not what {productFacts(shown?.product).server} issues now</summary>
      <div className="previous-body">{children(previous.result)}</div>
    </details>
  );
}

/** jwt.io's view: the encoded token beside its decoded header and claims, and whether its signature verifies. */
export function JwtParts({ jwt, marks, doubles, title, testId, hmacSecret, base = "/jwt/claims" }: { jwt: JwtView; marks: Map<string, MarkedField>; doubles: DoublePointers; title: string; testId: string; hmacSecret?: string; base?: string }) {
  const [header, payload, signature] = jwt.compact.split(".");
  const claimRows: MarkedField[] = Object.entries(jwt.claims).map(([key, value]) => ({
    key,
    value,
    mark: marks.get(key)?.mark === "added" || marks.get(key)?.mark === "changed" ? (marks.get(key)!.mark) : "native",
  }));
  const [verification, setVerification] = useState<{ compact: string; verified: boolean; key: string; detail?: string } | null>(null);
  const [jwks, setJwks] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import("../state/jwtVerify").then(async ({ verifyJwt, demoJwks }) => {
      const outcome = await verifyJwt(jwt.compact, hmacSecret);
      if (!live) return;
      setVerification({ compact: jwt.compact, ...outcome });
      setJwks(JSON.stringify(demoJwks(), null, 2));
    });
    return () => {
      live = false;
    };
  }, [jwt.compact, hmacSecret]);
  const shownVerification = verification?.compact === jwt.compact ? verification : null;
  return (
    <div className="jwt" data-testid={testId}>
      <p className="jwt-size" data-testid={`${testId}-size`}>
        {title}: <strong>{jwt.bytes.toLocaleString("en")} bytes</strong>
      </p>
      <div className="jwt-columns">
        <div className="jwt-encoded">
          <h3>Encoded</h3>
          <pre className="jwt-compact" aria-label={`${title}, encoded`}>
            <span className="jwt-header">{header}</span>.<span className="jwt-payload">{payload}</span>.<span className="jwt-signature">{signature}</span>
          </pre>
          <CopyButton label={`Copy token: ${title}, encoded`} text={jwt.compact}>
            Copy token
          </CopyButton>
          <p className={`jwt-verification ${shownVerification?.verified ? "verified" : shownVerification ? "failed" : ""}`} data-testid={`${testId}-signature`}>
            {shownVerification
              ? shownVerification.verified
                ? `✓ Signature verified with ${shownVerification.key}.`
                : `✗ Signature not verified (${shownVerification.key}): ${shownVerification.detail ?? ""}`
              : "Checking the signature…"}
          </p>
          {jwks ? (
            <details className="jwks">
              <summary>Demo keys (JWKS)</summary>
              <pre className="value">{jwks}</pre>
              <CopyButton label="Copy JWKS of the demo keys" text={jwks}>
                Copy JWKS
              </CopyButton>
            </details>
          ) : null}
        </div>
        <div className="jwt-decoded">
          <h3>Header</h3>
          <pre className="value">{JSON.stringify(jwt.header, null, 2)}</pre>
          <h3>Claims</h3>
          <FieldTable rows={claimRows} label={`${title} claims`} doubles={doubles} base={base} />
        </div>
      </div>
    </div>
  );
}

function tokenRows(result: RunResult | undefined): MarkedField[] {
  const token = result?.token;
  // The script's touches first: they are what the user is looking for among ~20 native fields.
  return token ? [...markTokenFields(token)].sort((a, b) => Number(a.mark === "native") - Number(b.mark === "native")) : [];
}

function TokenBody({ result, what, hmacSecret }: { result: RunResult; what: string; hmacSecret?: string }) {
  const rows = tokenRows(result);
  const doubles = doublesOf(result);
  return (
    <>
      {result.jwt ? <JwtParts jwt={result.jwt} marks={new Map(rows.map((r) => [r.key, r]))} doubles={doubles} title="Client-side token (JWT)" testId="jwt" hmacSecret={hmacSecret} /> : null}
      {result.macaroon ? <MacaroonParts macaroon={result.macaroon} /> : null}
      {result.jwt || result.macaroon ? <h3>Token fields</h3> : null}
      <FieldTable rows={rows} label={what} doubles={doubles} base="/token/after" beforeBase="/token/before" />
    </>
  );
}

export function TokenPanel({ shown }: { shown: ShownResult | null }) {
  if (shown?.running) return <RunningPanel testId="panel-token" title="Token" />;
  const failed = Boolean(shown?.result.error);
  const token = failed ? null : (shown?.result.token ?? null);
  const jwt = token ? (shown?.result.jwt ?? null) : null;
  const rows = token ? tokenRows(shown?.result) : [];
  const summary = token ? summarizeMarks(rows) || "unchanged by the script" : failed ? "not issued" : undefined;
  const doubles = doublesOf(shown?.result);
  return (
    <Panel
      testId="panel-token"
      title="Token"
      summary={jwt ? `${summary ?? ""} · ${jwt.bytes} B JWT` : summary}
      copyValue={token ? { fields: token.after, changes: token.changes, ...(jwt ? { jwt } : {}) } : undefined}
      copyDoubles={rebaseDoubles(doubles, [["/token/after", "/fields"], ["/jwt", "/jwt"]])}
      stale={shown?.stale}
      staleLabel={shown?.staleLabel}
    >
      {token ? (
        <TokenBody result={shown!.result} what="Token fields after the script" hmacSecret={shown!.hmacSecret} />
      ) : (
        <EmptyState>{noResultText(shown, "token")}</EmptyState>
      )}
      {failed && shown?.result.token ? (
        <details className="partial-token" data-testid="partial-token">
          <summary>The token as the script left it when it failed (never issued)</summary>
          <FieldTable rows={tokenRows(shown.result)} label="Token fields when the script failed" doubles={doubles} base="/token/after" beforeBase="/token/before" />
        </details>
      ) : null}
      <Previous shown={shown}>{(previous) => (previous.token ? <TokenBody result={previous} what="Token fields of the previous result" /> : null)}</Previous>
    </Panel>
  );
}

function TokenResponseBody({ result, what, product }: { result: RunResult; what: string; product?: ProductId }) {
  const response = result.tokenResponse!;
  const rows = markTokenResponse(response, result.token?.extraData);
  const idToken = result.idToken;
  const curl = result.token ? tokenRequestCurl(result.token.after) : null;
  return (
    <>
      <p className="panel-note">{productFacts(product).requestLine(result, "token")} → 200</p>
      <FieldTable rows={rows} label={what} doubles={doublesOf(result)} base="/tokenResponse" />
      {curl ? (
        <CopyButton label="Copy as cURL: the token request" text={curl}>
          Copy as cURL
        </CopyButton>
      ) : null}
      {idToken ? (
        <>
          <h3>ID token</h3>
          <JwtParts jwt={idToken} marks={new Map()} doubles={doublesOf(result)} title="ID token (JWT)" testId="id-token" base="/idToken/claims" />
        </>
      ) : null}
    </>
  );
}

/** What the client receives when the script failed: AM's error response, with what is inferred said so. */
function FailureBody({ result, product }: { result: RunResult; product?: ProductId }) {
  const failure = result.failure;
  if (!failure) return <EmptyState>{noResultText({ result, stale: false, ...(product ? { product } : {}) }, "token response")}</EmptyState>;
  return (
    <div className="failure-response" data-testid="failure-response">
      <p className="panel-note">
        {productFacts(product).requestLine(result, "token")} →{" "}
        <strong className="http-status failed" data-testid="failure-status">
          {failure.status}
        </strong>{" "}
        ({productFacts(product).failureLine(result)})
      </p>
      <pre className="value">{JSON.stringify(failure.body, null, 2)}</pre>
      <p className="panel-note failure-note">
        {failure.note} Inferred: {failure.inferred.join(", ")}.
      </p>
    </div>
  );
}

export function TokenResponsePanel({ shown }: { shown: ShownResult | null }) {
  if (shown?.running) return <RunningPanel testId="panel-token-response" title="Token response" />;
  const failed = Boolean(shown?.result.error);
  const response = failed ? null : (shown?.result.tokenResponse ?? null);
  const rows = response ? markTokenResponse(response, shown?.result.token?.extraData) : [];
  return (
    <Panel
      testId="panel-token-response"
      title="Token response"
      summary={response ? summarizeMarks(rows) || "no extra data" : failed && shown?.result.failure ? `HTTP ${shown.result.failure.status}` : undefined}
      copyValue={response ?? (failed && shown?.result.failure ? { status: shown.result.failure.status, body: shown.result.failure.body } : undefined)}
      copyDoubles={rebaseDoubles(doublesOf(shown?.result), [["/tokenResponse", ""]])}
      stale={shown?.stale}
      staleLabel={shown?.staleLabel}
    >
      {response ? (
        <TokenResponseBody result={shown!.result} what="Token endpoint response" product={shown!.product} />
      ) : failed ? (
        <FailureBody result={shown!.result} product={shown!.product} />
      ) : (
        <EmptyState>{noResultText(shown, "token response")}</EmptyState>
      )}
      <Previous shown={shown}>
        {(previous) => (previous.tokenResponse ? <TokenResponseBody result={previous} what="Token endpoint response of the previous result" product={productOfResult(previous)} /> : null)}
      </Previous>
    </Panel>
  );
}

function introspectionRows(result: RunResult | undefined): MarkedField[] {
  const intro = result?.introspection;
  // Script fields first so they are in view; "Copy JSON" keeps AM's order.
  return intro ? [...markIntrospection(intro, result?.token ?? null)].sort((a, b) => Number(a.mark === "native") - Number(b.mark === "native")) : [];
}

function IntrospectionBody({ result, what, product }: { result: RunResult; what: string; product?: ProductId }) {
  const rows = introspectionRows(result);
  const accessToken = result.tokenResponse?.access_token;
  const curl = result.token && typeof accessToken === "string" ? introspectRequestCurl(result.token.after, accessToken) : null;
  return (
    <>
      <p className="panel-note">{productFacts(product).requestLine(result, "introspect")}{rows.some((r) => r.mark !== "native") ? " · script fields first" : ""}</p>
      <FieldTable rows={rows} label={what} doubles={doublesOf(result)} base="/introspection" />
      {curl ? (
        <CopyButton label="Copy as cURL: the introspection request" text={curl}>
          Copy as cURL
        </CopyButton>
      ) : null}
    </>
  );
}

export function IntrospectionPanel({ shown }: { shown: ShownResult | null }) {
  if (shown?.running) return <RunningPanel testId="panel-introspection" title="Introspection" />;
  const failed = Boolean(shown?.result.error);
  const intro = failed ? null : (shown?.result.introspection ?? null);
  const rows = intro ? introspectionRows(shown?.result) : [];
  return (
    <Panel
      testId="panel-introspection"
      title="Introspection"
      summary={intro ? summarizeMarks(rows) || "no custom fields" : failed ? "no token to introspect" : undefined}
      copyValue={intro ?? undefined}
      copyDoubles={rebaseDoubles(doublesOf(shown?.result), [["/introspection", ""]])}
      stale={shown?.stale}
      staleLabel={shown?.staleLabel}
    >
      {intro ? (
        <IntrospectionBody result={shown!.result} what="Introspection response" product={shown!.product} />
      ) : (
        <EmptyState>{noResultText(shown, "introspection output")}</EmptyState>
      )}
      <Previous shown={shown}>
        {(previous) => (previous.introspection ? <IntrospectionBody result={previous} what="Introspection response of the previous result" product={productOfResult(previous)} /> : null)}
      </Previous>
    </Panel>
  );
}

export function LogsPanel({ shown }: { shown: ShownResult | null }) {
  if (shown?.running) return <RunningPanel testId="panel-logs" title="Logs" />;
  const logs = shown?.result.logs ?? [];
  return (
    <Panel testId="panel-logs" title="Logs" summary={shown ? `${logs.length}` : undefined} copyValue={shown ? logs : undefined} stale={shown?.stale}>
      {logs.length ? (
        <ol className="logs">
          {logs.map((entry, i) => (
            <li key={i} className={`log log-${entry.level}`}>
              <span className="log-level">{entry.level.toUpperCase()}</span> <span className="log-message">{entry.message}</span>
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState>
          {emptyLogsHint(shown?.product, shown?.result.evaluator ?? LEGACY)}
        </EmptyState>
      )}
    </Panel>
  );
}

function HeaderRows({ headers, label }: { headers: [string, string][]; label: string }) {
  if (!headers.length) return <p className="panel-note">No headers.</p>;
  return (
    <table className="fields headers" aria-label={label}>
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={i}>
            <th scope="row">{name}</th>
            <td>
              <pre className="value">{value}</pre>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** One call as a request/response pair, with the mock that answered and why earlier mocks did not. */
function HttpCall({ call, mocks, index }: { call: HttpCallRecord; mocks: readonly unknown[]; index: number }) {
  const exchange = httpExchange(call, mocks);
  return (
    <li className={call.mock === null ? "call unmatched" : "call"} data-testid="http-call">
      <details>
        <summary>
          <strong>{call.method}</strong> <span className="url">{call.url}</span>
          {call.status !== undefined ? <span className="status"> → {call.status}</span> : null}
          <span className="call-note"> · {exchange.answeredBy ? `mock ${exchange.answeredBy}` : "no mock matched"}</span>
        </summary>
        <div className="exchange">
          <h3>Request</h3>
          <p className="panel-note">
            {exchange.request.method} {exchange.request.url}
          </p>
          <HeaderRows headers={exchange.request.headers} label={`Request ${index + 1} headers`} />
          {exchange.request.body !== undefined ? <pre className="value body">{prettyBody(exchange.request.body)}</pre> : null}
          <CopyButton label={`Copy as cURL: call ${index + 1}`} text={curlOf(exchange.request)}>
            Copy as cURL
          </CopyButton>
          <h3>Response{exchange.answeredBy ? ` (mock ${exchange.answeredBy})` : ""}</h3>
          {exchange.response ? (
            <>
              <p className="panel-note" data-testid="http-response-status">
                {exchange.response.status} {exchange.response.statusText}
              </p>
              <HeaderRows headers={exchange.response.headers} label={`Response ${index + 1} headers`} />
              <pre className="value body">{prettyBody(exchange.response.body)}</pre>
            </>
          ) : (
            <p className="call-note">{exchange.error ?? "No response."}</p>
          )}
          {exchange.misses.length ? (
            <>
              <h3>Mocks that did not match</h3>
              <ul className="misses">
                {exchange.misses.map((miss) => (
                  <li key={miss.mock}>
                    mock {miss.mock}: {miss.reasons.join("; ")}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </details>
      <div className="call-note">{call.mock === null ? (call.error ?? "No mock matched this call.") : `Answered by mock #${call.mock}`}</div>
    </li>
  );
}

export function HttpPanel({ shown, mocks = [] }: { shown: ShownResult | null; mocks?: readonly unknown[] }) {
  if (shown?.running) return <RunningPanel testId="panel-http" title="HTTP" />;
  const calls = shown?.result.http ?? [];
  return (
    <Panel testId="panel-http" title="HTTP" summary={shown ? `${calls.length}` : undefined} copyValue={shown ? calls : undefined} stale={shown?.stale}>
      {calls.length ? (
        <ol className="calls">
          {calls.map((call, i) => (
            <HttpCall key={i} call={call} mocks={mocks} index={i} />
          ))}
        </ol>
      ) : (
        <EmptyState>No HTTP calls. httpClient calls are answered by the scenario's mocks (Scenario → HTTP mocks).</EmptyState>
      )}
    </Panel>
  );
}

export function IdmPanel({ shown }: { shown: ShownResult | null }) {
  if (shown?.running) return <RunningPanel testId="panel-idm" title="IDM" />;
  const calls = shown?.result.openidm ?? [];
  return (
    <Panel testId="panel-idm" title="IDM" summary={shown ? `${calls.length}` : undefined} copyValue={shown ? calls : undefined} stale={shown?.stale}>
      {calls.length ? (
        <ol className="calls">
          {calls.map((call, i) => (
            <li key={i} className={call.error ? "call unmatched" : "call"}>
              <strong>{call.op}</strong> <span className="url">{call.id}</span>
              {call.error ? <div className="call-note">{call.error}</div> : null}
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState>No openidm calls. openidm.read(…), query(…), update(…) work on the scenario's "openidm" objects.</EmptyState>
      )}
    </Panel>
  );
}

export function WarningsPanel({ shown }: { shown: ShownResult | null }) {
  if (shown?.running) return <RunningPanel testId="panel-warnings" title="Warnings" />;
  const warnings = shown?.result.warnings ?? [];
  return (
    <Panel testId="panel-warnings" title="Warnings" summary={shown ? `${warnings.length}` : undefined} copyValue={shown ? warnings : undefined} stale={shown?.stale}>
      {warnings.length ? (
        <ol className="warnings">
          {warnings.map((w, i) => (
            <li key={i} className="warning">
              {w.line !== undefined ? <span className="where">line {w.line}: </span> : null}
              {w.message} <code className="code">{w.code}</code>
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState>No warnings.</EmptyState>
      )}
    </Panel>
  );
}

/** The error's line when it has one (a 1-based line of the script); errors from outside the script have none. */
export function errorLine(error: RunResult["error"] | undefined): number | null {
  const line = error?.line;
  return typeof line === "number" && Number.isInteger(line) && line >= 1 ? line : null;
}

export function describeError(result: RunResult): string {
  const e = result.error;
  if (!e) return "";
  const line = errorLine(e);
  const column = typeof e.column === "number" && e.column >= 1 ? e.column : null;
  const where = line !== null ? ` (line ${line}${column !== null ? `, column ${column}` : ""})` : "";
  const kind = { syntax: "Syntax error", runtime: "Runtime error", timeout: "Timeout", memory: "Out of memory", binding: "Error" }[e.kind];
  return `${kind}${where}: ${e.message}`;
}

export { formatValue };
