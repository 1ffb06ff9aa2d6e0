/** The strips under the toolbar: drafts to recover, file notices, and the script picker of an import. */
import type { DraftSummary } from "../../contracts/api";
import type { ImportedScript } from "../../engine/api";

import type { Notice } from "../state/pageState";

export type { Notice };

export function NoticeBar({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  if (!notice) return null;
  return (
    <div className={`notice ${notice.kind}`} role="status" data-testid="notice" data-kind={notice.kind}>
      {notice.text}
      {notice.action ? (
        <button
          type="button"
          className="link"
          onClick={() => {
            notice.action!.run();
            onDismiss();
          }}
        >
          {notice.action.label}
        </button>
      ) : null}
      <button type="button" className="link" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** Unsaved drafts an earlier session left (crash, forced quit): restore or discard each. */
export function RecoveryBar({ drafts, onRestore, onDiscard }: { drafts: DraftSummary[]; onRestore: (key: string) => void; onDiscard: (key: string) => void }) {
  if (!drafts.length) return null;
  return (
    <div className="notice warning" role="alert" data-testid="draft-recovery">
      <strong>Unsaved edits from an earlier session:</strong>
      <ul>
        {drafts.map((d) => (
          <li key={d.key} data-draft={d.name}>
            {d.name} ({new Date(d.savedAt).toLocaleString()})
            <button type="button" className="link" onClick={() => onRestore(d.key)}>
              Restore
            </button>
            <button type="button" className="link" onClick={() => onDiscard(d.key)}>
              Discard
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An export with several scripts: the user picks one; access-token modification scripts first. */
export function ImportPicker({ file, scripts, onPick, onCancel }: { file: string; scripts: ImportedScript[]; onPick: (s: ImportedScript) => void; onCancel: () => void }) {
  return (
    <div className="notice picker" role="dialog" aria-label={`Scripts in ${file}`} data-testid="import-picker">
      <strong>{file} holds {scripts.length} scripts. Load which one?</strong>
      <ul>
        {scripts.map((s, i) => (
          <li key={`${s.id ?? s.name}-${i}`}>
            <button type="button" data-testid="import-choice" onClick={() => onPick(s)}>
              {s.name}
            </button>{" "}
            <span className="muted">
              {s.language === "GROOVY" ? "Groovy (read-only)" : "JavaScript"} · {s.evaluator}
              {s.context ? ` · ${s.context}` : ""}
            </span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
