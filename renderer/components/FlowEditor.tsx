/**
 * The flow in the scenario form: the requests of a grant's life, in order. Each edit writes the scenario's
 * `flow` at once (the JSON view and the timeline follow); steps are added, removed and moved with buttons so
 * the order is editable from the keyboard.
 */
import { useEffect, useState } from "react";
import type { Product } from "../../engine/api";
import { parseScopes } from "../state/scenarioForm";
import { productOfScenario } from "../state/products";
import {
  addStep,
  FLOW_GRANT_TYPES,
  FLOW_REQUESTS,
  flowRequestsFor,
  moveStep,
  parseAfter,
  readFlow,
  removeStep,
  setStepKey,
  TOKEN_REFERENCES,
  withFlow,
  withRequest,
  type FlowRequest,
  type FlowStepDoc,
} from "../state/flowForm";

export interface FlowEditorProps {
  doc: unknown;
  onChange: (doc: Record<string, unknown>) => void;
}

const RESPONSE_TYPES = ["code", "token", "id_token token", "code token", "code id_token"];

/** A text field kept as typed while it means what the document says (so a trailing space survives). */
function TypedInput(props: { label: string; fromDoc: string; same: (typed: string, doc: string) => boolean; onText: (text: string) => void; className?: string; placeholder?: string; inputMode?: "decimal" }) {
  const [text, setText] = useState(props.fromDoc);
  const { fromDoc, same } = props;
  useEffect(() => {
    setText((typed) => (same(typed, fromDoc) ? typed : fromDoc));
  }, [fromDoc, same]);
  return (
    <input
      aria-label={props.label}
      className={props.className}
      placeholder={props.placeholder}
      inputMode={props.inputMode}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        props.onText(e.target.value);
      }}
    />
  );
}

const sameScopes = (typed: string, doc: string) => parseScopes(typed).join(" ") === parseScopes(doc).join(" ");
const sameAfter = (typed: string, doc: string) => parseAfter(typed) === null || (parseAfter(typed) ?? "") === (parseAfter(doc) ?? "");

function StepRow({ step, index, count, product, set }: { step: FlowStepDoc; index: number; count: number; product: Product; set: (flow: (flow: FlowStepDoc[]) => FlowStepDoc[]) => void }) {
  const n = index + 1;
  const request = (FLOW_REQUESTS as readonly unknown[]).includes(step.request) ? (step.request as FlowRequest) : "token";
  const offered = flowRequestsFor(product);
  // A step the product refuses (a userinfo step left from an IBM scenario) stays visible as what it is, so the
  // user sees why the engine refuses the flow and can change it, instead of the select pretending it is a token.
  const refused = !offered.includes(request);
  const key = (k: string, v: unknown) => set((flow) => setStepKey(flow, index, k, v));
  const scopes = Array.isArray(step.scopes) ? step.scopes.join(" ") : "";
  return (
    <div className="flow-step-row" data-testid={`flow-editor-step-${index}`}>
      <span className="flow-step-number">{n}.</span>
      <select aria-label={`Step ${n} request`} value={request} onChange={(e) => set((flow) => flow.map((s, i) => (i === index ? withRequest(s, e.target.value as FlowRequest) : s)))}>
        {offered.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
        {refused ? (
          <option value={request} disabled>
            {request} (not for this product)
          </option>
        ) : null}
      </select>
      {request === "userinfo" ? (
        <span className="form-note" data-testid={`flow-editor-step-${index}-note`}>
          {refused ? "This product's token customisation does not run at /userinfo, so the flow is refused: pick another request." : "with the grant's current access token"}
        </span>
      ) : null}
      {request === "token" ? (
        <select aria-label={`Step ${n} grant type`} value={String(step.grantType ?? "authorization_code")} onChange={(e) => key("grantType", e.target.value)}>
          {FLOW_GRANT_TYPES.map((g) => (
            <option key={g} value={g}>
              {g.replace(/^urn:ietf:params:oauth:grant-type:/, "")}
            </option>
          ))}
        </select>
      ) : null}
      {request === "authorize" ? (
        <select aria-label={`Step ${n} response type`} value={String(step.responseType ?? "code")} onChange={(e) => key("responseType", e.target.value)}>
          {RESPONSE_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      ) : null}
      {request === "introspect" || request === "revoke" ? (
        <select aria-label={`Step ${n} token`} value={String(step.token ?? (request === "revoke" ? "refresh_token" : "access_token"))} onChange={(e) => key("token", e.target.value)}>
          {TOKEN_REFERENCES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      ) : null}
      {request === "authorize" || request === "token" ? (
        <TypedInput
          label={`Step ${n} scopes (empty: the scenario's)`}
          placeholder="scopes"
          fromDoc={scopes}
          same={sameScopes}
          onText={(text) => {
            const list = parseScopes(text);
            key("scopes", list.length ? list : undefined);
          }}
        />
      ) : null}
      <TypedInput
        label={`Step ${n} seconds after the previous step`}
        className="after"
        placeholder="after (s)"
        inputMode="decimal"
        fromDoc={step.after === undefined ? "" : String(step.after)}
        same={sameAfter}
        onText={(text) => {
          const after = parseAfter(text);
          if (after !== null) key("after", after === 0 ? undefined : after);
        }}
      />
      <button type="button" aria-label={`Move step ${n} up`} disabled={index === 0} onClick={() => set((flow) => moveStep(flow, index, -1))}>
        ↑
      </button>
      <button type="button" aria-label={`Move step ${n} down`} disabled={index === count - 1} onClick={() => set((flow) => moveStep(flow, index, 1))}>
        ↓
      </button>
      <button type="button" aria-label={`Remove step ${n}`} onClick={() => set((flow) => removeStep(flow, index))}>
        ×
      </button>
    </div>
  );
}

export function FlowEditor({ doc, onChange }: FlowEditorProps) {
  const flow = readFlow(doc);
  const product = productOfScenario(doc);
  const set = (edit: (flow: FlowStepDoc[]) => FlowStepDoc[]) => onChange(withFlow(doc, edit(readFlow(doc))));
  return (
    <fieldset className="form-group" data-testid="flow-editor">
      <legend>Flow (a grant's whole life)</legend>
      {flow.length === 0 ? <p className="form-note">No flow: the scenario is one token request. Add steps to follow a grant through refresh, introspection and revocation.</p> : null}
      {flow.map((step, i) => (
        <StepRow key={i} step={step} index={i} count={flow.length} product={product} set={set} />
      ))}
      <button type="button" className="add" data-testid="flow-add-step" onClick={() => set(addStep)}>
        Add step
      </button>
    </fieldset>
  );
}
