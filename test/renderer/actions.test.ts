import { afterEach, describe, expect, it } from "vitest";
import { action } from "../../renderer/actions/actions";
import { pageHarness } from "./pageHarness";

let page: ReturnType<typeof pageHarness>;
afterEach(() => page?.dispose());

describe("actions do their own work (real store, real engine in-process, host stand-in)", () => {
  it("Run runs the input in the engine and shows its result", async () => {
    page = pageHarness();
    action("run.run").perform(page.ctx);
    await page.settled();
    const { shown, running } = page.store.getState();
    expect(running).toBe(false);
    expect(shown?.result.ok).toBe(true);
    expect(shown?.result.evaluator).toBe("legacy");
  });

  it("the next-gen evaluator command switches, writes it into the scenario, and runs with it", async () => {
    page = pageHarness();
    action("run.evaluator.next-gen").perform(page.ctx);
    await page.settled();
    const state = page.store.getState();
    expect(state.evaluator).toBe("next-gen");
    expect(JSON.parse(state.scenarioText).evaluator).toBe("next-gen");
    expect(state.shown?.result.evaluator).toBe("next-gen");
  });

  it("Open loads a picked script into the editor as the opened document, in a new context, and runs it", async () => {
    page = pageHarness();
    page.record.pick = [{ name: "mine.js", text: "accessToken.setField('opened', 'yes');\n", path: "/w/mine.js" }];
    action("file.open").perform(page.ctx);
    await new Promise((r) => setTimeout(r, 0));
    await page.settled();
    const state = page.store.getState();
    expect(state.script).toContain("opened");
    expect(state.document).toMatchObject({ name: "mine.js", target: "script", path: "/w/mine.js" });
    expect(state.context).toBe(1);
    expect(state.shown?.context).toBe(1);
    expect(state.shown?.result.introspection?.opened).toBe("yes");
    expect(page.record.recent.has("/w/mine.js")).toBe(true);
  });

  it("Save writes the opened file's edited text back to it and marks it saved", async () => {
    page = pageHarness();
    page.record.pick = [{ name: "mine.js", text: "// v1\n", path: "/w/mine.js" }];
    action("file.open").perform(page.ctx);
    await new Promise((r) => setTimeout(r, 0));
    page.store.dispatch({ type: "textEdited", target: "script", text: "// v2\n", at: 1 });
    action("file.save").perform(page.ctx);
    await new Promise((r) => setTimeout(r, 0));
    expect(page.record.saved).toEqual([{ name: "mine.js", text: "// v2\n", via: "save" }]);
    expect(page.store.getState().document?.savedText).toBe("// v2\n");
    expect(page.store.getState().notice?.text).toBe("Saved mine.js.");
  });

  it("Save without an opened file goes through Save As, named after the sample and the tab", async () => {
    page = pageHarness();
    page.store.dispatch({ type: "tabChosen", tab: "scenario" });
    action("file.save").perform(page.ctx);
    await new Promise((r) => setTimeout(r, 0));
    expect(page.record.saved).toEqual([{ name: "seed-legacy.scenario.json", text: page.store.getState().scenarioText, via: "saveAs" }]);
  });

  it("a broken export is reported in the banner and leaves the texts as they were", async () => {
    page = pageHarness();
    const before = page.store.getState();
    page.record.exportFile = { name: "export.json", text: '{ "script": ' };
    action("file.importExport").perform(page.ctx);
    await new Promise((r) => setTimeout(r, 0));
    const after = page.store.getState();
    expect(after.fileError).toMatch(/^Import failed — .*export\.json/);
    expect(after.script).toBe(before.script);
    expect(after.scenarioText).toBe(before.scenarioText);
  });

  it("Open Recent of a file that is gone says so, naming the command", async () => {
    page = pageHarness();
    action("file.openRecent").perform(page.ctx, "/w/gone.js");
    await new Promise((r) => setTimeout(r, 0));
    expect(page.store.getState().fileError).toBe("Open recent failed — /w/gone.js: no longer there");
  });

  it("Run As You Type toggles and is remembered by the host", () => {
    page = pageHarness();
    action("run.toggleRunAsYouType").perform(page.ctx);
    expect(page.store.getState().runAsYouType).toBe(false);
    expect(page.record.runAsYouType).toEqual([false]);
  });

  it("Migrate applies to legacy scripts only; a failing migration worker is reported in the view", async () => {
    page = pageHarness("seed-next-gen");
    action("run.migrate").perform(page.ctx);
    expect(page.store.getState().migration).toBeNull();
    expect(page.store.getState().notice?.text).toMatch(/applies to legacy/);
    expect(page.migrations).toEqual([]);

    page.dispose();
    page = pageHarness();
    action("run.migrate").perform(page.ctx);
    expect(page.store.getState().migration?.state).toEqual({ status: "running" });
    await new Promise((r) => setTimeout(r, 0));
    expect(page.migrations).toEqual([page.store.getState().script]);
    expect(page.store.getState().migration?.state).toEqual({ status: "failed", message: "no migration worker in unit tests" });
  });
});
