#!/usr/bin/env node
/**
 * Re-records the Rhino dialect goldens from real Rhino (Debian's rhino 1.7.14), in ONE JVM:
 *   npm run conformance:record:dialect            writes syntax.golden.json and surface.golden.json
 *   npm run conformance:record:dialect -- --verify-shell
 *       also runs `rhino -version 0 <file>` once per snippet (slow: one JVM each) and checks that the
 *       harness's first error (message and line) is the first error the shell prints.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import snippets from "./snippets.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const rhino = process.env.RHINO ?? "/usr/bin/rhino";
const work = mkdtempSync(join(tmpdir(), "rhino-dialect-"));

try {
  const ids = new Set();
  for (const s of snippets) {
    if (ids.has(s.id)) throw new Error(`duplicate snippet id ${s.id}`);
    ids.add(s.id);
  }
  const input = join(work, "snippets.json");
  const syntaxOut = join(work, "syntax.json");
  const surfaceOut = join(work, "surface.json");
  writeFileSync(input, JSON.stringify(snippets));
  const banner = execFileSync(
    rhino,
    ["-version", "0", join(here, "harness.js"), input, syntaxOut, join(here, "surface-probe.js"), surfaceOut],
    { encoding: "utf8" },
  );
  process.stdout.write(banner);

  const results = new Map(JSON.parse(readFileSync(syntaxOut, "utf8")).map((r) => [r.id, r.rhino]));
  const golden = snippets.map((s) => {
    const rhinoResult = results.get(s.id);
    if (!rhinoResult) throw new Error(`no result for ${s.id}`);
    if (rhinoResult.unexpected) throw new Error(`${s.id}: error outside the reporter: ${rhinoResult.message}`);
    return { id: s.id, source: s.source, rhino: rhinoResult };
  });
  const debianVersion = spawnSync("dpkg-query", ["-W", "-f", "${Version}", "rhino"], { encoding: "utf8" }).stdout || "unknown";
  const engine = `${banner.trim()} (Debian package rhino ${debianVersion})`;
  writeFileSync(join(here, "syntax.golden.json"), JSON.stringify({ engine, snippets: golden }, null, 1) + "\n");
  const surface = JSON.parse(readFileSync(surfaceOut, "utf8"));
  writeFileSync(join(here, "surface.golden.json"), JSON.stringify({ engine, scope: "ImporterTopLevel", ...surface }, null, 1) + "\n");
  const rejected = golden.filter((g) => !g.rhino.ok).length;
  console.log(`wrote ${golden.length} snippets (${rejected} rejected by Rhino) and the surface of ${Object.keys(surface.members).length} globals`);

  if (process.argv.includes("--verify-shell")) verifyAgainstShell(golden);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The shell reports every error then "Compilation produced N syntax errors"; its first line must match ours. */
function verifyAgainstShell(golden) {
  const file = join(work, "script.js");
  let mismatches = 0;
  for (const g of golden) {
    writeFileSync(file, g.source);
    const run = spawnSync(rhino, ["-version", "0", file], { encoding: "utf8", timeout: 20000 });
    const text = `${run.stdout}\n${run.stderr}`;
    const m = /js: (?:"[^"]*", )?line (\d+): (.*)/.exec(text);
    const shell = m ? { ok: false, line: Number(m[1]), message: m[2] } : { ok: true };
    const same = shell.ok === g.rhino.ok && (shell.ok || (shell.line === g.rhino.line && shell.message === g.rhino.message));
    if (!same) {
      mismatches++;
      console.log(`MISMATCH ${g.id}: harness ${JSON.stringify(g.rhino)} shell ${JSON.stringify(shell)}`);
    }
  }
  console.log(`shell verification: ${golden.length - mismatches}/${golden.length} agree`);
  if (mismatches) process.exitCode = 1;
}
