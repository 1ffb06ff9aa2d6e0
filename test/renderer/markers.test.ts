import { describe, expect, it } from "vitest";
import { errorMarkers, runMarkers, scenarioMarkers, warningMarkers } from "../../renderer/state/markers";
import { findChromium } from "../e2e/harness";

describe("editor squiggles", () => {
  it("puts a syntax error on its line from its column, and line-less errors nowhere", () => {
    expect(errorMarkers({ kind: "syntax", message: "missing ; before statement", line: 2, column: 5 })).toEqual([
      { message: "missing ; before statement", severity: "error", startLine: 2, startColumn: 5, endLine: 2, endColumn: 10_000 },
    ]);
    expect(errorMarkers({ kind: "timeout", message: "interrupted" })).toEqual([]);
    expect(warningMarkers([{ code: "x", message: "m" }, { code: "native-field-removed", message: "gone", line: 3 }])).toHaveLength(1);
  });

  it("a run's markers skip the syntax error the check already shows, but keep runtime errors and warnings", () => {
    const fromCheck = errorMarkers({ kind: "syntax", message: "bad", line: 1 });
    expect(runMarkers({ kind: "syntax", message: "bad", line: 1 }, [], fromCheck)).toEqual([]);
    const runtime = runMarkers({ kind: "runtime", message: "TypeError: x is undefined", line: 4 }, [{ code: "w", message: "careful", line: 2 }], fromCheck);
    expect(runtime.map((m) => [m.severity, m.startLine])).toEqual([
      ["error", 4],
      ["warning", 2],
    ]);
  });

  it("places scenario issues: JSON syntax by line/column, schema issues at their path", () => {
    const text = '{\n  "token": {\n    "lifetimeSeconds": -5\n  }\n}\n';
    const [bad] = scenarioMarkers(text, [{ path: "$.token.lifetimeSeconds", message: "Too small" }]);
    expect([bad.startLine, bad.startColumn, bad.endLine]).toEqual([3, 5, 3]);
    expect(bad.message).toBe("$.token.lifetimeSeconds: Too small");
    const [syntax] = scenarioMarkers("{,}", [{ path: "line 1, column 2", message: "invalid JSON" }]);
    expect([syntax.startLine, syntax.startColumn]).toEqual([1, 2]);
  });
});

describe("browser tests without Chromium", () => {
  it("say plainly that no Chromium was found and where they looked", () => {
    expect(() => findChromium(["/nonexistent/chromium"])).toThrow(/No Chromium found \(looked at \/nonexistent\/chromium\)/);
  });
});

describe("errors without a line of the script", () => {
  it("are not squiggled (a watchdog timeout, an engine failure, a line 0)", () => {
    expect(errorMarkers({ kind: "timeout", message: "stopped by the watchdog" })).toEqual([]);
    expect(errorMarkers({ kind: "runtime", message: "x", line: 0 })).toEqual([]);
    expect(errorMarkers({ kind: "runtime", message: "x", line: null as unknown as number })).toEqual([]);
    expect(errorMarkers({ kind: "runtime", message: "x", line: 3 })).toHaveLength(1);
  });
});
