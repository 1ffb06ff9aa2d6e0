/**
 * Child process: per-run cost of the engine's run() vs the node:vm floor over the corpus, interleaved
 * (engine then floor, floor then engine on alternate rounds) so drift and GC hit both sides alike.
 * Prints one JSON object on stdout. Usage: node measure-run-cost.mjs <engine-url> [rounds]
 */
import { loadCorpus } from "./corpus.mjs";
import { runFloor } from "./floor.mjs";
import { median } from "./stats.mjs";

const [engineUrl, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 60);
const engine = await import(engineUrl);
// BENCH_SANDBOX_SNAPSHOTS=off measures the fallback path (a sandbox built per run), for before/after figures.
if (process.env.BENCH_SANDBOX_SNAPSHOTS === "off") engine.setSandboxSnapshots(false);
const corpus = loadCorpus().map((entry) => ({ ...entry, resolved: engine.resolveScenario(entry.scenario) }));

async function timeEngine(entry) {
  const t = performance.now();
  const result = await engine.run(entry.script, entry.scenario);
  return { ms: performance.now() - t, ok: result.ok, evalMs: result.timings.evalMs, kind: result.error?.kind };
}

function timeFloor(entry) {
  const t = performance.now();
  // The floor gets the scenario already resolved: validation is engine work it does not have to repeat.
  const result = runFloor(entry.script, entry.resolved);
  return { ms: performance.now() - t, ok: result.ok };
}

// Warm-up: load the wasm and let both sides JIT before anything is recorded.
for (let i = 0; i < 10; i++) for (const entry of corpus) {
  await timeEngine(entry);
  timeFloor(entry);
}

const samples = corpus.map(() => ({ engine: [], floor: [], evalMs: [], engineOk: null, floorOk: null, kind: null }));
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < corpus.length; i++) {
    const entry = corpus[i];
    const s = samples[i];
    let e;
    let f;
    if (round % 2 === 0) {
      e = await timeEngine(entry);
      f = timeFloor(entry);
    } else {
      f = timeFloor(entry);
      e = await timeEngine(entry);
    }
    s.engine.push(e.ms);
    s.evalMs.push(e.evalMs);
    s.floor.push(f.ms);
    s.engineOk = e.ok;
    s.kind = e.kind ?? null;
    s.floorOk = f.ok;
  }
}

const rows = corpus.map((entry, i) => {
  const s = samples[i];
  const engineMs = median(s.engine);
  const floorMs = median(s.floor);
  return {
    name: entry.name,
    evaluator: entry.resolved.evaluator,
    engineMs,
    engineEvalMs: median(s.evalMs),
    floorMs,
    ratio: engineMs / floorMs,
    engineOutcome: s.engineOk ? "ok" : `error:${s.kind}`,
    floorOutcome: s.floorOk ? "ok" : "error",
  };
});
const totalEngine = rows.reduce((a, r) => a + r.engineMs, 0);
const totalFloor = rows.reduce((a, r) => a + r.floorMs, 0);
process.stdout.write(
  JSON.stringify({ rounds, rows, corpusEngineMs: totalEngine, corpusFloorMs: totalFloor, ratio: totalEngine / totalFloor, medianRatio: median(rows.map((r) => r.ratio)) }),
);
