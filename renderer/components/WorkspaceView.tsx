/**
 * The workspace folder view: pick a folder, see its scripts and cases, open one, or run every case and
 * see pass / fail per case. Cases run in their own engine worker, one after another, so they neither
 * wait behind nor supersede the editor's runs.
 */
import { useEffect, useRef, useState } from "react";
import { EngineClient } from "../engine-client/engineClient";
import { readScenario } from "../state/scenarioState";
import { isEvaluator, LEGACY } from "../state/evaluators";
import { platform, type OpenedFile } from "../platform";
import { judgeCase, listWorkspace, prepareCase, type CaseOutcome, type WorkspaceListing } from "../state/workspace";
import EngineWorker from "../worker/engine.worker?worker";
import type { HookSender } from "../state/hookPermissions";

type Row = CaseOutcome | { status: "running" } | { status: "not run" };

/** `callHook`: the page's hook caller, so a case whose scenario has a hookUrl is asked about like a run. */
export function WorkspaceView({ onOpen, onClose, callHook }: { onOpen: (file: OpenedFile) => void; onClose: () => void; callHook?: HookSender }) {
  const [folder, setFolder] = useState<string | null>(null);
  const [listing, setListing] = useState<WorkspaceListing>({ scripts: [], cases: [] });
  const [skipped, setSkipped] = useState<string[]>([]);
  // Desktop files carry their path and stamp, so opening one from here gives a saveable document.
  const originals = useRef(new Map<string, OpenedFile>());
  const [outcomes, setOutcomes] = useState<Record<string, Row>>({});
  const [busy, setBusy] = useState(false);
  const client = useRef<EngineClient | null>(null);
  useEffect(() => () => client.current?.dispose(), []);

  const chooseFolder = async () => {
    const picked = await platform().pickWorkspaceFolder();
    if (!picked) return;
    originals.current = new Map(picked.files.map((f) => [f.name, f]));
    setFolder(picked.folder);
    setSkipped(picked.skipped);
    setListing(listWorkspace(picked.files.map((f) => ({ name: f.name, text: f.text }))));
    setOutcomes({});
  };

  const runAll = async () => {
    setBusy(true);
    client.current ??= new EngineClient(() => new EngineWorker() as never, callHook ? { callHook } : {});
    setOutcomes(Object.fromEntries(listing.cases.map((c) => [c.name, { status: "running" } as Row])));
    for (const caseFile of listing.cases) {
      const prepared = prepareCase(caseFile, listing.scripts);
      let outcome: CaseOutcome;
      if ("error" in prepared) outcome = { status: "error", message: prepared.error };
      else {
        const evaluator = isEvaluator(prepared.scenario.evaluator) ? prepared.scenario.evaluator : LEGACY;
        const answer = await client.current.run({ script: prepared.script, scenario: prepared.scenario, evaluator, timeoutMs: readScenario(caseFile.text).timeoutMs });
        // Runs are awaited one at a time, so none is superseded; the check keeps the types honest.
        outcome = answer.superseded ? { status: "error", message: "superseded" } : judgeCase(prepared.expect, answer.result);
      }
      setOutcomes((o) => ({ ...o, [caseFile.name]: outcome }));
    }
    setBusy(false);
  };

  const passed = Object.values(outcomes).filter((o) => o.status === "pass").length;
  const failed = Object.values(outcomes).filter((o) => o.status === "fail" || o.status === "error").length;
  const open = (file: { name: string; text: string }) => {
    const original = originals.current.get(file.name);
    onOpen({ ...(original ?? {}), name: file.name.split("/").pop()!, text: file.text });
  };

  return (
    <section className="workspace-view" aria-label="Workspace folder" data-testid="workspace-view">
      <header>
        <strong>{folder ? `Workspace: ${folder}` : "Workspace"}</strong>
        <button type="button" data-testid="workspace-open-folder" onClick={() => void chooseFolder()}>
          Open folder…
        </button>
        <button type="button" data-testid="workspace-run-all" disabled={!listing.cases.length || busy} onClick={() => void runAll()}>
          Run all cases
        </button>
        {Object.keys(outcomes).length && !busy ? (
          <span data-testid="workspace-summary">
            {passed} passed, {failed} failed
          </span>
        ) : null}
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </header>
      {skipped.length ? <p className="muted">Not listed: {skipped.join(", ")}</p> : null}
      {folder ? (
        <div className="workspace-lists">
          <div>
            <h3>Scripts ({listing.scripts.length})</h3>
            <ul>
              {listing.scripts.map((s) => (
                <li key={s.name} data-testid="workspace-script">
                  <button type="button" className="link" onClick={() => open(s)}>
                    {s.name}
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3>Cases ({listing.cases.length})</h3>
            <ul>
              {listing.cases.map((c) => {
                const row = outcomes[c.name] ?? { status: "not run" };
                return (
                  <li key={c.name} data-testid="workspace-case" data-case={c.name} data-status={row.status}>
                    <button type="button" className="link" onClick={() => open(c)}>
                      {c.name}
                    </button>{" "}
                    <span className={`case-status ${row.status}`}>{row.status}</span>
                    {row.status === "fail" ? (
                      <span className="muted"> — {row.mismatches.map((m) => `${m.path}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`).join("; ")}</span>
                    ) : null}
                    {row.status === "error" ? <span className="muted"> — {row.message}</span> : null}
                  </li>
                );
              })}
            </ul>
          </div>
        </div>
      ) : (
        <p className="muted">Open a folder to list its scripts (*.js) and cases (*.case.json).</p>
      )}
    </section>
  );
}
