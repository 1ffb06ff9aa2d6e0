/**
 * A/B of two engine bundles (two commits) in one process: every sample of the corpus run through both,
 * interleaved (the order alternates each round) so load and GC hit both alike; medians of wall time and of
 * process.cpuUsage per run. On a shared machine the CPU ratio is the figure to quote.
 * Usage: node test/bench/bundle-ab.mjs <engine-a.js> <engine-b.js> [rounds] [sample,sample…]
 * A bundle of the working tree: node -e 'import("./test/bench/build-engine.mjs").then((m) => m.buildEngine("out/ab-b"))';
 * of a commit: `git archive <commit> | tar -x -C out/base`, link node_modules into it, and the same from there.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadavg } from "node:os";
import { loadCorpus } from "./corpus.mjs";
import { median } from "./stats.mjs";

const [aPath, bPath, roundsArg, only] = process.argv.slice(2);
if (!aPath || !bPath) {
  process.stderr.write("usage: node test/bench/bundle-ab.mjs <engine-a.js> <engine-b.js> [rounds] [samples]\n");
  process.exit(2);
}
const rounds = Number(roundsArg ?? 30);
const A = await import(pathToFileURL(resolve(aPath)).href);
const B = await import(pathToFileURL(resolve(bPath)).href);
const corpus = loadCorpus().filter((entry) => !only || only.split(",").includes(entry.name));

async function time(engine, entry) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await engine.run(entry.script, entry.scenario);
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

for (let i = 0; i < 5; i++) for (const entry of corpus) for (const engine of [A, B]) await time(engine, entry);
const loadAtStart = loadavg()[0];
const samples = corpus.map(() => ({ a: [], b: [] }));
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < corpus.length; i++) {
    const order = round % 2 ? ["b", "a"] : ["a", "b"];
    for (const side of order) samples[i][side].push(await time(side === "a" ? A : B, corpus[i]));
  }
}
const med = (list, key) => median(list.map((s) => s[key]));
console.log(`rounds ${rounds}, load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end`);
console.log("| sample | A cpu | B cpu | B/A cpu | A wall | B wall | B/A wall |");
console.log("|---|---|---|---|---|---|---|");
const totals = { ac: 0, bc: 0, aw: 0, bw: 0 };
corpus.forEach((entry, i) => {
  const [ac, bc, aw, bw] = [med(samples[i].a, "cpu"), med(samples[i].b, "cpu"), med(samples[i].a, "wall"), med(samples[i].b, "wall")];
  Object.assign(totals, { ac: totals.ac + ac, bc: totals.bc + bc, aw: totals.aw + aw, bw: totals.bw + bw });
  console.log(`| ${entry.name} | ${ac.toFixed(2)} ms | ${bc.toFixed(2)} ms | ${(bc / ac).toFixed(2)} | ${aw.toFixed(2)} ms | ${bw.toFixed(2)} ms | ${(bw / aw).toFixed(2)} |`);
});
console.log(`| corpus total | ${totals.ac.toFixed(1)} ms | ${totals.bc.toFixed(1)} ms | ${(totals.bc / totals.ac).toFixed(2)} | ${totals.aw.toFixed(1)} ms | ${totals.bw.toFixed(1)} ms | ${(totals.bw / totals.aw).toFixed(2)} |`);
