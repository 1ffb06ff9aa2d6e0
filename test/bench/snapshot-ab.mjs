/**
 * A/B of the prepared-sandbox snapshot (engine/sandbox/snapshot.ts) in one process: every sample of the
 * corpus run with snapshots on and off, and through the node:vm floor, interleaved (the order rotates each
 * round) so load and GC hit all three alike. Prints medians per sample and over the corpus.
 * Usage: node test/bench/snapshot-ab.mjs [rounds]   (bundles the engine into out/bench-ab first)
 */
import { join } from "node:path";
import { loadavg } from "node:os";
import { buildEngine } from "./build-engine.mjs";
import { loadCorpus } from "./corpus.mjs";
import { runFloor } from "./floor.mjs";
import { ROOT } from "./paths.mjs";
import { median } from "./stats.mjs";

const rounds = Number(process.argv[2] ?? 60);
const engine = await import(await buildEngine(join(ROOT, "out/bench-ab")));
const corpus = loadCorpus().map((entry) => ({ ...entry, resolved: engine.resolveScenario(entry.scenario) }));

async function timeEngine(entry, snapshots) {
  engine.setSandboxSnapshots(snapshots);
  const t = performance.now();
  await engine.run(entry.script, entry.scenario);
  return performance.now() - t;
}

function timeFloor(entry) {
  const t = performance.now();
  runFloor(entry.script, entry.resolved);
  return performance.now() - t;
}

const sides = [(e) => timeEngine(e, true), (e) => timeEngine(e, false), async (e) => timeFloor(e)];
for (let i = 0; i < 10; i++) for (const entry of corpus) for (const side of sides) await side(entry);

const load = loadavg()[0];
const times = corpus.map(() => [[], [], []]);
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < corpus.length; i++) {
    for (let k = 0; k < 3; k++) {
      const s = (round + k) % 3;
      times[i][s].push(await sides[s](corpus[i]));
    }
  }
}
const fmt = (ms) => `${ms.toFixed(2)} ms`;
const rows = corpus.map((entry, i) => {
  const [on, off, floor] = times[i].map(median);
  return { name: entry.name, on, off, floor };
});
console.log(`rounds ${rounds}, load average at start ${load.toFixed(2)}, at end ${loadavg()[0].toFixed(2)}`);
console.log("| sample | snapshot on | snapshot off (fresh build) | node:vm floor | on/floor | off/floor | on/off |");
console.log("|---|---|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.name} | ${fmt(r.on)} | ${fmt(r.off)} | ${fmt(r.floor)} | ${(r.on / r.floor).toFixed(2)}x | ${(r.off / r.floor).toFixed(2)}x | ${(r.on / r.off).toFixed(2)} |`);
const sum = (key) => rows.reduce((a, r) => a + r[key], 0);
console.log(`| corpus total | ${fmt(sum("on"))} | ${fmt(sum("off"))} | ${fmt(sum("floor"))} | ${(sum("on") / sum("floor")).toFixed(2)}x | ${(sum("off") / sum("floor")).toFixed(2)}x | ${(sum("on") / sum("off")).toFixed(2)} |`);
console.log(`median per-sample ratio: on ${median(rows.map((r) => r.on / r.floor)).toFixed(2)}x, off ${median(rows.map((r) => r.off / r.floor)).toFixed(2)}x`);
