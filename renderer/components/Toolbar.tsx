/** The toolbar: sample, evaluator, product, run, live, and the file commands (each through its action). */
import type { RendererCommandId } from "../../contracts/commands";
import type { Evaluator } from "../../engine/api";
import { action, actionTitle } from "../actions/actions";
import { PRODUCTS } from "./ProductPanels";
import { productOfScenario } from "../state/products";
import { EVALUATORS } from "../state/evaluators";
import type { OpenDocument, ShownRun } from "../state/pageState";
import type { Sample } from "../samples";
import type { RecentFile } from "../../contracts/api";

export interface ToolbarProps {
  samples: readonly Sample[];
  sample: Sample;
  evaluator: Evaluator;
  scenarioDoc: unknown;
  running: boolean;
  shown: ShownRun | null;
  runAsYouType: boolean;
  document: OpenDocument | null;
  documentDirty: boolean;
  recent: RecentFile[];
  workspaceOpen: boolean;
  confirmRevert: boolean;
  isMac: boolean;
  perform: (id: RendererCommandId, path?: string) => void;
  onSample: (id: string) => void;
  onRevert: () => void;
  onProduct: (product: string) => void;
  onRefreshRecent: () => void;
  onToggleWorkspace: () => void;
}

export function Toolbar(props: ToolbarProps) {
  const { perform, isMac, shown, running, document } = props;
  const doc = props.scenarioDoc;
  return (
    <header className="toolbar" role="banner">
      <h1>Token Script Playground</h1>
      <label className="tool">
        <span className="tool-label">Sample</span>
        <select data-testid="scenario-select" aria-label="Sample" value={props.sample.id} onChange={(e) => props.onSample(e.target.value)}>
          {props.samples.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={props.onRevert} title="Discard your edits of this sample" aria-expanded={props.confirmRevert}>
        Revert
      </button>
      <label className="tool">
        <span className="tool-label">Evaluator</span>
        <select
          data-testid="evaluator-select"
          aria-label="Evaluator"
          value={props.evaluator}
          onChange={(e) => {
            const chosen = EVALUATORS.find((c) => c.id === e.target.value);
            if (chosen) perform(chosen.command);
          }}
        >
          {EVALUATORS.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
      </label>
      <label className="tool product" title="Product: which server runs the script (AM, OneWelcome's web hook, IBM Verify Access)">
        <span className="tool-label">Product</span>
        <select
          data-testid="product-select"
          aria-label="Product"
          value={productOfScenario(doc)}
          disabled={doc === null || typeof doc !== "object" || Array.isArray(doc)}
          onChange={(e) => props.onProduct(e.target.value)}
        >
          {PRODUCTS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="primary" data-testid="run-button" onClick={() => perform("run.run")} title={actionTitle("run.run", isMac)} aria-keyshortcuts="Control+Enter Meta+Enter">
        Run
      </button>
      <span className="status" role="status" aria-live="polite" data-testid="run-status" data-running={running ? "true" : "false"} data-run-id={shown?.id ?? 0}>
        {running ? (
          "Running…"
        ) : shown ? (
          <>
            {shown.result.ok ? "Done" : "Failed"}
            <span className="status-detail"> in {shown.result.timings.totalMs.toFixed(1)} ms</span>
          </>
        ) : (
          "Starting…"
        )}
      </span>
      <label className="tool" title="Run as you type: run the script after each pause in typing">
        <input type="checkbox" data-testid="run-as-you-type" checked={props.runAsYouType} onChange={() => perform("run.toggleRunAsYouType")} />
        <span>Live</span>
      </label>
      <span className="spacer" />
      {document ? (
        <span className="document-name" data-testid="document-name" data-dirty={props.documentDirty ? "true" : "false"} title={document.path ?? document.name}>
          {document.name}
          {props.documentDirty ? " •" : ""}
        </span>
      ) : null}
      <button type="button" data-testid="open-button" onClick={() => perform("file.open")} title={actionTitle("file.open", isMac)}>
        Open…
      </button>
      <select
        data-testid="recent-select"
        aria-label="Open a recent file"
        value=""
        onFocus={props.onRefreshRecent}
        onPointerDown={props.onRefreshRecent}
        onChange={(e) => perform("file.openRecent", e.target.value)}
      >
        <option value="">Recent…</option>
        {props.recent.map((r) => (
          <option key={r.path} value={r.path} title={r.path}>
            {r.name}
          </option>
        ))}
      </select>
      <button type="button" data-testid="import-button" onClick={() => perform("file.importExport")} title={action("file.importExport").label}>
        Import…
      </button>
      <button type="button" data-testid="workspace-button" onClick={props.onToggleWorkspace} aria-pressed={props.workspaceOpen}>
        Workspace
      </button>
      <button type="button" data-testid="save-button" onClick={() => perform("file.save")} title={actionTitle("file.save", isMac)}>
        Save
      </button>
      <button type="button" data-testid="save-as-button" onClick={() => perform("file.saveAs")} title={actionTitle("file.saveAs", isMac)}>
        Save As…
      </button>
    </header>
  );
}
