import { describe, expect, it, beforeAll, vi } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { cli } from "./cli-helpers";

// Each test spawns the CLI several times; on two shared cores that can take longer than the default 20 s.
vi.setConfig({ testTimeout: 120000 });

const COMMANDS: Record<string, string[]> = {
  run: ["--scenario", "--evaluator", "--other-rule", "--json", "--watch", "--allow-outside", "--help"],
  test: ["--reporter", "--jobs", "--watch", "--allow-outside", "--help"],
  check: ["--scenario", "--evaluator", "--json", "--watch", "--help"],
  import: ["--out", "--force", "--allow-outside", "--help"],
  flow: ["--scenario", "--evaluator", "--other-rule", "--json", "--help"],
  scenario: ["--out", "--force", "--help"],
  migrate: ["--scenario", "--out", "--force", "--json", "--help"],
  export: ["--like", "--out", "--force", "--evaluator", "--script", "--help"],
  schema: ["--result", "--help"],
  keys: ["--help"],
};

beforeAll(() => {
  if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli (npm test does)");
});

describe("token-playground help, version and option parsing", () => {
  it.each(Object.entries(COMMANDS))("%s --help, -h and help %s document every option and exit 0", (command, options) => {
    for (const args of [[command, "--help"], [command, "-h"], ["help", command]]) {
      const { code, stdout, stderr } = cli(args);
      expect(code, stderr).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: token-playground ${command}\\b`));
      for (const option of options) expect(stdout, `${args.join(" ")} documents ${option}`).toContain(option);
      // Each option sits on a line with its explanation, not just in the usage line.
      const optionLines = stdout.split("\n").filter((l) => /^\s+(-\w, )?--[\w-]+/.test(l));
      expect(optionLines).toHaveLength(options.length);
      for (const line of optionLines) expect(line.replace(/^\s+(-\w, )?--[\w-]+( \S+)?\s+/, "").length).toBeGreaterThan(10);
    }
  });

  it("--help even with other arguments wins over running (run --help with a script)", () => {
    const { code, stdout } = cli(["run", "samples/seed-legacy.js", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: token-playground run/);
    expect(stdout).not.toContain("Token response");
  });

  it("the overview lists every command, and --help, -h and help print it with exit 0", () => {
    for (const args of [["--help"], ["-h"], ["help"]]) {
      const { code, stdout } = cli(args);
      expect(code).toBe(0);
      for (const command of Object.keys(COMMANDS)) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
      expect(stdout).toContain("--version");
    }
    const none = cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: token-playground <command>");
    expect(cli(["help", "frobnicate"]).code).toBe(2);
  });

  it("--version and -v print the package's version", () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8"));
    for (const flag of ["--version", "-v"]) {
      const { code, stdout } = cli([flag]);
      expect(code).toBe(0);
      expect(stdout.trim()).toBe(version);
    }
  });

  it.each(Object.keys(COMMANDS))("%s: an unknown option exits 2 with that command's usage line", (command) => {
    const { code, stdout, stderr } = cli([command, "--frobnicate"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("unknown option --frobnicate");
    expect(stderr).toMatch(new RegExp(`usage: token-playground ${command}\\b`));
  });

  it("an option without its value, or a value for a switch, exits 2 saying so", () => {
    expect(cli(["run", "samples/seed-legacy.js", "--scenario"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--scenario needs a value") });
    expect(cli(["run", "samples/seed-legacy.js", "--json=yes"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--json takes no value") });
  });

  it.each([
    ["0x10", /whole number from 1 to 64, not "0x10"/],
    ["1.5", /whole number from 1 to 64, not "1.5"/],
    ["0", /from 1 to 64, not 0/],
    ["200", /from 1 to 64, not 200/],
    ["-1", /--jobs needs a value/],
    ["=-1", /whole number from 1 to 64, not "-1"/],
    ["", /--jobs needs a value/],
  ])("test --jobs %s is refused with exit 2", (value, message) => {
    const args = value.startsWith("=") ? ["test", "samples", `--jobs${value}`] : ["test", "samples", "--jobs", value];
    const { code, stdout, stderr } = cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it("test --jobs beyond the cores is clamped to them with a note on stderr, and still runs", () => {
    const cores = availableParallelism();
    const { code, stdout, stderr } = cli(["test", "samples/seed-legacy.case.json", "--jobs", String(cores + 1)]);
    const seen = `exit ${code}\nstdout:\n${stdout}\nstderr:\n${stderr}`;
    expect(code, seen).toBe(0);
    expect(stderr, seen).toContain(`--jobs ${cores + 1} is more than this machine's ${cores} core(s); using ${cores}`);
    expect(stdout, seen).toMatch(/1 passed, 0 failed/);
    const exact = cli(["test", "samples/seed-legacy.case.json", "--jobs", "1"]);
    expect(exact.code).toBe(0);
    expect(exact.stderr).toBe("");
  });
});
