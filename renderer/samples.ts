/**
 * The sample scripts shipped in samples/, bundled into the page: each `X.js` with its `X.scenario.json`
 * (or `X.case.json`, whose `script`/`expect` keys are dropped: the editor holds the script).
 */
import type { Evaluator } from "../engine/api";
import { isEvaluator, LEGACY, NEXT_GEN } from "./state/evaluators";

export interface Sample {
  id: string;
  label: string;
  script: string;
  /** Scenario JSON text as the file has it. */
  scenarioText: string;
  evaluator: Evaluator;
}

const scripts = import.meta.glob("../samples/*.js", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
const scenarios = import.meta.glob("../samples/*.{scenario,case}.json", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

const libraries = import.meta.glob("../samples/lib/**/*.js", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

/**
 * The samples' library scripts by their path relative to samples/ ("lib/claim-helpers.js"), as the samples'
 * `"libraries"` name them: the CLI reads these from disk, the page has them bundled.
 */
export const SAMPLE_LIBRARIES: ReadonlyMap<string, string> = new Map(
  Object.entries(libraries).map(([path, source]) => [path.replace(/^.*\/samples\//, ""), source]),
);

/**
 * The samples' own scripts by file name ("ibm-default-pre.js"): a sample scenario's `ibm.otherRule` names its
 * other mapping rule so, relative to samples/ as the CLI reads it, and the page has them bundled.
 */
export const SAMPLE_SCRIPT_FILES: ReadonlyMap<string, string> = new Map(Object.entries(scripts).map(([path, source]) => [path.replace(/^.*\//, ""), source]));

export const SEED_SAMPLE_ID = "seed-legacy";

function baseName(path: string): string {
  return path.replace(/^.*\//, "").replace(/\.(scenario|case)\.json$|\.js$/, "");
}

function scenarioFor(id: string): string {
  const direct = Object.entries(scenarios).find(([path]) => path.endsWith(`/${id}.scenario.json`));
  if (direct) return direct[1];
  const fromCase = Object.entries(scenarios).find(([path]) => path.endsWith(`/${id}.case.json`));
  if (!fromCase) return "{}\n";
  try {
    const { script: _script, expect: _expect, ...scenario } = JSON.parse(fromCase[1]) as Record<string, unknown>;
    return JSON.stringify(scenario, null, 2) + "\n";
  } catch {
    return fromCase[1];
  }
}

function evaluatorOf(scenarioText: string, id: string): Evaluator {
  try {
    const value = (JSON.parse(scenarioText) as { evaluator?: unknown }).evaluator;
    if (isEvaluator(value)) return value;
  } catch {
    // fall through to the file-name convention
  }
  return /next-?gen/i.test(id) ? NEXT_GEN : LEGACY;
}

function labelOf(id: string, scenarioText: string): string {
  try {
    const name = (JSON.parse(scenarioText) as { name?: unknown }).name;
    if (typeof name === "string" && name.trim()) return name;
  } catch {
    // use the id
  }
  return id;
}

/** Script files a case may name besides `X.js`: OneWelcome's MockServer expectation is a JSON file. */
const jsonScripts = import.meta.glob(["../samples/*.json", "!../samples/*.{scenario,case}.json"], { query: "?raw", import: "default", eager: true }) as Record<string, string>;

/**
 * Cases that run another sample's script (a flow of the seed's script, a product's second request): each is a
 * sample of its own, with the script its `script` key names.
 */
function casesOfOtherScripts(): Sample[] {
  const byFile = new Map([...Object.entries(scripts), ...Object.entries(jsonScripts)].map(([path, text]) => [path.replace(/^.*\//, ""), text]));
  const out: Sample[] = [];
  for (const [path, text] of Object.entries(scenarios)) {
    if (!path.endsWith(".case.json")) continue;
    const id = baseName(path);
    let file: unknown;
    try {
      file = (JSON.parse(text) as { script?: unknown }).script;
    } catch {
      continue;
    }
    if (typeof file !== "string" || file === `${id}.js`) continue;
    const script = byFile.get(file);
    if (script === undefined) continue;
    const scenarioText = scenarioFor(id);
    out.push({ id, label: labelOf(id, scenarioText), script, scenarioText, evaluator: evaluatorOf(scenarioText, id) });
  }
  return out;
}

/**
 * Labels in case-insensitive code-unit order: the first localeCompare of a page loads the collator, about 80 ms
 * of the boot before the opening run (the bundled labels come out in the same order either way).
 */
function byLabel(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The bundled samples, the seed's legacy and next-gen examples first. */
export const SAMPLES: Sample[] = [
  ...Object.entries(scripts).map(([path, script]) => {
    const id = baseName(path);
    const scenarioText = scenarioFor(id);
    return { id, label: labelOf(id, scenarioText), script, scenarioText, evaluator: evaluatorOf(scenarioText, id) };
  }),
  ...casesOfOtherScripts(),
].sort((a, b) => {
    const rank = (s: Sample) => (s.id === SEED_SAMPLE_ID ? 0 : s.id.startsWith("seed-") ? 1 : 2);
    return rank(a) - rank(b) || byLabel(a.label, b.label);
  });

/** Only when samples/ is empty (a broken build): an empty script the user can start from. */
const EMPTY: Sample = { id: SEED_SAMPLE_ID, label: "Empty script", evaluator: LEGACY, script: "", scenarioText: "{}\n" };

export function findSample(id: string | undefined): Sample {
  return SAMPLES.find((s) => s.id === id) ?? SAMPLES.find((s) => s.id === SEED_SAMPLE_ID) ?? SAMPLES[0] ?? EMPTY;
}

export function allSamples(): Sample[] {
  return SAMPLES.length ? SAMPLES : [EMPTY];
}
