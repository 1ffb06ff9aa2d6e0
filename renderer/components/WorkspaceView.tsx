/**
 * The workspace folder view: pick a folder, see its scripts and cases, open one, or run every case and
 * see pass / fail per case. Cases run in their own engine worker, one after another, so they neither
 * wait behind nor supersede the editor's runs.
 */
import { useEffect, useRef, useState } from "react";
import { EngineClient } from "../engine-client/engineClient";
import { readScenario } from "../boot";
import type { OpenedFile } from "../platform";
import { judgeCase, listWorkspace, prepareCase, type CaseOutcome, type WorkspaceFile, type WorkspaceListing } from "../state/workspace";
import EngineWorker from "../worker/engine.worker?worker";

/** The browser's folder picker (also works in Electron's sandboxed renderer): `<input webkitdirectory>`. */
function pickFolder(): Promise<{ folder: string; files: WorkspaceFile[] } | null> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.webkitdirectory = true;
    input.hidden = true;
    input.dataset.testid = "folder-input";
    document.body.appendChild(input);
    const done = (value: { folder: string; files: WorkspaceFile[] } | null) => {
      input.remove();
      resolve(value);
    };
    input.addEventListener("change", async () => {
      const picked = [...(input.files ?? [])].filter((f) => /\.(js|case\.json)$/i.test(f.name));
      if (!input.files?.length) return done(null);
      const first = input.files[0]!.webkitRelativePath || input.files[0]!.name;
      const folder = first.split("/")[0] ?? "";
      // Paths relative to the chosen folder; at most one level of sub-folders.
      const files = await Promise.all(
        picked
          .map((f) => ({ f, rel: (f.webkitRelativePath || f.name).split("/").slice(1).join("/") || f.name }))
          .filter(({ rel }) => rel.split("/").length <= 2)
          .map(async ({ f, rel }) => ({ name: rel, text: await f.text() })),
      );
      done({ folder, files });
    });
    input.addEventListener("cancel", () => done(null));
    input.click();
  });
}

type Row = CaseOutcome | { status: "running" } | { status: "not run" };

export function WorkspaceView({ onOpen, onClose }: { onOpen: (file: OpenedFile) => void; onClose: () => void }) {
  const [folder, setFolder] = useState<string | null>(null);
  const [listing, setListing] = useState<WorkspaceListing>({ scripts: [], cases: [] });
  const [outcomes, setOutcomes] = useState<Record<string, Row>>({});
  const [busy, setBusy] = useState(false);
  const client = useRef<EngineClient | null>(null);
  useEffect(() => () => client.current?.dispose(), []);

  const chooseFolder = async () => {
    const picked = await pickFolder();
    if (!picked) return;
    setFolder(picked.folder);
    setListing(listWorkspace(picked.files));
    setOutcomes({});
  };

  const runAll = async () => {
    setBusy(true);
    client.current ??= new EngineClient(() => new EngineWorker() as never);
    setOutcomes(Object.fromEntries(listing.cases.map((c) => [c.name, { status: "running" } as Row])));
    for (const caseFile of listing.cases) {
      const prepared = prepareCase(caseFile, listing.scripts);
      let outcome: CaseOutcome;
      if ("error" in prepared) outcome = { status: "error", message: prepared.error };
      else {
        const evaluator = prepared.scenario.evaluator === "next-gen" ? "next-gen" : "legacy";
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
  const open = (file: WorkspaceFile) => onOpen({ name: file.name.split("/").pop()!, text: file.text });

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
