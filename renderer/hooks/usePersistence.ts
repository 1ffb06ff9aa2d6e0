/**
 * What survives a reload: the user's draft of each sample, the session (sample, evaluator, tab, view), and the
 * stored run-as-you-type choice (read once; a toggle made before it arrives wins, see the reducer).
 */
import { useEffect } from "react";
import type { PageStore } from "../actions/context";
import type { Platform } from "../platform";
import type { PageState } from "../state/pageState";
import { saveDraft, saveSession } from "../state/persist";

export function usePersistence(store: PageStore, platform: Platform, state: PageState): void {
  const { sample, script, scenarioText, document, evaluator, tab, scenarioView } = state;
  useEffect(() => {
    if (document) return; // an opened file's edits go to its own draft (useDocumentDrafts)
    const draft = { ...(script !== sample.script ? { script } : {}), ...(scenarioText !== sample.scenarioText ? { scenarioText } : {}) };
    saveDraft(platform.store, sample.id, draft);
  }, [script, scenarioText, sample, platform, document]);
  useEffect(() => saveSession(platform.store, { sampleId: sample.id, evaluator, tab, scenarioView }), [sample, evaluator, tab, scenarioView, platform]);
  useEffect(() => {
    void platform.loadRunAsYouType().then((on) => store.dispatch({ type: "runAsYouTypeSet", on, byUser: false }), () => {});
  }, [store, platform]);
}
