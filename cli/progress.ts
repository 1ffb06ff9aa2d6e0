/**
 * Progress of `test` on a terminal: one line on stderr that counts finished cases ("12/400 cases…"), and each
 * failure on its own line as it happens, so a long run is never silent. When stderr is not a terminal
 * (CI logs, pipes) nothing is printed here and the report at the end is the whole output.
 */
import type { CliIO } from "./io";

export interface CaseProgress {
  /** Wraps the function that runs one case, counting it (and showing it if it failed) when it settles. */
  each<A extends unknown[], R extends { passed: boolean; name: string; file: string; problems: string[] }>(
    runCase: (...args: A) => Promise<R>,
  ): (...args: A) => Promise<R>;
  /** Removes the progress line before the report is printed. */
  end(): void;
}

/** Redraw at most this often: a fast suite finishes hundreds of cases a second. */
const REDRAW_MS = 80;

export function caseProgress(io: CliIO, total: number): CaseProgress {
  const live = io.stderrIsTTY === true && total > 0;
  let done = 0;
  let failed = 0;
  let lastDraw = 0;
  let shown = false;

  const clear = () => {
    if (shown) io.stderr("\r\x1b[2K");
    shown = false;
  };
  const draw = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    io.stderr(`\r\x1b[2K${done}/${total} cases…${failed ? ` ${failed} failed` : ""}`);
    shown = true;
  };
  if (live) draw(true);

  return {
    each(runCase) {
      return async (...args) => {
        const outcome = await runCase(...args);
        done++;
        if (!live) return outcome;
        if (!outcome.passed) {
          failed++;
          clear();
          io.stderr(`✖ ${outcome.name} (${outcome.file})${outcome.problems[0] ? `: ${outcome.problems[0].split("\n")[0]}` : ""}\n`);
        }
        draw(!outcome.passed || done === total);
        return outcome;
      };
    },
    end() {
      if (live) clear();
    },
  };
}
