// Re-records runtime.golden.json from Debian's rhino (Rhino 1.7.14 at its default language version, interpreted as AM runs it: -opt -1).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SNIPPETS } from "./snippets.mjs";

const dir = mkdtempSync(join(tmpdir(), "rhino-runtime-"));
const golden = SNIPPETS.map(({ id, source }) => {
  const file = join(dir, `${id}.js`);
  writeFileSync(file, source);
  let output = "";
  try {
    output = execFileSync("rhino", ["-version", "0", "-opt", "-1", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    output = `${e.stdout ?? ""}${e.stderr ?? ""}`;
  }
  const first = output.split("\n")[0];
  const runtime = /uncaught JavaScript runtime exception: (.*)$/.exec(first);
  const thrown = /exception from uncaught JavaScript throw: (.*)$/.exec(first);
  const message = runtime?.[1] ?? thrown?.[1] ?? first;
  return { id, source, rhino: { message } };
});
writeFileSync(new URL("./runtime.golden.json", import.meta.url), `${JSON.stringify(golden, null, 2)}\n`);
console.log(`recorded ${golden.length} snippets`);
