/** What an action (or a document operation) works with: the page's store, the host, the runs, the clock. */
import type { MigrationReport } from "../../engine/api";
import type { Platform } from "../platform";
import type { Store } from "../state/store";
import type { EditorTarget, PageAction, PageState } from "../state/pageState";

export type PageStore = Store<PageState, PageAction>;

export interface RunControl {
  /** An explicit run (button, Ctrl+Enter, a sample or file loaded): cancels any scheduled one, shows at once. */
  request(): void;
  /** Checks the script's Rhino syntax now (squiggles). */
  check(): void;
  /** The user edited a text: hold the banner until typing pauses, and run (run as you type) and check later. */
  edited(target: EditorTarget): void;
}

export interface ActionContext {
  store: PageStore;
  platform: Platform;
  runs: RunControl;
  /** `migrateAndCompare` in an engine worker of its own. */
  migrate(legacy: string, scenario: unknown, timeoutMs: number): Promise<MigrationReport>;
  /** performance.now() in the page; a test clock in unit tests. */
  now(): number;
}
