/** What a command may touch: its output streams and the working directory. Tests pass fakes. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Whether stdout / stderr are terminals: progress lines and screen clearing happen only there. */
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** Called with a handler for Ctrl+C by long-running commands (--watch); returns a function that removes it. */
  onInterrupt?(handler: () => void): () => void;
}

/** Bad usage or bad input: the command prints the message and exits with code 2, changing nothing. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export type CommandResult = number;
