/**
 * Dates as AM's Rhino shows them. AM runs in UTC, and Rhino prints dates its own way
 * ("Fri Jan 02 2026 03:04:05 GMT-0000 (UTC)", toLocaleString "January 2, 2026 3:04:05 AM UTC" from Java's
 * en_US long format, toGMTString), where QuickJS prints "GMT+0000" and its own locale text, and reads local
 * time in the host's zone (a browser's, in the app). Recorded in Rhino: probes date.* in
 * test/conformance/legacy.
 *
 * Evaluated after the prelude only when the script may create or print Date objects (run.ts: any use of
 * `Date` other than `Date.now()` / `Date.UTC()`), so other scripts do not pay for compiling it. Plain ASCII: QuickJS parses non-ASCII source on a slower path.
 */
export const RHINO_DATE_SOURCE = String.raw`(function (D) {
  var P = D.prototype, utcString = P.toUTCString, realParse = D.parse;
  var W = "Sun,Mon,Tue,Wed,Thu,Fri,Sat".split(","), M = "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec".split(",");
  var LONG = "January,February,March,April,May,June,July,August,September,October,November,December".split(",");
  function p2(n) { return n < 10 ? "0" + n : "" + n; }
  function ok(d) { var t = d.getTime(); return t === t; }
  function time(d) { return p2(d.getUTCHours()) + ":" + p2(d.getUTCMinutes()) + ":" + p2(d.getUTCSeconds()) + " GMT-0000 (UTC)"; }
  // Rhino writes the year with at least four digits after its sign: 0005, -0001, 12345.
  function year4(y) { var t = "" + (y < 0 ? -y : y); while (t.length < 4) t = "0" + t; return (y < 0 ? "-" : "") + t; }
  function day(d) { return W[d.getUTCDay()] + " " + M[d.getUTCMonth()] + " " + p2(d.getUTCDate()) + " " + year4(d.getUTCFullYear()); }
  function longDay(d) { return LONG[d.getUTCMonth()] + " " + d.getUTCDate() + ", " + d.getUTCFullYear(); }
  function clock(d) {
    var h = d.getUTCHours();
    return (h % 12 === 0 ? 12 : h % 12) + ":" + p2(d.getUTCMinutes()) + ":" + p2(d.getUTCSeconds()) + (h < 12 ? " AM" : " PM") + " UTC";
  }
  function def(name, f) { Object.defineProperty(P, name, { value: f, writable: true, configurable: true }); }
  function text(f) { return function () { return ok(this) ? f(this) : "Invalid Date"; }; }
  def("toString", text(function (d) { return day(d) + " " + time(d); }));
  def("toDateString", text(day));
  def("toTimeString", text(time));
  def("toLocaleString", text(function (d) { return longDay(d) + " " + clock(d); }));
  def("toLocaleDateString", text(longDay));
  def("toLocaleTimeString", text(clock));
  def("toGMTString", utcString);
  def("getTimezoneOffset", function () { return ok(this) ? 0 : NaN; });
  var local = "FullYear,Month,Date,Day,Hours,Minutes,Seconds,Milliseconds".split(",");
  for (var i = 0; i < local.length; i++) {
    def("get" + local[i], P["getUTC" + local[i]]);
    if (local[i] !== "Day") def("set" + local[i], P["setUTC" + local[i]]);
  }
  /*
   * Rhino reads a text first as its ISO format, strictly: YYYY or ±YYYYYY, then -MM, -DD, THH:mm, :ss, .sss (three
   * digits exactly) and, after a time only, Z or ±HH:mm or ±HHmm; every field in range (a day past its month's end,
   * 24:00 with minutes, a 60th second are refused). Failing that, its older parser, which reads no hyphenated dates
   * ("2020-1-1", "2020-01-01 10:00") and no milliseconds ("10:00:00.500"): NaN, where QuickJS reads all of these.
   * Recorded with rhino -version 0 -opt -1 (test/unit/rhino-date-parse.test.ts). An ISO date-time without a zone is
   * UTC here, as on AM (QuickJS would read it in the host's zone). No regular expression: RegExp's legacy statics.
   */
  function digits(s, at, n) {
    if (at + n > s.length) return -1;
    var v = 0;
    for (var i = at; i < at + n; i++) { var c = s.charCodeAt(i) - 48; if (c < 0 || c > 9) return -1; v = v * 10 + c; }
    return v;
  }
  function iso(s) {
    var at = 0, sign = 1, year;
    if (s.charAt(0) === "+" || s.charAt(0) === "-") { sign = s.charAt(0) === "-" ? -1 : 1; year = digits(s, 1, 6); at = 7; }
    else { year = digits(s, 0, 4); at = 4; }
    if (year < 0) return null;
    year *= sign;
    var month = 1, dayOf = 1, h = 0, m = 0, sec = 0, ms = 0, zone = 0, timed = false;
    if (s.charAt(at) === "-") { month = digits(s, at + 1, 2); at += 3; if (month < 0) return null;
      if (s.charAt(at) === "-") { dayOf = digits(s, at + 1, 2); at += 3; if (dayOf < 0) return null; } }
    if (s.charAt(at) === "T") {
      timed = true;
      h = digits(s, at + 1, 2); if (s.charAt(at + 3) !== ":") return null; m = digits(s, at + 4, 2); at += 6;
      if (h < 0 || m < 0) return null;
      if (s.charAt(at) === ":") { sec = digits(s, at + 1, 2); at += 3; if (sec < 0) return null;
        if (s.charAt(at) === ".") { ms = digits(s, at + 1, 3); at += 4; if (ms < 0 || digits(s, at, 1) >= 0) return null; } }
      var z = s.charAt(at);
      if (z === "Z") at++;
      else if (z === "+" || z === "-") {
        var zh = digits(s, at + 1, 2), colon = s.charAt(at + 3) === ":", zm = digits(s, at + (colon ? 4 : 3), 2);
        if (zh < 0 || zm < 0 || zh > 23 || zm > 59) return null;
        zone = (z === "-" ? -1 : 1) * (zh * 60 + zm); at += colon ? 6 : 5;
      }
    }
    if (at !== s.length) return null;
    var monthDays = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (month < 1 || month > 12 || dayOf < 1 || dayOf > monthDays[month - 1] || m > 59 || sec > 59 || h > 24 || (h === 24 && (m || sec || ms))) return NaN;
    var t = D.UTC(year, month - 1, dayOf, h, m, sec, ms);
    if (year >= 0 && year < 100) t = new D(t).setUTCFullYear(year);
    return timed ? t - zone * 60000 : t;
  }
  // Digits a year starts with, then the end, "-" or "T": a text Rhino reads as ISO only, so a failure is NaN.
  function isoShaped(s) {
    var i = s.charAt(0) === "+" || s.charAt(0) === "-" ? 1 : 0, n = 0;
    while (digits(s, i + n, 1) >= 0) n++;
    var next = s.charAt(i + n);
    return n >= 4 && (next === "" || next === "-" || next === "T" || next === "Z" || next === "t" || next === "z");
  }
  function older(s) {
    if (isoShaped(s)) return NaN;
    for (var i = 1; i + 1 < s.length; i++) {
      var c = s.charAt(i), before = s.charCodeAt(i - 1), after = s.charCodeAt(i + 1);
      if ((c === "-" || c === ".") && before >= 48 && before <= 57 && after >= 48 && after <= 57) return NaN;
    }
    return realParse(s);
  }
  D.parse = function parse(s) {
    s = String(s);
    var read = iso(s);
    return read === null ? older(s) : read;
  };
})(Date)`;
