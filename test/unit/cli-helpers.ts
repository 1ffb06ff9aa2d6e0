import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";

export const BIN = join(process.cwd(), "bin/token-playground.js");

export function cli(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60000 });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI under a pseudo-terminal (util-linux `script`), so it sees a TTY as it does in a user's shell. */
export function cliOnTerminal(args: string[], cwd = process.cwd()) {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  const result = spawnSync("script", ["-qefc", `exec ${command} 2>&1`, "/dev/null"], { cwd, encoding: "utf8", timeout: 60000 });
  return { code: result.status, output: result.stdout };
}

/** A long-running CLI (--watch) whose output can be awaited by polling. */
export class LiveCli {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = "";
  stderr = "";
  private exited: Promise<number | null>;

  /** On a terminal (`script`), output comes merged on stdout and Ctrl+C is typed, as a user would.
   *  `exec` leaves no shell between `script` and the CLI: a waiting dash (CI's SHELL may be /bin/sh) takes the
   *  typed Ctrl+C itself and dies of it, so `script` reported 130 whatever the CLI did. */
  constructor(
    args: string[],
    cwd: string,
    private readonly terminal = false,
  ) {
    this.child = terminal
      ? spawn("script", ["-qefc", `exec ${[process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ")}`, "/dev/null"], { cwd })
      : spawn(process.execPath, [BIN, ...args], { cwd });
    this.child.stdout.setEncoding("utf8").on("data", (d: string) => (this.stdout += d));
    this.child.stderr.setEncoding("utf8").on("data", (d: string) => (this.stderr += d));
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
  }

  /** Polls until `check` holds, failing with what was printed if it does not within the time. */
  async until(what: string, check: (cli: LiveCli) => boolean, ms = 30000): Promise<void> {
    const started = Date.now();
    while (!check(this)) {
      if (this.child.exitCode !== null) throw new Error(`exited ${this.child.exitCode} waiting for ${what}\n${this.stdout}\n${this.stderr}`);
      if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  count(stream: "stdout" | "stderr", text: string): number {
    return this[stream].split(text).length - 1;
  }

  async interrupt(): Promise<number | null> {
    if (this.terminal) this.child.stdin.write("\x03");
    else this.child.kill("SIGINT");
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}
