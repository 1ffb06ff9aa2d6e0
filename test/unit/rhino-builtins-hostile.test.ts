import { describe, expect, it } from "vitest";
import { run } from "../../engine";

// A megabyte of text through the emulated built-ins: a clear answer, no crash. (How fast is the benchmarks' business.)
describe("Rhino's built-ins hold up on long texts", () => {
  it("localeCompare of 1 MB texts that differ at the end, and of equal texts", async () => {
    const script = `var a = new Array(500001).join("ab"), b = a + "c";\naccessToken.setField("r", [a.localeCompare(b), b.localeCompare(a), a.localeCompare(a + "")].join());`;
    const result = await run(script, { evaluator: "legacy", timeoutMs: 20000 });
    expect(result.error).toBeNull();
    expect(result.introspection?.r).toBe("-1,1,0");
  });
  it("RegExp statics after 100,001 matches over a 1 MB text describe the last one", async () => {
    const script = `var a = new Array(500001).join("ab"), re = /(a)/g, n = 0;\nwhile (re.exec(a) && n < 100000) n++;\naccessToken.setField("r", n + " " + RegExp.$1 + " " + RegExp.leftContext.length + " " + RegExp.rightContext.length);`;
    const result = await run(script, { evaluator: "next-gen", timeoutMs: 20000 });
    expect(result.error).toBeNull();
    expect(result.introspection?.r).toBe("100000 a 200000 799999");
  });
});
