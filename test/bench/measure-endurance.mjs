/**
 * Child process (run with --expose-gc): N runs of the corpus in one process; heap and wasm memory at the
 * start (after warm-up) and at the end, each after a full GC. Usage: node --expose-gc measure-endurance.mjs <engine-url> [runs]
 */
import { loadCorpus } from "./corpus.mjs";

const [engineUrl, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 10000);
const engine = await import(engineUrl);
// BENCH_SANDBOX_SNAPSHOTS=off measures the fallback path (a sandbox built per run), for before/after figures.
if (process.env.BENCH_SANDBOX_SNAPSHOTS === "off") engine.setSandboxSnapshots(false);
const corpus = loadCorpus();

function snapshot() {
  globalThis.gc();
  globalThis.gc();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss, external: m.external, wasm: engine.sandboxWasmBytes() };
}

// Warm-up so the start snapshot includes the loaded wasm module, JIT state and the bounded caches (validated
// scenarios, lint results, signatures, proxy shapes) as a long session has them, not first-run allocations:
// measured over 20,000 corpus runs, the heap settles within the first 2,000 and is flat after.
const WARM_UP_RUNS = 1000;
for (let i = 0; i < WARM_UP_RUNS; i++) await engine.run(corpus[i % corpus.length].script, corpus[i % corpus.length].scenario);
const start = snapshot();
const started = performance.now();
const checkpoints = [];
let failures = 0;
for (let i = 0; i < runs; i++) {
  const entry = corpus[i % corpus.length];
  const result = await engine.run(entry.script, entry.scenario);
  if (result.error && result.error.kind !== "syntax") failures++;
  if ((i + 1) % (runs / 10) === 0) {
    globalThis.gc();
    checkpoints.push({ runs: i + 1, heapUsed: process.memoryUsage().heapUsed, wasm: engine.sandboxWasmBytes() });
  }
}
const elapsedMs = performance.now() - started;
const end = snapshot();
process.stdout.write(JSON.stringify({ runs, warmUpRuns: WARM_UP_RUNS, elapsedMs, failures, start, end, checkpoints }));
