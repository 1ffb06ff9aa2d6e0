#!/usr/bin/env node
/**
 * Re-records rhino-date-parse.json: what Rhino 1.7.14 (`rhino -version 0 -opt -1`, TZ=UTC as AM runs) answers for
 * Date.parse(text), and for the text of a date whose year is below 1000 or negative:
 *   node test/unit/goldens/record-date-parse.mjs
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const TEXTS = [
  "2020-01-01", "2020-01-01T10:00:00", "2020-01-01T10:00:00Z", "2020-01-01T10:00:00.123Z", "2020-01-01T10:00:00+02:00",
  "2020-01-01T10:00:00.1234567Z", "2020-01-01T10:00Z", "2020-01-01 10:00:00", "2020-1-1", "2020/01/01", "2020/01/01 10:00:00",
  "01/02/2020", "1/2/2020 3:04:05 PM", "Jan 2, 2020", "January 2, 2020 10:00:00", "2 January 2020", "Thu, 02 Jan 2020 10:00:00 GMT",
  "Thu, 02 Jan 2020 10:00:00 +0100", "Thu Jan 02 2020 10:00:00 GMT+0000 (UTC)", "Thu Jan 02 2020", "2020-01-01T24:00:00Z", "2020-02-30",
  "2020-13-01", "20200101", "2020", "2020-06", "+002020-01-01T00:00:00Z", "-000001-01-01T00:00:00Z", "1970-01-01T00:00:00.000+0000",
  "2020-01-01T10:00:00.000-0500", "Wed, 31 Dec 1969 23:59:59 GMT", "12:00", "", "now", "1577836800000", "2020-01-01T10:00:00z",
  "2020-01-01t10:00:00Z", "Mon, 1 Jan 2024 00:00:00 UTC", "2024-03-10T02:30:00", "2020-01-1", "1-1-2020", "01-02-2020", "2020-01-01 10:00",
  "2020-01-01T10:00:00.1Z", "2020-01-01T10:00:00.12Z", "2020-01-01T10:00:00.1234Z", "2020-01-32", "2020-00-10", "2020-02-29", "2019-02-29",
  "2020-04-31", "2020-01-01T25:00Z", "2020-01-01T24:00:01Z", "2020-01-01T23:60Z", "2020-01-01T23:59:60Z", "2020-01-01T10:00:00+2:00",
  "2020-01-01T10:00:00+0200", "2020-01-01T10Z", "2020-01-01T10:00:00.Z", "2020-01-01T10:00:00,5Z", "2020-01-01T10:00:00+24:00",
  "2020-01-01T10:00:00+23:59", "2020-01-01T10:00:00.000+00:60", "20-01-01", "02020-01-01", "2020-01-01T", "2020-01-01Z", "2020-01Z", "2020Z",
  "2020-01-01T10:00:00 Z", " 2020-01-01", "2020-01-01 ", "2020-01-01T10:00:00.000ZZ", "Jan 1 2020 10:00:00 GMT+0200", "2020/1/1 10:00 PM",
  "1/1/2020 10:00:00 UTC", "Jan 1, 2020 10:00:00.500", "Tuesday, January 1, 2020", "2020-01-01T10:00:00.000+01:00x", "0099-01-01",
  "1900-02-29", "2000-02-29", "2024-12-31T23:59:59.999Z",
];
export const YEARS = [5, -5, -1, 999, 12345, -12345];

if (import.meta.url === `file://${process.argv[1]}`) {
  const work = mkdtempSync(join(tmpdir(), "rhino-date-"));
  try {
    const file = join(work, "dates.js");
    writeFileSync(file, `var t = ${JSON.stringify(TEXTS)}, y = ${JSON.stringify(YEARS)}, parsed = [], shown = [];
for (var i = 0; i < t.length; i++) parsed.push(String(Date.parse(t[i])));
for (var j = 0; j < y.length; j++) { var d = new Date(0); d.setUTCFullYear(y[j]); shown.push(String(d) + " | " + d.toDateString()); }
print(JSON.stringify({ parsed: parsed, shown: shown }));`);
    const out = JSON.parse(execFileSync("rhino", ["-version", "0", "-opt", "-1", file], { encoding: "utf8", env: { ...process.env, TZ: "UTC" } }));
    const golden = { recorded: `rhino -version 0 -opt -1, TZ=UTC, ${new Date().toISOString().slice(0, 10)}`, parse: TEXTS.map((t, i) => [t, out.parsed[i]]), years: YEARS.map((y, i) => [y, out.shown[i]]) };
    writeFileSync(new URL("./rhino-date-parse.json", import.meta.url), `${JSON.stringify(golden, null, 1)}\n`);
    console.log(`recorded ${TEXTS.length} texts, ${YEARS.length} years`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
