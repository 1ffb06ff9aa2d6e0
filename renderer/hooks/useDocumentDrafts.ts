/**
 * Nothing typed into an opened file is lost: its unsaved edits become a draft shortly after typing stops,
 * and at start the drafts a crashed or closed session left are listed, and the launch file is opened.
 */
import { useEffect, useMemo } from "react";
import type { ActionContext } from "../actions/context";
import { loadFile, refreshRecent, reportFailure } from "../actions/documents";
import { debounce } from "../state/debounce";
import type { PageState } from "../state/pageState";

/** Unsaved edits of an opened file are written as a draft this long after the last keystroke. */
export const DRAFT_DEBOUNCE_MS = 400;

export function useDocumentDrafts(ctx: ActionContext, state: PageState): void {
  const { platform } = ctx;
  const writeDraftLater = useMemo(
    () =>
      debounce((draft: { key: string; path: string | null; name: string; text: string }) => {
        void platform.writeDraft(draft).catch(() => {});
      }, DRAFT_DEBOUNCE_MS),
    [platform],
  );
  const { document, script, scenarioText, groovy } = state;
  useEffect(() => {
    if (!document || groovy) return;
    const text = document.target === "script" ? script : scenarioText;
    if (text === document.savedText) return;
    writeDraftLater({ key: document.draftKey, path: document.path ?? null, name: document.name, text });
  }, [document, script, scenarioText, groovy, writeDraftLater]);

  // Once, at start (the context is created once per page).
  useEffect(() => {
    void platform.listDrafts().then((drafts) => ctx.store.dispatch({ type: "draftsListed", drafts }), () => {});
    void refreshRecent(ctx).catch(() => {});
    // The file the app was launched on (`npm start -- file.js`) replaces the opening sample.
    void platform.launchDocument().then((doc) => (doc ? loadFile(ctx, doc) : undefined), reportFailure(ctx, "Opening the launch file"));
  }, [ctx, platform]);
}
