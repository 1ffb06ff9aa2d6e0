/**
 * A page without React for the store, reducer and action tests: the real store, reducer, actions and run
 * control, the real engine run in-process behind the engine client's public API (run / check / dispose), and a
 * host stand-in (files in memory, saves recorded), as the desktop tests stand the preload bridge in.
 */
import { check, run } from "../../engine";
import type { DraftSummary, RecentFile } from "../../contracts/api";
import type { ActionContext } from "../../renderer/actions/context";
import type { OpenedFile, Platform, SaveResult } from "../../renderer/platform";
import { runControl, type RunClient } from "../../renderer/hooks/useRuns";
import { LatestOnly } from "../../renderer/state/latest";
import { createStore } from "../../renderer/state/store";
import { initialPageState, pageReducer } from "../../renderer/state/pageState";
import { memoryStore } from "../../renderer/state/persist";
import { findSample } from "../../renderer/samples";

export interface HostRecord {
  saved: { name: string; text: string; via: "save" | "saveAs" }[];
  /** What the next file picker returns. */
  pick: OpenedFile[];
  exportFile: OpenedFile | null;
  recent: Map<string, OpenedFile>;
  drafts: Map<string, { key: string; path: string | null; name: string; text: string }>;
  runAsYouType: boolean[];
  hookCalls: unknown[];
}

export function standInPlatform(record: HostRecord): Platform {
  const saved = (name: string, text: string, via: "save" | "saveAs"): SaveResult => {
    record.saved.push({ name, text, via });
    return { status: "saved", name };
  };
  return {
    kind: "browser",
    store: memoryStore(),
    openFiles: async () => record.pick,
    openRecent: async (path) => {
      const file = record.recent.get(path);
      if (!file) throw new Error(`${path}: no longer there`);
      return file;
    },
    listRecent: async (): Promise<RecentFile[]> => [...record.recent.entries()].map(([path, f]) => ({ path, name: f.name })) as RecentFile[],
    openDropped: async (file) => ({ name: file.name, text: await file.text() }),
    loadRunAsYouType: async () => true,
    saveRunAsYouType: async (on) => void record.runAsYouType.push(on),
    rememberRecent: (file) => void record.recent.set(file.path ?? file.name, file),
    save: async (file, text) => saved(file.name, text, "save"),
    saveAs: async (name, text) => saved(name, text, "saveAs"),
    pickExportFile: async () => record.exportFile,
    writeDraft: async (draft) => void record.drafts.set(draft.key, draft),
    listDrafts: async (): Promise<DraftSummary[]> => [...record.drafts.values()].map((d) => ({ key: d.key, name: d.name, path: d.path })) as DraftSummary[],
    readDraft: async (key) => record.drafts.get(key) ?? null,
    discardDraft: async (key) => void record.drafts.delete(key),
    watch: () => () => {},
    pickWorkspaceFolder: async () => null,
    launchDocument: async () => null,
    callHook: async (request) => {
      record.hookCalls.push(request);
      return { status: "failed", reason: "the stand-in platform calls no service" };
    },
    onCommand: () => () => {},
  };
}

/** The engine client's public API over the engine itself, in this process. */
function inProcessClient(runs: LatestOnly): RunClient {
  let checks = 0;
  return {
    run: async (request) => {
      const id = runs.issue();
      return { id, superseded: false, result: await run(request.script, request.scenario, { evaluator: request.evaluator }) };
    },
    check: async (script, evaluator) => ({ id: --checks, superseded: false, outcome: check(script, evaluator) }),
    dispose: () => {},
  };
}

export function pageHarness(sampleId = "seed-legacy") {
  const sample = findSample(sampleId);
  const store = createStore(pageReducer, initialPageState({ sample, script: sample.script, scenarioText: sample.scenarioText, evaluator: sample.evaluator }));
  const record: HostRecord = { saved: [], pick: [], exportFile: null, recent: new Map(), drafts: new Map(), runAsYouType: [], hookCalls: [] };
  const platform = standInPlatform(record);
  const latest = new LatestOnly();
  const runs = runControl(store, { client: inProcessClient(latest), runs: latest });
  let clock = 1000;
  const migrations: string[] = [];
  const ctx: ActionContext = {
    store,
    platform,
    runs,
    migrate: async (legacy) => {
      migrations.push(legacy);
      throw new Error("no migration worker in unit tests");
    },
    now: () => ++clock,
  };
  /** Waits until the runs and checks under way have answered. */
  const settled = async () => {
    for (let i = 0; i < 50 && store.getState().running; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 0));
  };
  return { store, ctx, record, settled, migrations, dispose: () => runs.dispose() };
}
