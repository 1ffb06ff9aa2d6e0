/**
 * AM's script loggers format like SLF4J's MessageFormatter on both evaluators. The goldens are the rows a live
 * AIC tenant logged (agiledigital-labs/pingone-aic-manager docs/api/12-script-bindings-matrix.md, "logger argument
 * handling", 2026-08-27); the JS source strings below are the ones the probes wrote.
 */
import { describe, expect, it } from "vitest";
import { formatSlf4j } from "../../engine/evaluators/common";

describe("formatSlf4j", () => {
  it.each([
    ["a {} b", ["X"], "a X b"],
    ["a {} b {} c", ["X", "Y"], "a X b Y c"],
    ["a {} b {} c", ["X"], "a X b {} c"],
    ["a", ["X"], "a"],
    ["a \\{} b", ["X"], "a {} b"],
    ["a \\\\{} b", ["X"], "a \\X b"],
  ])("%j with %j logs %j", (format, args, logged) => {
    expect(formatSlf4j(format, args)).toBe(logged);
  });

  it("an escaped {} takes no argument: the next {} gets it", () => {
    expect(formatSlf4j("\\{} then {}", ["X"])).toBe("{} then X");
  });

  it("after the last argument the message stays as written, escapes included", () => {
    expect(formatSlf4j("a {} b \\{} c", ["X"])).toBe("a X b \\{} c");
    expect(formatSlf4j("a {} b {} \\{}", ["X"])).toBe("a X b {} \\{}");
    expect(formatSlf4j("literal \\{}", [])).toBe("literal \\{}");
  });
});
