#!/usr/bin/env node
/**
 * Records the Rhino 1.7.14 truth for published cases whose source shows no AM output (`"truth": "rhino-1.7.14"`
 * for legacy scripts, `"truth": "rhino-1.7.14-nextgen"` for next-generation ones):
 *   node test/conformance/published/record.mjs        rewrites `observed` of those cases in published/*.json
 * It reuses the legacy recorder (../legacy/Recorder.java and its stand-ins, compiled into a temp dir, not edited):
 * each case runs as  rhinoPrologue + script + RHINO_EPILOGUE  in real Rhino with AM-typed bindings. The prologue
 * (optional, per case) only aligns the recorder's fixed bindings with the case's scenario (e.g. adds a scope);
 * the epilogue makes the token's custom fields observable. The playground runs script + epilogue (no prologue),
 * on the case's scenario, which must describe the same data the recorder hands Rhino (../legacy/scenario.json).
 * Next-generation cases run in ../nextgen/Recorder.java as  script + NEXTGEN_EPILOGUE, its bindings built from the
 * case's own scenario (../nextgen/binding-data.mjs), so no prologue is needed there.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeObservation } from "../legacy/normalize.mjs";
import { LIVE_TRUTH, NEXTGEN_EPILOGUE, RHINO_EPILOGUE, RHINO_NEXTGEN_TRUTH, RHINO_TRUTH } from "./truth.mjs";
import { scenarioOf } from "./scenario-of.mjs";
import { nextGenBindingData } from "../nextgen/binding-data.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const legacy = join(here, "../legacy");
const nextgen = join(here, "../nextgen");
const jar = process.env.RHINO_JAR ?? "/usr/share/java/rhino.jar";
const work = mkdtempSync(join(tmpdir(), "rhino-published-"));

/** AM's allow-list, from the engine's one copy, plus the recorder's stand-in classes (as ../legacy/record.mjs does). */
function allowList() {
  const ts = readFileSync(join(here, "../../../engine/evaluators/legacy/allowlist.ts"), "utf8");
  const body = ts.match(/AM_ALLOW_LIST[^`]*`([^`]*)`/);
  if (!body) throw new Error("AM_ALLOW_LIST not found in engine/evaluators/legacy/allowlist.ts");
  return [...body[1].trim().split("\n"), "Recorder$ProbeAccessToken", "Recorder$ProbeIdentity", "Recorder$ProbeSession", "Recorder$ProbeLogger"];
}

/** AM's next-generation allow-list, from the engine's one copy, plus the next-generation recorder's stand-ins. */
function nextGenAllowList() {
  const ts = readFileSync(join(here, "../../../engine/evaluators/nextgen/java-access.ts"), "utf8");
  const body = ts.match(/NEXT_GEN_ALLOW_LIST[^=]*=\s*\[([^\]]*)\]/);
  if (!body) throw new Error("NEXT_GEN_ALLOW_LIST not found in engine/evaluators/nextgen/java-access.ts");
  return [...[...body[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]), "Recorder$Ng*"];
}

/** The next-generation stand-ins under the names the playground gives those bindings (as normalize.mjs does for legacy). */
const NEXTGEN_STAND_INS = [
  ["Recorder$NgAccessToken", "org.forgerock.oauth2.core.scripting.AccessTokenScriptWrapper"],
  ["Recorder$NgIdentity", "org.forgerock.openam.scripting.api.identity.ScriptedIdentityScriptWrapper"],
  ["Recorder$NgLogger", "org.forgerock.openam.scripting.logging.ScriptedLoggerWrapper"],
  ["Recorder$NgMap", "java.util.Collections$UnmodifiableMap"],
  ["Recorder$NgList", "java.util.Collections$UnmodifiableRandomAccessList"],
  ["Recorder$HiddenResourceOwner", "org.forgerock.oauth2.core.ResourceOwner"],
  ["Recorder$NgHttpClient", "org.forgerock.openam.scripting.wrappers.HttpClientScriptWrapper"],
  ["Recorder$NgHttpResponse", "org.forgerock.openam.scripting.wrappers.ResponseScriptWrapper"],
  ["Recorder$NgPromise", "org.forgerock.util.promise.PromiseImpl"],
  ["Recorder$NgOpenIdm", "org.forgerock.openam.scripting.wrappers.IdmIntegrationServiceScriptWrapper"],
  ["Recorder$NgUtils", "org.forgerock.openam.scripting.bindings.ScriptUtilityService"],
  ["Recorder$NgBase64", "org.forgerock.openam.scripting.bindings.ScriptBase64Service"],
  ["Recorder$NgTypes", "org.forgerock.openam.scripting.bindings.ScriptTypesService"],
  ["Recorder$NgCrypto", "org.forgerock.openam.scripting.bindings.crypto.ScriptCryptoService"],
  ["Recorder$NgSubtle", "org.forgerock.openam.scripting.bindings.crypto.subtle.ScriptSubtleService"],
  ["Recorder$NgKeyPair", "org.forgerock.openam.scripting.javascript.MapScriptWrapper"],
];

function javaFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? javaFiles(join(dir, e.name)) : e.name.endsWith(".java") ? [join(dir, e.name)] : [],
  );
}

/** One recorder line ("OUT …", "WARN …", "ERROR …", "ERR …") as the playground reports it. */
function toObserved(lines, levels = { OUT: "debug", WARN: "warn", ERROR: "error" }) {
  const logs = [];
  let error;
  const extra = {};
  for (const raw of lines) {
    let line = raw.replace(/\\(.)/g, (_, c) => (c === "n" ? "\n" : c === "r" ? "\r" : c));
    for (const [from, to] of NEXTGEN_STAND_INS) line = line.split(from).join(to);
    line = normalizeObservation(line);
    const kind = line.slice(0, line.indexOf(" "));
    const text = line.slice(kind.length + 1);
    if (kind === "ERR") error = text;
    else if (kind === "EXTRA") extra[text.slice(0, text.indexOf(" "))] = JSON.parse(text.slice(text.indexOf(" ") + 1));
    else logs.push({ level: levels[kind], message: text });
  }
  const observed = error === undefined ? { logs } : { logs, error };
  // What addExtraData / addExtraJsonData left: AM puts it beside the token in the token endpoint's response.
  if (Object.keys(extra).length) observed.tokenResponse = extra;
  return observed;
}

/** Compiles one recorder, runs it on the jobs' scripts (and data files) and stores each case's observation. */
function record(name, sources, jobs, allow, levels) {
  if (jobs.length === 0) return;
  const dir = join(work, name);
  const classes = join(dir, "classes");
  execFileSync("javac", ["-nowarn", "-cp", jar, "-d", classes, ...sources], { stdio: "inherit" });
  for (const j of jobs) {
    writeFileSync(join(dir, `${j.id}.js`), j.source);
    if (j.bindings) writeFileSync(join(dir, `${j.id}.json`), JSON.stringify(j.bindings));
  }
  writeFileSync(join(dir, "list.txt"), jobs.map((j) => j.id).join("\n") + "\n");
  writeFileSync(join(dir, "allowlist.txt"), allow.join("\n") + "\n");
  const banner = execFileSync("java", ["-cp", `${jar}:${classes}`, "Recorder", dir, join(dir, "allowlist.txt")], { encoding: "utf8" }).trim();
  for (const j of jobs) {
    const lines = readFileSync(join(dir, `${j.id}.out`), "utf8").split("\n").filter((l) => l !== "");
    if (j.check) {
      j.seen = toObserved(lines, levels);
      continue;
    }
    j.c.observed = toObserved(lines, levels);
    j.c.recordedWith = banner;
  }
  console.log(`${banner}: recorded ${jobs.filter((j) => !j.check).length} published cases`);
}

/**
 * The next-generation recorder's bindings are partly inference, so each recording also runs the published
 * next-generation scripts a live tenant answered (truth live-am, with logs or an error to compare) and prints
 * how many the recorder reproduces: a check of the recorder against AM, never written to the cases.
 */
function reportLiveCheck(jobs) {
  const checks = jobs.filter((j) => j.check);
  if (checks.length === 0) return;
  const text = (o) => JSON.stringify({ logs: o.logs ?? [], error: o.error ?? null });
  const differ = checks.filter((j) => text(j.seen) !== text(j.c.observed));
  console.log(`next-generation recorder against live next-gen cases: ${checks.length - differ.length}/${checks.length} alike`);
  for (const j of differ) console.log(`  ${j.id}: live ${text(j.c.observed)}, recorder ${text(j.seen)}`);
}

try {
  const files = readdirSync(here).filter((f) => f.endsWith(".json"));
  const checkBase = JSON.parse(readFileSync(join(here, "nextgen-docs.json"), "utf8")).scenario;
  const legacyJobs = [];
  const nextGenJobs = [];
  for (const file of files) {
    const data = JSON.parse(readFileSync(join(here, file), "utf8"));
    for (const c of data.cases) {
      const id = `${file.replace(/\.json$/, "")}__${c.id}`.replace(/[^A-Za-z0-9_.-]/g, "_");
      if (c.truth === RHINO_TRUTH) legacyJobs.push({ file, data, c, id, source: (c.rhinoPrologue ?? "") + c.script + RHINO_EPILOGUE });
      if (c.truth === RHINO_NEXTGEN_TRUTH) {
        nextGenJobs.push({ file, data, c, id, source: c.script + NEXTGEN_EPILOGUE, bindings: nextGenBindingData(scenarioOf(data.scenario, c.scenario)) });
      }
      const scenario = scenarioOf(data.scenario, c.scenario);
      if ((c.truth ?? LIVE_TRUTH) === LIVE_TRUTH && scenario.evaluator === "next-gen" && (c.observed.logs || c.observed.error)) {
        // Live cases carry only what their source gives (their file's scenario, then their own); the data they do not
        // set comes from the docs cases' scenario.
        const bindings = nextGenBindingData(scenarioOf(scenarioOf(checkBase, data.scenario), c.scenario));
        nextGenJobs.push({ file, data, c, id, source: c.script, bindings, check: true });
      }
    }
  }
  mkdirSync(join(work, "legacy"));
  mkdirSync(join(work, "nextgen"));
  record("legacy", [join(legacy, "Recorder.java"), ...javaFiles(join(legacy, "standins"))], legacyJobs, allowList());
  record("nextgen", [join(nextgen, "Recorder.java")], nextGenJobs, nextGenAllowList(), { DEBUG: "debug", INFO: "info", WARN: "warn", ERROR: "error" });
  reportLiveCheck(nextGenJobs);
  const jobs = [...legacyJobs, ...nextGenJobs].filter((j) => !j.check);
  for (const file of new Set(jobs.map((j) => j.file))) {
    const data = jobs.find((j) => j.file === file).data;
    writeFileSync(join(here, file), JSON.stringify(data, null, 2) + "\n");
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
