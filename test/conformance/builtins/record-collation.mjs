#!/usr/bin/env node
/**
 * Re-records engine/evaluators/java-collation-en-us.json, the collation elements of Java 17's en-US Collator that
 * Rhino 1.7.14's localeCompare uses (AM's JVM locale is assumed en-US: the playground says so when a script
 * compares), and locale-compare.golden.json, what real Rhino answers for pairs of strings:
 *   node test/conformance/builtins/record-collation.mjs
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LOCALE_COMPARE_PAIRS } from "./locale-compare-pairs.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), "java-collation-"));
const today = new Date().toISOString().slice(0, 10);
try {
  execFileSync("javac", ["-d", work, join(here, "JavaCollation.java")]);
  const settings = spawnSync("java", ["-XshowSettings:properties", "-version"], { encoding: "utf8" }).stderr;
  const javaVersion = /java\.version = (\S+)/.exec(settings)?.[1] ?? "unknown";
  const printed = execFileSync("java", ["-cp", work, "JavaCollation", "en-US"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const elements = {};
  const contractions = {};
  for (const line of printed.trim().split("\n")) {
    const parts = line.split(" ");
    const orders = (s) => (s ? s.split(",").map((h) => parseInt(h, 16)) : []);
    if (parts[0] === "c") elements[parseInt(parts[1], 16)] = orders(parts[2]);
    else contractions[String.fromCharCode(parseInt(parts[1], 16), parseInt(parts[2], 16))] = orders(parts[3]);
  }
  const table = {
    recorded: `java.text.Collator.getInstance(en-US) with strength IDENTICAL and CANONICAL_DECOMPOSITION, Java ${javaVersion}`,
    date: today,
    unmapped: "a char not listed (and whose NFD form is itself) has the orders [0x7fff0000, char << 16]",
    elements,
    contractions,
  };
  writeFileSync(join(here, "../../../engine/evaluators/java-collation-en-us.json"), `${JSON.stringify(table)}\n`);
  const file = join(work, "pairs.js");
  writeFileSync(file, `var pairs = ${JSON.stringify(LOCALE_COMPARE_PAIRS)}, out = [];\nfor (var i = 0; i < pairs.length; i++) out.push(pairs[i][0].localeCompare(pairs[i][1]));\nprint(JSON.stringify(out));\n`);
  const rhino = JSON.parse(execFileSync("rhino", ["-version", "0", "-opt", "-1", "-encoding", "utf-8", file], { encoding: "utf8", env: { ...process.env, JAVA_TOOL_OPTIONS: "-Duser.language=en -Duser.country=US" } }).trim().split("\n").pop());
  writeFileSync(join(here, "locale-compare.golden.json"), `${JSON.stringify({ recorded: `rhino -version 0 -opt -1, Java locale en-US, ${today}`, pairs: LOCALE_COMPARE_PAIRS.map((p, i) => [p[0], p[1], rhino[i]]) })}\n`);
  console.log(`${Object.keys(elements).length} chars, ${Object.keys(contractions).length} contractions, ${LOCALE_COMPARE_PAIRS.length} pairs`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
