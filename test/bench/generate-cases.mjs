/** Writes N test cases (cycling through the samples' cases, each with its own name and seed) into a directory. */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SAMPLES_DIR, loadCorpus } from "./corpus.mjs";

export function generateCases(dir, count) {
  mkdirSync(dir, { recursive: true });
  const templates = loadCorpus().filter((entry) => entry.caseDocument);
  for (const t of templates) copyFileSync(join(SAMPLES_DIR, t.scriptFile), join(dir, t.scriptFile));
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length];
    const document = { ...template.caseDocument, name: `${template.caseDocument.name} #${i}`, seed: i + 1 };
    writeFileSync(join(dir, `gen-${String(i).padStart(5, "0")}.case.json`), JSON.stringify(document));
  }
  return templates.map((t) => t.name);
}
