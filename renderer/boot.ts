/**
 * The first thing the page does: start the engine worker and the first run of the opening sample, before
 * the large editor bundle has even loaded, so the first result is ready about when the page is.
 */
import type { Evaluator } from "../engine/api";
import { EngineClient, type RunAnswer } from "./engine-client/engineClient";
import { platform } from "./platform";
import { findSample, type Sample } from "./samples";
import { readScenario } from "./state/scenarioState";
import { LatestOnly } from "./state/latest";
import { loadDraft, loadSession, type SessionState } from "./state/persist";
import EngineWorker from "./worker/engine.worker?worker";

export { readScenario, type ScenarioState } from "./state/scenarioState";

/** The sample's text, or the user's draft of it. */
export function textsOf(sample: Sample): { script: string; scenarioText: string } {
  const draft = loadDraft(platform().store, sample.id);
  return { script: draft.script ?? sample.script, scenarioText: draft.scenarioText ?? sample.scenarioText };
}

export interface Boot {
  client: EngineClient;
  runs: LatestOnly;
  session: Partial<SessionState>;
  sample: Sample;
  script: string;
  scenarioText: string;
  evaluator: Evaluator;
  /** The opening run, already under way (null when the saved scenario is invalid). */
  firstRun: { answer: Promise<RunAnswer>; startedAt: number } | null;
  /** When the worker answered the opening run (for the UI benchmark's breakdown). */
  firstAnsweredAt: number | null;
}

export function boot(): Boot {
  const runs = new LatestOnly();
  const client = new EngineClient(() => new EngineWorker() as never, { nextId: () => runs.issue() });
  const session = loadSession(platform().store);
  const sample = findSample(session.sampleId);
  const { script, scenarioText } = textsOf(sample);
  const evaluator = session.evaluator ?? sample.evaluator;
  const scenario = readScenario(scenarioText);
  const startedAt = performance.now();
  const firstRun = scenario.issues.length
    ? null
    : { answer: client.run({ script, scenario: scenario.runDoc, evaluator, timeoutMs: scenario.timeoutMs }), startedAt };
  const started: Boot = { client, runs, session, sample, script, scenarioText, evaluator, firstRun, firstAnsweredAt: null };
  void firstRun?.answer.then(() => (started.firstAnsweredAt = performance.now()));
  return started;
}
