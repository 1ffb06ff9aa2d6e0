/** Child process: time from process start to the first run() result (module import and wasm load included). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./paths.mjs";

const engine = await import(process.argv[2]);
const imported = performance.now();
const script = readFileSync(join(ROOT, "samples/seed-legacy.js"), "utf8");
const scenario = JSON.parse(readFileSync(join(ROOT, "samples/seed-legacy.scenario.json"), "utf8"));
const result = await engine.run(script, scenario);
// performance.now() counts from the process's time origin, i.e. its start.
process.stdout.write(JSON.stringify({ importedMs: imported, firstResultMs: performance.now(), ok: result.ok }));
