/**
 * What the other products exchange, beside AM's token panels: OneWelcome's Customize Access Token web hook
 * (the request OneWelcome posts and the answer it got) and IBM Verify Access's OAuth request as the mapping
 * rules saw it (the stsuu before and after the rule under edit and what it changed, state_id, associations).
 */
import type { RunResult } from "../engine-client/engineApi";
import { PRODUCTS as CATALOG_PRODUCTS, type HookExchangeView, type IbmRequestView, type Product } from "../../engine/api";
import { Panel } from "./Panel";
import { hookAddress } from "../../contracts/hook-call";

/** The product picker's choices: the engine's catalog, spelled once there. */
export const PRODUCTS: readonly { id: Product; label: string }[] = CATALOG_PRODUCTS;

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Who answers the hook, as the panel's summary names it. */
function answerer(hook: HookExchangeView): string {
  switch (hook.source) {
    case "handler":
      return "the handler (the script)";
    case "mockserver":
      return "the MockServer expectation";
    case "service":
      // host:port with the default port spelled out, as the question before the call names it.
      return `the service at ${hookAddress(hook.request.url) ?? hook.request.url}`;
    default:
      return `the ${String(hook.source)}`;
  }
}

function HookPanel({ hook, stale }: { hook: HookExchangeView; stale?: boolean }) {
  const summary = `${hook.response ? "answered by" : "no answer from"} ${answerer(hook)}`;
  return (
    <Panel testId="hook-panel" title="OneWelcome web hook" summary={summary} copyValue={hook} stale={stale} className="product-panel">
      <div className="product-columns">
        <div>
          <h3>Request</h3>
          <p className="panel-note" data-testid="hook-request-line">
            {hook.request.method} {hook.request.url}
          </p>
          <pre className="value" aria-label="Hook request headers">{json(hook.request.headers)}</pre>
          <pre className="value" data-testid="hook-request-body" aria-label="Hook request body">{json(hook.request.body)}</pre>
        </div>
        <div>
          <h3>Response</h3>
          {hook.response ? (
            <>
              <p className="panel-note" data-testid="hook-response-status">HTTP {hook.response.status}</p>
              <pre className="value" data-testid="hook-response-body" aria-label="Hook response body">{json(hook.response.body)}</pre>
            </>
          ) : (
            <p className="panel-note" data-testid="hook-response-status">No answer from the hook.</p>
          )}
          {[...hook.problems, ...hook.mismatches].length ? (
            <ul className="product-problems" data-testid="hook-problems">
              {[...hook.problems, ...hook.mismatches].map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </Panel>
  );
}

const shownValues = (values: string[]) => JSON.stringify(values.length === 1 ? values[0] : values);

/** What the rule under edit changed in the stsuu, one line per attribute, as the token's changes are listed. */
function StsuuChanges({ ibm }: { ibm: IbmRequestView }) {
  const stage = ibm.rules.find((r) => r.file === "script")?.stage;
  if (!ibm.stsuuChanges || !stage) return <p className="panel-note" data-testid="ibm-stsuu-changes">The rule under edit did not run at this request.</p>;
  return (
    <>
      <h3>Changed by the {stage} rule</h3>
      {ibm.stsuuChanges.length === 0 ? (
        <p className="panel-note" data-testid="ibm-stsuu-changes">Nothing: the rule left the STSUU as it got it.</p>
      ) : (
        <ul className="stsuu-changes" data-testid="ibm-stsuu-changes">
          {ibm.stsuuChanges.map((c, i) => (
            <li key={i} data-change={c.before === null ? "added" : c.after === null ? "removed" : "changed"}>
              {c.before === null ? "+ " : c.after === null ? "− " : "~ "}
              <code>{c.container} {c.name}</code> <span className="panel-note">({c.type})</span>{" "}
              {c.before === null ? `= ${shownValues(c.after ?? [])}` : c.after === null ? `(was ${shownValues(c.before)})` : `${shownValues(c.before)} → ${shownValues(c.after)}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function IbmPanel({ ibm, stale }: { ibm: IbmRequestView; stale?: boolean }) {
  return (
    <Panel testId="ibm-panel" title="IBM Verify Access request" summary={`${ibm.requestType}${ibm.grantType ? ` · ${ibm.grantType}` : ""} → ${ibm.status}`} copyValue={ibm} stale={stale} className="product-panel">
      <div className="product-columns">
        <div>
          <StsuuChanges ibm={ibm} />
        </div>
        <div>
          <h3>Grant</h3>
          <p className="panel-note" data-testid="ibm-state-id">state_id: {ibm.stateId ?? "none (no grant yet)"}</p>
          <h3>Associations</h3>
          <pre className="value" data-testid="ibm-associations" aria-label="Associated attributes">{json(ibm.associations)}</pre>
          <h3>Rules run</h3>
          <ul data-testid="ibm-rules">
            {ibm.rules.map((r, i) => (
              <li key={i}>
                {r.stage} ({r.file}){r.error ? `: ${r.error.message}` : ""}
              </li>
            ))}
          </ul>
          {ibm.failure ? <p className="panel-note failure-note">{ibm.failure.method}: {ibm.failure.message}</p> : null}
        </div>
      </div>
      <div className="product-columns">
        <div>
          <h3>STSUU before the rule under edit</h3>
          <pre className="value" data-testid="ibm-stsuu-before" aria-label="STSUU before the rule under edit">{ibm.stsuuBefore ? json(ibm.stsuuBefore) : "The rule under edit did not run."}</pre>
        </div>
        <div>
          <h3>STSUU after the mapping rules</h3>
          <pre className="value" data-testid="ibm-stsuu" aria-label="STSUU after the rules">{json(ibm.stsuu)}</pre>
        </div>
      </div>
    </Panel>
  );
}

/** The product's own exchange for the shown result, or nothing for AM. */
export function ProductPanels({ result, stale }: { result: RunResult | null | undefined; stale?: boolean }) {
  const hook = (result as { hook?: HookExchangeView } | null | undefined)?.hook;
  const ibm = (result as { ibm?: IbmRequestView } | null | undefined)?.ibm;
  if (hook) return <HookPanel hook={hook} stale={stale} />;
  if (ibm) return <IbmPanel ibm={ibm} stale={stale} />;
  return null;
}
