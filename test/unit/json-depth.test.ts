/**
 * Deeply nested JSON in a scenario, a case or an export: every reader either accepts it (up to the 1000
 * levels AM's Jackson accepts) or refuses it naming the place, and none overflows the stack.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MAX_JSON_DEPTH, findExcessiveNesting, findJsonSyntaxError, parseJsonWithLimits } from "../../engine/import/json-text";
import { parseJsonText, parseScenarioText, validateScenario, ScenarioError } from "../../engine/scenario/validate";
import { ImportError, parseScriptExport } from "../../engine/import/exports";

const nestedArrays = (depth: number, closed = true) => "[".repeat(depth) + (closed ? "]".repeat(depth) : "");
const nestedObjects = (depth: number) => '{"a":'.repeat(depth - 1) + "{}" + "}".repeat(depth - 1);

describe("JSON nesting limit", () => {
  it("is AM's: Jackson's default maximum nesting depth, 1000", () => {
    expect(MAX_JSON_DEPTH).toBe(1000);
  });

  it("accepts 1000 levels of arrays and of objects", () => {
    expect(parseJsonWithLimits(nestedArrays(1000)).ok).toBe(true);
    expect(parseJsonWithLimits(nestedObjects(1000)).ok).toBe(true);
    expect(findJsonSyntaxError(nestedObjects(1000))).toBeNull();
  });

  for (const depth of [1001, 4000, 100_000]) {
    it(`refuses ${depth} levels, valid or not, at the bracket that opens level 1001`, () => {
      for (const text of [nestedArrays(depth), nestedArrays(depth, false), `{"x": ${nestedArrays(depth)}}`]) {
        const parsed = parseJsonWithLimits(text);
        expect(parsed.ok).toBe(false);
        if (parsed.ok) continue;
        const offset = text.startsWith("{") ? 6 + 1000 - 1 : 1000;
        expect(parsed.error).toMatchObject({ offset, line: 1, column: offset + 1 });
        expect(parsed.error.problem).toMatch(/nested deeper than 1000 levels/);
      }
    });
  }

  it("reports an earlier syntax error before the depth, at its own place", () => {
    const text = '{"a": tru, "b": ' + nestedArrays(5000) + "}";
    expect(findJsonSyntaxError(text)).toMatchObject({ offset: 6 });
  });

  it("skips brackets inside strings when counting depth", () => {
    expect(findExcessiveNesting(JSON.stringify({ s: "[".repeat(5000) }))).toBeNull();
    expect(findExcessiveNesting(JSON.stringify({ s: '\\"' + "{".repeat(5000) }))).toBeNull();
  });

  it("scenario text: a ScenarioError naming the file, line and column", () => {
    const text = `{\n  "systemEnv": { "x": ${nestedArrays(4000)} }\n}`;
    const json = parseJsonText(text);
    expect(json).toMatchObject({ ok: false, issue: { path: "line 2, column 1021" } });
    expect(() => parseScenarioText(text, "deep.case.json")).toThrow(ScenarioError);
    expect(() => parseScenarioText(text, "deep.case.json")).toThrow(/deep\.case\.json[\s\S]*line 2, column 1021[\s\S]*1000 levels/);
  });

  it("export text: an ImportError naming the file, line and column", () => {
    const text = `{"result": ${nestedArrays(100_000)}}`;
    let error: unknown;
    try {
      parseScriptExport(text, "export.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^export\.json, line 1, column 1011: invalid JSON: .*1000 levels/);
  });

  it("a scenario value built in memory (as the desktop app hands one over) is refused naming its path", () => {
    let deep: unknown = {};
    for (let i = 0; i < 5000; i++) deep = { k: deep };
    const outcome = validateScenario({ systemEnv: { x: deep } });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toHaveLength(1);
    expect(outcome.issues[0].path).toBe(`$.systemEnv.x${".k".repeat(998)}`);
    expect(outcome.issues[0].message).toMatch(/1000 levels/);
  });

  it("a value built in memory that shares an object, or holds a cycle, is judged by its deepest place", () => {
    let chain: Record<string, unknown> = {};
    const bottom = chain;
    for (let i = 0; i < 990; i++) chain = { k: chain };
    // The chain is fine at the top but too deep below 20 more levels; sharing it must not hide that.
    let deeper: unknown = chain;
    for (let i = 0; i < 20; i++) deeper = { d: deeper };
    expect(validateScenario({ systemEnv: { a: chain } }).ok).toBe(true);
    // (b before a: the walk meets the chain first from a, the shallow place.)
    expect(validateScenario({ systemEnv: { b: deeper, a: chain } }).ok).toBe(false);
    bottom.loop = chain;
    const cyclic = validateScenario({ systemEnv: { a: chain } });
    expect(cyclic.ok).toBe(false);
  });

  it("property: any nesting of arrays and objects is accepted up to 1000 levels and refused past it, never throwing", () => {
    const opener = fc.constantFrom("[", '{"k":');
    fc.assert(
      fc.property(fc.array(opener, { minLength: 1, maxLength: 2500 }), fc.boolean(), (openers, closeAll) => {
        const closers = openers.map((o) => (o === "[" ? "]" : "}")).reverse();
        // `{"k":` needs a value before its `}`: the innermost gets one.
        const text = openers.join("") + (openers[openers.length - 1] === "[" ? "" : "0") + (closeAll ? closers.join("") : closers.slice(1).join(""));
        const parsed = parseJsonWithLimits(text);
        if (openers.length > MAX_JSON_DEPTH) {
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.error.problem).toMatch(/1000 levels/);
        } else {
          expect(parsed.ok).toBe(closeAll);
        }
      }),
      { numRuns: 60 },
    );
  });
});
