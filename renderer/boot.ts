/**
 * The page's boot, right after the entry started the engine worker: the opening sample (or the user's draft)
 * and its first run, posted to that worker before the UI has loaded, so the first result is ready about when
 * the page is.
 */
import type { Evaluator } from "../engine/api";
import { EngineClient, type RunAnswer } from "./engine-client/engineClient";
import { platform } from "./platform";
import { findSample, type Sample } from "./samples";
import { readScenario } from "./state/scenarioState";
import { LatestOnly } from "./state/latest";
import { loadDraft, loadSession, type SessionState } from "./state/persist";
import { workerFactory } from "./engine-client/engineWorker";
import type { WorkerLike } from "./engine-client/engineClient";
import { HookPermissions, pageHookCaller, type HookSender } from "./state/hookPermissions";

export { readScenario, type ScenarioState } from "./state/scenarioState";

/** The sample's text, or the user's draft of it. */
export function textsOf(sample: Sample): { script: string; scenarioText: string } {
  const draft = loadDraft(platform().store, sample.id);
  return { script: draft.script ?? sample.script, scenarioText: draft.scenarioText ?? sample.scenarioText };
}

export interface Boot {
  client: EngineClient;
  /** The hook service addresses the user allowed or refused in this window; the page asks about new ones. */
  hookPermissions: HookPermissions;
  /** Every run's hook calls (the page's runs and the workspace's cases) go through this. */
  callHook: HookSender;
  runs: LatestOnly;
  session: Partial<SessionState>;
  sample: Sample;
  script: string;
  scenarioText: string;
  evaluator: Evaluator;
  /** The opening run, already under way (null when the saved scenario is invalid). */
  firstRun: { answer: Promise<RunAnswer>; startedAt: number } | null;
  /** For the UI benchmark's breakdown: when the entry started the worker, and when it answered the opening run. */
  workerStartedAt: number | null;
  firstAnsweredAt: number | null;
}

/**
 * `worker`: the engine worker the entry already started at `workerStartedAt` (the client's first; replacements
 * are made fresh).
 */
export function boot(worker: WorkerLike | null = null, workerStartedAt: number | null = null): Boot {
  const runs = new LatestOnly();
  const hookPermissions = new HookPermissions();
  const callHook = pageHookCaller(hookPermissions, (request) => platform().callHook(request));
  const client = new EngineClient(workerFactory(worker), { nextId: () => runs.issue(), callHook });
  const session = loadSession(platform().store);
  const sample = findSample(session.sampleId);
  const { script, scenarioText } = textsOf(sample);
  const evaluator = session.evaluator ?? sample.evaluator;
  const scenario = readScenario(scenarioText);
  const startedAt = performance.now();
  const firstRun = scenario.issues.length
    ? null
    : { answer: client.run({ script, scenario: scenario.runDoc, evaluator, timeoutMs: scenario.timeoutMs }), startedAt };
  const started: Boot = { client, hookPermissions, callHook, runs, session, sample, script, scenarioText, evaluator, firstRun, workerStartedAt, firstAnsweredAt: null };
  void firstRun?.answer.then(() => (started.firstAnsweredAt = performance.now()));
  return started;
}
