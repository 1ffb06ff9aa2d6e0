import { describe, expect, it, beforeAll, afterEach } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LiveCli } from "./cli-helpers";

const running: LiveCli[] = [];
afterEach(() => {
  for (const c of running.splice(0)) c.kill();
});

function watching(args: string[], cwd: string): LiveCli {
  const live = new LiveCli(args, cwd);
  running.push(live);
  return live;
}

/** Saves like an editor that writes a new file and renames it over the old one. */
function saveAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

const ready = (n: number) => (c: LiveCli) => c.count("stderr", "for changes; Ctrl+C to stop.") >= n;

beforeAll(() => {
  if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli (npm test does)");
});

describe("--watch", () => {
  it("run --watch re-runs on saving the script, the scenario and a library, survives bad edits, and Ctrl+C exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-watch-"));
    mkdirSync(join(dir, "lib"));
    writeFileSync(join(dir, "lib", "claims.js"), "exports.value = function () { return 'one'; };\n");
    writeFileSync(join(dir, "s.js"), "var lib = require('claims');\naccessToken.setField('v', lib.value());\n");
    writeFileSync(join(dir, "s.scenario.json"), JSON.stringify({ evaluator: "next-gen", libraries: { claims: "lib/claims.js" } }));
    const live = watching(["run", "s.js", "--watch", "--json"], dir);
    await live.until("the first run", (c) => c.count("stdout", '"evaluator"') === 1 && ready(1)(c));
    expect(live.stdout).toContain('"v": "one"');

    saveAtomically(join(dir, "s.js"), "var lib = require('claims');\naccessToken.setField('v', lib.value() + '-edited');\n");
    await live.until("a run after saving the script", (c) => c.stdout.includes('"v": "one-edited"') && ready(2)(c));
    expect(live.stderr).toContain("s.js changed; running again");

    writeFileSync(join(dir, "lib", "claims.js"), "exports.value = function () { return 'two'; };\n");
    await live.until("a run after saving the library", (c) => c.stdout.includes('"v": "two-edited"') && ready(3)(c));

    writeFileSync(join(dir, "s.scenario.json"), "{ not json");
    await live.until("the bad edit's error", (c) => /s\.scenario\.json: invalid scenario/.test(c.stderr) && ready(4)(c));
    expect(live.child.exitCode).toBeNull();

    writeFileSync(join(dir, "s.scenario.json"), JSON.stringify({ evaluator: "legacy" }));
    await live.until("a run after fixing the scenario", (c) => c.stdout.includes('"evaluator": "legacy"') && ready(5)(c));

    expect(await live.interrupt()).toBe(0);
  }, 90000);

  it("test --watch re-runs when a case changes or a new case appears, and a failing case does not end it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-watch-"));
    writeFileSync(join(dir, "s.js"), "accessToken.addExtraData('hello', 'world');\n");
    writeFileSync(join(dir, "a.case.json"), JSON.stringify({ name: "greets", script: "s.js", expect: { tokenResponse: { hello: "world" } } }));
    const live = watching(["test", "--watch"], dir);
    await live.until("the first summary", (c) => c.stdout.includes("1 passed, 0 failed") && ready(1)(c));

    writeFileSync(join(dir, "a.case.json"), JSON.stringify({ name: "greets", script: "s.js", expect: { tokenResponse: { hello: "there" } } }));
    await live.until("the failing run", (c) => c.stdout.includes("0 passed, 1 failed") && ready(2)(c));

    writeFileSync(join(dir, "b.case.json"), JSON.stringify({ name: "runs", script: "s.js" }));
    await live.until("the run with the new case", (c) => c.stdout.includes("1 passed, 1 failed") && ready(3)(c));

    expect(await live.interrupt()).toBe(0);
  }, 90000);

  it("check --watch checks again on save and keeps going after a syntax error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-watch-"));
    writeFileSync(join(dir, "s.js"), "var a = 1;\n");
    const live = watching(["check", "s.js", "--watch"], dir);
    await live.until("the first check", (c) => c.stdout.includes("no syntax errors") && ready(1)(c));
    saveAtomically(join(dir, "s.js"), "let a = 1;\n");
    await live.until("the syntax error", (c) => c.stdout.includes("s.js:1") && ready(2)(c));
    saveAtomically(join(dir, "s.js"), "var a = 2;\n");
    await live.until("the fixed check", (c) => c.count("stdout", "no syntax errors") === 2 && ready(3)(c));
    expect(await live.interrupt()).toBe(0);
  }, 90000);

  it("on a terminal it clears the screen before each re-run, and typing Ctrl+C exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-watch-"));
    writeFileSync(join(dir, "s.js"), "var a = 1;\n");
    const live = new LiveCli(["check", "s.js", "--watch"], dir, true);
    running.push(live);
    const watchingLines = (c: LiveCli) => c.count("stdout", "for changes; Ctrl+C to stop.");
    await live.until("the first check", (c) => watchingLines(c) === 1);
    expect(live.stdout).not.toContain("\x1b[2J");
    saveAtomically(join(dir, "s.js"), "var a = 2;\n");
    await live.until("the second check", (c) => watchingLines(c) === 2);
    const second = live.stdout.slice(live.stdout.indexOf("\x1b[2J"));
    expect(second).toMatch(/^\x1b\[2J\x1b\[3J\x1b\[Hs\.js changed; running again\r\n✔ s\.js: no syntax errors/);
    expect(await live.interrupt()).toBe(0);
  }, 60000);

  it("a missing script does not end the watch: it runs once the file appears", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-watch-"));
    const live = watching(["check", "later.js", "--watch"], dir);
    await live.until("the error", (c) => /later\.js.*no such file/.test(c.stderr) && ready(1)(c));
    writeFileSync(join(dir, "later.js"), "var a = 1;\n");
    await live.until("the check", (c) => c.stdout.includes("no syntax errors"));
    expect(await live.interrupt()).toBe(0);
  }, 60000);
});
