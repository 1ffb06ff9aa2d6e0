// Re-records order.golden.json from Debian's rhino (AM's Rhino 1.7.14 at its default language version, -version 0).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SNIPPETS } from "./snippets.mjs";

const dir = mkdtempSync(join(tmpdir(), "rhino-order-"));
const golden = SNIPPETS.map(({ id, source }) => {
  const file = join(dir, `${id}.js`);
  writeFileSync(file, source);
  const output = execFileSync("rhino", ["-version", "0", file], { encoding: "utf8" });
  return { id, source, rhino: output.replace(/\n$/, "") };
});
writeFileSync(new URL("./order.golden.json", import.meta.url), `${JSON.stringify(golden, null, 2)}\n`);
console.log(`recorded ${golden.length} snippets`);
