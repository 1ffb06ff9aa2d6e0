#!/usr/bin/env node
/**
 * Re-records builtins.golden.json from Debian's rhino (Rhino 1.7.14, default language version, interpreted as AM
 * runs it): `node test/conformance/builtins/record.mjs`. All snippets run in one script, in order.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import snippets from "./snippets.mjs";
import { builtinsScript } from "./script.mjs";

const work = mkdtempSync(join(tmpdir(), "rhino-builtins-"));
try {
  const file = join(work, "builtins.js");
  writeFileSync(file, `${builtinsScript(snippets)}\nprint(JSON.stringify(out));\n`);
  const printed = execFileSync("rhino", ["-version", "0", "-opt", "-1", file], { encoding: "utf8" });
  const observed = JSON.parse(printed.trim().split("\n").pop());
  const golden = {
    recorded: `rhino -version 0 -opt -1 (Debian rhino ${execFileSync("rhino", ["-version", "0", "-e", "print(org.mozilla.javascript.Context.getCurrentContext().getImplementationVersion())"], { encoding: "utf8" }).trim()}), ${new Date().toISOString().slice(0, 10)}`,
    snippets: snippets.map((s, i) => ({ ...s, rhino: observed[i] })),
  };
  writeFileSync(new URL("./builtins.golden.json", import.meta.url), `${JSON.stringify(golden, null, 1)}\n`);
  console.log(`recorded ${snippets.length} snippets`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
