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
  function day(d) { return W[d.getUTCDay()] + " " + M[d.getUTCMonth()] + " " + p2(d.getUTCDate()) + " " + d.getUTCFullYear(); }
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
  /* An ISO date-time without a zone is UTC here, as on AM (QuickJS would read it in the host's zone). */
  D.parse = function parse(s) {
    s = String(s);
    return realParse(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(s) ? s + "Z" : s);
  };
})(Date)`;
