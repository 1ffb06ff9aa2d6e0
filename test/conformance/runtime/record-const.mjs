#!/usr/bin/env node
/**
 * Records const.golden.json: each snippet of const-snippets.mjs run by real Rhino 1.7.14 (Debian's js.jar,
 * language version 0) through ConstRecorder.java, in a standard scope and in a scope built like AM's.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONST_SNIPPETS } from "./const-snippets.mjs";

const jar = process.env.RHINO_JAR ?? "/usr/share/java/js.jar";
const work = mkdtempSync(join(tmpdir(), "rhino-const-"));
try {
  copyFileSync(fileURLToPath(new URL("./ConstRecorder.java", import.meta.url)), join(work, "ConstRecorder.java"));
  execFileSync("javac", ["-cp", jar, "-d", work, join(work, "ConstRecorder.java")]);
  const files = CONST_SNIPPETS.map(([id, source]) => {
    const file = join(work, `${id}.js`);
    writeFileSync(file, source);
    return file;
  });
  const lines = execFileSync("java", ["-cp", `${jar}:${work}`, "ConstRecorder", ...files], { encoding: "utf8" }).trim().split("\n");
  const golden = CONST_SNIPPETS.map(([id, source], i) => {
    const r = JSON.parse(lines[i]);
    return { id, source, shell: r.shell, am: r.am };
  });
  writeFileSync(new URL("./const.golden.json", import.meta.url), `${JSON.stringify(golden, null, 1)}\n`);
  for (const g of golden) console.log(g.id.padEnd(40), "shell:", g.shell.padEnd(30), "am:", g.am);
} finally {
  rmSync(work, { recursive: true, force: true });
}
