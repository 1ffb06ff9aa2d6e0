#!/usr/bin/env node
/**
 * Records the Rhino 1.7.14 truth for published cases whose source shows no AM output (`"truth": "rhino-1.7.14"`):
 *   node test/conformance/published/record.mjs        rewrites `observed` of those cases in published/*.json
 * It reuses the legacy recorder (../legacy/Recorder.java and its stand-ins, compiled into a temp dir, not edited):
 * each case runs as  rhinoPrologue + script + RHINO_EPILOGUE  in real Rhino with AM-typed bindings. The prologue
 * (optional, per case) only aligns the recorder's fixed bindings with the case's scenario (e.g. adds a scope);
 * the epilogue makes the token's custom fields observable. The playground runs script + epilogue (no prologue),
 * on the case's scenario, which must describe the same data the recorder hands Rhino (../legacy/scenario.json).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeObservation } from "../legacy/normalize.mjs";
import { RHINO_EPILOGUE, RHINO_TRUTH } from "./truth.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const legacy = join(here, "../legacy");
const jar = process.env.RHINO_JAR ?? "/usr/share/java/rhino.jar";
const work = mkdtempSync(join(tmpdir(), "rhino-published-"));

/** AM's allow-list, from the engine's one copy, plus the recorder's stand-in classes (as ../legacy/record.mjs does). */
function allowList() {
  const ts = readFileSync(join(here, "../../../engine/evaluators/legacy/allowlist.ts"), "utf8");
  const body = ts.match(/AM_ALLOW_LIST[^`]*`([^`]*)`/);
  if (!body) throw new Error("AM_ALLOW_LIST not found in engine/evaluators/legacy/allowlist.ts");
  return [...body[1].trim().split("\n"), "Recorder$ProbeAccessToken", "Recorder$ProbeIdentity", "Recorder$ProbeSession", "Recorder$ProbeLogger"];
}

function javaFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? javaFiles(join(dir, e.name)) : e.name.endsWith(".java") ? [join(dir, e.name)] : [],
  );
}

/** One recorder line ("OUT …", "WARN …", "ERROR …", "ERR …") as the playground reports it. */
function toObserved(lines) {
  const logs = [];
  let error;
  const levels = { OUT: "debug", WARN: "warn", ERROR: "error" };
  for (const raw of lines) {
    const line = normalizeObservation(raw.replace(/\\(.)/g, (_, c) => (c === "n" ? "\n" : c === "r" ? "\r" : c)));
    const kind = line.slice(0, line.indexOf(" "));
    const text = line.slice(kind.length + 1);
    if (kind === "ERR") error = text;
    else logs.push({ level: levels[kind], message: text });
  }
  return error === undefined ? { logs } : { logs, error };
}

try {
  const classes = join(work, "classes");
  execFileSync("javac", ["-nowarn", "-cp", jar, "-d", classes, join(legacy, "Recorder.java"), ...javaFiles(join(legacy, "standins"))], { stdio: "inherit" });
  const files = readdirSync(here).filter((f) => f.endsWith(".json"));
  const jobs = [];
  for (const file of files) {
    const data = JSON.parse(readFileSync(join(here, file), "utf8"));
    for (const c of data.cases) {
      if (c.truth !== RHINO_TRUTH) continue;
      const id = `${file.replace(/\.json$/, "")}__${c.id}`.replace(/[^A-Za-z0-9_.-]/g, "_");
      writeFileSync(join(work, `${id}.js`), (c.rhinoPrologue ?? "") + c.script + RHINO_EPILOGUE);
      jobs.push({ file, data, c, id });
    }
  }
  writeFileSync(join(work, "list.txt"), jobs.map((j) => j.id).join("\n") + "\n");
  writeFileSync(join(work, "allowlist.txt"), allowList().join("\n") + "\n");
  const banner = execFileSync("java", ["-cp", `${jar}:${classes}`, "Recorder", work, join(work, "allowlist.txt")], { encoding: "utf8" }).trim();
  for (const j of jobs) {
    const lines = readFileSync(join(work, `${j.id}.out`), "utf8").split("\n").filter((l) => l !== "");
    j.c.observed = toObserved(lines);
    j.c.recordedWith = banner;
  }
  for (const file of new Set(jobs.map((j) => j.file))) {
    const data = jobs.find((j) => j.file === file).data;
    writeFileSync(join(here, file), JSON.stringify(data, null, 2) + "\n");
  }
  console.log(`${banner}: recorded ${jobs.length} published cases`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
