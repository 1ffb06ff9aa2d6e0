/**
 * The watchdog's figures in the READMEs are the supervisor's constants (engine/supervisor/deadlines.ts), never
 * a hand's copy: the CLI's and the renderer's READMEs once said "one second" and "2 s" for the same margin.
 * `npm run figures` rewrites the marked copies.
 */
import { describe, it } from "vitest";
import { COLD_START_MS, WATCHDOG_MARGIN_MS } from "../../engine/supervisor/deadlines";
import { checkFigure } from "./figures";

describe("the watchdog's figures in the docs", () => {
  it("state the one margin past the script's limit", () => {
    checkFigure("watchdog-margin", `${WATCHDOG_MARGIN_MS} ms`);
  });

  it("state the cold-start allowance", () => {
    checkFigure("watchdog-cold-start", `${COLD_START_MS} ms`);
  });
});
