/** The result panels: token, token response, introspection (top) and logs, HTTP, IDM, warnings (below). */
import type { ReactNode } from "react";
import type { RunResult, JwtView } from "../engine-client/engineApi";
import { markIntrospection, markTokenFields, markTokenResponse, summarizeMarks, type MarkedField } from "../state/marks";
import { EmptyState, Panel } from "./Panel";
import { FieldTable, formatValue } from "./FieldTable";
import { amJsonAt, doublesOf, rebaseDoubles, type DoublePointers } from "../state/doubles";

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
  /** True while a run of new input (another sample, a file just opened) is on its way and nothing is shown. */
  running?: boolean;
}

function noResultText(shown: ShownResult | null, what: string): string {
  if (!shown) return `Run the script (Ctrl/Cmd+Enter) to see ${what}.`;
  if (shown.result.error) return `No ${what}: the script failed, so AM fails the token request (see Token response).`;
  return `AM returns no ${what} for this scenario.`;
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
      <summary>Previous result (run {previous.id}, before this failure): not what AM issues now</summary>
      <div className="previous-body">{children(previous.result)}</div>
    </details>
  );
}

function JwtParts({ jwt, marks, doubles }: { jwt: JwtView; marks: Map<string, MarkedField>; doubles: DoublePointers }) {
  const [header, payload, signature] = jwt.compact.split(".");
  const claimRows: MarkedField[] = Object.entries(jwt.claims).map(([key, value]) => ({
    key,
    value,
    mark: marks.get(key)?.mark === "added" || marks.get(key)?.mark === "changed" ? (marks.get(key)!.mark) : "native",
  }));
  return (
    <div className="jwt">
      <p className="jwt-size" data-testid="jwt-size">
        Client-side token (JWT): <strong>{jwt.bytes.toLocaleString("en")} bytes</strong>
      </p>
      <pre className="jwt-compact" aria-label="Encoded token">
        <span className="jwt-header">{header}</span>.<span className="jwt-payload">{payload}</span>.
        <span className="jwt-signature">{signature}</span>
      </pre>
      <h3>Header</h3>
      <pre className="value">{JSON.stringify(jwt.header, null, 2)}</pre>
      <h3>Claims</h3>
      <FieldTable rows={claimRows} label="JWT claims" doubles={doubles} base="/jwt/claims" />
    </div>
  );
}

function tokenRows(result: RunResult | undefined): MarkedField[] {
  const token = result?.token;
  // The script's touches first: they are what the user is looking for among ~20 native fields.
  return token ? [...markTokenFields(token)].sort((a, b) => Number(a.mark === "native") - Number(b.mark === "native")) : [];
}

function TokenBody({ result, what }: { result: RunResult; what: string }) {
  const rows = tokenRows(result);
  const doubles = doublesOf(result);
  return (
    <>
      {result.jwt ? <JwtParts jwt={result.jwt} marks={new Map(rows.map((r) => [r.key, r]))} doubles={doubles} /> : null}
      {result.jwt ? <h3>Token fields</h3> : null}
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
        <TokenBody result={shown!.result} what="Token fields after the script" />
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

function TokenResponseBody({ result, what }: { result: RunResult; what: string }) {
  const response = result.tokenResponse!;
  const rows = markTokenResponse(response, result.token?.extraData);
  const idToken = result.idToken;
  return (
    <>
      <p className="panel-note">POST /oauth2/access_token → 200</p>
      <FieldTable rows={rows} label={what} doubles={doublesOf(result)} base="/tokenResponse" />
      {idToken ? (
        <>
          <h3>ID token claims</h3>
          <pre className="value">{amJsonAt(idToken.claims, doublesOf(result), "/idToken/claims")}</pre>
        </>
      ) : null}
    </>
  );
}

/** What the client receives when the script failed: AM's error response, with what is inferred said so. */
function FailureBody({ result }: { result: RunResult }) {
  const failure = result.failure;
  if (!failure) return <EmptyState>{noResultText({ result, stale: false }, "token response")}</EmptyState>;
  return (
    <div className="failure-response" data-testid="failure-response">
      <p className="panel-note">
        POST /oauth2/access_token →{" "}
        <strong className="http-status failed" data-testid="failure-status">
          {failure.status}
        </strong>{" "}
        (the token request fails; no token is issued)
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
        <TokenResponseBody result={shown!.result} what="Token endpoint response" />
      ) : failed ? (
        <FailureBody result={shown!.result} />
      ) : (
        <EmptyState>{noResultText(shown, "token response")}</EmptyState>
      )}
      <Previous shown={shown}>
        {(previous) => (previous.tokenResponse ? <TokenResponseBody result={previous} what="Token endpoint response of the previous result" /> : null)}
      </Previous>
    </Panel>
  );
}

function introspectionRows(result: RunResult | undefined): MarkedField[] {
  const intro = result?.introspection;
  // Script fields first so they are in view; "Copy JSON" keeps AM's order.
  return intro ? [...markIntrospection(intro, result?.token ?? null)].sort((a, b) => Number(a.mark === "native") - Number(b.mark === "native")) : [];
}

function IntrospectionBody({ result, what }: { result: RunResult; what: string }) {
  const rows = introspectionRows(result);
  return (
    <>
      <p className="panel-note">POST /oauth2/introspect{rows.some((r) => r.mark !== "native") ? " · script fields first" : ""}</p>
      <FieldTable rows={rows} label={what} doubles={doublesOf(result)} base="/introspection" />
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
        <IntrospectionBody result={shown!.result} what="Introspection response" />
      ) : (
        <EmptyState>{noResultText(shown, "introspection output")}</EmptyState>
      )}
      <Previous shown={shown}>
        {(previous) => (previous.introspection ? <IntrospectionBody result={previous} what="Introspection response of the previous result" /> : null)}
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
          {shown?.result.evaluator === "next-gen"
            ? "Nothing logged. Use logger.info(…), logger.warn(…), logger.error(…) or logger.debug(…) in the script ({} takes the next argument)."
            : "Nothing logged. Use logger.message(…), logger.warning(…) or logger.error(…) in the script."}
        </EmptyState>
      )}
    </Panel>
  );
}

export function HttpPanel({ shown }: { shown: ShownResult | null }) {
  if (shown?.running) return <RunningPanel testId="panel-http" title="HTTP" />;
  const calls = shown?.result.http ?? [];
  return (
    <Panel testId="panel-http" title="HTTP" summary={shown ? `${calls.length}` : undefined} copyValue={shown ? calls : undefined} stale={shown?.stale}>
      {calls.length ? (
        <ol className="calls">
          {calls.map((call, i) => (
            <li key={i} className={call.mock === null ? "call unmatched" : "call"}>
              <div>
                <strong>{call.method}</strong> <span className="url">{call.url}</span>
                {call.status !== undefined ? <span className="status"> → {call.status}</span> : null}
              </div>
              <div className="call-note">
                {call.mock === null ? (call.error ?? "No mock matched this call.") : `Answered by mock #${call.mock}`}
              </div>
            </li>
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
