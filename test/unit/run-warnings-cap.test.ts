/**
 * Warnings a script raises at run time are host memory outside the sandbox's limit: a loop must not grow them
 * without bound (issue 11). Each is kept once per code, line and message, and at most MAX_RUN_WARNINGS of them,
 * with one warning saying the rest were left out.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import { MAX_RUN_WARNINGS } from "../../engine/util/run-warnings";

describe("run-time warnings are bounded", () => {
  it("a getter called in a loop warns once (it pushed one warning per call: 46,000 in 5 s, 13 MB of JSON)", async () => {
    const result = await run('accessToken.setField("a", 1); accessToken.setField("b", 2);\nfor (var i = 0; i < 20000; i++) { accessToken.getCustomFields(); }\n', {}, { evaluator: "legacy" });
    expect(result.warnings.filter((w) => w.code === "custom-fields-order")).toEqual([expect.objectContaining({ line: 2 })]);
  });

  it("different warnings in a loop stop at the cap, and one more says so", async () => {
    const result = await run('for (var i = 0; i < 1000; i++) { accessToken.setField("f" + i, function () {}); }\n', {}, { evaluator: "legacy" });
    expect(result.warnings.length).toBe(MAX_RUN_WARNINGS + 1);
    expect(result.warnings.filter((w) => w.code === "unstorable-value").length).toBeLessThanOrEqual(MAX_RUN_WARNINGS);
    expect(result.warnings.at(-1)).toEqual({ code: "warnings-capped", message: `The script raised more than ${MAX_RUN_WARNINGS} different warnings; the rest are not listed (the first ${MAX_RUN_WARNINGS} are).` });
  });
});
