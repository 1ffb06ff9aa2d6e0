import { describe, expect, it } from "vitest";
import { run } from "../../engine";

// Rhino 1.7.14 (`rhino -version 0 -opt -1 st.js`) for the script below prints, with its file name st.js:
//   "\tat st.js:2\n\tat st.js:1 (t)\n\tat st.js:2\n"
// one frame per line of the script, the function's name only for a named function. In AM the name is the one the
// script is compiled under (engine/evaluators/rhino-position.ts): "<Unknown source>" for legacy, the script's name
// for next-generation.
const SCRIPT = `function t(f) { try { return f(); } catch (e) { return e.stack; } }
accessToken.setField("stack", t(function () { null.x; }));
try { (function inner() { undefinedName(); })(); } catch (e) { accessToken.setField("inner", e.stack); }`;

describe("a caught error's stack reads as Rhino writes it, naming the script as AM does", () => {
  it("legacy: <Unknown source>", async () => {
    const result = await run(SCRIPT, { evaluator: "legacy" });
    expect(result.error).toBeNull();
    expect(result.introspection?.stack).toBe("\tat <Unknown source>:2\n\tat <Unknown source>:1 (t)\n\tat <Unknown source>:2\n");
    expect(result.introspection?.inner).toBe("\tat <Unknown source>:3 (inner)\n\tat <Unknown source>:3\n");
  });
  it("next-generation: the script's name", async () => {
    const result = await run(SCRIPT, { evaluator: "next-gen", scriptName: "My ATM Script" });
    expect(result.error).toBeNull();
    expect(result.introspection?.stack).toBe("\tat My ATM Script:2\n\tat My ATM Script:1 (t)\n\tat My ATM Script:2\n");
    expect(String(result.introspection?.inner)).not.toMatch(/script\.js|<eval>|:\d+:\d+/);
  });
});

// The legacy recorder (real Rhino 1.7.14, AM's shutter) for the script below, compiled as "ln.js", logged
//   fileName,lineNumber|2|ln.js|{"fileName":"ln.js","lineNumber":2}   then   script:0 "" {}   then   0 "" false
// An error the engine raised has its own enumerable fileName and lineNumber (JSON.stringify(e), a common way to log
// an error, shows them); one the script built keeps Error.prototype's "" and 0.
describe("a caught error's fileName and lineNumber are Rhino's", () => {
  it("legacy: the engine's error names the script as AM compiles it; the script's own error keeps the prototype's", async () => {
    const script = `var out = [];
try { null.x; } catch (e) { var k = []; for (var p in e) k.push(p); out.push(k.join(",") + "|" + e.lineNumber + "|" + e.fileName + "|" + JSON.stringify(e)); }
try { throw new TypeError("t"); } catch (e) { out.push("script:" + e.lineNumber + " " + JSON.stringify(e.fileName) + " " + JSON.stringify(e)); }
out.push(Error.prototype.lineNumber + " " + JSON.stringify(Error.prototype.fileName) + " " + TypeError.prototype.hasOwnProperty("lineNumber"));
accessToken.setField("out", out.join("\\n"));`;
    const result = await run(script, { evaluator: "legacy" });
    expect(result.error).toBeNull();
    expect(String(result.introspection?.out).split("\n")).toEqual([
      'fileName,lineNumber|2|<Unknown source>|{"fileName":"<Unknown source>","lineNumber":2}',
      'script:0 "" {}',
      '0 "" false',
    ]);
  });
});
