/**
 * const at run time as AM's Rhino gives it to a script (goldens: runtime/const.golden.json, recorded from real
 * Rhino 1.7.14 in a scope built like AM's by runtime/record-const.mjs). The playground must print what AM
 * would, for both evaluators, and warn where an ES6 reader would expect something else.
 */
import { describe, expect, it } from "vitest";
import golden from "./runtime/const.golden.json";
import { run } from "../../engine";
import { check } from "../../engine/check";

/** out(...) as the recorder defines it, appended (a hoisted declaration, so every line stays where it was). */
const OUT = "\nfunction out() { var s = []; for (var i = 0; i < arguments.length; i++) s.push(String(arguments[i])); logger.error(s.join(' ')); }";

/**
 * Known, documented disagreements (engine/dialect/README.md): a const named like its catch block's parameter
 * compiles in Rhino and fails when it runs ("TypeError: redeclaration of var a."); the playground runs it.
 * Asserted as disagreements, so fixing one shows up here.
 */
const KNOWN_GAPS = new Set(["catch-param-redeclared", "catch-param-redeclared-top"]);

/** What the playground shows in the recorder's terms: out(...) lines joined by "|", then an uncaught error. */
async function observed(source: string, evaluator: "legacy" | "next-gen"): Promise<string> {
  const result = await run(source + OUT, { evaluator });
  const outputs = result.logs.map((l) => l.message);
  if (result.error) outputs.push(`ERROR line ${result.error.line}: ${result.error.message}`);
  return outputs.join("|");
}

describe("const as AM's Rhino 1.7.14 runs it (goldens from real Rhino)", () => {
  for (const entry of golden) {
    for (const evaluator of ["legacy", "next-gen"] as const) {
      it(`${entry.id} (${evaluator}): ${entry.am}`, async () => {
        const got = await observed(entry.source, evaluator);
        if (KNOWN_GAPS.has(entry.id)) expect(got).not.toBe(entry.am);
        else expect(got).toBe(entry.am);
      });
    }
  }

  it("the task's example prints what AM prints, and the lint names the line and what differs", async () => {
    const source = 'const x = 5; var out = String(x);\nfor (var i = 0; i < 2; i++) { const y = i + 10; out += "," + y; }\naccessToken.setField("out", out);';
    const result = await run(source, {});
    expect(result.ok).toBe(true);
    expect(result.token?.after.out).toBe("undefined,undefined,undefined");
    const warnings = check(source).warnings.filter((w) => w.code === "rhino-const");
    expect(warnings.map((w) => w.line)).toEqual([1, 2]);
    expect(warnings[0].message).toMatch(/const x at the script's top level reads back undefined in AM/);
    expect(warnings[1].message).toMatch(/const y at the script's top level/);
  });

  it("inside a function, a const in a loop keeps its first value and the lint says so", async () => {
    const source = 'function f() {\n  var out = "";\n  for (var i = 0; i < 2; i++) {\n    const y = i + 10;\n    out += "," + y;\n  }\n  return out;\n}\naccessToken.setField("out", f());';
    const result = await run(source, {});
    expect(result.token?.after.out).toBe(",10,10");
    const [warning] = check(source).warnings.filter((w) => w.code === "rhino-const");
    expect(warning).toMatchObject({ line: 4 });
    expect(warning.message).toMatch(/inside a loop.*first initialisation/);
  });

  it("assignments to a function's const are ignored and named in the warning", () => {
    const warnings = check("function g() {\n  const a = 1;\n  a = 2;\n  return a;\n}").warnings.filter((w) => w.code === "rhino-const");
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(/assignments to it \(line 3\) are silently ignored/);
  });

  it("a plain const in a function, used as ES6 would, gets no warning", () => {
    expect(check("function g() {\n  const a = 1;\n  return a + 1;\n}").warnings.filter((w) => w.code === "rhino-const")).toEqual([]);
  });

  it("a runtime error after a rewritten const keeps its line", async () => {
    const result = await run("const a = 1;\nvar b = 2;\nnull.foo;", {});
    expect(result.error).toMatchObject({ kind: "runtime", line: 3 });
  });
});
