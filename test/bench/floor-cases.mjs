/**
 * Child process: the floor's version of `token-playground test DIR`: read every *.case.json, read its
 * script, run it in a fresh node:vm context with plain-object bindings. Scenario defaults come from the
 * engine's resolveScenario (any implementation has to validate and default a scenario).
 * Usage: node floor-cases.mjs <engine-url> <dir>
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runFloor } from "./floor.mjs";

const [engineUrl, dir] = process.argv.slice(2);
const { resolveScenario } = await import(engineUrl);
let passed = 0;
let failed = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".case.json")).sort()) {
  const scenario = resolveScenario(JSON.parse(readFileSync(join(dir, file), "utf8")), file);
  const script = readFileSync(join(dir, scenario.script), "utf8");
  const result = runFloor(script, scenario);
  if (result.ok === (scenario.expect?.ok ?? true)) passed++;
  else failed++;
}
process.stdout.write(JSON.stringify({ passed, failed }));
