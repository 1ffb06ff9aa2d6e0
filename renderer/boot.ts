/**
 * The first thing the page does: start the engine worker and the first run of the opening sample, before
 * the large editor bundle has even loaded, so the first result is ready about when the page is.
 */
import { parseJsonText, validateScenario, type Evaluator, type ScenarioIssue } from "./engine-client/engineApi";
import { EngineClient, type RunAnswer } from "./engine-client/engineClient";
import { platform } from "./platform";
import { findSample, SAMPLE_LIBRARIES, type Sample } from "./samples";
import { resolveLibraries } from "./state/libraries";
import { LatestOnly } from "./state/latest";
import { loadDraft, loadSession, type SessionState } from "./state/persist";
import EngineWorker from "./worker/engine.worker?worker";

export interface ScenarioState {
  /** The document as the user wrote it (the form edits this one). */
  doc: unknown;
  /** The document the engine runs: library paths replaced by the library files' text. */
  runDoc: unknown;
  issues: ScenarioIssue[];
  timeoutMs: number;
}

export function readScenario(text: string, libraryFiles: ReadonlyMap<string, string> = SAMPLE_LIBRARIES): ScenarioState {
  const json = parseJsonText(text);
  if (!json.ok) return { doc: null, runDoc: null, issues: [json.issue], timeoutMs: 1000 };
  const outcome = validateScenario(json.value);
  if (!outcome.ok) return { doc: json.value, runDoc: json.value, issues: outcome.issues, timeoutMs: 1000 };
  const libraries = resolveLibraries(json.value, libraryFiles);
  return { doc: json.value, runDoc: libraries.doc, issues: libraries.issues, timeoutMs: outcome.scenario.timeoutMs };
}

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
