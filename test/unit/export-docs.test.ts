import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cli } from "./cli-helpers";

vi.setConfig({ testTimeout: 120000 });

const DOC = readFileSync("docs/evidence.md", "utf8");
const SECTION = DOC.slice(DOC.indexOf("## Back to the tenant"));
const BLOCK = /```sh\n([\s\S]*?)```/.exec(SECTION)?.[1] ?? "";

let work: string | undefined;
afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('docs/evidence.md "Back to the tenant"', () => {
  it("its token-playground commands run as written and give back the file frodo imports", () => {
    const commands = BLOCK.split("\n").filter((line) => line.startsWith("node bin/token-playground.js "));
    expect(commands.map((c) => c.split(" ")[2])).toEqual(["import", "export"]);
    expect(BLOCK).toMatch(/^frodo script import -f back\/allAlphaScripts\.script\.json /m);
    work = mkdtempSync(join(tmpdir(), "export-docs-"));
    copyFileSync("test/fixtures/exports/frodo-allAlphaScripts.script.json", join(work, "frodo-allAlphaScripts.script.json"));
    for (const command of commands) {
      const args = command.slice("node bin/token-playground.js ".length).split(" ");
      const result = cli(args, work);
      expect(result.code, `${command}\n${result.stderr}`).toBe(0);
    }
    // Unedited, the file that goes back is the one that came out of the tenant.
    expect(readFileSync(join(work, "back/allAlphaScripts.script.json"), "utf8")).toBe(
      readFileSync("test/fixtures/exports/frodo-allAlphaScripts.script.json", "utf8"),
    );
  });
});
