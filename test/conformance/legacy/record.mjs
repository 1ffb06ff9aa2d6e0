#!/usr/bin/env node
/**
 * Re-records the legacy-evaluator goldens in real Rhino 1.7.14 (Debian's /usr/share/java/rhino.jar) on Java 17:
 *   npm run conformance:record:legacy      writes legacy.golden.json next to this file
 * Recorder.java is compiled into a temp dir, every probe (PRELUDE + source) is written there, and one JVM
 * runs them all. The stand-in binding classes are renamed to AM's class names in what is recorded, and Java
 * identity hashes (`@1b6d3586`) become `@HASH` so the goldens are stable.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import probes, { PRELUDE } from "./probes.mjs";
import { normalizeObservation } from "./normalize.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.RHINO_JAR ?? "/usr/share/java/rhino.jar";
const work = mkdtempSync(join(tmpdir(), "rhino-legacy-"));

/** The allow-list lives in the engine (one source of truth); pull the lines out of its template literal. */
function allowList() {
  const ts = readFileSync(join(here, "../../../engine/evaluators/legacy/allowlist.ts"), "utf8");
  const body = ts.match(/AM_ALLOW_LIST[^`]*`([^`]*)`/);
  if (!body) throw new Error("AM_ALLOW_LIST not found in allowlist.ts");
  const stand_ins = ["Recorder$ProbeAccessToken", "Recorder$ProbeIdentity", "Recorder$ProbeSession", "Recorder$ProbeLogger"];
  return [...body[1].trim().split("\n"), ...stand_ins];
}

/** The stand-in AM/CHF classes (standins/README.md), compiled with the recorder. */
function javaSources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? javaSources(join(dir, e.name)) : e.name.endsWith(".java") ? [join(dir, e.name)] : [],
  );
}

function unescape(line) {
  return line.replace(/\\(.)/g, (_, c) => (c === "n" ? "\n" : c === "r" ? "\r" : c));
}

try {
  const classes = join(work, "classes");
  execFileSync("javac", ["-nowarn", "-cp", jar, "-d", classes, join(here, "Recorder.java"), ...javaSources(join(here, "standins"))], { stdio: "inherit" });
  const ids = new Set();
  for (const p of probes) {
    if (ids.has(p.id)) throw new Error(`duplicate probe id ${p.id}`);
    ids.add(p.id);
    writeFileSync(join(work, `${p.id}.js`), PRELUDE + p.source);
  }
  writeFileSync(join(work, "list.txt"), probes.map((p) => p.id).join("\n") + "\n");
  writeFileSync(join(work, "allowlist.txt"), allowList().join("\n") + "\n");
  const banner = execFileSync("java", ["-cp", `${jar}:${classes}`, "Recorder", work, join(work, "allowlist.txt")], { encoding: "utf8" });
  const golden = probes.map((p) => {
    const text = readFileSync(join(work, `${p.id}.out`), "utf8");
    const observed = text.split("\n").filter((l) => l !== "").map((l) => normalizeObservation(unescape(l)));
    return { id: p.id, source: p.source, observed };
  });
  writeFileSync(join(here, "legacy.golden.json"), JSON.stringify({ engine: banner.trim(), probes: golden }, null, 1) + "\n");
  console.log(`${banner.trim()}: recorded ${golden.length} probes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
