#!/usr/bin/env node
/**
 * Issue 12 asks that `npm test` be no slower than on the day it was filed (d3b14a0, the first version). The
 * suite has grown since (more than three times the test files), so its total time says nothing about the
 * refactor. What can be compared is the same tests: the test files that are byte-identical at d3b14a0 and at
 * HEAD, run by each commit's own vitest configuration on each commit's own code, alternately, a few rounds.
 *
 *   node test/bench/suite-then-and-now.mjs [--rounds 3] [--base d3b14a0]
 *
 * It makes a detached worktree of the base in a temp folder (node_modules linked from this checkout: the base's
 * dependencies are a subset of today's), builds its CLI (some of the files spawn it), runs, prints each round and
 * the medians, and removes the worktree. Needs the git history (not a shallow clone).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "3" }, base: { type: "string", default: "d3b14a0" } } });
const rounds = Math.max(1, Number.parseInt(values.rounds, 10) || 3);
const here = resolve(new URL("../..", import.meta.url).pathname);
const git = (...args) => execFileSync("git", args, { cwd: here, encoding: "utf8" }).trim();

const base = git("rev-parse", "--short", values.base);
const head = git("rev-parse", "--short", "HEAD");
const isTest = (f) => /^test\/.*\.test\.tsx?$/.test(f);
const baseFiles = git("ls-tree", "-r", "--name-only", base, "test").split("\n").filter(isTest);
const same = baseFiles.filter((f) => {
  try {
    return git("rev-parse", `${base}:${f}`) === git("rev-parse", `HEAD:${f}`);
  } catch {
    return false;
  }
});

const dir = mkdtempSync(join(tmpdir(), "suite-then-"));
const tree = join(dir, "base");
git("worktree", "add", "--detach", "--quiet", tree, base);
try {
  symlinkSync(join(here, "node_modules"), join(tree, "node_modules"));
  execFileSync("npm", ["run", "build:cli"], { cwd: tree, stdio: "ignore" });
  execFileSync("npm", ["run", "build:cli"], { cwd: here, stdio: "ignore" });
  console.log(`${same.length} of ${baseFiles.length} test files at ${base} are unchanged at ${head}; each run is vitest over those files.`);
  const times = { [base]: [], [head]: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const [name, cwd] of [[base, tree], [head, here]]) {
      const started = process.hrtime.bigint();
      const run = spawnSync("npx", ["vitest", "run", ...same], { cwd, encoding: "utf8" });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // vitest's colour codes off (ESC built at run time: a literal \x1b in a regex fails lint's no-control-regex).
      const plain = `${run.stdout}${run.stderr}`.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");
      const tests = /Tests\s+(.*)/.exec(plain)?.[1]?.trim() ?? "?";
      const load = execFileSync("cut", ["-d", " ", "-f1", "/proc/loadavg"], { encoding: "utf8" }).trim();
      if (run.status !== 0) throw new Error(`${name}: vitest exited ${run.status}\n${plain.slice(-2000)}`);
      times[name].push(seconds);
      console.log(`round ${round}  ${name}  ${seconds.toFixed(1)} s  (${tests}; load ${load})`);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [then, now] = [median(times[base]), median(times[head])];
  console.log(`median: ${base} ${then.toFixed(1)} s, ${head} ${now.toFixed(1)} s (${((now / then - 1) * 100).toFixed(0)} %)`);
} finally {
  git("worktree", "remove", "--force", tree);
  rmSync(dir, { recursive: true, force: true });
}
