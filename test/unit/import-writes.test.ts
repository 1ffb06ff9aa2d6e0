/**
 * `import` writes all of its files or none: whatever the disk says no to (a file where a folder should be,
 * a folder where a file goes, no permission, a name too long), it exits 2 naming the path and the reason
 * and leaves everything as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importCommand, writeAllOrNothing } from "../../cli/commands/import";
import type { CliIO } from "../../cli/io";
import { MAX_SLUG_LENGTH } from "../../engine/import/file-names";

const FIXTURES = fileURLToPath(new URL("../fixtures/exports/", import.meta.url));
/** Two scripts, so four files: a failure can come after some were "written". */
const TWO_SCRIPTS = join(FIXTURES, "am-rest-query.json");
const ONE_SCRIPT = join(FIXTURES, "am-rest-script.json");
let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "import-writes-"));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function fakeIO(): CliIO & { out: string; err: string } {
  const io = { out: "", err: "", cwd: work, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/** Every path under `dir` (folders too) with file contents, to prove a failed import changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    out[full] = entry.isFile() ? readFileSync(full, "utf8") : "<folder>";
  }
  return out;
}

describe("import reads only a regular export file", () => {
  it("/dev/zero and a FIFO exit 2 at once, naming the file", async () => {
    const zero = fakeIO();
    expect(await importCommand(["/dev/zero"], zero)).toBe(2);
    expect(zero.err).toBe("import: cannot read the export file /dev/zero: is a device, not a regular file\n");
    execFileSync("mkfifo", [join(work, "pipe.json")]);
    const fifo = fakeIO();
    expect(await importCommand(["pipe.json", "--out", "out"], fifo)).toBe(2);
    expect(fifo.err).toBe("import: cannot read the export file pipe.json: is a FIFO (named pipe), not a regular file\n");
    expect(readdirSync(work)).toEqual(["pipe.json"]);
  });
});

describe("import writes all or nothing", () => {
  it("the export has more than one script (so the failures below come part-way)", async () => {
    const io = fakeIO();
    expect(await importCommand([TWO_SCRIPTS, "--out", join(work, "ok")], io)).toBe(0);
    expect(readdirSync(join(work, "ok")).length).toBeGreaterThanOrEqual(4);
  });

  it("a file where a folder should be: exit 2 naming it, nothing written", async () => {
    writeFileSync(join(work, "plain-file"), "x");
    const before = snapshot(work);
    const io = fakeIO();
    expect(await importCommand([TWO_SCRIPTS, "--out", join(work, "plain-file", "sub")], io)).toBe(2);
    expect(io.err).toMatch(/^import: cannot write .*plain-file.*: a file is where a folder should be; nothing was written\n$/);
    expect(io.out).toBe("");
    expect(snapshot(work)).toEqual(before);
  });

  it("--force over a folder: exit 2 naming it, nothing written, the folder untouched", async () => {
    const first = fakeIO();
    expect(await importCommand([TWO_SCRIPTS, "--out", work], first)).toBe(0);
    const files = readdirSync(work).sort();
    // Replace the last planned file with a folder holding something of the user's.
    const victim = join(work, files[files.length - 1]);
    rmSync(victim);
    mkdirSync(victim);
    writeFileSync(join(victim, "mine.txt"), "keep me");
    for (const f of files.slice(0, -1)) writeFileSync(join(work, f), `edited ${f}`);
    const before = snapshot(work);
    const io = fakeIO();
    expect(await importCommand([TWO_SCRIPTS, "--out", work, "--force"], io)).toBe(2);
    expect(io.err).toContain(`${files[files.length - 1]} is a folder; nothing was written`);
    expect(snapshot(work)).toEqual(before);
  });

  it("no permission: exit 2 with the OS reason, nothing written", async () => {
    // /sys refuses new folders even to root, so this holds whoever runs the tests.
    const io = fakeIO();
    expect(await importCommand([TWO_SCRIPTS, "--out", "/sys/token-playground-import-test"], io)).toBe(2);
    expect(io.err).toBe("import: cannot write /sys/token-playground-import-test: permission denied; nothing was written\n");
    expect(existsSync("/sys/token-playground-import-test")).toBe(false);
  });

  it("a folder name too long for the file system: exit 2 naming it, nothing created", async () => {
    const io = fakeIO();
    const out = join(work, "parent", "x".repeat(300), "child");
    expect(await importCommand([TWO_SCRIPTS, "--out", out], io)).toBe(2);
    expect(io.err).toMatch(/cannot write .*x{300}.*: the name is too long for the file system; nothing was written/);
    expect(readdirSync(work)).toEqual([]);
  });

  it("a 300-character script name imports under a shortened file name", async () => {
    const record = JSON.parse(readFileSync(ONE_SCRIPT, "utf8"));
    record.name = `Token ${"very ".repeat(60)}long`;
    writeFileSync(join(work, "long.json"), JSON.stringify(record));
    const io = fakeIO();
    expect(await importCommand(["long.json", "--out", "out"], io)).toBe(0);
    const names = readdirSync(join(work, "out"));
    expect(names).toHaveLength(2);
    for (const name of names) {
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
      expect(name.startsWith("Token-very-very")).toBe(true);
    }
    expect(Math.max(...names.map((n) => n.replace(/\.(js|scenario\.json)$/, "").length))).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });

  it("a failure while moving files into place puts back every file it replaced and removes the new ones", () => {
    const out = join(work, "out");
    mkdirSync(out);
    writeFileSync(join(out, "a.js"), "old a");
    writeFileSync(join(out, "keep.txt"), "untouched");
    const before = snapshot(work);
    const writes = ["a.js", "b.js", "c.js"].map((name) => ({ file: join(out, name), content: `new ${name}` }));
    // Another program makes a folder where c.js goes after the files were staged.
    const outcome = writeAllOrNothing(out, writes, () => mkdirSync(join(out, "c.js")));
    expect(outcome).toEqual({ ok: false, path: join(out, "c.js"), reason: "it is a folder" });
    rmSync(join(out, "c.js"), { recursive: true });
    expect(snapshot(work)).toEqual(before);
  });

  it("a new output folder is removed again when the import fails in it", () => {
    const out = join(work, "new", "deeper");
    const outcome = writeAllOrNothing(out, [{ file: join(out, "a.js"), content: "a" }, { file: join(out, `${"y".repeat(300)}.js`), content: "b" }]);
    expect(outcome).toMatchObject({ ok: false, reason: "the name is too long for the file system" });
    expect(readdirSync(work)).toEqual([]);
  });
});
