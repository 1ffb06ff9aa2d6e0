import { describe, expect, it } from "vitest";
import { initialPageState, pageReducer, hasEdits, documentDirty, type PageState, type ShownRun } from "../../renderer/state/pageState";
import { pageView } from "../../renderer/state/pageView";
import { createStore } from "../../renderer/state/store";
import { findSample } from "../../renderer/samples";
import { emptyRunResult, type RunResult } from "../../engine/api";

const seed = findSample("seed-legacy");
const fresh = (): PageState => initialPageState({ sample: seed, script: seed.script, scenarioText: seed.scenarioText, evaluator: "legacy" });

function result(ok: boolean, evaluator: "legacy" | "next-gen" = "legacy"): RunResult {
  const base = emptyRunResult(evaluator, null);
  return ok ? { ...base, ok: true } : { ...base, ok: false, error: { kind: "runtime", message: "boom", line: 2, column: 1 } as RunResult["error"] };
}
const run = (id: number, ok: boolean, context = 0): ShownRun => ({ id, result: result(ok), editedAt: 0, context });

describe("page reducer", () => {
  it("a typed scenario is read at once: invalid JSON is an issue, and the scenario's evaluator moves the switch", () => {
    let s = pageReducer(fresh(), { type: "textEdited", target: "scenario", text: "{ broken", at: 5 });
    expect(s.scenario.issues.length).toBeGreaterThan(0);
    expect(s.editedAt).toBe(5);
    s = pageReducer(s, { type: "textEdited", target: "scenario", text: JSON.stringify({ evaluator: "next-gen" }), at: 6 });
    expect(s.scenario.issues).toEqual([]);
    expect(s.evaluator).toBe("next-gen");
    // Typing is not the app pushing text: the editor's model is not overwritten.
    expect(s.revisions.scenario).toBe(0);
  });

  it("the same text again changes nothing (the editor echoing what the app pushed is not an edit)", () => {
    const s = fresh();
    expect(pageReducer(s, { type: "textEdited", target: "script", text: s.script, at: 9 })).toBe(s);
    expect(pageReducer(s, { type: "textEdited", target: "script", text: s.script, at: 9, pushed: true }).revisions.script).toBe(1);
  });

  it("the evaluator switch writes the evaluator into the scenario text (so Save keeps it) and tells the editor", () => {
    const s = pageReducer(fresh(), { type: "evaluatorSwitched", evaluator: "next-gen", at: 3 });
    expect(s.evaluator).toBe("next-gen");
    expect(JSON.parse(s.scenarioText).evaluator).toBe("next-gen");
    expect(s.revisions.scenario).toBe(1);
  });

  it("another sample starts a new context, closes the opened file and resets the flow step", () => {
    let s = pageReducer(fresh(), { type: "documentOpened", document: { name: "a.js", target: "script", savedText: "", draftKey: "k" } });
    s = pageReducer(s, { type: "flowStepChosen", step: 2 });
    const other = findSample("seed-next-gen");
    expect(other.id).toBe("seed-next-gen");
    s = pageReducer(s, { type: "sampleLoaded", sample: other, script: other.script, scenarioText: other.scenarioText, at: 7 });
    expect(s).toMatchObject({ context: 1, document: null, flowStep: null, evaluator: other.evaluator, sample: other });
    expect(s.revisions).toEqual({ script: 1, scenario: 1 });
  });

  it("keeps the newest good run as the previous result, and only accepted runs are shown", () => {
    let s = pageReducer(fresh(), { type: "runStarted" });
    s = pageReducer(s, { type: "runAnswered", run: run(1, true), accepted: true, stillNewest: true });
    s = pageReducer(s, { type: "runAnswered", run: run(2, false), accepted: true, stillNewest: true });
    expect(s.shown?.id).toBe(2);
    expect(s.lastGood?.id).toBe(1);
    expect(s.running).toBe(false);
    const late = pageReducer(s, { type: "runAnswered", run: run(0, true), accepted: false, stillNewest: false });
    expect(late.shown?.id).toBe(2);
    expect(late.lastGood?.id).toBe(1);
  });

  it("a stored run-as-you-type choice that arrives after the user toggled does not override the toggle", () => {
    let s = pageReducer(fresh(), { type: "runAsYouTypeSet", on: false, byUser: true });
    s = pageReducer(s, { type: "runAsYouTypeSet", on: true, byUser: false });
    expect(s.runAsYouType).toBe(false);
    expect(pageReducer(fresh(), { type: "runAsYouTypeSet", on: false, byUser: false }).runAsYouType).toBe(false);
  });

  it("a migration's outcome lands only on the migration it belongs to", () => {
    let s = pageReducer(fresh(), { type: "migrationStarted", legacy: "a" });
    s = pageReducer(s, { type: "migrationSettled", legacy: "b", state: { status: "failed", message: "old" } });
    expect(s.migration?.state.status).toBe("running");
    s = pageReducer(s, { type: "migrationSettled", legacy: "a", state: { status: "failed", message: "x" } });
    expect(s.migration?.state).toEqual({ status: "failed", message: "x" });
  });

  it("knows when there are edits to revert and when the opened file is unsaved", () => {
    let s = fresh();
    expect(hasEdits(s)).toBe(false);
    s = pageReducer(s, { type: "textEdited", target: "script", text: "// mine", at: 1 });
    expect(hasEdits(s)).toBe(true);
    s = pageReducer(s, { type: "documentOpened", document: { name: "a.js", target: "script", savedText: "// mine", draftKey: "k" } });
    expect(documentDirty(s)).toBe(false);
    s = pageReducer(s, { type: "textEdited", target: "script", text: "// mine2", at: 2 });
    expect(documentDirty(s)).toBe(true);
  });
});

describe("page view (what the result side shows)", () => {
  it("a failure shows itself with the previous good result of the same input beneath, and a banner", () => {
    let s = pageReducer(fresh(), { type: "runAnswered", run: run(1, true), accepted: true, stillNewest: true });
    s = pageReducer(s, { type: "runAnswered", run: run(2, false), accepted: true, stillNewest: true });
    const view = pageView(s);
    expect(view.display).toMatchObject({ stale: false, previous: { id: 1 } });
    expect(view.banner?.text).toContain("boom");
  });

  it("while typing through a failure the last good result stays, greyed, and the banner waits", () => {
    let s = pageReducer(fresh(), { type: "runAnswered", run: run(1, true), accepted: true, stillNewest: true });
    s = pageReducer(s, { type: "runAnswered", run: run(2, false), accepted: true, stillNewest: true });
    s = pageReducer(s, { type: "typingStarted" });
    const view = pageView(s);
    expect(view.display).toMatchObject({ stale: true, staleLabel: "typing: last good result" });
    expect(view.display?.result.ok).toBe(true);
    expect(view.banner).toBeNull();
    expect(view.bannerHeld).toBe(true);
  });

  it("another sample's result is never shown as this one's", () => {
    let s = pageReducer(fresh(), { type: "runAnswered", run: run(1, true), accepted: true, stillNewest: true });
    s = pageReducer(s, { type: "contextStarted" });
    expect(pageView(s).current).toBeNull();
    expect(pageView(s).display).toBeNull();
  });

  it("an invalid scenario greys the last result and names the path in the banner", () => {
    let s = pageReducer(fresh(), { type: "runAnswered", run: run(1, true), accepted: true, stillNewest: true });
    s = pageReducer(s, { type: "textEdited", target: "scenario", text: JSON.stringify({ evaluator: 42 }), at: 1 });
    const view = pageView(s);
    expect(view.display).toMatchObject({ stale: true, staleLabel: "scenario invalid: last result" });
    expect(view.banner).toMatchObject({ kind: "scenario" });
    expect(view.banner?.text).toContain("$.evaluator");
  });
});

describe("store", () => {
  it("notifies subscribers of changes only, and getState is the newest state at once", () => {
    const store = createStore(pageReducer, fresh());
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.dispatch({ type: "typingPaused" }); // already not typing: no change
    expect(calls).toBe(0);
    store.dispatch({ type: "typingStarted" });
    expect(store.getState().typing).toBe(true);
    expect(calls).toBe(1);
    stop();
    store.dispatch({ type: "typingPaused" });
    expect(calls).toBe(1);
  });
});
