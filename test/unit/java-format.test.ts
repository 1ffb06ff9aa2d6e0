/**
 * java.lang.String.format in legacy scripts, as AM's Rhino 1.7.14 on OpenJDK 17 answers (rhino -version 0 -opt -1;
 * the exceptions' classes are not on AM's allow-list, so a script catches them as InternalError with the message,
 * as test/unit/java-string-edges.test.ts records). A JS number reaches Java as a Double: `%d` of it fails in AM,
 * `%d` of java.lang.Integer.valueOf(n) works; fixed and scientific conversions round HALF_UP on the shortest decimal
 * form (2.675 → 2.68, where JavaScript's toFixed gives 2.67). Until now the playground formatted %s and %d only, %d
 * of any number, and left %.2f as written.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";

const PROBES: [string, string][] = [
  ["s", 'F("%s|%S|%5s|%-5s|%.2s", "abc", "abc", "ab", "ab", "abc")'],
  ["sTypes", 'F("%s %s %s %s", 3, 1.5, true, null)'],
  ["d", 'F("%d|%5d|%-5d|%05d|%+d|%,d|%(d", I, I, I, I, I, java.lang.Integer.valueOf(1234567), L)'],
  ["dNum", 'F("%d", 42)'],
  ["xo", 'F("%x|%X|%o|%x|%08x", I, I, I, N, I)'],
  ["xLong", 'F("%x", L)'],
  ["f", 'F("%f|%.2f|%.0f|%8.3f|%-8.1f|%,.2f|%+.1f", 3.14159, 2.675, 2.5, 3.14159, 1.25, 1234567.891, 1.0)'],
  ["fHalf", 'F("%.2f|%.1f|%.1f|%.2f", 0.125, 0.05, 0.15, 1.005)'],
  ["fInt", 'F("%.1f", I)'],
  ["e", 'F("%e|%.2e|%E|%.3e", 3.14159, 12345.678, 0.000123, 0)'],
  ["g", 'F("%g|%.3g|%g|%g", 3.14159, 12345.678, 0.0000123, 1234567.0)'],
  ["b", 'F("%b|%b|%b|%B|%b", true, false, null, "x", 0)'],
  ["idx", 'F("%2$s %1$s %<s", "a", "b")'],
  ["missing", 'F("%s %s", "a")'],
  ["unknown", 'F("%q", "a")'],
  ["cStr", 'F("%c", "a")'],
  ["nan", 'F("%.2f|%f|%e", NaN, Infinity, -Infinity)'],
  ["negZero", 'F("%.1f", -0.04)'],
  ["big", 'F("%.2f", 1e21)'],
  ["tiny", 'F("%f", 1e-7)'],
  ["extra", 'F("%s", "a", "b")'],
  ["flagErr", 'F("%-d", I)'],
];

// What Rhino printed for each probe, with the exceptions as AM's class shutter shows them.
const RHINO: Record<string, string> = {
  s: "=> [abc|ABC|   ab|ab   |ab]",
  sTypes: "=> [3.0 1.5 true null]",
  d: "=> [42|   42|42   |00042|+42|1,234,567|(7)]",
  dNum: "threw InternalError: d != java.lang.Double",
  xo: "=> [2a|2A|52|ffffff01|0000002a]",
  xLong: "=> [fffffffffffffff9]",
  f: "=> [3.141590|2.68|3|   3.142|1.3     |1,234,567.89|+1.0]",
  fHalf: "=> [0.13|0.1|0.2|1.01]",
  fInt: "threw InternalError: f != java.lang.Integer",
  e: "=> [3.141590e+00|1.23e+04|1.230000E-04|0.000e+00]",
  g: "=> [3.14159|1.23e+04|1.23000e-05|1.23457e+06]",
  b: "=> [true|false|false|TRUE|true]",
  idx: "=> [b a a]",
  missing: "threw InternalError: Format specifier '%s'",
  unknown: "threw InternalError: Conversion = 'q'",
  cStr: "threw InternalError: c != java.lang.String",
  nan: "=> [NaN|Infinity|-Infinity]",
  negZero: "=> [-0.0]",
  big: "=> [1000000000000000000000.00]",
  tiny: "=> [0.000000]",
  extra: "=> [a]",
  flagErr: "threw InternalError: %-d",
};

describe("String.format as Java formats what Rhino hands it", () => {
  it("every conversion, flag and refusal the probes cover answers as Rhino printed it (the method called detached, as a static may be)", async () => {
    const script = `function show(tag, f) { try { logger.error(tag + " => [" + f() + "]"); } catch (e) { logger.error(tag + " threw " + e.name + ": " + e.message); } }
var F = java.lang.String.format;
var I = java.lang.Integer.valueOf(42), L = java.lang.Long.valueOf(-7), N = java.lang.Integer.valueOf(-255);
${PROBES.map(([tag, expr]) => `show(${JSON.stringify(tag)}, function () { return ${expr}; });`).join("\n")}`;
    const result = await run(script, {}, { evaluator: "legacy" });
    expect(result.error).toBeNull();
    const got = Object.fromEntries(result.logs.map((l) => [l.message.split(" ")[0], l.message.slice(l.message.indexOf(" ") + 1)]));
    expect(got).toEqual(RHINO);
  });

  it("%d of a JS number says why it fails in AM (a warning beside Rhino's terse message)", async () => {
    const result = await run('java.lang.String.format("%d items", new java.util.ArrayList().size());', {}, { evaluator: "legacy" });
    expect(result.error?.message).toContain("d != java.lang.Double");
    expect(result.warnings.find((w) => w.code === "format-number-is-double")?.message).toContain("Use %.0f or %s, or pass java.lang.Integer.valueOf(n)");
  });

  it("an instance method called without its object still fails as Rhino says (only a class's methods are static)", async () => {
    const result = await run('var sub = new java.lang.String("abc").substring; sub(1);', {}, { evaluator: "legacy" });
    expect(result.error?.message).toContain('Java method "substring" was invoked with [object global] as "this" value');
  });
});
