/** The result panels: token, token response, introspection (top) and logs, HTTP, IDM, warnings (below). */
import type { RunResult, JwtView } from "../engine-client/engineApi";
import { markIntrospection, markTokenFields, markTokenResponse, summarizeMarks, type MarkedField } from "../state/marks";
import { EmptyState, Panel } from "./Panel";
import { FieldTable, formatValue } from "./FieldTable";
import { amJsonAt, doublesOf, rebaseDoubles, type DoublePointers } from "../state/doubles";

export interface ShownResult {
  result: RunResult;
  /** Greyed because the input changed in a way that cannot run yet (invalid scenario, script error). */
  stale: boolean;
}

function noResultText(shown: ShownResult | null, what: string): string {
  if (!shown) return `Run the script (Ctrl/Cmd+Enter) to see ${what}.`;
  if (shown.result.error) return `No ${what}: the script failed (see the error above).`;
  return `AM returns no ${what} for this scenario.`;
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

export function TokenPanel({ shown }: { shown: ShownResult | null }) {
  const token = shown?.result.token ?? null;
  const jwt = shown?.result.jwt ?? null;
  // The script's touches first: they are what the user is looking for among ~20 native fields.
  const rows = token ? [...markTokenFields(token)].sort((a, b) => Number(a.mark === "native") - Number(b.mark === "native")) : [];
  const summary = token ? summarizeMarks(rows) || "unchanged by the script" : undefined;
  const doubles = doublesOf(shown?.result);
  return (
    <Panel
      testId="panel-token"
      title="Token"
      summary={jwt ? `${summary ?? ""} · ${jwt.bytes} B JWT` : summary}
      copyValue={token ? { fields: token.after, changes: token.changes, ...(jwt ? { jwt } : {}) } : undefined}
      copyDoubles={rebaseDoubles(doubles, [["/token/after", "/fields"], ["/jwt", "/jwt"]])}
      stale={shown?.stale}
    >
      {token ? (
        <>
          {jwt ? <JwtParts jwt={jwt} marks={new Map(rows.map((r) => [r.key, r]))} doubles={doubles} /> : null}
          {jwt ? <h3>Token fields</h3> : null}
          <FieldTable rows={rows} label="Token fields after the script" doubles={doubles} base="/token/after" beforeBase="/token/before" />
        </>
      ) : (
        <EmptyState>{noResultText(shown, "token")}</EmptyState>
      )}
    </Panel>
  );
}

export function TokenResponsePanel({ shown }: { shown: ShownResult | null }) {
  const response = shown?.result.tokenResponse ?? null;
  const rows = response ? markTokenResponse(response, shown?.result.token?.extraData) : [];
  const idToken = shown?.result.idToken ?? null;
  return (
    <Panel
      testId="panel-token-response"
      title="Token response"
      summary={response ? summarizeMarks(rows) || "no extra data" : undefined}
      copyValue={response ?? undefined}
      copyDoubles={rebaseDoubles(doublesOf(shown?.result), [["/tokenResponse", ""]])}
      stale={shown?.stale}
    >
      {response ? (
        <>
          <p className="panel-note">POST /oauth2/access_token</p>
          <FieldTable rows={rows} label="Token endpoint response" doubles={doublesOf(shown?.result)} base="/tokenResponse" />
          {idToken ? (
            <>
              <h3>ID token claims</h3>
              <pre className="value">{amJsonAt(idToken.claims, doublesOf(shown?.result), "/idToken/claims")}</pre>
            </>
          ) : null}
        </>
      ) : (
        <EmptyState>{noResultText(shown, "token response")}</EmptyState>
      )}
    </Panel>
  );
}

export function IntrospectionPanel({ shown }: { shown: ShownResult | null }) {
  const intro = shown?.result.introspection ?? null;
  // Script fields first so they are in view; "Copy JSON" keeps AM's order.
  const rows = intro ? [...markIntrospection(intro, shown?.result.token ?? null)].sort((a, b) => Number(a.mark === "native") - Number(b.mark === "native")) : [];
  return (
    <Panel
      testId="panel-introspection"
      title="Introspection"
      summary={intro ? summarizeMarks(rows) || "no custom fields" : undefined}
      copyValue={intro ?? undefined}
      copyDoubles={rebaseDoubles(doublesOf(shown?.result), [["/introspection", ""]])}
      stale={shown?.stale}
    >
      {intro ? (
        <>
          <p className="panel-note">POST /oauth2/introspect{rows.some((r) => r.mark !== "native") ? " · script fields first" : ""}</p>
          <FieldTable rows={rows} label="Introspection response" doubles={doublesOf(shown?.result)} base="/introspection" />
        </>
      ) : (
        <EmptyState>{noResultText(shown, "introspection output")}</EmptyState>
      )}
    </Panel>
  );
}

export function LogsPanel({ shown }: { shown: ShownResult | null }) {
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
        <EmptyState>Nothing logged. Use logger.message(…), logger.warning(…) or logger.error(…) in the script.</EmptyState>
      )}
    </Panel>
  );
}

export function HttpPanel({ shown }: { shown: ShownResult | null }) {
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
        <EmptyState>No openidm calls (next-generation scripts only; objects come from the scenario's "openidm").</EmptyState>
      )}
    </Panel>
  );
}

export function WarningsPanel({ shown }: { shown: ShownResult | null }) {
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

export function describeError(result: RunResult): string {
  const e = result.error;
  if (!e) return "";
  const where = e.line !== undefined ? ` (line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ""})` : "";
  const kind = { syntax: "Syntax error", runtime: "Runtime error", timeout: "Timeout", memory: "Out of memory", binding: "Error" }[e.kind];
  return `${kind}${where}: ${e.message}`;
}

export { formatValue };
