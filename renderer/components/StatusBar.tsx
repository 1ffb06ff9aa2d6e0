/** The status bar: theme, and the commands that would not fit the toolbar's one row at 1024 px. */
import type { RendererCommandId } from "../../contracts/commands";
import type { Evaluator } from "../../engine/api";
import { actionTitle } from "../actions/actions";
import { evaluatorChoice } from "../state/evaluators";
import type { ThemeChoice } from "../state/persist";

export interface StatusBarProps {
  theme: ThemeChoice;
  onTheme: (theme: ThemeChoice) => void;
  evaluator: Evaluator;
  canSaveTestCase: boolean;
  isMac: boolean;
  perform: (id: RendererCommandId) => void;
  onSaveTestCase: () => void;
  onResetLayout: () => void;
}

export function StatusBar(props: StatusBarProps) {
  const migratable = evaluatorChoice(props.evaluator).migratable;
  return (
    <footer className="statusbar">
      <label className="tool">
        <span>Theme</span>
        <select data-testid="theme-select" value={props.theme} onChange={(e) => props.onTheme(e.target.value as ThemeChoice)}>
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      {/* Here, not in the toolbar: the toolbar must stay one unclipped row at 1024 px. */}
      <button type="button" data-testid="import-evidence-button" onClick={() => props.perform("file.importEvidence")} title="Build a scenario from a customer's files (client export, user, token, introspection, HAR, mocks); you can also drop them on the window">
        Import evidence…
      </button>
      <button
        type="button"
        data-testid="migrate-button"
        onClick={() => props.perform("run.migrate")}
        disabled={!migratable}
        title={migratable ? actionTitle("run.migrate", props.isMac) : "Only legacy (1.0) scripts are migrated"}
      >
        Migrate to next-gen…
      </button>
      <button
        type="button"
        data-testid="save-test-case"
        disabled={!props.canSaveTestCase}
        onClick={props.onSaveTestCase}
        title="Save this scenario with the current result as its expectation (*.case.json), for the CLI and Run all cases"
      >
        Save as test case…
      </button>
      <button type="button" data-testid="reset-layout" onClick={props.onResetLayout} title="Panel sizes back to the defaults (also: double-click a divider)">
        Reset layout
      </button>
    </footer>
  );
}
