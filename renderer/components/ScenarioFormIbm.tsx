/**
 * The scenario form's IBM part: which stage the script under edit is, and the other stage's rule, which the
 * user loads from a file (picked or dropped on the field) since the page reads no paths. The scenario keeps
 * the file's name (what the CLI reads beside the scenario); the page keeps its text (state/ruleFile.ts).
 */
import { useId, useRef, useState, type DragEvent } from "react";
import { otherRuleView, readRuleFile, ruleFileTarget, withIbm } from "../state/ruleFile";
import { Fieldset } from "./ScenarioFormParts";

export interface IbmRulesFieldsetProps {
  doc: unknown;
  onChange: (doc: Record<string, unknown>) => void;
  files: ReadonlyMap<string, string>;
  onFileLoaded: (key: string, text: string) => void;
}

type Loading = { state: "idle" } | { state: "reading"; name: string } | { state: "failed"; message: string };

function stageOf(doc: unknown): "pre-token" | "post-token" {
  return (doc as { ibm?: { rule?: unknown } } | null)?.ibm?.rule === "pre-token" ? "pre-token" : "post-token";
}

export function IbmRulesFieldset({ doc, onChange, files, onFileLoaded }: IbmRulesFieldsetProps) {
  const stageId = useId();
  const fileId = useId();
  const statusId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [loading, setLoading] = useState<Loading>({ state: "idle" });
  const [dragging, setDragging] = useState(false);
  const stage = stageOf(doc);
  const other = stage === "pre-token" ? "post-token" : "pre-token";
  const view = otherRuleView(doc, files);

  const load = async (file: File) => {
    setLoading({ state: "reading", name: file.name });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      setLoading({ state: "failed", message: `${file.name}: could not be read (${e instanceof Error ? e.message : String(e)}).` });
      return;
    }
    const read = readRuleFile(file.name, bytes);
    if (!read.ok) {
      setLoading({ state: "failed", message: read.message });
      return;
    }
    const target = ruleFileTarget(doc, read.name);
    // The text first: the scenario naming it is then read with the file already there, and runs at once.
    onFileLoaded(target.key, read.text);
    onChange(withIbm(doc, { otherRule: target.otherRule }));
    setLoading({ state: "idle" });
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    // The window opens a dropped file as a script or scenario; a drop here is the other rule only.
    e.preventDefault();
    e.stopPropagation();
    setDragging(false);
    const dropped = [...e.dataTransfer.files];
    if (dropped.length !== 1) {
      setLoading({ state: "failed", message: dropped.length === 0 ? "Drop a .js file here: what was dropped is not a file." : `Drop one rule file here (${dropped.length} were dropped).` });
      return;
    }
    void load(dropped[0]!);
  };

  const status =
    view.kind === "none"
      ? `None: only the ${stage} rule runs.`
      : view.kind === "inline"
        ? `Source in the scenario (${view.lines} line${view.lines === 1 ? "" : "s"}).`
        : view.loaded
          ? `${view.name} (${view.lines} line${view.lines === 1 ? "" : "s"}, ${view.from === "sample" ? "the bundled sample's" : "loaded"})`
          : `${view.name}: not loaded in this page. Pick or drop the file to run it.`;

  return (
    <Fieldset legend="IBM mapping rules">
      <div className="form-row">
        <label htmlFor={stageId}>This script is the</label>
        <select id={stageId} data-testid="form-ibm-rule" value={stage} onChange={(e) => onChange(withIbm(doc, { rule: e.target.value as "pre-token" | "post-token" }))}>
          <option value="post-token">post-token rule (after the request's operation)</option>
          <option value="pre-token">pre-token rule (before the request's operation)</option>
        </select>
      </div>
      <div
        className={`form-row drop-field${dragging ? " dragging" : ""}`}
        data-testid="form-other-rule"
        data-state={view.kind === "file" ? (view.loaded ? "loaded" : "missing") : view.kind}
        onDragOver={(e) => {
          if (![...e.dataTransfer.types].includes("Files")) return;
          e.preventDefault();
          e.stopPropagation();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={fileId}>Other rule ({other})</label>
        <div className="drop-target">
          <p className="form-note" id={statusId} data-testid="form-other-rule-status">
            {loading.state === "reading" ? `Reading ${loading.name}…` : status}
          </p>
          <input
            ref={input}
            id={fileId}
            data-testid="form-other-rule-file"
            type="file"
            accept=".js,text/javascript,application/javascript"
            aria-describedby={statusId}
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared so picking the same file again (after editing it) reads it again.
              e.target.value = "";
              if (file) void load(file);
            }}
          />
          <span className="form-note">or drop the .js file here</span>
          {view.kind !== "none" ? (
            <button
              type="button"
              data-testid="form-other-rule-remove"
              onClick={() => {
                setLoading({ state: "idle" });
                onChange(withIbm(doc, { otherRule: undefined }));
              }}
            >
              Remove the other rule
            </button>
          ) : null}
        </div>
      </div>
      {loading.state === "failed" ? (
        <p className="form-error" role="alert" data-testid="form-other-rule-error">
          {loading.message} The scenario is unchanged.
        </p>
      ) : null}
    </Fieldset>
  );
}
