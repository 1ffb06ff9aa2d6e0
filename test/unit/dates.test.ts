/**
 * A script's dates read as on AM (UTC, Rhino's formats) whatever zone the playground runs in: the CLI on a
 * laptop in Tokyo and the app in a browser in New York must show what AM shows. Rhino's own answers are the
 * date.* goldens in test/conformance/legacy.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "tsp-dates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runIn(timeZone: string, script: string): string {
  const file = path.join(dir, "dates.js");
  writeFileSync(file, script);
  const out = execFileSync(process.execPath, ["bin/token-playground.js", "run", file, "--evaluator", "legacy", "--json"], {
    env: { ...process.env, TZ: timeZone },
    encoding: "utf8",
  });
  const result = JSON.parse(out) as { error: unknown; introspection: Record<string, unknown> };
  expect(result.error).toBeNull();
  return String(result.introspection.out);
}

describe("dates in a script", () => {
  const script = [
    "var d = new Date(2026, 0, 2, 3, 4, 5);",
    "accessToken.setField('out', [String(d), d.getHours(), d.getTimezoneOffset(), new Date('2026-01-02T03:04:05').getTime(), d.toLocaleString()].join(' | '));",
  ].join("\n");

  it("read as AM's Rhino shows them, in UTC", () => {
    expect(runIn("UTC", script)).toBe("Fri Jan 02 2026 03:04:05 GMT-0000 (UTC) | 3 | 0 | 1767323045000 | January 2, 2026 3:04:05 AM UTC");
  });

  it("do not depend on the zone the playground runs in", () => {
    const utc = runIn("UTC", script);
    expect(runIn("Asia/Tokyo", script)).toBe(utc);
    expect(runIn("America/New_York", script)).toBe(utc);
  });
});
