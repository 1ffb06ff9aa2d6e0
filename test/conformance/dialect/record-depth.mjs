#!/usr/bin/env node
/**
 * Asks real Rhino (`rhino -version 0`, a fresh JVM with its default 1 MB stack per script) how far it compiles
 * each deep shape of depth-shapes.mjs, and writes depth.golden.json: the first line Rhino printed (the script's
 * output when it compiled and ran, else its error).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEPTH_SHAPES, DEPTH_SIZES } from "./depth-shapes.mjs";

const rhino = process.env.RHINO ?? "/usr/bin/rhino";
const work = mkdtempSync(join(tmpdir(), "rhino-depth-"));
const results = [];
try {
  for (const [shape, sizes] of Object.entries(DEPTH_SIZES)) {
    for (const size of sizes) {
      const file = join(work, `${shape}-${size}.js`);
      writeFileSync(file, DEPTH_SHAPES[shape](size));
      const run = spawnSync(rhino, ["-version", "0", file], { encoding: "utf8", timeout: 120000 });
      const first = `${run.stdout}${run.stderr}`.split("\n")[0].replace(/"[^"]*\.js", /, "");
      const compiled = !/^js: line \d+:|^java\.lang\.StackOverflowError/.test(first);
      results.push({ shape, size, compiled, rhino: first });
      console.log(shape, size, first);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
writeFileSync(new URL("./depth.golden.json", import.meta.url), `${JSON.stringify(results, null, 1)}\n`);
