/** The benchmark corpus: every sample script with its case or scenario file (each sample's own evaluator). */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./paths.mjs";

export const SAMPLES_DIR = join(ROOT, "samples");

function scenarioOnly(document) {
  const { script: _script, expect: _expect, ...scenario } = document;
  return scenario;
}

/** Library paths (as the CLI reads them: a .js path relative to the case file) replaced by their source. */
function withInlineLibraries(document, dir) {
  if (!document.libraries) return document;
  const libraries = Object.fromEntries(
    Object.entries(document.libraries).map(([name, value]) => [name, /\.js$/i.test(value) ? readFileSync(join(dir, value), "utf8") : value]),
  );
  return { ...document, libraries };
}

/** [{ name, script, scenario, expect?, scriptFile }] for every *.case.json and unpaired *.scenario.json. */
export function loadCorpus(dir = SAMPLES_DIR) {
  const files = readdirSync(dir).sort();
  const entries = [];
  const covered = new Set();
  for (const file of files.filter((f) => f.endsWith(".case.json"))) {
    const document = withInlineLibraries(JSON.parse(readFileSync(join(dir, file), "utf8")), dir);
    if (!document.script) continue;
    covered.add(document.script);
    entries.push({
      name: file.replace(/\.case\.json$/, ""),
      scriptFile: document.script,
      script: readFileSync(join(dir, document.script), "utf8"),
      scenario: scenarioOnly(document),
      expect: document.expect,
      caseDocument: document,
    });
  }
  for (const file of files.filter((f) => f.endsWith(".scenario.json"))) {
    const scriptFile = file.replace(/\.scenario\.json$/, ".js");
    if (covered.has(scriptFile) || !existsSync(join(dir, scriptFile))) continue;
    entries.push({
      name: file.replace(/\.scenario\.json$/, ""),
      scriptFile,
      script: readFileSync(join(dir, scriptFile), "utf8"),
      scenario: scenarioOnly(withInlineLibraries(JSON.parse(readFileSync(join(dir, file), "utf8")), dir)),
    });
  }
  return entries;
}
