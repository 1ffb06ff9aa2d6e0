/** The scenario fields people change most, written straight into the scenario JSON. */
import { useEffect, useId, useState } from "react";
import {
  applyFormEdit,
  parseScopes,
  readForm,
  rowsToMultiMap,
  rowsToProperties,
  type FormEdit,
  type MockRow,
  type NamedValue,
  type NamedValues,
} from "../state/scenarioForm";
import type { ProductId } from "../../engine/api";
import { productFacts } from "../state/products";
import { productOfScenario } from "../state/products";
import { FlowEditor } from "./FlowEditor";
import { IbmRulesFieldset } from "./ScenarioFormIbm";
import { OneWelcomeHookFieldset } from "./ScenarioFormOneWelcome";
import { Fieldset } from "./ScenarioFormParts";

export interface ScenarioFormProps {
  /** The parsed scenario document, or null when the JSON does not parse. */
  doc: unknown;
  onChange: (doc: Record<string, unknown>) => void;
  /** Files the page holds for names the scenario gives (libraries, IBM's other rule), by key. */
  files: ReadonlyMap<string, string>;
  /** A file the user loaded into the form, kept under `key` (before the scenario that names it changes). */
  onFileLoaded: (key: string, text: string) => void;
}


function TextField(props: { label: string; value: string; onChange: (v: string) => void; testId?: string; placeholder?: string }) {
  const id = useId();
  return (
    <div className="form-row">
      <label htmlFor={id}>{props.label}</label>
      <input id={id} data-testid={props.testId} value={props.value} placeholder={props.placeholder} onChange={(e) => props.onChange(e.target.value)} />
    </div>
  );
}

/**
 * Rows kept locally while typing (a row without a name is not in the document yet), re-read from the
 * document whenever the document says something different (an edit in the JSON tab, another sample).
 */
function useRows<T>(fromDoc: T[], same: (a: T[], b: T[]) => boolean): [T[], (rows: T[]) => void] {
  const [rows, setRows] = useState(fromDoc);
  // The document's rows are a new array on every render; what they say is compared, during render (React's
  // "adjusting state when a prop changes"), so a changed document is never shown a frame late.
  const docKey = JSON.stringify(fromDoc);
  const [seenKey, setSeenKey] = useState(docKey);
  if (seenKey !== docKey) {
    setSeenKey(docKey);
    if (!same(rows, fromDoc)) setRows(fromDoc);
  }
  return [rows, setRows];
}

/**
 * A text field whose typed text is kept while it means the same as the document (so "access " keeps its
 * space while the document already says ["access"]), and re-read when the document says something else.
 */
function useTypedText(fromDoc: string, same: (typed: string, doc: string) => boolean): [string, (text: string) => void] {
  const [text, setText] = useState(fromDoc);
  useEffect(() => {
    setText((typed) => (same(typed, fromDoc) ? typed : fromDoc));
  }, [fromDoc, same]);
  return [text, setText];
}

const sameScopes = (typed: string, doc: string) => parseScopes(typed).join(" ") === parseScopes(doc).join(" ");
const sameLifetime = (typed: string, doc: string) => typed.trim() === "" || Number(typed) === Number(doc) || !Number.isInteger(Number(typed)) || Number(typed) < 1;

/**
 * Why a typed lifetime is not written to the scenario, or null when it is a whole number of seconds ≥ 1; the
 * reason for 0 or less is the product's own (AM refuses it; IBM and OneWelcome do not say, so it is marked).
 */
export function lifetimeProblem(text: string, product?: ProductId): string | null {
  if (text.trim() === "") return "Enter the lifetime in seconds; the scenario keeps its last value until then.";
  const n = Number(text);
  if (!Number.isInteger(n)) return "The lifetime is a whole number of seconds.";
  if (n < 1) return productFacts(product).lifetime.belowOne;
  return null;
}

const sameMulti = (a: NamedValues[], b: NamedValues[]) => JSON.stringify(rowsToMultiMap(a)) === JSON.stringify(rowsToMultiMap(b));
const sameProps = (a: NamedValue[], b: NamedValue[]) => JSON.stringify(rowsToProperties(a)) === JSON.stringify(rowsToProperties(b));
const sameMocks = (a: MockRow[], b: MockRow[]) => JSON.stringify(a) === JSON.stringify(b);

function MultiValueRows(props: { label: string; rows: NamedValues[]; onRows: (rows: NamedValues[]) => void; nameHint: string; testId: string }) {
  const { rows, onRows } = props;
  const update = (index: number, row: NamedValues) => onRows(rows.map((r, i) => (i === index ? row : r)));
  return (
    <div className="rows" data-testid={props.testId}>
      {rows.map((row, i) => (
        <div className="row" key={i}>
          <input aria-label={`${props.label} name ${i + 1}`} placeholder={props.nameHint} value={row.name} onChange={(e) => update(i, { ...row, name: e.target.value })} />
          <textarea
            aria-label={`${props.label} ${row.name || i + 1} values, one per line`}
            rows={Math.max(1, row.values.length)}
            value={row.values.join("\n")}
            onChange={(e) => update(i, { ...row, values: e.target.value.split("\n") })}
          />
          <button type="button" aria-label={`Remove ${props.label} ${row.name || i + 1}`} onClick={() => onRows(rows.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="add" onClick={() => onRows([...rows, { name: "", values: [""] }])}>
        Add {props.label}
      </button>
    </div>
  );
}

export function ScenarioForm({ doc, onChange, files, onFileLoaded }: ScenarioFormProps) {
  const form = readForm(doc ?? {});
  const product = productOfScenario(doc);
  const facts = productFacts(product);
  const edit = (e: FormEdit) => onChange(applyFormEdit(doc ?? {}, e));
  const [attributes, setAttributes] = useRows(form.attributes, sameMulti);
  const [headers, setHeaders] = useRows(form.headers, sameMulti);
  const [props, setProps] = useRows(form.customProperties, sameProps);
  const [mocks, setMocks] = useRows(form.mocks, sameMocks);
  const storageId = useId();
  const lifetimeId = useId();
  const lifetimeErrorId = useId();
  const [scopesText, setScopesText] = useTypedText(form.scopes, sameScopes);
  const [lifetimeText, setLifetimeText] = useTypedText(String(form.lifetimeSeconds), sameLifetime);
  const lifetimeIssue = lifetimeProblem(lifetimeText, product);
  const lifetimeNoteId = useId();

  if (doc === null) {
    return (
      <div className="scenario-form">
        <p className="empty-state">The scenario JSON has an error; fix it in the JSON view to use the form again. Your text is kept.</p>
      </div>
    );
  }

  return (
    <form className="scenario-form" data-testid="scenario-form" onSubmit={(e) => e.preventDefault()} aria-label="Scenario">
      <Fieldset legend="Identity (resource owner)">
        <TextField label="Username" value={form.username} testId="form-username" onChange={(v) => edit({ field: "username", value: v })} />
        <TextField label="Id (_id)" value={form.userId} onChange={(v) => edit({ field: "userId", value: v })} />
        <MultiValueRows
          label="attribute"
          testId="form-attributes"
          nameHint="mail"
          rows={attributes}
          onRows={(rows) => {
            setAttributes(rows);
            edit({ field: "attributes", rows });
          }}
        />
      </Fieldset>
      <Fieldset legend="Client">
        <TextField label="Client id" value={form.clientId} testId="form-client-id" onChange={(v) => edit({ field: "clientId", value: v })} />
        <div className="rows" data-testid="form-custom-properties">
          {props.map((row, i) => (
            <div className="row" key={i}>
              <input aria-label={`custom property name ${i + 1}`} placeholder="name" value={row.name} onChange={(e) => {
                const next = props.map((r, j) => (j === i ? { ...r, name: e.target.value } : r));
                setProps(next);
                edit({ field: "customProperties", rows: next });
              }} />
              <input aria-label={`custom property ${row.name || i + 1} value`} placeholder="value (text or JSON)" value={row.value} onChange={(e) => {
                const next = props.map((r, j) => (j === i ? { ...r, value: e.target.value } : r));
                setProps(next);
                edit({ field: "customProperties", rows: next });
              }} />
              <button type="button" aria-label={`Remove custom property ${row.name || i + 1}`} onClick={() => {
                const next = props.filter((_, j) => j !== i);
                setProps(next);
                edit({ field: "customProperties", rows: next });
              }}>×</button>
            </div>
          ))}
          <button type="button" className="add" onClick={() => setProps([...props, { name: "", value: "" }])}>
            Add custom property
          </button>
        </div>
      </Fieldset>
      <Fieldset legend="Request">
        <TextField
          label="Scopes"
          value={scopesText}
          testId="form-scopes"
          placeholder="access openid"
          onChange={(v) => {
            setScopesText(v);
            edit({ field: "scopes", value: v });
          }}
        />
        <MultiValueRows
          label="header"
          testId="form-headers"
          nameHint="User-Agent"
          rows={headers}
          onRows={(rows) => {
            setHeaders(rows);
            edit({ field: "headers", rows });
          }}
        />
      </Fieldset>
      <Fieldset legend="Token">
        {facts.storageNote === null ? (
          <div className="form-row">
            <label htmlFor={storageId}>Storage</label>
            <select id={storageId} data-testid="form-storage" value={form.storage} onChange={(e) => edit({ field: "storage", value: e.target.value as "server-side" | "client-side" })}>
              <option value="server-side">Server-side (opaque, CTS)</option>
              <option value="client-side">Client-side (signed JWT)</option>
            </select>
          </div>
        ) : (
          <p className="form-note form-row-note" data-testid="form-storage-note">
            {facts.storageNote}
          </p>
        )}
        <div className="form-row">
          <label htmlFor={lifetimeId}>Lifetime (seconds)</label>
          <input
            id={lifetimeId}
            data-testid="form-lifetime"
            type="number"
            min={1}
            step={1}
            value={lifetimeText}
            aria-invalid={lifetimeIssue !== null}
            aria-describedby={lifetimeIssue ? `${lifetimeErrorId} ${lifetimeNoteId}` : lifetimeNoteId}
            onChange={(e) => {
              setLifetimeText(e.target.value);
              if (lifetimeProblem(e.target.value) === null) edit({ field: "lifetimeSeconds", value: Number(e.target.value) });
            }}
          />
        </div>
        <p className="form-note form-row-note" id={lifetimeNoteId} data-testid="form-lifetime-note">
          {facts.lifetime.note}
        </p>
        {lifetimeIssue ? (
          <p className="form-error" id={lifetimeErrorId} data-testid="form-lifetime-error">
            {lifetimeIssue}
          </p>
        ) : null}
      </Fieldset>
      {product === "ibm-verify-access" ? <IbmRulesFieldset doc={doc} onChange={onChange} files={files} onFileLoaded={onFileLoaded} /> : null}
      {product === "onewelcome" ? <OneWelcomeHookFieldset doc={doc} onChange={onChange} /> : null}
      <Fieldset legend="HTTP mocks (first match answers)">
        <div className="rows" data-testid="form-mocks">
          {mocks.map((mock, i) => {
            const set = (patch: Partial<MockRow>) => {
              const next = mocks.map((m, j) => (j === i ? { ...m, ...patch } : m));
              setMocks(next);
              edit({ field: "mocks", rows: next });
            };
            return (
              <div className="mock" key={i}>
                <div className="row">
                  <select aria-label={`mock ${i + 1} method`} value={mock.method} onChange={(e) => set({ method: e.target.value })}>
                    {["GET", "POST", "PUT", "PATCH", "DELETE"].map((m) => (
                      <option key={m}>{m}</option>
                    ))}
                  </select>
                  <input aria-label={`mock ${i + 1} URL`} placeholder="https://api.example.com/path" value={mock.url} onChange={(e) => set({ url: e.target.value })} />
                  <input aria-label={`mock ${i + 1} status`} type="number" min={100} max={599} value={mock.status} onChange={(e) => set({ status: Number(e.target.value) || 200 })} />
                  <button type="button" aria-label={`Remove mock ${i + 1}`} onClick={() => {
                    const next = mocks.filter((_, j) => j !== i);
                    setMocks(next);
                    edit({ field: "mocks", rows: next });
                  }}>×</button>
                </div>
                <textarea aria-label={`mock ${i + 1} response body (JSON or text)`} rows={3} value={mock.body} onChange={(e) => set({ body: e.target.value })} />
              </div>
            );
          })}
          <button type="button" className="add" onClick={() => {
            const next = [...mocks, { method: "GET", url: "", status: 200, body: "{}" }];
            setMocks(next);
            edit({ field: "mocks", rows: next });
          }}>
            Add mock
          </button>
        </div>
      </Fieldset>
      <FlowEditor doc={doc} onChange={onChange} />
      <p className="form-note">Everything else (session, openidm objects, secrets, clock…) is in the JSON view.</p>
    </form>
  );
}
