/**
 * java.lang.String at its edges, and how a caught Java exception looks, as AM's Rhino 1.7.14 answers. Goldens:
 *   rhino -version 0 -opt -1 probe.js        (Debian's Rhino 1.7.14 on OpenJDK 17, AM's interpreted mode)
 * and, for the exception's name, a Context with a ClassShutter that admits java.lang.String,
 * java.io.UnsupportedEncodingException and java.lang.Integer only (AM's allow-list has the first two, not
 * StringIndexOutOfBoundsException): Rhino's catch makes a JavaException "<class>: <message>" of a class the shutter
 * shows, an InternalError "<message>" of any other. Rhino appends the script's position to its own conversion
 * errors, " (<Unknown source>#line)" in AM's legacy evaluator (engine/evaluators/rhino-position.ts).
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";

async function outcomes(probes: Record<string, string>): Promise<Record<string, string>> {
  const body = Object.entries(probes)
    .map(([tag, expr]) => `show(${JSON.stringify(tag)}, function () { return ${expr}; });`)
    .join("\n");
  const script = `var s = new java.lang.String("abc");
function show(tag, f) { try { logger.error(tag + " => " + f()); } catch (e) { logger.error(tag + " threw " + e.name + ": " + e.message); } }
${body}`;
  const result = await run(script, {}, { evaluator: "legacy" });
  expect(result.error).toBeNull();
  return Object.fromEntries(result.logs.map((l) => [l.message.split(" ")[0], l.message.slice(l.message.indexOf(" ") + 1)]));
}

describe("java.lang.String's bounds and int arguments, as Rhino hands them to Java", () => {
  it("substring and codePointAt throw Java's StringIndexOutOfBoundsException instead of clamping (JDK 17's words)", async () => {
    expect(
      await outcomes({
        sub5: "s.substring(5)",
        subMinus1: "s.substring(-1)",
        sub2to1: "s.substring(2, 1)",
        sub1to9: "s.substring(1, 9)",
        sub1dot7: "s.substring(1.7)",
        subMinusHalf: "s.substring(-0.5)",
        subString2: 's.substring("2")',
        cp9: "s.codePointAt(9)",
        charAtString: 's.charAt("1")',
      }),
    ).toEqual({
      sub5: "threw InternalError: begin 5, end 3, length 3",
      subMinus1: "threw InternalError: begin -1, end 3, length 3",
      sub2to1: "threw InternalError: begin 2, end 1, length 3",
      sub1to9: "threw InternalError: begin 1, end 9, length 3",
      sub1dot7: "=> bc",
      subMinusHalf: "=> abc",
      subString2: "=> c",
      cp9: "threw InternalError: index 9, length 3",
      charAtString: "=> 98",
    });
  });

  it("a value that is not a finite int is refused as Rhino refuses it", async () => {
    expect(await outcomes({ nan: "s.substring(NaN)", inf: "s.substring(Infinity)", big: "s.substring(4294967297)", word: 's.substring("x")' })).toEqual({
      nan: "threw InternalError: Cannot convert NaN to java.lang.Integer (<Unknown source>#3)",
      inf: "threw InternalError: Cannot convert Infinity to java.lang.Integer (<Unknown source>#4)",
      big: "threw InternalError: Cannot convert 4294967297 to java.lang.Integer (<Unknown source>#5)",
      word: "threw InternalError: Cannot convert x to java.lang.Integer (<Unknown source>#6)",
    });
  });

  it("trim() drops only chars up to U+0020; strip() drops Java's whitespace, which leaves the no-break space", async () => {
    expect(
      await outcomes({
        trimNbsp: '"[" + new java.lang.String("\\u00a0x\\u00a0").trim() + "]"',
        trimControls: '"[" + new java.lang.String("\\u0001x\\t").trim() + "]"',
        stripEmSpaceNbsp: '"[" + new java.lang.String("\\u2003x\\u00a0").strip() + "]"',
      }),
    ).toEqual({ trimNbsp: "=> [\u00a0x\u00a0]", trimControls: "=> [x]", stripEmSpaceNbsp: "=> [x\u00a0]" });
  });
});

describe("a caught Java exception", () => {
  it("of a class AM's allow-list shows is a JavaException naming the class; of another, an InternalError with the message", async () => {
    expect(await outcomes({ enc: 's.getBytes("FOO")', bounds: "s.substring(5)" })).toEqual({
      enc: "threw JavaException: java.io.UnsupportedEncodingException: FOO",
      bounds: "threw InternalError: begin 5, end 3, length 3",
    });
  });
});

describe("java.lang.String's other overloads, as Java 17 answers them through Rhino", () => {
  // rhino -version 0 -opt -1 on "a1b2c3" (the answers below are its output, line by line)
  async function answers(): Promise<Record<string, string>> {
    const script = `function show(tag, f) { try { logger.error(tag + " => " + f()); } catch (e) { logger.error(tag + " threw " + e.name + ": " + e.message); } }
function j(a) { var o = []; for (var i = 0; i < a.length; i++) o.push("[" + a[i] + "]"); return a.length + " " + o.join(""); }
var s = new java.lang.String("a1b2c3");
show("group", function () { return j(s.split("(\\\\d)")); });
show("lim2", function () { return j(s.split("\\\\d", 2)); });
show("lim0", function () { return j(s.split("\\\\d", 0)); });
show("limNeg", function () { return j(s.split("\\\\d", -1)); });
show("lim10", function () { return j(s.split("\\\\d", 10)); });
show("lead", function () { return j(new java.lang.String(",a,,b,,").split(",")); });
show("empty", function () { return j(new java.lang.String("abc").split("")); });
show("lastIdx", function () { return s.lastIndexOf("b", 2) + " " + s.lastIndexOf("b", 10) + " " + s.lastIndexOf("b", -1); });
show("idxInt", function () { return s.indexOf(98) + " " + s.indexOf(98, 3) + " " + s.lastIndexOf(99); });
show("starts", function () { return s.startsWith("b2", 2) + " " + s.startsWith("a", -1) + " " + s.startsWith("", 6) + " " + s.startsWith("", 7); });
show("cmpIC", function () { return s.compareToIgnoreCase("A1B2C4") + " " + s.compareToIgnoreCase("a1b2c3") + " " + s.compareToIgnoreCase("a1"); });
show("region", function () { return s.regionMatches(2, "b2", 0, 2) + " " + s.regionMatches(true, 2, "B2", 0, 2) + " " + s.regionMatches(2, "B2", 0, 2) + " " + s.regionMatches(-1, "a", 0, 1); });
show("replFirst", function () { return s.replaceFirst("\\\\d", "#") + " " + s.replaceFirst("(\\\\w)(\\\\d)", "$2$1"); });
show("blank", function () { return new java.lang.String("\\t\\u2003").isBlank() + " " + new java.lang.String("\\u00a0").isBlank(); });`;
    const result = await run(script, {}, { evaluator: "legacy" });
    expect(result.error).toBeNull();
    return Object.fromEntries(result.logs.map((l) => [l.message.split(" ")[0], l.message.slice(l.message.indexOf(" ") + 1)]));
  }

  it("split leaves out groups and follows the limit; indexOf takes a char code; startsWith, regionMatches, compareToIgnoreCase, replaceFirst and isBlank exist with Java's rules", async () => {
    expect(await answers()).toEqual({
      group: "=> 3 [a][b][c]",
      lim2: "=> 2 [a][b2c3]",
      lim0: "=> 3 [a][b][c]",
      limNeg: "=> 4 [a][b][c][]",
      lim10: "=> 4 [a][b][c][]",
      lead: "=> 4 [][a][][b]",
      empty: "=> 3 [a][b][c]",
      lastIdx: "=> 2 2 -1",
      idxInt: "=> 2 -1 4",
      starts: "=> true false true false",
      cmpIC: "=> -1 0 4",
      region: "=> true true false false",
      replFirst: "=> a#b2c3 1ab2c3",
      blank: "=> true false",
    });
  });
});
