/** Reading the user's files: a missing or unreadable file is bad input (exit 2) naming the file. */
import { readFileSync, statSync } from "node:fs";
import { dirname, resolve, basename } from "node:path";
import { ScenarioError, parseScenarioText } from "../engine/scenario/validate";
import type { Scenario } from "../engine/scenario/schema";
import { UsageError } from "./io";

export function readTextFile(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (e as Error).message;
    throw new UsageError(`${path}: cannot read ${what}: ${why}`);
  }
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The scenario beside a script: `name.js` → `name.scenario.json`, if present. */
export function siblingScenario(scriptPath: string): string | null {
  const candidate = resolve(dirname(scriptPath), `${basename(scriptPath).replace(/\.(js|groovy)$/i, "")}.scenario.json`);
  return isFile(candidate) ? candidate : null;
}

export function loadScenario(path: string): Scenario {
  const text = readTextFile(path, "scenario");
  try {
    return inlineLibraries(parseScenarioText(text, path), path);
  } catch (e) {
    if (e instanceof ScenarioError) throw new UsageError(e.message);
    throw e;
  }
}

/** Library values that name a .js file (relative to the scenario or case file) are replaced by its text. */
export function inlineLibraries(scenario: Scenario, file: string): Scenario {
  const libraries: Record<string, string> = {};
  for (const [name, value] of Object.entries(scenario.libraries)) {
    const isPath = /\.js$/i.test(value.trim()) && !/[\n;(){}]/.test(value);
    libraries[name] = isPath ? readTextFile(resolve(dirname(file), value.trim()), `library "${name}" ($.libraries.${name})`) : value;
  }
  return { ...scenario, libraries };
}
