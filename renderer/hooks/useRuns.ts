/**
 * Runs and checks of the page's input in the engine worker: run as you type (debounced), explicit runs, the
 * opening run started by boot.ts, the Rhino syntax check, and the typing pause that holds a failure's banner.
 * Every callback reads the newest input from the store when it fires.
 */
import { useEffect, useMemo } from "react";
import type { Boot } from "../boot";
import type { EngineClient, RunAnswer } from "../engine-client/engineClient";
import type { LatestOnly } from "../state/latest";
import type { PageStore, RunControl } from "../actions/context";
import { debounce } from "../state/debounce";
import { checkTargetOf } from "../../engine/api";

export const RUN_DEBOUNCE_MS = 250;
const CHECK_DEBOUNCE_MS = 120;
/**
 * While the user types, a failed run's banner waits until typing pauses this long (squiggles show at once):
 * intermediate states of a line are nearly always broken, and a banner per keystroke is noise.
 */
export const BANNER_PAUSE_MS = 600;

/** What the run control needs of the engine client (its public API). */
export type RunClient = Pick<EngineClient, "run" | "check" | "dispose">;

/** The run control over one engine client; created once per page. */
export function runControl(store: PageStore, boot: { client: RunClient; runs: LatestOnly }): RunControl & { showWhenDone(pending: Promise<RunAnswer>, editedAt: number, context: number): void; dispose(): void } {
  const { client, runs } = boot;
  const showWhenDone = (pending: Promise<RunAnswer>, editedAt: number, context: number) => {
    store.dispatch({ type: "runStarted" });
    void pending.then((answer) => {
      if (answer.superseded) return;
      const accepted = runs.accept(answer.id);
      store.dispatch({ type: "runAnswered", run: { id: answer.id, result: answer.result, editedAt, context }, accepted, stillNewest: !runs.isSuperseded(answer.id) });
    });
  };
  const runNow = () => {
    const { script, scenario, evaluator, editedAt, context, groovy } = store.getState();
    if (scenario.issues.length) return; // results stay greyed until the scenario is fixed
    if (groovy !== null) return; // the playground does not run Groovy
    showWhenDone(client.run({ script, scenario: scenario.runDoc, evaluator, timeoutMs: scenario.timeoutMs }), editedAt, context);
  };
  const checkNow = () => {
    const { script, evaluator, scenario } = store.getState();
    void client.check(script, evaluator, checkTargetOf(scenario.doc)).then((answer) => {
      if (!answer.superseded) store.dispatch({ type: "checked", outcome: answer.outcome });
    });
  };
  const scheduledRun = debounce(runNow, RUN_DEBOUNCE_MS);
  const scheduledCheck = debounce(checkNow, CHECK_DEBOUNCE_MS);
  // Typing pauses: a held error banner may show now.
  const typingPaused = debounce(() => store.dispatch({ type: "typingPaused" }), BANNER_PAUSE_MS);
  return {
    showWhenDone,
    request() {
      scheduledRun.cancel();
      // An explicit run shows its outcome at once.
      typingPaused.cancel();
      store.dispatch({ type: "typingPaused" });
      runNow();
    },
    check() {
      scheduledCheck.cancel();
      checkNow();
    },
    edited() {
      store.dispatch({ type: "typingStarted" });
      typingPaused(undefined);
      if (store.getState().runAsYouType) scheduledRun(undefined);
      // The scenario's product (and IBM's rule stage, OneWelcome's hook settings) decide what check applies.
      scheduledCheck(undefined);
    },
    dispose() {
      scheduledRun.cancel();
      scheduledCheck.cancel();
      typingPaused.cancel();
      client.dispose();
    },
  };
}

/** The page's run control; the opening run (already under way) is shown when it lands. */
export function useRuns(store: PageStore, boot: Boot): RunControl {
  const control = useMemo(() => runControl(store, boot), [store, boot]);
  useEffect(() => {
    if (boot.firstRun) control.showWhenDone(boot.firstRun.answer, boot.firstRun.startedAt, 0);
    control.check();
    return () => control.dispose();
  }, [control, boot]);
  return control;
}
